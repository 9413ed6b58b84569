//! Glossary synonyms: every glossary entry becomes a *concept*.
//!
//! An entry's term, abbreviation and aliases are its *variants*. Wherever a
//! variant occurs in a field (as a run of stems, so "Graded Care Profile" is
//! one unit and plurals still match), the index records a concept token
//! `~N` at that position, besides the ordinary words. The client replaces a
//! query's variant by the same token, so "GCP" finds pages that only say
//! "Graded Care Profile" and the other way round.
//!
//! Which names match in what case is the glossary's rule ([`Form`]), the one term linking
//! follows: a term or alias in any case, an abbreviation only as written (or its plural), so
//! "cin" in a sentence is not "CIN".

use std::ops::Range;

use super::GlossaryEntry;
use super::tokenize::{Analyzer, Vocabulary};
use crate::glossary::{Form, collapse_spaces};
use rustc_hash::FxHashMap;

/// One way of naming a concept, as stems with stop words removed.
pub(super) struct Variant {
    pub concept: u32,
    pub stems: Vec<String>,
    /// For an abbreviation, how it may be written ([`Form::spellings`]): it matches page text
    /// only where the text spells it so. None for a term or alias, which matches in any case.
    pub written: Option<Vec<String>>,
}

/// The glossary in index order (by term, case-insensitively, then URL): a
/// concept's id is its position here.
pub(super) fn sorted_glossary(glossary: &[GlossaryEntry]) -> Vec<&GlossaryEntry> {
    let mut v: Vec<&GlossaryEntry> = glossary.iter().collect();
    v.sort_by(|a, b| {
        (a.term.to_lowercase(), &a.term, &a.url).cmp(&(b.term.to_lowercase(), &b.term, &b.url))
    });
    v
}

/// Concept token string of concept `id`. `~` cannot occur in a word.
pub(super) fn concept_token(id: usize) -> String {
    format!("~{id}")
}

fn is_capitals(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// All variants of all entries, deduplicated per concept, in a stable order.
pub(super) fn variants(glossary: &[&GlossaryEntry], analyzer: &Analyzer) -> Vec<Variant> {
    let mut out: Vec<Variant> = Vec::new();
    for (id, entry) in glossary.iter().enumerate() {
        let names = std::iter::once((entry.term.as_str(), Form::Name))
            .chain(
                entry
                    .abbreviation
                    .as_deref()
                    .map(|a| (a, Form::Abbreviation)),
            )
            .chain(entry.aliases.iter().map(|a| (a.as_str(), Form::Name)));
        let start = out.len();
        for (name, form) in names {
            let stems = analyzer.stems(name);
            if stems.is_empty() {
                continue;
            }
            let written = (form == Form::Abbreviation).then(|| {
                form.spellings(&collapse_spaces(name))
                    .into_iter()
                    .map(|(spelling, _)| spelling)
                    .collect()
            });
            if let Some(v) = out[start..].iter_mut().find(|v| v.stems == stems) {
                // Same stems named twice: the name that matches in any case wins.
                if written.is_none() {
                    v.written = None;
                }
                continue;
            }
            out.push(Variant {
                concept: id as u32,
                stems,
                written,
            });
        }
    }
    out
}

/// Lowercased single-word abbreviations; they are never stop words.
pub(super) fn abbreviation_words(glossary: &[GlossaryEntry]) -> Vec<String> {
    glossary
        .iter()
        .flat_map(|e| e.abbreviation.iter().chain(e.aliases.iter()))
        .filter(|a| is_capitals(a))
        .map(|a| a.to_lowercase())
        .filter(|a| !a.contains(char::is_whitespace))
        .collect()
}

struct Pattern {
    ids: Vec<u32>,
    concept_term: u32,
    /// An abbreviation's spellings (see [`Variant::written`]).
    written: Option<Vec<String>>,
}

/// Finds concept variants in token streams. Every token of every field passes through
/// [`find`](Matcher::find), so a token that starts no variant (most of them) must cost little:
/// patterns are found by their first term id in a table indexed by that id (the variants' stems
/// are interned before any page's words, so their ids are small and the table is short), and
/// patterns of two or more words by their first two ids, looked up only when a bit set of those
/// pairs says the pair may start one.
pub(super) struct Matcher {
    /// Per term id, one more than the index in `firsts` of the patterns starting with it; 0 for
    /// none. Ids past its end start none.
    first_of: Vec<u32>,
    firsts: Vec<First>,
    /// The pairs that start patterns of two or more words, hashed into 65,536 bits.
    pairs: Box<[u64; 1024]>,
    by_pair: FxHashMap<(u32, u32), Vec<Pattern>>,
    by_name: FxHashMap<String, u32>,
}

/// The patterns that start with one term id.
#[derive(Default)]
struct First {
    /// Patterns of that one word.
    single: Vec<Pattern>,
    /// Whether longer patterns start with it (they are in `by_pair`).
    longer: bool,
}

/// The bit of the pair (a, b) in [`Matcher::pairs`].
fn pair_bit(a: u32, b: u32) -> usize {
    let h = (u64::from(a) << 32 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 48) as usize
}

/// A concept found in a field: concept term id, first token position, length in tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub concept_term: u32,
    pub pos: u32,
    pub span: u32,
}

