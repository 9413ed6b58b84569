//! Finding glossary terms in text: Aho-Corasick automata hold every name of every term, so a text
//! is scanned in one pass however large the glossary is.
//!
//! A match is a whole word (a hyphen joins words, so "multi-agency" holds no "agency"). Terms and
//! aliases match in any case; abbreviations only as written, so neither the "cin" of "cinema" nor
//! a sentence's "Cin" is "CIN". Simple plurals match ("chronologies", "genograms", "CPPs").
//! Where names overlap, the longest wins: "emotional neglect" over "neglect".
//!
//! Terms and aliases are found with a DFA of the names in lowercase: a DFA is the fastest
//! automaton to search with. A page's texts are scanned with a copy of it in a smaller table
//! that folds case as it reads (see [`super::folded`]), several texts side by side. Abbreviations
//! have their own automaton that respects case, run only where a word starts with bytes an
//! abbreviation can start with (capital letters, in practice): in one case-blind automaton,
//! every "chi" of "child" would be a candidate for an abbreviation "CHI", found and thrown away.
//! The two streams of matches are merged, the leftmost first and the longer of two starting
//! together.

use std::borrow::Cow;
use std::collections::HashSet;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, BuildError, Input, MatchKind, PatternID, StartKind};

use super::EntryId;
use super::folded::{DEAD, FoldedDfa, State};

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
    plural: bool,
    text: String,
}

/// The names of one form, in one automaton.
#[derive(Debug)]
struct Names {
    form: Form,
    automaton: DFA,
    /// For abbreviations, where they can start; None for names, which are scanned for.
    starts: Option<Starts>,
    /// For names, the automaton in a smaller table that folds case, for [`Names::find_all`];
    /// None for abbreviations, and for a glossary too big for it.
    folded: Option<FoldedDfa>,
    patterns: Vec<Pattern>,
}

/// The bytes, and pairs of bytes, abbreviations start with: the automaton is run only where a
/// word starts with one of them, so the capital letter starting a sentence is passed over at once.
#[derive(Debug)]
struct Starts {
    bytes: [bool; 256],
    /// A bit set of 65,536 pairs; None when an abbreviation is one byte long.
    pairs: Option<Box<[u64; 1024]>>,
    /// The range of bytes abbreviations start with, and of those that come second in them:
    /// a block of text with no pair of bytes in those ranges (most blocks, when abbreviations
    /// are capitals; a sentence's first word is a capital and a small letter) is passed over
    /// whole.
    first: ByteRange,
    second: ByteRange,
}

/// A range of byte values, as its lowest and how far above it the highest is.
#[derive(Debug, Clone, Copy)]
struct ByteRange {
    low: u8,
    span: u8,
}

impl ByteRange {
    const ALL: ByteRange = ByteRange { low: 0, span: 255 };

    /// The smallest range holding every byte of `bytes` (all bytes when there are none).
    fn of(bytes: impl Iterator<Item = u8>) -> ByteRange {
        let (low, high) = bytes.fold((255, 0), |(low, high), b| (low.min(b), high.max(b)));
        match low <= high {
            true => ByteRange {
                low,
                span: high - low,
            },
            false => ByteRange::ALL,
        }
    }

    #[inline(always)]
    fn holds(self, byte: u8) -> bool {
        byte.wrapping_sub(self.low) <= self.span
    }
}

/// Bytes of text looked at together for a start byte: a check the compiler makes with vector
/// instructions, comparing them all at once.
const BLOCK: usize = 16;

impl Starts {
    fn new(patterns: &[Pattern]) -> Starts {
        let mut bytes = [false; 256];
        for p in patterns {
            bytes[p.text.as_bytes()[0] as usize] = true;
        }
        let pairs = patterns.iter().all(|p| p.text.len() > 1).then(|| {
            let mut pairs = Box::new([0u64; 1024]);
            for p in patterns {
                let pair = pair_index(p.text.as_bytes());
                pairs[pair / 64] |= 1 << (pair % 64);
            }
            pairs
        });
        let first = ByteRange::of(patterns.iter().map(|p| p.text.as_bytes()[0]));
        // A one-byte abbreviation may be followed by anything.
        let second = match pairs {
            Some(_) => ByteRange::of(patterns.iter().map(|p| p.text.as_bytes()[1])),
            None => ByteRange::ALL,
        };
        Starts {
            bytes,
            pairs,
            first,
            second,
        }
    }

