//! Site search: an index built with the site and a client that queries it in
//! the browser, with no server and no request to any other host.
//!
//! # Pipeline
//!
//! **Tokenise → stem → postings → compact JavaScript files.** The caller
//! passes every page section as a [`SearchDocument`] and the glossary as
//! [`GlossaryEntry`]s to [`build_index`].
//!
//! * `tokenize`: words are runs of letters and digits, lowercased; an
//!   apostrophe inside a word is dropped ("Horwath's" → "horwaths"). A small
//!   built-in list of English stop words (articles, pronouns, auxiliaries,
//!   question words: "what is", "how do I") is dropped; words that carry
//!   meaning in safeguarding ("not", "no", "before") are kept. Words are
//!   stemmed with the Snowball English (Porter2) stemmer of `rust-stemmers`.
//! * `synonyms`: each glossary entry is a *concept*; its term, abbreviation
//!   and aliases are matched as runs of stems in every field and recorded as
//!   one extra token `~N` at that position, besides the words. The client
//!   turns a query's variant into the same token, so "GCP" finds pages that
//!   say "Graded Care Profile" and the other way round, a multi-word term
//!   counts as one unit, and plurals match. Abbreviations match page text
//!   only as written, by the glossary's rule for term linking, so an
//!   abbreviation that is also a word is not over-matched.
//! * `index`: per term, the sections holding it with a field mask (title,
//!   section heading, sub-headings, glossary tags, body), the body term
//!   frequency and positions, and positions within the title and heading
//!   (for phrase, proximity and whole-title matches). Positions count
//!   indexed words only, so "lack of supervision" is a phrase of two.
//! * `encode` and `files`: numbers become variable-length digits from 92
//!   printable ASCII characters (one character for 0..63), gaps instead of
//!   absolute section ids and positions, each kind of number in its own
//!   stream so gzip sees uniform data. Vocabulary is front-coded.
//!
//! # Files and lazy loading
//!
//! Every file is a classic script that registers one object with
//! `(self.waymarkSearchData=self.waymarkSearchData||[]).push({...})`, so the
//! client loads it with a created `<script src>`, which works from `file://`
//! where `fetch` and XHR do not. All files are pure ASCII (anything else is
//! `\uXXXX`), so no charset question arises.
//!
//! * `search/index.js`, the core: vocabulary, per-section numbers (body
//!   length, heading length, kind), per-page title length, glossary,
//!   synonyms, stop words and the tables of the other files. Loaded when a
//!   search box is first focused.
//! * `search/p<K>-<hash>.js`: postings for a run of the sorted vocabulary,
//!   about [`IndexOptions::postings_shard_bytes`] each. A query loads only
//!   the shards holding its terms.
//! * `search/x<K>-<hash>.js`: URL, page title, section heading and snippet
//!   for a run of sections, about [`IndexOptions::text_shard_bytes`] each,
//!   loaded for the results on screen.
//!
//! Shards are split by size over the sorted vocabulary rather than by first
//! letter, because letters are very uneven (on the synthetic site "s" alone
//! holds about a tenth of all postings). Names carry a content hash, so a
//! cached old shard is never read with a new core. A first query fetches the
//! core, the postings shards of its words and the text shards of the results
//! on screen; later queries fetch only shards not yet loaded. Sizes are in
//! docs/performance.md (`cargo run --release --example search_bench`).
//!
//! Pages are tokenised in parallel, in runs of consecutive pages that each
//! keep a vocabulary of their own, then merged in page order; shards are
//! written in parallel, their bounds fixed first from sizes. The files do
//! not depend on the number of threads. No step is worse than linear plus a
//! sort of the vocabulary, and each distinct word is stemmed once per run.
//!
//! # Ranking (in the client, `theme/js/search/`: `40-query.js` to `50-rank.js`)
//!
//! The query is split and stemmed like the text, with question framing
//! ("what is", "define", "… stand for") and stop words removed. Glossary
//! variants become concept units; other words are units whose candidate
//! terms are the exact stem (weight 1), for the last word while it is being
//! typed the vocabulary terms it begins (weight 0.55–0.9), and for an
//! unknown word of 4+ letters the vocabulary terms with the same first
//! letter within 1 edit (2 from 8 letters; Damerau, with length bounds and
//! early exit) (weight 0.6 or 0.4). Per unit, a section scores
//! idf × (BM25 body score + boosts: title 2.5, heading 2, sub-heading 0.8,
//! glossary tag 1) × weight. Sections holding every unit are shown first
//! (near misses follow when there are fewer than five). The leading 150
//! then get position bonuses: a query that covers the whole page title
//! (+1000 for the page's intro section, a tenth of that for its other
//! sections), the whole section heading (+500), all units inside the title
//! or heading (+100/+60 scaled by coverage) or split between the two (+60
//! scaled by coverage), and up to +100% of the score for units close
//! together and in order in the body.
//! When the query names a glossary entry (case-insensitive, plural or typo
//! allowed, or the leading words of one entry's name, the last perhaps still
//! being typed) that entry is returned as the answer card and its section
//! leads.
//! Further sections of one page count half the one before, so one long
//! page does not fill the list.
//!
//! # Snippets
//!
//! The first [`IndexOptions::snippet_chars`] characters of each section
//! (cut at a word), where guidance says what the section is about; the
//! client marks query words and glossary variants in it.
//!
//! # Tests
//!
//! Unit tests sit beside the code. `node --test tests/search/` runs the real
//! client against the index of the fixture site in `tests/fixtures/search/`
//! (built by `cargo run --example search_fixture`), checks the JavaScript
//! stemmer and word splitter against the Rust ones, and runs the relevance
//! suite: queries over the demo site's content, built with the real binary.
//! `tests/browser/suite/search.test.js` drives the header box and the search
//! page in Chromium, from a server, a sub-path and `file://`.
//! `cargo run --release --example search_bench -- DIR` then
//! `node tests/search/bench-queries.js DIR` measure build, size and query times.

