//! Turns the built index into JavaScript files.
//!
//! Every file is a classic script that registers one object:
//! `(self.waymarkSearchData=self.waymarkSearchData||[]).push({...});`
//! so it loads with a `<script src>` element from `file://` as well as over
//! HTTP (fetch and XHR do not work from `file://`). Three kinds:
//!
//! * `search/index.js` (`"t":"core"`): vocabulary, section and page numbers,
//!   glossary, synonyms, stop words and the list of the other files.
//! * `search/p<K>-<hash>.js` (`"t":"p"`): postings for a run of the sorted
//!   vocabulary, starting at term `s`.
//! * `search/x<K>-<hash>.js` (`"t":"x"`): display text (URL, page title,
//!   section heading, snippet) for a run of sections, starting at section `s`.
//!
//! Shard names carry a hash of their content so a cache never serves an old
//! shard to a new core file.

use super::IndexOptions;
use rayon::prelude::*;

use super::encode::{CONTINUATION, TERMINAL, front_code, push_js_str, push_js_str_array, push_num};
use super::index::{self, Built, Doc, TermPostings};
use super::snippet::snippet;

/// Path of the core file, relative to the site root. The client knows it.
pub const CORE_FILE: &str = "search/index.js";

const OPEN: &str = "(self.waymarkSearchData=self.waymarkSearchData||[]).push(";
const CLOSE: &str = ");\n";

/// A written file and what it holds, for statistics.
pub struct File {
    pub name: String,
    pub contents: String,
    pub kind: FileKind,
}

/// Which part of the index a file holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FileKind {
    /// `search/index.js`: loaded first, on focus.
    Core,
    /// Postings for a run of terms, loaded when a query needs them.
    Postings,
    /// Display text for a run of sections, loaded for results on screen.
    Text,
}

/// The number streams of a postings shard (see [`index::Streams`]):
/// `n` sections per term, `g` section gaps, `m` field masks, `f` tf - 1,
/// `q` body positions, `r` everything else (title and heading positions,
/// concept spans).
#[derive(Default)]
struct Streams {
    terms: usize,
    n: String,
    g: String,
    m: String,
    f: String,
    q: String,
    r: String,
}

impl Streams {
    fn all(&self) -> [&String; 6] {
        [&self.n, &self.g, &self.m, &self.f, &self.q, &self.r]
    }

    fn len(&self) -> usize {
        self.all().iter().map(|s| s.len()).sum()
    }

    fn push_term(&mut self, p: &TermPostings, concept: bool, scratch: &mut index::Streams) {
        self.terms += 1;
        push_num(&mut self.n, p.sections());
        scratch.clear();
        p.streams(concept, scratch);
        for (out, values) in [
            (&mut self.g, &scratch.gaps),
            (&mut self.m, &scratch.masks),
            (&mut self.f, &scratch.tfs),
            (&mut self.q, &scratch.body),
            (&mut self.r, &scratch.extra),
        ] {
            for &v in values {
                push_num(out, v);
            }
        }
    }

    fn file(&self, k: usize, start: usize) -> (usize, File) {
        let mut s = String::with_capacity(self.len() + 200);
        s.push_str(&format!(
            "{OPEN}{{\"t\":\"p\",\"i\":{k},\"s\":{start},\"c\":{}",
            self.terms
        ));
        for (key, stream) in ["n", "g", "m", "f", "q", "r"].iter().zip(self.all()) {
            // Digit strings need no escaping.
            s.push_str(",\n\"");
            s.push_str(key);
            s.push_str("\":\"");
            s.push_str(stream);
            s.push('"');
        }
        s.push('}');
        s.push_str(CLOSE);
        let name = shard_name('p', k, &s);
        (
            start,
            File {
                name,
                contents: s,
                kind: FileKind::Postings,
            },
        )
    }
}

fn shard_name(prefix: char, k: usize, contents: &str) -> String {
    format!(
        "search/{prefix}{k}-{:08x}.js",
        fnv1a(contents.as_bytes()) >> 32
    )
}

/// Splits consecutive items into runs of about `target` bytes: a run closes before the item
/// that would take it past the target, unless the run is empty (so a big item makes a run of
/// its own).
struct Splitter {
    target: usize,
    size: usize,
}

impl Splitter {
    fn new(target: usize) -> Splitter {
        Splitter { target, size: 0 }
    }

    /// Adds an item of `size` bytes; true when it starts a new run.
    fn starts_run(&mut self, size: usize) -> bool {
        let starts = self.size > 0 && self.size + size > self.target;
        if starts {
            self.size = 0;
        }
        self.size += size;
        starts
    }
}

