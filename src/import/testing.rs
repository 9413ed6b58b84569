//! Small builders of the document model for the unit tests.

use super::model::{
    Block, Cell, Content, Inline, ListItem, Paragraph, ParagraphKind, Row, Table, TextStyle,
};

pub(crate) fn block(at: usize, kind: ParagraphKind, inlines: Vec<Inline>) -> Block {
    Block {
        at,
        content: Content::Paragraph(Paragraph::new(kind, inlines)),
    }
}

pub(crate) fn para(at: usize, text: &str) -> Block {
    block(at, ParagraphKind::Normal, vec![Inline::text(text)])
}

pub(crate) fn heading(at: usize, level: u8, text: &str) -> Block {
    block(at, ParagraphKind::Heading(level), vec![Inline::text(text)])
}

pub(crate) fn item(at: usize, num_id: u32, level: u8, number: Option<u32>, text: &str) -> Block {
    block(
        at,
        ParagraphKind::ListItem(ListItem {
            num_id,
            level,
            number,
        }),
        vec![Inline::text(text)],
    )
}

pub(crate) fn styled(text: &str, bold: bool, italic: bool) -> Inline {
    Inline::Text {
        text: text.into(),
        style: TextStyle {
            bold,
            italic,
            strike: false,
        },
    }
}

pub(crate) fn table(at: usize, rows: &[&[&str]]) -> Block {
    Block {
        at,
        content: Content::Table(Table {
            rows: rows
                .iter()
                .map(|r| Row {
                    header: false,
                    cells: r
                        .iter()
                        .map(|t| Cell {
                            blocks: if t.is_empty() {
                                vec![]
                            } else {
                                vec![para(at, t)]
                            },
                            span: 1,
                            merged_down: false,
                        })
                        .collect(),
                })
                .collect(),
        }),
    }
}
