//! Words, stop words and stems.
//!
//! The client (`theme/js/search/20-words.js`) applies the same word rules to queries
//! and snippets, and reads the stop-word list from the index, so the two sides
//! cannot drift: keep `for_each_word` and the JavaScript `words()` in step.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

/// Longest word kept, in characters: longer runs are URLs, hashes or junk and
/// would only bloat the vocabulary.
pub(super) const MAX_WORD_CHARS: usize = 40;

/// English stop words. Deliberately small: articles, pronouns, auxiliaries,
/// common prepositions and the question words practitioners type ("what is",
/// "how do I"). Words that carry meaning in safeguarding ("not", "no", "all",
/// "before", "after", "under") are kept so phrases like "was not brought" work.
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "am", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "can",
    "could", "did", "do", "does", "doing", "dont", "for", "from", "had", "has", "have", "having",
    "he", "her", "here", "hers", "him", "his", "how", "hows", "i", "if", "im", "in", "into", "is",
    "it", "its", "ive", "me", "my", "of", "on", "or", "our", "ours", "she", "should", "so", "than",
    "that", "thats", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
    "those", "to", "too", "us", "very", "was", "we", "were", "what", "whats", "when", "where",
    "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "you", "your",
    "yours",
];

/// Calls `f(word, written)` for every word of `text`, lowercased, with the byte range of `text`
/// it was written in.
///
/// A word is a run of alphanumeric characters; an apostrophe (' or ’) between
/// two of them is dropped and the parts joined ("Horwath's" -> "horwaths"), so
/// possessives stem like plurals. `written` runs to the word's end, apostrophe and all: the
/// glossary's abbreviations are matched only as written there (see `synonyms`).
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, Range<usize>)) {
    let bytes = text.as_bytes();
    let mut buf = String::with_capacity(32);
    let mut len = 0usize;
    let mut start = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast path: most guidance text is ASCII.
        if b.is_ascii_alphanumeric() {
            if len == 0 {
                start = i;
            }
            buf.push(b.to_ascii_lowercase() as char);
            len += 1;
            i += 1;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            text[i..].chars().next().unwrap_or(' ')
        };
        let width = c.len_utf8();
        if b >= 0x80 && c.is_alphanumeric() {
            if len == 0 {
                start = i;
            }
            buf.extend(c.to_lowercase());
            len += 1;
        } else if len > 0
            && (c == '\'' || c == '\u{2019}')
            && text[i + width..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            // Apostrophe inside a word: joined.
        } else if len > 0 {
            if len <= MAX_WORD_CHARS {
                f(&buf, start..i);
            }
            buf.clear();
            len = 0;
        }
        i += width;
    }
    if len > 0 && len <= MAX_WORD_CHARS {
        f(&buf, start..bytes.len());
    }
}

/// Lowercased words of `text`, stop words included.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w, _| out.push(w.to_string()));
    out
}

/// Stop-word test and English (Porter2 / Snowball) stemming.
pub struct Analyzer {
    stemmer: Stemmer,
    stop: FxHashSet<&'static str>,
}

impl Analyzer {
    /// `keep` lists words that must not be treated as stop words on this site,
    /// typically glossary abbreviations that collide with one.
    pub fn new(keep: &[String]) -> Self {
        let keep: FxHashSet<&str> = keep.iter().map(String::as_str).collect();
        let stop = STOP_WORDS
            .iter()
            .copied()
            .filter(|w| !keep.contains(w))
            .collect();
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
            stop,
        }
    }

    /// True for a (lowercased) stop word.
    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }

    /// The stem of a lowercased word.
    pub fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }

    /// The effective stop words, sorted (written into the index for the client).
    pub fn stop_words(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self.stop.iter().copied().collect();
        v.sort_unstable();
        v
    }

    /// Stems of the non-stop words of a short text (queries, headings, glossary names).
    pub fn stems(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, |w, _| {
            if !self.is_stop(w) {
                out.push(self.stem(w));
            }
        });
        out
    }
}

/// Marker for a stop word in [`Vocabulary::word`] results.
pub(super) const STOP: u32 = u32::MAX;

/// A word of up to 24 bytes stored inline (zero-padded; words never contain
/// NUL), so a lookup compares three integers instead of chasing a pointer to
/// a heap string: the surface-word lookup is the hottest step of a build.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct InlineWord([u64; 3]);

