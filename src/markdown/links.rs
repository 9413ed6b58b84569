//! Links and images: authors link by source path, readers get relative URLs that work anywhere.
//!
//! `[neglect](../definitions/neglect.md#types)` becomes `../definitions/neglect.html#types`. A link to
//! a page that does not exist is an error at once; a link to an anchor on another page is recorded
//! and checked once every page's headings are known. External links are marked visually and for
//! screen readers, and stay in the same tab.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::content::{Page, PageId, Site};
use crate::diagnostics::{Diagnostic, Position, suggest};
use crate::markdown_parse::events::{Spanned, inner_text};
use crate::util::html::escape_attr;
use crate::util::url::relative_url;

/// A link to `#anchor` on another page, checked after every page has its heading ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorCheck {
    pub target: PageId,
    pub anchor: String,
    pub dest: String,
    pub position: Position,
}

/// A link found on a page, for checks that look at link text and targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkInfo {
    pub dest: String,
    pub text: String,
    pub position: Position,
    pub kind: LinkKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Page(PageId),
    Anchor,
    Asset,
    External,
    Other,
    Image,
    Broken,
}

/// What [`resolve`] found besides rewriting the events.
#[derive(Debug, Default)]
pub struct LinkReport {
    pub anchor_checks: Vec<AnchorCheck>,
    pub links: Vec<LinkInfo>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Where the HTML being made will be read: at the page's own URL, or inside a pack page.
#[derive(Debug, Clone, Copy, Default)]
pub enum Placement<'a> {
    #[default]
    Page,
    Pack(&'a PackPlacement),
}

/// A document's place in a pack page: links to other documents in the pack become in-pack
/// anchors, and every id is prefixed with the document's anchor so ids stay unique.
#[derive(Debug, Clone)]
pub struct PackPlacement {
    /// The anchor of every document in the pack.
    pub anchors: HashMap<PageId, String>,
    /// This document's anchor.
    pub doc_anchor: String,
    /// The pack page, from the site root (`packs/strategy/index.html`).
    pub url: String,
    /// When set, links to pages outside the pack are absolute, so they still work on paper.
    pub base_url: Option<String>,
}

impl Placement<'_> {
    /// The URL for a link to page `id` (and a heading on it) from `from`.
    pub fn page_url(&self, site: &Site, from: &Page, id: PageId, anchor: Option<&str>) -> String {
        let with_anchor = |mut url: String| {
            if let Some(anchor) = anchor {
                url.push('#');
                url.push_str(anchor);
            }
            url
        };
        match self {
            Placement::Page => with_anchor(relative_url(&from.url, &site.pages[id].url)),
            Placement::Pack(pack) => match pack.anchors.get(&id) {
                Some(doc) => match anchor {
                    Some(anchor) => format!("#{doc}--{anchor}"),
                    None => format!("#{doc}"),
                },
                None => {
                    let target = &site.pages[id].url;
                    with_anchor(match &pack.base_url {
                        Some(base) => format!("{base}{target}"),
                        None => relative_url(&pack.url, target),
                    })
                }
            },
        }
    }

    /// The URL of a file under `content/`.
    pub fn asset_url(&self, from: &Page, source: &str) -> String {
        match self {
            Placement::Page => relative_url(&from.url, source),
            Placement::Pack(pack) => relative_url(&pack.url, source),
        }
    }

    /// The id an element written as `id` gets here.
    pub fn id(&self, id: &str) -> String {
        match self {
            Placement::Page => id.to_string(),
            Placement::Pack(pack) => format!("{}--{id}", pack.doc_anchor),
        }
    }

    pub fn is_pack(&self) -> bool {
        matches!(self, Placement::Pack(_))
    }
}

/// Where a link destination leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    External(String),
    /// `mailto:`, `tel:` and other schemes: left as written.
    Other(String),
    Page {
        id: PageId,
        anchor: Option<String>,
    },
    SamePage(String),
    Asset(String),
    Broken {
        message: String,
        hint: String,
    },
    /// A scheme waymark does not write (`javascript:`, `data:`, one the site has not allowed).
    Unsafe {
        scheme: String,
    },
    /// A base page or file that this site's `hide` leaves out (its path under `content/`).
    Hidden(String),
}

