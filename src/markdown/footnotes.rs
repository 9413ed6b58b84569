//! Footnotes: pulldown-cmark uses a footnote's label as its id, so `[^1]` would become `id="1"`
//! and could clash with another document's footnote in a pack. Labels get an `fn-` prefix, and
//! the document's prefix inside a pack.

use pulldown_cmark::{CowStr, Event, Tag};

use super::links::Placement;
use crate::markdown_parse::events::Spanned;

/// Renames every footnote label to an id that is unique where the HTML will be read.
pub(crate) fn place(events: &mut [Spanned<'_>], placement: Placement<'_>) {
    for (event, _) in events.iter_mut() {
        match event {
            Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label)) => {
                *label = CowStr::from(placement.id(&format!("fn-{label}")));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown_parse::events::parse;

    #[test]
    fn footnote_ids_are_prefixed_and_still_match() {
        let mut events = parse("Text.[^1]\n\n[^1]: A note.\n");
        place(&mut events, Placement::Page);
        let html = crate::markdown_parse::events::to_html(events);
        assert!(html.contains("href=\"#fn-1\""), "{html}");
        assert!(html.contains("id=\"fn-1\""), "{html}");
    }
}
