//! The demo site (this repository's own content/) is what a new user sees first: it must build
//! cleanly and keep at least the documents a partnership's neglect guidance needs.

use waymark::content::{DocControl, LoadOptions, PageKind, load};

use crate::common;

fn demo() -> waymark::content::Site {
    load(&common::demo_site(), LoadOptions::default()).expect("the demo site loads")
}

#[test]
fn the_demo_site_builds_without_errors() {
    let out = common::build(&common::demo_site());
    assert!(out.path().join("site/index.html").is_file());
    // A Day in my life template has the same three h3s under every stage of the day: its
    // contents list shows the stages only.
    let html = common::page(out.path(), "toolkit/day-in-my-life-baby.html");
    let entries: Vec<String> = common::select(&html, ".wm-contents a")
        .iter()
        .map(common::text)
        .collect();
    assert!(entries.contains(&"Morning".to_string()), "{entries:?}");
    assert!(
        common::select(&html, ".wm-contents__item--3").is_empty(),
        "{entries:?}"
    );
}

#[test]
fn the_demo_site_checks_without_errors() {
    let output = common::waymark(&[
        "check",
        "--site",
        common::demo_site().to_str().unwrap(),
        "--today",
        common::TODAY,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stdout(&output));
    assert!(
        !common::stdout(&output).contains(": error["),
        "{}",
        common::stdout(&output)
    );
}

#[test]
fn the_demo_site_has_enough_documents_of_each_kind() {
    let site = demo();
    let count = |kind: PageKind| {
        site.pages
            .iter()
            .filter(|p| p.kind == kind && !p.is_section)
            .count()
    };
    assert!(
        count(PageKind::Strategy) >= 8,
        "strategy chapters: {}",
        count(PageKind::Strategy)
    );
    assert!(
        count(PageKind::Definition) >= 35,
        "definitions: {}",
        count(PageKind::Definition)
    );
    assert!(
        count(PageKind::Signpost) >= 15,
        "signposting entries: {}",
        count(PageKind::Signpost)
    );
    assert!(
        count(PageKind::Toolkit) >= 9,
        "toolkit documents: {}",
        count(PageKind::Toolkit)
    );
    for about in [
        "accessibility.md",
        "how-to-use.md",
        "contact.md",
        "disclaimer.md",
    ] {
        assert!(
            site.page_by_source(&format!("about/{about}")).is_some(),
            "about/{about}"
        );
    }
}

#[test]
fn strategy_and_toolkit_pages_carry_full_document_control() {
    let site = demo();
    for page in site
        .pages
        .iter()
        .filter(|p| p.kind.needs_document_control())
    {
        let missing = DocControl::of(page).missing_fields();
        assert!(
            missing.is_empty(),
            "{} lacks {missing:?}",
            page.file.display()
        );
        assert!(
            !page.front.changes.is_empty(),
            "{} has no change history",
            page.file.display()
        );
    }
}

#[test]
fn the_required_definitions_exist() {
    let site = demo();
    let terms: Vec<String> = site
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Definition && !p.is_section)
        .flat_map(|p| {
            let mut names = vec![p.term().to_lowercase()];
            names.extend(p.front.aliases.iter().map(|a| a.to_lowercase()));
            names.extend(p.front.abbreviation.iter().map(|a| a.to_lowercase()));
            names
        })
        .collect();
    for required in [
        "neglect",
        "medical neglect",
        "nutritional neglect",
        "emotional neglect",
        "educational neglect",
        "physical neglect",
        "lack of supervision",
        "lived experience",
        "chronology",
        "gcp",
        "disguised compliance",
        "start again syndrome",
        "rule of optimism",
        "drift and delay",
        "cumulative harm",
        "early help",
        "eha",
        "taf",
        "cin",
        "child protection plan",
        "plo",
        "serious case review",
        "child safeguarding practice review",
        "signs of safety",
        "genogram",
        "sdq",
        "clutter image rating",
        "faltering growth",
        "lscb",
        "threshold document",
        "attachment",
        "protective factors",
        "resilience",
        "escalation",
        "neglect practice champion",
    ] {
        assert!(
            terms.iter().any(|t| t == required),
            "no definition for {required}"
        );
    }
    let day_in_my_life: Vec<_> = site
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Toolkit && p.source.contains("day-in-my-life"))
        .collect();
    assert!(
        day_in_my_life.len() >= 6,
        "Day in my life templates: {}",
        day_in_my_life.len()
    );
    assert!(
        day_in_my_life.iter().all(|p| p.body().contains("```form")),
        "templates use form blocks"
    );
}

#[test]
fn signposting_entries_say_where_who_and_when_checked() {
    let site = demo();
    for page in site
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Signpost && !p.is_section)
    {
        let f = &page.front;
        assert!(
            f.url.is_some() && f.provider.is_some() && f.format.is_some(),
            "{}",
            page.file.display()
        );
        assert!(
            !f.audience.is_empty() && f.last_checked.is_some(),
            "{}",
            page.file.display()
        );
    }
}