mod encode;
mod files;
mod index;
pub mod site_index;
mod snippet;
mod synonyms;
mod tokenize;

use std::borrow::Cow;
use std::sync::OnceLock;

#[cfg(test)]
pub(crate) use encode::{decode_nums, front_decode};
pub use files::{CORE_FILE, File, FileKind};
pub use tokenize::{Analyzer, STOP_WORDS, for_each_word, words};

/// One searchable unit: a page section (the caller splits each page at h2/h3
/// and passes each part), so a result can link straight to the right part of
/// a long strategy chapter.
///
/// The text is borrowed where it can be (from the rendered pages), so a big
/// site's words are not held twice while the index is built.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchDocument<'a> {
    /// Relative to the site root, with an anchor for sections:
    /// `"strategy/defining-neglect.html#horwaths-six-categories"`.
    pub url: String,
    pub page_title: Cow<'a, str>,
    /// Heading text of this section; `None` for the page's intro part.
    pub section: Option<Cow<'a, str>>,
    /// `"strategy" | "definition" | "toolkit" | "signposting" | "page"`.
    pub kind: Cow<'a, str>,
    /// Sub-headings (h4+) inside this section; may be empty.
    pub headings: Cow<'a, [String]>,
    /// Plain text of the section.
    pub body: Cow<'a, str>,
    /// Canonical names of glossary terms this section mentions.
    pub terms: Vec<String>,
}

impl SearchDocument<'_> {
    /// The same document owning all its text, for a caller that keeps it past the pages.
    pub fn into_owned(self) -> SearchDocument<'static> {
        SearchDocument {
            url: self.url,
            page_title: Cow::Owned(self.page_title.into_owned()),
            section: self.section.map(|s| Cow::Owned(s.into_owned())),
            kind: Cow::Owned(self.kind.into_owned()),
            headings: Cow::Owned(self.headings.into_owned()),
            body: Cow::Owned(self.body.into_owned()),
            terms: self.terms,
        }
    }
}

/// A glossary entry: drives synonyms (term, abbreviation and aliases find each
/// other) and the definition answer card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GlossaryEntry {
    pub term: String,
    pub abbreviation: Option<String>,
    pub aliases: Vec<String>,
    /// One or two sentences shown in the answer card.
    pub summary: String,
    /// The definition page, relative to the site root.
    pub url: String,
}

