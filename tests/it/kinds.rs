//! News, events, 7-minute briefings and downloads, as a reader and an editor meet them: built from
//! `tests/fixtures/kinds/` (with news posts added by the tests) with the real binary, and
//! read back with an HTML parser, an Atom parser, an iCalendar parser and a PDF reader.

use std::path::{Path, PathBuf};

use crate::common::{TODAY, copy_dir, fixture, page, select, stderr, stdout, text, waymark};

/// Posts the tests add to the news: one more page than a list page holds, over two years.
const POSTS: usize = 23;

/// A copy of the fixture with `POSTS` news posts, twenty days apart from 1 November 2026 back
/// into 2025. Its `toolkit/forms/` holds three PDFs: tagged (2 pages), untagged (3 pages) and
/// broken.
fn kinds_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site-src");
    copy_dir(&fixture("kinds"), &site);
    let first = jiff::civil::date(2026, 11, 1);
    for i in 0..POSTS {
        let date = first
            .checked_sub(jiff::Span::new().days(20 * i as i64))
            .unwrap();
        std::fs::write(
            site.join(format!("content/news/post-{i:02}.md")),
            format!(
                "+++\ntitle = \"Post {i:02}\"\nsummary = \"Summary {i:02}.\"\ndate = {date}\n+++\nText of post {i:02}.\n"
            ),
        )
        .unwrap();
    }
    (dir, site)
}

