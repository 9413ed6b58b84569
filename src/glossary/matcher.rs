//! Finding glossary terms in text: one Aho-Corasick automaton holds every name of every term,
//! so a text is scanned once however large the glossary is.
//!
//! A match is a whole word (a hyphen joins words, so "multi-agency" holds no "agency"). Terms and
//! aliases match in any case; abbreviations only as written, so neither the "cin" of "cinema" nor
//! a sentence's "Cin" is "CIN". Simple plurals match ("chronologies", "genograms", "CPPs").
//! Where names overlap, the longest wins: "emotional neglect" over "neglect".

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, Anchored, BuildError, Input, MatchKind, StartKind};

use super::EntryId;

/// How a name refers to its term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The term or one of its aliases: the words in full.
    Name,
    /// The abbreviation.
    Abbreviation,
}

/// A name found in a text, as a byte range of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMatch {
    pub start: usize,
    pub end: usize,
    pub entry: EntryId,
    pub form: Form,
    /// The text had the plural ("chronologies" for "chronology").
    pub plural: bool,
}

#[derive(Debug)]
struct Pattern {
    entry: EntryId,
    form: Form,
    plural: bool,
    /// As written, for the case-sensitive check of abbreviations.
    text: String,
}

/// Finds the names of glossary terms in text. Built once per site; shared by every page.
#[derive(Debug)]
pub struct TermMatcher {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

impl TermMatcher {
    /// A matcher for `names`: each a term's id, one of its names and how that name refers to it.
    /// Names as written win over generated plurals when they collide ("risk factors" the alias
    /// over "risk factors" the plural of another term's "risk factor").
    pub fn new<'a>(
        names: impl IntoIterator<Item = (EntryId, &'a str, Form)>,
    ) -> Result<TermMatcher, BuildError> {
        let mut written = Vec::new();
        let mut plurals = Vec::new();
        for (entry, name, form) in names {
            let name = collapse_spaces(name);
            if name.is_empty() {
                continue;
            }
            let plural = match form {
                Form::Name => plural(&name),
                Form::Abbreviation if !name.ends_with(['s', 'S']) => Some(format!("{name}s")),
                Form::Abbreviation => None,
            };
            for text in apostrophe_variants(name) {
                written.push(Pattern {
                    entry,
                    form,
                    plural: false,
                    text,
                });
            }
            for text in plural.into_iter().flat_map(apostrophe_variants) {
                plurals.push(Pattern {
                    entry,
                    form,
                    plural: true,
                    text,
                });
            }
        }
        let mut seen = HashSet::new();
        let patterns: Vec<Pattern> = written
            .into_iter()
            .chain(plurals)
            .filter(|p| seen.insert(p.text.to_ascii_lowercase()))
            .collect();
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .start_kind(StartKind::Both)
                    .build(patterns.iter().map(|p| p.text.as_str()))?,
            )
        };
        Ok(TermMatcher {
            automaton,
            patterns,
        })
    }

    /// Every name in `text`, left to right, never overlapping.
    pub fn find_iter<'m, 'h>(&'m self, text: &'h str) -> Matches<'m, 'h> {
        Matches {
            matcher: self,
            text,
            pos: 0,
        }
    }

    /// The match as a whole word, in the right case, or None.
    fn accept(&self, text: &str, m: aho_corasick::Match) -> Option<TermMatch> {
        let pattern = &self.patterns[m.pattern().as_usize()];
        if !ends_word(text, m.end()) {
            return None;
        }
        if pattern.form == Form::Abbreviation && text[m.start()..m.end()] != pattern.text {
            return None;
        }
        Some(TermMatch {
            start: m.start(),
            end: m.end(),
            entry: pattern.entry,
            form: pattern.form,
            plural: pattern.plural,
        })
    }
}

/// The iterator of [`TermMatcher::find_iter`].
pub struct Matches<'m, 'h> {
    matcher: &'m TermMatcher,
    text: &'h str,
    pos: usize,
}

impl Iterator for Matches<'_, '_> {
    type Item = TermMatch;

