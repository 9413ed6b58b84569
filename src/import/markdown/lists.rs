//! Bulleted and numbered lists, nested by their Word level. Numbers are Word's own, so a
//! list that carries on after a paragraph starts at the right number, and two different
//! lists side by side stay apart (Markdown reads a change of marker as a new list).

use super::context::PageContext;
use super::inline::{Mode, render};
use crate::import::model::{Block, ParagraphKind};

/// A list open at some depth.
struct Open {
    level: u8,
    numbered: bool,
    num_id: u32,
    /// Column the markers of this list start at.
    indent: usize,
    /// Column the content of its latest item starts at: where a nested list goes.
    content: usize,
    marker: char,
}

/// Renders consecutive list items.
pub(super) fn render_items(items: &[Block], ctx: &mut PageContext<'_>) -> String {
    let mut out = String::new();
    let mut stack: Vec<Open> = Vec::new();
    // The marker of the last list closed at each indent: a new list there uses the other one.
    let mut closed: Vec<(usize, char)> = Vec::new();
    for block in items {
        let Some(p) = block.paragraph() else { continue };
        let ParagraphKind::ListItem(item) = p.kind else {
            continue;
        };
        ctx.at = block.at;
        let numbered = item.number.is_some();
        while let Some(top) = stack.last() {
            let same_list =
                top.level == item.level && top.numbered == numbered && top.num_id == item.num_id;
            if top.level > item.level || (top.level == item.level && !same_list) {
                let done = stack.pop().expect("checked");
                closed.retain(|(i, _)| *i < done.indent);
                closed.push((done.indent, done.marker));
            } else {
                break;
            }
        }
        if stack.last().is_none_or(|t| t.level < item.level) {
            let indent = stack.last().map_or(0, |t| t.content);
            let (first, second) = if numbered { ('.', ')') } else { ('-', '*') };
            let marker = match closed.iter().rev().find(|(i, _)| *i == indent) {
                Some((_, m)) if *m == first => second,
                _ => first,
            };
            stack.push(Open {
                level: item.level,
                numbered,
                num_id: item.num_id,
                indent,
                content: indent,
                marker,
            });
        }
        let top = stack.last_mut().expect("a list is open");
        let marker = match item.number {
            Some(n) => format!("{n}{} ", top.marker),
            None => format!("{} ", top.marker),
        };
        top.content = top.indent + marker.len();
        let text = render(&p.inlines, ctx, Mode::Block);
        let pad = " ".repeat(top.content);
        out.push_str(&" ".repeat(top.indent));
        out.push_str(&marker);
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                out.push('\n');
                out.push_str(&pad);
            }
            out.push_str(&super::escape::line_start(line));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::targets::Targets;
    use crate::import::testing::item;

    fn md(items: &[Block]) -> String {
        let targets = Targets::default();
        let mut ctx = PageContext::new("strategy/a.md", &targets);
        render_items(items, &mut ctx)
    }

    #[test]
    fn nests_and_numbers_as_word_did() {
        let items = [
            item(0, 1, 0, Some(1), "First"),
            item(1, 1, 1, None, "a point"),
            item(2, 1, 1, None, "another"),
            item(3, 1, 0, Some(2), "Second"),
            item(4, 1, 1, Some(1), "sub one"),
            item(5, 1, 2, None, "deep"),
            item(6, 1, 0, Some(10), "Tenth"),
            item(7, 1, 1, None, "under ten"),
        ];
        assert_eq!(
            md(&items),
            "1. First\n   - a point\n   - another\n2. Second\n   1. sub one\n      - deep\n10. Tenth\n    - under ten\n"
        );
    }

    #[test]
    fn a_restarted_list_beside_another_stays_apart() {
        let items = [
            item(0, 1, 0, Some(1), "one"),
            item(1, 1, 0, Some(2), "two"),
            item(2, 2, 0, Some(1), "one again"),
            item(3, 3, 0, None, "bullet"),
            item(4, 4, 0, None, "other bullets"),
        ];
        let markdown = md(&items);
        assert_eq!(
            markdown,
            "1. one\n2. two\n1) one again\n- bullet\n* other bullets\n"
        );
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&markdown));
        assert_eq!(html.matches("<ol>").count(), 2, "{html}");
        assert_eq!(html.matches("<ul>").count(), 2, "{html}");
    }
}
