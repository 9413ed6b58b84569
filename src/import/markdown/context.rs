//! What rendering one page needs to know and remembers: where its links go, the pictures it
//! shows and the notes it cites, in order.

use std::collections::HashMap;

use crate::import::model::{Lost, LostKind, NoteKind};
use crate::import::targets::Targets;

/// One picture a page shows, to be written beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageImage {
    /// The picture's part in the .docx.
    pub part: String,
    /// Its path inside `content/`.
    pub source: String,
}

pub(crate) struct PageContext<'a> {
    /// The page's path inside `content/`, such as `strategy/introduction.md`.
    pub source: String,
    targets: &'a Targets,
    /// File names for this page's pictures start with this.
    image_stem: String,
    pub images: Vec<PageImage>,
    /// Notes in the order the page first cites them; the label is the place plus one.
    pub notes: Vec<(NoteKind, String)>,
    /// What could not be carried over while rendering (links to nowhere).
    pub lost: Vec<Lost>,
    /// The block being rendered, for findings.
    pub at: usize,
}

impl<'a> PageContext<'a> {
    pub(crate) fn new(source: &str, targets: &'a Targets) -> Self {
        let stem = source
            .rsplit('/')
            .next()
            .unwrap_or(source)
            .trim_end_matches(".md")
            .trim_start_matches('_');
        PageContext {
            source: source.to_string(),
            targets,
            image_stem: stem.to_string(),
            images: Vec::new(),
            notes: Vec::new(),
            lost: Vec::new(),
            at: 0,
        }
    }

    /// The address of a link target from this page, or None (noted) when it is not in
    /// what was imported.
    pub(crate) fn link(&mut self, target: &crate::import::model::LinkTarget) -> Option<String> {
        let found = self.targets.resolve(target, &self.source);
        if found.is_none()
            && let crate::import::model::LinkTarget::Bookmark(name) = target
        {
            self.lost.push(Lost {
                what: LostKind::BrokenBookmark(name.clone()),
                at: Some(self.at),
                excerpt: String::new(),
            });
        }
        found
    }

    /// The file name a picture is written to, beside the page, relative to the page.
    pub(crate) fn image(&mut self, part: &str) -> String {
        if let Some(found) = self.images.iter().find(|i| i.part == part) {
            return file_name(&found.source);
        }
        let extension = part
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_else(|| "png".into());
        let extension = if extension == "jpeg" {
            "jpg".into()
        } else {
            extension
        };
        let name = format!("{}-{}.{extension}", self.image_stem, self.images.len() + 1);
        let dir = self.source.rsplit_once('/').map_or("", |(d, _)| d);
        let source = if dir.is_empty() {
            name.clone()
        } else {
            format!("{dir}/{name}")
        };
        self.images.push(PageImage {
            part: part.to_string(),
            source,
        });
        name
    }

    /// The label of a note on this page: 1, 2, 3 in order of first citation.
    pub(crate) fn note(&mut self, kind: NoteKind, id: &str) -> usize {
        let key = (kind, id.to_string());
        match self.notes.iter().position(|n| *n == key) {
            Some(i) => i + 1,
            None => {
                self.notes.push(key);
                self.notes.len()
            }
        }
    }

    /// The explicit id to give the heading at `at`, if a link goes to it.
    pub(crate) fn heading_id(&self, at: usize) -> Option<&str> {
        self.targets.heading_id(at)
    }
}

fn file_name(source: &str) -> String {
    source.rsplit('/').next().unwrap_or(source).to_string()
}

/// Notes by kind and id, as the page renderer reads them.
pub(crate) type Notes = HashMap<(NoteKind, String), Vec<crate::import::model::Block>>;
