//! Where links inside the document go once it is split into pages: a bookmark becomes the
//! page it landed on and, when it is not the page's title, the heading above it. Headings
//! that links go to get an explicit `{#id}`, so the links keep working if an editor later
//! rewords the heading.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::model::{Block, LinkTarget};
use crate::markdown_parse::heading_ids::{RESERVED_IDS, heading_id};

/// One imported page's place in the link map.
pub(crate) struct PageBlocks<'a> {
    /// The page's path inside `content/`.
    pub source: String,
    /// The heading that became the page's title.
    pub title_at: Option<usize>,
    pub blocks: &'a [Block],
}

#[derive(Debug, Clone)]
struct Place {
    page: String,
    /// The heading above the block, if any: links go there.
    heading: Option<usize>,
}

#[derive(Debug, Default)]
pub(crate) struct Targets {
    bookmarks: HashMap<String, usize>,
    /// Every imported block, by [`Block::at`].
    places: BTreeMap<usize, Place>,
    heading_ids: HashMap<usize, String>,
    /// Chapters that were only the glossary.
    glossary_chapters: HashSet<usize>,
    /// The A to Z's path inside `content/`, when there are definitions.
    glossary: Option<String>,
}

impl Targets {
    /// Builds the map. `linked` are the bookmarks that links in the document name.
    pub(crate) fn build(
        pages: &[PageBlocks<'_>],
        bookmarks: HashMap<String, usize>,
        linked: &HashSet<String>,
        glossary_chapters: &[usize],
        glossary: Option<String>,
    ) -> Targets {
        let mut places = BTreeMap::new();
        for page in pages {
            if let Some(at) = page.title_at {
                places.insert(
                    at,
                    Place {
                        page: page.source.clone(),
                        heading: None,
                    },
                );
            }
            let mut heading = None;
            for block in page.blocks {
                if block.heading_level().is_some() {
                    heading = Some(block.at);
                }
                places.entry(block.at).or_insert(Place {
                    page: page.source.clone(),
                    heading,
                });
            }
        }
        let mut targets = Targets {
            bookmarks,
            places,
            heading_ids: HashMap::new(),
            glossary_chapters: glossary_chapters.iter().copied().collect(),
            glossary,
        };
        let wanted: HashSet<usize> = linked
            .iter()
            .filter_map(|name| targets.place_of(name))
            .filter_map(|p| p.heading)
            .collect();
        for page in pages {
            targets.assign_ids(page.blocks, &wanted);
        }
        targets
    }

    fn place_of(&self, bookmark: &str) -> Option<&Place> {
        let at = *self.bookmarks.get(bookmark)?;
        // A bookmark on something the import took out goes to the block before it.
        self.places.range(..=at).next_back().map(|(_, p)| p)
    }

    /// Gives each wanted heading on a page an id no other heading on the page has.
    fn assign_ids(&mut self, blocks: &[Block], wanted: &HashSet<usize>) {
        let headings: Vec<(usize, String)> = blocks
            .iter()
            .filter(|b| b.heading_level().is_some())
            .map(|b| (b.at, heading_id(&b.plain_text())))
            .collect();
        let mut taken: HashSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
        taken.extend(headings.iter().map(|(_, id)| id.clone()));
        let mut first_of: HashMap<&str, usize> = HashMap::new();
        for (at, id) in &headings {
            first_of.entry(id.as_str()).or_insert(*at);
        }
        let mut given = HashSet::new();
        for (at, base) in &headings {
            if !wanted.contains(at) {
                continue;
            }
            let mut id = base.clone();
            let plain_is_free = first_of.get(base.as_str()) == Some(at)
                && !RESERVED_IDS.contains(&base.as_str())
                && !base.starts_with("wm-")
                && !given.contains(base);
            if !plain_is_free {
                let mut n = 2;
                while taken.contains(&id) || given.contains(&id) || id.starts_with("wm-") {
                    id = format!("{base}-{n}");
                    n += 1;
                }
            }
            given.insert(id.clone());
            self.heading_ids.insert(*at, id);
        }
    }

    /// The explicit id of the heading at `at`, if links go to it.
    pub(crate) fn heading_id(&self, at: usize) -> Option<&str> {
        self.heading_ids.get(&at).map(String::as_str)
    }

    /// The address of `target` from the page `from` (a path inside `content/`).
    pub(crate) fn resolve(&self, target: &LinkTarget, from: &str) -> Option<String> {
        match target {
            LinkTarget::External(url) => Some(url.clone()),
            LinkTarget::Glossary => self.glossary.as_deref().map(|g| relative(from, g)),
            LinkTarget::Bookmark(name) => {
                let at = *self.bookmarks.get(name)?;
                if self.glossary_chapters.contains(&at) {
                    return self.glossary.as_deref().map(|g| relative(from, g));
                }
                let place = self.place_of(name)?;
                let path = relative(from, &place.page);
                Some(match place.heading.and_then(|h| self.heading_id(h)) {
                    Some(id) if place.page == from => format!("#{id}"),
                    Some(id) => format!("{path}#{id}"),
                    None => path,
                })
            }
        }
    }
}

/// The path of `to` relative to the folder of `from` (both paths inside `content/`).
pub(crate) fn relative(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from.split('/').collect::<Vec<_>>();
    let from_dir = &from_dir[..from_dir.len().saturating_sub(1)];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out: Vec<&str> = vec![".."; from_dir.len() - common];
    out.extend(&to_parts[common..]);
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::testing::{heading, para};

    #[test]
    fn relative_paths_between_pages() {
        assert_eq!(relative("strategy/a.md", "strategy/b.md"), "b.md");
        assert_eq!(
            relative("strategy/a.md", "definitions/_index.md"),
            "../definitions/_index.md"
        );
        assert_eq!(
            relative("definitions/x.md", "strategy/2026/b.md"),
            "../strategy/2026/b.md"
        );
        assert_eq!(relative("strategy/2026/a.md", "strategy/c.md"), "../c.md");
    }

    #[test]
    fn bookmarks_become_pages_and_headings() {
        let one = [
            para(1, "Intro text"),
            heading(2, 2, "Scope"),
            para(3, "Everyone"),
        ];
        let two = [
            heading(5, 2, "Scope"),
            para(6, "Again"),
            heading(7, 2, "Contents"),
        ];
        let pages = [
            PageBlocks {
                source: "strategy/one.md".into(),
                title_at: Some(0),
                blocks: &one,
            },
            PageBlocks {
                source: "strategy/two.md".into(),
                title_at: Some(4),
                blocks: &two,
            },
        ];
        let bookmarks: HashMap<String, usize> = [
            ("_Toc1", 0),
            ("Scope", 3),
            ("_Ref2", 6),
            ("Contents", 7),
            ("Gone", 4),
            ("Glossary", 9),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let linked: HashSet<String> = bookmarks.keys().cloned().collect();
        let targets = Targets::build(
            &pages,
            bookmarks,
            &linked,
            &[9],
            Some("definitions/_index.md".into()),
        );
        let go = |name: &str, from: &str| targets.resolve(&LinkTarget::Bookmark(name.into()), from);
        assert_eq!(go("_Toc1", "strategy/two.md").as_deref(), Some("one.md"));
        assert_eq!(
            go("Scope", "strategy/two.md").as_deref(),
            Some("one.md#scope")
        );
        assert_eq!(go("Scope", "strategy/one.md").as_deref(), Some("#scope"));
        assert_eq!(
            go("_Ref2", "strategy/one.md").as_deref(),
            Some("two.md#scope")
        );
        // "contents" is an id the page template uses.
        assert_eq!(
            go("Contents", "strategy/one.md").as_deref(),
            Some("two.md#contents-2")
        );
        assert_eq!(
            go("Glossary", "strategy/one.md").as_deref(),
            Some("../definitions/_index.md")
        );
        assert_eq!(go("Missing", "strategy/one.md"), None);
    }
}
