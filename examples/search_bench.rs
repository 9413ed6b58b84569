//! Build-speed and size bench for the search index.
//!
//! With no `--site`, over a synthetic corpus the size of the product target:
//! 5,000 pages, 25,000 sections, ~3.2 million words of body text. With
//! `--site DIR`, over a real site folder (for example one made by
//! `scripts/bench/gen_site.py`): its pages are rendered as `waymark build`
//! renders them, and only the search step is timed.
//!
//! ```text
//! cargo run --release --example search_bench                        # figures only
//! cargo run --release --example search_bench -- OUT_DIR             # also write the index files
//! cargo run --release --example search_bench -- --site DIR [OUT_DIR]
//! node tests/search/bench-queries.js OUT_DIR                        # then time queries in Node
//! ```
//!
//! The synthetic text is generated, deterministically: a vocabulary of ~40,000
//! words (real guidance words at the frequent end, made-up words beyond) drawn
//! with Zipf-like frequencies, inflected (-s, -ed, -ing, -ly) so stemming has
//! work, interleaved with stop words at English-like rates, plus glossary terms
//! and abbreviations scattered through.

use std::time::{Duration, Instant};

use rayon::prelude::*;
use waymark::search::{GlossaryEntry, SearchDocument, build_index, site_index};

const PAGES: usize = 5_000;
const VOCAB: usize = 40_000;

/// splitmix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Samples ranks 0..n with weight 1 / (rank + q)^s.
struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64, q: f64) -> Zipf {
        let mut acc = 0.0;
        let cdf = (0..n)
            .map(|r| {
                acc += 1.0 / (r as f64 + q).powf(s);
                acc
            })
            .collect::<Vec<_>>();
        let total = acc;
        Zipf {
            cdf: cdf.into_iter().map(|c| c / total).collect(),
        }
    }
    fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit();
        self.cdf.partition_point(|&c| c < u).min(self.cdf.len() - 1)
    }
}

const GUIDANCE: &str = "child children young people family families parent parents carer carers \
neglect neglected neglectful safeguarding practitioner practitioners social worker workers health \
visitor school teacher police agency agencies referral referrals assessment assessments plan plans \
care profile graded chronology chronologies disguised compliance early help team around support \
services service need needs protection risk risks harm significant concern concerns evidence \
home housing hygiene food nutrition medical appointments dental education attendance emotional \
physical supervision supervised lack unsupervised development developmental wellbeing domestic \
abuse substance misuse mental poverty strategy partnership board threshold thresholds meeting \
meetings conference review reviews outcome outcomes voice lived experience day life tool toolkit \
template form forms signs indicators recognise respond record recording information sharing \
consent multi professional lead key worker manager supervision reflective analysis impact \
neglecting cumulative persistent chronic basic needs clothing warmth stimulation attachment \
engagement engage engaging resistant hostile avoidant barriers culture identity adolescent \
adolescents baby babies infant infants toddler pre birth unborn midwife nurse gp doctor hospital \
injury injuries bruising accident accidents dog bite sleep safe sleeping cot bedroom dirty \
overcrowded smoking alcohol drugs debt benefits income employment isolation community faith \
language interpreter disability disabilities special educational send autism behaviour behaviours";

const STOP: &[(&str, u32)] = &[
    ("the", 60),
    ("of", 30),
    ("and", 30),
    ("to", 28),
    ("a", 22),
    ("in", 20),
    ("is", 12),
    ("for", 10),
    ("that", 10),
    ("with", 8),
    ("be", 8),
    ("on", 7),
    ("as", 7),
    ("are", 7),
    ("this", 6),
    ("by", 6),
    ("it", 6),
    ("or", 6),
    ("their", 5),
    ("they", 5),
    ("have", 5),
    ("from", 4),
    ("at", 4),
    ("should", 4),
    ("not", 4),
    ("will", 4),
    ("can", 4),
    ("an", 4),
    ("may", 3),
    ("all", 3),
    ("who", 3),
    ("when", 3),
    ("where", 2),
    ("what", 2),
    ("has", 2),
    ("been", 2),
    ("there", 2),
    ("which", 2),
    ("these", 2),
    ("if", 2),
    ("you", 2),
    ("we", 2),
];

