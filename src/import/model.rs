//! The small document model a Word file is read into: paragraphs, tables and the inline text
//! inside them, with only what the Markdown needs. Everything else the reader meets is noted as
//! [`Lost`], so the report can say what to check by eye.

use std::collections::HashMap;

/// A whole Word document, read.
#[derive(Debug, Default)]
pub(crate) struct Document {
    /// The body, in order.
    pub blocks: Vec<Block>,
    /// Footnotes and endnotes by their id in the file.
    pub notes: HashMap<(NoteKind, String), Vec<Block>>,
    /// Where each bookmark sits: the [`Block::at`] of the block holding it.
    pub bookmarks: HashMap<String, usize>,
    /// The title from the file's properties (File > Info in Word), if set.
    pub property_title: Option<String>,
    /// What could not be carried over, in document order.
    pub lost: Vec<Lost>,
}

/// A paragraph or a table of the body, with the place it had in the document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    /// The block's number in the document's body, counting from 0. Stays the same when passes
    /// remove blocks around it, so bookmarks and findings keep pointing at it.
    pub at: usize,
    pub content: Content,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Content {
    Paragraph(Paragraph),
    Table(Table),
}

impl Block {
    pub(crate) fn paragraph(&self) -> Option<&Paragraph> {
        match &self.content {
            Content::Paragraph(p) => Some(p),
            Content::Table(_) => None,
        }
    }

    pub(crate) fn table(&self) -> Option<&Table> {
        match &self.content {
            Content::Table(t) => Some(t),
            Content::Paragraph(_) => None,
        }
    }

    /// The heading level (1 to 9) if this is a heading.
    pub(crate) fn heading_level(&self) -> Option<u8> {
        match self.paragraph()?.kind {
            ParagraphKind::Heading(level) => Some(level),
            _ => None,
        }
    }

    /// All the words in the block, for matching and excerpts.
    pub(crate) fn plain_text(&self) -> String {
        match &self.content {
            Content::Paragraph(p) => p.plain_text(),
            Content::Table(t) => t
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .map(Cell::plain_text)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// What a paragraph is, from its style and numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParagraphKind {
    Normal,
    /// Heading 1 to 9.
    Heading(u8),
    /// Word's "Title" style.
    Title,
    /// Word's "Subtitle" style.
    Subtitle,
    /// A quotation style ("Quote", "Intense Quote").
    Quote,
    /// An item of a bulleted or numbered list.
    ListItem(ListItem),
}

/// Where a list item sits in Word's numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListItem {
    /// Word's numbering instance: items sharing it belong to one list.
    pub num_id: u32,
    /// Nesting, from 0.
    pub level: u8,
    /// Filled in by the numbering pass: a number (for a numbered list) or none (bullets).
    pub number: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Paragraph {
    pub kind: ParagraphKind,
    pub inlines: Vec<Inline>,
}

impl Paragraph {
    pub(crate) fn new(kind: ParagraphKind, inlines: Vec<Inline>) -> Self {
        Paragraph { kind, inlines }
    }

    /// The paragraph's words, without formatting, links or notes.
    pub(crate) fn plain_text(&self) -> String {
        let mut out = String::new();
        plain_text_into(&self.inlines, &mut out);
        out.trim().to_string()
    }

    /// True when the paragraph shows nothing: no words and no picture.
    pub(crate) fn is_empty(&self) -> bool {
        !has_content(&self.inlines)
    }
}

fn has_content(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::Text { text, .. } => !text.trim().is_empty(),
        Inline::Link { content, .. } => has_content(content),
        Inline::Image(_) | Inline::NoteRef { .. } => true,
        Inline::LineBreak => false,
    })
}

/// Appends the words of `inlines` to `out`.
pub(crate) fn plain_text_into(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::LineBreak => out.push(' '),
            Inline::Link { content, .. } => plain_text_into(content, out),
            Inline::Image(_) | Inline::NoteRef { .. } => {}
        }
    }
}

/// A run of text or something that sits in a line of text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    Text {
        text: String,
        style: TextStyle,
    },
    /// A line break inside the paragraph (Shift+Enter in Word).
    LineBreak,
    Link {
        target: LinkTarget,
        content: Vec<Inline>,
    },
    /// A footnote or endnote mark.
    NoteRef {
        kind: NoteKind,
        id: String,
    },
    Image(Image),
}