impl InlineWord {
    #[inline]
    fn new(word: &str) -> Option<InlineWord> {
        let b = word.as_bytes();
        if b.len() > 24 {
            return None;
        }
        let mut buf = [0u8; 24];
        buf[..b.len()].copy_from_slice(b);
        let part = |i: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&buf[i * 8..i * 8 + 8]);
            u64::from_le_bytes(w)
        };
        Some(InlineWord([part(0), part(1), part(2)]))
    }

    /// Slot in the small front cache.
    #[inline]
    fn slot(&self) -> usize {
        let h = (self.0[0] ^ self.0[1].rotate_left(21) ^ self.0[2].rotate_left(42))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> (64 - CACHE_BITS)) as usize
    }
}

/// A word no text produces (0xFF never occurs in UTF-8): marks an empty cache slot.
const EMPTY: InlineWord = InlineWord([u64::MAX; 3]);
const CACHE_BITS: u32 = 13;

/// Interns stems as dense ids and remembers each surface word's id, so each
/// distinct word is stemmed once however often it occurs (a 3-million-word
/// site has only tens of thousands of distinct words).
pub(super) struct Vocabulary {
    pub analyzer: Analyzer,
    surface: FxHashMap<InlineWord, u32>,
    long_surface: FxHashMap<Box<str>, u32>,
    /// Two-way set-associative cache in front of `surface` (a set is one
    /// 64-byte cache line): word frequencies are Zipf-like, so a few thousand
    /// sets that fit the CPU cache catch most lookups.
    front: Vec<[(InlineWord, u32); 2]>,
    ids: FxHashMap<Box<str>, u32>,
    strings: Vec<Box<str>>,
}

impl Vocabulary {
    /// An empty vocabulary using `analyzer`.
    pub(super) fn new(analyzer: Analyzer) -> Self {
        Vocabulary {
            analyzer,
            surface: FxHashMap::default(),
            long_surface: FxHashMap::default(),
            front: vec![[(EMPTY, 0); 2]; 1 << CACHE_BITS],
            ids: FxHashMap::default(),
            strings: Vec::new(),
        }
    }

    /// The term id of a lowercased surface word, or [`STOP`].
    #[inline]
    pub(super) fn word(&mut self, word: &str) -> u32 {
        let key = InlineWord::new(word);
        let known = match key {
            Some(k) => {
                let set = &self.front[k.slot()];
                if set[0].0 == k {
                    return set[0].1;
                }
                if set[1].0 == k {
                    return set[1].1;
                }
                self.surface.get(&k).copied()
            }
            None => self.long_surface.get(word).copied(),
        };
        if let Some(id) = known {
            if let Some(k) = key {
                let set = &mut self.front[k.slot()];
                set[1] = set[0];
                set[0] = (k, id);
            }
            return id;
        }
        let id = if self.analyzer.is_stop(word) {
            STOP
        } else {
            let stem = self.analyzer.stem(word);
            self.intern(&stem)
        };
        match key {
            Some(k) => self.surface.insert(k, id),
            None => self.long_surface.insert(word.into(), id),
        };
        id
    }