    /// The next place from `from` where an abbreviation may start.
    fn next(&self, text: &[u8], mut from: usize) -> Option<usize> {
        loop {
            let at = from + self.next_candidate(&text[from..])?;
            let pair_fits = self.pairs.as_ref().is_none_or(|pairs| {
                let pair = pair_index(&text[at..]);
                text.len() > at + 1 && pairs[pair / 64] & (1 << (pair % 64)) != 0
            });
            if pair_fits {
                return Some(at);
            }
            from = at + 1;
        }
    }

    /// The place of the first start byte in `text` followed by a byte in the second range,
    /// passing over blocks with no such pair in range. The last byte of `text` is a candidate
    /// only when an abbreviation is one byte long.
    fn next_candidate(&self, text: &[u8]) -> Option<usize> {
        let (first, second) = (self.first, self.second);
        let is_start = |b: u8, after: u8| self.bytes[usize::from(b)] && second.holds(after);
        let mut at = 0;
        while text.len() - at > BLOCK {
            let block: &[u8; BLOCK + 1] = text[at..at + BLOCK + 1].try_into().expect("a block");
            let (block, after) = (&block[..BLOCK], &block[1..]);
            let mut any = false;
            for i in 0..BLOCK {
                any |= first.holds(block[i]) & second.holds(after[i]);
            }
            if any && let Some(i) = block.iter().zip(after).position(|(&b, &a)| is_start(b, a)) {
                return Some(at + i);
            }
            at += BLOCK;
        }
        if let Some(i) =
            (at..text.len().saturating_sub(1)).find(|&i| is_start(text[i], text[i + 1]))
        {
            return Some(i);
        }
        // Nothing follows the last byte: it starts an abbreviation only if one is a single byte.
        let last = text.len().checked_sub(1).filter(|&last| last >= at)?;
        (self.pairs.is_none() && self.bytes[usize::from(text[last])]).then_some(last)
    }
}

impl Names {
    /// Names as written come before generated plurals, so they win when two collide ("risk
    /// factors" the alias over "risk factors" the plural of another term's "risk factor").
    fn new(form: Form, patterns: Vec<Pattern>) -> Result<Option<Names>, BuildError> {
        let ignore_case = form == Form::Name;
        let mut seen = HashSet::new();
        let (written, plurals): (Vec<Pattern>, Vec<Pattern>) =
            patterns.into_iter().partition(|p| !p.plural);
        let patterns: Vec<Pattern> = written
            .into_iter()
            .chain(plurals)
            .filter(|p| {
                seen.insert(match ignore_case {
                    true => p.text.to_ascii_lowercase(),
                    false => p.text.clone(),
                })
            })
            .collect();
        if patterns.is_empty() {
            return Ok(None);
        }
        let starts = (!ignore_case).then(|| Starts::new(&patterns));
        let texts: Vec<String> = patterns
            .iter()
            .map(|p| match ignore_case {
                true => p.text.to_ascii_lowercase(),
                false => p.text.clone(),
            })
            .collect();
        // About 0.7 MB for 500 terms and their plurals.
        let automaton = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(match starts {
                Some(_) => StartKind::Anchored,
                None => StartKind::Unanchored,
            })
            // Names are scanned for by hand, several texts at a time (see `Lane`), with no
            // prefilter to consult; with hundreds of patterns there would be none anyway.
            .prefilter(false)
            .build(&texts)?;
        // About half the original's size.
        let folded = ignore_case
            .then(|| FoldedDfa::new(&automaton, &texts))
            .flatten();
        Ok(Some(Names {
            form,
            automaton,
            starts,
            folded,
            patterns,
        }))
    }

    /// The first whole-word name in `text` from `from`, searching `haystack`: the text, its
    /// ASCII letters lowercased for names.
    fn find(&self, text: &str, haystack: &[u8], mut from: usize) -> Option<TermMatch> {
        while from < text.len() {
            let start = match &self.starts {
                None => {
                    let input = Input::new(haystack).span(from..text.len());
                    let m = self
                        .automaton
                        .try_find(&input)
                        .expect("an unanchored search of an unanchored automaton")?;
                    m.start()
                }
                Some(starts) => starts.next(haystack, from)?,
            };
            match self.at_word(text, start) {
                Some(m) => return Some(m),
                None => from = next_char(text, start),
            }
        }
        None
    }

