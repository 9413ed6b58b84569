//! Shared regional guidance: the example pair under `examples/regional/` (a regional site and
//! two local sites built on it with `base = "../region"`), built and checked with the real
//! binary and read back as a reader and an editor would meet them.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common::*;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/regional")
        .join(name)
}

/// Builds an example site once for every test that reads it; returns the output's parent (as
/// [`page`] expects).
fn built(name: &'static str, cell: &'static OnceLock<PathBuf>) -> &'static Path {
    cell.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("regional-{name}"));
        let _ = std::fs::remove_dir_all(&out);
        let output = try_build(&example(name), &out.join("site"));
        assert!(output.status.success(), "{}", stderr(&output));
        out
    })
}

fn northdale() -> &'static Path {
    static CELL: OnceLock<PathBuf> = OnceLock::new();
    built("northdale", &CELL)
}

fn westbrook() -> &'static Path {
    static CELL: OnceLock<PathBuf> = OnceLock::new();
    built("westbrook", &CELL)
}

/// The text of each element `selector` finds, with a space between its text nodes (so a term
/// and its value, or a caption and a title, do not run together).
fn texts(html: &scraper::Html, selector: &str) -> Vec<String> {
    select(html, selector)
        .iter()
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// What a command printed, both streams.
fn printed(output: &std::process::Output) -> String {
    stderr(output) + &stdout(output)
}

#[test]
fn a_local_page_replaces_the_regional_page_and_says_so() {
    let html = page(northdale(), "procedures/resolving-disagreements.html");
    let body = texts(&html, ".wm-body").join(" ");
    assert!(body.contains("Northdale escalation panel"), "{body}");
    assert!(
        !body.contains("arrange a meeting of senior managers"),
        "the regional text is gone: {body}"
    );
    let control = texts(&html, ".wm-control").join(" ");
    assert!(
        control.contains("replaces the regional page “Resolving professional disagreements” (version 1.1, owned by Eastmoor regional procedures group)"),
        "{control}"
    );
    // Westbrook does not replace it: the regional page as it is.
    let regional = page(westbrook(), "procedures/resolving-disagreements.html");
    assert!(texts(&regional, ".wm-body")[0].contains("arrange a meeting of senior managers"));
}

#[test]
fn local_sections_go_in_labelled_boxes_after_the_regional_heading_they_name() {
    let html = page(northdale(), "procedures/making-a-referral.html");
    let body = &select(&html, ".wm-body")[0];
    // The body's top-level blocks in order, as (tag, text).
    let blocks: Vec<(String, String)> = body
        .children()
        .filter_map(scraper::ElementRef::wrap)
        .map(|e| (e.value().name().to_string(), text(&e)))
        .collect();
    let at = |wanted: &str| {
        blocks
            .iter()
            .position(|(_, t)| t.contains(wanted))
            .unwrap_or_else(|| panic!("{wanted}: {blocks:?}"))
    };
    let front_door = at("01632 960 100, Monday to Friday");
    assert_eq!(blocks[front_door].0, "aside");
    assert!(at("How to refer") < front_door && front_door < at("Out of hours"));
    let duty = at("Northdale emergency duty team");
    assert!(at("Out of hours") < duty && duty < at("What happens next"));
    let contacts = at("Northdale contacts");
    assert_eq!(
        contacts,
        blocks.len() - 1,
        "a section of its own goes at the end"
    );

    let boxes = select(&html, "aside.wm-local");
    assert_eq!(boxes.len(), 3);
    for b in &boxes {
        let words = text(b);
        assert!(
            words.starts_with("Local information Added by Northdale Front Door"),
            "{words}"
        );
        let label = b.value().attr("aria-labelledby").unwrap();
        assert!(
            label.starts_with("wm-local-"),
            "named by its title: {label}"
        );
    }
    // The box inside "How to refer" (h2) is titled one level below it.
    assert_eq!(
        texts(&html, "aside.wm-local > h3.wm-local__title"),
        ["Local information", "Local information"]
    );
    // The "Local:" heading lines are not shown; the contents list keeps the regional headings
    // and the local section with a heading of its own.
    assert!(
        !texts(&html, "main")
            .join(" ")
            .contains("Local: How to refer")
    );
    assert_eq!(
        texts(&html, ".wm-contents__item"),
        [
            "When to refer",
            "How to refer",
            "Out of hours",
            "What happens next",
            "Northdale contacts"
        ]
    );
}

#[test]
fn document_control_shows_the_regional_and_the_local_owner_version_and_review() {
    let html = page(northdale(), "procedures/making-a-referral.html");
    assert_eq!(
        texts(&html, ".wm-control__part"),
        ["Regional guidance", "Local information"]
    );
    let lists = texts(&html, ".wm-control .wm-summary-list");
    assert!(lists[0].contains("Owner Eastmoor regional procedures group"));
    assert!(lists[0].contains("Version 1.2"));
    assert!(lists[0].contains("Next review due 1 July 2027"));
    assert!(lists[1].contains("Owner Northdale Front Door"));
    assert!(lists[1].contains("Version 1.0"));
    assert!(lists[1].contains("Next review due 15 July 2027"));
    let meta = texts(&html, ".wm-metadata").join(" ");
    assert!(
        meta.contains("Local information from: Northdale Front Door"),
        "{meta}"
    );
    assert_eq!(
        texts(&html, ".wm-history summary"),
        ["Page history (last updated 1 July 2026 ; local information 15 July 2026 )"]
    );
    let history: Vec<String> = select(&html, ".wm-history__list li")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        history,
        [
            "15 July 2026: Local: Added the Northdale front door and emergency duty team numbers.",
            "1 July 2026: Regional: First published as a regional procedure."
        ]
    );
}

