//! Whole-site tests of definitions: the A to Z, term pages, terms linked on every page, abbreviation
//! expansions, glossary.json, and `waymark check`. The fixture site `glossary` has seven
//! definitions (one multi-word term containing another, an abbreviation, an alias, a term starting
//! with "The") and a few guidance pages that mention them.

use crate::common::*;
use scraper::Html;

fn glossary_site() -> tempfile::TempDir {
    build(&fixture("glossary"))
}

/// Every term link in the page body, as (link text, page it leads to from the site root).
fn term_links(html: &Html, from: &str) -> Vec<(String, String)> {
    select(html, ".wm-body a.wm-term")
        .iter()
        .map(|a| (text(a), resolve(from, a.value().attr("href").unwrap())))
        .collect()
}

/// The rows of a definition page's facts list, as "name: value".
fn facts(html: &Html) -> Vec<String> {
    select(html, ".wm-definition__facts .wm-summary-list__row")
        .iter()
        .map(|row| {
            let dt = select_in(row, "dt").unwrap();
            let dd = select_in(row, "dd").unwrap();
            format!("{}: {}", text(&dt), text(&dd))
        })
        .collect()
}

fn body_text(html: &Html) -> String {
    text(&select(html, ".wm-body")[0])
}

#[test]
fn the_glossary_lists_every_term_in_order_under_letter_headings() {
    let out = glossary_site();
    let html = page(out.path(), "definitions/index.html");

    let letters: Vec<(String, Option<String>)> = select(&html, ".wm-az__item")
        .iter()
        .map(|li| {
            let link = select_in(li, "a");
            (
                text(li).replace(" (no terms)", ""),
                link.map(|a| a.value().attr("href").unwrap().to_string()),
            )
        })
        .collect();
    assert_eq!(letters.len(), 26, "{letters:?}");
    let linked: Vec<&str> = letters
        .iter()
        .filter_map(|(_, href)| href.as_deref())
        .collect();
    assert_eq!(linked, ["#C", "#E", "#G", "#M", "#N", "#V"]);
    assert_eq!(
        letters[1],
        ("B".to_string(), None),
        "letters without terms are not links"
    );

    let headings: Vec<(String, String)> = select(&html, "h2.wm-glossary__letter")
        .iter()
        .map(|h| (text(h), h.value().attr("id").unwrap().to_string()))
        .collect();
    assert_eq!(
        headings,
        ["C", "E", "G", "M", "N", "V"].map(|l| (l.to_string(), l.to_string()))
    );

    let terms: Vec<String> = select(&html, ".wm-glossary__term a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        terms,
        [
            "Chronology",
            "Emotional neglect",
            "Genogram",
            "Graded Care Profile",
            "Multi-Agency Safeguarding Hub",
            "Neglect",
            "The voice of the child",
        ]
    );
    // Each entry: its term linked to its page, its abbreviation and its short definition.
    let gcp = select(&html, ".wm-glossary__entry")
        .into_iter()
        .find(|e| text(e).starts_with("Graded Care Profile"))
        .unwrap();
    assert_eq!(
        text(&gcp),
        "Graded Care Profile (GCP) A tool that grades the care a child receives."
    );
    let href = select_in(&gcp, "a").unwrap().value().attr("href").unwrap();
    assert_eq!(
        resolve("definitions/index.html", href),
        "definitions/graded-care-profile.html"
    );
    // The voice of the child is filed under V, in the V group.
    let v_group = select(&html, "#V + dl .wm-glossary__term");
    assert_eq!(
        v_group.iter().map(text).collect::<Vec<_>>(),
        ["The voice of the child"]
    );
}

