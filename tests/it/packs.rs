//! Printable packs: the print-ready HTML page of each pack, and its links from the site.

use std::collections::BTreeSet;

use crate::common::*;

#[test]
fn pack_page_holds_every_document_with_unique_ids() {
    let out = build(&fixture("valid"));
    let html = page(out.path(), "packs/strategy/index.html");
    let titles: Vec<String> = select(&html, "article.wm-pack-doc > h2")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        titles.len(),
        3,
        "section intro, vision, neglect: {titles:?}"
    );
    assert!(titles[0].ends_with("Strategy"));
    assert!(titles[1].ends_with("Our vision"));
    assert!(titles[2].ends_with("Neglect"));

    let ids: Vec<String> = select(&html, "[id]")
        .iter()
        .map(|e| e.value().attr("id").unwrap().to_string())
        .collect();
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique in the pack");
    // Headings sit one level below the document title.
    assert!(select(&html, ".wm-pack-doc .wm-body h2").is_empty());
    assert!(!select(&html, ".wm-pack-doc .wm-body h3").is_empty());
}

#[test]
fn links_between_included_pages_become_in_pack_anchors() {
    let out = build(&fixture("valid"));
    let html = page(out.path(), "packs/strategy/index.html");
    let ids: BTreeSet<String> = select(&html, "[id]")
        .iter()
        .map(|e| e.value().attr("id").unwrap().to_string())
        .collect();
    let in_pack_sources = [
        "strategy/index.html",
        "strategy/vision.html",
        "definitions/neglect.html",
    ];
    for a in select(&html, "main a") {
        let href = a.value().attr("href").unwrap();
        if let Some(anchor) = href.strip_prefix('#') {
            assert!(ids.contains(anchor), "{href} points into the pack");
            continue;
        }
        for source in in_pack_sources {
            assert!(
                !href.ends_with(source) && !href.contains(&format!("{source}#")),
                "{href} should be an in-pack anchor"
            );
        }
    }
    // The vision page links the neglect definition, which is in the pack.
    let vision_links: Vec<String> = select(&html, "#doc-strategy-vision a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(
        vision_links.contains(&"#doc-definitions-neglect".to_string()),
        "{vision_links:?}"
    );
    // A same-page anchor keeps pointing at its own document's heading.
    assert!(
        vision_links.contains(&"#doc-strategy-vision--why-neglect-matters".to_string()),
        "{vision_links:?}"
    );
}

#[test]
fn pages_in_a_pack_link_to_it_and_the_packs_page_lists_it() {
    let out = build(&fixture("valid"));
    let vision = page(out.path(), "strategy/vision.html");
    let links: Vec<String> = select(&vision, ".wm-page-packs a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links[0], "../packs/strategy/index.html");
    let packs = page(out.path(), "packs.html");
    assert_eq!(
        text(&select(&packs, "h2.wm-attachment__title")[0]),
        "Strategy pack"
    );
    let home = page(out.path(), "index.html");
    assert!(select(&home, "footer a[href='packs.html']").len() == 1);
    // The Documents page lists the pack with the site's other documents.
    let documents = page(out.path(), "documents.html");
    let listed: Vec<String> = select(&documents, "#documents-packs ~ ul .wm-download__link")
        .iter()
        .map(text)
        .collect();
    assert_eq!(listed, ["Strategy pack"]);
}

#[test]
fn a_pack_naming_a_missing_page_is_an_error_with_a_hint() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    std::fs::create_dir_all(site.join("content")).unwrap();
    std::fs::write(
        site.join("content/_index.md"),
        "+++\ntitle = \"Home\"\n+++\n",
    )
    .unwrap();
    std::fs::write(
        site.join("content/chronology.md"),
        "+++\ntitle = \"Chronology\"\n+++\nText.\n",
    )
    .unwrap();
    std::fs::write(
        site.join("waymark.toml"),
        "title = \"T\"\n[[packs]]\nslug = \"p\"\ntitle = \"P\"\ninclude = [\"cronology.md\"]\n",
    )
    .unwrap();
    let output = try_build(&site, &root.path().join("out"));
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("pack `p` includes `cronology.md`"), "{err}");
    assert!(err.contains("did you mean `chronology.md`?"), "{err}");
}

