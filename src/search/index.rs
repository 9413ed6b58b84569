//! Postings: for every term, the sections that contain it, in which fields,
//! how often and where.
//!
//! One pass over the sections; each section's term occurrences are sorted
//! (a few hundred items) and appended to per-term lists, so the lists come out
//! in section order with no global sort and the build is linear in the text.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::synonyms::{self, Found, Matcher};
use super::tokenize::{Analyzer, Vocabulary};
use super::{GlossaryEntry, SearchDocument};

/// Field bit: section body (has term frequency and positions).
pub(super) const BODY: u8 = 1;
/// Field bit: page title (positions within the title).
pub(super) const TITLE: u8 = 2;
/// Field bit: the section's own heading (positions within the heading).
pub(super) const HEADING: u8 = 4;
/// Field bit: a sub-heading (h4+) inside the section (presence only).
pub(super) const SUB: u8 = 8;
/// Field bit: a glossary term the section is tagged with (presence only).
pub(super) const TERMS: u8 = 16;

/// A page: its sections are consecutive documents.
pub(super) struct Page<'a> {
    /// URL without anchor.
    pub url: &'a str,
    pub sections: u32,
    /// Indexed (non-stop) words in the title, for "whole title matched".
    pub title_len: u32,
}

/// A section, in index order.
pub(super) struct Doc<'a> {
    pub src: &'a SearchDocument<'a>,
    /// Indexed words in the body, for BM25 length normalisation.
    pub body_len: u32,
    /// Indexed words in the section heading; `None` for a page's intro part.
    pub heading_len: Option<u32>,
    pub kind: u32,
}

/// Everything the file writer needs, deterministic in content and order.
pub(super) struct Built<'a> {
    /// Vocabulary, sorted; concept tokens (`~N`) sort after words.
    pub terms: Vec<String>,
    /// Postings, aligned with `terms`.
    pub postings: Vec<TermPostings>,
    pub pages: Vec<Page<'a>>,
    pub docs: Vec<Doc<'a>>,
    pub kinds: Vec<&'a str>,
    pub glossary: Vec<&'a GlossaryEntry>,
    /// (concept id, stems joined by spaces) for every glossary variant.
    pub synonyms: Vec<(u32, String)>,
    pub stop_words: Vec<&'static str>,
    /// All words of all bodies, stop words included.
    pub body_words: u64,
    /// Body words that were indexed (stop words excluded).
    pub indexed_tokens: u64,
}

/// One term's postings, as one record per section in a single list of numbers.
/// [`TermPostings::streams`] splits the records into the number streams the
/// files hold.
///
/// A record is: the section id (the first) or (gap - 1) from the previous
/// one; the field mask (BODY | TITLE | HEADING | SUB | TERMS); then if BODY:
/// tf - 1 and the tf body positions (the first, then gap - 1 to each next),
/// and for a concept term (`~N`) the (span - 1) of each; then if TITLE:
/// count - 1 and the positions as above, a concept's each followed by
/// (span - 1); then if HEADING likewise.
#[derive(Default)]
pub(super) struct TermPostings {
    data: Vec<u32>,
    sections: u32,
    last_doc: Option<u32>,
}

/// A term's postings split into streams: like numbers together compress
/// better than interleaved records.
#[derive(Default, Debug, PartialEq, Eq)]
pub(super) struct Streams {
    /// First section id, then (gap - 1) to each next section.
    pub gaps: Vec<u32>,
    /// Field mask per section.
    pub masks: Vec<u32>,
    /// tf - 1, for each section whose mask has BODY.
    pub tfs: Vec<u32>,
    /// Body positions.
    pub body: Vec<u32>,
    /// Concept spans of body positions, then title and heading counts and
    /// positions, in record order.
    pub extra: Vec<u32>,
}

impl Streams {
    /// Empties every stream, keeping the buffers.
    pub(super) fn clear(&mut self) {
        for v in [
            &mut self.gaps,
            &mut self.masks,
            &mut self.tfs,
            &mut self.body,
            &mut self.extra,
        ] {
            v.clear();
        }
    }
}

impl TermPostings {
    /// Number of sections holding the term.
    pub(super) fn sections(&self) -> u32 {
        self.sections
    }

