//! From the built site to the search index's inputs: one search document per page section (split
//! at h2/h3, linked to the heading's anchor) and the glossary entries that drive synonyms and the
//! definition answer.

use std::borrow::Cow;

use super::{GlossaryEntry, SearchDocument};
use crate::content::{PageKind, Site};
use crate::markdown::TextSection;

/// The kind name the search client shows ("Definition", "Strategy") is derived from this id.
fn kind_id(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Strategy => "strategy",
        PageKind::Definition => "definition",
        PageKind::Toolkit => "toolkit",
        PageKind::Signpost => "signposting",
        PageKind::News => "news",
        PageKind::Briefing => "briefing",
        PageKind::Event => "event",
        PageKind::Home | PageKind::Section | PageKind::Page => "page",
    }
}

/// Search documents for one page from its text sections.
pub fn page_documents<'a>(
    site: &'a Site,
    id: usize,
    sections: &'a [TextSection],
    terms: &dyn Fn(&TextSection) -> Vec<String>,
) -> Vec<SearchDocument<'a>> {
    let page = &site.pages[id];
    if page.synthetic {
        return Vec::new();
    }
    let mut docs: Vec<SearchDocument> = sections
        .iter()
        .filter(|s| s.heading.is_some() || !s.text.is_empty())
        .map(|s| SearchDocument {
            url: match &s.anchor {
                Some(anchor) => format!("{}#{anchor}", page.url),
                None => page.url.clone(),
            },
            page_title: Cow::Borrowed(&page.front.title),
            section: s.heading.as_deref().map(Cow::Borrowed),
            kind: Cow::Borrowed(kind_id(page.kind)),
            headings: Cow::Borrowed(&s.subheadings),
            body: Cow::Borrowed(&s.text),
            terms: terms(s),
        })
        .collect();
    // A page with no text (a bare section) can still be found by its title and summary.
    if docs.iter().all(|d| d.section.is_some()) {
        docs.insert(
            0,
            SearchDocument {
                url: page.url.clone(),
                page_title: Cow::Borrowed(&page.front.title),
                section: None,
                kind: Cow::Borrowed(kind_id(page.kind)),
                headings: Cow::Borrowed(&[]),
                body: Cow::Borrowed(page.front.summary.as_deref().unwrap_or_default()),
                terms: Vec::new(),
            },
        );
    } else if let (Some(summary), Some(intro)) = (&page.front.summary, docs.first_mut())
        && intro.section.is_none()
    {
        intro.body = Cow::Owned(format!("{summary}\n{}", intro.body));
    }
    docs
}

/// Every definition page as a glossary entry.
pub fn glossary_entries(site: &Site) -> Vec<GlossaryEntry> {
    site.pages
        .iter()
        .filter(|p| p.kind == PageKind::Definition && !p.is_section)
        .map(|p| GlossaryEntry {
            term: p.term().to_string(),
            abbreviation: p.front.abbreviation.clone(),
            aliases: p.front.aliases.clone(),
            summary: p.front.summary.clone().unwrap_or_default(),
            url: p.url.clone(),
        })
        .collect()
}
