//! Rule `extra-h1`: a level-1 heading (`#`) in a page's text. The page title is the page's one
//! h1, so another one confuses its outline for screen-reader users and in the contents list.

use super::rules::{Context, Rule};
use crate::config::RuleLevel;
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "extra-h1",
    default_level: RuleLevel::Error,
    run,
};

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.pages()
        .flat_map(|(page, facts)| {
            facts
                .headings
                .iter()
                .filter(|h| h.level == 1)
                .map(|heading| {
                    Diagnostic::warning(
                        RULE.id,
                        &page.file,
                        heading.position,
                        format!(
                            "\"{}\" is a level-1 heading, but the page title is already the h1",
                            heading.text
                        ),
                    )
                    .with_hint(
                        "start the page's headings at `##`; to change the page's title, set title \
                     in the front matter",
                    )
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::testing::findings;

    #[test]
    fn every_level_one_heading_is_found() {
        let found = findings(
            &super::RULE,
            &[(
                "guide/a.md",
                "+++\ntitle = \"A\"\n+++\n# Title again\n\n## Fine\n\nUnderlined\n==========\n",
            )],
        );
        assert_eq!(found, ["content/guide/a.md:4:1", "content/guide/a.md:8:1"]);
    }
}
