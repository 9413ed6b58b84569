//! "Local information" boxes: the sections a local site adds to a base page (`extends = true`,
//! see [`crate::content::extends`]) each go in a labelled box, so a reader can tell at once what
//! is regional guidance and what is local to their area.
//!
//! A box is an `<aside>` named by its heading, which says "Local information" in words (never
//! colour alone), with a line saying who added it. A section added inside a base section gets a
//! heading one level below the base heading; a section with a heading of its own keeps it, under
//! a "Local information" label that names the box together with the heading.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event};

use super::links::Placement;
use crate::content::extends::{BoxHeading, LocalBox};
use crate::content::{Page, Site};
use crate::markdown_parse::events::Spanned;
use crate::util::html::escape_attr;

/// Who added the local sections of a page: the local file's `owner`, or the site's partnership.
fn owner<'a>(site: &'a Site, addition: &'a crate::content::extends::Addition) -> &'a str {
    addition
        .front
        .owner
        .as_deref()
        .unwrap_or_else(|| site.config.partnership_name())
}

/// The page's body with each local section labelled in words, for the PDF, which has no
/// boxes: a "Local information" heading (one level below the regional heading it follows) and
/// "Added by ...", or that line alone above a local section with a heading of its own.
pub(crate) fn labelled_body<'a>(site: &Site, page: &'a Page) -> Cow<'a, str> {
    let body = page.body();
    let Some(addition) = page.overlay.as_ref().and_then(|o| o.addition.as_deref()) else {
        return Cow::Borrowed(body);
    };
    let added = format!("Added by {}", escape_markdown(owner(site, addition)));
    let mut text = String::with_capacity(body.len() + addition.boxes.len() * 64);
    let mut done = 0;
    for local in &addition.boxes {
        text.push_str(&body[done..local.range.start]);
        done = local.range.start;
        match &local.heading {
            BoxHeading::Made { level, words } => {
                let hashes = "#".repeat(usize::from(*level));
                text.push_str(&format!(
                    "{hashes} {}\n\n*{added}*\n\n",
                    escape_markdown(words)
                ));
            }
            BoxHeading::Own => text.push_str(&format!("*Local information. {added}*\n\n")),
        }
    }
    text.push_str(&body[done..]);
    Cow::Owned(text)
}

/// Text as Markdown that shows it as written: each ASCII punctuation mark escaped.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Wraps the events of each local section of `page` in its box.
pub(crate) fn wrap_boxes(
    events: &mut Vec<Spanned<'_>>,
    site: &Site,
    page: &Page,
    placement: Placement<'_>,
) {
    let Some(addition) = page.overlay.as_ref().and_then(|o| o.addition.as_deref()) else {
        return;
    };
    if addition.boxes.is_empty() {
        return;
    }
    let owner = owner(site, addition);
    // (event index, HTML to put before it), in order.
    let mut inserts: Vec<(usize, String)> = Vec::new();
    let mut depth = 0usize;
    let mut open: Option<usize> = None;
    for (i, (event, range)) in events.iter().enumerate() {
        if depth == 0 {
            let inside = addition
                .boxes
                .iter()
                .position(|b| b.range.contains(&range.start) && is_start(event));
            if open.is_some() && open != inside {
                inserts.push((i, "</aside>\n".into()));
                open = None;
            }
            if let Some(n) = inside
                && open.is_none()
            {
                inserts.push((i, opening(&addition.boxes[n], n, event, owner, placement)));
                open = Some(n);
            }
        }
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if open.is_some() {
        inserts.push((events.len(), "</aside>\n".into()));
    }
    for (at, html) in inserts.into_iter().rev() {
        let offset = events.get(at).map_or(0, |(_, r)| r.start);
        events.insert(at, (Event::Html(CowStr::from(html)), offset..offset));
    }
}

fn is_start(event: &Event<'_>) -> bool {
    matches!(event, Event::Start(_) | Event::Rule)
}

/// The box's opening: the `<aside>`, its title and who added it. `first` is the box's first
/// event, which holds the id of a heading of its own.
fn opening(
    local: &LocalBox,
    n: usize,
    first: &Event<'_>,
    owner: &str,
    placement: Placement<'_>,
) -> String {
    let label = placement.id(&format!("wm-local-{}", n + 1));
    let added = format!(
        "<p class=\"wm-local__owner\">Added by {}</p>\n",
        escape_attr(owner)
    );
    match &local.heading {
        BoxHeading::Made { level, words } => {
            let level = (level + u8::from(placement.is_pack())).min(6);
            format!(
                "<aside class=\"wm-local\" aria-labelledby=\"{label}\">\n<h{level} class=\"wm-local__title\" id=\"{label}\">{}</h{level}>\n{added}",
                escape_attr(words)
            )
        }
        BoxHeading::Own => {
            let heading = match first {
                Event::Start(pulldown_cmark::Tag::Heading { id: Some(id), .. }) => {
                    format!(" {}", escape_attr(&placement.id(id)))
                }
                _ => String::new(),
            };
            format!(
                "<aside class=\"wm-local\" aria-labelledby=\"{label}{heading}\">\n<p class=\"wm-local__title\" id=\"{label}\">Local information</p>\n{added}"
            )
        }
    }
}
