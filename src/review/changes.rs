//! The site's change log: every non-minor `[[changes]]` entry, newest first, for the
//! "What's changed" page and the Atom feed practitioners subscribe to.

use std::collections::HashMap;

use serde::Serialize;

use crate::content::{DocDate, Layer, PageKind, Site};
use crate::render::context::DateView;

/// One change to one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeEntry {
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
pub fn site_changes(site: &Site) -> Vec<ChangeEntry> {
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

/// An Atom 1.0 feed of `entries`. Links are absolute from `base_url`; the feed's `updated` is the
/// newest change, not the build time, so the same content gives the same bytes.
pub fn atom_feed(site: &Site, base_url: &str, entries: &[ChangeEntry]) -> String {
    let config = &site.config;
    let feed = crate::atom::Feed {
        title: format!("What's changed – {}", config.title),
        subtitle: config.description.as_deref(),
        language: &config.language,
        self_url: format!("{base_url}changes.xml"),
        page_url: format!("{base_url}changes.html"),
        updated: entries
            .first()
            .map(|e| e.sort_date.first_day().to_string())
            .unwrap_or_else(|| "1970-01-01".into()),
        author: config.partnership_name(),
    };
    // How many entries of the same page and day came before, for stable ids: counted as the
    // entries go by, so a feed of thousands of changes stays linear.
    let mut seen: HashMap<(&str, _), usize> = HashMap::new();
    let items: Vec<crate::atom::Entry> = entries
        .iter()
        .map(|entry| {
            let url = format!("{base_url}{}", entry.url);
            let day = entry.sort_date.first_day();
            // Stable ids: the page, the date and the entry's place among that page's changes
            // that day.
            let count = seen
                .entry((entry.url.as_str(), entry.sort_date))
                .or_insert(0);
            let same_day_before = *count;
            *count += 1;
            crate::atom::Entry {
                title: match entry.part {
                    Some(part) => format!("{}: {part}: {}", entry.title, entry.summary),
                    None => format!("{}: {}", entry.title, entry.summary),
                },
                id: format!("{url}#change-{day}-{same_day_before}"),
                url,
                updated: day.to_string(),
                summary: Some(entry.summary.clone()),
                category: entry.kind_label,
            }
        })
        .collect();
    crate::atom::write(&feed, &items)
}
