//! Rule `latin-abbreviation`: "eg", "e.g.", "ie", "i.e." and "etc". GOV.UK style avoids them:
//! many readers do not know what they mean, screen readers read them oddly, and "i.e." and
//! "e.g." are often confused. Write "for example", "that is", or the whole list.

use super::rules::{Context, Rule};
use crate::config::RuleLevel;
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "latin-abbreviation",
    default_level: RuleLevel::Warn,
    run,
};

/// What a Latin abbreviation stands for, and what to write instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Latin {
    ForExample,
    ThatIs,
    AndSoOn,
}

impl Latin {
    fn instead(self) -> &'static str {
        match self {
            Latin::ForExample => "write \"for example\" or \"such as\"",
            Latin::ThatIs => "write \"that is\", or make it a sentence of its own",
            Latin::AndSoOn => {
                "write the whole list, or start it with \"for example\" or \"including\""
            }
        }
    }
}

/// The forms looked for, longest first so "e.g." wins over "e.g". Matching ignores case, but
/// "EG" and "IE" in capitals are left to the abbreviation rule.
const FORMS: &[(&str, Latin)] = &[
    ("e. g.", Latin::ForExample),
    ("i. e.", Latin::ThatIs),
    ("e.g.", Latin::ForExample),
    ("i.e.", Latin::ThatIs),
    ("etc.", Latin::AndSoOn),
    ("e.g", Latin::ForExample),
    ("i.e", Latin::ThatIs),
    ("etc", Latin::AndSoOn),
    ("eg", Latin::ForExample),
    ("ie", Latin::ThatIs),
];

/// Every Latin abbreviation in `text`: its byte offset, the form written, and its meaning.
pub(super) fn find(text: &str) -> Vec<(usize, &str, Latin)> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(bytes[i], b'e' | b'E' | b'i' | b'I') || !starts_word(text, i) {
            i += 1;
            continue;
        }
        let hit = FORMS.iter().find_map(|(form, latin)| {
            let candidate = text.get(i..i + form.len())?;
            let ends_word = text[i + form.len()..]
                .chars()
                .next()
                .is_none_or(|c| !(c.is_alphanumeric() || "/@-_".contains(c)));
            let shouting = form.len() == 2 && candidate.bytes().all(|b| b.is_ascii_uppercase());
            (candidate.eq_ignore_ascii_case(form) && ends_word && !shouting)
                .then_some((candidate, *latin))
        });
        match hit {
            Some((written, latin)) => {
                found.push((i, written, latin));
                i += written.len();
            }
            None => i += 1,
        }
    }
    found
}

/// True when the ASCII letter at `i` starts a word: not after a letter, a digit, or the
/// punctuation of addresses and contractions.
fn starts_word(text: &str, i: usize) -> bool {
    let Some(&before) = i.checked_sub(1).and_then(|b| text.as_bytes().get(b)) else {
        return true;
    };
    if before.is_ascii() {
        return !(before.is_ascii_alphanumeric() || b".'/@-_".contains(&before));
    }
    text[..i]
        .chars()
        .next_back()
        .is_some_and(|c| !(c.is_alphanumeric() || c == '\u{2019}'))
}

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (page, facts) in cx.pages() {
        for range in &facts.text {
            for (offset, written, latin) in find(&page.text[range.clone()]) {
                found.push(
                    Diagnostic::warning(
                        RULE.id,
                        &page.file,
                        page.position(range.start + offset),
                        format!(
                            "\"{written}\" is a Latin abbreviation that many readers do not know"
                        ),
                    )
                    .with_hint(latin.instead()),
                );
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::findings;

    fn written(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|(_, w, _)| w).collect()
    }

    #[test]
    fn finds_every_form() {
        assert_eq!(
            written("Food, eg bread. Heat (i.e. a fire), toys etc. E.g. this; ie that, etc"),
            ["eg", "i.e.", "etc.", "E.g.", "ie", "etc"]
        );
        assert_eq!(written("e. g. one, e.g two"), ["e. g.", "e.g"]);
    }

    #[test]
    fn leaves_words_addresses_and_capitals_alone() {
        assert!(written("egg tie etcetera piece eight").is_empty());
        assert!(written("www.example.ie and /etc/hosts and me@eg.org").is_empty());
        assert!(written("IE and EG are left to the abbreviation rule").is_empty());
        assert!(written("caf\u{e9}ie don\u{2019}ie").is_empty());
        assert_eq!(written("food\u{2014}eg bread"), ["eg"]);
    }

    #[test]
    fn titles_text_tables_and_forms_are_read_but_not_code() {
        let found = findings(
            &RULE,
            &[(
                "guide/a.md",
                "+++\ntitle = \"Tools etc\"\n+++\nBring food, e.g. fruit.\n\n| a |\n|---|\n| ie |\n\n\
                 ```form\nWhat do you eat, eg at lunch?\n```\n\n`etc` and\n\n```\ne.g.\n```\n",
            )],
        );
        assert_eq!(
            found,
            [
                "content/guide/a.md:2:16",
                "content/guide/a.md:4:13",
                "content/guide/a.md:8:3",
                "content/guide/a.md:11:18"
            ]
        );
    }
}
