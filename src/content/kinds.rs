//! What each kind of page must say in its front matter to be listed: a news post its day, an
//! event when it starts and ends. Without them a post cannot take its place in the news, nor an
//! event in the calendar, so each is an error at the value (or the title) with what to write.

use super::event::EventWhen;
use super::{DocDate, Page, PageKind};
use crate::diagnostics::{Diagnostic, Position};

/// Every problem with the kind-specific front matter of `pages`.
pub(super) fn problems(pages: &[Page]) -> Vec<Diagnostic> {
    pages
        .iter()
        .filter(|p| !p.is_section && !p.synthetic)
        .flat_map(|page| match page.kind {
            PageKind::News => news_problems(page),
            PageKind::Event => event_problems(page),
            _ => Vec::new(),
        })
        .collect()
}

fn title_position(page: &Page) -> Position {
    match page.value_position("title", None) {
        Position::FILE => Position::new(1, 1),
        position => position,
    }
}

fn news_problems(page: &Page) -> Vec<Diagnostic> {
    match page.front.date {
        Some(DocDate::Day(_)) => Vec::new(),
        Some(DocDate::Month { .. }) => vec![
            Diagnostic::error(
                "front-matter",
                &page.file,
                page.value_position("date", None),
                "a news post's date needs a day, not only a month",
            )
            .with_hint("write the day it was published, such as date = 2026-11-02"),
        ],
        None => vec![
            Diagnostic::error(
                "front-matter",
                &page.file,
                title_position(page),
                "the news post has no date",
            )
            .with_hint(
                "add the day it was published, such as date = 2026-11-02: news is listed \
                 newest first",
            ),
        ],
    }
}

fn event_problems(page: &Page) -> Vec<Diagnostic> {
    match EventWhen::of(&page.front) {
        Ok(Some(_)) => Vec::new(),
        Ok(None) => vec![
            Diagnostic::error(
                "front-matter",
                &page.file,
                title_position(page),
                "the event has no start",
            )
            .with_hint(
                "add when it starts and ends, UK time: start = 2027-02-10T09:30:00 and \
                 end = 12:30:00 (or start = 2027-02-10 for a whole day)",
            ),
        ],
        Err(problem) => vec![
            Diagnostic::error(
                "front-matter",
                &page.file,
                page.value_position(problem.key, None),
                problem.message,
            )
            .with_hint(problem.hint),
        ],
    }
}

#[cfg(test)]
mod tests {
    use crate::content::{LoadOptions, load_site};

    fn problems(files: &[(&str, &str)]) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("waymark.toml"), "title = \"T\"\n").unwrap();
        for (path, text) in files {
            let file = dir.path().join("content").join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }
        let site = load_site(dir.path(), LoadOptions::default()).unwrap();
        site.problems
            .iter()
            .map(|d| format!("{} {}", d.location(), d.message))
            .collect()
    }

    #[test]
    fn news_needs_a_day_and_events_a_start_and_an_end() {
        let found = problems(&[
            (
                "news/dated.md",
                "+++\ntitle = \"Dated\"\ndate = 2026-11-02\n+++\nText.\n",
            ),
            ("news/undated.md", "+++\ntitle = \"Undated\"\n+++\nText.\n"),
            (
                "news/month.md",
                "+++\ntitle = \"Month\"\ndate = \"2026-11\"\n+++\nText.\n",
            ),
            ("news/_index.md", "+++\ntitle = \"News\"\n+++\n"),
            (
                "events/fine.md",
                "+++\ntitle = \"Fine\"\nstart = 2027-02-10T09:30:00\nend = 12:30:00\n+++\n",
            ),
            ("events/no-start.md", "+++\ntitle = \"No start\"\n+++\n"),
            (
                "events/backwards.md",
                "+++\ntitle = \"Backwards\"\nstart = 2027-02-10T09:30:00\nend = 08:30:00\n+++\n",
            ),
            ("about/plain.md", "+++\ntitle = \"Plain\"\n+++\n"),
        ]);
        assert_eq!(
            found,
            [
                "content/events/backwards.md:4:7 the event ends before it starts",
                "content/events/no-start.md:2:9 the event has no start",
                "content/news/month.md:3:8 a news post's date needs a day, not only a month",
                "content/news/undated.md:2:9 the news post has no date",
            ]
        );
    }
}