    /// Every number of the term's records, in any order (for sizes).
    pub(super) fn numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.data.iter().copied()
    }

    /// Appends the term's streams to `out`. `concept`: the term is `~N`.
    pub(super) fn streams(&self, concept: bool, out: &mut Streams) {
        let mut d = Numbers {
            numbers: &self.data,
            at: 0,
        };
        let take = |n: usize, to: &mut Vec<u32>, d: &mut Numbers| {
            to.extend((0..n).map(|_| d.next()));
        };
        while d.at < d.numbers.len() {
            out.gaps.push(d.next());
            let mask = d.next();
            out.masks.push(mask);
            if mask as u8 & BODY != 0 {
                let tf = d.next();
                out.tfs.push(tf);
                let tf = tf as usize + 1;
                take(tf, &mut out.body, &mut d);
                if concept {
                    take(tf, &mut out.extra, &mut d);
                }
            }
            for field in [TITLE, HEADING] {
                if mask as u8 & field != 0 {
                    let count = d.next();
                    out.extra.push(count);
                    let n = (count as usize + 1) * if concept { 2 } else { 1 };
                    take(n, &mut out.extra, &mut d);
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Occ {
    term: u32,
    field: u8,
    pos: u32,
    /// Tokens covered by a concept occurrence; 0 for a word.
    span: u32,
}

/// Scratch buffers reused across fields.
#[derive(Default)]
struct Scratch {
    ids: Vec<u32>,
    written: Vec<std::ops::Range<usize>>,
    found: Vec<Found>,
}

impl Scratch {
    /// Tokenises `text` into `self.ids` and finds concepts. Returns words seen.
    fn field(&mut self, text: &str, vocab: &mut Vocabulary, matcher: &Matcher) -> u64 {
        self.ids.clear();
        self.written.clear();
        self.found.clear();
        let seen = vocab.tokens(text, &mut self.ids, &mut self.written);
        matcher.find(&self.ids, &self.written, text, &mut self.found);
        seen
    }

    fn push_occ(&self, field: u8, positional: bool, occ: &mut Vec<Occ>) {
        for (i, &term) in self.ids.iter().enumerate() {
            let pos = if positional { i as u32 } else { 0 };
            occ.push(Occ {
                term,
                field,
                pos,
                span: 0,
            });
        }
        for f in &self.found {
            let (pos, span) = if positional { (f.pos, f.span) } else { (0, 1) };
            occ.push(Occ {
                term: f.concept_term,
                field,
                pos,
                span,
            });
        }
    }
}

/// Builds postings and tables for `docs` and `glossary`. Pages are tokenised
/// in parallel, in a few runs of consecutive pages; the runs are then merged in
/// order, so the result does not depend on how the work was split.
pub(super) fn build<'a>(
    docs: &'a [SearchDocument<'a>],
    glossary: &'a [GlossaryEntry],
) -> Built<'a> {
    let runs = (rayon::current_num_threads() * 2).min(docs.len() / MIN_RUN_SECTIONS);
    build_in_runs(docs, glossary, runs)
}

/// Fewer sections than this are not worth a run of their own.
const MIN_RUN_SECTIONS: usize = 400;

/// Everything the runs share, read-only.
struct Shared<'g> {
    /// Words kept out of the stop list (abbreviations).
    keep: Vec<String>,
    /// Concept tokens, then the stems of glossary variants: the same ids in every run.
    base: Vec<Box<str>>,
    matcher: Matcher,
    concepts: u32,
    kinds: Vec<&'g str>,
}

/// One run of pages, tokenised: term ids are the run's own, with `base` ids shared.
struct Run<'a> {
    /// Terms first seen in this run; their ids count on from `base.len()`.
    new_terms: Vec<Box<str>>,
    pages: Vec<Page<'a>>,
    docs: Vec<Doc<'a>>,
    /// Per section: the number of terms, then per term its id, the record's length and the
    /// record without its leading section gap (see [`add_doc`]). The merge copies each record
    /// as it is.
    records: Vec<u32>,
    body_words: u64,
    indexed_tokens: u64,
}