#[cfg(feature = "pdf")]
#[test]
fn every_demo_pack_is_a_tagged_pdf_with_its_documents_and_page_numbers() {
    use waymark::content::{LoadOptions, load};
    let out = build(&demo_site());
    let site = load(&demo_site(), LoadOptions::default()).unwrap();
    // The packs the site defines; each briefing's own PDF is checked by tests/kinds.rs.
    let packs: Vec<_> = waymark::packs::resolve(&site)
        .unwrap()
        .into_iter()
        .filter(|p| !p.is_briefing())
        .collect();
    assert!(packs.len() >= 3, "the demo defines at least three packs");
    let packs_page = page(out.path(), "packs.html");
    for pack in &packs {
        let pdf = out.path().join("site").join(pack.pdf_url());
        assert!(pdf.is_file(), "{} exists", pack.pdf_url());
        let Some(info) = poppler("pdfinfo", &[pdf.to_str().unwrap()]) else {
            return;
        };
        let field = |name: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(&format!("{name}:")))
                .map(|v| v.trim().to_string())
                .unwrap_or_default()
        };
        assert_eq!(field("Tagged"), "yes", "{}", pack.slug);
        assert_eq!(field("Title"), pack.title);
        let pages: usize = field("Pages").parse().unwrap();
        // A cover, a contents page, then at least one page per document, definitions excepted
        // (they run on together as a glossary).
        let standalone = pack
            .documents
            .iter()
            .filter(|&&id| site.pages[id].kind != waymark::content::PageKind::Definition)
            .count();
        assert!(
            pages >= 2 + standalone.max(1),
            "{}: {pages} pages for {standalone} documents",
            pack.slug
        );

        let pdf_text = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]).unwrap();
        let flat = pdf_text.split_whitespace().collect::<Vec<_>>().join(" ");
        for &id in &pack.documents {
            let title = site.pages[id]
                .front
                .title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                flat.contains(&title),
                "{}: title {title:?} in the PDF",
                pack.slug
            );
        }
        assert!(flat.contains("Page 1 of"), "{}: page numbers", pack.slug);
        assert!(
            flat.contains("Printed copies may be out of date"),
            "{}: footer",
            pack.slug
        );

        // The site lists it GOV.UK style: "PDF, 412 KB, 24 pages".
        let listed = select(&packs_page, &format!("a[href='{}']", pack.pdf_url()));
        assert_eq!(listed.len(), 1, "{} listed", pack.slug);
        let meta = text(
            &listed[0]
                .parent()
                .map(scraper::ElementRef::wrap)
                .unwrap()
                .unwrap(),
        );
        assert!(meta.contains(&format!("{pages} pages")), "{meta}");
    }
}

#[cfg(feature = "pdf")]
#[test]
fn text_the_pdf_cannot_make_accessible_fails_the_build_naming_the_file() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    std::fs::create_dir_all(site.join("content")).unwrap();
    std::fs::write(
        site.join("content/_index.md"),
        "+++\ntitle = \"Home\"\n+++\n",
    )
    .unwrap();
    std::fs::write(
        site.join("content/leaflet.md"),
        "+++\ntitle = \"Leaflet\"\n+++\nA baby \u{1F476} needs care.\n",
    )
    .unwrap();
    std::fs::write(
        site.join("waymark.toml"),
        "title = \"T\"\n[[packs]]\nslug = \"p\"\ntitle = \"P\"\ninclude = [\"leaflet.md\"]\n",
    )
    .unwrap();
    let out = root.path().join("out");
    let output = try_build(&site, &out);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("content/leaflet.md"), "{err}");
    assert!(err.contains("pdf-accessibility"), "{err}");
    assert!(!out.exists(), "nothing published");
    // The site itself still builds when PDFs are skipped.
    let output = waymark(&[
        "build",
        "--site",
        site.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--no-pdf",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.join("packs/p/index.html").is_file() && !out.join("packs/p.pdf").exists());
}