#[test]
fn a_term_page_shows_its_facts_related_terms_and_the_pages_it_is_used_in() {
    let out = glossary_site();
    let from = "definitions/neglect.html";
    let html = page(out.path(), from);
    assert_eq!(text(&select(&html, "h1")[0]), "Neglect");
    assert_eq!(
        facts(&html),
        ["Also called: child neglect", "Category: Types of neglect"]
    );
    assert_eq!(
        text(&select(&html, ".wm-definition__source")[0]),
        "Source: Working Together to Safeguard Children 2023"
    );
    let section_links = |id: &str| -> Vec<(String, String)> {
        select(&html, &format!("#{id} + ul a"))
            .iter()
            .map(|a| (text(a), resolve(from, a.value().attr("href").unwrap())))
            .collect()
    };
    assert_eq!(
        section_links("related-terms"),
        [
            ("Emotional neglect", "definitions/emotional-neglect.html"),
            (
                "Graded Care Profile",
                "definitions/graded-care-profile.html"
            ),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // Every other page that mentions it (linked or not), by title; never its own page.
    assert_eq!(
        section_links("used-in"),
        [
            ("A page without links", "guide/opt-out.html"),
            ("Emotional neglect", "definitions/emotional-neglect.html"),
            (
                "Graded Care Profile",
                "definitions/graded-care-profile.html"
            ),
            ("Recognising it", "guide/mentions.html"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );

    let gcp = page(out.path(), "definitions/graded-care-profile.html");
    assert_eq!(
        facts(&gcp),
        ["Abbreviation: GCP", "Category: Assessment and tools"]
    );
    let used_in: Vec<String> = select(&gcp, "#used-in + ul a").iter().map(text).collect();
    assert_eq!(used_in, ["A page without links", "Spelled out", "Tools"]);
}

#[test]
fn a_term_no_other_page_mentions_says_so_instead_of_an_empty_list() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("glossary"), site.path());
    std::fs::write(
        site.path().join("content/definitions/family-network-meeting.md"),
        "+++\ntitle = \"Family network meeting\"\nsummary = \"A meeting of the wider family.\"\n+++\nPlanning with relatives.\n",
    )
    .unwrap();
    let out = build(site.path());
    let unused = page(out.path(), "definitions/family-network-meeting.html");
    assert!(select(&unused, "#used-in + ul").is_empty());
    let said: Vec<String> = select(&unused, "#used-in + p").iter().map(text).collect();
    assert_eq!(said, ["No other page uses this term yet."]);
    let used = page(out.path(), "definitions/genogram.html");
    assert!(select(&used, "#used-in + p").is_empty());
    assert!(!select(&used, "#used-in + ul a").is_empty());
}

#[test]
fn a_site_template_can_loop_over_the_used_in_links() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("glossary"), site.path());
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/definition.html"),
        "<ol>{% for link in page.definition.used_in %}\
         <li><a href=\"{{ root }}{{ link.url }}\">{{ link.title }}</a></li>{% endfor %}</ol>",
    )
    .unwrap();
    let out = build(site.path());
    let from = "definitions/graded-care-profile.html";
    let html = page(out.path(), from);
    let links: Vec<(String, String)> = select(&html, "ol a")
        .iter()
        .map(|a| (text(a), resolve(from, a.value().attr("href").unwrap())))
        .collect();
    assert_eq!(
        links,
        [
            ("A page without links", "guide/opt-out.html"),
            ("Spelled out", "guide/spelled-out.html"),
            ("Tools", "guide/abbreviations.html"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn the_first_mention_is_linked_with_its_short_definition_and_the_second_is_not() {
    let out = glossary_site();
    let html = page(out.path(), "guide/mentions.html");
    let links = select(&html, ".wm-body a.wm-term");
    let neglect: Vec<_> = links
        .iter()
        .filter(|a| a.value().attr("href") == Some("../definitions/neglect.html"))
        .collect();
    assert_eq!(neglect.len(), 1, "one link per term per page");
    assert_eq!(text(neglect[0]), "Neglect");
    assert_eq!(
        neglect[0].value().attr("data-wm-definition"),
        Some("A child's basic needs persistently not met.")
    );
    // The first of three mentions is the link; the other two are plain text.
    let paragraph = select(&html, ".wm-body > p")[0];
    let first = paragraph
        .first_child()
        .and_then(scraper::ElementRef::wrap)
        .unwrap();
    assert_eq!(first.value().name(), "a");
    assert_eq!(text(&first), "Neglect");
    assert_eq!(
        paragraph
            .select(&scraper::Selector::parse("a").unwrap())
            .count(),
        1
    );
    assert_eq!(
        text(&paragraph),
        "Neglect is common. Neglect again, and NEGLECT once more."
    );
}

#[test]
fn terms_are_not_linked_inside_headings_links_or_code() {
    let out = glossary_site();
    let html = page(out.path(), "guide/mentions.html");
    assert!(
        select(&html, ".wm-body h2 a").is_empty(),
        "no link in a heading"
    );
    assert!(
        select(&html, ".wm-body a a").is_empty(),
        "no link in a link"
    );
    assert!(
        select(&html, ".wm-body code a").is_empty(),
        "no link in code"
    );
    assert!(
        select(&html, ".wm-body pre a").is_empty(),
        "no link in a code block"
    );
    // The author's links keep their own text and target.
    let authored: Vec<String> = select(&html, ".wm-body a:not(.wm-term)")
        .iter()
        .map(text)
        .collect();
    assert_eq!(authored, ["about neglect", "a chronology (external site)"]);
    // "chronology" was in a link and a code block first; its first running-text use is linked.
    let links = term_links(&html, "guide/mentions.html");
    assert!(
        links.contains(&("chronology".into(), "definitions/chronology.html".into())),
        "{links:?}"
    );
}

#[test]
fn the_longest_match_wins() {
    let out = glossary_site();
    let html = page(out.path(), "guide/mentions.html");
    let links = term_links(&html, "guide/mentions.html");
    assert!(
        links.contains(&(
            "Emotional neglect".into(),
            "definitions/emotional-neglect.html".into()
        )),
        "{links:?}"
    );
}

#[test]
fn plurals_match() {
    let out = glossary_site();
    let links = term_links(
        &page(out.path(), "guide/mentions.html"),
        "guide/mentions.html",
    );
    assert!(
        links.contains(&("genograms".into(), "definitions/genogram.html".into())),
        "{links:?}"
    );
    let links = term_links(
        &page(out.path(), "guide/spelled-out.html"),
        "guide/spelled-out.html",
    );
    assert!(
        links.contains(&("chronologies".into(), "definitions/chronology.html".into())),
        "{links:?}"
    );
}

#[test]
fn terms_and_aliases_match_in_any_case() {
    let out = glossary_site();
    let links = term_links(
        &page(out.path(), "guide/mentions.html"),
        "guide/mentions.html",
    );
    assert_eq!(
        links,
        [
            ("Neglect", "definitions/neglect.html"),
            ("chronology", "definitions/chronology.html"),
            ("Emotional neglect", "definitions/emotional-neglect.html"),
            ("genograms", "definitions/genogram.html"),
            (
                "The Voice of the Child",
                "definitions/the-voice-of-the-child.html"
            ),
            (
                "front door",
                "definitions/multi-agency-safeguarding-hub.html"
            ),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn a_term_is_not_linked_on_its_own_page() {
    let out = glossary_site();
    let html = page(out.path(), "definitions/neglect.html");
    assert_eq!(
        term_links(&html, "definitions/neglect.html"),
        [(
            "Emotional neglect".to_string(),
            "definitions/emotional-neglect.html".to_string()
        )]
    );
    let gcp = page(out.path(), "definitions/graded-care-profile.html");
    assert_eq!(
        term_links(&gcp, "definitions/graded-care-profile.html"),
        [(
            "neglect".to_string(),
            "definitions/neglect.html".to_string()
        )]
    );
}

#[test]
fn link_terms_false_leaves_the_page_as_written() {
    let out = glossary_site();
    let html = page(out.path(), "guide/opt-out.html");
    assert!(select(&html, ".wm-body a").is_empty());
    assert_eq!(body_text(&html), "Neglect and the GCP, left as written.");
}

#[test]
fn an_abbreviation_is_spelled_out_on_first_use() {
    let out = glossary_site();
    let html = page(out.path(), "guide/abbreviations.html");
    assert_eq!(
        body_text(&html),
        "Complete a GCP (Graded Care Profile) early. Repeat the GCP later. \
         Contact the MASH (Multi-Agency Safeguarding Hub)."
    );
    assert_eq!(
        term_links(&html, "guide/abbreviations.html"),
        [
            ("GCP", "definitions/graded-care-profile.html"),
            ("MASH", "definitions/multi-agency-safeguarding-hub.html"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // Not when the page already gave the words.
    let html = page(out.path(), "guide/spelled-out.html");
    assert!(
        body_text(&html)
            .starts_with("The Graded Care Profile (GCP) is a tool. Use the GCP with families."),
        "{}",
        body_text(&html)
    );
}

#[test]
fn glossary_json_has_every_term() {
    let out = glossary_site();
    let bytes = std::fs::read(out.path().join("site/glossary.json")).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let terms = json.as_array().unwrap();
    let names: Vec<&str> = terms.iter().map(|t| t["term"].as_str().unwrap()).collect();
    let definitions = std::fs::read_dir(fixture("glossary").join("content/definitions"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name() != "_index.md")
        .count();
    assert_eq!(names.len(), definitions);
    let mut sorted = names.clone();
    sorted.sort_by_key(|t| t.to_lowercase().trim_start_matches("the ").to_string());
    assert_eq!(names, sorted);
    let mash = terms
        .iter()
        .find(|t| t["term"] == "Multi-Agency Safeguarding Hub")
        .unwrap();
    assert_eq!(
        *mash,
        serde_json::json!({
            "term": "Multi-Agency Safeguarding Hub",
            "aliases": ["front door"],
            "abbreviation": "MASH",
            "category": null,
            "definition": "Where concerns about a child are first shared and decided on.",
            "url": "definitions/multi-agency-safeguarding-hub.html",
        })
    );
    for term in terms {
        let url = term["url"].as_str().unwrap();
        assert!(out.path().join("site").join(url).is_file(), "{url}");
    }
    let again = glossary_site();
    assert_eq!(
        bytes,
        std::fs::read(again.path().join("site/glossary.json")).unwrap()
    );
}

#[test]
fn the_tooltip_script_and_styles_are_shipped() {
    let out = glossary_site();
    let js = std::fs::read_to_string(out.path().join("site/theme/js/waymark.js")).unwrap();
    for needle in [
        "a.wm-term[data-wm-definition]",
        "\"tooltip\"",
        "aria-describedby",
        "Escape",
    ] {
        assert!(js.contains(needle), "waymark.js lacks {needle}");
    }
    let css = std::fs::read_to_string(out.path().join("site/theme/css/waymark.css")).unwrap();
    let print = &css[css.find("@media print").unwrap()..];
    assert!(print.contains(".wm-tooltip"), "tooltips are not printed");
}

#[test]
fn duplicate_names_and_unknown_related_terms_stop_the_build_with_file_and_line() {
    let out = tempfile::tempdir().unwrap();
    let output = try_build(&fixture("glossary-errors"), &out.path().join("site"));
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(
            "content/definitions/neglect.md:2:9: error[duplicate-term]: `Neglect` is claimed by \
             this definition and by content/definitions/child-neglect.md"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "content/definitions/neglect.md:4:12: error[unknown-related-term]: related term \
             `Chronolgy` is not defined"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean `Chronology`?"), "{err}");
    assert!(!out.path().join("site").exists());
}

fn check(site: &std::path::Path, format: &str) -> std::process::Output {
    waymark(&[
        "check",
        "--site",
        site.to_str().unwrap(),
        "--format",
        format,
    ])
}

#[test]
fn check_reports_an_unexplained_abbreviation_with_file_line_and_column() {
    let output = check(&fixture("glossary"), "text");
    assert_eq!(
        output.status.code(),
        Some(0),
        "warnings only: {}",
        stderr(&output)
    );
    let out = stdout(&output);
    // Other rules have their own tests: this one is about abbreviations.
    let findings: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("[unexplained-abbreviation]"))
        .collect();
    assert_eq!(
        findings,
        [
            "content/guide/unexplained.md:6:9: warning[unexplained-abbreviation]: `LADO` is an \
             abbreviation that no definition explains (used 2 times on this page)",
            "content/guide/unexplained.md:8:4: warning[unexplained-abbreviation]: `IRO` is an \
             abbreviation that no definition explains",
        ],
        "UK (built in), II (a numeral), XYZ (allowed in waymark.toml), MASH and GCP (defined) \
         and words in code and addresses are not reported:\n{out}"
    );
    assert!(out.contains("  = hint: "), "{out}");

    let output = check(&fixture("glossary"), "json");
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings: Vec<&serde_json::Value> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "unexplained-abbreviation")
        .collect();
    assert_eq!(findings.len(), 2);
    let lado = findings[0];
    assert_eq!(lado["rule"], "unexplained-abbreviation");
    assert_eq!(lado["severity"], "warning");
    assert_eq!(lado["path"], "content/guide/unexplained.md");
    assert_eq!(
        (lado["line"].as_u64(), lado["column"].as_u64()),
        (Some(6), Some(9))
    );
    assert!(lado["message"].as_str().unwrap().contains("`LADO`"));
    assert!(
        lado["hint"]
            .as_str()
            .unwrap()
            .contains("allowed_abbreviations")
    );
}

#[test]
fn check_rule_levels_come_from_waymark_toml() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    copy_dir(&fixture("glossary"), &site);
    let config = site.join("waymark.toml");
    let base = std::fs::read_to_string(&config).unwrap();

    std::fs::write(
        &config,
        format!("{base}\n[check.rules]\nunexplained-abbreviation = \"error\"\n"),
    )
    .unwrap();
    let output = check(&site, "text");
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("error[unexplained-abbreviation]"));

    std::fs::write(
        &config,
        format!("{base}\n[check.rules]\nunexplained-abbreviation = \"off\"\n"),
    )
    .unwrap();
    let output = check(&site, "json");
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.is_empty(), "other rules still run");
    assert!(!rules.contains(&"unexplained-abbreviation"), "{rules:?}");

    std::fs::write(
        &config,
        format!("{base}\n[check.rules]\nunexplained-abbrevation = \"off\"\n"),
    )
    .unwrap();
    let output = check(&site, "text");
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("waymark.toml:8:1: error[config]"), "{out}");
    assert!(
        out.contains("did you mean `unexplained-abbreviation`?"),
        "{out}"
    );
}

#[test]
fn check_finds_what_a_build_would_and_writes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let broken = root.path().join("broken");
    let good = root.path().join("good");
    let bad_template = root.path().join("bad-template");
    copy_dir(&fixture("glossary-errors"), &broken);
    copy_dir(&fixture("glossary"), &good);
    copy_dir(&fixture("glossary"), &bad_template);
    std::fs::create_dir(bad_template.join("templates")).unwrap();
    std::fs::write(
        bad_template.join("templates/definition.html"),
        "{{ page.definition.nothing.here }}",
    )
    .unwrap();
    let before = files(root.path());

    let output = check(&broken, "json");
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["duplicate-term", "unknown-related-term"]);

    // Templates are rendered too: an error only rendering finds is an error of check.
    let output = check(&bad_template, "text");
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("templates/definition.html:1:"),
        "{}",
        stdout(&output)
    );

    assert_eq!(check(&good, "text").status.code(), Some(0));
    assert_eq!(files(root.path()), before, "check wrote nothing");
    assert!(!good.join("output").exists());
}

#[test]
fn check_reports_the_same_errors_as_build() {
    let site = fixture("broken-links");
    let out = tempfile::tempdir().unwrap();
    let built = try_build(&site, &out.path().join("site"));
    let checked = check(&site, "text");
    assert_eq!(built.status.code(), Some(1));
    assert_eq!(checked.status.code(), Some(1));
    let findings = |text: String| -> Vec<String> {
        text.lines()
            .filter(|l| l.contains(": error[") || l.starts_with("  = hint"))
            .map(str::to_string)
            .collect()
    };
    let from_build = findings(stderr(&built));
    assert!(!from_build.is_empty());
    assert_eq!(findings(stdout(&checked)), from_build);
    assert!(!out.path().join("site").exists());
}

fn select_in<'a>(
    element: &scraper::ElementRef<'a>,
    selector: &str,
) -> Option<scraper::ElementRef<'a>> {
    element
        .select(&scraper::Selector::parse(selector).unwrap())
        .next()
}
