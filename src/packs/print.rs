//! The print-ready pack page: every document of a pack on one HTML page.
//!
//! Each document is rendered again for its place in the pack ([`Placement::Pack`]): its headings
//! move a level down under the document title, every id takes the document's prefix so ids stay
//! unique, links to other documents in the pack become in-pack anchors, and links to pages
//! outside the pack become absolute addresses (when the site has a `base_url`) that still mean
//! something on paper. The print stylesheet starts each document on a new page.

use jiff::civil::Date;
use serde::Serialize;

use super::Pack;
use crate::content::{DocControl, PageId, Site};
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, PackPlacement, Placement};
use crate::render::context::{
    ChangeView, ControlView, DateView, DefinitionFacts, PdfInfo, SignpostView,
};
use crate::render::layered;

/// One document as it appears in a pack.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PackDocument {
    pub id: PageId,
    /// The document's id in the pack page.
    pub anchor: String,
    pub title: String,
    pub summary: Option<String>,
    pub kind_label: &'static str,
    /// The body, rendered for the pack.
    pub content: String,
    pub control: Option<ControlView>,
    /// The local part's document control, on a page a local site adds to.
    pub local_control: Option<ControlView>,
    pub changes: Vec<ChangeView>,
    pub definition: Option<DefinitionFacts>,
    pub signpost: Option<SignpostView>,
    /// A briefing's source review.
    pub source_review: Option<String>,
    /// The document's own page, from the site root.
    pub url: String,
}

/// A pack as its templates see it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PackView {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub version: String,
    pub date: Option<DateView>,
    pub partnership: String,
    pub html_url: String,
    pub pdf: Option<PdfInfo>,
    pub documents: Vec<PackDocument>,
    /// A briefing's own PDF rather than a pack the site defines.
    pub is_briefing: bool,
}

/// Renders every document of `pack` for the pack page. Problems are the documents' own (a broken
/// link), already reported by the page build, so they are returned rather than printed twice.
pub(crate) fn pack_view(site: &Site, pack: &Pack, today: Date) -> (PackView, Vec<Diagnostic>) {
    let anchors = pack.anchors(site);
    let mut problems = Vec::new();
    let documents = pack
        .documents
        .iter()
        .map(|&id| {
            let page = &site.pages[id];
            let placement = PackPlacement {
                anchors: anchors.clone(),
                doc_anchor: anchors[&id].clone(),
                url: pack.html_url(),
                base_url: site.config.base_url(),
            };
            let rendered = markdown::render(site, None, id, Placement::Pack(&placement));
            problems.extend(rendered.links.diagnostics);
            let control = DocControl::of(page);
            PackDocument {
                id,
                anchor: placement.doc_anchor.clone(),
                title: page.front.title.clone(),
                summary: page.front.summary.clone(),
                kind_label: page.kind.label(),
                content: rendered.html,
                control: control
                    .is_present()
                    .then(|| ControlView::of(&control, today, site.config.review_warning_days)),
                local_control: layered::local_control(page, today, site.config.review_warning_days),
                changes: layered::history(page),
                definition: DefinitionFacts::of(page),
                signpost: SignpostView::of(page),
                source_review: (page.kind == crate::content::PageKind::Briefing)
                    .then(|| page.front.source_review.clone())
                    .flatten(),
                url: page.url.clone(),
            }
        })
        .collect();
    let view = PackView {
        slug: pack.slug.clone(),
        title: pack.title.clone(),
        description: pack.description.clone(),
        version: pack.version.clone(),
        date: pack.date.map(Into::into),
        partnership: site.config.partnership_name().to_string(),
        html_url: pack.html_url(),
        pdf: None,
        documents,
        is_briefing: pack.is_briefing(),
    };
    (view, problems)
}
