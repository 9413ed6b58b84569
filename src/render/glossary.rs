//! What the glossary's templates see: the A to Z of a definitions section
//! (`section-definition.html`) and the facts of a definition page (`definition.html`).
//! URLs are from the site root, as everywhere in the views.

use rayon::prelude::*;
use serde::Serialize;

use crate::content::{PageId, Site};
use crate::glossary::{self, EntryId, Glossary};
use crate::util::html::escape_attr;

/// The A to Z: every letter for the navigation, and the terms grouped under their letters.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct GlossaryIndexView {
    /// A to Z, then "Other" when some term starts with a digit or a symbol.
    pub letters: Vec<LetterView>,
    /// Only the letters that have terms, in order.
    pub groups: Vec<LetterGroup>,
}

/// A letter of the navigation; one without terms is shown but not linked.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LetterView {
    pub letter: String,
    /// The id of the letter's heading.
    pub id: String,
    pub linked: bool,
}

/// The terms filed under one letter.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LetterGroup {
    pub letter: String,
    pub id: String,
    pub entries: Vec<GlossaryItem>,
}

/// One term in the A to Z.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct GlossaryItem {
    pub term: String,
    pub abbreviation: Option<String>,
    pub summary: Option<String>,
    pub url: String,
}

const OTHER: &str = "Other";

impl GlossaryIndexView {
    /// The A to Z of the definitions in section `section` and its subsections.
    pub(crate) fn of(site: &Site, glossary: &Glossary, section: PageId) -> GlossaryIndexView {
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
pub(crate) struct DefinitionView<'a> {
    pub term: &'a str,
    pub abbreviation: Option<&'a str>,
    pub aliases: &'a [String],
    pub category: Option<&'a str>,
    pub source: Option<&'a str>,
    /// Links to the related terms' pages, titled with the terms.
    pub related: Vec<LinkView<'a>>,
    /// The other pages that mention the term, by title: [`LinkView`]s made into template
    /// values once for all the lists (see [`UsedIn`]). Made only when a template names
    /// `used_in` (the default ones write `used_in_items`); empty otherwise.
    pub used_in: Vec<tera::Value>,
    /// The same list as HTML list items, each `<li><a href="...">title</a></li>` on its own
    /// line, for the default template, which writes a long list faster this way than by a loop.
    pub used_in_items: String,
    /// The section the definition is in: its A to Z.
    pub index: Option<LinkView<'a>>,
}

/// A titled link from the site root, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct LinkView<'a> {
    pub title: &'a str,
    pub url: &'a str,
}

impl<'a> LinkView<'a> {
    /// The link to page `id`, titled with its title.
    pub(crate) fn to_page(site: &'a Site, id: PageId) -> LinkView<'a> {
        LinkView {
            title: &site.pages[id].front.title,
            url: &site.pages[id].url,
        }
    }
}

/// For each glossary entry, the other pages that mention it (by title), and each of those
/// pages' link made once, as a template value and as the HTML of a list item, rather than
/// serialised afresh for every list it is in. Tera shares a value it is given rather than
/// serialising it again.
/// The template values are made only for sites whose templates read them.
#[derive(Debug, Default)]
pub(crate) struct UsedIn {
    pages: Vec<Vec<PageId>>,
    /// By page id: the page's link, for the pages in any list.
    links: Vec<Option<ListedPage>>,
}

/// A page's link in the "Used in" lists.
#[derive(Debug)]
struct ListedPage {
    /// None when no template reads the list as values.
    value: Option<tera::Value>,
    /// The list item's HTML after the link's way to the site root: `url">title</a></li>`.
    item_rest: String,
}

impl ListedPage {
    fn of(site: &Site, id: PageId, with_value: bool) -> ListedPage {
        let link = LinkView::to_page(site, id);
        let url = escape_attr(link.url);
        let title = escape_attr(link.title);
        let mut item_rest = String::with_capacity(url.len() + title.len() + 12);
        for piece in [url.as_str(), "\">", title.as_str(), "</a></li>\n"] {
            item_rest.push_str(piece);
        }
        ListedPage {
            value: with_value.then(|| tera::Value::from_serializable(&link)),
            item_rest,
        }
    }
}

impl UsedIn {
    /// The lists `pages` (by glossary entry) of `site`'s pages; `values` when a template reads
    /// the lists as template values (`used_in`) rather than only as HTML (`used_in_items`).
    pub(crate) fn new(site: &Site, pages: Vec<Vec<PageId>>, values: bool) -> UsedIn {
        let mut listed = vec![false; site.pages.len()];
        for &id in pages.iter().flatten() {
            listed[id] = true;
        }
        let links = listed
            .par_iter()
            .enumerate()
            .map(|(id, &listed)| listed.then(|| ListedPage::of(site, id, values)))
            .collect();
        UsedIn { pages, links }
    }