/// Builds `site` as on `today` into a new folder under `dir`.
fn build_on(site: &Path, out: &Path, today: &str) {
    let output = waymark(&[
        "build",
        "--site",
        site.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--today",
        today,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
}

/// Builds the kinds site as on the tests' day; returns the folder holding `site/`.
fn built() -> tempfile::TempDir {
    let (dir, site) = kinds_site();
    build_on(&site, &dir.path().join("site"), TODAY);
    dir
}

fn texts(html: &scraper::Html, selector: &str) -> Vec<String> {
    select(html, selector).iter().map(text).collect()
}

fn hrefs(html: &scraper::Html, selector: &str) -> Vec<String> {
    select(html, selector)
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect()
}

#[test]
fn news_is_newest_first_in_pages_of_twenty_with_an_archive_by_year() {
    let out = built();
    let first = page(out.path(), "news/index.html");
    let titles = texts(&first, ".wm-news-list__link");
    let expected: Vec<String> = (0..20).map(|i| format!("Post {i:02}")).collect();
    assert_eq!(titles, expected, "newest first, twenty to a page");
    assert_eq!(
        texts(&first, ".wm-news-list__date")[0],
        "1 November 2026",
        "each post shows its date"
    );
    // Page links name files, relative to the page, and lead where they say.
    let pages = hrefs(&first, ".wm-pagination a");
    assert!(
        pages.contains(&"../news/page-2.html".to_string()),
        "{pages:?}"
    );
    assert!(
        hrefs(&first, ".wm-pagination a[rel=next]") == ["../news/page-2.html"],
        "{pages:?}"
    );
    let second = page(out.path(), "news/page-2.html");
    assert_eq!(
        texts(&second, ".wm-news-list__link"),
        ["Post 20", "Post 21", "Post 22"]
    );
    assert_eq!(
        hrefs(&second, ".wm-pagination a[rel=prev]"),
        ["../news/index.html"]
    );
    assert!(select(&second, ".wm-pagination a[rel=next]").is_empty());
    assert_eq!(texts(&second, ".wm-pagination a[aria-current=page]"), ["2"]);
    assert!(!out.path().join("site/news/page-3.html").exists());
    // Twenty days apart from 1 November 2026: posts 0 to 15 are in 2026, 16 to 22 in 2025.
    let years = texts(&first, ".wm-news-years__list a");
    assert_eq!(years, ["2026", "2025"]);
    let archive = page(out.path(), "news/2025.html");
    let titles = texts(&archive, ".wm-news-list__link");
    assert_eq!(titles.len(), 7, "{titles:?}");
    assert_eq!(titles[0], "Post 16");
    assert_eq!(texts(&archive, "h1"), ["News from 2025"]);
    assert_eq!(
        texts(&page(out.path(), "news/2026.html"), ".wm-news-list__link").len(),
        16
    );
    // A post shows when it was published.
    let post = page(out.path(), "news/post-03.html");
    assert_eq!(texts(&post, ".wm-news-date time"), ["2 September 2026"]);
}

#[test]
fn the_news_feed_lists_posts_newest_first() {
    let out = built();
    let xml = std::fs::read(out.path().join("site/news.xml")).unwrap();
    let feed = feed_rs::parser::parse(&xml[..]).expect("valid Atom");
    let titles: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.title.clone().unwrap().content)
        .collect();
    assert_eq!(titles.len(), POSTS);
    assert_eq!(titles[0], "Post 00");
    assert_eq!(
        feed.entries[0].links[0].href,
        "https://kinds.example.org/news/post-00.html"
    );
    let home = std::fs::read_to_string(out.path().join("site/index.html")).unwrap();
    assert!(home.contains("href=\"news.xml\""), "pages name the feed");
}

#[test]
fn the_home_page_shows_most_used_the_latest_news_and_the_next_events() {
    let out = built();
    let home = page(out.path(), "index.html");
    assert_eq!(
        texts(&home, "#home-news ~ ul a"),
        ["Post 00", "Post 01", "Post 02"]
    );
    assert_eq!(
        texts(&home, "#home-events ~ ul a"),
        [
            "Talk on the day",
            "Winter course; with commas, and semicolons",
            "Summer conference"
        ],
        "soonest first, from the build's day"
    );
    assert_eq!(texts(&home, "#home-most-used ~ ul a"), ["Safety plan"]);
    assert_eq!(
        hrefs(&home, "#home-most-used ~ ul a"),
        ["toolkit/plan.html"]
    );
}

#[test]
fn events_are_upcoming_or_past_by_the_builds_day() {
    let (dir, site) = kinds_site();
    let on = |today: &str| {
        let out = dir.path().join(today);
        build_on(&site, &out.join("site"), today);
        let list = page(&out, "events/index.html");
        let past = page(&out, "events/past.html");
        (
            texts(&list, ".wm-event-list__link"),
            texts(&past, ".wm-event-list__link"),
        )
    };
    let (upcoming, past) = on(TODAY);
    assert_eq!(
        upcoming,
        [
            "Talk on the day",
            "Winter course; with commas, and semicolons",
            "Summer conference"
        ]
    );
    assert_eq!(past, ["Autumn workshop"]);
    // A rebuild on a later day is all it takes to move events to the past, newest first.
    let (upcoming, past) = on("2027-02-01");
    assert_eq!(upcoming, ["Summer conference"]);
    assert_eq!(
        past,
        [
            "Winter course; with commas, and semicolons",
            "Talk on the day",
            "Autumn workshop"
        ]
    );
    let out = dir.path().join("2027-02-01");
    let finished = page(&out, "events/winter-course.html");
    assert_eq!(
        texts(&finished, ".wm-event-ended strong"),
        ["This event has finished."]
    );
    assert!(
        select(&finished, "a.wm-button").is_empty(),
        "no booking button once it has finished"
    );
    let open = page(&dir.path().join(TODAY), "events/winter-course.html");
    assert_eq!(
        hrefs(&open, "a.wm-button"),
        ["https://kinds.example.org/book"]
    );
    assert_eq!(
        texts(&open, ".wm-event-facts dd")[..2],
        ["Tuesday 12 January 2027", "9:30am to 12:30pm"]
    );
}

#[test]
fn event_calendars_parse_with_uk_times_in_utc() {
    use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike};
    let out = built();
    let read = |path: &str| std::fs::read_to_string(out.path().join("site").join(path)).unwrap();
    let start_end = |event: &icalendar::Event| {
        let utc = |d: Option<DatePerhapsTime>| match d {
            Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t.to_rfc3339(),
            Some(DatePerhapsTime::Date(d)) => d.to_string(),
            other => panic!("expected UTC or a date, got {other:?}"),
        };
        (utc(event.get_start()), utc(event.get_end()))
    };

    let text = read("events/upcoming.ics");
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "lines folded at 75 octets"
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let calendar: Calendar = text.parse().expect("valid iCalendar");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    let summaries: Vec<_> = events.iter().map(|e| e.get_summary().unwrap()).collect();
    assert_eq!(
        summaries,
        [
            "Talk on the day",
            "Winter course; with commas, and semicolons",
            "Summer conference"
        ],
        "upcoming only, soonest first, text unescaped as written"
    );
    // 09:30 in January is 09:30 UTC; in July, British Summer Time, it is 08:30 UTC.
    assert_eq!(
        start_end(events[1]),
        (
            "2027-01-12T09:30:00+00:00".into(),
            "2027-01-12T12:30:00+00:00".into()
        )
    );
    assert_eq!(
        start_end(events[2]),
        (
            "2027-07-12T08:30:00+00:00".into(),
            "2027-07-12T15:00:00+00:00".into()
        )
    );
    assert_eq!(events[2].get_location(), Some("Online"));
    assert!(
        text.contains("SUMMARY:Winter course\\; with commas\\, and semicolons\r\n"),
        "TEXT values escaped"
    );
    assert!(events.iter().all(|e| e.get_uid().is_some()));

    // Each event has a calendar of its own, past ones too; whole days are dates, the end the
    // day after the last.
    let autumn: Calendar = read("events/autumn-workshop.ics").parse().unwrap();
    let event = autumn.components[0].as_event().unwrap();
    assert_eq!(start_end(event), ("2026-11-20".into(), "2026-11-22".into()));
    let event_page = page(out.path(), "events/autumn-workshop.html");
    assert_eq!(
        hrefs(&event_page, ".wm-event-calendar a"),
        ["../events/autumn-workshop.ics"]
    );
}

