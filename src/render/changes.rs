//! The site's change log: every non-minor `[[changes]]` entry, newest first, for the
//! "What's changed" page and the Atom feed practitioners subscribe to.

use std::collections::HashMap;

use serde::Serialize;

use super::context::DateView;
use crate::content::{DocDate, Layer, PageKind, Site};

/// One change to one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ChangeEntry {
    pub date: DateView,
    #[serde(skip)]
    pub sort_date: DocDate,
    pub summary: String,
    pub title: String,
    /// The page, from the site root.
    pub url: String,
    pub kind: PageKind,
    pub kind_label: &'static str,
    /// On a site built on a base: "Regional" for a change to the base's guidance, "Local" for
    /// one to the site's own.
    pub part: Option<&'static str>,
}

/// Every change that needs a notice (not `minor`), newest first; ties by title for stable output.
pub(crate) fn site_changes(site: &Site) -> Vec<ChangeEntry> {
    let layered = site.base.is_some();
    let mut entries: Vec<ChangeEntry> = site
        .pages
        .iter()
        .flat_map(|page| {
            let part = |layer: Layer| {
                layered.then_some(match layer {
                    Layer::Base => "Regional",
                    Layer::Local => "Local",
                })
            };
            let added = page
                .overlay
                .as_ref()
                .and_then(|o| o.addition.as_ref())
                .map(|a| a.front.changes.as_slice())
                .unwrap_or_default();
            page.front
                .changes
                .iter()
                .map(move |c| (c, part(page.layer)))
                .chain(added.iter().map(move |c| (c, part(Layer::Local))))
                .filter(|(c, _)| !c.minor)
                .map(move |(c, part)| ChangeEntry {
                    date: c.date.into(),
                    sort_date: c.date,
                    summary: c.summary.clone(),
                    title: page.front.title.clone(),
                    url: page.url.clone(),
                    kind: page.kind,
                    kind_label: page.kind.label(),
                    part,
                })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.sort_date
            .cmp(&a.sort_date)
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.summary.cmp(&b.summary))
    });
    entries
}

/// One entry of the Atom feed (`changes.xml`, rendered from the template of that name): a
/// change, its page's address from the site's `base_url`, and an id that stays the same from
/// build to build.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FeedEntry<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub url: String,
    /// The page, the day and the entry's place among that page's changes that day.
    pub id: String,
    /// The day of the change, `YYYY-MM-DD`.
    pub day: String,
    pub kind_label: &'static str,
    /// "Regional" or "Local" on a site built on a base.
    pub part: Option<&'static str>,
}

/// The feed's entries, in the order of `entries`, with absolute links from `base_url`.
pub(crate) fn feed_entries<'a>(base_url: &str, entries: &'a [ChangeEntry]) -> Vec<FeedEntry<'a>> {
    // How many entries of the same page and day came before, for stable ids: counted as the
    // entries go by, so a feed of thousands of changes stays linear.
    let mut seen: HashMap<(&str, DocDate), usize> = HashMap::new();
    entries
        .iter()
        .map(|entry| {
            let url = format!("{base_url}{}", entry.url);
            let day = entry.sort_date.first_day().to_string();
            let count = seen.entry((&entry.url, entry.sort_date)).or_insert(0);
            let id = format!("{url}#change-{day}-{count}");
            *count += 1;
            FeedEntry {
                title: &entry.title,
                summary: &entry.summary,
                url,
                id,
                day,
                kind_label: entry.kind_label,
                part: entry.part,
            }
        })
        .collect()
}

/// The feed's `updated`: the newest change, not the build time, so the same content gives the
/// same bytes.
pub(crate) fn feed_updated(entries: &[ChangeEntry]) -> String {
    entries
        .first()
        .map(|e| e.sort_date.first_day().to_string())
        .unwrap_or_else(|| "1970-01-01".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(url: &str, date: &str, summary: &str) -> ChangeEntry {
        let date = DocDate::parse(date).unwrap();
        ChangeEntry {
            date: date.into(),
            sort_date: date,
            summary: summary.into(),
            title: "T".into(),
            url: url.into(),
            kind: PageKind::Page,
            kind_label: "Page",
            part: None,
        }
    }

    #[test]
    fn feed_ids_count_a_pages_changes_on_the_same_day() {
        let entries = [
            entry("a.html", "2026-05-01", "two"),
            entry("a.html", "2026-05-01", "one"),
            entry("b.html", "2026-05-01", "other page"),
            entry("a.html", "2026-04-01", "earlier"),
        ];
        let ids: Vec<String> = feed_entries("https://x.example/", &entries)
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(
            ids,
            [
                "https://x.example/a.html#change-2026-05-01-0",
                "https://x.example/a.html#change-2026-05-01-1",
                "https://x.example/b.html#change-2026-05-01-0",
                "https://x.example/a.html#change-2026-04-01-0",
            ]
        );
        assert_eq!(feed_updated(&entries), "2026-05-01");
        assert_eq!(feed_updated(&[]), "1970-01-01");
    }
}