fn make_vocab(rng: &mut Rng) -> Vec<String> {
    let real: Vec<&str> = GUIDANCE.split_whitespace().collect();
    let onsets = [
        "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cl",
        "cr", "dr", "fl", "gr", "pl", "pr", "sh", "st", "str", "th", "tr", "ch",
    ];
    let vowels = ["a", "e", "i", "o", "u", "ea", "ou", "ai", "io"];
    let codas = [
        "", "n", "r", "l", "s", "t", "m", "nd", "nt", "st", "ck", "ng", "ss", "x",
    ];
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<String> = Vec::with_capacity(VOCAB);
    let mut real_iter = real.iter();
    while out.len() < VOCAB {
        // Real words fill most of the frequent ranks, made-up words the rest.
        let real_word = if out.len() % 3 != 2 {
            real_iter.next()
        } else {
            None
        };
        let w = if let Some(w) = real_word {
            w.to_string()
        } else {
            let syllables = 1 + rng.below(3) + usize::from(out.len() > 5_000);
            let mut w = String::new();
            for _ in 0..syllables {
                w.push_str(onsets[rng.below(onsets.len())]);
                w.push_str(vowels[rng.below(vowels.len())]);
                w.push_str(codas[rng.below(codas.len())]);
            }
            w
        };
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

fn inflect(word: &str, rng: &mut Rng) -> String {
    let r = rng.below(100);
    match r {
        0..=11 => format!("{word}s"),
        12..=16 => format!("{word}ed"),
        17..=21 => format!("{word}ing"),
        22..=23 => format!("{word}ly"),
        _ => word.to_string(),
    }
}

struct Corpus {
    docs: Vec<SearchDocument<'static>>,
    glossary: Vec<GlossaryEntry>,
}

fn generate() -> Corpus {
    let mut rng = Rng(0x5eed_2024);
    let vocab = make_vocab(&mut rng);
    let zipf = Zipf::new(VOCAB, 1.0, 2.7);
    let stop_total: u32 = STOP.iter().map(|s| s.1).sum();
    let mut glossary = Vec::new();
    for i in 0..120 {
        let words: Vec<&str> = (0..2 + i % 2)
            .map(|k| vocab[(i * 7 + k * 13) % 500].as_str())
            .collect();
        let term = words.join(" ");
        let abbr: String = words
            .iter()
            .map(|w| w[..1].to_uppercase())
            .collect::<String>()
            + &format!("{}", i % 10);
        glossary.push(GlossaryEntry {
            term: term.clone(),
            abbreviation: Some(abbr),
            aliases: vec![format!("{term} tool")],
            summary: format!("A short summary of {term} for the answer card."),
            url: format!("definitions/term-{i}.html"),
        });
    }
    let word = |rng: &mut Rng| -> String {
        if rng.below(100) < 45 {
            let mut t = rng.below(stop_total as usize) as u32;
            for (w, n) in STOP {
                if t < *n {
                    return w.to_string();
                }
                t -= n;
            }
            "the".to_string()
        } else {
            inflect(&vocab[zipf.sample(rng)], rng)
        }
    };
    let kinds = ["strategy", "definition", "toolkit", "signposting", "page"];
    let mut docs = Vec::with_capacity(PAGES * 5);
    for p in 0..PAGES {
        let title_words: Vec<String> = (0..3 + rng.below(4))
            .map(|_| vocab[rng.below(3_000)].clone())
            .collect();
        let mut title = title_words.join(" ");
        title[..1].make_ascii_uppercase();
        let kind = kinds[rng.below(kinds.len())];
        let sections = 1 + rng.below(9); // 1..9, mean 5
        for s in 0..sections {
            let heading = (s > 0).then(|| {
                let mut h: String = (0..2 + rng.below(4))
                    .map(|_| vocab[rng.below(5_000)].clone())
                    .collect::<Vec<_>>()
                    .join(" ");
                h[..1].make_ascii_uppercase();
                h
            });
            let len = 40 + rng.below(177); // mean 128
            let mut body = String::with_capacity(len * 7);
            let mut in_sentence = 0;
            let mut terms = Vec::new();
            for i in 0..len {
                if rng.below(200) == 0 {
                    let g = &glossary[rng.below(glossary.len())];
                    let text = if rng.below(2) == 0 {
                        g.term.clone()
                    } else {
                        g.abbreviation.clone().unwrap()
                    };
                    body.push_str(&text);
                    body.push(' ');
                    terms.push(g.term.clone());
                    continue;
                }
                let mut w = word(&mut rng);
                if in_sentence == 0 {
                    w[..1].make_ascii_uppercase();
                }
                body.push_str(&w);
                in_sentence += 1;
                if in_sentence > 8 && rng.below(12) == 0 || i + 1 == len {
                    body.push_str(". ");
                    in_sentence = 0;
                } else if rng.below(15) == 0 {
                    body.push_str(", ");
                } else {
                    body.push(' ');
                }
            }
            terms.sort();
            terms.dedup();
            let anchor = heading
                .as_ref()
                .map(|h| format!("#{}", h.to_lowercase().replace(' ', "-")))
                .unwrap_or_default();
            docs.push(SearchDocument {
                url: format!("{kind}/page-{p}.html{anchor}"),
                page_title: title.clone().into(),
                section: heading.map(Into::into),
                kind: kind.to_string().into(),
                headings: if rng.below(4) == 0 {
                    vec![format!("Notes on {}", vocab[rng.below(2000)])].into()
                } else {
                    vec![].into()
                },
                body: body.into(),
                terms,
            });
        }
    }
    Corpus { docs, glossary }
}

/// CPU time of the whole process, all threads (Linux, in 10 ms ticks), so the
/// figure means something on a busy machine; `None` elsewhere.
fn process_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses): utime is the 12th, stime the 13th.
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Wall and CPU time of five builds in `pool`, each sorted; the last index built.
fn time_builds(
    corpus: &Corpus,
    pool: &rayon::ThreadPool,
) -> (Vec<Duration>, Vec<Duration>, waymark::search::SearchIndex) {
    let (mut wall, mut cpu, mut index) = (Vec::new(), Vec::new(), None);
    for _ in 0..5 {
        let c = process_cpu();
        let t = Instant::now();
        let idx = pool.install(|| build_index(&corpus.docs, &corpus.glossary));
        wall.push(t.elapsed());
        if let (Some(a), Some(b)) = (c, process_cpu()) {
            cpu.push(b - a);
        }
        drop(index.replace(idx));
    }
    wall.sort();
    cpu.sort();
    (wall, cpu, index.expect("five builds"))
}

/// The search documents and glossary of a real site, made as `waymark build` makes them.
fn from_site(dir: &std::path::Path) -> Corpus {
    let prepared = match waymark::build::prepare(dir, None, Default::default()) {
        Ok(p) => p,
        Err(d) => panic!(
            "{} cannot be loaded: {} error(s)",
            dir.display(),
            d.error_count()
        ),
    };
    let site = &prepared.site;
    let rendered: Vec<_> = (0..site.pages.len())
        .into_par_iter()
        .map(|id| waymark::markdown::render_page(site, &prepared.glossary, id))
        .collect();
    let docs = rendered
        .iter()
        .enumerate()
        .flat_map(|(id, r)| {
            let terms: Vec<String> = r
                .terms
                .iter()
                .map(|&e| prepared.glossary.entry(e).term.clone())
                .collect();
            site_index::page_documents(site, id, &r.sections, &|s| {
                if s.heading.is_none() {
                    terms.clone()
                } else {
                    Vec::new()
                }
            })
            .into_iter()
            .map(SearchDocument::into_owned)
        })
        .collect();
    Corpus {
        docs,
        glossary: site_index::glossary_entries(site),
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let site = match args.iter().position(|a| a == "--site") {
        Some(i) => {
            let dir = args.get(i + 1).expect("--site needs a folder").clone();
            args.drain(i..i + 2);
            Some(dir)
        }
        None => None,
    };
    let out_dir = args.first().cloned();
    let t = Instant::now();
    let corpus = match &site {
        Some(dir) => from_site(std::path::Path::new(dir)),
        None => generate(),
    };
    eprintln!(
        "{} {} sections in {:.2?}",
        if site.is_some() {
            "rendered"
        } else {
            "generated"
        },
        corpus.docs.len(),
        t.elapsed()
    );

    let threads = rayon::current_num_threads();
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a thread pool");
    let all = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let (wall1, cpu1, _) = time_builds(&corpus, &one);
    let (wall, cpu, index) = time_builds(&corpus, &all);
    let t = Instant::now();
    let s = index.stats();
    let gz_time = t.elapsed();
    let mb = |b: usize| b as f64 / 1_048_576.0;
    println!("sections            {}", s.documents);
    println!("pages               {}", s.pages);
    println!("body words          {}", s.body_words);
    println!("indexed tokens      {}", s.indexed_tokens);
    println!("distinct terms      {}", s.distinct_terms);
    println!("files               {}", s.files);
    for (label, wall, cpu) in [
        ("1 thread ", &wall1, &cpu1),
        (&format!("{threads} threads") as &str, &wall, &cpu),
    ] {
        print!(
            "build time, {label}: wall min {} ms, median {} ms",
            wall[0].as_millis(),
            wall[2].as_millis()
        );
        if cpu.len() == 5 {
            print!("; CPU median {} ms", cpu[2].as_millis());
        }
        println!(" (5 runs)");
    }
    println!("raw size            {:.2} MB", mb(s.bytes_raw));
    println!(
        "gzipped total       {:.2} MB (measured in {:.0?})",
        mb(s.bytes_gzipped),
        gz_time
    );
    println!("  core              {:.3} MB", mb(s.core_bytes_gzipped));
    println!("  postings          {:.2} MB", mb(s.postings_bytes_gzipped));
    println!("  text (snippets)   {:.2} MB", mb(s.text_bytes_gzipped));
    println!(
        "  largest file      {:.1} KB",
        s.largest_file_gzipped as f64 / 1024.0
    );
    println!(
        "index bytes/body word (gz, excl. snippets)  {:.3}",
        s.index_bytes_per_body_word()
    );
    println!(
        "all bytes/body word (gz, incl. snippets)    {:.3}",
        s.bytes_gzipped as f64 / s.body_words as f64
    );

    if let Some(dir) = out_dir {
        let dir = std::path::Path::new(&dir);
        let search_dir = dir.join("search");
        if search_dir.exists() {
            std::fs::remove_dir_all(&search_dir).expect("clear the old index");
        }
        for (name, contents, _) in index.iter_files() {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).expect("create dir");
            std::fs::write(&path, contents).expect("write file");
        }
        eprintln!("wrote {} files to {}", s.files, dir.display());
    }
}
