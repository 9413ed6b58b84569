//! The data a pack PDF is made from.
//!
//! Everything here is plain data: the main crate fills it in (from front
//! matter, the document-control register and [`markdown_to_blocks`]), and
//! [`render_pack`] serialises it to JSON for the typst template. The template
//! only ever reads these values as data, so no author text is interpreted as
//! typst markup.
//!
//! JSON shape (what `pack.typ` reads): structs are plain objects; [`Block`] is
//! tagged by a `"type"` field; [`Inline`], [`LinkTarget`] are `{"type": ..,
//! "value": ..}` pairs; enum names are kebab-case.
//!
//! [`markdown_to_blocks`]: super::blocks::markdown_to_blocks
//! [`render_pack`]: super::render_pack

use std::collections::HashMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::problem;
use crate::diagnostics::Diagnostic;

/// One printable pack: a cover, a contents page and the chosen documents.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct PackData {
    /// Pack title: cover, PDF metadata title, running header on the contents page.
    pub title: String,
    /// Short description shown on the cover and written as PDF metadata.
    pub description: Option<String>,
    /// The safeguarding children partnership publishing the pack (PDF author).
    pub partnership: String,
    /// The pack's issue/version label, shown on the cover as "Version X".
    pub version: String,
    /// ISO date `YYYY-MM-DD` the pack was made. Shown on the cover, used as the
    /// PDF creation date and returned by typst's `datetime.today()`, so the
    /// output does not depend on the clock.
    pub date: String,
    /// Site address for the "printed copies may be out of date" footer line.
    pub site_url: Option<String>,
    /// BCP 47 language tag of the text, normally `en-GB`.
    pub language: String,
    /// The documents in reading order.
    pub documents: Vec<DocData>,
    /// How the pack is set on paper.
    #[serde(default)]
    pub layout: Layout,
}

/// How a pack is set on paper.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Layout {
    /// A cover, a contents page, each document from a new page.
    #[default]
    Pack,
    /// A 7-minute briefing: one document on one or two pages, no cover or contents, its
    /// sections numbered.
    Briefing,
}

/// One document (page of the site) inside a pack.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct DocData {
    /// The document's source file, where its problems are reported (not part of the PDF).
    #[serde(skip)]
    pub file: PathBuf,
    /// Unique id of the document within the pack. Used as the typst label that
    /// internal links point to; headings inside get `anchor--heading-id`.
    pub anchor: String,
    pub title: String,
    pub kind: DocKind,
    /// Lead paragraph shown under the title.
    pub summary: Option<String>,
    /// Document-control rows (Owner, Version, Approved, Published, Last
    /// updated, Next review due), already formatted for display.
    pub control: Vec<ControlRow>,
    /// Change history, newest first as the site shows it.
    pub changes: Vec<ChangeRow>,
    /// Extra facts for [`DocKind::Definition`] documents.
    pub definition: Option<DefinitionData>,
    /// Extra facts for [`DocKind::Signpost`] documents.
    pub signpost: Option<SignpostData>,
    /// The case review or audit a [`DocKind::Briefing`] shares learning from.
    #[serde(default)]
    pub source_review: Option<String>,
    /// The body, usually from [`markdown_to_blocks`](super::blocks::markdown_to_blocks).
    pub blocks: Vec<Block>,
}

/// What sort of page a document is; changes its caption and, for
/// definitions, how it is laid out (see the module docs of `pdf`).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum DocKind {
    Page,
    Definition,
    Toolkit,
    Signpost,
    Strategy,
    News,
    Briefing,
    Event,
}

/// A label/value row of the document-control table.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct ControlRow {
    pub label: String,
    pub value: String,
}

/// One entry of a document's change history.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct ChangeRow {
    /// Display date, already formatted (for example "3 March 2026").
    pub date: String,
    pub summary: String,
}

/// Glossary facts of a definition document.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub(crate) struct DefinitionData {
    /// The term; the document title is used when empty.
    pub term: String,
    pub abbreviation: Option<String>,
    pub aliases: Vec<String>,
    pub category: Option<String>,
    /// Where the definition comes from (for example "Working Together 2023").
    pub source: Option<String>,
    /// Names of related terms, shown as "Related: a, b".
    pub related: Vec<String>,
}

/// Service facts of a signpost document (a page pointing to another service).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub(crate) struct SignpostData {
    pub url: Option<String>,
    pub provider: Option<String>,
    pub audience: Option<String>,
    pub format: Option<String>,
    /// Display date the link was last checked.
    pub last_checked: Option<String>,
}