/// Resolves a link destination written on `page` (a source path, an anchor or a URL).
pub(crate) fn target(site: &Site, page: &Page, dest: &str) -> Target {
    if let Some(scheme) =
        crate::link_safety::refused_scheme(dest, &site.config.links.allowed_schemes)
    {
        return Target::Unsafe { scheme };
    }
    let dest = dest.trim();
    if let Some(anchor) = dest.strip_prefix('#') {
        return Target::SamePage(anchor.to_string());
    }
    if let Some((scheme, _)) = dest.split_once(':')
        && !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" => Target::External(dest.to_string()),
            _ => Target::Other(dest.to_string()),
        };
    }
    if dest.starts_with("//") {
        return Target::External(format!("https:{dest}"));
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (dest, None),
    };
    let path = percent_decode(path);
    let Some(source) = normalise(page.source_dir(), &path) else {
        return Target::Broken {
            message: format!("link `{dest}` climbs out of the content folder"),
            hint: "link to pages by their path inside content/, such as ../definitions/neglect.md"
                .into(),
        };
    };
    let candidates = [
        source.clone(),
        format!("{}/_index.md", source.trim_end_matches('/')),
        format!("{source}.md"),
    ];
    for candidate in &candidates {
        let candidate = candidate.trim_start_matches('/');
        if let Some(id) = site
            .page_by_source(candidate)
            .or_else(|| site.page_by_url(candidate))
        {
            return Target::Page { id, anchor };
        }
    }
    if let Some(asset) = site.asset_by_source(&source) {
        return Target::Asset(asset.source.clone());
    }
    if let Some(hidden) = candidates
        .iter()
        .map(|c| c.trim_start_matches('/'))
        .find(|c| site.hidden.contains(*c))
    {
        return Target::Hidden(hidden.to_string());
    }
    let hint = match suggest(&source, site.sources()) {
        Some(near) => format!(
            "did you mean `{}`? Links name the Markdown file, relative to this page",
            relative_source(page.source_dir(), near)
        ),
        None => {
            "links name the Markdown file relative to this page, such as ../definitions/neglect.md"
                .into()
        }
    };
    Target::Broken {
        message: format!("link `{dest}` points to a page that does not exist (content/{source})"),
        hint,
    }
}

