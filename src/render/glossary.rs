//! What the glossary's templates see: the A to Z of a definitions section
//! (`section-definition.html`) and the facts of a definition page (`definition.html`).
//! URLs are from the site root, as everywhere in the views.

use serde::Serialize;

use super::context::Link;
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

/// The facts of a definition page besides its text.
#[derive(Debug, Clone, Serialize)]
pub struct DefinitionView {
    pub term: String,
    pub abbreviation: Option<String>,
    pub aliases: Vec<String>,
    pub category: Option<String>,
    pub source: Option<String>,
    /// Links to the related terms' pages, titled with the terms.
    pub related: Vec<Link>,
    /// The other pages that mention the term, by title.
    pub used_in: Vec<Link>,
    /// The section the definition is in: its A to Z.
    pub index: Option<Link>,
}

impl DefinitionView {
    /// The view of term `entry`, mentioned on pages `used_in`.
    pub fn of(
        site: &Site,
        glossary: &Glossary,
        entry: EntryId,
        used_in: &[PageId],
    ) -> DefinitionView {
        let e = glossary.entry(entry);
        DefinitionView {
            term: e.term.clone(),
            abbreviation: e.abbreviation.clone(),
            aliases: e.aliases.clone(),
            category: e.category.clone(),
            source: e.source.clone(),
            related: e
                .related
                .iter()
                .map(|&r| Link {
                    title: glossary.entry(r).term.clone(),
                    url: glossary.entry(r).url.clone(),
                })
                .collect(),
            used_in: used_in
                .iter()
                .map(|&id| Link {
                    title: site.pages[id].front.title.clone(),
                    url: site.pages[id].url.clone(),
                })
                .collect(),
            index: site.pages[e.page].parent.map(|p| Link {
                title: site.pages[p].front.title.clone(),
                url: site.pages[p].url.clone(),
            }),
        }
    }
}
