//! Tables sit in a labelled, focusable region that scrolls sideways on a narrow screen, so the
//! page itself never does (WCAG 2.2 reflow) and keyboard users can still scroll the table.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use crate::markdown_parse::events::{Spanned, inner_text};
use crate::util::html::escape_attr;

/// Wraps every table; the region is named after the heading above the table.
pub(crate) fn wrap_tables(events: &mut Vec<Spanned<'_>>) {
    if !events
        .iter()
        .any(|(e, _)| matches!(e, Event::Start(Tag::Table(_))))
    {
        return;
    }
    let mut out = Vec::with_capacity(events.len() + 8);
    let mut heading = String::new();
    for i in 0..events.len() {
        let range = events[i].1.clone();
        match &events[i].0 {
            Event::Start(Tag::Heading { level, .. }) if *level <= HeadingLevel::H4 => {
                heading = inner_text(events, i).0;
            }
            Event::Start(Tag::Table(_)) => {
                let label = if heading.is_empty() {
                    "Table".to_string()
                } else {
                    format!("Table: {}", heading.trim())
                };
                let open = format!(
                    "<div class=\"wm-table\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">\n",
                    escape_attr(&label)
                );
                out.push((Event::Html(CowStr::from(open)), range.clone()));
            }
            _ => {}
        }
        let is_end = matches!(events[i].0, Event::End(TagEnd::Table));
        out.push((
            std::mem::replace(&mut events[i].0, Event::Rule),
            range.clone(),
        ));
        if is_end {
            out.push((Event::Html(CowStr::Borrowed("</div>\n")), range));
        }
    }
    *events = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown_parse::events::parse;

    #[test]
    fn tables_are_wrapped_in_a_named_scroll_region() {
        let mut events = parse("## Ages\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        wrap_tables(&mut events);
        let html = crate::markdown_parse::events::to_html(events);
        assert!(
            html.contains(
                r#"<div class="wm-table" role="region" aria-label="Table: Ages" tabindex="0">"#
            ),
            "{html}"
        );
        assert!(html.contains("</table>\n</div>"), "{html}");
        assert!(html.contains("<thead>"));
    }
}