/// Rewrites link and image destinations in `events` to output URLs, marks external links, and
/// reports broken ones. `ids` are this page's anchors, for `#anchor` links.
pub(crate) fn resolve(
    events: &mut Vec<Spanned<'_>>,
    site: &Site,
    page: &Page,
    ids: &[String],
    position: &dyn Fn(usize) -> Position,
    placement: Placement<'_>,
) -> LinkReport {
    let mut report = LinkReport::default();
    // How each open link ends: as written, as the HTML of an external link, or not at all
    // (a link to a hidden page, shown as its words).
    let mut open_links: Vec<LinkEnd> = Vec::new();
    for i in 0..events.len() {
        match &events[i].0 {
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let dest = dest_url.to_string();
                let title = title.to_string();
                let at = position(events[i].1.start);
                let (text, _) = inner_text(events, i);
                let target = target(site, page, &dest);
                let kind = link_kind(&target);
                report.links.push(LinkInfo {
                    dest: dest.clone(),
                    text,
                    position: at,
                    kind,
                });
                let external = matches!(target, Target::External(_));
                open_links.push(match target {
                    Target::External(_) => LinkEnd::External,
                    Target::Hidden(_) => LinkEnd::Dropped,
                    _ => LinkEnd::AsWritten,
                });
                if let Target::Hidden(source) = &target {
                    report
                        .diagnostics
                        .push(hidden_link(page, &dest, source, at));
                    events[i].0 = Event::InlineHtml(CowStr::Borrowed(""));
                    continue;
                }
                match apply(&target, &dest, site, page, ids, at, placement, &mut report) {
                    Some(url) if external => {
                        let mut html = format!(r#"<a href="{}""#, escape_attr(&url));
                        if !title.is_empty() {
                            html.push_str(&format!(r#" title="{}""#, escape_attr(&title)));
                        }
                        html.push_str(r#" class="wm-link-external">"#);
                        events[i].0 = Event::InlineHtml(CowStr::from(html));
                    }
                    Some(url) => set_dest(&mut events[i].0, url),
                    None => {}
                }
            }
            Event::End(TagEnd::Link) => match open_links.pop() {
                Some(LinkEnd::External) => {
                    events[i].0 = Event::InlineHtml(CowStr::Borrowed(
                        r#"<span class="wm-visually-hidden"> (external site)</span></a>"#,
                    ));
                }
                Some(LinkEnd::Dropped) => events[i].0 = Event::InlineHtml(CowStr::Borrowed("")),
                _ => {}
            },
            Event::Start(Tag::Image { dest_url, .. }) => {
                let dest = dest_url.to_string();
                let at = position(events[i].1.start);
                let (alt, _) = inner_text(events, i);
                report.links.push(LinkInfo {
                    dest: dest.clone(),
                    text: alt,
                    position: at,
                    kind: LinkKind::Image,
                });
                match target(site, page, &dest) {
                    Target::Asset(source) => {
                        let url = placement.asset_url(page, &source);
                        set_dest(&mut events[i].0, url);
                    }
                    Target::Unsafe { scheme } => {
                        report
                            .diagnostics
                            .push(unsafe_link(page, "image", &dest, &scheme, at));
                        set_dest(&mut events[i].0, String::new());
                    }
                    Target::External(_) | Target::Other(_) => {
                        report.diagnostics.push(
                            Diagnostic::error(
                                "external-image",
                                &page.file,
                                at,
                                format!("image `{dest}` is on another website"),
                            )
                            .with_hint(
                                "pages never load anything from another site: save the image in content/ and link to the file",
                            ),
                        );
                    }
                    Target::Broken { message, hint } => report.diagnostics.push(
                        Diagnostic::error("broken-link", &page.file, at, message).with_hint(hint),
                    ),
                    Target::Hidden(source) => {
                        report
                            .diagnostics
                            .push(hidden_link(page, &dest, &source, at));
                        set_dest(&mut events[i].0, String::new());
                    }
                    Target::Page { .. } | Target::SamePage(_) => report.diagnostics.push(
                        Diagnostic::error(
                            "broken-link",
                            &page.file,
                            at,
                            format!("image `{dest}` is a page, not an image file"),
                        )
                        .with_hint("an image needs a picture file such as images/chart.png"),
                    ),
                }
            }
            _ => {}
        }
    }
    report
}

/// True for an event that opens a link: a Markdown link, or the HTML [`resolve`] writes for an
/// external one. Later passes use it to leave link text alone.
pub(crate) fn opens_link(event: &Event<'_>) -> bool {
    match event {
        Event::Start(Tag::Link { .. }) => true,
        Event::InlineHtml(html) => html.starts_with("<a "),
        _ => false,
    }
}

/// True for an event that closes a link (see [`opens_link`]).
pub(crate) fn closes_link(event: &Event<'_>) -> bool {
    match event {
        Event::End(TagEnd::Link) => true,
        Event::InlineHtml(html) => html.ends_with("</a>"),
        _ => false,
    }
}

/// How a link [`resolve`] opened is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkEnd {
    AsWritten,
    External,
    Dropped,
}

/// A link to a base page or file that the site hides: its words are kept, without the link, and
/// the editor hears of it (a warning, since the base page holding the link may not be theirs).
fn hidden_link(page: &Page, dest: &str, source: &str, at: Position) -> Diagnostic {
    Diagnostic::warning(
        "hidden-link",
        &page.file,
        at,
        format!(
            "link `{dest}` points to content/{source}, which this site hides: its words are \
             shown without the link"
        ),
    )
    .with_hint(
        "remove the page from hide in waymark.toml, or replace this page in the local site \
         without the link",
    )
}

fn link_kind(target: &Target) -> LinkKind {
    match target {
        Target::External(_) => LinkKind::External,
        Target::Other(_) => LinkKind::Other,
        Target::Page { id, .. } => LinkKind::Page(*id),
        Target::SamePage(_) => LinkKind::Anchor,
        Target::Asset(_) => LinkKind::Asset,
        Target::Broken { .. } | Target::Unsafe { .. } | Target::Hidden(_) => LinkKind::Broken,
    }
}

/// The error for a link or image whose scheme waymark does not write.
fn unsafe_link(page: &Page, what: &str, dest: &str, scheme: &str, at: Position) -> Diagnostic {
    let (message, hint) = crate::link_safety::refusal(what, dest, scheme);
    Diagnostic::error("unsafe-link", &page.file, at, message).with_hint(hint)
}

/// The URL a resolved link gets, recording anchor checks and errors on the way.
#[allow(clippy::too_many_arguments)]
fn apply(
    target: &Target,
    dest: &str,
    site: &Site,
    page: &Page,
    ids: &[String],
    at: Position,
    placement: Placement<'_>,
    report: &mut LinkReport,
) -> Option<String> {
    match target {
        Target::External(url) | Target::Other(url) => Some(url.clone()),
        Target::SamePage(anchor) => {
            if !ids.iter().any(|id| id == anchor) {
                report
                    .diagnostics
                    .push(missing_anchor(page, dest, anchor, ids, at));
            }
            placement
                .is_pack()
                .then(|| format!("#{}", placement.id(anchor)))
        }
        Target::Page { id, anchor } => {
            let url = placement.page_url(site, page, *id, anchor.as_deref());
            if let Some(anchor) = anchor {
                report.anchor_checks.push(AnchorCheck {
                    target: *id,
                    anchor: anchor.clone(),
                    dest: dest.to_string(),
                    position: at,
                });
            }
            Some(url)
        }
        Target::Asset(source) => Some(placement.asset_url(page, source)),
        Target::Broken { message, hint } => {
            report.diagnostics.push(
                Diagnostic::error("broken-link", &page.file, at, message.clone())
                    .with_hint(hint.clone()),
            );
            None
        }
        Target::Unsafe { scheme } => {
            report
                .diagnostics
                .push(unsafe_link(page, "link", dest, scheme, at));
            // Even a page that is never published (a failed build) holds no live link.
            Some(String::new())
        }
        Target::Hidden(_) => None,
    }
}

/// The error for `#anchor` that is not on the target page, with the nearest id as a hint.
pub(crate) fn missing_anchor(
    page: &Page,
    dest: &str,
    anchor: &str,
    ids: &[String],
    at: Position,
) -> Diagnostic {
    let hint = match suggest(anchor, ids.iter().map(String::as_str)) {
        Some(near) => format!("did you mean `#{near}`?"),
        None if ids.is_empty() => "the page has no headings to link to".to_string(),
        None => format!(
            "anchors are made from headings; the page has: {}",
            ids.iter()
                .take(8)
                .map(|i| format!("#{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let message = if dest.starts_with('#') {
        format!("link `{dest}` points to a heading that is not on this page")
    } else {
        format!("link `{dest}` points to `#{anchor}`, which is not a heading on that page")
    };
    Diagnostic::error("broken-anchor", &page.file, at, message).with_hint(hint)
}

fn set_dest(event: &mut Event<'_>, url: String) {
    if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
        *dest_url = CowStr::from(url);
    }
}

/// A source path written relative to `dir`, for hints.
fn relative_source(dir: &str, source: &str) -> String {
    let from = if dir.is_empty() {
        "x".to_string()
    } else {
        format!("{dir}/x")
    };
    relative_url(&from, source)
}

/// Joins `path` onto `dir` and removes `.` and `..`; a leading `/` means the content root.
/// None when `..` would leave the content folder.
fn normalise(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_resolves_dots_and_refuses_escape() {
        assert_eq!(
            normalise("strategy", "../definitions/n.md").as_deref(),
            Some("definitions/n.md")
        );
        assert_eq!(
            normalise("strategy", "./a.md").as_deref(),
            Some("strategy/a.md")
        );
        assert_eq!(normalise("a/b", "/c.md").as_deref(), Some("c.md"));
        assert_eq!(normalise("a", "../../x.md"), None);
        assert_eq!(normalise("", "toolkit/").as_deref(), Some("toolkit/"));
    }
}
