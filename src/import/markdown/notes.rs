//! Footnotes and endnotes, as Markdown footnotes at the end of the page that cites them,
//! numbered in the order the page first cites them.

use super::context::{Notes, PageContext};
use super::inline::{Mode, render};
use crate::import::model::Content;

/// The definitions of every note the page cited, including notes cited by notes.
pub(super) fn render_notes(notes: &Notes, ctx: &mut PageContext<'_>) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < ctx.notes.len() {
        let key = ctx.notes[i].clone();
        i += 1;
        let blocks = notes.get(&key).map(Vec::as_slice).unwrap_or(&[]);
        let mut paragraphs = Vec::new();
        for block in blocks {
            if let Content::Paragraph(p) = &block.content {
                let text = render(&p.inlines, ctx, Mode::Block);
                let lines: Vec<String> = text.lines().map(super::escape::line_start).collect();
                if !lines.concat().trim().is_empty() {
                    paragraphs.push(lines.join("\n    "));
                }
            }
        }
        if paragraphs.is_empty() {
            paragraphs.push("(This note was empty in the document.)".into());
        }
        out.push_str(&format!("[^{i}]: {}\n", paragraphs.join("\n\n    ")));
    }
    out
}
