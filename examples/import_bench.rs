//! How long `waymark import` takes on a long Word document: builds a strategy of about a
//! hundred pages with the test suite's .docx writer, imports it (reading, planning and writing,
//! not the `waymark check` that follows) into a new site several times, and prints the
//! median.
//!
//! `cargo run --release --example import_bench [-- CHAPTERS]` (60 extra chapters by default:
//! about 43,000 words of text, 100 printed pages at 400 words a page). With `--keep DIR` it
//! also writes the .docx there.

#[path = "../tests/it/docx/mod.rs"]
mod docx;

use std::time::Instant;

use waymark::import::{ImportOptions, import};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let chapters = args
        .iter()
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(60);
    let keep = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1));
    let bytes = docx::riverside::strategy(chapters).bytes();
    let work = tempfile::tempdir().expect("temporary folder");
    let file = work.path().join("strategy.docx");
    std::fs::write(&file, &bytes).expect("write the document");
    if let Some(dir) = keep {
        std::fs::write(std::path::Path::new(dir).join("long-strategy.docx"), &bytes)
            .expect("keep the document");
    }
    let mut times = Vec::new();
    let mut words = 0;
    let mut pages = 0;
    for round in 0..7 {
        let site = work.path().join(format!("site-{round}"));
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(site.join("waymark.toml"), "title = \"Bench\"\n").unwrap();
        let start = Instant::now();
        let imported = import(&ImportOptions {
            file: file.clone(),
            site_dir: site,
            section: None,
            kind: None,
            split_level: 1,
            dry_run: false,
        })
        .expect("import");
        times.push(start.elapsed().as_secs_f64());
        pages = imported.pages().len();
        words = imported
            .plan
            .files
            .iter()
            .map(|f| {
                String::from_utf8_lossy(&f.contents)
                    .split_whitespace()
                    .count()
            })
            .sum::<usize>();
    }
    times.sort_by(f64::total_cmp);
    let document_xml = document_xml_size(&bytes);
    println!(
        "{} KB .docx ({} KB of document.xml), {chapters} extra chapters: {pages} pages and \
         definitions, {words} words of text (about {} printed pages at 400 words a page)",
        bytes.len() / 1024,
        document_xml / 1024,
        words / 400
    );
    println!(
        "import: median {:.1} ms, fastest {:.1} ms, slowest {:.1} ms over {} runs",
        times[times.len() / 2] * 1000.0,
        times[0] * 1000.0,
        times[times.len() - 1] * 1000.0,
        times.len()
    );
}

/// The size of `word/document.xml` unpacked: what the import parses.
fn document_xml_size(docx: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let part = zip.by_name("word/document.xml").expect("the document part");
    part.size() as usize
}
