//! Finding glossary terms in text, and the one definition of how a name matches: term linking
//! uses it here, and the search index's synonyms read the same rules from [`Form`].
//!
//! A match is a whole word (a hyphen joins words, so "multi-agency" holds no "agency"). Terms and
//! aliases match in any case (of the letters A to Z); abbreviations only as written, so neither
//! the "cin" of "cinema" nor a sentence's "Cin" is "CIN". Simple plurals match ("chronologies",
//! "genograms", "CPPs"). Where names overlap, the longest wins: "emotional neglect" over "neglect".
//!
//! Every spelling of every name is a pattern of an Aho-Corasick automaton that ignores ASCII
//! case and reports the longest of the names that start leftmost. A match is then kept only if
//! it is a whole word and, for an abbreviation, written as defined; when the longest name at a
//! place is not (it ends inside a word, as "child neglect" in "child neglectful"), the next
//! longest there is tried, with an anchored automaton of the same names.

use aho_corasick::{
    AhoCorasick, AhoCorasickKind, Anchored, BuildError, Input, MatchKind, StartKind,
};

use super::EntryId;

/// How a name refers to its term, which decides how it matches text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// The term or one of its aliases: the words in full, matched in any case.
    Name,
    /// The abbreviation, matched only as written.
    Abbreviation,
}

impl Form {
    /// Every way `name` is written in text: the name and its plural (the plural marked `true`),
    /// each with either kind of apostrophe. An abbreviation's plural adds an "s" ("CPPs"),
    /// unless it ends in one already; a term's is [`plural`].
    pub fn spellings(self, name: &str) -> Vec<(String, bool)> {
        let plural = match self {
            Form::Name => plural(name),
            Form::Abbreviation if !name.ends_with(['s', 'S']) => Some(format!("{name}s")),
            Form::Abbreviation => None,
        };
        let written = apostrophe_variants(name.to_string())
            .into_iter()
            .map(|s| (s, false));
        let plurals = plural
            .into_iter()
            .flat_map(apostrophe_variants)
            .map(|s| (s, true));
        written.chain(plurals).collect()
    }