/// The section whose URL is `url`, else the first section of its page.
fn target_doc(b: &Built, url: &str) -> Option<u32> {
    if let Some(i) = b.docs.iter().position(|d| d.src.url == url) {
        return Some(i as u32);
    }
    let page = url.split('#').next().unwrap_or("");
    let p = b.pages.binary_search_by(|p| p.url.cmp(page)).ok()?;
    Some(b.pages[..p].iter().map(|p| p.sections).sum())
}

/// All files of the index: core first, then postings, then text shards.
pub(super) fn write(b: &Built, opts: &IndexOptions) -> Vec<File> {
    let made = std::sync::Mutex::new(Vec::new());
    write_each(b, opts, &|file, k| {
        made.lock()
            .expect("no panic while holding the lock")
            .push((file.kind, k, file));
    });
    let mut made = made.into_inner().expect("no panic while holding the lock");
    let rank = |kind: FileKind| match kind {
        FileKind::Core => 0,
        FileKind::Postings => 1,
        FileKind::Text => 2,
    };
    made.sort_by_key(|(kind, k, _)| (rank(*kind), *k));
    made.into_iter().map(|(_, _, file)| file).collect()
}

/// Makes every file of the index and hands each to `emit` with its number among the files of
/// its kind, as soon as it is made: a build writes it out and drops it, so a big site's index
/// is never in memory whole. Shards are made in parallel; their bounds are decided first, from
/// sizes, so the files do not depend on how the work was shared out. The core file, which
/// names the shards, comes last.
pub(super) fn write_each(b: &Built, opts: &IndexOptions, emit: &(dyn Fn(File, usize) + Sync)) {
    let (postings, text) = rayon::join(
        || postings_shards(b, opts, emit),
        || text_shards(b, opts, emit),
    );
    emit(core_file(b, &postings, &text), 0);
}

/// Hands a shard to `emit`, keeping its first item and name for the core file's tables.
fn hand_on(
    (start, file): (usize, File),
    k: usize,
    emit: &(dyn Fn(File, usize) + Sync),
) -> (usize, String) {
    let name = file.name.clone();
    emit(file, k);
    (start, name)
}

/// Characters `v` takes in the digit code.
fn num_len(v: u32) -> usize {
    let mut n = 1;
    let mut q = v / TERMINAL;
    while q > 0 {
        q = (q - 1) / CONTINUATION;
        n += 1;
    }
    n
}

/// Postings shards: a run of terms, each stream concatenated over the run.
fn postings_shards(
    b: &Built,
    opts: &IndexOptions,
    emit: &(dyn Fn(File, usize) + Sync),
) -> Vec<(usize, String)> {
    // A shard closes once it reaches the target, so it may exceed it by one
    // term (a very common term can make a shard on its own).
    let sizes: Vec<usize> = b
        .postings
        .par_iter()
        .map(|p| num_len(p.sections()) + p.numbers().map(num_len).sum::<usize>())
        .collect();
    let mut starts = vec![0];
    let mut acc = 0;
    for (t, &size) in sizes.iter().enumerate() {
        if acc > 0 && acc >= opts.postings_shard_bytes {
            starts.push(t);
            acc = 0;
        }
        acc += size;
    }
    if b.postings.is_empty() {
        return Vec::new();
    }
    starts.push(b.postings.len());
    starts
        .par_windows(2)
        .enumerate()
        .map(|(k, w)| {
            let mut shard = Streams::default();
            let mut scratch = index::Streams::default();
            for t in w[0]..w[1] {
                shard.push_term(&b.postings[t], b.terms[t].starts_with('~'), &mut scratch);
            }
            hand_on(shard.file(k, w[0]), k, emit)
        })
        .collect()
}

/// Text shards: URL, page title, section heading and snippet per section. A shard closes
/// before the section that would take it past the target size (see [`Splitter`]). The
/// snippets are made a block of sections at a time, in parallel, and each shard is written as
/// soon as it closes, so a big site's snippets are never in memory all at once.
fn text_shards(
    b: &Built,
    opts: &IndexOptions,
    emit: &(dyn Fn(File, usize) + Sync),
) -> Vec<(usize, String)> {
    /// Sections whose snippets are made together.
    const BLOCK: usize = 4096;
    let snippet_of = |d: &Doc<'_>| {
        let snip = snippet(&d.src.body, opts.snippet_chars);
        if snip.is_empty() {
            snippet(&d.src.headings.join(" \u{b7} "), opts.snippet_chars)
        } else {
            snip
        }
    };
    let mut shards = Vec::new();
    // The open shard: its first section and the snippets of its sections.
    let mut splitter = Splitter::new(opts.text_shard_bytes);
    let (mut start, mut open) = (0, Vec::new());
    for (n, block) in b.docs.chunks(BLOCK).enumerate() {
        let first = shards.len();
        let snippets: Vec<String> = block.par_iter().map(snippet_of).collect();
        let mut closed = Vec::new();
        for (j, (snip, d)) in snippets.into_iter().zip(block).enumerate() {
            let row = text_row(d, &snip)
                .iter()
                .map(|s| s.len() + 3)
                .sum::<usize>();
            if splitter.starts_run(row) {
                closed.push((start, std::mem::take(&mut open)));
                start = n * BLOCK + j;
            }
            open.push(snip);
        }
        shards.par_extend(
            closed
                .into_par_iter()
                .enumerate()
                .map(|(j, (start, snippets))| text_shard(b, first + j, start, &snippets, emit)),
        );
    }
    if !open.is_empty() {
        let k = shards.len();
        shards.push(text_shard(b, k, start, &open, emit));
    }
    shards
}

