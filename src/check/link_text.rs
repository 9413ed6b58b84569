//! Rule `link-text`: links whose words say nothing about where they go ("click here", "read
//! more") or that are a bare web address. Screen-reader users often hear a page's links as a
//! list, out of their sentences, and everyone scans for link words.

use super::rules::{Context, Rule};
use crate::config::RuleLevel;
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "link-text",
    default_level: RuleLevel::Warn,
    run,
};

/// Link words that mean nothing out of their sentence, compared in lowercase without the
/// punctuation around them.
const UNHELPFUL: &[&str] = &[
    "click here",
    "here",
    "click",
    "read more",
    "more",
    "this page",
    "link",
    "this link",
];

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.pages()
        .flat_map(|(page, facts)| {
            facts.links.iter().filter_map(|link| {
                let problem = problem(&link.text)?;
                Some(
                    Diagnostic::warning(
                        RULE.id,
                        &page.file,
                        link.position,
                        problem.message(&link.text),
                    )
                    .with_hint(problem.hint()),
                )
            })
        })
        .collect()
}

/// What is wrong with a link's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Unhelpful,
    Address,
}

impl Problem {
    fn message(self, text: &str) -> String {
        match self {
            Problem::Unhelpful => format!("link text \"{text}\" does not say where the link goes"),
            Problem::Address => format!("link text is a web address ({text})"),
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Problem::Unhelpful => {
                "make the link's words name what it leads to, such as [the referral form](referral.md) \
                 instead of [click here](referral.md)"
            }
            Problem::Address => {
                "give the link words that name the page or service, such as \
                 [Childline's website](https://www.childline.org.uk/); a screen reader reads an \
                 address out letter by letter"
            }
        }
    }
}

fn problem(text: &str) -> Option<Problem> {
    let words = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let lower = text.trim().to_lowercase();
    if ["http://", "https://", "www."]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        Some(Problem::Address)
    } else if UNHELPFUL.contains(&words.as_str()) {
        Some(Problem::Unhelpful)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::findings;

    #[test]
    fn vague_words_and_addresses_are_problems() {
        assert_eq!(problem("Click here"), Some(Problem::Unhelpful));
        assert_eq!(problem("here."), Some(Problem::Unhelpful));
        assert_eq!(problem("Read  more"), Some(Problem::Unhelpful));
        assert_eq!(problem("https://www.nspcc.org.uk/"), Some(Problem::Address));
        assert_eq!(problem("www.example.org"), Some(Problem::Address));
        assert_eq!(problem("the referral form"), None);
        assert_eq!(problem("more about neglect"), None);
        assert_eq!(problem("Where to find help"), None);
    }

    #[test]
    fn links_and_autolinks_are_read() {
        let found = findings(
            &RULE,
            &[(
                "guide/a.md",
                "+++\ntitle = \"A\"\n+++\nSee [here](b.md), <https://example.org/> and \
                 [the form](b.md).\n",
            )],
        );
        assert_eq!(found, ["content/guide/a.md:4:5", "content/guide/a.md:4:19"]);
    }
}