    /// The longest name at `start` that is a whole word, if a word starts there.
    fn at_word(&self, text: &str, start: usize) -> Option<TermMatch> {
        if !starts_word(text, start) {
            return None;
        }
        self.longest_word_at(text, start)
    }

    /// The longest name starting at `start` that ends a word: the longest name there may end
    /// inside a word ("child neglect" in "child neglectful"), and then a shorter one is taken.
    /// The automaton reads the text from `start`, a byte at a time; a state's own name comes
    /// first in its matches, and it is the one starting at `start` when its length is the
    /// number of bytes read (later ones are names that end there but start later, as "agency"
    /// in "multi-agency").
    fn longest_word_at(&self, text: &str, start: usize) -> Option<TermMatch> {
        let automaton = &self.automaton;
        let anchored = match self.starts {
            Some(_) => Anchored::Yes,
            None => Anchored::No,
        };
        let mut state = automaton
            .start_state(anchored)
            .expect("the automaton has this start state");
        let mut longest = None;
        let end = text.len().min(start + automaton.max_pattern_len());
        for (read, &byte) in text.as_bytes()[start..end].iter().enumerate() {
            state = automaton.next_state(anchored, state, self.fold(byte));
            if automaton.is_dead(state) {
                break;
            }
            if automaton.is_match(state) {
                let pattern = automaton.match_pattern(state, 0);
                let end = start + read + 1;
                if automaton.pattern_len(pattern) == read + 1 && ends_word(text, end) {
                    longest = Some((pattern, end));
                }
            }
        }
        let (pattern, end) = longest?;
        Some(self.term_match(pattern, start, end))
    }

    fn term_match(&self, pattern: PatternID, start: usize, end: usize) -> TermMatch {
        let pattern = &self.patterns[pattern.as_usize()];
        TermMatch {
            start,
            end,
            entry: pattern.entry,
            form: self.form,
            plural: pattern.plural,
        }
    }

    /// A byte of the text as the automaton reads it: names are held in lowercase.
    #[inline(always)]
    fn fold(&self, byte: u8) -> u8 {
        match self.form {
            Form::Name => byte.to_ascii_lowercase(),
            Form::Abbreviation => byte,
        }
    }

    /// Every whole-word name in each of `texts`, as [`find`](Self::find) from the start of
    /// each finds them one after another. A scan is one dependent memory read a byte (the
    /// next state depends on the last), which leaves the processor waiting on its cache; up to
    /// [`LANES`] texts are scanned side by side, so their chains of reads overlap. Names only
    /// (an unanchored automaton).
    fn find_all(&self, folded: &FoldedDfa, texts: &[&str]) -> Vec<Vec<TermMatch>> {
        let mut found = vec![Vec::new(); texts.len()];
        let mut waiting = texts.iter().enumerate();
        let mut lanes: Vec<Lane> = Vec::with_capacity(LANES);
        loop {
            while lanes.len() < LANES {
                let Some((index, text)) = waiting.next() else {
                    break;
                };
                lanes.extend(Lane::new(folded, index, text, 0));
            }
            match lanes.len() {
                0 => break,
                1 => scan::<1>(folded, as_array(&mut lanes)),
                2 => scan::<2>(folded, as_array(&mut lanes)),
                3 => scan::<3>(folded, as_array(&mut lanes)),
                _ => scan::<LANES>(folded, as_array(&mut lanes)),
            }
            // Lanes whose search ended go on in their text, or leave when it is done.
            let mut l = 0;
            while l < lanes.len() {
                if !lanes[l].searched() {
                    l += 1;
                    continue;
                }
                match lanes[l].go_on(self, folded, &mut found[lanes[l].index]) {
                    Some(next) => {
                        lanes[l] = next;
                        l += 1;
                    }
                    None => {
                        lanes.swap_remove(l);
                    }
                }
            }
        }
        found
    }
}

/// Texts scanned for names side by side (see [`Names::find_all`]).
const LANES: usize = 4;

/// The first `K` lanes as an array, for [`scan`].
fn as_array<'l, 't, const K: usize>(lanes: &'l mut [Lane<'t>]) -> &'l mut [Lane<'t>; K] {
    (&mut lanes[..K]).try_into().expect("at least K lanes")
}