#[test]
fn an_overdue_local_part_gets_its_own_warning_and_check_finding() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example(""), dir.path());
    let local = dir
        .path()
        .join("northdale/content/procedures/making-a-referral.md");
    let text = std::fs::read_to_string(&local).unwrap();
    std::fs::write(
        &local,
        text.replace("review_due = 2027-07-15", "review_due = 2026-10-01"),
    )
    .unwrap();
    let site = dir.path().join("northdale");
    let out = build(&site);
    let html = page(out.path(), "procedures/making-a-referral.html");
    let warnings = texts(&html, ".wm-warning-text");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0]
            .contains("The local information on this page was due for review on 1 October 2026")
            && warnings[0].contains("Northdale Front Door"),
        "{warnings:?}"
    );
    let check = waymark(&["check", "--site", site.to_str().unwrap()]);
    let messages = printed(&check);
    assert!(
        messages.contains(
            "content/procedures/making-a-referral.md:8:14: error[review-overdue]: overdue for review: it was due by 1 October 2026 (local information, owner: Northdale Front Door)"
        ),
        "{messages}"
    );
}

#[test]
fn hidden_pages_are_left_out_and_links_to_them_keep_their_words() {
    let out = northdale();
    assert!(
        !out.join("site/toolkit/home-conditions-checklist.html")
            .exists()
    );
    assert!(
        westbrook()
            .join("site/toolkit/home-conditions-checklist.html")
            .exists()
    );
    let toolkit = page(out, "toolkit/index.html");
    assert!(
        !texts(&toolkit, "main")
            .join(" ")
            .contains("Home conditions checklist")
    );
    let all_pages = std::fs::read_to_string(out.join("site/pages.html")).unwrap();
    assert!(!all_pages.contains("home-conditions-checklist"));
    let search = std::fs::read_dir(out.join("site/search"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
        .collect::<String>();
    assert!(
        search.contains("making-a-referral"),
        "the index lists pages"
    );
    assert!(!search.contains("home-conditions-checklist"));
    // The regional page linking to it keeps the words, without a link.
    let neglect = page(out, "procedures/recognising-neglect.html");
    let body = texts(&neglect, ".wm-body").join(" ");
    assert!(body.contains("the home conditions checklist helps you describe it"));
    assert!(
        select(&neglect, ".wm-body a").iter().all(|a| !a
            .value()
            .attr("href")
            .unwrap()
            .contains("home-conditions"))
    );
    // The regional toolkit pack leaves it out too.
    let pack = page(out, "packs/practitioner-toolkit/index.html");
    assert_eq!(
        texts(&pack, ".wm-pack-doc__title"),
        ["Toolkit Chronology template"]
    );

    let check = waymark(&["check", "--site", example("northdale").to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        printed(&check).contains(
            "../region/content/procedures/recognising-neglect.md:33:58: warning[hidden-link]"
        ),
        "{}",
        printed(&check)
    );
}

#[test]
fn local_definitions_link_their_terms_in_regional_pages() {
    let html = page(northdale(), "procedures/recognising-neglect.html");
    let terms: Vec<String> = select(&html, ".wm-body a.wm-term")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(
        terms.contains(&"../definitions/team-around-the-family.html".to_string()),
        "{terms:?}"
    );
    // The local definition lists the regional page that uses it.
    let definition = page(northdale(), "definitions/team-around-the-family.html");
    assert!(
        texts(&definition, "main")
            .join(" ")
            .contains("Recognising neglect")
    );
    // Westbrook has its own definition, linked in the same regional text.
    let west = page(westbrook(), "procedures/recognising-neglect.html");
    let west_terms: Vec<&str> = select(&west, ".wm-body a.wm-term")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert!(west_terms.contains(&"../definitions/early-help-hub.html"));
    assert!(!west_terms.contains(&"../definitions/team-around-the-family.html"));
}

#[test]
fn local_settings_lay_over_the_regional_ones() {
    let html = page(northdale(), "index.html");
    let header = texts(&html, "header").join(" ");
    assert!(header.contains("Northdale procedures"), "{header}");
    assert!(header.contains("Northdale Safeguarding Children Partnership"));
    // The quick exit comes from the regional settings.
    assert!(
        select(&html, "a[href='https://www.bbc.co.uk/weather']").len() == 1,
        "quick exit from the base"
    );
    // Westbrook's own brand colour.
    let css = std::fs::read_to_string(westbrook().join("site/theme/css/waymark.css")).unwrap()
        + &std::fs::read_to_string(westbrook().join("site/index.html")).unwrap();
    assert!(css.contains("#005a30"), "the local brand colour is used");
}

#[test]
fn packs_hold_regional_and_local_pages() {
    let pack = page(northdale(), "packs/northdale-referrals/index.html");
    assert_eq!(
        texts(&pack, ".wm-pack-doc__title"),
        [
            "Page Making a referral",
            "Signposting Northdale front door",
            "Toolkit Chronology template"
        ]
    );
    let text = texts(&pack, "main").join(" ");
    assert!(text.contains("Local information Added by Northdale Front Door"));
    assert!(text.contains("Document control: local information"));
    // The regional pack, built in the local site, holds the local replacement.
    let regional = page(northdale(), "packs/neglect-procedures/index.html");
    assert!(
        texts(&regional, "main")
            .join(" ")
            .contains("Northdale escalation panel")
    );
    assert!(
        northdale()
            .join("site/packs/northdale-referrals.pdf")
            .is_file()
    );
}

#[test]
fn whats_changed_marks_regional_and_local_changes() {
    let html = page(northdale(), "changes.html");
    let items = texts(&html, ".wm-changes__item");
    assert!(
        items.iter().any(|i| i.contains("Making a referral")
            && i.contains("Local change: Added the Northdale front door")),
        "{items:?}"
    );
    assert!(
        items.iter().any(|i| i.contains("Recognising neglect")
            && i.contains("Regional change: Added the section on early help")),
        "{items:?}"
    );
    // Subscribers to the feed (written when the site has an address) see the same marks.
    let out = tempfile::tempdir().unwrap();
    let built = waymark(&[
        "build",
        "--site",
        example("northdale").to_str().unwrap(),
        "--output",
        out.path().join("site").to_str().unwrap(),
        "--base-url",
        "https://guidance.example.org/",
    ]);
    assert!(built.status.success(), "{}", stderr(&built));
    let feed = std::fs::read_to_string(out.path().join("site/changes.xml")).unwrap();
    assert!(
        feed.contains("<title>Making a referral: Local: Added the Northdale front door"),
        "{feed}"
    );
    assert!(
        feed.contains("<title>Recognising neglect: Regional: Added the section on early help"),
        "{feed}"
    );
}

#[test]
fn check_and_review_report_drift_after_a_regional_version_bump() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example(""), dir.path());
    let site = dir.path().join("northdale");
    let clean = waymark(&["check", "--site", site.to_str().unwrap()]);
    assert!(
        !printed(&clean).contains("base-drift"),
        "{}",
        printed(&clean)
    );

    let edit = |path: &str, from: &str, to: &str| {
        let file = dir.path().join(path);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(from), "{path}: {from}");
        std::fs::write(&file, text.replace(from, to)).unwrap();
    };
    edit(
        "region/content/procedures/making-a-referral.md",
        "version = \"1.2\"",
        "version = \"1.3\"",
    );
    edit(
        "region/content/procedures/resolving-disagreements.md",
        "version = \"1.1\"",
        "version = \"1.2\"",
    );
    edit(
        "region/content/procedures/resolving-disagreements.md",
        "## Stage 3: ask the safeguarding partnership",
        "## Stage 3: the regional escalation panel",
    );

    let check = waymark(&["check", "--site", site.to_str().unwrap()]);
    let messages = printed(&check);
    assert!(check.status.success(), "drift is a warning: {messages}");
    assert!(
        messages.contains(
            "content/procedures/making-a-referral.md:4:16: warning[base-drift]: regional page updated since your local version: it is now version 1.3, and this page was checked against version 1.2"
        ),
        "{messages}"
    );
    assert!(
        messages.contains(
            "content/procedures/resolving-disagreements.md:11:16: warning[base-drift]: regional page updated since your local version: it is now version 1.2, and this page was checked against version 1.1 (regional headings not in your page: “Stage 3: the regional escalation panel”; headings no longer in the regional page: “Stage 3: the Northdale escalation panel”)"
        ),
        "{messages}"
    );

    let review = waymark(&[
        "review",
        "--site",
        site.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    let csv = stdout(&review);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].ends_with(",base_drift"));
    let row = |file: &str| {
        lines
            .iter()
            .find(|l| l.contains(&format!(",{file},")))
            .unwrap_or_else(|| panic!("{file}: {csv}"))
            .to_string()
    };
    assert!(row("content/procedures/making-a-referral.md").starts_with(
        "Making a referral (local information),Northdale Front Door,1.0,2027-07-15,current,"
    ));
    assert!(
        row("content/procedures/making-a-referral.md")
            .ends_with(",regional page now version 1.3 (checked against 1.2)")
    );
    assert!(
        row("../region/content/procedures/making-a-referral.md").ends_with(','),
        "the regional part has no drift of its own"
    );
    assert!(row("content/procedures/resolving-disagreements.md").contains(
        "regional page now version 1.2 (checked against 1.1); regional headings not in your page"
    ));
}

