//! Markdown to [`Block`]s.
//!
//! The conversion runs as a few small passes over pulldown-cmark's event
//! stream:
//!
//! 1. `split_footnotes` lifts footnote definitions out of the stream; each
//!    is converted on its own and flattened to inline text, so a footnote
//!    reference can carry its note ([`Inline::Footnote`]).
//! 2. `Builder` turns the remaining events into blocks by recursive descent:
//!    one small method per construct, each consuming events up to its own end
//!    tag. Raw HTML is dropped (only `<br>` survives, as a line break) and
//!    images keep just their alt text, since neither can be printed safely.
//! 3. `assign_heading_ids` gives every heading a pack-unique id
//!    (`docanchor--slug`), and [`normalise_heading_levels`] maps levels to
//!    2..=6 without skips, which PDF/UA requires.

use std::collections::{HashMap, HashSet};
use std::iter::Peekable;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::model::{
    Align, Block, DefinitionItem, FormPrompt, Inline, LinkTarget, ListItem, plain_text,
};
use crate::markdown_parse::heading_ids::heading_id;

/// The Markdown extensions waymark documents are written with: the same as the website's.
pub(crate) fn markdown_options() -> Options {
    crate::markdown_parse::events::options()
}

/// Converts one document's Markdown body to blocks for the PDF.
///
/// `resolve` gets each raw link destination (a source path such as
/// `../definitions/neglect.md#types`, or a URL) and says where it goes in the
/// pack; links it returns `None` for keep their text without a link. Heading
/// ids are `{#custom}` ids or the website's [`heading_id`]s, made unique within
/// the document and prefixed with `doc_anchor--`.
pub(crate) fn markdown_to_blocks(
    markdown: &str,
    doc_anchor: &str,
    resolve: &dyn Fn(&str) -> Option<LinkTarget>,
) -> Vec<Block> {
    // Nesting past the site's limit (an error the page itself reports) is flattened, so the
    // recursive steps below and typst's layout never go deeper than that.
    let mut limit = crate::markdown_parse::depth::DepthLimit::new();
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, markdown_options())
        .filter(|event| limit.keep(event, 0))
        .collect();
    let (body, notes) = split_footnotes(events);
    let footnotes = convert_footnotes(notes, resolve);
    let mut blocks = Builder::new(body, resolve, &footnotes).blocks_until(None);
    assign_heading_ids(&mut blocks, doc_anchor);
    normalise_heading_levels(&mut blocks);
    blocks
}