/// A block of document body content.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub(crate) enum Block {
    /// `level` is 2..=6 (the document title is level 1, made by the template)
    /// and never skips a level; `id` is the pack-unique typst label.
    Heading {
        level: u8,
        id: String,
        content: Vec<Inline>,
    },
    Paragraph {
        content: Vec<Inline>,
    },
    /// `tight` lists are set with less space between items.
    List {
        ordered: bool,
        start: u64,
        tight: bool,
        items: Vec<ListItem>,
    },
    /// Every row has exactly as many cells as `header` (and `align`).
    Table {
        align: Vec<Align>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Code {
        language: Option<String>,
        text: String,
    },
    DefinitionList {
        items: Vec<DefinitionItem>,
    },
    /// A printable form: prompts with ruled space to write answers.
    Form {
        prompts: Vec<FormPrompt>,
    },
    Rule,
}

/// One item of a [`Block::List`]; `checked` is set for task-list items.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct ListItem {
    pub checked: Option<bool>,
    pub blocks: Vec<Block>,
}

/// One term of a [`Block::DefinitionList`] with its definitions.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct DefinitionItem {
    pub term: Vec<Inline>,
    pub definitions: Vec<Vec<Block>>,
}

/// One question of a [`Block::Form`].
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct FormPrompt {
    pub text: String,
    /// Ruled writing lines under the prompt, 1..=8.
    pub lines: u32,
}

/// Column alignment of a [`Block::Table`].
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Align {
    None,
    Left,
    Center,
    Right,
}

/// Inline (phrase-level) content.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub(crate) enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    Code(String),
    Link {
        target: LinkTarget,
        content: Vec<Inline>,
    },
    LineBreak,
    /// A footnote, carrying the note's own text (Markdown footnote
    /// definitions are resolved into the reference by `markdown_to_blocks`).
    Footnote(Vec<Inline>),
}

/// Where a link goes.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub(crate) enum LinkTarget {
    /// A typst label in this pack: a document anchor or `docanchor--headingid`.
    /// Labels that are not in the pack degrade to the document anchor (when
    /// that exists) or to plain text.
    Internal(String),
    /// An absolute URL; printed after the link text so it works on paper.
    External(String),
}

impl Inline {
    /// Calls `f` with every piece of text a reader would see.
    pub(crate) fn visit_text(&self, f: &mut dyn FnMut(&str)) {
        match self {
            Inline::Text(t) | Inline::Code(t) => f(t),
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Strikethrough(c)
            | Inline::Footnote(c) => c.iter().for_each(|i| i.visit_text(f)),
            Inline::Link { target, content } => {
                content.iter().for_each(|i| i.visit_text(f));
                if let LinkTarget::External(url) = target {
                    f(url);
                }
            }
            Inline::LineBreak => {}
        }
    }
}

/// The plain text of inline content (for slugs, checks and messages).
pub(crate) fn plain_text(content: &[Inline]) -> String {
    let mut out = String::new();
    content
        .iter()
        .for_each(|i| i.visit_text(&mut |t| out.push_str(t)));
    out
}

impl Block {
    /// Calls `f` with every piece of text a reader would see.
    pub(crate) fn visit_text(&self, f: &mut dyn FnMut(&str)) {
        let inlines =
            |c: &[Inline], f: &mut dyn FnMut(&str)| c.iter().for_each(|i| i.visit_text(f));
        match self {
            Block::Heading { content, .. } | Block::Paragraph { content } => inlines(content, f),
            Block::List { items, .. } => items
                .iter()
                .flat_map(|i| &i.blocks)
                .for_each(|b| b.visit_text(f)),
            Block::Table { header, rows, .. } => header
                .iter()
                .chain(rows.iter().flatten())
                .for_each(|c| inlines(c, f)),
            Block::Quote { blocks } => blocks.iter().for_each(|b| b.visit_text(f)),
            Block::Code { text, .. } => f(text),
            Block::DefinitionList { items } => items.iter().for_each(|item| {
                inlines(&item.term, f);
                item.definitions
                    .iter()
                    .flatten()
                    .for_each(|b| b.visit_text(f));
            }),
            Block::Form { prompts } => prompts.iter().for_each(|p| f(&p.text)),
            Block::Rule => {}
        }
    }

    /// Calls `f` with this block and every block nested inside it.
    pub(crate) fn walk(&self, f: &mut dyn FnMut(&Block)) {
        f(self);
        match self {
            Block::List { items, .. } => {
                items.iter().flat_map(|i| &i.blocks).for_each(|b| b.walk(f))
            }
            Block::Quote { blocks } => blocks.iter().for_each(|b| b.walk(f)),
            Block::DefinitionList { items } => items
                .iter()
                .flat_map(|i| i.definitions.iter().flatten())
                .for_each(|b| b.walk(f)),
            _ => {}
        }
    }
}

