//! Tables as Markdown pipe tables: the first row is the header (Word's "repeat as header
//! row" or, failing that, simply the first), merged cells are split with their text in the
//! first, and a cell's paragraphs are joined onto its one line. A one-column table (a box
//! round a key message) is written as its paragraphs.

use super::context::PageContext;
use super::inline::{Mode, render};
use crate::import::model::{Block, Content, Lost, LostKind, ParagraphKind, Table};

/// Renders a table of two or more columns. Several rows marked "repeat as header row"
/// become one header row, each column headed by its labels joined ("Experiences of neglect:
/// Medical"), so every column has a header a screen reader can announce.
pub(super) fn render_table(table: &Table, ctx: &mut PageContext<'_>) -> String {
    let columns = table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.span).sum::<usize>())
        .max()
        .unwrap_or(0);
    let header_rows = table.rows.iter().take_while(|r| r.header).count();
    let mut joined = false;
    let mut lines: Vec<Vec<String>> = Vec::new();
    if header_rows >= 2 {
        let mut header = vec![Vec::<String>::new(); columns];
        for row in &table.rows[..header_rows] {
            let cells = row_cells(row, columns, true, ctx, &mut joined);
            for (labels, text) in header.iter_mut().zip(cells) {
                if !text.is_empty() && labels.last() != Some(&text) {
                    labels.push(text);
                }
            }
        }
        lines.push(header.into_iter().map(|l| l.join(": ")).collect());
    }
    let body_start = if header_rows >= 2 { header_rows } else { 0 };
    for row in &table.rows[body_start..] {
        lines.push(row_cells(row, columns, false, ctx, &mut joined));
    }
    if joined {
        ctx.lost.push(Lost {
            what: LostKind::CellParagraphsJoined,
            at: Some(ctx.at),
            excerpt: String::new(),
        });
    }
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push('|');
        for cell in line {
            out.push(' ');
            out.push_str(cell);
            out.push_str(" |");
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            out.push_str(&" --- |".repeat(columns));
            out.push('\n');
        }
    }
    out
}

/// A row's cells, one per column: a cell merged across keeps its text in the first column
/// (or, for a header row being combined, in every column it covers).
fn row_cells(
    row: &crate::import::model::Row,
    columns: usize,
    repeat_spans: bool,
    ctx: &mut PageContext<'_>,
    joined: &mut bool,
) -> Vec<String> {
    let mut line = Vec::with_capacity(columns);
    for cell in &row.cells {
        let text = if cell.merged_down {
            String::new()
        } else {
            let (text, several) = cell_text(&cell.blocks, ctx);
            *joined |= several;
            text
        };
        let rest = if repeat_spans {
            text.clone()
        } else {
            String::new()
        };
        line.push(text);
        line.extend((1..cell.span).map(|_| rest.clone()));
    }
    line.resize(columns, String::new());
    line
}

/// True when the table has one column: it is written as its paragraphs.
pub(super) fn is_box(table: &Table) -> bool {
    table.rows.iter().all(|r| r.cells.len() <= 1)
}

/// The paragraphs of a one-column table.
pub(super) fn box_blocks(table: &Table) -> Vec<Block> {
    table
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .flat_map(|c| c.blocks.iter().cloned())
        .collect()
}

/// A cell's paragraphs on one line, list items marked, and whether there were several.
fn cell_text(blocks: &[Block], ctx: &mut PageContext<'_>) -> (String, bool) {
    let mut parts = Vec::new();
    for block in blocks {
        let Content::Paragraph(p) = &block.content else {
            continue;
        };
        let text = render(&p.inlines, ctx, Mode::Line);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        parts.push(match p.kind {
            ParagraphKind::ListItem(item) => match item.number {
                Some(n) => format!("{n}. {text}"),
                None => format!("• {text}"),
            },
            _ => text.to_string(),
        });
    }
    let several = parts.len() > 1;
    (parts.join(" "), several)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::model::Cell;
    use crate::import::targets::Targets;
    use crate::import::testing::{item, para, table};

    #[test]
    fn header_rows_combine_into_one() {
        let mut block = table(
            0,
            &[
                &["Age group", "Experiences", ""],
                &["", "Medical", "Nutritional"],
                &["Infancy", "Unwell", "Hungry"],
            ],
        );
        let Content::Table(t) = &mut block.content else {
            unreachable!()
        };
        t.rows[0].header = true;
        t.rows[1].header = true;
        t.rows[0].cells.pop();
        t.rows[0].cells[1].span = 2;
        t.rows[1].cells[0].merged_down = true;
        let targets = Targets::default();
        let mut ctx = PageContext::new("strategy/a.md", &targets);
        assert_eq!(
            render_table(t, &mut ctx),
            "| Age group | Experiences: Medical | Experiences: Nutritional |\n| --- | --- | --- |\n| Infancy | Unwell | Hungry |\n"
        );
    }

    #[test]
    fn merged_cells_split_and_paragraphs_join() {
        let mut t = table(
            0,
            &[&["Age group", "Experiences"], &["Infancy", "Missed checks"]],
        );
        let Content::Table(t) = &mut t.content else {
            unreachable!()
        };
        t.rows[0].cells[1].span = 2;
        t.rows.push(crate::import::model::Row {
            header: false,
            cells: vec![
                Cell {
                    blocks: vec![],
                    span: 1,
                    merged_down: true,
                },
                Cell {
                    blocks: vec![para(0, "Poor hygiene"), item(0, 1, 0, None, "smell")],
                    span: 1,
                    merged_down: false,
                },
                Cell {
                    blocks: vec![para(0, "Left | alone")],
                    span: 1,
                    merged_down: false,
                },
            ],
        });
        let targets = Targets::default();
        let mut ctx = PageContext::new("strategy/a.md", &targets);
        let markdown = render_table(t, &mut ctx);
        assert_eq!(
            markdown,
            "| Age group | Experiences |  |\n| --- | --- | --- |\n| Infancy | Missed checks |  |\n|  | Poor hygiene • smell | Left \\| alone |\n"
        );
        assert_eq!(ctx.lost[0].what, LostKind::CellParagraphsJoined);
        let mut html = String::new();
        pulldown_cmark::html::push_html(
            &mut html,
            pulldown_cmark::Parser::new_ext(&markdown, pulldown_cmark::Options::ENABLE_TABLES),
        );
        assert_eq!(html.matches("<td>").count(), 6, "{html}");
        assert!(html.contains("Left | alone"));
    }
}
