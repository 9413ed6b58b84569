//! Speed of finding glossary terms: scans every page body of a site with the site's term
//! matcher, several times, and prints the median time, the throughput and the matches found.
//!
//! ```text
//! python3 scripts/bench/gen_site.py /tmp/g --pages 5000 --terms 500
//! cargo run --release --example glossary_bench -- /tmp/g/waymark
//! ```
//!
//! The whole build's figure (the same pages with and without a glossary) is
//! `scripts/bench/terms.py`; this isolates the matcher, the part that grows with the glossary.

use std::path::PathBuf;
use std::time::Instant;

use waymark::content::{LoadOptions, load};
use waymark::glossary::Glossary;

const RUNS: usize = 15;

fn main() {
    let site_dir: PathBuf = std::env::args_os()
        .nth(1)
        .expect("usage: glossary_bench SITE_DIR")
        .into();
    let site = load(&site_dir, LoadOptions::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let started = Instant::now();
    let glossary = Glossary::build(&site).unwrap_or_else(|e| panic!("{e:?}"));
    let built = started.elapsed();
    // Each page's paragraphs, as the pages' text events roughly come.
    let pages: Vec<Vec<&str>> = site
        .pages
        .iter()
        .map(|p| p.body().split("\n\n").collect())
        .collect();
    let bytes: usize = pages.iter().flatten().map(|t| t.len()).sum();
    let count = |name: &str, find: &dyn Fn(&[&str]) -> usize| {
        let mut times = Vec::with_capacity(RUNS);
        let mut found = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            found = pages.iter().map(|texts| find(texts)).sum::<usize>();
            times.push(started.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        let median = times[RUNS / 2];
        println!(
            "{name:<10} {:.1} ms (median of {RUNS}; fastest {:.1} ms), {:.0} MB/s, {found} mentions",
            median * 1e3,
            times[0] * 1e3,
            bytes as f64 / 1e6 / median,
        );
    };
    println!(
        "{} pages, {} definitions, {:.1} MB of Markdown; glossary built in {:.1} ms",
        pages.len(),
        glossary.len(),
        bytes as f64 / 1e6,
        built.as_secs_f64() * 1e3,
    );
    let matcher = glossary.matcher();
    count("find_iter", &|texts| {
        texts.iter().map(|t| matcher.find_iter(t).count()).sum()
    });
}