impl DocData {
    /// Calls `f` with every piece of text of the document (title, summary,
    /// tables, facts and body).
    pub(crate) fn visit_text(&self, f: &mut dyn FnMut(&str)) {
        f(&self.title);
        self.summary.iter().for_each(|s| f(s));
        for row in &self.control {
            f(&row.label);
            f(&row.value);
        }
        for change in &self.changes {
            f(&change.date);
            f(&change.summary);
        }
        if let Some(d) = &self.definition {
            f(&d.term);
            d.abbreviation.iter().for_each(|s| f(s));
            d.aliases.iter().for_each(|s| f(s));
            d.category.iter().for_each(|s| f(s));
            d.source.iter().for_each(|s| f(s));
            d.related.iter().for_each(|s| f(s));
        }
        if let Some(s) = &self.signpost {
            [&s.url, &s.provider, &s.audience, &s.format, &s.last_checked]
                .into_iter()
                .flatten()
                .for_each(|t| f(t));
        }
        self.source_review.iter().for_each(|s| f(s));
        self.blocks.iter().for_each(|b| b.visit_text(f));
    }

    /// Every typst label this document defines: its anchor and heading ids.
    pub(crate) fn labels(&self) -> Vec<&str> {
        let mut ids = vec![self.anchor.as_str()];
        collect_heading_ids(&self.blocks, &mut ids);
        ids
    }
}

fn collect_heading_ids<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
    for block in blocks {
        match block {
            Block::Heading { id, .. } => out.push(id),
            Block::List { items, .. } => items
                .iter()
                .for_each(|i| collect_heading_ids(&i.blocks, out)),
            Block::Quote { blocks } => collect_heading_ids(blocks, out),
            Block::DefinitionList { items } => items
                .iter()
                .flat_map(|i| &i.definitions)
                .for_each(|d| collect_heading_ids(d, out)),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// Checks run before typst, so problems name the document they are in.

impl PackData {
    /// Data a PDF cannot be made from at all: bad date or language, missing
    /// or clashing anchors and heading ids, tables without columns.
    pub(crate) fn data_problems(&self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        if super::pack_date(&self.date).is_none() {
            problems.push(problem(
                None,
                format!("date \"{}\" is not a valid YYYY-MM-DD date.", self.date),
                "give the pack date as year-month-day, for example 2026-11-23",
            ));
        }
        if super::split_language(&self.language).is_none() {
            problems.push(problem(
                None,
                format!("language \"{}\" is not a language tag.", self.language),
                "use a tag such as en-GB",
            ));
        }
        let mut owners: HashMap<&str, &DocData> = HashMap::new();
        for doc in &self.documents {
            if doc.anchor.trim().is_empty() {
                problems.push(problem(
                    Some(doc),
                    "has an empty anchor.",
                    "give every document a unique anchor",
                ));
            }
            for label in doc.labels() {
                if let Some(first) = owners.insert(label, doc) {
                    problems.push(problem(
                        Some(doc),
                        format!(
                            "uses the id \"{label}\", which {} also uses.",
                            super::describe_doc(first)
                        ),
                        "anchors and heading ids must be unique in a pack; rename one of them",
                    ));
                }
            }
            for block in &doc.blocks {
                block.walk(&mut |b| {
                    if let Block::Table { header, .. } = b
                        && header.is_empty()
                    {
                        problems.push(problem(
                            Some(doc),
                            "has a table with no columns.",
                            "give the table a header row",
                        ));
                    }
                });
            }
        }
        problems
    }

    /// Structure PDF/UA-1 forbids: a pack or document without a title,
    /// headings without text, heading levels outside 2..=6 or skipping a level.
    pub(crate) fn structure_problems(&self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push(problem(
                None,
                "has no title; accessible PDFs need a document title.",
                "give the pack a title",
            ));
        }
        for doc in &self.documents {
            if doc.title.trim().is_empty() {
                problems.push(problem(
                    Some(doc),
                    "has no title; its title is a heading and headings need text.",
                    "give the document a title",
                ));
            }
            let mut previous = 1u8;
            for block in &doc.blocks {
                block.walk(&mut |b| {
                    let Block::Heading { level, content, id } = b else { return };
                    let text = plain_text(content);
                    if text.trim().is_empty() {
                        problems.push(problem(
                            Some(doc),
                            format!("heading \"{id}\" has no text; screen readers announce headings by their text."),
                            "write the heading text or remove the heading",
                        ));
                    }
                    if !(2..=6).contains(level) || *level > previous + 1 {
                        problems.push(problem(
                            Some(doc),
                            format!(
                                "heading \"{}\" is level {level} after level {previous}; PDF/UA needs levels 2 to 6 without skipping any.",
                                text.trim()
                            ),
                            format!("make it level {} or add the missing level above it", (previous + 1).min(6)),
                        ));
                    }
                    previous = *level;
                });
            }
        }
        problems
    }
}
