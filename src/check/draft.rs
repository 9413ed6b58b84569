//! Rule `draft`: a page marked `draft = true`. A build leaves drafts out, so an editor may
//! think a page is live when it is not; `waymark check` checks drafts like any page and says
//! which pages are not published.

use super::rules::{Context, Rule};
use crate::config::RuleLevel;
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "draft",
    default_level: RuleLevel::Warn,
    run,
};

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.pages()
        .filter(|(page, _)| page.front.draft)
        .map(|(page, _)| {
            Diagnostic::warning(
                RULE.id,
                &page.file,
                page.value_position("draft", None),
                "the page is a draft, so it is not published",
            )
            .with_hint("when it is ready, delete the line draft = true and build the site")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::findings;

    #[test]
    fn each_draft_is_reported_where_it_says_so() {
        let found = findings(
            &RULE,
            &[
                (
                    "guide/a.md",
                    "+++\ntitle = \"A\"\ndraft = true\n+++\nText.\n",
                ),
                (
                    "guide/b.md",
                    "+++\ntitle = \"B\"\ndraft = false\n+++\nText.\n",
                ),
            ],
        );
        assert_eq!(found, ["content/guide/a.md:3:9"]);
    }
}
