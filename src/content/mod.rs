//! The site model: every document with its front matter, where it sits and where it will be written.
//!
//! [`load`] walks `content/` once and builds a [`Site`]; every later stage reads the model and never
//! goes back to the files. Kinds of page come from the top folder (`strategy/`, `definitions/`,
//! `toolkit/`, `signposting/`, `news/`, `briefings/`, `events/`), so an editor never has to say
//! what kind a page is.

mod addresses;
pub mod base;
mod control;
pub(crate) mod date;
pub(crate) mod drift;
pub(crate) mod event;
pub(crate) mod extends;
pub mod front_matter;
mod kinds;
pub mod layers;
mod load;
mod symlinks;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use base::{BaseSite, Folder};
pub use control::{DocControl, ReviewStatus};
pub use date::DocDate;
pub use front_matter::{Change, DocumentEntry, FrontMatter};
pub use layers::{Layer, Overlay};
pub use load::{LoadOptions, load, load_site, read_page};

use crate::config::SiteConfig;
use crate::diagnostics::{LineIndex, Position};

/// What a document is, which decides its template, its checks and where it appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    Home,
    Section,
    Strategy,
    Definition,
    Toolkit,
    Signpost,
    News,
    Briefing,
    Event,
    Page,
}

impl PageKind {
    /// The kind of an ordinary page from the first folder of its path.
    fn from_top_folder(folder: Option<&str>) -> PageKind {
        match folder {
            Some("strategy") => PageKind::Strategy,
            Some("definitions") => PageKind::Definition,
            Some("toolkit") => PageKind::Toolkit,
            Some("signposting") => PageKind::Signpost,
            Some("news") => PageKind::News,
            Some("briefings") => PageKind::Briefing,
            Some("events") => PageKind::Event,
            _ => PageKind::Page,
        }
    }

    /// A word for people: "Definition", "Strategy".
    pub fn label(self) -> &'static str {
        match self {
            PageKind::Home => "Home",
            PageKind::Section => "Section",
            PageKind::Strategy => "Strategy",
            PageKind::Definition => "Definition",
            PageKind::Toolkit => "Toolkit",
            PageKind::Signpost => "Signposting",
            PageKind::News => "News",
            PageKind::Briefing => "Briefing",
            PageKind::Event => "Event",
            PageKind::Page => "Page",
        }
    }

    /// Strategy, toolkit and briefing documents must carry full document control: they are
    /// guidance a practitioner acts on, so each has an owner and a review date. News and events
    /// are dated instead, and need no review.
    pub fn needs_document_control(self) -> bool {
        matches!(
            self,
            PageKind::Strategy | PageKind::Toolkit | PageKind::Briefing
        )
    }
}

/// Index of a page in [`Site::pages`].
pub type PageId = usize;

/// One Markdown document (or a section without an `_index.md`, made up so its pages have a home).
#[derive(Debug, Clone)]
pub struct Page {
    /// Path under `content/` with forward slashes: `strategy/vision.md`, `strategy/_index.md`.
    pub source: String,
    /// Path for messages, relative to the site folder: `content/strategy/vision.md`.
    pub file: PathBuf,
    pub kind: PageKind,
    /// True for a section's `_index.md` (and the home page).
    pub is_section: bool,
    /// Output path from the site root: `strategy/vision.html`, `strategy/index.html`.
    pub url: String,
    /// The section page this page belongs to (None only for the home page).
    pub parent: Option<PageId>,
    /// Pages and subsections of a section, in display order.
    pub children: Vec<PageId>,
    /// For sections: the kind of the pages they hold (`Definition` for `definitions/`).
    pub section_kind: PageKind,
    pub front: FrontMatter,
    /// The whole file, so body positions can be mapped to lines.
    pub text: String,
    pub body_offset: usize,
    pub lines: LineIndex,
    /// True when no file exists (a folder without `_index.md`).
    pub synthetic: bool,
    /// The folder the page's file is in: the site's own, or its base's.
    pub layer: Layer,
    /// Set when a local file replaces or adds to a base page at this path.
    pub overlay: Option<Box<Overlay>>,
}

impl Page {
    /// The Markdown after the front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    /// How many folders deep the output file sits: `strategy/vision.html` is 1.
    pub fn depth(&self) -> usize {
        self.url.matches('/').count()
    }

    /// `../` repeated to reach the site root from this page.
    pub fn root_prefix(&self) -> String {
        "../".repeat(self.depth())
    }

    /// The folder of the source file under `content/` (`strategy` for `strategy/vision.md`).
    pub fn source_dir(&self) -> &str {
        self.source.rsplit_once('/').map_or("", |(dir, _)| dir)
    }

    /// Term name for definitions: `term`, or the title.
    pub fn term(&self) -> &str {
        self.front.term.as_deref().unwrap_or(&self.front.title)
    }

    /// The line and column of a byte offset in the file.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// Where a front matter value is written (item `index` of an array value, if given), so a
    /// message about it can name its line; the whole file when the key is not written.
    pub fn value_position(&self, key: &str, index: Option<usize>) -> Position {
        front_matter::value_span(&self.text, key, index)
            .or_else(|| front_matter::value_span(&self.text, key, None))
            .map_or(Position::FILE, |span| self.position(span.start))
    }
}

/// A file under `content/` that is not Markdown (a PDF, an image): copied as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path under `content/`, forward slashes; also its output path.
    pub source: String,
    pub path: PathBuf,
}

