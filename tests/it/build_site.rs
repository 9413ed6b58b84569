//! Whole-site tests of `waymark build`: fixture sites built by the real binary, output read with
//! an HTML parser, checked for what a reader or an editor would notice.

use crate::common::*;

#[test]
fn every_page_has_landmarks_one_h1_and_a_working_skip_link() {
    let out = build(&fixture("valid"));
    for file in files(&out.path().join("site")) {
        let file = file.to_string_lossy().to_string();
        if !file.ends_with(".html") || file.starts_with("theme/") {
            continue;
        }
        let html = page(out.path(), &file);
        assert_eq!(select(&html, "h1").len(), 1, "{file}: exactly one h1");
        assert_eq!(
            select(&html, "main#main-content").len(),
            1,
            "{file}: main landmark"
        );
        assert_eq!(select(&html, "header").len(), 1, "{file}: header landmark");
        let skip = select(&html, "a.wm-skip-link");
        assert_eq!(skip.len(), 1, "{file}: skip link");
        assert_eq!(skip[0].value().attr("href"), Some("#main-content"));
        assert_eq!(
            select(&html, "html")[0].value().attr("lang"),
            Some("en-GB"),
            "{file}: language"
        );
        if file != "404.html" {
            assert_eq!(select(&html, "footer").len(), 1, "{file}: footer landmark");
            assert_eq!(
                select(&html, "a[data-wm-exit]").len(),
                1,
                "{file}: exit this page"
            );
        }
    }
}

#[test]
fn document_control_shows_the_front_matter_values() {
    let out = build(&fixture("valid"));
    let html = page(out.path(), "strategy/vision.html");
    let rows: Vec<(String, String)> = select(&html, ".wm-summary-list__row")
        .iter()
        .map(|row| {
            let dt = row
                .select(&scraper::Selector::parse("dt").unwrap())
                .next()
                .unwrap();
            let dd = row
                .select(&scraper::Selector::parse("dd").unwrap())
                .next()
                .unwrap();
            (text(&dt), text(&dd))
        })
        .collect();
    let expect = [
        ("Owner", "Neglect Strategy Group"),
        ("Version", "2.1"),
        ("Approved", "12 March 2026"),
        ("Published", "1 April 2026"),
        // The 14 September change is minor, so it does not move "Last updated".
        ("Last updated", "10 June 2026"),
        ("Next review due", "March 2027"),
    ];
    assert_eq!(
        rows,
        expect.map(|(a, b)| (a.to_string(), b.to_string())).to_vec()
    );
    let history: Vec<String> = select(&html, ".wm-history__list li")
        .iter()
        .map(text)
        .collect();
    assert_eq!(history.len(), 3);
    assert!(
        history[0].starts_with("14 September 2026"),
        "newest first: {history:?}"
    );
}

#[test]
fn links_by_source_path_resolve_to_relative_html_files() {
    let out = build(&fixture("valid"));
    let site = out.path().join("site");
    for (file, selector) in [
        ("index.html", "main a"),
        ("strategy/vision.html", ".wm-body a"),
        ("strategy/vision.html", "nav a"),
    ] {
        let html = page(out.path(), file);
        for a in select(&html, selector) {
            let href = a.value().attr("href").unwrap();
            if href.starts_with("http") || href.starts_with('#') {
                continue;
            }
            assert!(!href.starts_with('/'), "{file}: {href} must be relative");
            assert!(
                href.ends_with(".html") || href.contains(".html#"),
                "{file}: {href} names a file"
            );
            let target = resolve(file, href);
            assert!(
                site.join(&target).is_file(),
                "{file}: {href} -> {target} exists"
            );
        }
    }
    let home = page(out.path(), "index.html");
    let hrefs: Vec<_> = select(&home, ".wm-body a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        hrefs,
        ["strategy/index.html", "definitions/neglect.html#what-to-do"]
    );
}

#[test]
fn headings_get_unique_ids_and_long_pages_a_contents_list() {
    let out = build(&fixture("valid"));
    let html = page(out.path(), "strategy/vision.html");
    let ids: Vec<_> = select(&html, ".wm-body h2, .wm-body h3")
        .iter()
        .map(|h| h.value().attr("id").unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "why-neglect-matters",
            "what-we-will-do",
            "adolescents",
            "ages",
            "why-neglect-matters-1"
        ]
    );
    let contents: Vec<_> = select(&html, ".wm-contents a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(contents.len(), 5);
    assert_eq!(contents[0], "#why-neglect-matters");
    // A short page has no contents list.
    let short = page(out.path(), "definitions/neglect.html");
    assert!(select(&short, ".wm-contents").is_empty());
}

#[test]
fn external_links_are_marked_for_everyone_and_stay_in_the_tab() {
    let out = build(&fixture("valid"));
    let html = page(out.path(), "strategy/vision.html");
    let external = select(&html, ".wm-body a.wm-link-external");
    assert_eq!(external.len(), 1);
    assert!(external[0].value().attr("target").is_none(), "same tab");
    assert!(text(&external[0]).ends_with("(external site)"));
}

