//! The document's blocks: paragraphs (with what kind each is) and tables, through the
//! wrappers Word puts around them (content controls, custom XML, tracked insertions).

use roxmltree::Node;

use super::inline::alternate_choice;
use super::reader::Reader;
use super::styles::{ParagraphStyle, w_num_pr};
use super::xml::{self, w_attr, w_child, w_child_val, w_name, w_toggle};
use crate::import::model::{
    Block, Cell, Content, ListItem, LostKind, Paragraph, ParagraphKind, Row, Table,
};

/// Words from the start of a block, to find it by in the report.
const EXCERPT_WORDS: usize = 8;

impl Reader<'_> {
    /// The body's blocks, each numbered with [`Block::at`].
    pub(super) fn body(&mut self, body: Node<'_, '_>) -> Vec<Block> {
        let mut out = Vec::new();
        self.blocks_into(body, true, &mut out);
        out
    }

    /// The blocks of a note or table cell, which share their container's number.
    pub(super) fn inner_blocks(&mut self, node: Node<'_, '_>) -> Vec<Block> {
        let mut out = Vec::new();
        self.blocks_into(node, false, &mut out);
        out
    }

    fn blocks_into(&mut self, container: Node<'_, '_>, top: bool, out: &mut Vec<Block>) {
        for node in container.children() {
            match w_name(node) {
                "p" | "tbl" => {
                    if top {
                        self.at = Some(self.next_at);
                        self.next_at += 1;
                    }
                    let content = if w_name(node) == "p" {
                        self.paragraph(node).map(Content::Paragraph)
                    } else {
                        Some(Content::Table(self.table(node)))
                    };
                    if let Some(content) = content {
                        let block = Block {
                            at: self.at.unwrap_or(usize::MAX),
                            content,
                        };
                        self.place_bookmarks(block.at);
                        if top {
                            self.fill_excerpts(&block);
                        }
                        out.push(block);
                    }
                }
                "sdt" => {
                    if is_contents_control(node) {
                        self.lose_contents();
                    } else if let Some(content) = w_child(node, "sdtContent") {
                        self.blocks_into(content, top, out);
                    }
                }
                "customXml" | "ins" | "moveTo" => self.blocks_into(node, top, out),
                "del" | "moveFrom" => self.lose_tracked_change(),
                "bookmarkStart" => self.bookmark(node),
                "altChunk" => self.lose(LostKind::EmbeddedDocument, ""),
                "" if node.tag_name().name() == "AlternateContent" => {
                    if let Some(choice) = alternate_choice(node) {
                        self.blocks_into(choice, top, out);
                    }
                }
                _ => {}
            }
        }
    }

    /// Bookmarks met so far belong to the block just made.
    fn place_bookmarks(&mut self, at: usize) {
        if self.at.is_none() {
            self.pending_bookmarks.clear();
            return;
        }
        for name in self.pending_bookmarks.drain(..) {
            self.bookmarks.entry(name).or_insert(at);
        }
    }

    /// Gives findings in this block without words of their own the block's first words.
    fn fill_excerpts(&mut self, block: &Block) {
        let text = block.plain_text();
        let excerpt: Vec<&str> = text.split_whitespace().take(EXCERPT_WORDS).collect();
        let mut excerpt = excerpt.join(" ");
        if text.split_whitespace().count() > EXCERPT_WORDS {
            excerpt.push('…');
        }
        for lost in self.lost.iter_mut().rev() {
            if lost.at != Some(block.at) {
                break;
            }
            if lost.excerpt.is_empty() {
                lost.excerpt = excerpt.clone();
            }
        }
    }

    /// A paragraph, or None for one with nothing to show or a line of the table of contents.
    fn paragraph(&mut self, node: Node<'_, '_>) -> Option<Paragraph> {
        let ppr = w_child(node, "pPr");
        let style = ppr
            .and_then(|p| w_child_val(p, "pStyle"))
            .map(|id| self.styles.paragraph(id))
            .unwrap_or_default();
        self.start_paragraph();
        self.inlines(node);
        let inlines = self.finish_paragraph();
        if style.contents {
            self.lose_contents();
            return None;
        }
        let paragraph = Paragraph::new(kind(ppr, style), inlines);
        (!paragraph.is_empty()).then_some(paragraph)
    }

    fn table(&mut self, node: Node<'_, '_>) -> Table {
        let mut rows = Vec::new();
        let mut merged = false;
        for tr in children_through_wrappers(node, "tr") {
            let trpr = w_child(tr, "trPr");
            let header = trpr.and_then(|p| w_toggle(p, "tblHeader")) == Some(true);
            let before = trpr
                .and_then(|p| w_child_val(p, "gridBefore"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0);
            let mut cells: Vec<Cell> = (0..before.min(64))
                .map(|_| Cell {
                    blocks: Vec::new(),
                    span: 1,
                    merged_down: false,
                })
                .collect();
            for tc in children_through_wrappers(tr, "tc") {
                let tcpr = w_child(tc, "tcPr");
                let span = tcpr
                    .and_then(|p| w_child_val(p, "gridSpan"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let merged_down = tcpr
                    .and_then(|p| w_child(p, "vMerge"))
                    .is_some_and(|m| w_attr(m, "val") != Some("restart"));
                merged |= span > 1 || merged_down;
                let blocks = self.cell_blocks(tc);
                cells.push(Cell {
                    blocks,
                    span,
                    merged_down,
                });
            }
            rows.push(Row { cells, header });
        }
        if merged {
            self.lose(LostKind::MergedCells, "");
        }
        Table { rows }
    }

    /// A cell's paragraphs; a table inside the cell becomes its paragraphs.
    fn cell_blocks(&mut self, tc: Node<'_, '_>) -> Vec<Block> {
        let mut blocks = self.inner_blocks(tc);
        if blocks.iter().any(|b| b.table().is_some()) {
            self.lose(LostKind::NestedTable, "");
            blocks = blocks.into_iter().flat_map(flatten_table).collect();
        }
        blocks
    }
}

/// A nested table as its cells' paragraphs.
fn flatten_table(block: Block) -> Vec<Block> {
    match block.content {
        Content::Paragraph(_) => vec![block],
        Content::Table(table) => table
            .rows
            .into_iter()
            .flat_map(|r| r.cells)
            .flat_map(|c| c.blocks)
            .flat_map(flatten_table)
            .collect(),
    }
}

/// The paragraph's kind from its style and its own settings, which win.
fn kind(ppr: Option<Node<'_, '_>>, style: ParagraphStyle) -> ParagraphKind {
    let outline = ppr
        .and_then(|p| w_child_val(p, "outlineLvl"))
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|l| *l < 9)
        .map(|l| l + 1);
    if style.title {
        return ParagraphKind::Title;
    }
    if style.subtitle {
        return ParagraphKind::Subtitle;
    }
    if let Some(level) = outline.or(style.heading) {
        return ParagraphKind::Heading(level);
    }
    let list = match ppr.and_then(w_num_pr) {
        Some((Some(0), _)) => None,
        Some((Some(num), level)) => Some((num, level)),
        Some((None, level)) => style.list.map(|(num, _)| (num, level)),
        None => style.list,
    };
    if let Some((num_id, level)) = list {
        return ParagraphKind::ListItem(ListItem {
            num_id,
            level,
            number: None,
        });
    }
    if style.quote {
        return ParagraphKind::Quote;
    }
    ParagraphKind::Normal
}

/// A content control holding Word's table of contents.
fn is_contents_control(sdt: Node<'_, '_>) -> bool {
    w_child(sdt, "sdtPr")
        .and_then(|p| xml::descendant(p, "docPartGallery"))
        .and_then(|g| w_attr(g, "val"))
        .is_some_and(|v| v.eq_ignore_ascii_case("Table of Contents"))
}

/// Children called `name`, looking through content controls and custom XML wrapped round
/// rows and cells.
fn children_through_wrappers<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for child in node.children() {
        match w_name(child) {
            n if n == name => out.push(child),
            "sdt" => {
                if let Some(content) = w_child(child, "sdtContent") {
                    out.extend(children_through_wrappers(content, name));
                }
            }
            "customXml" => out.extend(children_through_wrappers(child, name)),
            _ => {}
        }
    }
    out
}
