//! What the glossary's templates see: the A to Z of a definitions section
//! (`section-definition.html`) and the facts of a definition page (`definition.html`).
//! URLs are from the site root, as everywhere in the views.

use rayon::prelude::*;
use serde::Serialize;

use crate::content::{PageId, Site};
use crate::glossary::{self, EntryId, Glossary};

/// The A to Z: every letter for the navigation, and the terms grouped under their letters.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryIndexView {
    /// A to Z, then "Other" when some term starts with a digit or a symbol.
    pub letters: Vec<LetterView>,
    /// Only the letters that have terms, in order.
    pub groups: Vec<LetterGroup>,
}

/// A letter of the navigation; one without terms is shown but not linked.
#[derive(Debug, Clone, Serialize)]
pub struct LetterView {
    pub letter: String,
    /// The id of the letter's heading.
    pub id: String,
    pub linked: bool,
}

/// The terms filed under one letter.
#[derive(Debug, Clone, Serialize)]
pub struct LetterGroup {
    pub letter: String,
    pub id: String,
    pub entries: Vec<GlossaryItem>,
}

/// One term in the A to Z.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryItem {
    pub term: String,
    pub abbreviation: Option<String>,
    pub summary: Option<String>,
    pub url: String,
}

const OTHER: &str = "Other";

impl GlossaryIndexView {
    /// The A to Z of the definitions in section `section` and its subsections.
    pub fn of(site: &Site, glossary: &Glossary, section: PageId) -> GlossaryIndexView {
        let dir = format!("{}/", site.pages[section].source_dir());
        let mut groups: Vec<LetterGroup> = Vec::new();
        let mut other: Vec<GlossaryItem> = Vec::new();
        for entry in glossary.entries() {
            if !site.pages[entry.page].source.starts_with(&dir) {
                continue;
            }
            let item = GlossaryItem {
                term: entry.term.clone(),
                abbreviation: entry.abbreviation.clone(),
                summary: entry.summary.clone(),
                url: entry.url.clone(),
            };
            let Some(letter) = glossary::letter(&entry.term) else {
                other.push(item);
                continue;
            };
            let letter = letter.to_string();
            match groups.last_mut() {
                Some(group) if group.letter == letter => group.entries.push(item),
                _ => groups.push(LetterGroup {
                    id: letter.clone(),
                    letter,
                    entries: vec![item],
                }),
            }
        }
        let mut letters: Vec<LetterView> = ('A'..='Z')
            .map(|c| {
                let letter = c.to_string();
                LetterView {
                    linked: groups.iter().any(|g| g.letter == letter),
                    id: letter.clone(),
                    letter,
                }
            })
            .collect();
        if !other.is_empty() {
            letters.push(LetterView {
                letter: OTHER.into(),
                id: OTHER.to_lowercase(),
                linked: true,
            });
            groups.push(LetterGroup {
                letter: OTHER.into(),
                id: OTHER.to_lowercase(),
                entries: other,
            });
        }
        GlossaryIndexView { letters, groups }
    }
}

/// The facts of a definition page besides its text. Borrowed from the site: a term may be used
/// on thousands of pages.
#[derive(Debug, Clone, Serialize)]
pub struct DefinitionView<'a> {
    pub term: &'a str,
    pub abbreviation: Option<&'a str>,
    pub aliases: &'a [String],
    pub category: Option<&'a str>,
    pub source: Option<&'a str>,
    /// Links to the related terms' pages, titled with the terms.
    pub related: Vec<LinkView<'a>>,
    /// The other pages that mention the term, by title: [`LinkView`]s made into template
    /// values once for all the lists (see [`UsedIn`]).
    pub used_in: Vec<tera::Value>,
    /// The section the definition is in: its A to Z.
    pub index: Option<LinkView<'a>>,
}

/// A titled link from the site root, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LinkView<'a> {
    pub title: &'a str,
    pub url: &'a str,
}

impl<'a> LinkView<'a> {
    /// The link to page `id`, titled with its title.
    pub fn to_page(site: &'a Site, id: PageId) -> LinkView<'a> {
        LinkView {
            title: &site.pages[id].front.title,
            url: &site.pages[id].url,
        }
    }
}

/// For each glossary entry, the other pages that mention it (by title), and each of those
/// pages' links made into a template value once: 500 definitions over 5,000 pages list 70,000
/// links, and serialising each afresh for its list was a tenth of the definitions' rendering.
/// Tera shares a value it is given rather than serialising it again.
#[derive(Debug, Default)]
pub struct UsedIn {
    pages: Vec<Vec<PageId>>,
    /// By page id: the page's link, for the pages in any list.
    links: Vec<Option<tera::Value>>,
}

impl UsedIn {
    /// The lists `pages` (by glossary entry) of `site`'s pages.
    pub fn new(site: &Site, pages: Vec<Vec<PageId>>) -> UsedIn {
        let mut listed = vec![false; site.pages.len()];
        for &id in pages.iter().flatten() {
            listed[id] = true;
        }
        let links = listed
            .par_iter()
            .enumerate()
            .map(|(id, &listed)| {
                listed.then(|| tera::Value::from_serializable(&LinkView::to_page(site, id)))
            })
            .collect();
        UsedIn { pages, links }
    }

    /// The pages that mention term `entry`, by title.
    fn pages(&self, entry: EntryId) -> &[PageId] {
        self.pages.get(entry).map_or(&[], Vec::as_slice)
    }

    /// The links to those pages.
    fn links(&self, entry: EntryId) -> Vec<tera::Value> {
        self.pages(entry)
            .iter()
            .map(|&id| self.links[id].clone().expect("a listed page has a link"))
            .collect()
    }
}

impl<'a> DefinitionView<'a> {
    /// The view of term `entry`, with the pages `used_in` lists for it.
    pub fn of(
        site: &'a Site,
        glossary: &'a Glossary,
        entry: EntryId,
        used_in: &UsedIn,
    ) -> DefinitionView<'a> {
        let e = glossary.entry(entry);
        let page = |id: PageId| LinkView::to_page(site, id);
        DefinitionView {
            term: &e.term,
            abbreviation: e.abbreviation.as_deref(),
            aliases: &e.aliases,
            category: e.category.as_deref(),
            source: e.source.as_deref(),
            related: e
                .related
                .iter()
                .map(|&r| LinkView {
                    title: &glossary.entry(r).term,
                    url: &glossary.entry(r).url,
                })
                .collect(),
            used_in: used_in.links(entry),
            index: site.pages[e.page].parent.map(page),
        }
    }
}