#[test]
fn downloads_are_listed_with_type_size_pages_and_tags() {
    let out = built();
    let toolkit = page(out.path(), "toolkit/index.html");
    let titles = texts(&toolkit, ".wm-download__link");
    assert_eq!(
        titles,
        [
            "Broken",
            "Guide",
            "Log",
            "Old leaflet",
            "Safety plan (Word)",
            "Referral"
        ],
        "files in toolkit/forms/ are listed on the toolkit page, by file"
    );
    let meta = texts(&toolkit, ".wm-download .wm-attachment__meta");
    assert_eq!(meta[1], "PDF, 1 KB, 2 pages");
    // log.csv is 2,315 bytes: sizes round up to whole kilobytes, as GOV.UK attachments do.
    assert_eq!(meta[2], "CSV spreadsheet, 3 KB");
    assert_eq!(meta[3], "PDF, 1 KB, 3 pages, not accessible");
    assert_eq!(meta[0], "PDF, 1 KB, could not be checked");
    assert_eq!(
        hrefs(&toolkit, ".wm-download__link")[4],
        "../toolkit/forms/plan.docx"
    );
    assert!(out.path().join("site/toolkit/forms/plan.docx").is_file());
    assert_eq!(
        texts(&toolkit, ".wm-download__alternative a"),
        ["Safety plan"],
        "the declared alternative is linked"
    );

    let documents = page(out.path(), "documents.html");
    let all = texts(&documents, ".wm-download__link");
    assert!(all.contains(&"Guide".to_string()), "{all:?}");
    assert!(
        all.contains(&"Missed appointments".to_string()),
        "the briefing's PDF is a document too: {all:?}"
    );
    let footer = hrefs(&documents, ".wm-footer a");
    assert!(footer.contains(&"documents.html".to_string()), "{footer:?}");
}

#[test]
fn check_warns_on_untagged_pdfs_word_files_without_alternatives_and_events() {
    let (_dir, site) = kinds_site();
    let output = waymark(&[
        "check",
        "--site",
        site.to_str().unwrap(),
        "--format",
        "json",
        "--today",
        TODAY,
    ]);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).unwrap();
    let found = |rule: &str| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f["rule"] == rule)
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        found("untagged-pdf"),
        [
            "content/toolkit/forms/broken.pdf",
            "content/toolkit/forms/old-leaflet.pdf"
        ]
    );
    assert_eq!(
        found("word-alternative"),
        ["content/toolkit/forms/referral.docx"],
        "plan.docx names plan.md as its alternative"
    );
    assert_eq!(found("event-booking"), ["content/events/today-talk.md"]);
    assert_eq!(found("event-passed"), ["content/events/autumn-workshop.md"]);
    assert_eq!(output.status.code(), Some(0), "warnings only");
}