    /// The id of a term string (a stem, or a concept token), adding it if new.
    pub(super) fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(term.into());
        self.ids.insert(term.into(), id);
        id
    }

    /// The string of a term id.
    pub(super) fn term(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }

    /// Number of interned terms.
    pub(super) fn len(&self) -> usize {
        self.strings.len()
    }

    /// The terms interned from id `start` on, in id order.
    pub(super) fn terms_from(&self, start: usize) -> Vec<Box<str>> {
        self.strings[start..].to_vec()
    }

    /// Term ids (and where each was written in `text`) of the non-stop words of `text`,
    /// appended to the given vectors. Returns the number of words seen,
    /// stop words included.
    pub(super) fn tokens(
        &mut self,
        text: &str,
        ids: &mut Vec<u32>,
        written: &mut Vec<Range<usize>>,
    ) -> u64 {
        let mut seen = 0u64;
        for_each_word(text, |w, at| {
            seen += 1;
            let id = self.word(w);
            if id != STOP {
                ids.push(id);
                written.push(at);
            }
        });
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(text: &str) -> Vec<(String, &str)> {
        let mut v = Vec::new();
        for_each_word(text, |w, at| v.push((w.to_string(), &text[at])));
        v
    }

    #[test]
    fn splits_words_and_lowercases() {
        assert_eq!(
            words("Child neglect: the GCP2 tool (2023)!"),
            ["child", "neglect", "the", "gcp2", "tool", "2023"]
        );
    }

    #[test]
    fn joins_apostrophes_inside_words_only() {
        assert_eq!(words("Horwath's six"), ["horwaths", "six"]);
        assert_eq!(words("children\u{2019}s needs"), ["childrens", "needs"]);
        assert_eq!(words("'quoted' words'"), ["quoted", "words"]);
        assert_eq!(words("don't"), ["dont"]);
    }

    #[test]
    fn hyphens_and_slashes_split() {
        assert_eq!(words("well-being and/or"), ["well", "being", "and", "or"]);
    }

    #[test]
    fn words_come_with_the_text_they_were_written_as() {
        let v = collect("GCP, Gcp (the DSL\u{2019}s) Café-x");
        let written: Vec<&str> = v.iter().map(|x| x.1).collect();
        assert_eq!(written, ["GCP", "Gcp", "the", "DSL\u{2019}s", "Café", "x"]);
        assert_eq!(v[3].0, "dsls");
    }

    #[test]
    fn non_ascii_letters_are_word_characters() {
        assert_eq!(words("Café Ünïcode naïve"), ["café", "ünïcode", "naïve"]);
    }

    #[test]
    fn drops_overlong_words() {
        let long = "x".repeat(MAX_WORD_CHARS + 1);
        assert_eq!(words(&format!("a {long} b")), ["a", "b"]);
        let ok = "y".repeat(MAX_WORD_CHARS);
        assert_eq!(words(&ok), vec![ok]);
    }

    #[test]
    fn stop_words_are_sorted_lowercase_and_unique() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS);
        assert!(STOP_WORDS.iter().all(|w| words(w) == [w.to_string()]));
        assert!(!STOP_WORDS.contains(&"not"));
    }

    #[test]
    fn question_words_are_stop_words() {
        let a = Analyzer::new(&[]);
        assert_eq!(
            a.stems("What is disguised compliance?"),
            ["disguis", "complianc"]
        );
        assert_eq!(a.stems("How do I make a referral"), ["make", "referr"]);
    }

    #[test]
    fn english_snowball_stemming() {
        let a = Analyzer::new(&[]);
        let pairs = [
            ("neglect", "neglect"),
            ("neglected", "neglect"),
            ("neglectful", "neglect"),
            ("chronology", "chronolog"),
            ("chronologies", "chronolog"),
            ("categories", "categori"),
            ("supervision", "supervis"),
            ("graded", "grade"),
            ("children", "children"),
            ("families", "famili"),
            ("family", "famili"),
            ("generously", "generous"),
        ];
        for (w, s) in pairs {
            assert_eq!(a.stem(w), s, "stem of {w}");
        }
    }

    #[test]
    fn keep_list_overrides_stop_words() {
        let a = Analyzer::new(&["us".to_string()]);
        assert!(!a.is_stop("us"));
        assert!(a.is_stop("the"));
        assert!(!a.stop_words().contains(&"us"));
    }

    #[test]
    fn vocabulary_interns_and_caches() {
        let mut v = Vocabulary::new(Analyzer::new(&[]));
        let a = v.word("neglected");
        let b = v.word("neglect");
        assert_eq!(a, b);
        assert_eq!(v.term(a), "neglect");
        assert_eq!(v.word("the"), STOP);
        let (mut ids, mut written) = (Vec::new(), Vec::new());
        let seen = v.tokens("The GCP and the neglect", &mut ids, &mut written);
        assert_eq!(seen, 5);
        assert_eq!(ids.len(), 2);
        assert_eq!(written, [4..7, 16..23]);
        assert_eq!(v.len(), 2);
        // Long words take the other map and still resolve consistently.
        let long = "internationalisationaliserations";
        assert_eq!(v.word(long), v.word(long));
        assert_ne!(v.word(long), v.word("internationalisation"));
    }
}
