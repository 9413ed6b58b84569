//! The document model as Markdown, one page at a time, in small passes: heading levels
//! under the title, then each block (headings, paragraphs, quotations, lists, tables), then
//! the page's notes.

mod context;
mod escape;
mod headings;
mod inline;
mod lists;
mod notes;
mod tables;

pub(crate) use context::{Notes, PageContext, PageImage};

use crate::import::model::{Block, Content, ParagraphKind};
use inline::{Mode, render};

/// A page's body: its blocks, then the notes they cite.
pub(crate) fn page_body(blocks: &[Block], notes: &Notes, ctx: &mut PageContext<'_>) -> String {
    let mut out = blocks_markdown(blocks, ctx);
    let notes = notes::render_notes(notes, ctx);
    if !notes.is_empty() {
        out.push('\n');
        out.push_str(&notes);
    }
    out
}

/// Inline content alone, for one-line values such as a definition's meaning.
pub(crate) fn paragraphs(blocks: &[Block], ctx: &mut PageContext<'_>) -> String {
    blocks_markdown(blocks, ctx)
}

fn blocks_markdown(blocks: &[Block], ctx: &mut PageContext<'_>) -> String {
    let levels = headings::levels(blocks);
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        ctx.at = block.at;
        match &block.content {
            Content::Paragraph(p) => match p.kind {
                ParagraphKind::ListItem(_) => {
                    let end = blocks[i..]
                        .iter()
                        .position(|b| {
                            !matches!(
                                b.paragraph().map(|p| p.kind),
                                Some(ParagraphKind::ListItem(_))
                            )
                        })
                        .map_or(blocks.len(), |n| i + n);
                    parts.push(lists::render_items(&blocks[i..end], ctx));
                    i = end;
                    continue;
                }
                ParagraphKind::Heading(_) => {
                    let level = levels[i].unwrap_or(2);
                    let text = render(&p.inlines, ctx, Mode::Line).replace('#', "\\#");
                    let text = text.trim().replace('{', "\\{");
                    let id = ctx
                        .heading_id(block.at)
                        .map(|id| format!(" {{#{id}}}"))
                        .unwrap_or_default();
                    parts.push(format!("{} {text}{id}\n", "#".repeat(level)));
                }
                ParagraphKind::Quote => {
                    let text = lines(&render(&p.inlines, ctx, Mode::Block));
                    let quoted: Vec<String> = text.lines().map(|l| format!("> {l}")).collect();
                    parts.push(quoted.join("\n") + "\n");
                }
                _ => parts.push(lines(&render(&p.inlines, ctx, Mode::Block)) + "\n"),
            },
            Content::Table(table) if tables::is_box(table) => {
                let inner = tables::box_blocks(table);
                let text = blocks_markdown(&inner, ctx);
                if !text.trim().is_empty() {
                    parts.push(text);
                }
            }
            Content::Table(table) => parts.push(tables::render_table(table, ctx)),
        }
        i += 1;
    }
    parts.join("\n")
}

/// Escapes each line's start and trims its edges.
fn lines(text: &str) -> String {
    text.lines()
        .map(|l| escape::line_start(l.trim_end_matches(' ')))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::model::{Inline, NoteKind};
    use crate::import::targets::Targets;
    use crate::import::testing::{block, heading, item, para, table};

    #[test]
    fn a_page_reads_as_markdown() {
        let blocks = [
            para(0, "Neglect is harm."),
            heading(1, 2, "Signs"),
            item(2, 1, 0, None, "Missed checks"),
            item(3, 1, 0, None, "Hunger"),
            block(
                4,
                ParagraphKind::Quote,
                vec![
                    Inline::text("No one comes to see"),
                    Inline::NoteRef {
                        kind: NoteKind::Endnote,
                        id: "2".into(),
                    },
                ],
            ),
            heading(5, 4, "1. Numbers"),
            table(6, &[&["Age", "Sign"], &["0 to 2", "Weight"]]),
            table(7, &[&["A key message in a box."]]),
        ];
        let mut notes = Notes::new();
        notes.insert(
            (NoteKind::Endnote, "2".into()),
            vec![para(0, "Young person, 2024.")],
        );
        let targets = Targets::default();
        let mut ctx = PageContext::new("strategy/signs.md", &targets);
        assert_eq!(
            page_body(&blocks, &notes, &mut ctx),
            "Neglect is harm.\n\n## Signs\n\n- Missed checks\n- Hunger\n\n> No one comes to see[^1]\n\n\
             ### 1. Numbers\n\n| Age | Sign |\n| --- | --- |\n| 0 to 2 | Weight |\n\nA key message in a box.\n\n\
             [^1]: Young person, 2024.\n"
        );
    }
}
