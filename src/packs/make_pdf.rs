//! From a resolved pack to the PDF engine's data model, and making every pack's PDF.
//!
//! The PDF reads the same facts as the pack's print page (its [`PackView`]): document control,
//! change history, definition and signposting facts. Bodies are converted from Markdown to the
//! engine's blocks with this site's heading ids and link rules: a link to a document in the pack
//! jumps within the PDF, a link to any other page becomes its web address (when the site has a
//! `base_url`), and a link to another website shows its address on paper.

use std::path::PathBuf;

use jiff::civil::Date;
use rayon::prelude::*;

use super::Pack;
use super::pdf::{
    self, ChangeRow, ControlRow, DefinitionData, DocData, DocKind, Layout, LinkTarget, PackData,
    PdfFonts, SignpostData,
};
use super::print::{PackDocument, PackView};
use crate::content::{PageKind, Site};
use crate::diagnostics::{Diagnostic, Position};
use crate::markdown;
use crate::markdown::links::{Target, target};
use crate::render::context::{ControlView, PdfInfo};

/// A finished PDF, ready to write.
pub(crate) struct MadePdf {
    pub url: String,
    pub bytes: Vec<u8>,
    pub info: PdfInfo,
    /// What typst warned about while making it (a font family the template names but no font
    /// has, for example): the PDF is made, but may not look as meant.
    pub warnings: Vec<Diagnostic>,
}

/// The fonts for every pack: the bundled ones and any in the `theme/fonts/` of the site (and
/// of its base).
pub(crate) fn fonts(site: &Site) -> Result<PdfFonts, Diagnostic> {
    let mut extra = Vec::new();
    for dir in site.folders().iter().map(|f| f.dir.join("theme/fonts")) {
        if !dir.is_dir() {
            continue;
        }
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| Diagnostic::io(&site.display_path(&dir), "read the fonts folder", &e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| pdf::is_font_file(&p.to_string_lossy()))
            .collect();
        paths.sort();
        for path in paths {
            extra
                .push(std::fs::read(&path).map_err(|e| {
                    Diagnostic::io(&site.display_path(&path), "read this font", &e)
                })?);
        }
    }
    let count = extra.len();
    let fonts = PdfFonts::embedded().with_extra(extra);
    if fonts.unreadable_files() > 0 {
        return Err(Diagnostic::error(
            "pdf",
            "theme/fonts",
            Position::FILE,
            format!(
                "{} of the {count} font files in theme/fonts/ could not be read as fonts",
                fonts.unreadable_files()
            ),
        )
        .with_hint("use TrueType (.ttf) or OpenType (.otf) font files"));
    }
    Ok(fonts)
}

/// Makes the PDF of every pack in parallel; `progress` shows a bar on the terminal.
pub(crate) fn make_all(
    site: &Site,
    packs: &[Pack],
    views: &[PackView],
    fonts: &PdfFonts,
    today: Date,
    progress: bool,
) -> Vec<Result<MadePdf, Vec<Diagnostic>>> {
    let bar = progress.then(|| {
        let bar = indicatif::ProgressBar::new(packs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("Making PDFs {bar:30} {pos}/{len} {msg}")
                .expect("valid template"),
        );
        bar
    });
    let results = packs
        .par_iter()
        .zip(views)
        .map(|(pack, view)| {
            let data = pack_data(site, pack, view, today);
            let result = pdf::render_pack(&data, fonts)
                .map(|rendered| MadePdf {
                    url: pack.pdf_url(),
                    info: PdfInfo {
                        url: pack.pdf_url(),
                        bytes: rendered.bytes.len(),
                        size: crate::util::file_size::file_size(rendered.bytes.len()),
                        pages: rendered.page_count,
                    },
                    bytes: rendered.bytes,
                    warnings: rendered
                        .warnings
                        .into_iter()
                        .map(|warning| {
                            Diagnostic::warning(
                                "pdf",
                                crate::config::CONFIG_FILE,
                                Position::FILE,
                                format!("in the PDF of pack `{}`: {warning}", pack.slug),
                            )
                            .with_hint(
                                "the PDF was made, but may not look as it should: check the \
                                 fonts in theme/fonts/",
                            )
                        })
                        .collect(),
                })
                .map_err(|problems| {
                    problems
                        .into_iter()
                        .map(|mut d| {
                            d.message =
                                format!("in the PDF of pack `{}`: {}", pack.slug, d.message);
                            d
                        })
                        .collect()
                });
            if let Some(bar) = &bar {
                bar.set_message(pack.title.clone());
                bar.inc(1);
            }
            result
        })
        .collect();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    results
}