    /// Whether `found`, text that reads as `spelling` when ASCII case is ignored, is that
    /// spelling: a term or alias in any case, an abbreviation only as written.
    pub fn accepts(self, spelling: &str, found: &str) -> bool {
        match self {
            Form::Name => true,
            Form::Abbreviation => found == spelling,
        }
    }
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

/// One spelling of one name.
#[derive(Debug)]
struct Spelling {
    entry: EntryId,
    form: Form,
    plural: bool,
    text: String,
}

/// Finds the names of glossary terms in text. Built once per site; shared by every page.
#[derive(Debug)]
pub struct TermMatcher {
    automaton: AhoCorasick,
    /// The same names, for an anchored search at one place.
    anchored: AhoCorasick,
    /// For each pattern of the automaton, the spellings it stands for (those that are the same
    /// ignoring ASCII case), the one to prefer first: terms and aliases before abbreviations,
    /// names as written before generated plurals (so the alias "risk factors" wins over the
    /// plural of another term's "risk factor").
    spellings: Vec<Vec<Spelling>>,
}

impl TermMatcher {
    /// A matcher for `names`: each a term's id, one of its names and how that name refers to it.
    pub fn new<'a>(
        names: impl IntoIterator<Item = (EntryId, &'a str, Form)>,
    ) -> Result<TermMatcher, BuildError> {
        let mut all = Vec::new();
        for (entry, name, form) in names {
            let name = collapse_spaces(name);
            if name.is_empty() {
                continue;
            }
            for (text, plural) in form.spellings(&name) {
                all.push(Spelling {
                    entry,
                    form,
                    plural,
                    text,
                });
            }
        }
        all.sort_by_key(|s| (s.form, s.plural));
        let mut patterns: Vec<String> = Vec::new();
        let mut spellings: Vec<Vec<Spelling>> = Vec::new();
        let mut pattern_of = std::collections::HashMap::new();
        for spelling in all {
            let key = spelling.text.to_ascii_lowercase();
            let at = *pattern_of.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                spellings.push(Vec::new());
                spellings.len() - 1
            });
            spellings[at].push(spelling);
        }
        let builder = |start: StartKind, kind: AhoCorasickKind| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(start)
                .kind(Some(kind))
                .build(&patterns)
        };
        // Every byte of every page is read by the search for the next name: a DFA is the
        // fastest automaton to search with, and one that starts only unanchored is half the
        // size (more of it stays in the processor's cache). Shorter names at a place are
        // looked for rarely, with an anchored NFA.
        let automaton = builder(StartKind::Unanchored, AhoCorasickKind::DFA)?;
        let anchored = builder(StartKind::Anchored, AhoCorasickKind::ContiguousNFA)?;
        Ok(TermMatcher {
            automaton,
            anchored,
            spellings,
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

    /// The longest name at the place `found` starts that is a whole word and written as its form
    /// requires, if a word starts there. `found` is the automaton's longest name there.
    fn whole_word_at(&self, text: &str, found: aho_corasick::Match) -> Option<TermMatch> {
        let start = found.start();
        if !starts_word(text, start) {
            return None;
        }
        let mut found = found;
        loop {
            let end = found.end();
            if ends_word(text, end) {
                let written = &text[start..end];
                let spellings = &self.spellings[found.pattern().as_usize()];
                if let Some(s) = spellings.iter().find(|s| s.form.accepts(&s.text, written)) {
                    return Some(TermMatch {
                        start,
                        end,
                        entry: s.entry,
                        form: s.form,
                        plural: s.plural,
                    });
                }
            }
            // The next longest name starting here.
            let shorter = Input::new(text)
                .span(start..end - 1)
                .anchored(Anchored::Yes);
            found = self.anchored.find(shorter)?;
        }
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
        let text = self.text;
        while self.pos < text.len() {
            let input = Input::new(text).span(self.pos..text.len());
            let found = self.matcher.automaton.find(input)?;
            match self.matcher.whole_word_at(text, found) {
                Some(m) => {
                    self.pos = m.end;
                    return Some(m);
                }
                None => self.pos = next_char(text, found.start()),
            }
        }
        None
    }
}

/// The place after the character at `at`.
fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
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
    fn names_and_abbreviations_merge_leftmost_then_longest() {
        let m = TermMatcher::new([
            (0, "GCP tool", Form::Name),
            (1, "Graded Care Profile", Form::Name),
            (1, "GCP", Form::Abbreviation),
            (2, "care", Form::Name),
        ])
        .unwrap();
        let text = "A GCP tool, a GCP, Graded care profile, care.";
        let all: Vec<_> = m
            .find_iter(text)
            .map(|t| (&text[t.start..t.end], t.entry, t.form))
            .collect();
        assert_eq!(
            all,
            [
                ("GCP tool", 0, Form::Name),
                ("GCP", 1, Form::Abbreviation),
                ("Graded care profile", 1, Form::Name),
                ("care", 2, Form::Name),
            ]
        );
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

    /// The rules, slowly: at each place a word starts, left to right, every spelling of every
    /// name is tried, and the longest that is a whole word (an abbreviation written as defined)
    /// is taken, preferring terms and aliases, then names as written, then the first named; the
    /// search goes on after it.
    fn reference(names: &[(EntryId, &str, Form)], text: &str) -> Vec<TermMatch> {
        let spellings: Vec<(EntryId, Form, bool, String)> = names
            .iter()
            .flat_map(|&(entry, name, form)| {
                form.spellings(&collapse_spaces(name))
                    .into_iter()
                    .map(move |(spelling, plural)| (entry, form, plural, spelling))
            })
            .collect();
        let mut found = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let here = spellings
                .iter()
                .filter(|(_, form, _, spelling)| {
                    let end = at + spelling.len();
                    text.get(at..end).is_some_and(|written| {
                        written.eq_ignore_ascii_case(spelling)
                            && form.accepts(spelling, written)
                            && starts_word(text, at)
                            && ends_word(text, end)
                    })
                })
                .min_by_key(|(_, form, plural, spelling)| {
                    (std::cmp::Reverse(spelling.len()), *form, *plural)
                });
            match here {
                Some(&(entry, form, plural, ref spelling)) => {
                    found.push(TermMatch {
                        start: at,
                        end: at + spelling.len(),
                        entry,
                        form,
                        plural,
                    });
                    at += spelling.len();
                }
                None => at = next_char(text, at),
            }
        }
        found
    }

    #[test]
    fn finds_what_a_slow_reading_of_the_rules_finds() {
        let names = [
            (0, "Neglect", Form::Name),
            (1, "Emotional neglect", Form::Name),
            (2, "child", Form::Name),
            (3, "child neglect", Form::Name),
            (4, "Child in need", Form::Name),
            (4, "CIN", Form::Abbreviation),
            (5, "GCP tool", Form::Name),
            (6, "Graded Care Profile", Form::Name),
            (6, "GCP", Form::Abbreviation),
            (7, "agency", Form::Name),
            (8, "care", Form::Name),
            // An abbreviation with a name inside it, and two abbreviations that are the same
            // ignoring case ("CPs", the plural of "CP", and "CPS").
            (9, "plan", Form::Name),
            (10, "CP plan", Form::Abbreviation),
            (11, "CP", Form::Abbreviation),
            (12, "CPS", Form::Abbreviation),
        ];
        let m = TermMatcher::new(names).unwrap();
        let words = [
            "CP",
            "CPs",
            "CPS",
            "cps",
            "plan",
            "plans",
            "neglect",
            "Emotional",
            "emotional",
            "child",
            "Child",
            "in",
            "need",
            "CIN",
            "cin",
            "GCP",
            "tool",
            "Graded",
            "care",
            "profile",
            "multi-agency",
            "agency",
            "neglectful",
            "children’s",
            "-",
            "(",
            ")",
            ".",
            "é",
            "CINs",
            "care-",
            "Neglect.",
        ];
        // Texts of every length from 0 to 60 words, from a fixed sequence of numbers.
        let mut seed = 7u64;
        let mut found = 0;
        for i in 0..400 {
            let text = (0..i % 61)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    words[(seed >> 33) as usize % words.len()]
                })
                .collect::<Vec<_>>()
                .join(if i % 3 == 0 { "" } else { " " });
            let expected = reference(&names, &text);
            assert_eq!(m.find_iter(&text).collect::<Vec<_>>(), expected, "{text:?}");
            found += expected.len();
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn an_abbreviation_is_found_anywhere_in_a_long_paragraph() {
        // An abbreviation at every offset of a long text is found, and a capital that starts
        // no abbreviation (a sentence's "Cat", or "Dog" beside "DfE") is passed over.
        let m = matcher();
        let with_dfe = TermMatcher::new([
            (0, "CIN", Form::Abbreviation),
            (1, "DfE", Form::Abbreviation),
        ])
        .unwrap();
        for at in 0..70 {
            let x = "x".repeat(at);
            let text = format!("{x} Cat CIN plan.");
            let all: Vec<_> = m.find_iter(&text).map(|t| &text[t.start..t.end]).collect();
            assert_eq!(all, ["CIN"], "at {at}: {text:?}");
            let text = format!("{x} Dog DfE then CIN");
            let all: Vec<_> = with_dfe
                .find_iter(&text)
                .map(|t| &text[t.start..t.end])
                .collect();
            assert_eq!(all, ["DfE", "CIN"], "at {at}: {text:?}");
        }
        // A one-byte abbreviation may end the text.
        let one_byte = TermMatcher::new([(0, "Q", Form::Abbreviation)]).unwrap();
        for at in 0..40 {
            let text = format!("{} Q", "x".repeat(at));
            assert_eq!(one_byte.find_iter(&text).count(), 1, "at {at}: {text:?}");
        }
    }

    #[test]
    fn an_empty_glossary_finds_nothing() {
        let m = TermMatcher::new([]).unwrap();
        assert_eq!(m.find_iter("neglect").count(), 0);
    }
}
