//! Rule `document-control`: a strategy or toolkit document without its full document control
//! (owner, version, approved, published, review_due). These are the documents a partnership
//! answers for: readers and auditors need to see who owns each one and when it was agreed.

use super::rules::{Context, Rule};
use crate::config::RuleLevel;
use crate::content::DocControl;
use crate::diagnostics::{Diagnostic, Position};

pub(super) const RULE: Rule = Rule {
    id: "document-control",
    default_level: RuleLevel::Error,
    run,
};

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.pages()
        .filter(|(page, _)| page.kind.needs_document_control())
        .filter_map(|(page, _)| {
            let missing = DocControl::of(page).missing_fields();
            if missing.is_empty() {
                return None;
            }
            let example: Vec<String> = missing.iter().map(|f| example_line(f)).collect();
            Some(
                Diagnostic::warning(
                    RULE.id,
                    &page.file,
                    Position::new(1, 1),
                    format!(
                        "{} document without {} in its document control",
                        page.kind.label().to_lowercase(),
                        join_and(&missing)
                    ),
                )
                .with_hint(format!("add between the +++ lines: {}", example.join(", "))),
            )
        })
        .collect()
}

fn example_line(field: &str) -> String {
    let value = match field {
        "owner" => "\"Neglect Strategy Group\"",
        "version" => "\"1.0\"",
        "review_due" => "2027-04-01",
        _ => "2026-04-01",
    };
    format!("{field} = {value}")
}

/// "a, b and c".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::run;

    #[test]
    fn strategy_and_toolkit_documents_need_every_field() {
        let full = "+++\ntitle = \"Full\"\nowner = \"Group\"\nversion = \"1\"\napproved = 2026-01-01\n\
                    published = 2026-01-02\nreview_due = \"2027-12\"\n+++\nText.\n";
        let found = run(
            &RULE,
            "",
            &[
                ("strategy/full.md", full),
                ("strategy/bare.md", "+++\ntitle = \"Bare\"\n+++\nText.\n"),
                (
                    "toolkit/part.md",
                    "+++\ntitle = \"Part\"\nowner = \"Group\"\nversion = \"2\"\n+++\nText.\n",
                ),
                ("about/page.md", "+++\ntitle = \"About\"\n+++\nText.\n"),
                (
                    "strategy/_index.md",
                    "+++\ntitle = \"Strategy\"\n+++\nText.\n",
                ),
            ],
        );
        let messages: Vec<_> = found
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect();
        assert_eq!(
            messages,
            [
                "content/strategy/bare.md:1:1: strategy document without owner, version, \
                 approved, published and review_due in its document control",
                "content/toolkit/part.md:1:1: toolkit document without approved, published and \
                 review_due in its document control",
            ]
        );
        assert!(
            found[1]
                .hint
                .as_deref()
                .unwrap()
                .contains("approved = 2026-04-01")
        );
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(join_and(&["a"]), "a");
        assert_eq!(join_and(&["a", "b", "c"]), "a, b and c");
    }
}
