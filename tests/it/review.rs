//! Keeping guidance current: review status on pages and in `waymark review` (every format), the
//! "What's changed" page and its Atom feed, each read back with a real parser.

use crate::common::{self, *};

fn review(format: &str, extra: &[&str]) -> String {
    let site = fixture("review");
    let mut args = vec![
        "review",
        "--site",
        site.to_str().unwrap(),
        "--format",
        format,
    ];
    args.extend_from_slice(extra);
    let output = waymark(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn pages_show_their_review_status_and_an_overdue_warning() {
    let out = build(&fixture("review"));
    let overdue = page(out.path(), "strategy/overdue.html");
    let warning = select(&overdue, ".wm-warning-text");
    assert_eq!(warning.len(), 1);
    let text = text(&warning[0]);
    assert!(text.contains("due for review on 31 October 2026"), "{text}");
    assert!(text.contains("may be out of date"), "{text}");
    assert!(text.contains("Quality Group"), "names the owner: {text}");
    assert_eq!(
        common::text(&select(&overdue, ".wm-tag")[0]),
        "Overdue for review"
    );

    let soon = page(out.path(), "strategy/soon.html");
    assert!(select(&soon, ".wm-warning-text").is_empty());
    assert_eq!(
        common::text(&select(&soon, ".wm-tag")[0]),
        "Review due soon"
    );

    let current = page(out.path(), "strategy/current.html");
    assert!(select(&current, ".wm-warning-text, .wm-tag").is_empty());
}

#[test]
fn minor_changes_do_not_move_last_updated() {
    let out = build(&fixture("review"));
    let html = page(out.path(), "strategy/current.html");
    let meta = common::text(&select(&html, ".wm-metadata")[0]);
    assert!(meta.contains("Last updated 2 March 2026"), "{meta}");
    let history: Vec<_> = select(&html, ".wm-history__list li")
        .iter()
        .map(common::text)
        .collect();
    assert_eq!(
        history.len(),
        3,
        "the full history, minor changes included: {history:?}"
    );
}

#[test]
fn table_lists_every_document_soonest_first() {
    let table = review("table", &[]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("Status"));
    let order: Vec<&str> = lines[1..]
        .iter()
        .map(|l| {
            l.split("  ")
                .find(|c| c.contains("chapter"))
                .unwrap()
                .trim()
        })
        .collect();
    assert_eq!(
        order,
        [
            "Overdue chapter",
            "Due soon chapter",
            "Current chapter",
            "Undated chapter"
        ]
    );
    assert!(lines[1].starts_with("Overdue for review"));
    assert!(lines[4].starts_with("No review date"));
}

#[test]
fn filters_by_period_owner_and_status() {
    let within = review("json", &["--within", "90d"]);
    let rows: serde_json::Value = serde_json::from_str(&within).unwrap();
    let titles: Vec<_> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Overdue chapter", "Due soon chapter"]);

    let owner = review("json", &["--owner", "quality"]);
    let rows: serde_json::Value = serde_json::from_str(&owner).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);

    let status = review("json", &["--status", "current", "--status", "no-date"]);
    let rows: serde_json::Value = serde_json::from_str(&status).unwrap();
    let statuses: Vec<_> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["current", "no-date"]);
}

#[test]
fn json_and_csv_carry_every_field() {
    let rows: serde_json::Value = serde_json::from_str(&review("json", &[])).unwrap();
    let first = &rows[0];
    assert_eq!(first["title"], "Overdue chapter");
    assert_eq!(first["owner"], "Quality Group");
    assert_eq!(first["version"], "1.2");
    assert_eq!(first["review_due"], "2026-10-31");
    assert_eq!(first["status"], "overdue");
    assert_eq!(first["file"], "content/strategy/overdue.md");

    let csv = review("csv", &[]);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "title,owner,version,review_due,status,file,url,base_drift"
    );
    assert_eq!(lines.len(), 5);
    assert_eq!(
        lines[2],
        "Due soon chapter,Neglect Strategy Group,1.2,2027-01,due-soon,content/strategy/soon.md,strategy/soon.html,"
    );
}

#[test]
fn ics_parses_with_one_all_day_event_per_review_date() {
    use icalendar::{Calendar, Component, DatePerhapsTime};
    let text = review("ics", &[]);
    assert!(text.lines().all(|l| l.len() <= 76), "folded lines");
    let calendar: Calendar = text.parse().expect("valid iCalendar");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), 3, "the undated document has no event");
    let first = events[0];
    assert_eq!(first.get_summary(), Some("Review due: Overdue chapter"));
    match first.get_start() {
        Some(DatePerhapsTime::Date(d)) => assert_eq!(d.to_string(), "2026-10-31"),
        other => panic!("expected an all-day date, got {other:?}"),
    }
    let description = first.get_description().unwrap();
    assert!(
        description.contains("Owner: Quality Group"),
        "{description}"
    );
    assert!(
        description.contains("File: content/strategy/overdue.md"),
        "{description}"
    );
    // A month-only review date falls due on the month's last day.
    match events[1].get_start() {
        Some(DatePerhapsTime::Date(d)) => assert_eq!(d.to_string(), "2027-01-31"),
        other => panic!("{other:?}"),
    }
    assert!(
        events
            .iter()
            .all(|e| e.get_uid().is_some() && e.get_timestamp().is_some())
    );
}

#[test]
fn atom_feed_parses_and_leaves_out_minor_changes() {
    let out = build(&fixture("review"));
    let xml = std::fs::read(out.path().join("site/changes.xml")).unwrap();
    let feed = feed_rs::parser::parse(&xml[..]).expect("valid Atom");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    let titles: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.title.clone().unwrap().content)
        .collect();
    assert_eq!(
        titles.len(),
        6,
        "two non-minor changes on each of three pages: {titles:?}"
    );
    assert!(titles.iter().all(|t| !t.contains("typo")), "{titles:?}");
    assert!(titles[0].contains("Rewrote"), "newest first: {titles:?}");
    for entry in &feed.entries {
        let href = &entry.links[0].href;
        assert!(
            href.starts_with("https://guidance.testshire.example/sub/strategy/"),
            "{href}"
        );
    }
    let ids: std::collections::BTreeSet<_> = feed.entries.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids.len(), feed.entries.len(), "ids are unique");

    let html = page(out.path(), "changes.html");
    let items: Vec<_> = select(&html, ".wm-changes__item")
        .iter()
        .map(common::text)
        .collect();
    assert_eq!(items.len(), 6);
    assert!(items[0].starts_with("2 March 2026"), "{items:?}");
}
