//! Hostile and careless input, run through the real binary: every case ends as a clear error (or
//! warning) naming the file and line, from `build` and `check` alike, with nothing lost, nothing
//! unsafe written and no crash. `tests/fixtures/hostile/` holds every case in one site, checked
//! against one JSON expectation; the tests below take the cases one at a time.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::{self, stderr, stdout, try_build, waymark};
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

// --- links --------------------------------------------------------------------------------------

/// Every way of writing a link that runs code, one a line from line 4 of the page.
const UNSAFE_LINKS: &str = "[plain](javascript:alert(1))\n\
<javascript:alert(2)>\n\
[mixed case](JaVaScRiPt:alert(3))\n\
[entity](jav&#x61;script:alert(4))\n\
[tab inside](<java&#9;script:alert(5)>)\n\
[leading space](< javascript:alert(6)>)\n\
[vb](vbscript:msgbox(7))\n\
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==)\n\
![picture](data:image/png;base64,iVBORw0KGgo=)\n\
[reference][evil]\n\
<a href=\"javascript:alert(11)\">raw HTML is shown as text</a>\n\
\n\
[evil]: javascript:alert(10)\n";

#[test]
fn links_that_run_code_are_refused_in_pages_print_pages_and_pdfs() {
    let dir = site(
        "[[packs]]\nslug = \"all\"\ntitle = \"All\"\ninclude = [\"guide/\", \"signposting/\"]\n",
        &[
            HOME,
            ("content/guide/links.md", &page("Links", UNSAFE_LINKS)),
            (
                "content/signposting/service.md",
                "+++\ntitle = \"Service\"\nurl = \" JavaScript:alert(12)\"\n+++\nA service.\n",
            ),
        ],
    );
    let findings = build_and_check_agree(
        dir.path(),
        "unsafe-link",
        &[
            "content/guide/links.md:4: link `javascript:alert(1)` is a `javascript:` address, which can run code in a reader's browser",
            "content/guide/links.md:5: link `javascript:alert(2)` is a `javascript:` address, which can run code in a reader's browser",
            "content/guide/links.md:6: link `JaVaScRiPt:alert(3)` is a `javascript:` address, which can run code in a reader's browser",
            "content/guide/links.md:7: link `javascript:alert(4)` is a `javascript:` address, which can run code in a reader's browser",
            "content/guide/links.md:8: link `java\\tscript:alert(5)` is a `javascript:` address, which can run code in a reader's browser",
            "content/guide/links.md:9: link ` javascript:alert(6)` is a `javascript:` address, which can run code in a reader's browser",
            "content/guide/links.md:10: link `vbscript:msgbox(7)` is a `vbscript:` address, which can run code in a reader's browser",
            "content/guide/links.md:11: link `data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==` is a `data:` address, which can run code in a reader's browser",
            "content/guide/links.md:12: image `data:image/png;base64,iVBORw0KGgo=` is a `data:` address, which can run code in a reader's browser",
            "content/guide/links.md:13: link `javascript:alert(10)` is a `javascript:` address, which can run code in a reader's browser",
            "content/signposting/service.md:3: url ` JavaScript:alert(12)` is a `javascript:` address, which can run code in a reader's browser",
        ],
    );
    assert!(findings.iter().all(|f| f["rule"] != "external-image"));
}

