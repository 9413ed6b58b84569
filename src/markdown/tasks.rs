//! Task list items (`- [ ] Check the records`) put their tick box and text in one `<label>`, so
//! the box is named by its text for screen-reader and voice-control users (WCAG 1.3.1, 4.1.2)
//! and clicking the text is clicking the box.

use pulldown_cmark::{CowStr, Event, Tag};

use crate::markdown_parse::events::Spanned;

const UNTICKED: &str =
    "<label class=\"wm-task\"><input class=\"wm-task__box\" disabled=\"\" type=\"checkbox\"/> ";
const TICKED: &str = "<label class=\"wm-task\"><input class=\"wm-task__box\" disabled=\"\" type=\"checkbox\" checked=\"\"/> ";

/// Replaces each task list marker with an opening label and its box, and closes the label where
/// the item's first paragraph of text ends (before a nested list, say).
pub(crate) fn label_task_items(events: &mut Vec<Spanned<'_>>) {
    if !events
        .iter()
        .any(|(e, _)| matches!(e, Event::TaskListMarker(_)))
    {
        return;
    }
    let mut out = Vec::with_capacity(events.len() + 8);
    let mut depth = 0usize;
    // The depth at which an open label must be closed.
    let mut open: Option<usize> = None;
    for (event, range) in events.drain(..) {
        if open == Some(depth) {
            let ends_text = match &event {
                Event::End(_) => true,
                Event::Start(tag) => !is_inline(tag),
                _ => false,
            };
            if ends_text {
                out.push((Event::Html(CowStr::Borrowed("</label>")), range.clone()));
                open = None;
            }
        }
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::TaskListMarker(ticked) => {
                let html = if *ticked { TICKED } else { UNTICKED };
                out.push((Event::Html(CowStr::Borrowed(html)), range));
                open = Some(depth);
                continue;
            }
            _ => {}
        }
        out.push((event, range));
    }
    if open.is_some() {
        out.push((Event::Html(CowStr::Borrowed("</label>")), 0..0));
    }
    *events = out;
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown_parse::events::parse;

    fn render(markdown: &str) -> String {
        let mut events = parse(markdown);
        label_task_items(&mut events);
        crate::markdown_parse::events::to_html(events)
    }

    #[test]
    fn each_box_is_labelled_by_its_item_text() {
        let html = render("- [ ] Talk to the *safeguarding* lead\n- [x] Check records\n");
        assert!(
            html.contains(
                r#"<li><label class="wm-task"><input class="wm-task__box" disabled="" type="checkbox"/> Talk to the <em>safeguarding</em> lead</label></li>"#
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"checked=""/> Check records</label></li>"#),
            "{html}"
        );
    }

    #[test]
    fn the_label_closes_before_a_nested_list_and_in_loose_items() {
        let html = render("- [ ] Parent\n  - child\n");
        assert!(
            html.contains("Parent</label>\n<ul>") || html.contains("Parent</label><ul>"),
            "{html}"
        );
        let loose = render("- [ ] One\n\n- [ ] Two\n");
        assert!(loose.contains("One</label></p>"), "{loose}");
    }

    #[test]
    fn ordinary_lists_are_untouched() {
        assert!(!render("- one\n- two\n").contains("label"));
    }
}
