//! The whole page model under generated input: front matter, the Markdown passes, term linking,
//! the page's template, search tokenising and indexing, the print page and the PDF's model, run
//! on pages of the demo site cut up and spliced with fragments of Markdown, TOML and HTML, and on
//! pages made only of such fragments. None of it may panic or overflow the stack.
//!
//! `WAYMARK_FUZZ_CASES` sets how many pages are tried (256 by default; `.ci/run` sets it). A
//! failing case is printed shrunk to its smallest form by proptest.

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::build::{self, Prepared, pages::PageState};
use crate::content::front_matter;
use crate::diagnostics::LineIndex;
use crate::markdown;
use crate::render::glossary::UsedIn;

/// Pieces of Markdown, front matter and HTML that have broken parsers before: containers,
/// delimiters, links, fences, forms, entities, control characters and line endings.
const FRAGMENTS: &[&str] = &[
    "> ",
    ">>>>>>>> ",
    "- ",
    "* ",
    "1. ",
    "12345678. ",
    "  ",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "*",
    "**",
    "***",
    "_",
    "__",
    "~~",
    "`",
    "``",
    "```",
    "~~~",
    "```form\n",
    "```rust\n",
    "| 3",
    "| 0",
    "| 99",
    "|",
    "[",
    "]",
    "](",
    ")",
    "![",
    "[^1]",
    "[^1]: ",
    "<",
    ">",
    "</a>",
    "<a href=\"javascript:alert(1)\">",
    "<script>",
    "<!--",
    "-->",
    "&#x61;",
    "&amp;",
    "&#0;",
    "javascript:",
    "data:text/html,",
    "https://",
    "mailto:",
    "../",
    "#",
    "## ",
    "###### ",
    " {#id}",
    "{#}",
    "---",
    "===",
    ": ",
    "| a | b |\n|---|---|\n",
    "- [ ] ",
    "- [x] ",
    "+++\n",
    "title = \"",
    "title = \"\"\n",
    "version = 2.10\n",
    "url = \"",
    "\"",
    "\\",
    "$",
    "\u{0}",
    "\u{feff}",
    "\u{202e}",
    "é",
    "😀",
    "\u{301}",
    "GCP",
    "CIN",
    "neglect",
    "Graded Care Profile",
    "chronologies",
    "e.g.",
    "(",
    "{",
    "}",
    "=",
    "@",
    "'",
    "%20",
    "%",
];

/// How to change a seed page: at a fraction of its length, cut some bytes and put in fragments.
#[derive(Debug, Clone)]
struct Splice {
    at: f64,
    cut: usize,
    fragments: Vec<usize>,
}

fn splice() -> impl Strategy<Value = Splice> {
    (
        0.0..=1.0f64,
        0usize..40,
        prop::collection::vec(0..FRAGMENTS.len(), 0..12),
    )
        .prop_map(|(at, cut, fragments)| Splice { at, cut, fragments })
}

/// A page: a demo page (by index) changed by some splices, or fragments alone.
fn page_text(seeds: usize) -> impl Strategy<Value = (usize, Option<String>, Vec<Splice>)> {
    prop_oneof![
        3 => (0..seeds, prop::collection::vec(splice(), 0..6)).prop_map(|(seed, s)| (seed, None, s)),
        1 => (0..seeds, prop::collection::vec(0..FRAGMENTS.len(), 0..80)).prop_map(|(seed, f)| {
            let body: String = f.iter().map(|&i| FRAGMENTS[i]).collect();
            (seed, Some(format!("+++\ntitle = \"Made up\"\n+++\n{body}")), Vec::new())
        }),
    ]
}

fn apply(text: &str, splices: &[Splice]) -> String {
    let mut text = text.to_string();
    for s in splices {
        let mut at = (text.len() as f64 * s.at) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + s.cut).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let inserted: String = s.fragments.iter().map(|&i| FRAGMENTS[i]).collect();
        text.replace_range(at..end, &inserted);
    }
    text
}

/// Runs every step of the page model on page `id` holding `text` instead of its file.
fn run_page_model(prepared: &mut Prepared, id: usize, text: String) {
    let file = prepared.site.pages[id].file.clone();
    let lines = LineIndex::new(&text);
    let parsed =
        front_matter::parse(&file, &text, &lines).map(|(front, split)| (front, split.body_offset));
    let page = &mut prepared.site.pages[id];
    match parsed {
        Ok((front, body_offset)) => {
            page.front = front;
            page.body_offset = body_offset;
        }
        Err(problems) => {
            assert!(problems.iter().all(|d| !d.message.is_empty()));
            page.body_offset = front_matter::split(&text).map_or(0, |s| s.body_offset);
        }
    }
    page.text = text;
    page.lines = lines;

    let today = jiff::civil::date(2026, 11, 23);
    let (site, glossary) = (&prepared.site, &prepared.glossary);
    let mut rendered = markdown::render_page(site, glossary, id);
    for problem in &rendered.links.diagnostics {
        assert!(
            problem.line <= site.pages[id].text.lines().count() + 1,
            "{problem}"
        );
    }
    let _ = build::pages::page_html(prepared, id, &rendered, today, &[], &UsedIn::default());
    let state = PageState::take(&mut rendered);

    let documents =
        crate::search::site_index::page_documents(site, id, &state.sections, &|_| Vec::new());
    let entries = crate::search::site_index::glossary_entries(site);
    let index = crate::search::build_index(&documents, &entries);
    assert!(!index.files().is_empty());

    let pack = crate::packs::Pack {
        slug: "fuzz".into(),
        title: "Fuzz".into(),
        description: None,
        version: "1".into(),
        date: None,
        documents: vec![id],
        briefing: None,
    };
    let (view, _) = crate::packs::print::pack_view(site, &pack, today);
    #[cfg(feature = "pdf")]
    {
        let data = crate::packs::make_pdf::pack_data(site, &pack, &view, today);
        assert!(serde_json::to_string(&data).is_ok());
    }
    let _ = view;
}

fn cases() -> u32 {
    std::env::var("WAYMARK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

#[test]
fn the_page_model_never_panics_on_generated_pages() {
    // The repository is the demo site.
    let site_dir = env!("CARGO_MANIFEST_DIR");
    let prepared =
        build::prepare(Path::new(&site_dir), None, Default::default()).expect("demo loads");
    let seeds: Vec<(usize, String)> = prepared
        .site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.synthetic)
        .map(|(id, p)| (id, p.text.clone()))
        .collect();
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    // A stack as small as a rayon worker's, so unbounded recursion fails here too.
    let result = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let prepared = std::cell::RefCell::new(prepared);
            let mut runner = TestRunner::new(config);
            runner.run(&page_text(seeds.len()), |(seed, made, splices)| {
                let (id, seed_text) = &seeds[seed];
                let text = made.unwrap_or_else(|| apply(seed_text, &splices));
                run_page_model(&mut prepared.borrow_mut(), *id, text);
                Ok(())
            })
        })
        .unwrap()
        .join()
        .expect("no panic outside proptest");
    if let Err(e) = result {
        panic!("{e}");
    }
}