/// Parses the body of a ```` ```form ```` block with the website's rules (one prompt per
/// non-blank line, an optional trailing `| N` for the lines of writing space).
pub(crate) fn parse_form(text: &str) -> Vec<FormPrompt> {
    crate::markdown::forms::parse_prompts(text)
        .into_iter()
        .map(|p| FormPrompt {
            text: p.text,
            lines: p.lines,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Pass 1: footnotes

type Events<'a> = Vec<Event<'a>>;

/// Splits footnote definitions (label, events) from the body events.
fn split_footnotes(events: Events<'_>) -> (Events<'_>, Vec<(String, Events<'_>)>) {
    let mut body = Vec::with_capacity(events.len());
    let mut notes: Vec<(String, Events<'_>)> = Vec::new();
    let mut open = false;
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                notes.push((footnote_key(&label), Vec::new()));
                open = true;
            }
            Event::End(TagEnd::FootnoteDefinition) => open = false,
            event if open => notes.last_mut().expect("open note").1.push(event),
            event => body.push(event),
        }
    }
    (body, notes)
}

/// Footnote labels match case-insensitively, as in CommonMark link labels.
fn footnote_key(label: &str) -> String {
    label.to_lowercase()
}

/// Converts each footnote definition to the inline text its references carry.
fn convert_footnotes(
    notes: Vec<(String, Events<'_>)>,
    resolve: &dyn Fn(&str) -> Option<LinkTarget>,
) -> HashMap<String, Vec<Inline>> {
    let none = HashMap::new();
    notes
        .into_iter()
        .map(|(label, events)| {
            let blocks = Builder::new(events, resolve, &none).blocks_until(None);
            (label, flatten_to_inlines(&blocks))
        })
        .collect()
}

/// Flattens blocks to one run of inline content (paragraphs joined by a
/// space), for places that only hold inline content such as footnotes.
fn flatten_to_inlines(blocks: &[Block]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for block in blocks {
        if !out.is_empty() {
            out.push(Inline::Text(" ".into()));
        }
        match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                out.extend(content.iter().cloned())
            }
            Block::Code { text, .. } => out.push(Inline::Code(text.clone())),
            Block::List { items, .. } => out.extend(flatten_to_inlines(
                &items
                    .iter()
                    .flat_map(|i| i.blocks.clone())
                    .collect::<Vec<_>>(),
            )),
            other => {
                let mut text = String::new();
                other.visit_text(&mut |t| {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(t)
                });
                out.push(Inline::Text(text));
            }
        }
    }
    merge_text(out)
}

// ---------------------------------------------------------------------------
// Pass 2: events to blocks

/// Recursive-descent converter from events to blocks.
struct Builder<'r, 'a, I: Iterator<Item = Event<'a>>> {
    events: Peekable<I>,
    resolve: &'r dyn Fn(&str) -> Option<LinkTarget>,
    footnotes: &'r HashMap<String, Vec<Inline>>,
    /// Task-list marker seen in the list item being read.
    task: Option<bool>,
}