impl Matcher {
    /// Interns the variants' stems and the concept tokens into `vocab`.
    /// `concept_terms[i]` is the term id of concept `i`.
    pub(super) fn new(
        glossary: &[&GlossaryEntry],
        variants: &[Variant],
        concept_terms: &[u32],
        vocab: &mut Vocabulary,
    ) -> Matcher {
        let mut first_of: Vec<u32> = Vec::new();
        let mut firsts: Vec<First> = Vec::new();
        let mut pairs = Box::new([0u64; 1024]);
        let mut by_pair: FxHashMap<(u32, u32), Vec<Pattern>> = FxHashMap::default();
        for v in variants {
            let ids: Vec<u32> = v.stems.iter().map(|s| vocab.intern(s)).collect();
            let at = ids[0] as usize;
            if first_of.len() <= at {
                first_of.resize(at + 1, 0);
            }
            if first_of[at] == 0 {
                firsts.push(First::default());
                first_of[at] = firsts.len() as u32;
            }
            let first = &mut firsts[first_of[at] as usize - 1];
            let pattern = Pattern {
                concept_term: concept_terms[v.concept as usize],
                written: v.written.clone(),
                ids,
            };
            match pattern.ids[..] {
                [_] => first.single.push(pattern),
                [a, b, ..] => {
                    first.longer = true;
                    let bit = pair_bit(a, b);
                    pairs[bit / 64] |= 1 << (bit % 64);
                    by_pair.entry((a, b)).or_default().push(pattern);
                }
                [] => {}
            }
        }
        let mut by_name = FxHashMap::default();
        for (i, e) in glossary.iter().enumerate().rev() {
            let names = std::iter::once(&e.term)
                .chain(e.abbreviation.iter())
                .chain(e.aliases.iter());
            for n in names {
                by_name.insert(n.trim().to_lowercase(), concept_terms[i]);
            }
        }
        Matcher {
            first_of,
            firsts,
            pairs,
            by_pair,
            by_name,
        }
    }

    /// The concept term id for a glossary name (term, abbreviation or alias), any case.
    pub(super) fn concept_named(&self, name: &str) -> Option<u32> {
        self.by_name.get(&name.trim().to_lowercase()).copied()
    }

    /// False when no pattern of two or more words starts with `a`, `b`; true when one may.
    fn may_start_longer(&self, a: u32, b: u32) -> bool {
        let bit = pair_bit(a, b);
        self.pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Appends every variant occurrence in `ids`, the words of `text` written at `written`.
    pub(super) fn find(
        &self,
        ids: &[u32],
        written: &[Range<usize>],
        text: &str,
        out: &mut Vec<Found>,
    ) {
        for i in 0..ids.len() {
            let first = match self.first_of.get(ids[i] as usize) {
                Some(&f) if f != 0 => &self.firsts[f as usize - 1],
                _ => continue,
            };
            let longer = match ids.get(i + 1) {
                Some(&next) if first.longer && self.may_start_longer(ids[i], next) => {
                    self.by_pair.get(&(ids[i], next))
                }
                _ => None,
            };
            // The table and the pair lookup have matched a pattern's first one or two ids.
            for p in first.single.iter().chain(longer.into_iter().flatten()) {
                let end = i + p.ids.len();
                let known = p.ids.len().min(2);
                if end <= ids.len()
                    && ids[i + known..end].iter().eq(&p.ids[known..])
                    && p.written
                        .as_ref()
                        .is_none_or(|spellings| spelled(text, &written[i..end], spellings))
                {
                    out.push(Found {
                        concept_term: p.concept_term,
                        pos: i as u32,
                        span: p.ids.len() as u32,
                    });
                }
            }
        }
    }
}

/// Whether the words written at `words` of `text` are one of an abbreviation's `spellings`
/// (the glossary's rule, [`Form::accepts`]): read from the first word's start to the end of the
/// last, whose possessive ("DSL's") is left out, as term linking leaves it out.
fn spelled(text: &str, words: &[Range<usize>], spellings: &[String]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let last_word = &text[last.clone()];
    let end = last.start
        + last_word
            .find(['\'', '\u{2019}'])
            .unwrap_or(last_word.len());
    let found = &text[first.start..end];
    spellings
        .iter()
        .any(|spelling| Form::Abbreviation.accepts(spelling, found))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(term: &str, abbr: Option<&str>, aliases: &[&str]) -> GlossaryEntry {
        GlossaryEntry {
            term: term.into(),
            abbreviation: abbr.map(Into::into),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            summary: String::new(),
            url: format!("definitions/{}.html", term.to_lowercase().replace(' ', "-")),
        }
    }

    #[test]
    fn variants_are_stemmed_and_deduplicated() {
        let g = [
            entry(
                "Graded Care Profile",
                Some("GCP"),
                &["graded care profiles", "GCP2"],
            ),
            entry("Child in need", Some("CIN"), &[]),
        ];
        let sorted = sorted_glossary(&g);
        assert_eq!(sorted[0].term, "Child in need");
        let a = Analyzer::new(&abbreviation_words(&g));
        let v = variants(&sorted, &a);
        let stems: Vec<String> = v.iter().map(|v| v.stems.join(" ")).collect();
        assert_eq!(
            stems,
            ["child need", "cin", "grade care profil", "gcp", "gcp2"]
        );
        // Only the abbreviations match only as written; the alias "GCP2" is a name, matched
        // in any case, as term linking matches it.
        let written: Vec<Option<&[String]>> = v.iter().map(|v| v.written.as_deref()).collect();
        let spelled = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            written,
            [
                None,
                Some(&spelled(&["CIN", "CINs"])[..]),
                None,
                Some(&spelled(&["GCP", "GCPs"])[..]),
                None
            ]
        );
    }

