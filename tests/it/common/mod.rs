//! Helpers shared by the whole-site tests: run the real binary on a fixture site and read what it
//! wrote with a real HTML parser.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

/// The day every test builds "as of", so review statuses never depend on when tests run.
pub const TODAY: &str = "2026-11-23";

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The repository itself: the demo site.
pub fn demo_site() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `waymark` with `args`, with today fixed.
pub fn waymark(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .env("WAYMARK_TODAY", TODAY)
        .env_remove("NO_COLOR")
        .output()
        .expect("run waymark")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs `waymark build` on `site` into `output`, whatever the outcome.
pub fn try_build(site: &Path, output: &Path) -> Output {
    waymark(&[
        "build",
        "--site",
        site.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
    ])
}

/// Builds `site` into a new temporary folder and returns it; panics with the messages on failure.
pub fn build(site: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let output = try_build(site, &out.path().join("site"));
    assert!(
        output.status.success(),
        "build failed:\n{}",
        stderr(&output)
    );
    out
}

/// Reads and parses an output HTML file.
pub fn page(out: &Path, relative: &str) -> Html {
    let path = out.join("site").join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Html::parse_document(&text)
}

pub fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    let s = Selector::parse(selector).unwrap_or_else(|e| panic!("bad selector {selector}: {e:?}"));
    html.select(&s).collect()
}

pub fn text(element: &scraper::ElementRef<'_>) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every file under `dir`, relative, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    files.sort();
    files
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Resolves a relative href found on the page at `from` (relative to the output root).
pub fn resolve(from: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap();
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Copies a folder and everything in it, so a test can change a fixture site.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs a poppler tool. Without poppler installed the PDF checks cannot run: CI sets
/// WAYMARK_REQUIRE_POPPLER=1 so that a missing tool fails instead of skipping.
pub fn poppler(tool: &str, args: &[&str]) -> Option<String> {
    match std::process::Command::new(tool).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(_) if std::env::var_os("WAYMARK_REQUIRE_POPPLER").is_none() => {
            eprintln!("{tool} is not installed (Debian package poppler-utils): PDF checks skipped");
            None
        }
        Err(e) => panic!("{tool}: {e}"),
    }
}