#[test]
fn nothing_written_holds_a_link_that_runs_code() {
    // Raw HTML in a page is shown as text, so its href is never live; the page builds.
    let dir = site(
        "base_url = \"https://guidance.example/\"\n[[packs]]\nslug = \"all\"\ntitle = \"All\"\ninclude = [\"guide/\"]\n",
        &[
            HOME,
            (
                "content/guide/raw.md",
                &page(
                    "Raw",
                    "<a href=\"javascript:alert(1)\">x</a> <img src=\"x\" onerror=\"alert(2)\">\n\n\
                     <script>alert(3)</script>\n\n<iframe src=\"data:text/html,x\"></iframe>\n",
                ),
            ),
        ],
    );
    let (output, out) = build_into(dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    for file in output_files(out.path())
        .iter()
        .filter(|f| f.ends_with(".html"))
    {
        let html = common::page(out.path(), file);
        for element in common::select(&html, "[href], [src], [action], [formaction]") {
            for attribute in ["href", "src", "action", "formaction"] {
                if let Some(address) = element.value().attr(attribute) {
                    assert_eq!(
                        waymark::link_safety::refused_scheme(address, &[]),
                        None,
                        "{file}: {attribute}=\"{address}\""
                    );
                }
            }
        }
        assert!(
            common::select(&html, "script:not([src]), iframe, [onerror]")
                .iter()
                .all(|e| !e.html().contains("alert(")),
            "{file}: the page's own markup runs nothing of the author's"
        );
    }
    let raw = std::fs::read_to_string(out.path().join("site/guide/raw.html")).unwrap();
    assert!(
        raw.contains("&lt;a href=\"javascript:alert(1)\"&gt;"),
        "shown as text"
    );
}

#[test]
fn a_site_can_allow_another_scheme_but_never_one_that_runs_code() {
    let files = [
        HOME,
        (
            "content/guide/files.md",
            "+++\ntitle = \"Files\"\n+++\nThe [archive](ftp://files.example/archive/) and a [call](ms-teams:/l/chat).\n",
        ),
    ];
    let dir = site("", &files);
    build_and_check_agree(
        dir.path(),
        "unsafe-link",
        &[
            "content/guide/files.md:4: link `ftp://files.example/archive/` uses `ftp:`, which is not a kind of link waymark writes",
            "content/guide/files.md:4: link `ms-teams:/l/chat` uses `ms-teams:`, which is not a kind of link waymark writes",
        ],
    );
    let allowed = site(
        "[links]\nallowed_schemes = [\"ftp\", \"MS-Teams\"]\n",
        &files,
    );
    let (output, out) = build_into(allowed.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let html = std::fs::read_to_string(out.path().join("site/guide/files.html")).unwrap();
    assert!(
        html.contains("href=\"ftp://files.example/archive/\""),
        "{html}"
    );
    assert!(html.contains("href=\"ms-teams:/l/chat\""), "{html}");

    let refused = site("[links]\nallowed_schemes = [\"data\"]\n", &files);
    let output = waymark(&["check", "--site", refused.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("waymark.toml:2:1: error[config]: invalid site settings")
            || stdout(&output).contains("can never be allowed"),
        "{}",
        stdout(&output)
    );
}

// --- every problem in one run -------------------------------------------------------------------

#[test]
fn a_page_with_broken_front_matter_does_not_hide_the_other_problems() {
    let dir = site(
        "",
        &[
            HOME,
            (
                "content/guide/broken.md",
                "+++\ntitle = Broken\n+++\nSee [x](javascript:alert(1)).\n",
            ),
            (
                "content/guide/other.md",
                &page(
                    "Other",
                    "Links to [the broken page](broken.md) and [nowhere](missing.md).\n",
                ),
            ),
        ],
    );
    let findings = build_and_check_agree(
        dir.path(),
        "unsafe-link",
        &[
            "content/guide/broken.md:4: link `javascript:alert(1)` is a `javascript:` address, which can run code in a reader's browser",
        ],
    );
    assert_eq!(
        findings_of(&findings, "front-matter").len(),
        1,
        "{findings:?}"
    );
    assert_eq!(
        findings_of(&findings, "broken-link"),
        [
            "content/guide/other.md:4: link `missing.md` points to a page that does not exist (content/guide/missing.md)"
        ],
        "a link to the page with broken front matter is not broken"
    );
}

// --- nesting ------------------------------------------------------------------------------------

#[test]
fn nesting_past_twelve_levels_is_an_error_and_never_a_crash() {
    let deep = |body: String| page("Deep", &body);
    let quote = deep(format!("Intro.\n\n{} quoted\n", ">".repeat(5_000)));
    let list = deep(format!("{}item\n", "- ".repeat(100_000)));
    let mixed = deep(format!("{}x\n", "> 1. ".repeat(7)));
    let emphasis = deep(format!("{}x{}\n", "*".repeat(100_000), "*".repeat(100_000)));
    let links = deep(format!(
        "{}x{}\n",
        "![".repeat(5_000),
        "](chart.png)".repeat(5_000)
    ));
    let dir = site(
        "[[packs]]\nslug = \"deep\"\ntitle = \"Deep\"\ninclude = [\"guide/\"]\n",
        &[
            HOME,
            ("content/guide/quote.md", &quote),
            ("content/guide/list.md", &list),
            ("content/guide/mixed.md", &mixed),
            ("content/guide/emphasis.md", &emphasis),
            ("content/guide/images.md", &links),
            ("content/guide/chart.png", "not really a picture"),
        ],
    );
    build_and_check_agree(
        dir.path(),
        "nesting-depth",
        &[
            "content/guide/emphasis.md:4: emphasis, links and other formatting are nested 50000 levels deep here; the most is 12",
            "content/guide/images.md:4: emphasis, links and other formatting are nested 5000 levels deep here; the most is 12",
            "content/guide/list.md:4: quotes and lists are nested 100000 levels deep here; the most is 12",
            "content/guide/mixed.md:4: quotes and lists are nested 14 levels deep here; the most is 12",
            "content/guide/quote.md:6: quotes and lists are nested 5000 levels deep here; the most is 12",
        ],
    );
}

#[test]
fn twelve_levels_build_into_pages_and_the_pdf() {
    let inline = format!("{}x{}", "*a _".repeat(6), "_ b*".repeat(6));
    let body = format!(
        "{q} {inline}\n\n{l}{inline}\n\n{m}{inline}\n",
        q = ">".repeat(12),
        l = "- ".repeat(12),
        m = "> 1. ".repeat(6),
    );
    let dir = site(
        "[[packs]]\nslug = \"deep\"\ntitle = \"Deep\"\ninclude = [\"guide/\"]\n",
        &[HOME, ("content/guide/deep.md", &page("Deep", &body))],
    );
    let (output, out) = build_into(dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let html = std::fs::read_to_string(out.path().join("site/guide/deep.html")).unwrap();
    assert_eq!(html.matches("<blockquote>").count(), 12 + 6);
    if cfg!(feature = "pdf") {
        assert!(out.path().join("site/packs/deep.pdf").is_file());
    }
}

// --- toolkit forms --------------------------------------------------------------------------------

#[test]
fn malformed_form_blocks_are_reported_with_their_lines() {
    let body = "## Morning\n\n```form\nWhat time do you wake up? | 3\n| 3\nToo much space | 12\nNo space | 0\n```\n\n## Evening\n\n```form\nWho puts you to bed?\n";
    let dir = site("", &[HOME, ("content/toolkit/day.md", &page("Day", body))]);
    build_and_check_agree(
        dir.path(),
        "form",
        &[
            "content/toolkit/day.md:8: `| 3` gives writing space but no question",
            "content/toolkit/day.md:9: `| 12` asks for 12 lines of writing space; give 1 to 8",
            "content/toolkit/day.md:10: `| 0` asks for 0 lines of writing space; give 1 to 8",
            "content/toolkit/day.md:15: this form block is never closed, so it takes in the rest of the page",
        ],
    );
}

// --- output paths -------------------------------------------------------------------------------

#[test]
fn every_output_path_has_one_owner() {
    let dir = site(
        "base_url = \"https://guidance.example/\"\n[[packs]]\nslug = \"all\"\ntitle = \"All\"\ninclude = [\"about/\"]\n",
        &[
            HOME,
            ("content/search.md", &page("Search", "Mine.\n")),
            ("content/changes.md", &page("Changes", "Mine.\n")),
            ("content/packs.md", &page("Packs", "Mine.\n")),
            ("content/pages.md", &page("Pages", "Mine.\n")),
            ("content/404.md", &page("Missing", "Mine.\n")),
            ("content/about/x.md", &page("X", "Mine.\n")),
            ("content/about/x.html", "<p>a static page</p>"),
            ("content/glossary.json", "{}"),
            ("content/sitemap.xml", "<urlset/>"),
            ("content/theme/css/waymark.css", "body{}"),
            ("content/search/index.js", "alert(1)"),
            ("content/packs/all/_index.md", &page("All", "Mine.\n")),
            ("content/offline.md", &page("Offline", "Mine.\n")),
            ("content/sw.js", "self.skipWaiting()"),
            ("content/icons/icon-192.png", "png"),
        ],
    );
    build_and_check_agree(
        dir.path(),
        "output-clash",
        &[
            "content/404.md:0: this file would be written to 404.html, which is the \"Page not found\" page",
            "content/about/x.html:0: this file would be written to about/x.html, which is the page made from content/about/x.md",
            "content/changes.md:0: this file would be written to changes.html, which is the \"What's changed\" page",
            "content/glossary.json:0: this file would be written to glossary.json, which is the glossary for other systems",
            "content/icons/icon-192.png:0: this file would be written to icons/icon-192.png, in icons/, which holds the app icons",
            "content/offline.md:0: this file would be written to offline.html, which is the offline page",
            "content/packs/all/_index.md:0: this file would be written to packs/all/index.html, which is the print page of pack `all`",
            "content/packs.md:0: this file would be written to packs.html, which is the \"Printable packs\" page",
            "content/pages.md:0: this file would be written to pages.html, which is the list of all pages",
            "content/search/index.js:0: this file would be written to search/index.js, in search/, which holds the search index",
            "content/search.md:0: this file would be written to search.html, which is the search page",
            "content/sitemap.xml:0: this file would be written to sitemap.xml, which is the sitemap",
            "content/sw.js:0: this file would be written to sw.js, which is the service worker",
            "content/theme/css/waymark.css:0: this file would be written to theme/css/waymark.css, in theme/, which holds the theme's files",
        ],
    );
}

#[test]
fn the_list_of_generated_files_is_every_file_a_build_makes() {
    // The fixture has packs and a base_url, so it makes every kind of file.
    let site = common::fixture("valid");
    let (output, out) = build_into(&site);
    assert!(output.status.success(), "{}", stderr(&output));
    let prepared = waymark::build::prepare(&site, None, Default::default()).unwrap();
    let generated: Vec<String> = waymark::build::owners::generated_files(&prepared.site)
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    let folders = waymark::build::owners::generated_folders(&prepared.site);
    for file in output_files(out.path()) {
        let owned = file == ".waymark-output"
            || folders.iter().any(|(folder, _)| file.starts_with(folder))
            || generated.contains(&file)
            || prepared.site.page_by_url(&file).is_some()
            || prepared.site.asset_by_source(&file).is_some();
        assert!(owned, "{file} has no owner in build::owners");
    }
}

// --- interrupted builds ---------------------------------------------------------------------------

/// Staging folders beside `output`.
fn staging_folders(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".waymark-staging-"))
        .collect()
}

#[cfg(unix)]
#[test]
fn a_build_stopped_by_a_signal_removes_its_staging_folder() {
    for signal in ["-TERM", "-INT"] {
        let root = tempfile::tempdir().unwrap();
        let output = root.path().join("site");
        // The demo site with its packs' PDFs takes long enough to be caught in the middle.
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_waymark"))
            .args([
                "build",
                "--site",
                common::demo_site().to_str().unwrap(),
                "--output",
            ])
            .arg(&output)
            .env("WAYMARK_TODAY", common::TODAY)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while staging_folders(root.path()).is_empty() {
            assert!(
                started.elapsed().as_secs() < 30,
                "no staging folder appeared"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        let sent = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "{signal}: the build finished before the signal came"
        );
        assert_eq!(status.code(), Some(130), "{signal}");
        assert_eq!(
            staging_folders(root.path()),
            Vec::<String>::new(),
            "{signal}"
        );
        assert!(!output.exists(), "{signal}: no output from a stopped build");
    }
}

#[test]
fn the_next_build_removes_staging_folders_a_crashed_build_left() {
    let dir = site("", &[HOME]);
    let root = tempfile::tempdir().unwrap();
    let stale = root.path().join(".site.waymark-staging-4000000");
    std::fs::create_dir(&stale).unwrap();
    std::fs::write(stale.join(".waymark-output"), "").unwrap();
    let notes = root.path().join(".site.waymark-staging-4000001");
    std::fs::create_dir(&notes).unwrap();
    std::fs::write(notes.join("notes.txt"), "not waymark's").unwrap();
    let output = try_build(dir.path(), &root.path().join("site"));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stale.exists(), "the crashed build's folder is gone");
    assert!(
        notes.join("notes.txt").exists(),
        "a folder without waymark's marker is kept"
    );
}

// --- symbolic links -----------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn symlinks_leading_out_of_the_site_are_skipped_with_a_warning_each() {
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(
        elsewhere.path().join("secret.md"),
        page("Secret", "Not for the site.\n"),
    )
    .unwrap();
    let dir = site(
        "",
        &[
            HOME,
            ("shared/intro.md", &page("Shared intro", "Shared text.\n")),
            ("content/about/real.md", &page("Real", "Real.\n")),
        ],
    );
    let content = dir.path().join("content/about");
    let link =
        |target: &Path, name: &str| std::os::unix::fs::symlink(target, content.join(name)).unwrap();
    link(&elsewhere.path().join("secret.md"), "outside.md");
    link(elsewhere.path(), "outside-folder");
    link(&dir.path().join("shared/intro.md"), "inside.md");
    link(&dir.path().join("nothing.md"), "dangling.md");

    let (checked, findings) = check_json(dir.path());
    assert_eq!(checked.status.code(), Some(0), "warnings only");
    let real = |p: &Path| p.display().to_string();
    assert_eq!(
        findings_of(&findings, "symlink"),
        [
            format!(
                "content/about/dangling.md:0: this symbolic link is skipped: it points to {}, which does not exist",
                real(&dir.path().join("nothing.md"))
            ),
            format!(
                "content/about/outside-folder:0: this symbolic link is skipped: it points outside the site folder, to {}",
                real(elsewhere.path())
            ),
            format!(
                "content/about/outside.md:0: this symbolic link is skipped: it points outside the site folder, to {}",
                real(&elsewhere.path().join("secret.md"))
            ),
        ]
    );
    let (built, out) = build_into(dir.path());
    assert!(built.status.success(), "{}", stderr(&built));
    assert_eq!(
        stderr(&built).matches("warning[symlink]").count(),
        3,
        "{}",
        stderr(&built)
    );
    let files = output_files(out.path());
    assert!(
        files.contains(&"about/inside.html".to_string()),
        "a link inside the site is read"
    );
    assert!(
        !files
            .iter()
            .any(|f| f.contains("outside") || f.contains("dangling"))
    );
}

// --- the hostile site -------------------------------------------------------------------------------

#[test]
fn the_hostile_site_gives_exactly_the_expected_findings_from_check_and_build() {
    let site = common::fixture("hostile");
    let (checked, findings) = check_json(&site);
    assert_eq!(checked.status.code(), Some(1));
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("expected.json")).unwrap())
            .unwrap();
    assert_eq!(
        Value::Array(findings.clone()),
        expected,
        "check's findings changed; if the change is right, write them to tests/fixtures/hostile/expected.json:\n{}",
        serde_json::to_string_pretty(&findings).unwrap()
    );

    // The build stops on every error but those of check's own content rules, and on no other.
    let content_rules: Vec<&str> = waymark::check::RULES.iter().map(|r| r.id).collect();
    let build_errors: Vec<&Value> = findings
        .iter()
        .filter(|f| {
            f["severity"] == "error" && !content_rules.contains(&f["rule"].as_str().unwrap())
        })
        .collect();
    let (built, out) = build_into(&site);
    assert_eq!(built.status.code(), Some(1));
    let shown = stderr(&built);
    for finding in &build_errors {
        let line = format!(
            "{}:{}:{}: error[{}]: {}",
            finding["path"].as_str().unwrap(),
            finding["line"],
            finding["column"],
            finding["rule"].as_str().unwrap(),
            finding["message"].as_str().unwrap()
        )
        .replace(":0:0:", ":");
        assert!(shown.contains(&line), "build reports `{line}`:\n{shown}");
    }
    assert!(
        shown.contains(&format!(
            "Build failed with {} error(s)",
            build_errors.len()
        )),
        "{shown}"
    );
    assert!(!out.path().join("site").exists());
}
