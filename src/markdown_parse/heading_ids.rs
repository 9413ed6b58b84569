//! Heading ids: the one rule for turning a heading into an id, shared by the website, the
//! printed packs, the Word import and the sections a local site adds to a base page.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag};
use serde::Serialize;

use super::events::{Spanned, inner_text};
use crate::util::slug::slug;

/// An entry of the contents list: an h2 or h3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// Ids the page templates use; a heading never takes one of them.
pub(crate) const RESERVED_IDS: &[&str] = &[
    "main-content",
    "contents",
    "document-control",
    "page-history",
    "related-terms",
    "used-in",
    "other",
];

/// The id for a heading's text: its [`slug`], or `section` when it has no letters or digits.
/// "What is neglect?" becomes `what-is-neglect`.
pub(crate) fn heading_id(text: &str) -> String {
    let id = slug(text, &[]);
    if id.is_empty() {
        "section".to_string()
    } else {
        id
    }
}

/// Gives every heading a unique id (keeping ids the author set) and returns the h2/h3 list
/// and every id on the page.
pub(crate) fn assign_ids(events: &mut [Spanned<'_>]) -> (Vec<TocEntry>, Vec<String>) {
    let mut used: HashSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    // Ids the author wrote come first, so a generated id never takes one of them.
    for (event, _) in events.iter() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
            used.insert(id.to_string());
        }
    }
    let mut toc = Vec::new();
    let mut ids = Vec::new();
    for i in 0..events.len() {
        let Event::Start(Tag::Heading { level, id, .. }) = &events[i].0 else {
            continue;
        };
        let level = *level;
        let (text, _) = inner_text(events, i);
        let id = match id {
            Some(id) => id.to_string(),
            None => {
                let base = heading_id(&text);
                let mut candidate = base.clone();
                let mut n = 1;
                while used.contains(&candidate) || candidate.starts_with("wm-") {
                    candidate = format!("{base}-{n}");
                    n += 1;
                }
                used.insert(candidate.clone());
                if let Event::Start(Tag::Heading { id, .. }) = &mut events[i].0 {
                    *id = Some(CowStr::from(candidate.clone()));
                }
                candidate
            }
        };
        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
            toc.push(TocEntry {
                level: level as u8,
                id: id.clone(),
                title: text.trim().to_string(),
            });
        }
        ids.push(id);
    }
    (toc, ids)
}

#[cfg(test)]
mod tests {
    use super::super::events::{parse, to_html};
    use super::*;

    #[test]
    fn ids_are_lowercase_words_joined_by_hyphens() {
        assert_eq!(heading_id("What is neglect?"), "what-is-neglect");
        assert_eq!(
            heading_id("Horwath\u{2019}s six categories"),
            "horwaths-six-categories"
        );
        assert_eq!(heading_id("Pre-birth  (0\u{2013}1)"), "pre-birth-01");
        assert_eq!(heading_id("???"), "section");
    }

    #[test]
    fn duplicate_and_reserved_ids_get_numbers_and_author_ids_are_kept() {
        let mut events = parse(
            "## Morning\n\n## Morning\n\n## Main content\n\n### Types {#types}\n\n## Types\n",
        );
        let (toc, ids) = assign_ids(&mut events);
        assert_eq!(
            ids,
            ["morning", "morning-1", "main-content-1", "types", "types-1"]
        );
        assert_eq!(toc.len(), 5);
        assert_eq!(toc[3].level, 3);
        let html = to_html(events);
        assert!(html.contains(r#"<h2 id="morning-1">"#), "{html}");
    }

    #[test]
    fn contents_list_holds_only_h2_and_h3() {
        let mut events = parse("## A\n\n#### Deep\n\n### B\n");
        let (toc, ids) = assign_ids(&mut events);
        assert_eq!(
            toc.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(),
            ["A", "B"]
        );
        assert_eq!(ids.len(), 3);
    }
}
