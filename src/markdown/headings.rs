//! Headings inside a printed pack: moved a level down, their ids given the document's prefix.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag};

use super::links::Placement;
use crate::markdown_parse::events::Spanned;

/// Inside a pack page a document's title is an h2, so its own headings move one level down
/// (h6 stays h6) and their ids take the document's prefix, keeping ids unique in the pack.
pub(crate) fn place(events: &mut [Spanned<'_>], placement: Placement<'_>) {
    if !placement.is_pack() {
        return;
    }
    for (event, _) in events.iter_mut() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                *level = lower(*level);
                if let Some(current) = id {
                    *id = Some(CowStr::from(placement.id(current)));
                }
            }
            Event::End(pulldown_cmark::TagEnd::Heading(level)) => *level = lower(*level),
            _ => {}
        }
    }
}

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}
