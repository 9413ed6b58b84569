//! Parsing into an event list that later passes rewrite in place.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser};

use super::depth::{DepthLimit, TooDeep};

/// A Markdown event with the byte range of the body it came from.
pub(crate) type Spanned<'a> = (Event<'a>, Range<usize>);

/// The Markdown extensions guidance pages use.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Parses `body` into events, merging neighbouring text and turning raw HTML into visible text.
///
/// Merging lets term linking see "Graded Care Profile" whole even where smart punctuation split the
/// text; raw HTML is shown as text because it could break the page's structure and accessibility.
pub(crate) fn parse(body: &str) -> Vec<Spanned<'_>> {
    parse_limited(body).0
}

/// [`parse`], with nesting past [`MAX_NESTING`](super::depth::MAX_NESTING) flattened and where
/// the page first went past it, if it did.
pub(crate) fn parse_limited(body: &str) -> (Vec<Spanned<'_>>, Option<TooDeep>) {
    let mut events: Vec<Spanned<'_>> = Vec::with_capacity(body.len() / 16);
    let mut limit = DepthLimit::new();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if !limit.keep(&event, range.start) {
            continue;
        }
        let event = match event {
            Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
            other => other,
        };
        if let (Event::Text(next), Some((Event::Text(prev), prev_range))) =
            (&event, events.last_mut())
        {
            let mut joined = String::with_capacity(prev.len() + next.len());
            joined.push_str(prev);
            joined.push_str(next);
            *prev = CowStr::from(joined);
            prev_range.end = range.end;
            continue;
        }
        events.push((event, range));
    }
    (events, limit.too_deep())
}

/// The text inside events from `start` (a Start tag) to its End, for headings and link text.
pub(crate) fn inner_text(events: &[Spanned<'_>], start: usize) -> (String, usize) {
    let mut depth = 0usize;
    let mut text = String::new();
    for (i, (event, _)) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return (text, i);
                }
            }
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    (text, events.len())
}

/// Writes events as HTML.
pub(crate) fn to_html(events: Vec<Spanned<'_>>) -> String {
    let mut html = String::with_capacity(events.len() * 16);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbouring_text_is_merged() {
        let events = parse("Horwath's \"six\" categories");
        let texts: Vec<_> = events
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["Horwath\u{2019}s \u{201c}six\u{201d} categories"]);
    }

    #[test]
    fn raw_html_becomes_text() {
        let events = parse("a <b>bold</b> move\n\n<div>x</div>\n");
        assert!(
            events
                .iter()
                .all(|(e, _)| !matches!(e, Event::Html(_) | Event::InlineHtml(_)))
        );
        let html = to_html(events);
        assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn inner_text_reads_to_the_matching_end() {
        let events = parse("## A *b* `c`\n\npara");
        let (text, end) = inner_text(&events, 0);
        assert_eq!(text, "A b c");
        assert!(matches!(events[end].0, Event::End(_)));
    }
}
