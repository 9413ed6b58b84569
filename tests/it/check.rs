//! Whole-site tests for `waymark check`, `waymark new` and `waymark init`, run with the real
//! binary. The fixture site `check-rules` breaks every rule once; its `expected.json` is what
//! check must find, so any change in findings fails here.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output};

use crate::common::{self, TODAY, copy_dir, fixture, stderr, stdout, try_build, waymark};
use serde_json::Value;

fn check_json(site: &Path, extra: &[&str]) -> (Output, Vec<Value>) {
    let mut args = vec![
        "check",
        "--site",
        site.to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend(extra);
    let mut command = Command::new(env!("CARGO_BIN_EXE_waymark"));
    command.args(&args).env("WAYMARK_TODAY", TODAY);
    // `--external` must reach the test's own server directly.
    for proxy in ["ALL_PROXY", "HTTPS_PROXY", "HTTP_PROXY"] {
        command.env_remove(proxy).env_remove(proxy.to_lowercase());
    }
    let output = command.output().expect("run waymark");
    let json: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&output), stderr(&output)));
    (output, json.as_array().unwrap().clone())
}

/// Rule, severity, path, line and column of each finding.
fn located(findings: &[Value]) -> Vec<Value> {
    findings
        .iter()
        .map(|f| {
            serde_json::json!({
                "rule": f["rule"], "severity": f["severity"], "path": f["path"],
                "line": f["line"], "column": f["column"],
            })
        })
        .collect()
}

fn rules_of(findings: &[Value]) -> Vec<&str> {
    findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect()
}

#[test]
fn the_fixture_breaks_every_rule_exactly_once() {
    let site = fixture("check-rules");
    let (output, findings) = check_json(&site, &["--today", TODAY]);
    assert_eq!(output.status.code(), Some(1), "errors give exit code 1");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("expected.json")).unwrap())
            .unwrap();
    assert_eq!(
        Value::Array(located(&findings)),
        expected,
        "{}",
        serde_json::to_string_pretty(&findings).unwrap()
    );
    for finding in &findings {
        assert!(!finding["message"].as_str().unwrap().is_empty());
        assert!(!finding["hint"].as_str().unwrap().is_empty(), "{finding}");
    }

    // Every rule is in the fixture once: a new rule needs a page here too. Two need more than
    // one site folder: external-link the network, base-drift a base (tests/it/regional.rs).
    let mut found = rules_of(&findings);
    found.sort();
    let mut every: Vec<&str> = waymark::check::RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !["external-link", "base-drift"].contains(id))
        .chain(["broken-link", "broken-anchor"])
        .collect();
    every.sort();
    assert_eq!(found, every);
}

#[test]
fn text_findings_name_file_line_column_severity_and_rule() {
    let output = waymark(&["check", "--site", fixture("check-rules").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains(
            "content/guide/long-sentence.md:6:1: warning[long-sentence]: sentence of 28 words: \
             \"When a practitioner is worried that a child\u{2026}\"\n  = hint: split it"
        ),
        "{out}"
    );
    assert!(
        stderr(&output).contains("6 error(s) and 16 warning(s) in 23 pages."),
        "{}",
        stderr(&output)
    );
}

#[test]
fn rule_levels_are_set_in_waymark_toml_but_build_checks_stay_errors() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    copy_dir(&fixture("check-rules"), &site);
    let config = site.join("waymark.toml");
    let base = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        format!(
            "{base}\n[check]\nmax_sentence_words = 30\n\n[check.rules]\nreview-overdue = \"warn\"\n\
             image-alt = \"off\"\nlatin-abbreviation = \"error\"\nbroken-link = \"warn\"\n\
             unsafe-link = \"off\"\n"
        ),
    )
    .unwrap();
    let (_, findings) = check_json(&site, &[]);
    let severity = |rule: &str| {
        findings
            .iter()
            .find(|f| f["rule"] == rule)
            .map(|f| f["severity"].as_str().unwrap().to_string())
    };
    assert_eq!(severity("review-overdue").as_deref(), Some("warning"));
    assert_eq!(severity("latin-abbreviation").as_deref(), Some("error"));
    assert_eq!(severity("image-alt"), None);
    assert_eq!(severity("long-sentence"), None, "28 words is within 30");
    assert_eq!(severity("broken-link").as_deref(), Some("error"));
    let config_errors: Vec<&str> = findings
        .iter()
        .filter(|f| f["rule"] == "config")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    for name in ["broken-link", "unsafe-link"] {
        assert!(
            config_errors
                .iter()
                .any(|m| m.contains(&format!("`{name}`, which every build checks"))),
            "naming the build check {name} is an error: {config_errors:?}"
        );
    }
}