#[test]
fn toolkit_forms_render_labelled_text_areas() {
    let out = build(&fixture("valid"));
    let html = page(out.path(), "toolkit/day-in-my-life.html");
    let areas = select(&html, "textarea.wm-form__answer");
    assert_eq!(areas.len(), 2);
    for area in &areas {
        let id = area.value().attr("id").unwrap();
        let label = select(&html, &format!("label[for=\"{id}\"]"));
        assert_eq!(label.len(), 1, "each text area has a label");
    }
    assert_eq!(
        select(&html, ".wm-form__question:first-child .wm-form__line").len(),
        3
    );
    assert!(
        text(&select(&html, ".wm-form-notice")[0])
            .contains("Nothing you type on this page is saved or sent")
    );
}

#[test]
fn sitemap_robots_and_404_are_written() {
    let out = build(&fixture("valid"));
    let site = out.path().join("site");
    let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://guidance.testshire.example/strategy/vision.html</loc><lastmod>2026-06-10</lastmod>"), "{sitemap}");
    let robots = std::fs::read_to_string(site.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://guidance.testshire.example/sitemap.xml"));
    let not_found = page(out.path(), "404.html");
    assert_eq!(text(&select(&not_found, "h1")[0]), "Page not found");
    // Served at any depth, so it links from the site's own path.
    assert_eq!(
        select(&not_found, "link[rel=stylesheet]")[0]
            .value()
            .attr("href"),
        Some("/theme/css/waymark.css")
    );
}

#[test]
fn same_input_gives_the_same_bytes() {
    let a = build(&fixture("valid"));
    let b = build(&fixture("valid"));
    let (a, b) = (a.path().join("site"), b.path().join("site"));
    let files_a = files(&a);
    assert_eq!(files_a, files(&b));
    for f in files_a {
        assert_eq!(
            std::fs::read(a.join(&f)).unwrap(),
            std::fs::read(b.join(&f)).unwrap(),
            "{} differs between builds",
            f.display()
        );
    }
}

#[test]
fn broken_front_matter_is_reported_with_file_and_line_and_exit_1() {
    let out = tempfile::tempdir().unwrap();
    let output = try_build(&fixture("broken-front-matter"), &out.path().join("site"));
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("content/bad-toml.md:3:"), "{err}");
    assert!(err.contains("content/unclosed.md:1:1: error[front-matter]: front matter opened with `+++` is never closed"), "{err}");
    assert!(err.contains("content/bad-date.md:3:"), "{err}");
    assert!(err.contains("not a real date"), "{err}");
    assert!(err.contains("3 error(s)"), "every error in one run: {err}");
    assert!(!out.path().join("site").exists(), "nothing written");
}

#[test]
fn unknown_keys_suggest_the_right_one() {
    let out = tempfile::tempdir().unwrap();
    let output = try_build(&fixture("unknown-key"), &out.path().join("site"));
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(
            "content/policy.md:4:1: error[unknown-key]: unknown front matter key `review_dew`"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean `review_due`?"), "{err}");
}

#[test]
fn broken_links_and_anchors_name_file_and_line() {
    let out = tempfile::tempdir().unwrap();
    let output = try_build(&fixture("broken-links"), &out.path().join("site"));
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("content/_index.md:4:41: error[broken-link]: link `guide/nowhere.md` points to a page that does not exist"), "{err}");
    assert!(err.contains("content/guide/start.md:6:42: error[broken-anchor]: link `#second-steps` points to a heading that is not on this page"), "{err}");
    assert!(
        err.contains("content/guide/start.md:7:5: error[broken-anchor]"),
        "{err}"
    );
    assert!(
        err.contains("did you mean") || err.contains("the page has: #real-heading"),
        "{err}"
    );
    assert!(err.contains("3 error(s)"), "{err}");
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_for_byte() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    copy_dir(&fixture("valid"), &site);
    let out = root.path().join("out");
    let run = || try_build(&site, &out);
    assert!(run().status.success());
    let before: Vec<_> = files(&out)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(out.join(&f)).unwrap()))
        .collect();
    std::fs::write(
        site.join("content/strategy/vision.md"),
        "+++\ntitle = broken\n+++\n",
    )
    .unwrap();
    let failed = run();
    assert_eq!(failed.status.code(), Some(1));
    assert!(stderr(&failed).contains("previous output"));
    let after: Vec<_> = files(&out)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(out.join(&f)).unwrap()))
        .collect();
    assert_eq!(before, after);
    let leftovers: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "no staging folder left behind: {leftovers:?}"
    );
}

#[test]
fn unsafe_output_folders_are_refused_with_exit_2() {
    let site = fixture("valid");
    let refused = |output: &str| {
        let result = waymark(&[
            "build",
            "--site",
            site.to_str().unwrap(),
            "--output",
            output,
        ]);
        assert_eq!(
            result.status.code(),
            Some(2),
            "{output}: {}",
            stderr(&result)
        );
        stderr(&result)
    };
    assert!(refused(site.to_str().unwrap()).contains("site folder itself"));
    assert!(refused("/").contains("root"));
    assert!(refused(site.parent().unwrap().to_str().unwrap()).contains("contains the site folder"));

    let someone_elses = tempfile::tempdir().unwrap();
    std::fs::write(someone_elses.path().join("report.docx"), "precious").unwrap();
    let err = refused(someone_elses.path().to_str().unwrap());
    assert!(err.contains("waymark did not write"), "{err}");
    assert_eq!(
        std::fs::read(someone_elses.path().join("report.docx")).unwrap(),
        b"precious"
    );
}
