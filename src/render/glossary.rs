//! What the glossary's templates see: the A to Z of a definitions section
//! (`section-definition.html`) and the facts of a definition page (`definition.html`).
//! URLs are from the site root, as everywhere in the views.

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
    /// The other pages that mention the term, by title.
    pub used_in: Vec<LinkView<'a>>,
    /// The section the definition is in: its A to Z.
    pub index: Option<LinkView<'a>>,
}

/// A titled link from the site root, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LinkView<'a> {
    pub title: &'a str,
    pub url: &'a str,
}

impl<'a> DefinitionView<'a> {
    /// The view of term `entry`, mentioned on pages `used_in`.
    pub fn of(
        site: &'a Site,
        glossary: &'a Glossary,
        entry: EntryId,
        used_in: &[PageId],
    ) -> DefinitionView<'a> {
        let e = glossary.entry(entry);
        let page = |id: PageId| LinkView {
            title: &site.pages[id].front.title,
            url: &site.pages[id].url,
        };
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
            used_in: used_in.iter().map(|&id| page(id)).collect(),
            index: site.pages[e.page].parent.map(page),
        }
    }
}