#[test]
fn drafts_are_checked_and_a_link_to_one_is_broken_as_in_a_build() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    std::fs::create_dir_all(site.join("content/guide")).unwrap();
    std::fs::write(site.join("waymark.toml"), "title = \"Drafts\"\n").unwrap();
    let write =
        |path: &str, text: &str| std::fs::write(site.join("content").join(path), text).unwrap();
    write("_index.md", "+++\ntitle = \"Home\"\n+++\nWelcome.\n");
    write(
        "guide/live.md",
        "+++\ntitle = \"Live\"\n+++\nSee [the plan](plan.md).\n",
    );
    write(
        "guide/plan.md",
        "+++\ntitle = \"Plan\"\ndraft = true\n+++\nSee [the old plan](old.md).\n",
    );
    let (output, findings) = check_json(&site, &[]);
    assert_eq!(output.status.code(), Some(1));
    let found: Vec<(String, String)> = findings
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let pair = |p: &str, r: &str| (p.to_string(), r.to_string());
    assert_eq!(
        found,
        [
            pair("content/guide/live.md", "broken-link"),
            pair("content/guide/plan.md", "draft"),
            pair("content/guide/plan.md", "broken-link"),
        ],
        "the published page's link is broken, as in a build; the draft is checked as if \
         published"
    );
    let out = root.path().join("out");
    let built = try_build(&site, &out);
    assert_eq!(built.status.code(), Some(1));
    assert!(stderr(&built).contains("content/guide/live.md:4:5: error[broken-link]"));
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let run = |envs: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_waymark"));
        command
            .args(["check", "--site", fixture("check-rules").to_str().unwrap()])
            .env("WAYMARK_TODAY", TODAY)
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        for (k, v) in envs {
            command.env(k, v);
        }
        let output = command.output().unwrap();
        stdout(&output) + &stderr(&output)
    };
    assert!(!run(&[]).contains('\x1b'), "not a terminal: no colour");
    assert!(
        run(&[("CLICOLOR_FORCE", "1")]).contains("\x1b["),
        "forced colour shows"
    );
    assert!(
        !run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\x1b'),
        "NO_COLOR wins"
    );
}

fn init(dir: &Path) -> Output {
    waymark(&["init", dir.to_str().unwrap()])
}

fn build_ok(site: &Path, out: &Path) {
    let output = try_build(site, out);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn init_then_build_then_check_are_clean() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("new-site");
    let output = init(&site);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    assert!(
        printed.contains("content/strategy/introduction.md"),
        "{printed}"
    );
    assert!(
        printed.contains("templates/"),
        "says how to override a template: {printed}"
    );
    assert!(!site.join("templates").exists() && !site.join("theme").exists());

    build_ok(&site, &root.path().join("out"));
    assert!(root.path().join("out/definitions/neglect.html").is_file());
    let (output, findings) = check_json(&site, &[]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(findings, Vec::<Value>::new(), "a new site checks clean");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(root.path().join("notes.md"), "my notes").unwrap();
    let output = init(root.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not empty"),
        "{}",
        stderr(&output)
    );
    assert_eq!(common::files(root.path()), [Path::new("notes.md")]);
}

#[test]
fn new_writes_each_kind_where_it_belongs_and_the_site_still_builds_and_checks() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    assert!(init(&site).status.success());
    let s = site.to_str().unwrap();
    for (args, path) in [
        (
            vec!["definition", "Graded Care Profile"],
            "content/definitions/graded-care-profile.md",
        ),
        (
            vec!["strategy", "Our priorities"],
            "content/strategy/our-priorities.md",
        ),
        (
            vec!["toolkit", "Day in my life: baby"],
            "content/toolkit/day-in-my-life-baby.md",
        ),
        (
            vec!["signpost", "Family Lives"],
            "content/signposting/family-lives.md",
        ),
        (vec!["page", "Disclaimer"], "content/disclaimer.md"),
        (
            vec!["page", "Contact us", "--section", "about"],
            "content/about/contact-us.md",
        ),
    ] {
        let mut full = vec!["new"];
        full.extend(&args);
        full.extend(["--site", s]);
        let output = waymark(&full);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        let written = site.join(path);
        assert_eq!(stdout(&output).trim(), written.to_str().unwrap());
        let text = std::fs::read_to_string(&written).unwrap();
        assert!(text.starts_with("+++\ntitle = "), "{text}");
    }
    let toolkit =
        std::fs::read_to_string(site.join("content/toolkit/day-in-my-life-baby.md")).unwrap();
    assert!(
        toolkit.contains(&format!("published = {TODAY}")),
        "{toolkit}"
    );
    assert!(toolkit.contains("review_due = 2027-11-23"), "{toolkit}");
    assert!(toolkit.contains("```form\n"), "{toolkit}");

    let (output, findings) = check_json(&site, &[]);
    assert_eq!(output.status.code(), Some(0), "{findings:?}");
    assert_eq!(findings, Vec::<Value>::new());
    build_ok(&site, &root.path().join("out"));
    assert!(
        root.path()
            .join("out/toolkit/day-in-my-life-baby.html")
            .is_file()
    );
}

