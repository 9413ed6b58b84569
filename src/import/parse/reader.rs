//! The reader's state while it walks one part: where it is, the inline content it is
//! collecting, open fields, and what it could not carry over.

use std::collections::HashMap;

use super::fields::Field;
use super::notes::Comment;
use super::relationships::Relationships;
use super::styles::Styles;
use crate::import::model::{Inline, Lost, LostKind};

pub(super) struct Reader<'p> {
    pub rels: &'p Relationships,
    pub styles: &'p Styles,
    pub comments: &'p HashMap<String, Comment>,
    /// The body block being read ([`crate::import::model::Block::at`]); None in notes.
    pub at: Option<usize>,
    /// The number the next body block gets.
    pub next_at: usize,
    pub bookmarks: HashMap<String, usize>,
    /// Bookmarks met in a paragraph that turned out empty: they belong to the next block.
    pub pending_bookmarks: Vec<String>,
    pub lost: Vec<Lost>,
    /// Complex fields (`fldChar` begin ... end) still open; they may span paragraphs.
    pub fields: Vec<Field>,
    /// Where inline content goes: the paragraph, then one more for each link being read.
    pub sinks: Vec<Vec<Inline>>,
    contents_reported: bool,
    change_reported_at: Option<Option<usize>>,
}

impl<'p> Reader<'p> {
    pub(super) fn new(
        rels: &'p Relationships,
        styles: &'p Styles,
        comments: &'p HashMap<String, Comment>,
    ) -> Self {
        Reader {
            rels,
            styles,
            comments,
            at: None,
            next_at: 0,
            bookmarks: HashMap::new(),
            pending_bookmarks: Vec::new(),
            lost: Vec::new(),
            fields: Vec::new(),
            sinks: vec![Vec::new()],
            contents_reported: false,
            change_reported_at: None,
        }
    }

    /// Notes what could not be carried over, at the current block.
    pub(super) fn lose(&mut self, what: LostKind, excerpt: impl Into<String>) {
        self.lost.push(Lost {
            what,
            at: self.at,
            excerpt: excerpt.into(),
        });
    }

    /// Tracked changes are reported once per block, however many there are.
    pub(super) fn lose_tracked_change(&mut self) {
        if self.change_reported_at != Some(self.at) {
            self.change_reported_at = Some(self.at);
            self.lose(LostKind::TrackedChange, "");
        }
    }

    /// The table of contents is reported once.
    pub(super) fn lose_contents(&mut self) {
        if !self.contents_reported {
            self.contents_reported = true;
            self.lose(LostKind::TableOfContents, "");
        }
    }

    /// Adds inline content to the paragraph or link being read, unless a field's result is
    /// being left out. Adjacent text of the same style is joined: Word splits runs freely.
    pub(super) fn emit(&mut self, inline: Inline) {
        if self.fields.iter().any(Field::hides_content) {
            return;
        }
        let sink = self.sinks.last_mut().expect("a sink is always open");
        if let (
            Some(Inline::Text { text, style }),
            Inline::Text {
                text: more,
                style: more_style,
            },
        ) = (sink.last_mut(), &inline)
            && style == more_style
        {
            text.push_str(more);
            return;
        }
        sink.push(inline);
    }

    /// Starts collecting a link's content.
    pub(super) fn open_sink(&mut self) {
        self.sinks.push(Vec::new());
    }

    /// Ends a link's content and returns it.
    pub(super) fn close_sink(&mut self) -> Vec<Inline> {
        if self.sinks.len() > 1 {
            self.sinks.pop().unwrap_or_default()
        } else {
            Vec::new()
        }
    }

    /// Starts a paragraph's inline content.
    pub(super) fn start_paragraph(&mut self) {
        self.sinks = vec![Vec::new()];
    }

    /// Ends a paragraph: a link left open (a field running on into the next paragraph) keeps
    /// its words as plain text.
    pub(super) fn finish_paragraph(&mut self) -> Vec<Inline> {
        while self.sinks.len() > 1 {
            let open = self.sinks.pop().unwrap_or_default();
            self.sinks.last_mut().expect("base sink").extend(open);
        }
        for field in &mut self.fields {
            field.sink_closed();
        }
        std::mem::take(&mut self.sinks[0])
    }
}