/// The four strings of a section's row in a text shard.
fn text_row<'b>(d: &'b Doc<'_>, snippet: &'b str) -> [&'b str; 4] {
    [
        d.src.url.as_str(),
        &d.src.page_title,
        d.src.section.as_deref().unwrap_or(""),
        snippet,
    ]
}

/// Text shard `k`: the sections from `start`, one for each of `snippets`, handed to `emit`.
fn text_shard(
    b: &Built,
    k: usize,
    start: usize,
    snippets: &[String],
    emit: &(dyn Fn(File, usize) + Sync),
) -> (usize, String) {
    let mut s = format!("{OPEN}{{\"t\":\"x\",\"i\":{k},\"s\":{start},\"d\":");
    let docs = &b.docs[start..start + snippets.len()];
    push_js_str_array(
        &mut s,
        docs.iter()
            .zip(snippets)
            .flat_map(|(d, snip)| text_row(d, snip)),
    );
    s.push('}');
    s.push_str(CLOSE);
    let file = File {
        name: shard_name('x', k, &s),
        contents: s,
        kind: FileKind::Text,
    };
    hand_on((start, file), k, emit)
}

/// The core file: vocabulary, numbers, glossary and the shard tables.
fn core_file(b: &Built, postings: &[(usize, String)], text: &[(usize, String)]) -> File {
    let mut pages = String::new();
    for p in &b.pages {
        push_num(&mut pages, p.sections);
        push_num(&mut pages, p.title_len);
    }
    let mut docs = String::new();
    for d in &b.docs {
        push_num(&mut docs, d.body_len);
        push_num(&mut docs, d.heading_len.map_or(0, |h| h + 1));
        push_num(&mut docs, d.kind);
    }
    let mut c = String::with_capacity(1 << 16);
    c.push_str(OPEN);
    c.push_str(&format!(
        "{{\"t\":\"core\",\"v\":1,\"n\":{},\"np\":{},\"kinds\":",
        b.docs.len(),
        b.pages.len()
    ));
    push_js_str_array(&mut c, b.kinds.iter().copied());
    c.push_str(",\"stop\":");
    push_js_str(&mut c, &b.stop_words.join(" "));
    c.push_str(",\n\"pages\":");
    push_js_str(&mut c, &pages);
    c.push_str(",\n\"docs\":");
    push_js_str(&mut c, &docs);
    for (key, table) in [("p", postings), ("x", text)] {
        c.push_str(&format!(",\n\"{key}\":["));
        for (i, (start, name)) in table.iter().enumerate() {
            if i > 0 {
                c.push(',');
            }
            c.push_str(&format!("[{start},"));
            push_js_str(&mut c, name);
            c.push(']');
        }
        c.push(']');
    }
    c.push_str(",\n\"gloss\":[");
    for (i, g) in b.glossary.iter().enumerate() {
        c.push_str(if i > 0 { ",\n[" } else { "\n[" });
        push_js_str(&mut c, &g.term);
        c.push(',');
        push_js_str(&mut c, g.abbreviation.as_deref().unwrap_or(""));
        c.push(',');
        push_js_str_array(&mut c, g.aliases.iter().map(String::as_str));
        c.push(',');
        push_js_str(&mut c, &g.summary);
        c.push(',');
        push_js_str(&mut c, &g.url);
        // The section the entry links to (else its page's first), so the
        // client can put it first when the query names the term.
        c.push_str(&format!(
            ",{}]",
            target_doc(b, &g.url).map_or(-1, i64::from)
        ));
    }
    c.push_str("],\n\"syn\":[");
    for (i, (concept, stems)) in b.synonyms.iter().enumerate() {
        if i > 0 {
            c.push(',');
        }
        c.push_str(&format!("[{concept},"));
        push_js_str(&mut c, stems);
        c.push(']');
    }
    c.push_str("],\n\"vocab\":");
    push_js_str(&mut c, &front_code(b.terms.iter().map(String::as_str)));
    c.push('}');
    c.push_str(CLOSE);

    File {
        name: CORE_FILE.to_string(),
        contents: c,
        kind: FileKind::Core,
    }
}