#[test]
fn new_never_replaces_a_file() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    assert!(init(&site).status.success());
    let s = site.to_str().unwrap();
    let existing = site.join("content/definitions/neglect.md");
    std::fs::write(&existing, "edited by hand").unwrap();
    let output = waymark(&["new", "definition", "Neglect", "--site", s]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("content/definitions/neglect.md already exists"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "edited by hand"
    );

    let output = waymark(&["new", "toolkit", "Form", "--section", "about", "--site", s]);
    assert_eq!(output.status.code(), Some(2), "--section is for pages");
    let output = waymark(&["new", "page", "???", "--site", s]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a title with no letters names no file"
    );
}

/// A loopback web server for `--external`: `/ok` answers 200, anything else 404. It records
/// each request and stops after `requests` of them.
fn serve(requests: usize) -> (String, std::thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let mut seen = Vec::new();
        for stream in listener.incoming().take(requests) {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap();
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap() > 2 {
                line.clear();
            }
            let words: Vec<&str> = request.split_whitespace().collect();
            seen.push(format!("{} {}", words[0], words[1]));
            let status = if words[1] == "/ok" {
                "200 OK"
            } else {
                "404 Not Found"
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
        seen
    });
    (base, handle)
}

#[test]
fn external_links_are_requested_once_each_and_failures_reported_on_every_page() {
    let (base, server) = serve(2);
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    std::fs::create_dir_all(site.join("content/signposting")).unwrap();
    std::fs::write(site.join("waymark.toml"), "title = \"Links\"\n").unwrap();
    let write =
        |path: &str, text: String| std::fs::write(site.join("content").join(path), text).unwrap();
    write(
        "_index.md",
        format!(
            "+++\ntitle = \"Home\"\n+++\nSee [the old service]({base}/gone#top) and [a good one]({base}/ok).\n"
        ),
    );
    write(
        "signposting/service.md",
        format!(
            "+++\ntitle = \"Service\"\nurl = \"{base}/gone\"\nlast_checked = {TODAY}\n+++\nA service.\n"
        ),
    );
    let (output, findings) = check_json(
        &site,
        &["--external", "--timeout", "5", "--concurrency", "2"],
    );
    assert_eq!(output.status.code(), Some(0), "failed links are warnings");
    let found: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{} {} {}",
                f["path"].as_str().unwrap(),
                f["line"],
                f["column"],
                f["rule"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            format!("content/_index.md:4:5 external-link {base}/gone answered 404 Not Found"),
            format!(
                "content/signposting/service.md:3:7 external-link {base}/gone answered 404 Not Found"
            ),
        ]
    );
    let mut seen = server.join().unwrap();
    seen.sort();
    assert_eq!(seen, ["HEAD /gone", "HEAD /ok"], "one request an address");

    // Without --external nothing is requested.
    let (_, findings) = check_json(&site, &[]);
    assert!(findings.is_empty(), "{findings:?}");
}
