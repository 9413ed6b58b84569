//! Abbreviations that no definition explains: capitalised words of two to six letters ("LADO",
//! "CPPs") that a reader may not know, found at the line and column an editor can fix.
//!
//! Everything a reader sees is searched (title, summary, body, headings, link text, table cells,
//! toolkit form questions) except code and web addresses.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::Glossary;
use crate::content::Page;
use crate::diagnostics::Position;

/// Abbreviations every reader knows. Roman numerals are allowed too.
pub(crate) const BUILT_IN: &[&str] = &["UK", "OK", "TV", "AM", "PM"];

/// Abbreviations that need no definition: the built-in few, Roman numerals, and a site's own.
#[derive(Debug, Clone, Default)]
pub(crate) struct AllowList {
    words: HashSet<String>,
}

impl AllowList {
    /// The built-in list plus a site's `[check] allowed_abbreviations`.
    pub(crate) fn new(extra: &[String]) -> AllowList {
        AllowList {
            words: BUILT_IN
                .iter()
                .map(|w| w.to_string())
                .chain(extra.iter().map(|w| w.trim().to_string()))
                .collect(),
        }
    }

    pub(crate) fn allows(&self, word: &str) -> bool {
        self.words.contains(word) || is_roman_numeral(word)
    }
}

/// I to XXXIX: the numerals of parts, schedules and appendices. Letters such as C, D and M are
/// left out because "CD", "MD" and "CV" are more often abbreviations than numbers.
pub(crate) fn is_roman_numeral(word: &str) -> bool {
    let units = word.trim_start_matches('X');
    word.len() - units.len() <= 3
        && !word.is_empty()
        && ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"].contains(&units)
}

/// An abbreviation a page uses that nothing explains: where it is first used, and how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unexplained {
    /// As written, with any plural "s".
    pub word: String,
    pub position: Position,
    pub count: usize,
}

/// Every unexplained abbreviation on `page`, at its first use, in the order of first use.
/// `text` holds the byte ranges of the file that a reader sees as text, in file order (see
/// [`crate::check::facts::PageFacts::text`]).
pub(crate) fn unexplained(
    page: &Page,
    text: &[Range<usize>],
    glossary: &Glossary,
    allowed: &AllowList,
) -> Vec<Unexplained> {
    let mut found: Vec<Unexplained> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (offset, word) in text.iter().flat_map(|range| {
        candidates(&page.text[range.clone()]).map(move |(o, w)| (range.start + o, w))
    }) {
        let singular = word.strip_suffix('s').unwrap_or(word);
        if allowed.allows(word)
            || allowed.allows(singular)
            || glossary.find(word).is_some()
            || glossary.find(singular).is_some()
        {
            continue;
        }
        match index.get(word) {
            Some(&i) => found[i].count += 1,
            None => {
                index.insert(word, found.len());
                found.push(Unexplained {
                    word: word.to_string(),
                    position: page.position(offset),
                    count: 1,
                });
            }
        }
    }
    found
}

/// Words of two to six capital letters, with an optional plural "s", as (byte offset, word).
/// Words inside web and email addresses are skipped.
pub(crate) fn candidates(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .filter(|chunk| !(chunk.contains("://") || chunk.contains("www.") || chunk.contains('@')))
        .flat_map(move |chunk| {
            let chunk_start = chunk.as_ptr() as usize - text.as_ptr() as usize;
            chunk
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| is_abbreviation(w))
                .map(move |w| {
                    (
                        chunk_start + (w.as_ptr() as usize - chunk.as_ptr() as usize),
                        w,
                    )
                })
        })
}

fn is_abbreviation(word: &str) -> bool {
    let letters = word.strip_suffix('s').unwrap_or(word);
    (2..=6).contains(&letters.len()) && letters.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(usize, &str)> {
        candidates(text).collect()
    }

    #[test]
    fn finds_capitalised_words_of_two_to_six_letters() {
        assert_eq!(
            words("Ask the LADO, not the DSL's deputy."),
            [(8, "LADO"), (22, "DSL")]
        );
        assert_eq!(words("Two CPPs and a CIN-plan"), [(4, "CPPs"), (15, "CIN")]);
        assert_eq!(words("A I GCP2 ABCDEFG Hello NHS"), [(23, "NHS")]);
        assert_eq!(words("MIXed Ss"), []);
    }

    #[test]
    fn web_addresses_are_not_text() {
        assert_eq!(
            words("See https://example.org/ABC or www.NSPCC.org.uk or a@NHS.net"),
            []
        );
    }

    #[test]
    fn roman_numerals_and_the_built_in_list_are_allowed() {
        let allowed = AllowList::new(&["AA".to_string()]);
        for w in ["UK", "II", "III", "IV", "IX", "XIV", "XXXIX", "AA"] {
            assert!(allowed.allows(w), "{w}");
        }
        for w in ["IIII", "XXXX", "CV", "MD", "VX", "LA"] {
            assert!(!allowed.allows(w), "{w}");
        }
    }
}