/// FNV-1a over bytes, 64-bit. Used to name shard files by their content so a
/// browser never mixes a cached old shard with a new core file.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{SearchDocument, build_index_with, decode_nums};

    #[test]
    fn fnv_known_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn runs_split_by_size() {
        let starts = |sizes: &[usize]| {
            let mut splitter = Splitter::new(10);
            (0..sizes.len())
                .filter(|&i| splitter.starts_run(sizes[i]))
                .collect::<Vec<_>>()
        };
        assert_eq!(starts(&[5, 5, 5, 5]), [2]);
        assert_eq!(starts(&[50, 1, 1]), [1]);
        assert_eq!(starts(&[]), [] as [usize; 0]);
    }

    #[test]
    fn shard_names_depend_on_content() {
        assert_ne!(shard_name('p', 0, "a"), shard_name('p', 0, "b"));
        assert!(shard_name('x', 3, "a").starts_with("search/x3-"));
    }

    /// The value of `"key":"..."` in a file (digit strings need no unescaping).
    fn field<'a>(file: &'a str, key: &str) -> &'a str {
        let start = file.find(&format!("\"{key}\":\"")).expect(key) + key.len() + 4;
        &file[start..start + file[start..].find('"').unwrap()]
    }

    #[test]
    fn postings_streams_decode_consistently() {
        let docs: Vec<SearchDocument> = (0..40)
            .map(|i| SearchDocument {
                url: format!("p{}.html#s{i}", i / 4),
                page_title: format!("Page {} neglect", i / 4).into(),
                section: Some(format!("Section {i}").into()),
                kind: "page".into(),
                body: format!(
                    "neglect child {} care care neglect",
                    ["home", "school", "health"][i % 3]
                )
                .into(),
                ..SearchDocument::default()
            })
            .collect();
        let opts = IndexOptions {
            postings_shard_bytes: 64,
            ..IndexOptions::default()
        };
        let idx = build_index_with(&docs, &[], &opts);
        let files = idx.files();
        let shards: Vec<&String> = files
            .iter()
            .filter(|(n, _)| n.starts_with("search/p"))
            .map(|(_, text)| text)
            .collect();
        assert!(shards.len() > 1);
        let mut total_terms = 0;
        for text in shards {
            let n = decode_nums(field(text, "n")).unwrap();
            let g = decode_nums(field(text, "g")).unwrap();
            let m = decode_nums(field(text, "m")).unwrap();
            let f = decode_nums(field(text, "f")).unwrap();
            let q = decode_nums(field(text, "q")).unwrap();
            total_terms += n.len();
            assert_eq!(n.iter().sum::<u32>() as usize, g.len());
            assert_eq!(m.len(), g.len());
            assert_eq!(m.iter().filter(|&&x| x & 1 != 0).count(), f.len());
            assert_eq!(f.iter().map(|&t| t as usize + 1).sum::<usize>(), q.len());
            // Section ids rebuilt from the gaps are increasing and in range.
            let mut at = 0;
            for &count in &n {
                let mut prev: Option<u32> = None;
                for &gap in &g[at..at + count as usize] {
                    let d = prev.map_or(gap, |p| p + gap + 1);
                    assert!(d < 40);
                    prev = Some(d);
                }
                at += count as usize;
            }
        }
        assert_eq!(total_terms, idx.stats().distinct_terms);
        // The core lists every shard, in order, with its first term.
        let core = &files[0].1;
        assert!(core.contains("\"n\":40"));
        assert!(core.contains("\"p\":[[0,\"search/p0-"));
    }

    #[test]
    fn text_shards_hold_four_strings_per_section() {
        let docs: Vec<SearchDocument> = (0..30)
            .map(|i| SearchDocument {
                url: format!("p{i}.html"),
                page_title: format!("Title \"{i}\"").into(),
                body: "word ".repeat(100).into(),
                kind: "page".into(),
                ..SearchDocument::default()
            })
            .collect();
        let opts = IndexOptions {
            text_shard_bytes: 1000,
            snippet_chars: 50,
            ..IndexOptions::default()
        };
        let files = build_index_with(&docs, &[], &opts).files();
        let text: Vec<&String> = files
            .iter()
            .filter(|(n, _)| n.starts_with("search/x"))
            .map(|(_, t)| t)
            .collect();
        assert!(text.len() > 1);
        assert!(text[0].contains(r#""p0.html","Title \"0\"","","word word"#));
        assert!(!text[0].contains('\u{2026}') && text[0].contains("\\u2026"));
    }
}
