//! The site's change log: every non-minor `[[changes]]` entry, newest first, for the
//! "What's changed" page and the Atom feed practitioners subscribe to.

use std::collections::HashMap;

use serde::Serialize;

use super::context::DateView;
use crate::content::{DocDate, PageKind, Site};
use crate::util::html::escape_attr;

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
}

/// Every change that needs a notice (not `minor`), newest first; ties by title for stable output.
pub fn site_changes(site: &Site) -> Vec<ChangeEntry> {
    let mut entries: Vec<ChangeEntry> = site
        .pages
        .iter()
        .flat_map(|page| {
            page.front
                .changes
                .iter()
                .filter(|c| !c.minor)
                .map(move |c| ChangeEntry {
                    date: c.date.into(),
                    sort_date: c.date,
                    summary: c.summary.clone(),
                    title: page.front.title.clone(),
                    url: page.url.clone(),
                    kind: page.kind,
                    kind_label: page.kind.label(),
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
    let updated = entries
        .first()
        .map(|e| e.sort_date.first_day().to_string())
        .unwrap_or_else(|| "1970-01-01".into());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
    xml.push_str(&escape_attr(&config.language));
    xml.push_str("\">\n");
    push_element(
        &mut xml,
        "  ",
        "title",
        &format!("What's changed – {}", config.title),
    );
    if let Some(description) = &config.description {
        push_element(&mut xml, "  ", "subtitle", description);
    }
    push_element(&mut xml, "  ", "id", &format!("{base_url}changes.xml"));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}changes.xml\"/>\n",
        escape_attr(base_url)
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}changes.html\"/>\n",
        escape_attr(base_url)
    ));
    push_element(&mut xml, "  ", "updated", &format!("{updated}T00:00:00Z"));
    xml.push_str("  <author><name>");
    xml.push_str(&escape_attr(config.partnership_name()));
    xml.push_str("</name></author>\n");
    xml.push_str("  <generator>waymark</generator>\n");
    // How many entries of the same page and day came before, for stable ids: counted as the
    // entries go by, so a feed of thousands of changes stays linear.
    let mut seen: HashMap<(&str, _), usize> = HashMap::new();
    for entry in entries {
        let url = format!("{base_url}{}", entry.url);
        let day = entry.sort_date.first_day();
        xml.push_str("  <entry>\n");
        push_element(
            &mut xml,
            "    ",
            "title",
            &format!("{}: {}", entry.title, entry.summary),
        );
        // Stable ids: the page, the date and the entry's place among that page's changes that day.
        let count = seen
            .entry((entry.url.as_str(), entry.sort_date))
            .or_insert(0);
        let same_day_before = *count;
        *count += 1;
        push_element(
            &mut xml,
            "    ",
            "id",
            &format!("{url}#change-{day}-{same_day_before}"),
        );
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_attr(&url)
        ));
        push_element(&mut xml, "    ", "updated", &format!("{day}T00:00:00Z"));
        push_element(&mut xml, "    ", "summary", &entry.summary);
        xml.push_str(&format!("    <category term=\"{}\"/>\n", entry.kind_label));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

fn push_element(xml: &mut String, indent: &str, name: &str, text: &str) {
    xml.push_str(&format!("{indent}<{name}>{}</{name}>\n", escape_attr(text)));
}