    fn next(&mut self) -> Option<TermMatch> {
        let automaton = self.matcher.automaton.as_ref()?;
        let text = self.text;
        while self.pos < text.len() {
            let found = automaton.find(Input::new(text).span(self.pos..text.len()))?;
            let start = found.start();
            if starts_word(text, start) {
                // The longest name here may end inside a word or be an abbreviation in the wrong
                // case; a shorter name starting at the same place may still fit.
                let mut candidate = Some(found);
                while let Some(m) = candidate {
                    if let Some(accepted) = self.matcher.accept(text, m) {
                        self.pos = accepted.end;
                        return Some(accepted);
                    }
                    candidate = automaton.find(
                        Input::new(text)
                            .span(start..m.end() - 1)
                            .anchored(Anchored::Yes),
                    );
                }
            }
            self.pos = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

/// Letters, digits and `_` make words; a hyphen between word characters joins two words into one.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn starts_word(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        None => true,
        Some('-') => !before.next().is_some_and(is_word_char),
        Some(c) => !is_word_char(c),
    }
}

fn ends_word(text: &str, at: usize) -> bool {
    let mut after = text[at..].chars();
    match after.next() {
        None => true,
        Some('-') => !after.next().is_some_and(is_word_char),
        Some(c) => !is_word_char(c),
    }
}

/// The simple English plural of a name's last word: "chronology" becomes "chronologies",
/// "genogram" "genograms", "box" "boxes". None when the name does not end in a letter, or ends in
/// a single "s" (most likely a plural already, as "risk factors").
pub fn plural(name: &str) -> Option<String> {
    let last = name.chars().next_back()?;
    if !last.is_alphabetic() {
        return None;
    }
    let lower = name.to_lowercase();
    if ["ss", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return Some(format!("{name}es"));
    }
    if lower.ends_with('s') {
        return None;
    }
    let mut chars = lower.chars().rev();
    if chars.next() == Some('y') && chars.next().is_some_and(|c| !"aeiou".contains(c)) {
        return Some(format!("{}ies", &name[..name.len() - 1]));
    }
    Some(format!("{name}s"))
}

/// Names are matched with single spaces between words, however the front matter spaced them.
pub fn collapse_spaces(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name, and the name with the other kind of apostrophe: smart punctuation turns the
/// "children's" an editor types into "children’s".
fn apostrophe_variants(name: String) -> Vec<String> {
    let mut variants = Vec::with_capacity(2);
    if name.contains('\'') {
        variants.push(name.replace('\'', "\u{2019}"));
    } else if name.contains('\u{2019}') {
        variants.push(name.replace('\u{2019}', "'"));
    }
    variants.insert(0, name);
    variants
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> TermMatcher {
        TermMatcher::new([
            (0, "Neglect", Form::Name),
            (1, "Emotional neglect", Form::Name),
            (2, "Chronology", Form::Name),
            (3, "Genogram", Form::Name),
            (4, "Child in need", Form::Name),
            (4, "CIN", Form::Abbreviation),
            (5, "Child protection plan", Form::Name),
            (5, "CPP", Form::Abbreviation),
            (6, "Multi-Agency Safeguarding Hub", Form::Name),
            (6, "children's services front door", Form::Name),
            (7, "agency", Form::Name),
            (8, "Statutory assessment", Form::Name),
            (8, "assessment", Form::Name),
        ])
        .unwrap()
    }

    /// The matched words and the entries they name.
    fn found(text: &str) -> Vec<(&str, EntryId)> {
        matcher()
            .find_iter(text)
            .map(|t| (&text[t.start..t.end], t.entry))
            .collect()
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(found("neglectful care"), []);
        assert_eq!(found("(neglect)."), [("neglect", 0)]);
        assert_eq!(found("unneglect neglect"), [("neglect", 0)]);
        assert_eq!(found("a multi-agency team"), []);
        assert_eq!(found("- agency staff"), [("agency", 7)]);
        assert_eq!(found("neglect-related harm"), []);
        assert_eq!(found("the child’s neglect"), [("neglect", 0)]);
    }

    #[test]
    fn longest_match_wins_and_a_shorter_one_is_found_when_the_longest_ends_mid_word() {
        assert_eq!(
            found("Emotional neglect and neglect"),
            [("Emotional neglect", 1), ("neglect", 0)]
        );
        assert_eq!(
            found("a statutory assessment"),
            [("statutory assessment", 8)]
        );
        assert_eq!(
            found("statutory assessments"),
            [("statutory assessments", 8)]
        );
        // "Multi-Agency Safeguarding Hub" is longest at its start; "agency" inside it is not found.
        assert_eq!(
            found("the Multi-Agency Safeguarding Hub"),
            [("Multi-Agency Safeguarding Hub", 6)]
        );
        let m =
            TermMatcher::new([(0, "child", Form::Name), (1, "child neglect", Form::Name)]).unwrap();
        let text = "child neglectful";
        let all: Vec<_> = m.find_iter(text).map(|t| &text[t.start..t.end]).collect();
        assert_eq!(all, ["child"]);
    }

    #[test]
    fn simple_plurals_match() {
        assert_eq!(found("two chronologies"), [("chronologies", 2)]);
        assert_eq!(found("genograms"), [("genograms", 3)]);
        assert_eq!(found("assessments"), [("assessments", 8)]);
        assert_eq!(
            found("child protection plans"),
            [("child protection plans", 5)]
        );
        assert_eq!(found("three CPPs"), [("CPPs", 5)]);
        let m = matcher();
        let t = m.find_iter("chronologies").next().unwrap();
        assert!(t.plural);
        assert_eq!(plural("box").as_deref(), Some("boxes"));
        assert_eq!(plural("Day").as_deref(), Some("Days"));
        assert_eq!(plural("Risk factors"), None);
        assert_eq!(plural("Graded Care Profile 2"), None);
    }

    #[test]
    fn terms_ignore_case_and_abbreviations_do_not() {
        assert_eq!(found("EMOTIONAL Neglect"), [("EMOTIONAL Neglect", 1)]);
        assert_eq!(found("a CIN plan"), [("CIN", 4)]);
        assert_eq!(found("a cin plan, Cin"), []);
        assert_eq!(found("cinema"), []);
        let t = matcher().find_iter("CIN").next().unwrap();
        assert_eq!(t.form, Form::Abbreviation);
    }

    #[test]
    fn either_apostrophe_matches() {
        assert_eq!(
            found("the children’s services front door"),
            [("children’s services front door", 6)]
        );
        assert_eq!(
            found("the children's services front door"),
            [("children's services front door", 6)]
        );
    }

    #[test]
    fn an_empty_glossary_finds_nothing() {
        let m = TermMatcher::new([]).unwrap();
        assert_eq!(m.find_iter("neglect").count(), 0);
    }
}
