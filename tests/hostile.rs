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

/// Runs `check` and `build` on `site` and asserts they find the same errors of `rule`, which
/// must be exactly `expected` (as `path:line: message`); the build fails and writes nothing.
/// Returns every finding of the check.
fn build_and_check_agree(site: &Path, rule: &str, expected: &[&str]) -> Vec<Value> {
    let (checked, findings) = check_json(site);
    assert_eq!(checked.status.code(), Some(1), "check fails");
    assert_eq!(
        findings_of(&findings, rule),
        expected,
        "{}",
        serde_json::to_string_pretty(&findings).unwrap()
    );
    let (built, out) = build_into(site);
    assert_eq!(
        built.status.code(),
        Some(1),
        "build fails: {}",
        stderr(&built)
    );
    let shown = stderr(&built);
    for finding in findings.iter().filter(|f| f["rule"] == rule) {
        let line = format!(
            "{}:{}:{}: {}[{rule}]: {}",
            finding["path"].as_str().unwrap(),
            finding["line"],
            finding["column"],
            finding["severity"].as_str().unwrap(),
            finding["message"].as_str().unwrap()
        );
        let line = line.replace(":0:0:", ":").replace(":0:", ":");
        assert!(shown.contains(&line), "build reports `{line}`:\n{shown}");
    }
    assert!(
        !out.path().join("site").exists(),
        "a failed build writes nothing"
    );
    findings
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

// --- front matter -----------------------------------------------------------------------------

#[test]
fn an_empty_title_is_an_error_at_its_line() {
    let dir = site(
        "",
        &[
            HOME,
            (
                "content/about/blank.md",
                "+++\ntitle = \"   \"\n+++\nText.\n",
            ),
            (
                "content/about/empty.md",
                "+++\nsummary = \"S\"\ntitle = \"\"\n+++\nText.\n",
            ),
        ],
    );
    build_and_check_agree(
        dir.path(),
        "front-matter",
        &[
            "content/about/blank.md:2: the title is empty",
            "content/about/empty.md:3: the title is empty",
        ],
    );
}

#[test]
fn a_version_written_as_a_bare_number_must_be_quoted() {
    let dir = site(
        "",
        &[
            HOME,
            (
                "content/strategy/plan.md",
                "+++\ntitle = \"Plan\"\nversion = 2.10\n+++\nText.\n",
            ),
        ],
    );
    let findings = build_and_check_agree(
        dir.path(),
        "front-matter",
        &[
            "content/strategy/plan.md:3: the version is a bare number: write it in double quotes, as it should show",
        ],
    );
    assert_eq!(findings[0]["hint"], "write version = \"2.10\"");
}