/// The whole site, loaded.
#[derive(Debug)]
pub struct Site {
    /// The site folder (holds `waymark.toml`, `content/`, `templates/`, `theme/`).
    pub dir: PathBuf,
    pub config: SiteConfig,
    /// Every page, sorted by source path; the home page is first.
    pub pages: Vec<Page>,
    pub assets: Vec<Asset>,
    /// What loading found wrong in pages that still let the site be read (a page's front matter,
    /// a symlink leaving the site): errors stop a build once everything else has been checked.
    pub problems: crate::diagnostics::Diagnostics,
    /// The site this one is built on (`base` in its settings).
    pub base: Option<BaseSite>,
    /// Base pages and files that `hide` leaves out, by path under `content/`.
    pub hidden: std::collections::BTreeSet<String>,
    by_source: HashMap<String, PageId>,
    by_url: HashMap<String, PageId>,
}

impl Site {
    fn new(
        dir: PathBuf,
        config: SiteConfig,
        pages: Vec<Page>,
        assets: Vec<Asset>,
        problems: crate::diagnostics::Diagnostics,
    ) -> Site {
        let by_source = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.source.clone(), i))
            .collect();
        let by_url = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.url.clone(), i))
            .collect();
        Site {
            dir,
            config,
            pages,
            assets,
            problems,
            base: None,
            hidden: Default::default(),
            by_source,
            by_url,
        }
    }

    /// The site folders templates and theme files are read from, the base's first: a file in
    /// the site's own folder replaces the base's, which replaces the built-in one.
    pub fn folders(&self) -> Vec<Folder> {
        let mut folders: Vec<Folder> = self.base.iter().map(|b| b.folder.clone()).collect();
        folders.push(Folder::local(&self.dir));
        folders
    }

    /// The folder a layer's files are read from.
    pub fn folder(&self, layer: Layer) -> Folder {
        match (layer, &self.base) {
            (Layer::Base, Some(base)) => base.folder.clone(),
            _ => Folder::local(&self.dir),
        }
    }

    /// Moves every message about a line of a page joined from a base and a local file (see
    /// [`extends`]) to the file and line it was written on. Call once per message.
    pub fn relocate(&self, diagnostics: &mut crate::diagnostics::Diagnostics) {
        if self.base.is_none() {
            return;
        }
        let joined: HashMap<&Path, &extends::Addition> = self
            .pages
            .iter()
            .filter_map(|p| {
                let addition = p.overlay.as_ref()?.addition.as_deref()?;
                Some((p.file.as_path(), addition))
            })
            .collect();
        if joined.is_empty() {
            return;
        }
        for d in diagnostics.iter_mut() {
            if d.line == 0 {
                continue;
            }
            if let Some(addition) = joined.get(d.path.as_path()) {
                let (file, line) = addition.relocate(&d.path, d.line);
                if line == 0 {
                    d.column = 0;
                }
                d.path = file;
                d.line = line;
            }
        }
    }

    /// The page whose source is `source` (`strategy/vision.md`).
    pub fn page_by_source(&self, source: &str) -> Option<PageId> {
        self.by_source.get(source).copied()
    }

    /// The page written to `url` (`strategy/vision.html`).
    pub fn page_by_url(&self, url: &str) -> Option<PageId> {
        self.by_url.get(url).copied()
    }

    pub fn asset_by_source(&self, source: &str) -> Option<&Asset> {
        self.assets.iter().find(|a| a.source == source)
    }

    /// The home page (`content/_index.md`), always present.
    pub fn home(&self) -> PageId {
        0
    }

    /// Source paths of every page, for "did you mean" hints.
    pub fn sources(&self) -> impl Iterator<Item = &str> {
        self.pages.iter().map(|p| p.source.as_str())
    }

    /// Top-level sections in display order: the site's main navigation.
    pub fn top_sections(&self) -> impl Iterator<Item = PageId> + '_ {
        self.pages[self.home()]
            .children
            .iter()
            .copied()
            .filter(|&id| self.pages[id].is_section)
    }

    /// Ancestors from the home page down to (not including) `id`.
    pub fn ancestors(&self, id: PageId) -> Vec<PageId> {
        let mut chain = Vec::new();
        let mut cur = self.pages[id].parent;
        while let Some(p) = cur {
            chain.push(p);
            cur = self.pages[p].parent;
        }
        chain.reverse();
        chain
    }

    /// Path for messages: relative to the site folder (a file of the base as the base is
    /// named in the settings, `../regional/content/x.pdf`).
    pub fn display_path(&self, path: &Path) -> PathBuf {
        if let Ok(inside) = path.strip_prefix(&self.dir) {
            return inside.to_path_buf();
        }
        match &self.base {
            Some(base) => match path.strip_prefix(&base.folder.dir) {
                Ok(inside) => base.folder.shown.join(inside),
                Err(_) => path.to_path_buf(),
            },
            None => path.to_path_buf(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_top_folder() {
        assert_eq!(
            PageKind::from_top_folder(Some("toolkit")),
            PageKind::Toolkit
        );
        assert_eq!(PageKind::from_top_folder(Some("about")), PageKind::Page);
        assert_eq!(PageKind::from_top_folder(Some("news")), PageKind::News);
        assert_eq!(
            PageKind::from_top_folder(Some("briefings")),
            PageKind::Briefing
        );
        assert_eq!(PageKind::from_top_folder(Some("events")), PageKind::Event);
        assert!(PageKind::Strategy.needs_document_control());
        assert!(PageKind::Briefing.needs_document_control());
        assert!(!PageKind::Definition.needs_document_control());
        assert!(!PageKind::News.needs_document_control());
        assert!(!PageKind::Event.needs_document_control());
    }
}