/// Reads all `K` lanes until a search in any of them ends. The states are kept in locals, and
/// the lanes are only looked at again when an automaton enters a special state (a match, or
/// dead).
fn scan<const K: usize>(dfa: &FoldedDfa, lanes: &mut [Lane; K]) {
    loop {
        let mut states: [State; K] = std::array::from_fn(|i| lanes[i].state);
        let len = lanes
            .iter()
            .map(|l| l.bytes.len() - l.at)
            .min()
            .unwrap_or(0);
        let rest: [&[u8]; K] = std::array::from_fn(|i| &lanes[i].bytes[lanes[i].at..][..len]);
        let mut read = 0;
        let mut special = false;
        while read < len {
            for (state, bytes) in states.iter_mut().zip(&rest) {
                *state = dfa.next(*state, bytes[read]);
            }
            read += 1;
            if states.iter().fold(false, |any, &s| any | dfa.is_special(s)) {
                special = true;
                break;
            }
        }
        let mut ended = false;
        for (lane, state) in lanes.iter_mut().zip(states) {
            lane.state = state;
            lane.at += read;
            if special && dfa.is_special(state) {
                ended |= lane.special(dfa);
            }
            ended |= lane.searched();
        }
        if !special || ended {
            return;
        }
    }
}

/// One text being scanned for names by [`Names::find_all`]: one unanchored leftmost-longest
/// search at a time, as `find` makes, from the end of the last name found.
struct Lane<'t> {
    index: usize,
    text: &'t str,
    bytes: &'t [u8],
    /// The next byte to read.
    at: usize,
    state: State,
    /// The longest name seen in this search so far: its pattern and end.
    seen: Option<(PatternID, usize)>,
    /// The automaton died: a name was found and no longer one can follow.
    dead: bool,
}

impl<'t> Lane<'t> {
    /// A lane searching `text` from `from`; None when nothing is left to search.
    fn new(dfa: &FoldedDfa, index: usize, text: &'t str, from: usize) -> Option<Lane<'t>> {
        (from < text.len()).then(|| Lane {
            index,
            text,
            bytes: text.as_bytes(),
            at: from,
            state: dfa.start(),
            seen: None,
            dead: false,
        })
    }

    /// Notes the special state just entered; true when the search has ended.
    #[inline(always)]
    fn special(&mut self, dfa: &FoldedDfa) -> bool {
        if self.state == DEAD {
            self.dead = true;
            return true;
        }
        self.seen = Some((dfa.matched(self.state), self.at));
        false
    }

    /// The search has ended: the automaton died, or the text is read to its end.
    fn searched(&self) -> bool {
        self.dead || self.at == self.bytes.len()
    }

    /// Takes the search's result as `find` does (a whole word at the leftmost place a name
    /// starts, else try again just after that place) and starts the next search; None when the
    /// text is done.
    fn go_on(
        &self,
        names: &Names,
        dfa: &FoldedDfa,
        found: &mut Vec<TermMatch>,
    ) -> Option<Lane<'t>> {
        let (pattern, end) = self.seen?;
        let start = end - names.automaton.pattern_len(pattern);
        // The name seen is the longest at its start; when it ends a word, it is the one.
        let whole = starts_word(self.text, start) && ends_word(self.text, end);
        let found_here = match whole {
            true => Some(names.term_match(pattern, start, end)),
            false => names.at_word(self.text, start),
        };
        let from = match found_here {
            Some(m) => {
                found.push(m);
                m.end
            }
            None => next_char(self.text, start),
        };
        Lane::new(dfa, self.index, self.text, from)
    }
}

/// The place after the character at `at`.
fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// Finds the names of glossary terms in text. Built once per site; shared by every page.
#[derive(Debug)]
pub struct TermMatcher {
    names: Option<Names>,
    abbreviations: Option<Names>,
}

impl TermMatcher {
    /// A matcher for `names`: each a term's id, one of its names and how that name refers to it.
    pub fn new<'a>(
        names: impl IntoIterator<Item = (EntryId, &'a str, Form)>,
    ) -> Result<TermMatcher, BuildError> {
        let mut full = Vec::new();
        let mut short = Vec::new();
        for (entry, name, form) in names {
            let name = collapse_spaces(name);
            if name.is_empty() {
                continue;
            }
            let (plural, list) = match form {
                Form::Name => (plural(&name), &mut full),
                Form::Abbreviation if !name.ends_with(['s', 'S']) => {
                    (Some(format!("{name}s")), &mut short)
                }
                Form::Abbreviation => (None, &mut short),
            };
            for (text, plural) in apostrophe_variants(name)
                .into_iter()
                .map(|t| (t, false))
                .chain(
                    plural
                        .into_iter()
                        .flat_map(apostrophe_variants)
                        .map(|t| (t, true)),
                )
            {
                list.push(Pattern {
                    entry,
                    plural,
                    text,
                });
            }
        }
        // Two automata, made side by side.
        let (names, abbreviations) = rayon::join(
            || Names::new(Form::Name, full),
            || Names::new(Form::Abbreviation, short),
        );
        Ok(TermMatcher {
            names: names?,
            abbreviations: abbreviations?,
        })
    }

