//! The build's pack step: each pack's print view, its PDF (when asked for), the "part of" links
//! on document pages, and the packs' pages.

use std::collections::HashMap;
use std::path::Path;

use jiff::civil::Date;
use rayon::prelude::*;
use tera::Context;

use super::Prepared;
use super::site_files::render_generated;
use crate::content::PageId;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Sink;
use crate::packs::print::{self, PackView};
use crate::render::context::{GeneratedPage, Link, PackLink};

/// Every pack's print view, documents rendered for their place in the pack.
pub(super) fn views(prepared: &Prepared, today: Date) -> Vec<PackView> {
    prepared
        .packs
        .par_iter()
        .map(|pack| print::pack_view(&prepared.site, pack, today).0)
        .collect()
}

/// Makes every pack's PDF and records its size and pages for the links. Returns files written.
#[cfg(feature = "pdf")]
pub(super) fn write_pdfs(
    prepared: &Prepared,
    views: &mut [PackView],
    today: Date,
    progress: bool,
    sink: Sink<'_>,
    diagnostics: &mut Diagnostics,
) -> usize {
    let (site, packs) = (&prepared.site, &prepared.packs);
    if packs.is_empty() {
        return 0;
    }
    let fonts = match crate::packs::make_pdf::fonts(site) {
        Ok(fonts) => fonts,
        Err(d) => {
            diagnostics.push(d);
            return 0;
        }
    };
    let mut written = 0;
    let made = crate::packs::make_pdf::make_all(site, packs, views, &fonts, today, progress);
    for ((view, pack), result) in views.iter_mut().zip(packs).zip(made) {
        match result {
            Ok(pdf) => {
                diagnostics.extend(pdf.warnings);
                match sink.write(&pdf.url, &pdf.bytes) {
                    Ok(()) => {
                        written += 1;
                        diagnostics.extend(briefing_length(site, pack, pdf.info.pages));
                        view.pdf = Some(pdf.info);
                    }
                    Err(d) => diagnostics.push(d),
                }
            }
            Err(problems) => diagnostics.extend(problems),
        }
    }
    written
}

/// Pages a 7-minute briefing may take on paper.
pub(crate) const BRIEFING_PAGES: usize = 2;

/// A briefing whose PDF runs past two pages is no longer a seven-minute read: a warning on its
/// file.
#[cfg(feature = "pdf")]
fn briefing_length(
    site: &crate::content::Site,
    pack: &crate::packs::Pack,
    pages: usize,
) -> Option<Diagnostic> {
    if !pack.is_briefing() || pages <= BRIEFING_PAGES {
        return None;
    }
    let page = &site.pages[*pack.documents.first()?];
    Some(
        Diagnostic::warning(
            "briefing-length",
            &page.file,
            crate::diagnostics::Position::FILE,
            format!("the briefing's PDF is {pages} pages long; a 7-minute briefing fits on {BRIEFING_PAGES}"),
        )
        .with_hint("shorten the text, or move detail to a page the briefing links to"),
    )
}

/// Without the `pdf` feature, packs have no PDF: say so once.
#[cfg(not(feature = "pdf"))]
pub(super) fn write_pdfs(
    prepared: &Prepared,
    _views: &mut [PackView],
    _today: Date,
    _progress: bool,
    _sink: Sink<'_>,
    diagnostics: &mut Diagnostics,
) -> usize {
    if !prepared.packs.is_empty() {
        diagnostics.push(
            Diagnostic::warning(
                "pdf",
                crate::config::CONFIG_FILE,
                crate::diagnostics::Position::FILE,
                "this waymark was built without the `pdf` feature, so packs have no PDF",
            )
            .with_hint("install waymark with its default features to make PDFs"),
        );
    }
    0
}

/// The packs each page belongs to, as the page links them.
pub(super) fn links(prepared: &Prepared, views: &[PackView]) -> HashMap<PageId, Vec<PackLink>> {
    let mut links: HashMap<PageId, Vec<PackLink>> = HashMap::new();
    for (pack, view) in prepared.packs.iter().zip(views) {
        for &id in &pack.documents {
            links.entry(id).or_default().push(PackLink {
                title: view.title.clone(),
                html_url: view.html_url.clone(),
                pdf: view.pdf.clone(),
            });
        }
    }
    links
}

/// The "Printable packs" page and each pack's print page. Returns files written.
pub(super) fn write_pages(
    prepared: &Prepared,
    views: &[PackView],
    sink: Sink<'_>,
    diagnostics: &mut Diagnostics,
) -> usize {
    // Briefings' own packs have no print page (the briefing's page prints) and are listed on
    // the Documents page instead.
    let views: Vec<&PackView> = views.iter().filter(|v| !v.is_briefing).collect();
    if views.is_empty() {
        return 0;
    }
    let site = &prepared.site;
    let mut written = 0;
    let list = GeneratedPage::new(
        site,
        PACKS_URL,
        PACKS_TITLE,
        Some(
            "Guidance bundled for printing or saving: each pack as one print-ready page and as a PDF.",
        ),
    );
    let mut context = Context::new();
    context.insert("packs", &views);
    match render_generated(prepared, sink, &list, context) {
        Ok(()) => written += 1,
        Err(d) => diagnostics.push(d),
    }
    for view in views {
        match write_pack_page(prepared, view, sink) {
            Ok(()) => written += 1,
            Err(d) => diagnostics.push(d),
        }
    }
    written
}

/// One pack's print page, under the "Printable packs" page in the breadcrumbs.
pub(crate) fn write_pack_page(
    prepared: &Prepared,
    view: &PackView,
    sink: Sink<'_>,
) -> Result<(), Diagnostic> {
    let site = &prepared.site;
    let mut page = GeneratedPage::new(
        site,
        &view.html_url,
        &view.title,
        view.description.as_deref(),
    );
    page.breadcrumbs.push(Link {
        title: PACKS_TITLE.into(),
        url: PACKS_URL.into(),
    });
    let mut context = Context::new();
    context.insert("pack", view);
    context.insert("page", &page);
    context.insert("root", &page.root_prefix());
    let html = prepared
        .renderer
        .render("pack.html", &context, Path::new(&view.html_url))?;
    sink.write(&view.html_url, html.as_bytes())
}

const PACKS_TITLE: &str = "Printable packs";
const PACKS_URL: &str = "packs.html";
