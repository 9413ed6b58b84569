//! Rule `duplicate-title`: two pages with the same title. Readers choose between search
//! results, navigation links and browser tabs by title; two the same make them guess.

use std::collections::HashMap;

use super::rules::{Context, Rule, title_position};
use crate::config::RuleLevel;
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "duplicate-title",
    default_level: RuleLevel::Warn,
    run,
};

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut first: HashMap<String, &crate::content::Page> = HashMap::new();
    let mut found = Vec::new();
    // Pages are in source order, so the later file is the one reported.
    for (page, _) in cx.pages() {
        let key = page
            .front
            .title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        match first.get(&key) {
            Some(earlier) => found.push(
                Diagnostic::warning(
                    RULE.id,
                    &page.file,
                    title_position(page),
                    format!(
                        "the title \"{}\" is also the title of {}",
                        page.front.title,
                        earlier.file.display()
                    ),
                )
                .with_hint(
                    "give each page a title that says how it differs, such as \"Day in my life: \
                     baby\" and \"Day in my life: teenager\"",
                ),
            ),
            None => {
                first.insert(key, page);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, run as run_rule};

    #[test]
    fn the_later_of_two_pages_with_one_title_is_reported() {
        let pages = [
            ("a/one.md", "+++\ntitle = \"Chronology\"\n+++\nText.\n"),
            ("b/two.md", "+++\ntitle = \"chronology \"\n+++\nText.\n"),
            (
                "c/three.md",
                "+++\ntitle = \"Chronology template\"\n+++\nText.\n",
            ),
        ];
        assert_eq!(findings(&RULE, &pages), ["content/b/two.md:2:9"]);
        let found = run_rule(&RULE, "", &pages);
        assert!(
            found[0].message.ends_with("content/a/one.md"),
            "{}",
            found[0].message
        );
    }
}