/// Tuning knobs; the defaults suit sites from a dozen pages to 5,000.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexOptions {
    /// Characters of section text stored to show as a snippet.
    pub snippet_chars: usize,
    /// Target size of a postings shard, bytes before gzip.
    pub postings_shard_bytes: usize,
    /// Target size of a text (snippet) shard, bytes before gzip.
    pub text_shard_bytes: usize,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            snippet_chars: 280,
            postings_shard_bytes: 64 * 1024,
            text_shard_bytes: 24 * 1024,
        }
    }
}

/// Sizes and counts, to print after a build and to check the size budget.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndexStats {
    /// Sections indexed.
    pub documents: usize,
    pub pages: usize,
    /// Distinct terms (stems and glossary concepts).
    pub distinct_terms: usize,
    /// Words of body text, stop words included.
    pub body_words: u64,
    /// Body words indexed (stop words excluded).
    pub indexed_tokens: u64,
    pub files: usize,
    pub bytes_raw: usize,
    /// Sum of each file gzipped on its own (as a web server would send it).
    pub bytes_gzipped: usize,
    pub core_bytes_gzipped: usize,
    pub postings_bytes_gzipped: usize,
    /// Snippets, titles and URLs.
    pub text_bytes_gzipped: usize,
    pub largest_file_gzipped: usize,
}

impl IndexStats {
    /// Gzipped index bytes per body word, not counting the text (snippet)
    /// shards; the budget is 1.5.
    pub fn index_bytes_per_body_word(&self) -> f64 {
        (self.core_bytes_gzipped + self.postings_bytes_gzipped) as f64
            / self.body_words.max(1) as f64
    }
}

impl IndexStats {
    /// The counts of a built index; sizes are left at zero.
    fn counts(built: &index::Built) -> IndexStats {
        IndexStats {
            documents: built.docs.len(),
            pages: built.pages.len(),
            distinct_terms: built.terms.len(),
            body_words: built.body_words,
            indexed_tokens: built.indexed_tokens,
            ..IndexStats::default()
        }
    }
}

/// The built index: file contents ready to write under the site root.
pub struct SearchIndex {
    files: Vec<files::File>,
    stats: IndexStats,
    gzipped: OnceLock<Vec<usize>>,
}