    /// Every name in `text`, left to right, never overlapping.
    pub fn find_iter<'m, 'h>(&'m self, text: &'h str) -> Matches<'m, 'h> {
        self.matches(text, None)
    }

    /// Every name in each of `texts`, as [`find_iter`](Self::find_iter) finds them in each:
    /// faster for the many texts of a page, as the names are scanned for several texts at a
    /// time.
    pub fn find_all(&self, texts: &[&str]) -> Vec<Vec<TermMatch>> {
        let names = match &self.names {
            Some(names) => match &names.folded {
                Some(folded) => names.find_all(folded, texts),
                None => return texts.iter().map(|t| self.find_iter(t).collect()).collect(),
            },
            None => vec![Vec::new(); texts.len()],
        };
        texts
            .iter()
            .zip(names)
            .map(|(text, names)| {
                // A text with no abbreviation (most texts) has its names and nothing else.
                let abbreviations = self.abbreviations.as_ref();
                match abbreviations.and_then(|a| a.find(text, text.as_bytes(), 0)) {
                    None => names,
                    Some(first) => {
                        let mut matches = self.matches(text, Some(names));
                        matches.streams[1].next = Some(Some(first));
                        matches.collect()
                    }
                }
            })
            .collect()
    }

    fn matches<'m, 'h>(&'m self, text: &'h str, names: Option<Vec<TermMatch>>) -> Matches<'m, 'h> {
        Matches {
            text,
            lowercase: None,
            streams: [
                Stream {
                    names: self.names.as_ref(),
                    next: None,
                    ahead: names.map(|n| (n, 0)),
                },
                Stream {
                    names: self.abbreviations.as_ref(),
                    next: None,
                    ahead: None,
                },
            ],
            pos: 0,
        }
    }
}

/// The matches of one automaton, one ahead.
struct Stream<'m> {
    names: Option<&'m Names>,
    /// The next match at or after the iterator's position: None when not searched yet,
    /// Some(None) when there is none.
    next: Option<Option<TermMatch>>,
    /// The matches found beforehand (by [`TermMatcher::find_all`]) and how many are used: a
    /// search from the end of one finds the next. Dropped once a match of the other stream
    /// overlaps one, after which the stream searches for itself.
    ahead: Option<(Vec<TermMatch>, usize)>,
}

impl Stream<'_> {
    /// The first match at or after `pos`.
    fn search<'h>(
        &mut self,
        text: &'h str,
        lowercase: &mut Option<Cow<'h, [u8]>>,
        pos: usize,
    ) -> Option<TermMatch> {
        if let Some((found, used)) = &mut self.ahead {
            match found.get(*used) {
                None => return None,
                Some(&m) if m.start >= pos => {
                    *used += 1;
                    return Some(m);
                }
                Some(_) => self.ahead = None,
            }
        }
        let names = self.names?;
        let haystack = match names.form {
            Form::Name => lowercase.get_or_insert_with(|| lowercase_of(text)),
            Form::Abbreviation => text.as_bytes(),
        };
        names.find(text, haystack, pos)
    }
}

/// `text` with its ASCII letters lowercased, borrowed when it has no capitals.
fn lowercase_of(text: &str) -> Cow<'_, [u8]> {
    let bytes = text.as_bytes();
    match bytes.iter().any(u8::is_ascii_uppercase) {
        true => Cow::Owned(bytes.to_ascii_lowercase()),
        false => Cow::Borrowed(bytes),
    }
}

/// The iterator of [`TermMatcher::find_iter`].
pub struct Matches<'m, 'h> {
    text: &'h str,
    /// The text with its ASCII letters lowercased, for names, made when first needed.
    lowercase: Option<Cow<'h, [u8]>>,
    streams: [Stream<'m>; 2],
    pos: usize,
}

impl Iterator for Matches<'_, '_> {
    type Item = TermMatch;