impl Run<'_> {
    /// Calls `f(section within the run, run-local term id, record without its section gap)`
    /// for every record, in order.
    fn for_each_record(&self, mut f: impl FnMut(u32, u32, &[u32])) {
        let mut numbers = Numbers {
            numbers: &self.records,
            at: 0,
        };
        for local in 0..self.docs.len() as u32 {
            for _ in 0..numbers.next() {
                let (term, len) = (numbers.next(), numbers.next() as usize);
                let at = numbers.at;
                numbers.at += len;
                f(local, term, &self.records[at..at + len]);
            }
        }
    }
}

/// Reads a list of numbers in order.
struct Numbers<'n> {
    numbers: &'n [u32],
    at: usize,
}

impl Numbers<'_> {
    fn next(&mut self) -> u32 {
        self.at += 1;
        self.numbers[self.at - 1]
    }
}

/// [`build`] with the pages split into about `runs` runs.
fn build_in_runs<'a>(
    docs: &'a [SearchDocument<'a>],
    glossary: &'a [GlossaryEntry],
    runs: usize,
) -> Built<'a> {
    let gloss = synonyms::sorted_glossary(glossary);
    let keep = synonyms::abbreviation_words(glossary);
    let analyzer = Analyzer::new(&keep);
    let stop_words = analyzer.stop_words();
    let mut vocab = Vocabulary::new(analyzer);
    // Concept tokens first, so `id < concepts` tells a concept term.
    let concept_terms: Vec<u32> = (0..gloss.len())
        .map(|i| vocab.intern(&synonyms::concept_token(i)))
        .collect();
    let variants = synonyms::variants(&gloss, &vocab.analyzer);
    let matcher = Matcher::new(&gloss, &variants, &concept_terms, &mut vocab);
    let synonyms_out = variants
        .iter()
        .map(|v| (v.concept, v.stems.join(" ")))
        .collect();

    // Pages sorted by URL; sections keep their order within the page.
    let mut by_page: BTreeMap<&str, Vec<&SearchDocument<'a>>> = BTreeMap::new();
    for d in docs {
        let page = d.url.split('#').next().unwrap_or("");
        by_page.entry(page).or_default().push(d);
    }
    let by_page: Vec<(&str, Vec<&SearchDocument<'a>>)> = by_page.into_iter().collect();
    let kinds: Vec<&str> = docs
        .iter()
        .map(|d| &*d.kind)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let shared = Shared {
        keep,
        base: (0..vocab.len() as u32)
            .map(|t| vocab.term(t).into())
            .collect(),
        matcher,
        concepts: gloss.len() as u32,
        kinds,
    };

    let bounds = run_bounds(&by_page, runs);
    let parts: Vec<Run<'a>> = crate::util::timings::step("    tokenize", || {
        bounds
            .par_windows(2)
            .map(|w| tokenize_run(&by_page[w[0]..w[1]], &shared))
            .collect()
    });

    let sections = by_page.iter().map(|(_, s)| s.len()).sum();
    let tables = Tables {
        pages: by_page.len(),
        sections,
        glossary: gloss,
        synonyms: synonyms_out,
        stop_words,
    };
    crate::util::timings::step("    merge", || merge(parts, vocab, shared, tables))
}

/// The tables a merged index carries besides its postings.
struct Tables<'a> {
    pages: usize,
    sections: usize,
    glossary: Vec<&'a GlossaryEntry>,
    synonyms: Vec<(u32, String)>,
    stop_words: Vec<&'static str>,
}

