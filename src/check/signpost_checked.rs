//! Rule `signpost-checked`: a signposting entry whose link was last checked more than a year
//! ago, or never. Services move, close and change their numbers; a practitioner who rings a
//! dead number for a family loses time the family may not have.

use jiff::ToSpan;

use super::rules::{Context, Rule, title_position};
use crate::config::RuleLevel;
use crate::content::PageKind;
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "signpost-checked",
    default_level: RuleLevel::Warn,
    run,
};

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let year_ago = cx.today.checked_sub(1.year()).unwrap_or(cx.today);
    cx.pages()
        .filter(|(page, _)| page.kind == PageKind::Signpost)
        .filter_map(|(page, _)| match page.front.last_checked {
            None => Some(
                Diagnostic::warning(
                    RULE.id,
                    &page.file,
                    title_position(page),
                    "the signposting entry has no last_checked date",
                )
                .with_hint(
                    "check the service's details and link still work, then add \
                     last_checked = YYYY-MM-DD (the day you checked) to the front matter",
                ),
            ),
            Some(checked) if checked.last_day() < year_ago => Some(
                Diagnostic::warning(
                    RULE.id,
                    &page.file,
                    page.value_position("last_checked", None),
                    format!(
                        "the signposting entry was last checked on {}, over a year ago",
                        checked.human()
                    ),
                )
                .with_hint(
                    "check the service's details and link still work, then set last_checked \
                     to the day you checked",
                ),
            ),
            Some(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::findings;

    #[test]
    fn missing_and_year_old_checks_are_found() {
        let entry = |checked: &str| {
            format!(
                "+++\ntitle = \"Service\"\nurl = \"https://example.org/\"\n{checked}+++\nText.\n"
            )
        };
        let (old, fresh, edge, none) = (
            entry("last_checked = 2025-11-22\n"),
            entry("last_checked = 2026-01-01\n"),
            entry("last_checked = 2025-11-23\n"),
            entry(""),
        );
        let found = findings(
            &RULE,
            &[
                ("signposting/old.md", &old),
                ("signposting/fresh.md", &fresh),
                ("signposting/edge.md", &edge),
                ("signposting/none.md", &none),
                ("about/not-a-signpost.md", &none),
            ],
        );
        assert_eq!(
            found,
            [
                "content/signposting/none.md:2:9",
                "content/signposting/old.md:4:16"
            ]
        );
    }
}
