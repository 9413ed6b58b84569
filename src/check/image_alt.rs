//! Rule `image-alt`: an image without a description (alt text), which a screen reader cannot
//! describe and a reader with images turned off never sees.

use super::rules::{Context, Rule};
use crate::config::RuleLevel;
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "image-alt",
    default_level: RuleLevel::Error,
    run,
};

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.pages()
        .flat_map(|(page, facts)| {
            facts
                .images
                .iter()
                .filter(|i| i.alt.is_empty())
                .map(|image| {
                    Diagnostic::warning(
                        RULE.id,
                        &page.file,
                        image.position,
                        format!("image `{}` has no description", image.dest),
                    )
                    .with_hint(
                        "describe what the image shows between the square brackets, such as \
                     ![Chart of referrals by month](chart.png); if it adds nothing a reader \
                     needs, leave it out",
                    )
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::testing::findings;

    #[test]
    fn images_need_a_description() {
        let found = findings(
            &super::RULE,
            &[(
                "guide/a.md",
                "+++\ntitle = \"A\"\n+++\n![](one.png)\n\n![A chart of referrals](two.png)\n\n![ ](three.png)\n",
            )],
        );
        assert_eq!(found, ["content/guide/a.md:4:1", "content/guide/a.md:8:1"]);
    }
}
