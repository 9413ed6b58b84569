//! Whole-site tests of offline use: what a build writes so that the site can be installed on a
//! phone and read without a signal (the web app manifest, icons, offline page, the list of files
//! and the service worker), that it is the same for the same site and changes with it, what is
//! saved at the first visit, the review dates the worker watches, and the settings' errors. The
//! service worker's behaviour in a browser is checked by tests/browser/suite/offline.test.js.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::*;

fn json(site: &Path, file: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(site.join(file)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The `VERSION` the service worker was written with.
fn worker_version(site: &Path) -> String {
    let worker = std::fs::read_to_string(site.join("sw.js")).unwrap();
    let start = worker.find("const VERSION = \"").expect("a version") + 17;
    worker[start..start + 16].to_string()
}

fn precache(site: &Path) -> BTreeSet<String> {
    json(site, "offline.json")["precache"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

/// A copy of the `valid` fixture with `settings` added to its waymark.toml.
fn valid_with(settings: &str) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    copy_dir(&fixture("valid"), root.path());
    let toml = root.path().join("waymark.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("{text}\n{settings}\n")).unwrap();
    root
}

#[test]
fn the_manifest_icons_and_pages_make_the_site_installable() {
    let out = build(&fixture("valid"));
    let site = out.path().join("site");
    let manifest = json(&site, "manifest.webmanifest");
    assert_eq!(manifest["name"], "Fixture guidance");
    assert_eq!(manifest["short_name"], "Fixture guidance");
    assert_eq!(manifest["start_url"], "./index.html");
    assert_eq!(manifest["scope"], "./");
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["theme_color"], "#1d70b8");
    let icons = manifest["icons"].as_array().unwrap();
    let sizes: BTreeSet<&str> = icons.iter().map(|i| i["sizes"].as_str().unwrap()).collect();
    assert_eq!(sizes, BTreeSet::from(["192x192", "512x512"]));
    for icon in icons {
        let file = site.join(icon["src"].as_str().unwrap());
        let png = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        // A PNG's width and height are in its header, after the signature and chunk heading.
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        assert_eq!(format!("{width}x{width}"), icon["sizes"].as_str().unwrap());
    }
    assert!(site.join("icons/apple-touch-icon.png").is_file());

    // Every page links the manifest and icons from where it is, and says "Available offline"
    // only once its script finds the page saved (hidden until then).
    let html = page(out.path(), "strategy/vision.html");
    let link = |rel: &str| {
        select(&html, &format!("link[rel={rel}]"))[0]
            .value()
            .attr("href")
            .map(str::to_string)
    };
    assert_eq!(link("manifest").as_deref(), Some("../manifest.webmanifest"));
    assert_eq!(
        link("apple-touch-icon").as_deref(),
        Some("../icons/apple-touch-icon.png")
    );
    let status = select(&html, "[data-wm-offline-status]");
    assert_eq!(status.len(), 1);
    assert!(status[0].value().attr("hidden").is_some());
    // The service worker's source is not left in the theme: it is sw.js at the top.
    assert!(!site.join("theme/js/sw.js").exists());
}

#[test]
fn the_file_list_names_every_file_and_the_worker_carries_its_version() {
    let out = build(&fixture("valid"));
    let site = out.path().join("site");
    let list = json(&site, "offline.json");
    assert_eq!(list["version"].as_str().unwrap(), worker_version(&site));
    let listed: BTreeSet<String> = list["files"].as_object().unwrap().keys().cloned().collect();
    let on_disk: BTreeSet<String> = files(&site)
        .into_iter()
        .map(|f| f.to_string_lossy().replace('\\', "/"))
        .filter(|f| !f.starts_with('.') && f != "sw.js" && f != "offline.json")
        .collect();
    assert_eq!(listed, on_disk);
    assert!(precache(&site).is_subset(&listed));
}

#[test]
fn the_list_gives_each_page_still_current_its_review_date() {
    // Built as on 1 April 2027: the vision (due March 2027) is overdue and shows the warning
    // already; the form (due 1 April 2027) is current until the day ends.
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let built = waymark(&[
        "build",
        "--site",
        fixture("valid").to_str().unwrap(),
        "--output",
        site.to_str().unwrap(),
        "--today",
        "2027-04-01",
    ]);
    assert!(built.status.success(), "{}", stderr(&built));
    let reviews = json(&site, "offline.json")["reviews"].clone();
    assert_eq!(
        reviews,
        serde_json::json!({
            "toolkit/day-in-my-life.html": { "last_day": "2027-04-01", "due": "1 April 2027" }
        })
    );
    assert_eq!(
        select(
            &page(out.path(), "strategy/vision.html"),
            ".wm-warning-text"
        )
        .len(),
        1,
        "the overdue page carries its warning, so the service worker needs no date for it"
    );

    // Built as on the tests' day, both are current and listed.
    let out = build(&fixture("valid"));
    let reviews = json(&out.path().join("site"), "offline.json")["reviews"].clone();
    assert_eq!(reviews["strategy/vision.html"]["last_day"], "2027-03-31");
    assert_eq!(reviews["strategy/vision.html"]["due"], "March 2027");
    assert!(reviews["toolkit/day-in-my-life.html"].is_object());
}

#[test]
fn the_first_visit_saves_the_core_definitions_and_toolkit_and_the_summary_says_how_much() {
    let out = tempfile::tempdir().unwrap();
    let run = try_build(&fixture("valid"), &out.path().join("site"));
    assert!(run.status.success(), "{}", stderr(&run));
    let site = out.path().join("site");
    let saved = precache(&site);
    for wanted in [
        "index.html",
        "strategy/index.html",
        "definitions/index.html",
        "definitions/neglect.html",
        "toolkit/index.html",
        "toolkit/day-in-my-life.html",
        "search.html",
        "search/index.js",
        "offline.html",
        "manifest.webmanifest",
        "theme/css/waymark.css",
        "theme/js/waymark.js",
        "theme/js/search.js",
        "icons/icon-192.png",
    ] {
        assert!(saved.contains(wanted), "{wanted} is not saved: {saved:?}");
    }
    // Chapters are saved as they are read; PDFs when opened.
    for unwanted in ["strategy/vision.html", "packs/strategy.pdf", "changes.html"] {
        assert!(!saved.contains(unwanted), "{unwanted} is saved");
    }
    let bytes: u64 = saved
        .iter()
        .map(|p| std::fs::metadata(site.join(p)).unwrap().len())
        .sum();
    let summary = format!(
        "Offline use: readers' devices save {} files ({:.1} MB) at their first visit.",
        saved.len(),
        bytes as f64 / 1e6
    );
    assert!(stderr(&run).contains(&summary), "{}", stderr(&run));
    assert!(!stderr(&run).contains("offline-size"), "{}", stderr(&run));
}

#[test]
fn the_demo_site_saves_its_core_within_5_mb() {
    let out = tempfile::tempdir().unwrap();
    let run = waymark(&[
        "build",
        "--no-pdf",
        "--site",
        demo_site().to_str().unwrap(),
        "--output",
        out.path().join("site").to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let site = out.path().join("site");
    let bytes: u64 = precache(&site)
        .iter()
        .map(|p| std::fs::metadata(site.join(p)).unwrap().len())
        .sum();
    assert!(bytes < 5_000_000, "the demo saves {bytes} bytes");
    assert!(!stderr(&run).contains("offline-size"), "{}", stderr(&run));
}

#[test]
fn a_precache_past_the_limit_is_warned_about_at_its_setting() {
    let root = valid_with("[offline]\nprecache_limit_mb = 0.01\n");
    let out = tempfile::tempdir().unwrap();
    let run = try_build(root.path(), &out.path().join("site"));
    assert!(run.status.success(), "a warning does not stop the build");
    let err = stderr(&run);
    assert!(
        err.contains("waymark.toml:13:1: warning[offline-size]: readers' phones save"),
        "{err}"
    );
    assert!(
        err.contains("over the 0.01 MB set by offline.precache_limit_mb"),
        "{err}"
    );
}

#[test]
fn the_same_site_gives_the_same_worker_and_a_changed_page_a_new_version() {
    let root = tempfile::tempdir().unwrap();
    copy_dir(&fixture("valid"), root.path());
    let (a, b, c) = (
        build(root.path()),
        build(root.path()),
        tempfile::tempdir().unwrap(),
    );
    let (a, b) = (a.path().join("site"), b.path().join("site"));
    for file in [
        "sw.js",
        "offline.json",
        "manifest.webmanifest",
        "offline.html",
    ] {
        assert_eq!(
            std::fs::read(a.join(file)).unwrap(),
            std::fs::read(b.join(file)).unwrap(),
            "{file} differs between builds of the same site"
        );
    }
    let chapter = root.path().join("content/strategy/vision.md");
    let text = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(&chapter, format!("{text}\nA new sentence.\n")).unwrap();
    assert!(
        try_build(root.path(), &c.path().join("site"))
            .status
            .success()
    );
    let c = c.path().join("site");
    assert_ne!(worker_version(&a), worker_version(&c));
    let (before, after) = (json(&a, "offline.json"), json(&c, "offline.json"));
    assert_ne!(
        before["files"]["strategy/vision.html"],
        after["files"]["strategy/vision.html"]
    );
    assert_eq!(
        before["files"]["definitions/neglect.html"], after["files"]["definitions/neglect.html"],
        "an unchanged page keeps its hash, so a phone keeps its saved copy"
    );
}

#[test]
fn the_offline_page_links_from_the_top_of_the_site_and_is_not_listed() {
    let out = build(&fixture("valid"));
    let html = page(out.path(), "offline.html");
    assert_eq!(text(&select(&html, "h1")[0]), "You are offline");
    assert_eq!(
        select(&html, "meta[name=robots]")[0]
            .value()
            .attr("content"),
        Some("noindex")
    );
    let links: Vec<(String, String)> = select(&html, ".wm-offline-links a")
        .iter()
        .map(|a| (text(a), a.value().attr("href").unwrap().to_string()))
        .collect();
    let expected = [
        ("Home page", "./index.html"),
        ("Toolkit", "./toolkit/index.html"),
        ("Strategy", "./strategy/index.html"),
        ("Definitions", "./definitions/index.html"),
        ("Search", "./search.html"),
    ];
    assert_eq!(
        links,
        expected.map(|(t, u)| (t.to_string(), u.to_string())),
        "the home page, the sections saved at the first visit and search"
    );
    // Every address the service worker must point back to the top starts with "./".
    for element in select(&html, "link[href], script[src]") {
        let address = element
            .value()
            .attr("href")
            .or(element.value().attr("src"))
            .unwrap();
        assert!(address.starts_with("./"), "{address}");
    }
    let site = out.path().join("site");
    for listing in ["pages.html", "sitemap.xml"] {
        let text = std::fs::read_to_string(site.join(listing)).unwrap();
        assert!(
            !text.contains("offline.html"),
            "{listing} lists the offline page"
        );
    }
}

#[test]
fn with_offline_use_off_nothing_of_it_is_written_or_linked() {
    let root = valid_with("[offline]\nenabled = false\n");
    let out = build(root.path());
    let site = out.path().join("site");
    for file in [
        "sw.js",
        "offline.json",
        "manifest.webmanifest",
        "offline.html",
        "icons",
    ] {
        assert!(!site.join(file).exists(), "{file} is written");
    }
    let html = page(out.path(), "index.html");
    assert!(select(&html, "link[rel=manifest]").is_empty());
    assert!(select(&html, "[data-wm-offline-status]").is_empty());
}

#[test]
fn settings_naming_what_is_not_there_stop_the_build_at_their_line() {
    let root = valid_with(
        "[offline]\nicon = \"images/icon.svg\"\nprecache = [\"definitions/\", \"stratgy/\"]\n",
    );
    let out = tempfile::tempdir().unwrap();
    let run = try_build(root.path(), &out.path().join("site"));
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(err.contains("waymark.toml:13:1: error[config]: offline.icon names `theme/images/icon.svg`, which does not exist"), "{err}");
    assert!(err.contains("waymark.toml:14:29: error[config]: offline.precache names `stratgy/`, which is not a section, page or file under content/"), "{err}");
    assert!(err.contains("did you mean `strategy/`?"), "{err}");
    assert!(!out.path().join("site").exists(), "nothing written");

    // `waymark check` finds the same.
    let check = waymark(&["check", "--site", root.path().to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).contains("waymark.toml:14:29: error[config]"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn a_site_icon_is_drawn_at_each_size() {
    let root = valid_with("[offline]\nicon = \"images/icon.svg\"\nshort_name = \"Testshire\"\n");
    let images = root.path().join("theme/images");
    std::fs::create_dir_all(&images).unwrap();
    std::fs::write(
        images.join("icon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\
         <rect width=\"10\" height=\"10\" fill=\"#00703c\"/></svg>",
    )
    .unwrap();
    let out = build(root.path());
    let site = out.path().join("site");
    assert_eq!(
        json(&site, "manifest.webmanifest")["short_name"],
        "Testshire"
    );
    let png = std::fs::read(site.join("icons/icon-512.png")).unwrap();
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 512);

    // A wide picture is refused, at the icon's line.
    std::fs::write(
        images.join("icon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\"/>",
    )
    .unwrap();
    let failed = try_build(root.path(), &tempfile::tempdir().unwrap().path().join("s"));
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        stderr(&failed).contains("waymark.toml:13:1: error[config]: offline.icon `theme/images/icon.svg` cannot be used: it is 20 by 10: an app icon must be square"),
        "{}",
        stderr(&failed)
    );
}