    #[test]
    fn matcher_finds_multiword_and_capital_abbreviations() {
        let g = [entry("Graded Care Profile", Some("GCP"), &[])];
        let sorted = sorted_glossary(&g);
        let mut vocab = Vocabulary::new(Analyzer::new(&abbreviation_words(&g)));
        let concept = vocab.intern(&concept_token(0));
        let vars = variants(&sorted, &vocab.analyzer);
        let m = Matcher::new(&sorted, &vars, &[concept], &mut vocab);
        let text = "Use the graded care profiles; the GCP helps. Not gcp in lowercase.";
        let (mut ids, mut written) = (Vec::new(), Vec::new());
        vocab.tokens(text, &mut ids, &mut written);
        let mut found = Vec::new();
        m.find(&ids, &written, text, &mut found);
        assert_eq!(
            found,
            [
                Found {
                    concept_term: concept,
                    pos: 1,
                    span: 3
                },
                Found {
                    concept_term: concept,
                    pos: 4,
                    span: 1
                },
            ]
        );
        assert_eq!(m.concept_named(" gcp "), Some(concept));
        assert_eq!(m.concept_named("graded care PROFILE"), Some(concept));
        assert_eq!(m.concept_named("nothing"), None);
    }

    /// The concepts found in `text` with a glossary of `g`, as (position, span).
    fn concepts(g: &[GlossaryEntry], text: &str) -> Vec<(u32, u32)> {
        let sorted = sorted_glossary(g);
        let mut vocab = Vocabulary::new(Analyzer::new(&abbreviation_words(g)));
        let concepts: Vec<u32> = (0..g.len())
            .map(|i| vocab.intern(&concept_token(i)))
            .collect();
        let vars = variants(&sorted, &vocab.analyzer);
        let m = Matcher::new(&sorted, &vars, &concepts, &mut vocab);
        let (mut ids, mut written) = (Vec::new(), Vec::new());
        vocab.tokens(text, &mut ids, &mut written);
        let mut found = Vec::new();
        m.find(&ids, &written, text, &mut found);
        found.iter().map(|f| (f.pos, f.span)).collect()
    }

    #[test]
    fn abbreviations_match_as_term_linking_matches_them() {
        let g = [entry("Child in need", Some("CIN"), &[])];
        // The plural and the possessive, as written; not in another case.
        assert_eq!(
            concepts(&g, "Two CINs and the CIN\u{2019}s plan; cin, Cin, CINS."),
            [(1, 1), (2, 1)]
        );
        // An abbreviation with small letters matches only as written.
        let g = [entry("Department for Education", Some("DfE"), &[])];
        assert_eq!(concepts(&g, "DfE, DFE and dfe."), [(0, 1)]);
        // A name in capitals (an alias) matches in any case, as a term does.
        let g = [entry("Graded Care Profile", None, &["GCP2"])];
        assert_eq!(concepts(&g, "GCP2 or gcp2"), [(0, 1), (1, 1)]);
    }
}