impl<'r, 'a> Builder<'r, 'a, std::vec::IntoIter<Event<'a>>> {
    fn new(
        events: Events<'a>,
        resolve: &'r dyn Fn(&str) -> Option<LinkTarget>,
        footnotes: &'r HashMap<String, Vec<Inline>>,
    ) -> Self {
        Builder {
            events: events.into_iter().peekable(),
            resolve,
            footnotes,
            task: None,
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Builder<'_, 'a, I> {
    /// Reads blocks until `end` (or the end of the stream). Loose inline
    /// content, as in tight list items, becomes a paragraph.
    fn blocks_until(&mut self, end: Option<TagEnd>) -> Vec<Block> {
        let mut out = Vec::new();
        while let Some(event) = self.events.next() {
            match event {
                Event::End(tag) if Some(tag) == end => break,
                Event::End(_) | Event::Html(_) => {}
                Event::Rule => out.push(Block::Rule),
                Event::TaskListMarker(checked) => self.task = Some(checked),
                Event::Start(tag) if is_block_tag(&tag) => out.extend(self.block(tag)),
                inline => {
                    let content = self.loose_inlines(inline);
                    out.extend(paragraph(content));
                }
            }
        }
        out
    }

    /// Reads the block that `tag` starts (none when it is dropped).
    fn block(&mut self, tag: Tag<'a>) -> Vec<Block> {
        let end = tag.to_end();
        let block = match tag {
            Tag::Paragraph => paragraph(self.inlines_until(end)),
            Tag::Heading { level, id, .. } => {
                let content = self.inlines_until(end);
                (!is_blank(&content)).then(|| Block::Heading {
                    level: level as u8,
                    id: id.map(|id| id.to_string()).unwrap_or_default(),
                    content,
                })
            }
            Tag::BlockQuote(_) => Some(Block::Quote {
                blocks: self.blocks_until(Some(end)),
            }),
            Tag::CodeBlock(kind) => Some(code_block(kind, self.text_until(end))),
            Tag::List(start) => Some(self.list(start)),
            Tag::Table(align) => {
                Some(self.table(align.iter().map(|&a| convert_align(a)).collect()))
            }
            Tag::DefinitionList => Some(self.definition_list()),
            Tag::HtmlBlock | Tag::MetadataBlock(_) | Tag::FootnoteDefinition(_) => {
                self.skip_until(end);
                None
            }
            // Parts that only make sense inside their parents (items, table
            // rows) should not appear here; keep their content if they do.
            _ => return self.blocks_until(Some(end)),
        };
        block.into_iter().collect()
    }

    fn list(&mut self, start: Option<u64>) -> Block {
        let mut items = Vec::new();
        let mut tight = true;
        while let Some(event) = self.events.next() {
            match event {
                Event::Start(Tag::Item) => {
                    let (item, loose) = self.list_item();
                    tight &= !loose;
                    items.push(item);
                }
                Event::End(TagEnd::List(_)) => break,
                _ => {}
            }
        }
        Block::List {
            ordered: start.is_some(),
            start: start.unwrap_or(1),
            tight,
            items,
        }
    }

    /// Reads one list item; also says whether it was loose (paragraphs).
    fn list_item(&mut self) -> (ListItem, bool) {
        let outer_task = self.task.take();
        let loose = matches!(self.events.peek(), Some(Event::Start(Tag::Paragraph)));
        let blocks = self.blocks_until(Some(TagEnd::Item));
        let checked = std::mem::replace(&mut self.task, outer_task);
        (ListItem { checked, blocks }, loose)
    }

    fn table(&mut self, mut align: Vec<Align>) -> Block {
        let mut header = Vec::new();
        let mut rows = Vec::new();
        while let Some(event) = self.events.next() {
            match event {
                Event::Start(Tag::TableHead) => header = self.table_row(TagEnd::TableHead),
                Event::Start(Tag::TableRow) => rows.push(self.table_row(TagEnd::TableRow)),
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        let columns = header.len().max(align.len()).max(1);
        align.resize(columns, Align::None);
        header.resize(columns, Vec::new());
        rows.iter_mut()
            .for_each(|row| row.resize(columns, Vec::new()));
        Block::Table {
            align,
            header,
            rows,
        }
    }

    fn table_row(&mut self, end: TagEnd) -> Vec<Vec<Inline>> {
        let mut cells = Vec::new();
        while let Some(event) = self.events.next() {
            match event {
                Event::Start(Tag::TableCell) => cells.push(self.inlines_until(TagEnd::TableCell)),
                Event::End(tag) if tag == end => break,
                _ => {}
            }
        }
        cells
    }

    fn definition_list(&mut self) -> Block {
        let mut items: Vec<DefinitionItem> = Vec::new();
        while let Some(event) = self.events.next() {
            match event {
                Event::Start(Tag::DefinitionListTitle) => items.push(DefinitionItem {
                    term: self.inlines_until(TagEnd::DefinitionListTitle),
                    definitions: Vec::new(),
                }),
                Event::Start(Tag::DefinitionListDefinition) => {
                    let blocks = self.blocks_until(Some(TagEnd::DefinitionListDefinition));
                    if items.is_empty() {
                        items.push(DefinitionItem {
                            term: Vec::new(),
                            definitions: Vec::new(),
                        });
                    }
                    items.last_mut().expect("item").definitions.push(blocks);
                }
                Event::End(TagEnd::DefinitionList) => break,
                _ => {}
            }
        }
        Block::DefinitionList { items }
    }

    /// Reads inline content starting with `first` up to the next block event.
    fn loose_inlines(&mut self, first: Event<'a>) -> Vec<Inline> {
        let mut out = Vec::new();
        self.push_inline(first, &mut out);
        while self.events.peek().is_some_and(is_inline_event) {
            let event = self.events.next().expect("peeked");
            self.push_inline(event, &mut out);
        }
        merge_text(out)
    }

    /// Reads inline content up to `end`.
    fn inlines_until(&mut self, end: TagEnd) -> Vec<Inline> {
        let mut out = Vec::new();
        while let Some(event) = self.events.next() {
            match event {
                Event::End(tag) if tag == end => break,
                event => self.push_inline(event, &mut out),
            }
        }
        merge_text(out)
    }

    fn push_inline(&mut self, event: Event<'a>, out: &mut Vec<Inline>) {
        match event {
            Event::Text(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                out.push(Inline::Text(text.into_string()))
            }
            Event::Code(code) => out.push(Inline::Code(code.into_string())),
            Event::SoftBreak => out.push(Inline::Text(" ".into())),
            Event::HardBreak => out.push(Inline::LineBreak),
            Event::InlineHtml(html) if is_br_tag(&html) => out.push(Inline::LineBreak),
            Event::FootnoteReference(label) => out.push(self.footnote(&label)),
            Event::TaskListMarker(checked) => self.task = Some(checked),
            Event::Start(tag) => self.inline_tag(tag, out),
            _ => {}
        }
    }

    fn inline_tag(&mut self, tag: Tag<'a>, out: &mut Vec<Inline>) {
        let end = tag.to_end();
        match tag {
            Tag::Emphasis => out.push(Inline::Emphasis(self.inlines_until(end))),
            Tag::Strong => out.push(Inline::Strong(self.inlines_until(end))),
            Tag::Strikethrough => out.push(Inline::Strikethrough(self.inlines_until(end))),
            Tag::Link { dest_url, .. } => {
                let content = self.inlines_until(end);
                out.extend(self.link(&dest_url, content));
            }
            // Images cannot be printed here; their alt text stands in.
            _ => out.extend(self.inlines_until(end)),
        }
    }

    fn link(&self, destination: &str, content: Vec<Inline>) -> Vec<Inline> {
        let Some(target) = (self.resolve)(destination) else {
            return content;
        };
        let content = if is_blank(&content) {
            let text = match &target {
                LinkTarget::External(url) => url.clone(),
                LinkTarget::Internal(_) => destination.to_string(),
            };
            vec![Inline::Text(text)]
        } else {
            content
        };
        vec![Inline::Link { target, content }]
    }

    fn footnote(&self, label: &str) -> Inline {
        match self.footnotes.get(&footnote_key(label)) {
            Some(note) => Inline::Footnote(note.clone()),
            None => Inline::Text(format!("[^{label}]")),
        }
    }

    fn text_until(&mut self, end: TagEnd) -> String {
        let mut text = String::new();
        for event in self.events.by_ref() {
            match event {
                Event::End(tag) if tag == end => break,
                Event::Text(t) => text.push_str(&t),
                _ => {}
            }
        }
        text
    }

    fn skip_until(&mut self, end: TagEnd) {
        for event in self.events.by_ref() {
            if event == Event::End(end) {
                break;
            }
        }
    }
}

fn is_block_tag(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_inline_event(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => !is_block_tag(tag),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak => true,
        _ => false,
    }
}

fn is_br_tag(html: &str) -> bool {
    let tag: String = html.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(tag.to_ascii_lowercase().as_str(), "<br>" | "<br/>")
}

fn is_blank(content: &[Inline]) -> bool {
    plain_text(content).trim().is_empty()
}

fn paragraph(content: Vec<Inline>) -> Option<Block> {
    (!is_blank(&content)).then_some(Block::Paragraph { content })
}

fn code_block(kind: CodeBlockKind<'_>, text: String) -> Block {
    let language = match kind {
        CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_string),
        CodeBlockKind::Indented => None,
    };
    match language.as_deref() {
        Some("form") => Block::Form {
            prompts: parse_form(&text),
        },
        _ => Block::Code {
            language,
            text: text.trim_end_matches('\n').to_string(),
        },
    }
}

fn convert_align(align: pulldown_cmark::Alignment) -> Align {
    match align {
        pulldown_cmark::Alignment::None => Align::None,
        pulldown_cmark::Alignment::Left => Align::Left,
        pulldown_cmark::Alignment::Center => Align::Center,
        pulldown_cmark::Alignment::Right => Align::Right,
    }
}

/// Joins neighbouring text runs (pulldown-cmark splits text at smart quotes
/// and entities), which keeps the JSON and the typst content small.
fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match (out.last_mut(), inline) {
            (Some(Inline::Text(prev)), Inline::Text(next)) => prev.push_str(&next),
            (_, inline) => out.push(inline),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Pass 3: heading ids and levels

/// Calls `f` with every heading (level, id, content) in document order.
fn for_each_heading_mut(blocks: &mut [Block], f: &mut dyn FnMut(&mut u8, &mut String, &[Inline])) {
    for block in blocks {
        match block {
            Block::Heading { level, id, content } => f(level, id, content),
            Block::List { items, .. } => items
                .iter_mut()
                .for_each(|item| for_each_heading_mut(&mut item.blocks, f)),
            Block::Quote { blocks } => for_each_heading_mut(blocks, f),
            Block::DefinitionList { items } => items
                .iter_mut()
                .flat_map(|item| item.definitions.iter_mut())
                .for_each(|blocks| for_each_heading_mut(blocks, f)),
            _ => {}
        }
    }
}

/// Gives each heading a unique id (`{#custom}` or slug, then `-1`, `-2`, ...
/// for repeats) prefixed with `doc_anchor--`.
fn assign_heading_ids(blocks: &mut [Block], doc_anchor: &str) {
    let mut seen = HashSet::new();
    for_each_heading_mut(blocks, &mut |_, id, content| {
        let base = if id.is_empty() {
            heading_id(&plain_text(content))
        } else {
            id.clone()
        };
        let mut unique = base.clone();
        let mut n = 0;
        while !seen.insert(unique.clone()) {
            n += 1;
            unique = format!("{base}-{n}");
        }
        *id = format!("{doc_anchor}--{unique}");
    });
}

/// Maps heading levels into 2..=6 (level 1 is the document title) and removes
/// skipped levels, as PDF/UA forbids them: a heading is at most one level
/// deeper than the one before it.
pub(crate) fn normalise_heading_levels(blocks: &mut [Block]) {
    let mut previous = 1u8;
    for_each_heading_mut(blocks, &mut |level, _, _| {
        *level = (*level).clamp(2, 6).min(previous + 1);
        previous = *level;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "pdf")]
    #[test]
    fn the_pdf_model_of_deep_input_is_built_and_serialised_on_a_small_stack() {
        use crate::markdown_parse::depth::tests::{hostile_bodies, on_small_stack};
        on_small_stack(|| {
            for body in hostile_bodies() {
                let blocks = markdown_to_blocks(&body, "doc", &|_| None);
                assert!(serde_json::to_string(&blocks).is_ok());
            }
        });
    }

    fn resolve(dest: &str) -> Option<LinkTarget> {
        if dest.starts_with("https://") {
            return Some(LinkTarget::External(dest.to_string()));
        }
        match dest {
            "../definitions/neglect.md" => Some(LinkTarget::Internal("neglect".into())),
            "../definitions/neglect.md#types" => {
                Some(LinkTarget::Internal("neglect--types".into()))
            }
            _ => None,
        }
    }

    fn convert(md: &str) -> Vec<Block> {
        markdown_to_blocks(md, "doc", &resolve)
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    fn para(content: Vec<Inline>) -> Block {
        Block::Paragraph { content }
    }

    fn headings(blocks: &[Block]) -> Vec<(u8, String)> {
        let mut out = Vec::new();
        blocks.iter().for_each(|b| {
            b.walk(&mut |b| {
                if let Block::Heading { level, id, .. } = b {
                    out.push((*level, id.clone()));
                }
            })
        });
        out
    }

    #[test]
    fn heading_ids_are_slugged_custom_and_deduplicated() {
        let blocks = convert(
            "## Types of neglect\n\n## Types of neglect\n\n## Types of neglect\n\n## Signs {#signs-custom}\n\n## ???\n",
        );
        assert_eq!(
            headings(&blocks),
            vec![
                (2, "doc--types-of-neglect".into()),
                (2, "doc--types-of-neglect-1".into()),
                (2, "doc--types-of-neglect-2".into()),
                (2, "doc--signs-custom".into()),
                (2, "doc--section".into()),
            ]
        );
    }

    #[test]
    fn heading_ids_are_the_websites() {
        let blocks = convert("## Horwath\u{2019}s  six -- categories\n");
        assert_eq!(
            headings(&blocks),
            vec![(2, "doc--horwaths-six-categories".into())]
        );
    }

    #[test]
    fn heading_levels_are_normalised() {
        let blocks = convert("# Top\n\n#### Deep\n\n### Three\n\n###### Six\n\n## Two\n");
        let levels: Vec<u8> = headings(&blocks).into_iter().map(|(l, _)| l).collect();
        assert_eq!(levels, vec![2, 3, 3, 4, 2]);
    }

    #[test]
    fn empty_headings_are_dropped() {
        assert!(headings(&convert("##\n\n## <span></span>\n")).is_empty());
    }

    #[test]
    fn links_resolve_internal_external_or_fall_back_to_text() {
        let blocks = convert(
            "See [neglect](../definitions/neglect.md), [types](../definitions/neglect.md#types), \
             [GOV.UK](https://www.gov.uk) and [a draft](../drafts/x.md).",
        );
        let [Block::Paragraph { content }] = blocks.as_slice() else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            content,
            &vec![
                text("See "),
                Inline::Link {
                    target: LinkTarget::Internal("neglect".into()),
                    content: vec![text("neglect")]
                },
                text(", "),
                Inline::Link {
                    target: LinkTarget::Internal("neglect--types".into()),
                    content: vec![text("types")]
                },
                text(", "),
                Inline::Link {
                    target: LinkTarget::External("https://www.gov.uk".into()),
                    content: vec![text("GOV.UK")]
                },
                text(" and a draft."),
            ]
        );
    }

    #[test]
    fn autolink_keeps_url_as_text() {
        let blocks = convert("<https://example.org/a>");
        assert_eq!(
            blocks,
            vec![para(vec![Inline::Link {
                target: LinkTarget::External("https://example.org/a".into()),
                content: vec![text("https://example.org/a")]
            }])]
        );
    }

    #[test]
    fn inline_styles_and_smart_punctuation() {
        let blocks = convert("A **bold** _it_ ~~old~~ `code` \"quoted\" -- don't  \nnext");
        assert_eq!(
            blocks,
            vec![para(vec![
                text("A "),
                Inline::Strong(vec![text("bold")]),
                text(" "),
                Inline::Emphasis(vec![text("it")]),
                text(" "),
                Inline::Strikethrough(vec![text("old")]),
                text(" "),
                Inline::Code("code".into()),
                text(" \u{201c}quoted\u{201d} \u{2013} don\u{2019}t"),
                Inline::LineBreak,
                text("next"),
            ])]
        );
    }

    #[test]
    fn form_blocks_with_and_without_line_counts() {
        let blocks = convert(
            "```form\nChild's name\n\nWhat are your concerns? | 8\nHuge | 99\nZero | 0\nNot a count | many\n```\n",
        );
        let prompt = |t: &str, n| FormPrompt {
            text: t.into(),
            lines: n,
        };
        assert_eq!(
            blocks,
            vec![Block::Form {
                prompts: vec![
                    prompt("Child's name", 4),
                    prompt("What are your concerns?", 8),
                    prompt("Huge", 8),
                    prompt("Zero", 1),
                    prompt("Not a count | many", 4),
                ]
            }]
        );
    }

    #[test]
    fn code_blocks_keep_language() {
        assert_eq!(
            convert("```json extra\n{\"a\": 1}\n```\n\n    indented\n"),
            vec![
                Block::Code {
                    language: Some("json".into()),
                    text: "{\"a\": 1}".into()
                },
                Block::Code {
                    language: None,
                    text: "indented".into()
                },
            ]
        );
    }

    #[test]
    fn tables_with_alignment_and_ragged_rows() {
        let blocks = convert("| Risk | Level |\n|:-----|------:|\n| High | 3 |\n| Low |\n");
        assert_eq!(
            blocks,
            vec![Block::Table {
                align: vec![Align::Left, Align::Right],
                header: vec![vec![text("Risk")], vec![text("Level")]],
                rows: vec![
                    vec![vec![text("High")], vec![text("3")]],
                    vec![vec![text("Low")], vec![]],
                ],
            }]
        );
    }

    #[test]
    fn nested_and_task_lists() {
        let blocks = convert("1. One\n   - [x] done\n   - [ ] todo\n2. Two\n");
        let item = |checked, blocks| ListItem { checked, blocks };
        assert_eq!(
            blocks,
            vec![Block::List {
                ordered: true,
                start: 1,
                tight: true,
                items: vec![
                    item(
                        None,
                        vec![
                            para(vec![text("One")]),
                            Block::List {
                                ordered: false,
                                start: 1,
                                tight: true,
                                items: vec![
                                    item(Some(true), vec![para(vec![text("done")])]),
                                    item(Some(false), vec![para(vec![text("todo")])]),
                                ],
                            },
                        ]
                    ),
                    item(None, vec![para(vec![text("Two")])]),
                ],
            }]
        );
    }

    #[test]
    fn loose_list_and_start_number() {
        let blocks = convert("3. First\n\n   More.\n\n4. Second\n");
        let Block::List {
            start,
            tight,
            items,
            ..
        } = &blocks[0]
        else {
            panic!()
        };
        assert_eq!(
            (*start, *tight, items.len(), items[0].blocks.len()),
            (3, false, 2, 2)
        );
    }

    #[test]
    fn definition_lists() {
        let blocks = convert(
            "Child\n: A person under 18.\n: See also young person.\n\nLADO\n: Local authority designated officer.\n",
        );
        assert_eq!(
            blocks,
            vec![Block::DefinitionList {
                items: vec![
                    DefinitionItem {
                        term: vec![text("Child")],
                        definitions: vec![
                            vec![para(vec![text("A person under 18.")])],
                            vec![para(vec![text("See also young person.")])],
                        ],
                    },
                    DefinitionItem {
                        term: vec![text("LADO")],
                        definitions: vec![vec![para(vec![text(
                            "Local authority designated officer."
                        )])]],
                    },
                ]
            }]
        );
    }

    #[test]
    fn raw_html_is_dropped() {
        let blocks = convert(
            "<div class=\"x\">\n<script>alert(1)</script>\n</div>\n\nText <b>bold</b> and<br>break <!-- note -->\n",
        );
        assert_eq!(
            blocks,
            vec![para(vec![
                text("Text bold and"),
                Inline::LineBreak,
                text("break ")
            ])]
        );
    }

    #[test]
    fn footnotes_are_inlined_and_definitions_removed() {
        let blocks = convert("Claim.[^1] Other.[^missing]\n\n[^1]: From *Working Together*.\n");
        assert_eq!(
            blocks,
            vec![para(vec![
                text("Claim."),
                Inline::Footnote(vec![
                    text("From "),
                    Inline::Emphasis(vec![text("Working Together")]),
                    text(".")
                ]),
                text(" Other.[^missing]"),
            ])]
        );
    }

    #[test]
    fn quotes_rules_and_images() {
        let blocks = convert("> Quoted\n\n---\n\n![A chart of referrals](chart.png)\n");
        assert_eq!(
            blocks,
            vec![
                Block::Quote {
                    blocks: vec![para(vec![text("Quoted")])]
                },
                Block::Rule,
                para(vec![text("A chart of referrals")]),
            ]
        );
    }
}