impl Inline {
    pub(crate) fn text(text: impl Into<String>) -> Inline {
        Inline::Text {
            text: text.into(),
            style: TextStyle::default(),
        }
    }
}

/// The character formatting Markdown can keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub(crate) struct TextStyle {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LinkTarget {
    /// Another website, an email address or a phone number.
    External(String),
    /// A bookmark (or heading) inside the document.
    Bookmark(String),
    /// The site's A to Z of definitions, where the document's glossary went.
    Glossary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum NoteKind {
    Footnote,
    Endnote,
}

/// A picture, with the part of the package that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Image {
    /// The path of the picture inside the .docx, such as `word/media/image1.png`.
    pub part: String,
    /// The picture's description (alt text), if it has one.
    pub alt: Option<String>,
    /// Word wrote the description itself ("Description automatically generated").
    pub alt_is_automatic: bool,
    /// Marked as decorative in Word: it carries no meaning.
    pub decorative: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub cells: Vec<Cell>,
    /// Word's "Repeat as header row" setting.
    pub header: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    pub blocks: Vec<Block>,
    /// Columns this cell covers (merged across).
    pub span: usize,
    /// The cell continues the one above (merged down).
    pub merged_down: bool,
}

impl Cell {
    pub(crate) fn plain_text(&self) -> String {
        self.blocks
            .iter()
            .map(Block::plain_text)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Something in the document that the import could not carry over as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lost {
    pub what: LostKind,
    /// The [`Block::at`] of the body block it was in (a note's findings go to the block that
    /// refers to the note, when known).
    pub at: Option<usize>,
    /// Words to find it by: the text it held, or the start of the paragraph it was in.
    pub excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LostKind {
    TextBox,
    Comment {
        author: String,
        text: String,
    },
    TrackedChange,
    SmartArt,
    Chart,
    EmbeddedObject,
    Equation,
    Shape,
    /// A picture in a format browsers cannot show (EMF, WMF, TIFF), or one linked, not embedded.
    ImageFormat(String),
    DecorativeImage,
    AutomaticAltText,
    MergedCells,
    NestedTable,
    CellParagraphsJoined,
    LinkToFile(String),
    BrokenBookmark(String),
    TableOfContents,
    EmptyHeading(String),
    EmbeddedDocument,
}

impl LostKind {
    /// What happened, for the report.
    pub(crate) fn describe(&self) -> String {
        match self {
            LostKind::TextBox => "a text box was left out".into(),
            LostKind::Comment { author, text } if author.is_empty() => {
                format!("a comment was left out: \"{text}\"")
            }
            LostKind::Comment { author, text } => {
                format!("a comment by {author} was left out: \"{text}\"")
            }
            LostKind::TrackedChange => {
                "tracked changes were accepted (insertions kept, deletions left out)".into()
            }
            LostKind::SmartArt => "a SmartArt diagram was left out".into(),
            LostKind::Chart => "a chart was left out".into(),
            LostKind::EmbeddedObject => "an embedded object was left out".into(),
            LostKind::Equation => "an equation was left out".into(),
            LostKind::Shape => "a drawn shape was left out".into(),
            LostKind::ImageFormat(what) => format!("a picture {what}"),
            LostKind::DecorativeImage => {
                "a picture marked as decorative was left out".into()
            }
            LostKind::AutomaticAltText => {
                "a picture's description was written by Word automatically: check it says what the picture shows".into()
            }
            LostKind::MergedCells => {
                "merged table cells were split, the text kept in the first: check the table reads correctly".into()
            }
            LostKind::NestedTable => {
                "a table inside a table cell became text in that cell".into()
            }
            LostKind::CellParagraphsJoined => {
                "table cells with several paragraphs or a list were joined into one line".into()
            }
            LostKind::LinkToFile(target) => {
                format!("a link to `{target}` was kept as text: a website cannot link to it")
            }
            LostKind::BrokenBookmark(name) => {
                format!("a link to the bookmark `{name}` was kept as text: its target was not imported")
            }
            LostKind::TableOfContents => {
                "the table of contents was left out: each page gets its own contents list".into()
            }
            LostKind::EmptyHeading(title) => {
                format!("the heading \"{title}\" had no text under it, so it was not made a page")
            }
            LostKind::EmbeddedDocument => "an embedded document was left out".into(),
        }
    }
}