/// The engine's data for one pack. The cover date is the pack's newest update, or `today` when
/// none of its documents has a date.
pub(crate) fn pack_data(site: &Site, pack: &Pack, view: &PackView, today: Date) -> PackData {
    let anchors = pack.anchors(site);
    let base = site.config.base_url();
    let documents = view
        .documents
        .iter()
        .map(|doc| {
            let page = &site.pages[doc.id];
            let resolve = |dest: &str| -> Option<LinkTarget> {
                match target(site, page, dest) {
                    Target::External(url) | Target::Other(url) => Some(LinkTarget::External(url)),
                    Target::SamePage(anchor) => {
                        Some(LinkTarget::Internal(format!("{}--{anchor}", doc.anchor)))
                    }
                    Target::Page { id, anchor } => match (anchors.get(&id), anchor) {
                        (Some(doc), Some(anchor)) => {
                            Some(LinkTarget::Internal(format!("{doc}--{anchor}")))
                        }
                        (Some(doc), None) => Some(LinkTarget::Internal(doc.clone())),
                        (None, anchor) => base.as_ref().map(|b| {
                            let mut url = format!("{b}{}", site.pages[id].url);
                            if let Some(anchor) = anchor {
                                url.push('#');
                                url.push_str(&anchor);
                            }
                            LinkTarget::External(url)
                        }),
                    },
                    Target::Asset(source) => base
                        .as_ref()
                        .map(|b| LinkTarget::External(format!("{b}{source}"))),
                    Target::Broken { .. } | Target::Unsafe { .. } | Target::Hidden(_) => None,
                }
            };
            DocData {
                file: page.file.clone(),
                anchor: doc.anchor.clone(),
                title: doc.title.clone(),
                kind: match page.kind {
                    PageKind::Definition => DocKind::Definition,
                    PageKind::Toolkit => DocKind::Toolkit,
                    PageKind::Signpost => DocKind::Signpost,
                    PageKind::Strategy => DocKind::Strategy,
                    PageKind::News => DocKind::News,
                    PageKind::Briefing => DocKind::Briefing,
                    PageKind::Event => DocKind::Event,
                    _ => DocKind::Page,
                },
                summary: doc.summary.clone(),
                control: doc_control_rows(doc),
                changes: doc
                    .changes
                    .iter()
                    .map(|c| ChangeRow {
                        date: c.date.human.clone(),
                        summary: match c.part {
                            Some(part) => format!("{part}: {}", c.summary),
                            None => c.summary.clone(),
                        },
                    })
                    .collect(),
                definition: doc.definition.as_ref().map(|d| DefinitionData {
                    term: d.term.clone(),
                    abbreviation: d.abbreviation.clone(),
                    aliases: d.aliases.clone(),
                    category: d.category.clone(),
                    source: d.source.clone(),
                    related: page.front.related.clone(),
                }),
                signpost: doc.signpost.as_ref().map(|s| SignpostData {
                    url: s.url.clone(),
                    provider: s.provider.clone(),
                    audience: (!s.audience.is_empty()).then(|| s.audience.join(", ")),
                    format: s.format.clone(),
                    last_checked: s.last_checked.as_ref().map(|d| d.human.clone()),
                }),
                source_review: doc.source_review.clone(),
                blocks: pdf::markdown_to_blocks(
                    &markdown::local::labelled_body(site, page),
                    &doc.anchor,
                    &resolve,
                ),
            }
        })
        .collect();
    PackData {
        title: pack.title.clone(),
        description: pack.description.clone(),
        partnership: site.config.partnership_name().to_string(),
        version: pack.version.clone(),
        date: pack.date.map_or(today, |d| d.first_day()).to_string(),
        site_url: base,
        language: site.config.language.clone(),
        documents,
        layout: if pack.is_briefing() {
            Layout::Briefing
        } else {
            Layout::Pack
        },
    }
}

/// The document-control table, in the order the site shows it.
fn control_rows(c: &ControlView) -> Vec<ControlRow> {
    labelled_control_rows(c, "")
}

/// The document-control rows of a page: the regional rows, then (on a page a local site adds
/// to) the local part's, each labelled as the local information's.
fn doc_control_rows(doc: &PackDocument) -> Vec<ControlRow> {
    let mut rows = doc.control.as_ref().map(control_rows).unwrap_or_default();
    if let Some(local) = &doc.local_control {
        rows.extend(labelled_control_rows(local, "Local "));
    }
    rows
}

fn labelled_control_rows(c: &ControlView, prefix: &str) -> Vec<ControlRow> {
    let mut rows = Vec::new();
    let mut row = |label: &str, value: Option<String>| {
        if let Some(value) = value {
            let label = if prefix.is_empty() {
                label.to_string()
            } else {
                format!("{prefix}{}", label.to_lowercase())
            };
            rows.push(ControlRow { label, value });
        }
    };
    row("Owner", c.owner.clone());
    row("Version", c.version.clone());
    row("Approved", c.approved.as_ref().map(|d| d.human.clone()));
    row("Published", c.published.as_ref().map(|d| d.human.clone()));
    row(
        "Last updated",
        c.last_updated.as_ref().map(|d| d.human.clone()),
    );
    row(
        "Next review due",
        c.review_due.as_ref().map(|d| d.human.clone()),
    );
    rows
}
