//! Downloads as templates see them: on the section page that holds them and on the site-wide
//! Documents page (`documents.html`), with the packs' and briefings' PDFs.

use serde::Serialize;

use super::context::Link;
use crate::content::{PageId, Site};
use crate::downloads::{Download, FileType, PdfFacts};

/// The Documents page.
pub(crate) const URL: &str = "documents.html";
pub(crate) const TITLE: &str = "Documents";

/// The Documents page is made when the site has downloads, packs or briefings.
pub(crate) fn has_documents_page(site: &Site) -> bool {
    !site.config.packs.is_empty()
        || site
            .assets
            .iter()
            .any(|a| crate::downloads::file_type(&a.source).is_some())
        || site
            .pages
            .iter()
            .any(|p| p.kind == crate::content::PageKind::Briefing && !p.is_section)
}

/// A downloadable file, GOV.UK attachment style.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DownloadView {
    pub title: String,
    /// From the site root.
    pub url: String,
    pub summary: Option<String>,
    /// "PDF", "Word document".
    pub type_label: &'static str,
    /// "412 KB".
    pub size: String,
    /// "PDF, 412 KB, 24 pages".
    pub description: String,
    pub pages: Option<usize>,
    /// For PDFs: tagged (accessible) or not; None for other files and unreadable PDFs.
    pub tagged: Option<bool>,
    /// The PDF could not be read.
    pub unreadable: bool,
    /// A Word document or spreadsheet: it opens in an office program, not the browser.
    pub needs_program: bool,
    pub alternative: Option<Link>,
}

impl DownloadView {
    pub(crate) fn of(download: &Download) -> DownloadView {
        DownloadView {
            title: download.title.clone(),
            url: download.source.clone(),
            summary: download.summary.clone(),
            type_label: download.type_label,
            size: crate::util::file_size::file_size(download.bytes as usize),
            description: download.description(),
            pages: download.pdf.as_ref().and_then(PdfFacts::pages),
            tagged: match &download.pdf {
                Some(PdfFacts::Read { tagged, .. }) => Some(*tagged),
                _ => None,
            },
            unreadable: matches!(download.pdf, Some(PdfFacts::Unreadable(_))),
            needs_program: download.file_type != FileType::Pdf,
            alternative: download.alternative.as_ref().map(|a| Link {
                title: a.title.clone(),
                url: a.url.clone(),
            }),
        }
    }
}

/// The downloads a section page lists: those in its folder, or below it where no nearer
/// section page holds them.
pub(crate) fn of_section(downloads: &[Download], section: PageId) -> Vec<DownloadView> {
    downloads
        .iter()
        .filter(|d| d.section == section)
        .map(DownloadView::of)
        .collect()
}

/// A section's files on the Documents page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DocumentGroup {
    pub title: String,
    pub url: String,
    pub downloads: Vec<DownloadView>,
}

/// A PDF waymark made (a pack or a briefing) on the Documents page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MadePdfView {
    pub title: String,
    pub summary: Option<String>,
    /// The page that shows the same (a pack's print page, the briefing).
    pub page_url: String,
    /// None when the build made no PDFs (`--no-pdf`).
    pub pdf: Option<crate::render::context::PdfInfo>,
}

/// Everything the Documents page lists.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DocumentsView {
    pub groups: Vec<DocumentGroup>,
    pub packs: Vec<MadePdfView>,
    pub briefings: Vec<MadePdfView>,
}

impl DocumentsView {
    /// Files grouped by the section that holds them, in the site's order; then the packs
    /// (with their PDFs when made) and the briefings' PDFs, as the build made them.
    pub(crate) fn of(
        site: &Site,
        downloads: &[Download],
        packs: Vec<MadePdfView>,
        briefings: Vec<MadePdfView>,
    ) -> DocumentsView {
        let mut groups: Vec<DocumentGroup> = Vec::new();
        let mut sections: Vec<PageId> = downloads.iter().map(|d| d.section).collect();
        sections.sort_unstable();
        sections.dedup();
        for section in sections {
            let page = &site.pages[section];
            groups.push(DocumentGroup {
                title: page.front.title.clone(),
                url: page.url.clone(),
                downloads: of_section(downloads, section),
            });
        }
        DocumentsView {
            groups,
            packs,
            briefings,
        }
    }
}