#[test]
fn a_bad_base_is_a_clear_error_at_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example(""), dir.path());
    let settings = dir.path().join("westbrook/waymark.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    let site = dir.path().join("westbrook");
    let check = |base: &str| {
        std::fs::write(&settings, text.replace("\"../region\"", base)).unwrap();
        let out = waymark(&["check", "--site", site.to_str().unwrap()]);
        assert!(!out.status.success());
        printed(&out)
    };
    assert!(
        check("\"../regoin\"")
            .contains("waymark.toml:2:1: error[config]: the base `../regoin` does not exist")
    );
    assert!(
        check("\"../northdale/content\"").contains("is not a waymark site"),
        "a folder without waymark.toml"
    );
    let layered = check("\"../northdale\"");
    assert!(
        layered.contains("../northdale/waymark.toml:3:1: error[config]: `../northdale` is itself built on `../region`: a base cannot have a base of its own"),
        "{layered}"
    );

    // An extends page whose base page does not exist names its own line.
    std::fs::write(&settings, &text).unwrap();
    std::fs::write(
        site.join("content/procedures/contacts.md"),
        "+++\nextends = true\n+++\n## Local: Contacts\n\nText.\n",
    )
    .unwrap();
    let out = waymark(&["build", "--site", site.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(
            "content/procedures/contacts.md:2:11: error[extends]: extends = true, but the base has no page content/procedures/contacts.md to add to"
        ),
        "{}",
        stderr(&out)
    );

    // A title on a page that adds to a regional page would be dropped: the editor is told.
    std::fs::remove_file(site.join("content/procedures/contacts.md")).unwrap();
    let adds = site.join("content/procedures/recognising-neglect.md");
    let own = std::fs::read_to_string(&adds).unwrap();
    std::fs::write(
        &adds,
        own.replacen("+++\n", "+++\ntitle = \"Neglect in Westbrook\"\n", 1),
    )
    .unwrap();
    let out = waymark(&["check", "--site", site.to_str().unwrap()]);
    assert!(
        printed(&out).contains(
            "content/procedures/recognising-neglect.md:2:9: warning[extends]: this page adds to the regional page \"Recognising neglect\", whose title is shown; the title \"Neglect in Westbrook\" here is not used"
        ),
        "{}",
        printed(&out)
    );
}

#[test]
fn init_base_starts_a_local_site_that_builds_on_the_region() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example("region"), &dir.path().join("region"));
    let local = dir.path().join("areas/eastfield");
    let init = waymark(&[
        "init",
        "--base",
        dir.path().join("region").to_str().unwrap(),
        local.to_str().unwrap(),
    ]);
    assert!(init.status.success(), "{}", stderr(&init));
    let settings = std::fs::read_to_string(local.join("waymark.toml")).unwrap();
    assert!(settings.contains("base = \"../../region\""), "{settings}");
    let out = build(&local);
    assert!(
        out.path()
            .join("site/procedures/making-a-referral.html")
            .is_file()
    );
    assert!(out.path().join("site/local-contacts.html").is_file());
}
