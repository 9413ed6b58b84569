//! Builds the index of the fixture site (tests/fixtures/) for the Node tests
//! and the browser fixture, and writes the Rust stems of every fixture word
//! so the JavaScript stemmer can be checked against them.
//!
//! ```text
//! cargo run --example search_fixture -- OUT_DIR
//! ```
//! writes OUT_DIR/search/*.js and OUT_DIR/stems.txt (`word stem` lines).

use std::path::{Path, PathBuf};

use waymark::search::{
    Analyzer, GlossaryEntry, IndexOptions, SearchDocument, build_index_with, words,
};

fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// A fixture record: header fields, keyed option lines, text.
type Record = (Vec<String>, Vec<(String, String)>, String);

/// Splits a fixture file into records.
fn records(text: &str) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    for line in text.lines() {
        if let Some(head) = line.strip_prefix("=== ") {
            out.push((
                head.split('|').map(|s| s.trim().to_string()).collect(),
                vec![],
                String::new(),
            ));
        } else if line.starts_with('#') && out.is_empty() {
            continue;
        } else if let Some(rec) = out.last_mut() {
            let keyed = ["headings:", "terms:", "aliases:"]
                .iter()
                .find_map(|k| line.strip_prefix(k).map(|v| (k.trim_end_matches(':'), v)));
            match keyed {
                Some((k, v)) if rec.2.is_empty() => rec.1.push((k.to_string(), v.to_string())),
                _ => {
                    if !rec.2.is_empty() {
                        rec.2.push('\n');
                    }
                    rec.2.push_str(line);
                }
            }
        }
    }
    for rec in &mut out {
        rec.2 = rec.2.trim().to_string();
    }
    out
}

fn field(opts: &[(String, String)], key: &str) -> Vec<String> {
    opts.iter()
        .filter(|(k, _)| k == key)
        .flat_map(|(_, v)| split_list(v))
        .collect()
}

fn load(dir: &Path) -> (Vec<SearchDocument<'static>>, Vec<GlossaryEntry>) {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("fixture file");
    let docs = records(&read("guidance.txt"))
        .into_iter()
        .map(|(h, opts, body)| SearchDocument {
            url: h[0].clone(),
            page_title: h[1].clone().into(),
            section: (h[2] != "-").then(|| h[2].clone().into()),
            kind: h[3].clone().into(),
            headings: field(&opts, "headings").into(),
            body: body.into(),
            terms: field(&opts, "terms"),
        })
        .collect();
    let glossary = records(&read("glossary.txt"))
        .into_iter()
        .map(|(h, opts, summary)| GlossaryEntry {
            term: h[0].clone(),
            abbreviation: (h[1] != "-").then(|| h[1].clone()),
            aliases: field(&opts, "aliases"),
            summary,
            url: h[2].clone(),
        })
        .collect();
    (docs, glossary)
}

fn main() {
    let out: PathBuf = std::env::args()
        .nth(1)
        .expect("usage: fixture OUT_DIR")
        .into();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search");
    let (docs, glossary) = load(&fixtures);
    // Small shards so that the tests exercise loading several files.
    let options = IndexOptions {
        postings_shard_bytes: 1024,
        text_shard_bytes: 2048,
        ..IndexOptions::default()
    };
    let index = build_index_with(&docs, &glossary, &options);
    let search_dir = out.join("search");
    if search_dir.exists() {
        std::fs::remove_dir_all(&search_dir).expect("clear old index");
    }
    for (name, contents, _) in index.iter_files() {
        let path = out.join(name);
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("create dir");
        std::fs::write(&path, contents).expect("write index file");
    }

    // Stems of every fixture word and of the stemmer's tricky cases.
    let analyzer = Analyzer::new(&[]);
    let mut all: Vec<String> = Vec::new();
    for d in &docs {
        for text in [&d.page_title, &d.body].into_iter().chain(d.section.iter()) {
            all.extend(words(text));
        }
    }
    all.extend(words(
        &std::fs::read_to_string(fixtures.join("stem-words.txt")).expect("stem words"),
    ));
    all.sort();
    all.dedup();
    let pairs: String = all
        .iter()
        .map(|w| format!("{w} {}\n", analyzer.stem(w)))
        .collect();
    std::fs::write(out.join("stems.txt"), pairs).expect("write stems");

    let s = index.stats();
    eprintln!(
        "fixture: {} sections, {} terms, {} files, {} bytes gzipped -> {}",
        s.documents,
        s.distinct_terms,
        s.files,
        s.bytes_gzipped,
        out.display()
    );
}
