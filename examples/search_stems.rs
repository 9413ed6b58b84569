//! Prints `word stem` for each lowercased word read from standard input, using
//! the index's stemmer, so the client's JavaScript stemmer can be checked
//! against it: `cargo run --example search_stems < words.txt > pairs.txt`.

use std::io::{BufRead, Write};

use waymark::search::{Analyzer, words};

fn main() {
    let analyzer = Analyzer::new(&[]);
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line.expect("reading standard input");
        for w in words(&line) {
            writeln!(out, "{} {}", w, analyzer.stem(&w)).expect("writing standard output");
        }
    }
}