    /// The pages that mention term `entry`, by title.
    fn pages(&self, entry: EntryId) -> &[PageId] {
        self.pages.get(entry).map_or(&[], Vec::as_slice)
    }

    fn listed(&self, id: PageId) -> &ListedPage {
        self.links[id].as_ref().expect("a listed page has a link")
    }

    /// The links to those pages, as template values; empty when they were not made.
    fn links(&self, entry: EntryId) -> Vec<tera::Value> {
        self.pages(entry)
            .iter()
            .filter_map(|&id| self.listed(id).value.clone())
            .collect()
    }

    /// The links to those pages as HTML list items, from a page whose way to the site root
    /// is `root`.
    fn items(&self, entry: EntryId, root: &str) -> String {
        const OPEN: &str = "<li><a href=\"";
        let pages = self.pages(entry);
        let rest: usize = pages
            .iter()
            .map(|&id| self.listed(id).item_rest.len())
            .sum();
        let mut html = String::with_capacity(rest + pages.len() * (OPEN.len() + root.len()));
        for &id in pages {
            html.push_str(OPEN);
            html.push_str(root);
            html.push_str(&self.listed(id).item_rest);
        }
        html
    }
}

impl<'a> DefinitionView<'a> {
    /// The view of term `entry`, with the pages `used_in` lists for it.
    pub(crate) fn of(
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
            used_in_items: used_in.items(entry, &escape_attr(&site.pages[e.page].root_prefix())),
            index: site.pages[e.page].parent.map(page),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{LoadOptions, load};

    #[test]
    fn used_in_items_are_escaped_links_from_the_definition_page() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("waymark.toml"), "title = \"T\"\n").unwrap();
        for (path, text) in [
            ("_index.md", "+++\ntitle = \"Home\"\n+++\n"),
            (
                "guide/a.md",
                "+++\ntitle = \"Tom & Jerry's \\\"plan\\\" <b>\"\n+++\n",
            ),
            ("guide/b.md", "+++\ntitle = \"Plain\"\n+++\n"),
        ] {
            let path = dir.path().join("content").join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let site = load(dir.path(), LoadOptions::default()).unwrap();
        let a = site.page_by_source("guide/a.md").unwrap();
        let b = site.page_by_source("guide/b.md").unwrap();
        let used_in = UsedIn::new(&site, vec![vec![b, a], vec![]], true);
        assert_eq!(
            used_in.items(0, "../"),
            "<li><a href=\"../guide/b.html\">Plain</a></li>\n\
             <li><a href=\"../guide/a.html\">Tom &amp; Jerry&#39;s &quot;plan&quot; &lt;b&gt;</a></li>\n"
        );
        assert_eq!(used_in.items(1, "../"), "");
        assert_eq!(used_in.links(0).len(), 2);
        let items_only = UsedIn::new(&site, vec![vec![b, a]], false);
        assert_eq!(items_only.items(0, "../"), used_in.items(0, "../"));
        assert!(items_only.links(0).is_empty());
    }
}
