//! Rule `heading-skip`: a heading more than one level below the one before it (an h4 straight
//! after an h2). Screen-reader users move through a page by its headings; a missing level
//! looks like a missing section.

use super::rules::{Context, Rule};
use crate::config::RuleLevel;
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "heading-skip",
    default_level: RuleLevel::Warn,
    run,
};

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (page, facts) in cx.pages() {
        // The page title is the h1.
        let mut previous = 1;
        for heading in &facts.headings {
            if heading.level > previous + 1 {
                let hashes = "#".repeat(usize::from(heading.level));
                let wanted = "#".repeat(usize::from(previous) + 1);
                found.push(
                    Diagnostic::warning(
                        RULE.id,
                        &page.file,
                        heading.position,
                        format!(
                            "heading \"{}\" is an h{} after an h{}: a level is skipped",
                            heading.text, heading.level, previous
                        ),
                    )
                    .with_hint(format!(
                        "write `{wanted}` instead of `{hashes}`, or add the missing heading \
                         above it; headings go down one level at a time"
                    )),
                );
            }
            previous = heading.level;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::check::testing::findings;

    #[test]
    fn a_skipped_level_is_found_and_going_back_up_is_fine() {
        let found = findings(
            &super::RULE,
            &[
                (
                    "guide/a.md",
                    "+++\ntitle = \"A\"\n+++\n## One\n\n### Two\n\n## Three\n\n#### Four\n",
                ),
                (
                    "guide/b.md",
                    "+++\ntitle = \"B\"\n+++\n### Starts too deep\n",
                ),
                (
                    "guide/c.md",
                    "+++\ntitle = \"C\"\n+++\n## A\n\n### B\n\n#### C\n\n## D\n",
                ),
            ],
        );
        assert_eq!(found, ["content/guide/a.md:10:1", "content/guide/b.md:4:1"]);
    }
}