/// Merges the tokenised runs, in page order, into the index.
fn merge<'a>(
    parts: Vec<Run<'a>>,
    mut vocab: Vocabulary,
    shared: Shared<'a>,
    tables: Tables<'a>,
) -> Built<'a> {
    // Merge in page order: each run's terms get their final ids, its records
    // are appended to the terms' lists with section gaps, and the run is dropped.
    let remaps: Vec<Vec<u32>> = parts
        .iter()
        .map(|run| {
            (0..shared.base.len() as u32)
                .chain(run.new_terms.iter().map(|t| vocab.intern(t)))
                .collect()
        })
        .collect();
    let mut accs: Vec<TermPostings> = std::iter::repeat_with(TermPostings::default)
        .take(vocab.len())
        .collect();
    let mut pages = Vec::with_capacity(tables.pages);
    let mut out_docs = Vec::with_capacity(tables.sections);
    let (mut body_words, mut indexed_tokens) = (0u64, 0u64);
    for (run, remap) in parts.into_iter().zip(&remaps) {
        let first_doc = out_docs.len() as u32;
        run.for_each_record(|local, term, record| {
            let doc = first_doc + local;
            let acc = &mut accs[remap[term as usize] as usize];
            acc.data
                .push(acc.last_doc.map_or(doc, |last| doc - last - 1));
            acc.data.extend_from_slice(record);
            acc.last_doc = Some(doc);
            acc.sections += 1;
        });
        pages.extend(run.pages);
        out_docs.extend(run.docs);
        body_words += run.body_words;
        indexed_tokens += run.indexed_tokens;
    }
    let kinds = shared.kinds;

    // Final vocabulary: terms that occur, sorted.
    let mut order: Vec<u32> = (0..accs.len() as u32)
        .filter(|&t| accs[t as usize].sections > 0)
        .collect();
    order.sort_unstable_by(|&a, &b| vocab.term(a).cmp(vocab.term(b)));
    let terms = order.iter().map(|&t| vocab.term(t).to_string()).collect();
    let postings = order
        .iter()
        .map(|&t| std::mem::take(&mut accs[t as usize]))
        .collect();

    Built {
        terms,
        postings,
        pages,
        docs: out_docs,
        kinds,
        glossary: tables.glossary,
        synonyms: tables.synonyms,
        stop_words: tables.stop_words,
        body_words,
        indexed_tokens,
    }
}