/// Builds the search index with default options.
pub fn build_index(docs: &[SearchDocument<'_>], glossary: &[GlossaryEntry]) -> SearchIndex {
    build_index_with(docs, glossary, &IndexOptions::default())
}

/// Builds the search index. Same input, same bytes out.
pub fn build_index_with(
    docs: &[SearchDocument<'_>],
    glossary: &[GlossaryEntry],
    options: &IndexOptions,
) -> SearchIndex {
    let built = index::build(docs, glossary);
    let files = files::write(&built, options);
    let stats = IndexStats {
        files: files.len(),
        bytes_raw: files.iter().map(|f| f.contents.len()).sum(),
        ..IndexStats::counts(&built)
    };
    SearchIndex {
        files,
        stats,
        gzipped: OnceLock::new(),
    }
}

impl SearchIndex {
    /// `(path relative to the site root, contents)` of every index file, core
    /// file (`search/index.js`) first.
    pub fn files(&self) -> Vec<(String, String)> {
        self.files
            .iter()
            .map(|f| (f.name.clone(), f.contents.clone()))
            .collect()
    }

    /// Like [`SearchIndex::files`] without copying, with each file's kind.
    pub fn iter_files(&self) -> impl Iterator<Item = (&str, &str, FileKind)> {
        self.files
            .iter()
            .map(|f| (f.name.as_str(), f.contents.as_str(), f.kind))
    }

    /// Counts and sizes. The gzipped sizes are measured on first call,
    /// compressing the files in parallel.
    pub fn stats(&self) -> IndexStats {
        use rayon::prelude::*;
        let gz = self.gzipped.get_or_init(|| {
            self.files
                .par_iter()
                .map(|f| gzip_len(&f.contents))
                .collect()
        });
        let mut s = self.stats.clone();
        for (f, &n) in self.files.iter().zip(gz) {
            s.bytes_gzipped += n;
            s.largest_file_gzipped = s.largest_file_gzipped.max(n);
            match f.kind {
                FileKind::Core => s.core_bytes_gzipped += n,
                FileKind::Postings => s.postings_bytes_gzipped += n,
                FileKind::Text => s.text_bytes_gzipped += n,
            }
        }
        s
    }
}

/// Builds the index and hands each file to `emit` with its number among the
/// files of its kind, as soon as it is made, instead of keeping them: how a
/// build writes a big index without holding it whole. Returns the counts.
pub fn write_index_files(
    docs: &[SearchDocument<'_>],
    glossary: &[GlossaryEntry],
    options: &IndexOptions,
    emit: &(dyn Fn(File, usize) + Sync),
) -> IndexStats {
    let built = index::build(docs, glossary);
    let stats = IndexStats::counts(&built);
    crate::util::timings::step("    files", || files::write_each(&built, options, emit));
    stats
}

fn gzip_len(s: &str) -> usize {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(s.as_bytes()).expect("writing to memory");
    enc.finish().expect("writing to memory").len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> (Vec<SearchDocument<'static>>, Vec<GlossaryEntry>) {
        let docs = vec![
            SearchDocument {
                url: "definitions/gcp.html".into(),
                page_title: "Graded Care Profile".into(),
                section: None,
                kind: "definition".into(),
                headings: vec![].into(),
                body: "The Graded Care Profile (GCP2) measures the quality of care.".into(),
                terms: vec!["Graded Care Profile".into()],
            },
            SearchDocument {
                url: "strategy/neglect.html#signs".into(),
                page_title: "Recognising neglect".into(),
                section: Some("Signs of neglect".into()),
                kind: "strategy".into(),
                headings: vec!["Physical signs".to_string()].into(),
                body: "Use the GCP when you see signs of neglect. Café «quotes» \"here\".".into(),
                terms: vec![],
            },
        ];
        let glossary = vec![GlossaryEntry {
            term: "Graded Care Profile".into(),
            abbreviation: Some("GCP".into()),
            aliases: vec!["GCP2".into()],
            summary: "A tool to measure care.".into(),
            url: "definitions/gcp.html".into(),
        }];
        (docs, glossary)
    }

    #[test]
    fn same_input_same_bytes() {
        let (docs, glossary) = fixture();
        let a = build_index(&docs, &glossary).files();
        let b = build_index(&docs, &glossary).files();
        assert_eq!(a, b);
        // Page order does not depend on input order.
        let mut rev = docs.clone();
        rev.reverse();
        assert_eq!(build_index(&rev, &glossary).files(), a);
    }

    #[test]
    fn files_are_ascii_scripts_with_core_first() {
        let (docs, glossary) = fixture();
        let idx = build_index(&docs, &glossary);
        let files = idx.files();
        assert_eq!(files[0].0, CORE_FILE);
        assert!(files.len() >= 3);
        for (name, text) in &files {
            assert!(name.starts_with("search/") && name.ends_with(".js"));
            assert!(text.is_ascii(), "{name} is not ASCII");
            assert!(text.starts_with("(self.waymarkSearchData=self.waymarkSearchData||[]).push({"));
            assert!(text.ends_with("});\n"));
        }
        let s = idx.stats();
        assert_eq!((s.documents, s.pages, s.files), (2, 2, files.len()));
        assert!(s.bytes_gzipped > 0 && s.bytes_gzipped < s.bytes_raw * 2);
        assert_eq!(
            s.bytes_gzipped,
            s.core_bytes_gzipped + s.postings_bytes_gzipped + s.text_bytes_gzipped
        );
    }

    #[test]
    fn vocabulary_round_trips_through_core() {
        let (docs, glossary) = fixture();
        let files = build_index(&docs, &glossary).files();
        let core = &files[0].1;
        let start = core.find("\"vocab\":\"").unwrap() + 9;
        let end = core[start..].find('"').unwrap() + start;
        let raw = core[start..end].replace("\\u00e9", "é");
        let terms = front_decode(&raw).unwrap();
        assert!(terms.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
        for t in ["grade", "neglect", "gcp", "gcp2", "café", "~0"] {
            assert!(terms.iter().any(|x| x == t), "{t} missing from {terms:?}");
        }
        assert!(!terms.iter().any(|x| x == "the"));
    }

    #[test]
    fn empty_input_still_builds() {
        let idx = build_index(&[], &[]);
        let files = idx.files();
        assert_eq!(files.len(), 1);
        assert!(files[0].1.contains("\"n\":0"));
    }
}
