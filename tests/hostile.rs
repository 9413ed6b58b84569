//! Hostile and careless input, run through the real binary: every case ends as a clear error (or
//! warning) naming the file and line, from `build` and `check` alike, with nothing lost, nothing
//! unsafe written and no crash. `tests/fixtures/hostile/` holds every case in one site, checked
//! against one JSON expectation; the tests below take the cases one at a time.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{stderr, stdout, try_build, waymark};
use serde_json::Value;

/// A small site in a temporary folder: `waymark.toml` (title and whatever `settings` add) and
/// the given files under the site folder.
fn site(settings: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("waymark.toml"),
        format!("title = \"Hostile guidance\"\n{settings}"),
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    write_files(dir.path(), files);
    dir
}

fn write_files(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// A page with only a title and a body.
fn page(title: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\n+++\n{body}")
}

/// The home page every small site gets.
const HOME: (&str, &str) = (
    "content/_index.md",
    "+++\ntitle = \"Home\"\n+++\nWelcome.\n",
);

/// `check --format json` on `site`: the exit code and every finding.
fn check_json(site: &Path) -> (Output, Vec<Value>) {
    let output = waymark(&[
        "check",
        "--site",
        site.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&output), stderr(&output)));
    (output, json.as_array().unwrap().clone())
}

/// Findings of one rule, as `path:line: message`.
fn findings_of(findings: &[Value], rule: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| {
            format!(
                "{}:{}: {}",
                f["path"].as_str().unwrap(),
                f["line"],
                f["message"].as_str().unwrap()
            )
        })
        .collect()
}

/// Builds `site` into a fresh folder: the outcome and the output folder.
fn build_into(site: &Path) -> (Output, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let output = try_build(site, &out.path().join("site"));
    (output, out)
}

/// Every output path of a finished build, relative, with forward slashes.
fn output_files(out: &Path) -> Vec<String> {
    common::files(&out.join("site"))
        .into_iter()
        .map(|p: PathBuf| p.to_string_lossy().replace('\\', "/"))
        .collect()
}

// --- waymark review ---------------------------------------------------------------------------

#[test]
fn review_csv_cells_cannot_run_as_spreadsheet_formulas() {
    let dir = site(
        "",
        &[
            HOME,
            (
                "content/strategy/plan.md",
                "+++\ntitle = \"=HYPERLINK(\\\"https://evil.example\\\",\\\"Open\\\")\"\nowner = \"@SUM(1+1)\"\nversion = \"-1\"\nreview_due = 2027-01-01\n+++\nText.\n",
            ),
        ],
    );
    let output = waymark(&[
        "review",
        "--site",
        dir.path().to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    let row = csv.lines().nth(1).expect("a row for the page");
    assert!(
        row.starts_with("\"'=HYPERLINK("),
        "the title cell starts with a quote: {row}"
    );
    assert!(row.contains(",'@SUM(1+1),'-1,"), "{row}");
}

#[test]
fn review_within_refuses_a_period_past_100_years() {
    let dir = site(
        "",
        &[
            HOME,
            (
                "content/strategy/plan.md",
                "+++\ntitle = \"Plan\"\nreview_due = 2027-01-01\n+++\nText.\n",
            ),
        ],
    );
    let site = dir.path().to_str().unwrap();
    let output = waymark(&["review", "--site", site, "--within", "25300000000000000y"]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("longer than 100 years"),
        "{}",
        stderr(&output)
    );
    let output = waymark(&[
        "review", "--site", site, "--within", "100y", "--format", "csv",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Plan"),
        "100 years is allowed and finds the page"
    );
}

// --- output folders ---------------------------------------------------------------------------

#[test]
fn an_output_folder_inside_content_templates_or_theme_is_refused() {
    let dir = site("", &[HOME]);
    for inside in ["content/gen", "templates/out", "theme/built"] {
        let output = try_build(dir.path(), &dir.path().join(inside));
        assert_eq!(
            output.status.code(),
            Some(2),
            "{inside}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("inside the site's content/, templates/ or theme/ folder"),
            "{inside}: {}",
            stderr(&output)
        );
        assert!(!dir.path().join(inside).exists(), "{inside} was not made");
    }
}