/// Indices into `by_page` where runs start (and the end), balanced by sections.
fn run_bounds(by_page: &[(&str, Vec<&SearchDocument<'_>>)], runs: usize) -> Vec<usize> {
    let total: usize = by_page.iter().map(|(_, s)| s.len()).sum();
    let per_run = total.div_ceil(runs.max(1));
    let mut bounds = vec![0];
    let mut acc = 0;
    for (i, (_, sections)) in by_page.iter().enumerate() {
        if acc >= per_run {
            bounds.push(i);
            acc = 0;
        }
        acc += sections.len();
    }
    bounds.push(by_page.len());
    bounds.dedup();
    if bounds.len() == 1 {
        bounds.push(0);
    }
    bounds
}

/// Tokenises a run of pages with a vocabulary of its own.
fn tokenize_run<'a>(
    pages_in: &[(&'a str, Vec<&'a SearchDocument<'a>>)],
    shared: &Shared<'_>,
) -> Run<'a> {
    let mut vocab = Vocabulary::new(Analyzer::new(&shared.keep));
    for t in &shared.base {
        vocab.intern(t);
    }
    let matcher = &shared.matcher;
    let kind_index = |k: &str| shared.kinds.binary_search(&k).unwrap_or(0) as u32;
    let mut run = Run {
        new_terms: Vec::new(),
        pages: Vec::with_capacity(pages_in.len()),
        docs: Vec::new(),
        records: Vec::new(),
        body_words: 0,
        indexed_tokens: 0,
    };
    let mut scratch = Scratch::default();
    let mut groups = TermGroups::default();
    let mut title_occ: Vec<Occ> = Vec::new();
    let mut occ: Vec<Occ> = Vec::new();
    for (url, sections) in pages_in {
        let title = &*sections[0].page_title;
        scratch.field(title, &mut vocab, matcher);
        title_occ.clear();
        scratch.push_occ(TITLE, true, &mut title_occ);
        run.pages.push(Page {
            url,
            sections: sections.len() as u32,
            title_len: scratch.ids.len() as u32,
        });
        for &doc in sections {
            occ.clear();
            occ.extend_from_slice(&title_occ);
            let heading_len = doc.section.as_deref().map(|h| {
                scratch.field(h, &mut vocab, matcher);
                scratch.push_occ(HEADING, true, &mut occ);
                scratch.ids.len() as u32
            });
            for h in doc.headings.iter() {
                scratch.field(h, &mut vocab, matcher);
                scratch.push_occ(SUB, false, &mut occ);
            }
            for t in &doc.terms {
                if let Some(c) = matcher.concept_named(t) {
                    occ.push(Occ {
                        term: c,
                        field: TERMS,
                        pos: 0,
                        span: 1,
                    });
                } else {
                    scratch.field(t, &mut vocab, matcher);
                    scratch.push_occ(TERMS, false, &mut occ);
                }
            }
            run.body_words += scratch.field(&doc.body, &mut vocab, matcher);
            run.indexed_tokens += scratch.ids.len() as u64;
            scratch.push_occ(BODY, true, &mut occ);
            add_doc(&occ, shared.concepts, &mut groups, &mut run.records);
            run.docs.push(Doc {
                src: doc,
                body_len: scratch.ids.len() as u32,
                heading_len,
                kind: kind_index(&doc.kind),
            });
        }
    }
    run.new_terms = vocab.terms_from(shared.base.len());
    run
}

/// A section's occurrences grouped by term, without sorting them all: each term's occurrences
/// are chained in the order they were pushed (so by position within a field), and only the
/// distinct terms are sorted. Reused from section to section.
#[derive(Default)]
struct TermGroups {
    /// Per term id: one more than the term's index in `terms` while the section is grouped; 0
    /// otherwise (and for ids past the end).
    slot: Vec<u32>,
    /// The section's distinct terms: (term, first occurrence, last occurrence).
    terms: Vec<(u32, u32, u32)>,
    /// Per occurrence, the next of the same term; `END` for the last.
    next: Vec<u32>,
}

impl TermGroups {
    const END: u32 = u32::MAX;

    /// Groups `occ`, leaving the distinct terms in `self.terms`, in term order.
    fn group(&mut self, occ: &[Occ]) {
        self.terms.clear();
        self.next.clear();
        self.next.resize(occ.len(), Self::END);
        for (i, o) in occ.iter().enumerate() {
            let t = o.term as usize;
            if t >= self.slot.len() {
                self.slot.resize(t + 1, 0);
            }
            match self.slot[t] {
                0 => {
                    self.terms.push((o.term, i as u32, i as u32));
                    self.slot[t] = self.terms.len() as u32;
                }
                s => {
                    let group = &mut self.terms[s as usize - 1];
                    self.next[group.2 as usize] = i as u32;
                    group.2 = i as u32;
                }
            }
        }
        for &(term, _, _) in &self.terms {
            self.slot[term as usize] = 0;
        }
        self.terms.sort_unstable_by_key(|&(term, _, _)| term);
    }
}

/// Appends one section's records to `out`: the number of terms, then per term (in term order)
/// its id, the record's length and the record (see [`TermPostings`]) without the leading
/// section gap.
fn add_doc(occ: &[Occ], concepts: u32, groups: &mut TermGroups, out: &mut Vec<u32>) {
    groups.group(occ);
    out.push(groups.terms.len() as u32);
    let mut body: Vec<(u32, u32)> = Vec::new();
    let mut title: Vec<(u32, u32)> = Vec::new();
    let mut heading: Vec<(u32, u32)> = Vec::new();
    for &(term, first, _) in &groups.terms {
        let mut mask = 0u8;
        body.clear();
        title.clear();
        heading.clear();
        let mut i = first;
        while i != TermGroups::END {
            let o = occ[i as usize];
            mask |= o.field;
            let list = match o.field {
                BODY => Some(&mut body),
                TITLE => Some(&mut title),
                HEADING => Some(&mut heading),
                _ => None,
            };
            if let Some(list) = list {
                // A field's occurrences come in position order (each positional field is pushed
                // once a section, left to right): keep the longest span per position.
                debug_assert!(list.last().is_none_or(|last| last.0 <= o.pos));
                match list.last_mut() {
                    Some(last) if last.0 == o.pos => last.1 = last.1.max(o.span),
                    _ => list.push((o.pos, o.span)),
                }
            }
            i = groups.next[i as usize];
        }
        let concept = term < concepts;
        out.push(term);
        let len_at = out.len();
        out.push(0);
        out.push(u32::from(mask));
        if mask & BODY != 0 {
            out.push(body.len() as u32 - 1);
            push_positions(out, &body);
            if concept {
                out.extend(body.iter().map(|&(_, span)| span.max(1) - 1));
            }
        }
        for list in [&title, &heading] {
            if !list.is_empty() {
                out.push(list.len() as u32 - 1);
                if concept {
                    let mut prev: Option<u32> = None;
                    for &(pos, span) in list.iter() {
                        out.push(prev.map_or(pos, |p| pos - p - 1));
                        out.push(span.max(1) - 1);
                        prev = Some(pos);
                    }
                } else {
                    push_positions(out, list);
                }
            }
        }
        out[len_at] = (out.len() - len_at - 1) as u32;
    }
}

fn push_positions(out: &mut Vec<u32>, list: &[(u32, u32)]) {
    let mut prev: Option<u32> = None;
    for &(pos, _) in list {
        out.push(prev.map_or(pos, |p| pos - p - 1));
        prev = Some(pos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(url: &str, title: &str, section: Option<&str>, body: &str) -> SearchDocument<'static> {
        SearchDocument {
            url: url.into(),
            page_title: title.to_string().into(),
            section: section.map(|s| s.to_string().into()),
            kind: "page".into(),
            headings: vec![].into(),
            body: body.to_string().into(),
            terms: vec![],
        }
    }

    /// Streams of one term: gaps, masks, tfs, body, extra.
    fn postings(b: &Built, term: &str) -> [Vec<u32>; 5] {
        let i = b.terms.iter().position(|t| t == term).expect(term);
        let mut s = Streams::default();
        b.postings[i].streams(term.starts_with('~'), &mut s);
        [s.gaps, s.masks, s.tfs, s.body, s.extra]
    }

    #[test]
    fn a_sections_records_come_in_term_order_with_the_longest_span_at_each_position() {
        let occ = |term, field, pos, span| Occ {
            term,
            field,
            pos,
            span,
        };
        // As a section pushes them: title, then body; concept 0 found twice at position 2, the
        // longer variant first.
        let section = [
            occ(7, TITLE, 0, 0),
            occ(5, BODY, 0, 0),
            occ(7, BODY, 1, 0),
            occ(5, BODY, 3, 0),
            occ(0, BODY, 2, 3),
            occ(0, BODY, 2, 2),
        ];
        let mut out = Vec::new();
        add_doc(&section, 1, &mut TermGroups::default(), &mut out);
        #[rustfmt::skip]
        let expected = [
            3, // terms
            0, 4, u32::from(BODY), 0, 2, 2, // concept 0: one position, 2, span 3
            5, 4, u32::from(BODY), 1, 0, 2, // term 5: positions 0 and 3 (gap 2)
            7, 5, u32::from(BODY | TITLE), 0, 1, 0, 0, // term 7: body 1; title 0
        ];
        assert_eq!(out, expected);
    }

    #[test]
    fn pages_sorted_and_sections_grouped() {
        let docs = [
            doc("b.html", "B", None, "x"),
            doc("a.html#two", "A", Some("Two"), "y"),
            doc("b.html#s", "B", Some("S"), "z"),
            doc("a.html", "A", None, "w"),
        ];
        let b = build(&docs, &[]);
        let urls: Vec<&str> = b.docs.iter().map(|d| d.src.url.as_str()).collect();
        assert_eq!(urls, ["a.html#two", "a.html", "b.html", "b.html#s"]);
        assert_eq!(b.pages.len(), 2);
        assert_eq!((b.pages[0].sections, b.pages[1].sections), (2, 2));
        assert_eq!(b.docs[0].heading_len, Some(1));
        assert_eq!(b.docs[1].heading_len, None);
    }

    #[test]
    fn postings_layout() {
        let docs = [
            doc(
                "a.html",
                "Neglect",
                None,
                "Neglect of the child. Neglect again.",
            ),
            doc("b.html", "Other", Some("Neglect signs"), "Nothing here."),
        ];
        let b = build(&docs, &[]);
        // neglect: doc 0 then gap-1 = 0; masks TITLE|BODY, HEADING; tf 2 -> 1;
        // body positions 0, gap 2 -> 1; title count 1 -> 0, pos 0; heading
        // count 1 -> 0, pos 0.
        assert_eq!(
            postings(&b, "neglect"),
            [
                vec![0, 0],
                vec![u32::from(TITLE | BODY), u32::from(HEADING)],
                vec![1],
                vec![0, 1],
                vec![0, 0, 0, 0]
            ]
        );
        assert_eq!(b.docs[0].body_len, 4);
        assert_eq!(b.body_words, 8);
        assert_eq!(b.indexed_tokens, 5);
    }

    #[test]
    fn concepts_carry_spans_and_terms_field() {
        let g = [GlossaryEntry {
            term: "Graded Care Profile".into(),
            abbreviation: Some("GCP".into()),
            aliases: vec![],
            summary: "A tool.".into(),
            url: "definitions/gcp.html".into(),
        }];
        let mut d = doc(
            "a.html",
            "Tools",
            None,
            "Use the GCP. The graded care profile helps.",
        );
        d.terms = vec!["graded care profile".into()];
        let docs = [d];
        let b = build(&docs, &g);
        // One doc, mask BODY|TERMS, tf 2; positions 1, then gap 2 - 1 - 1 = 0;
        // spans 1 -> 0 and 3 -> 2.
        assert_eq!(
            postings(&b, "~0"),
            [
                vec![0],
                vec![u32::from(BODY | TERMS)],
                vec![1],
                vec![1, 0],
                vec![0, 2]
            ]
        );
        assert_eq!(
            b.synonyms,
            [(0, "grade care profil".to_string()), (0, "gcp".to_string())]
        );
        assert!(b.terms.last().unwrap().starts_with('~'));
    }

    #[test]
    fn runs_of_pages_merge_to_the_same_index() {
        let g = [GlossaryEntry {
            term: "Graded Care Profile".into(),
            abbreviation: Some("GCP".into()),
            aliases: vec![],
            summary: String::new(),
            url: "p3.html".into(),
        }];
        let words = [
            "neglect", "child", "care", "graded", "profile", "GCP", "home", "school",
        ];
        let docs: Vec<SearchDocument> = (0..60)
            .map(|i| {
                let body: Vec<&str> = (0..12)
                    .map(|k| words[(i * 7 + k * k) % words.len()])
                    .collect();
                let mut d = doc(
                    &format!("p{}.html#s{i}", i / 3),
                    &format!("Page {} {}", i / 3, words[i % 5]),
                    Some(&format!("Part {i}")),
                    &format!("{} word{i}", body.join(" ")),
                );
                d.terms = vec!["GCP".into()];
                d
            })
            .collect();
        let whole = build_in_runs(&docs, &g, 1);
        for runs in [2, 3, 7, 100] {
            let split = build_in_runs(&docs, &g, runs);
            assert_eq!(split.terms, whole.terms, "{runs} runs");
            for (t, term) in whole.terms.iter().enumerate() {
                assert_eq!(
                    postings(&split, term),
                    postings(&whole, term),
                    "{term}, {runs} runs"
                );
                assert_eq!(split.postings[t].sections(), whole.postings[t].sections());
            }
            let urls = |b: &Built| b.docs.iter().map(|d| d.src.url.clone()).collect::<Vec<_>>();
            assert_eq!(urls(&split), urls(&whole));
            assert_eq!(split.pages.len(), whole.pages.len());
            assert_eq!(
                (split.body_words, split.indexed_tokens),
                (whole.body_words, whole.indexed_tokens)
            );
        }
        assert!(run_bounds(&[], 4).len() == 2);
    }

    #[test]
    fn lowercase_abbreviation_text_is_not_a_concept() {
        let g = [GlossaryEntry {
            term: "Child in need".into(),
            abbreviation: Some("CIN".into()),
            aliases: vec![],
            summary: String::new(),
            url: "d.html".into(),
        }];
        let docs = [doc("a.html", "T", None, "cin is not an abbreviation here")];
        let b = build(&docs, &g);
        assert!(!b.terms.iter().any(|t| t == "~0"));
        assert!(b.terms.iter().any(|t| t == "cin"));
    }
}