    fn next(&mut self) -> Option<TermMatch> {
        let (text, pos) = (self.text, self.pos);
        for stream in &mut self.streams {
            // A match that starts before the last one ended overlaps it: search again.
            if stream
                .next
                .is_some_and(|m| m.is_some_and(|m| m.start < pos))
            {
                stream.next = None;
                stream.ahead = None;
            }
            if stream.next.is_none() {
                stream.next = Some(stream.search(text, &mut self.lowercase, pos));
            }
        }
        let best = self
            .streams
            .iter()
            .filter_map(|s| s.next.flatten())
            .min_by_key(|m| (m.start, std::cmp::Reverse(m.end)))?;
        for stream in &mut self.streams {
            if stream.next == Some(Some(best)) {
                stream.next = None;
            }
        }
        self.pos = best.end;
        Some(best)
    }
}

/// The index of the first two bytes of `bytes` in a 65,536-bit set (0 for the second when
/// there is none).
fn pair_index(bytes: &[u8]) -> usize {
    (bytes[0] as usize) << 8 | bytes.get(1).copied().unwrap_or(0) as usize
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

    #[test]
    fn find_all_finds_what_find_iter_finds_in_each_text() {
        let m = TermMatcher::new([
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
            // An abbreviation with a name inside: the names found beforehand are given up
            // where it is found, and searched for again after it.
            (9, "plan", Form::Name),
            (10, "CP plan", Form::Abbreviation),
        ])
        .unwrap();
        let words = [
            "CP",
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
        let texts: Vec<String> = (0..400)
            .map(|i| {
                (0..i % 61)
                    .map(|_| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        words[(seed >> 33) as usize % words.len()]
                    })
                    .collect::<Vec<_>>()
                    .join(if i % 3 == 0 { "" } else { " " })
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let one_at_a_time: Vec<Vec<TermMatch>> =
            texts.iter().map(|t| m.find_iter(t).collect()).collect();
        assert_eq!(m.find_all(&texts), one_at_a_time);
        assert!(one_at_a_time.iter().map(Vec::len).sum::<usize>() > 1000);
    }

    #[test]
    fn an_abbreviation_is_found_anywhere_in_a_long_paragraph() {
        // Abbreviations are looked for sixteen bytes at a time, by their first two bytes: one
        // at every offset of a long text (at the start of a block, inside one, across two, at
        // the very end) is still found, and a capital that starts no abbreviation (a sentence's
        // "Cat", or "Dog" when "DfE" has a small second letter) is passed over.
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
            for found in [
                with_dfe.find_iter(&text).collect::<Vec<_>>(),
                with_dfe.find_all(&[&text]).remove(0),
            ] {
                let all: Vec<_> = found.iter().map(|t| &text[t.start..t.end]).collect();
                assert_eq!(all, ["DfE", "CIN"], "at {at}: {text:?}");
            }
        }
        // A one-byte abbreviation may end the text.
        let one_byte = TermMatcher::new([(0, "Q", Form::Abbreviation)]).unwrap();
        for at in 0..40 {
            let text = format!("{} Q", "x".repeat(at));
            assert_eq!(one_byte.find_all(&[&text])[0].len(), 1, "at {at}: {text:?}");
        }
    }

    #[test]
    fn a_glossary_too_big_for_the_folded_table_is_still_searched() {
        // 8,000 names of twelve letters need more states than 16 bits number.
        let mut seed = 11u64;
        let names: Vec<String> = (0..8000)
            .map(|_| {
                (0..12)
                    .map(|_| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        char::from(b'a' + (seed >> 33) as u8 % 26)
                    })
                    .collect()
            })
            .collect();
        let m = TermMatcher::new(
            names
                .iter()
                .enumerate()
                .map(|(e, n)| (e, n.as_str(), Form::Name)),
        )
        .unwrap();
        assert!(m.names.as_ref().unwrap().folded.is_none());
        let text = format!("{} and {}.", names[5].to_uppercase(), names[7999]);
        let found = m.find_all(&[&text]);
        let entries: Vec<EntryId> = found[0].iter().map(|t| t.entry).collect();
        assert_eq!(entries, [5, 7999]);
    }

    #[test]
    fn an_empty_glossary_finds_nothing() {
        let m = TermMatcher::new([]).unwrap();
        assert_eq!(m.find_iter("neglect").count(), 0);
    }
}
