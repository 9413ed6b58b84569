//! Rule `empty-page`: a page with nothing to read, which looks broken to a reader who followed
//! a link to it. A section page that lists its pages has something to show, so it is not empty.

use super::rules::{Context, Rule, title_position};
use crate::config::RuleLevel;
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "empty-page",
    default_level: RuleLevel::Warn,
    run,
};

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.pages()
        .filter(|(page, facts)| {
            let lists_pages = page.is_section && !page.children.is_empty();
            !facts.has_body_text && !lists_pages
        })
        .map(|(page, _)| {
            Diagnostic::warning(
                RULE.id,
                &page.file,
                title_position(page),
                "the page has no text",
            )
            .with_hint(
                "write the page's text after the closing +++ line, or mark it draft = true \
                 until it is ready",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::findings;

    #[test]
    fn pages_without_text_are_found_but_sections_with_pages_are_not() {
        let found = findings(
            &RULE,
            &[
                ("guide/_index.md", "+++\ntitle = \"Guide\"\n+++\n"),
                (
                    "guide/empty.md",
                    "+++\ntitle = \"Empty\"\n+++\n\n## Just a heading\n",
                ),
                ("guide/full.md", "+++\ntitle = \"Full\"\n+++\nText.\n"),
                ("lonely/_index.md", "+++\ntitle = \"Lonely\"\n+++\n"),
            ],
        );
        assert_eq!(
            found,
            ["content/guide/empty.md:2:9", "content/lonely/_index.md:2:9"]
        );
    }
}