#[cfg(feature = "pdf")]
#[test]
fn each_briefing_has_a_tagged_pdf_of_one_or_two_pages() {
    let (dir, site) = kinds_site();
    // A second briefing far too long for two pages.
    let long_text = "Practitioners followed up each missed appointment with a call. ".repeat(40);
    let sections: String = (1..=6)
        .map(|n| format!("## Section {n}\n\n{long_text}\n\n{long_text}\n\n"))
        .collect();
    std::fs::write(
        site.join("content/briefings/too-long.md"),
        format!(
            "+++\ntitle = \"Too long\"\nsource_review = \"Review\"\nowner = \"Group\"\nversion = \"1.0\"\n\
             approved = 2026-09-01\npublished = 2026-10-01\nreview_due = \"2027-10\"\n+++\n{sections}"
        ),
    )
    .unwrap();
    let out = dir.path().join("site");
    let output = waymark(&[
        "build",
        "--site",
        site.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let messages = stderr(&output);
    assert!(
        messages.contains("content/briefings/too-long.md: warning[briefing-length]"),
        "{messages}"
    );
    let bytes = std::fs::read(out.join("briefings/missed-appointments.pdf")).unwrap();
    match waymark::downloads::PdfFacts::of(&bytes) {
        waymark::downloads::PdfFacts::Read { pages, tagged } => {
            assert!(tagged, "the briefing's PDF is tagged");
            assert!((1..=2).contains(&pages), "{pages} pages");
        }
        other => panic!("{other:?}"),
    }
    let briefing = page(dir.path(), "briefings/missed-appointments.html");
    assert_eq!(
        hrefs(&briefing, ".wm-page-packs a"),
        ["../briefings/missed-appointments.pdf"]
    );
    assert_eq!(
        texts(&briefing, ".wm-briefing__source"),
        ["Learning from: Testshire review: Child T (fictional)"]
    );
    assert!(
        !out.join("packs.html").exists(),
        "briefings alone make no packs page"
    );
}

#[test]
fn waymark_new_starts_news_briefings_and_events_that_build_and_check_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert!(
        waymark(&["init", site.to_str().unwrap()]).status.success(),
        "init"
    );
    for (kind, title, path) in [
        (
            "news",
            "Champions network",
            "content/news/champions-network.md",
        ),
        (
            "briefing",
            "Missed appointments",
            "content/briefings/missed-appointments.md",
        ),
        (
            "event",
            "Neglect workshop",
            "content/events/neglect-workshop.md",
        ),
    ] {
        let output = waymark(&["new", kind, title, "--site", site.to_str().unwrap()]);
        assert!(output.status.success(), "{kind}: {}", stderr(&output));
        assert!(site.join(path).is_file(), "{path}");
    }
    let output = waymark(&["check", "--site", site.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let review = waymark(&["review", "--site", site.to_str().unwrap()]);
    let schedule = stdout(&review);
    assert!(
        schedule.contains("content/briefings/missed-appointments.md"),
        "a briefing has a review date: {schedule}"
    );
    assert!(
        !schedule.contains("content/news/") && !schedule.contains("content/events/"),
        "news and events are not reviewed: {schedule}"
    );
}

#[test]
fn content_cannot_take_the_place_of_a_list_page_or_calendar() {
    let (_dir, site) = kinds_site();
    std::fs::write(
        site.join("content/news/2026.md"),
        "+++\ntitle = \"The year\"\ndate = 2026-01-01\n+++\nText.\n",
    )
    .unwrap();
    std::fs::write(
        site.join("content/events/winter-course.ics"),
        "BEGIN:VCALENDAR",
    )
    .unwrap();
    let output = waymark(&["check", "--site", site.to_str().unwrap(), "--today", TODAY]);
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(
        report.contains("content/news/2026.md: error[output-clash]"),
        "{report}"
    );
    assert!(
        report.contains("content/events/winter-course.ics: error[output-clash]"),
        "{report}"
    );
}

#[test]
fn kind_front_matter_mistakes_stop_the_build_at_their_line() {
    let (_dir, site) = kinds_site();
    std::fs::write(
        site.join("content/events/broken.md"),
        "+++\ntitle = \"Broken\"\nstart = 2027-02-10T09:30:00\n+++\nText.\n",
    )
    .unwrap();
    std::fs::write(
        site.join("content/news/undated.md"),
        "+++\ntitle = \"Undated\"\nbookng_url = \"x\"\n+++\nText.\n",
    )
    .unwrap();
    let output = waymark(&["check", "--site", site.to_str().unwrap(), "--today", TODAY]);
    let report = stdout(&output);
    assert!(
        report.contains("content/events/broken.md:3:9: error[front-matter]: the event has a start time but no end"),
        "{report}"
    );
    assert!(
        report.contains("content/news/undated.md:3:1: error[unknown-key]"),
        "{report}"
    );
    assert!(report.contains("did you mean `booking_url`?"), "{report}");
}
