//! Printable packs as accessible PDFs.
//!
//! A pack is a set of site documents bundled into one PDF with a cover, a
//! contents page, running headers and footers. The pipeline:
//!
//! 1. **Data model** ([`model`]): the main crate describes the pack as
//!    [`PackData`]; document bodies come from Markdown through
//!    [`blocks::markdown_to_blocks`], which resolves links and heading ids.
//! 2. **Checks**: data that could not make a valid PDF (bad date, clashing
//!    anchors) or would break PDF/UA-1 (empty headings, skipped heading
//!    levels, characters no font can show) is reported before typst runs,
//!    naming the document and what to change.
//! 3. **JSON**: the pack plus a small render plan (sections, known labels,
//!    language, long date) is serialised to `pack.json`.
//! 4. **Template**: the embedded typst template `pack.typ` reads `pack.json`
//!    as data. No typst markup is ever generated from author text, so no text
//!    can break the layout or inject code.
//! 5. **Compile** in a sealed [`World`](typst::World) (`world.rs`): two
//!    virtual files, in-memory fonts, no file system, network or packages,
//!    and `today()` fixed to the pack date, so output is deterministic.
//! 6. **Export** with `typst-pdf` as tagged PDF conforming to PDF/UA-1.
//!    Violations typst finds are reported like the checks' problems.
//!
//! Every problem is a [`Diagnostic`]: a document's at the document's file, the pack's (or a
//! fault in the template) at `waymark.toml`.
//!
//! Layout rules worth knowing: every document starts on a new page with its
//! title as the level-1 heading (a PDF bookmark). A run of two or more
//! consecutive [`DocKind::Definition`] documents is set as one "Definitions"
//! glossary section (term as a level-2 heading, then the definition, source
//! and related terms) without page breaks; a lone definition is set like any
//! other document. Internal links whose heading is missing fall back to the
//! document, or to plain text when the document is not in the pack.

pub(crate) mod blocks;
pub(crate) mod model;
mod world;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use serde::Serialize;
use typst::WorldExt;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub(crate) use blocks::markdown_to_blocks;
pub(crate) use model::{
    ChangeRow, ControlRow, DefinitionData, DocData, DocKind, Layout, LinkTarget, PackData,
    SignpostData,
};
pub(crate) use world::{PdfFonts, is_font_file};

use world::PackWorld;

use crate::config::CONFIG_FILE;
use crate::diagnostics::{Diagnostic, Position};

/// A finished pack PDF.
#[derive(Debug, Clone)]
pub(crate) struct RenderedPdf {
    pub bytes: Vec<u8>,
    pub page_count: usize,
    /// Non-fatal typst warnings, worth logging (for example a missing font
    /// family after a template change).
    pub warnings: Vec<String>,
}

/// Make one pack's PDF. Pure function of its inputs: same input, same bytes.
///
/// Safe to call from several threads at once; typst's caches are shared.
pub(crate) fn render_pack(
    pack: &PackData,
    fonts: &PdfFonts,
) -> Result<RenderedPdf, Vec<Diagnostic>> {
    let invalid = pack.data_problems();
    if !invalid.is_empty() {
        return Err(invalid);
    }
    let mut inaccessible = pack.structure_problems();
    inaccessible.extend(glyph_problems(pack, fonts));
    if !inaccessible.is_empty() {
        return Err(inaccessible);
    }

    compile(pack, fonts)
}

/// Compiles and exports without the up-front checks (typst's own PDF/UA
/// validation still applies).
fn compile(pack: &PackData, fonts: &PdfFonts) -> Result<RenderedPdf, Vec<Diagnostic>> {
    let today = pack_date(&pack.date).ok_or_else(|| pack.data_problems())?;
    let json = template_input(pack, today).map_err(|e| {
        vec![template_fault(format!(
            "could not encode pack \"{}\" as JSON for the template: {e}",
            pack.title
        ))]
    })?;
    let world = PackWorld::new(fonts, json, today);

    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let warnings = warnings.iter().map(|w| describe(&world, w)).collect();
    let document =
        output.map_err(|errors| typst_error(pack, &world, Stage::Layout, errors.as_slice()))?;
    let bytes = typst_pdf::pdf(&document, &pdf_options(today))
        .map_err(|errors| typst_error(pack, &world, Stage::Export, errors.as_slice()))?;

    // Keep typst's memo cache bounded in long-running processes while still
    // sharing work between the packs of one build.
    typst::comemo::evict(10);

    Ok(RenderedPdf {
        bytes,
        page_count: document.pages().len(),
        warnings,
    })
}

fn pdf_options(today: Datetime) -> PdfOptions {
    PdfOptions {
        creator: Smart::Custom(Some("waymark".into())),
        timestamp: Some(Timestamp::new_utc(today)),
        standards: PdfStandards::new(&[PdfStandard::Ua_1]).expect("PDF/UA-1 alone is valid"),
        tagged: true,
        ..PdfOptions::default()
    }
}

// ---------------------------------------------------------------------------
// Problems

/// One thing wrong with a pack: at `document`'s file, or at `waymark.toml` for the pack
/// itself, with what the author should change as the hint.
pub(crate) fn problem(
    document: Option<&DocData>,
    message: impl Into<String>,
    fix: impl Into<String>,
) -> Diagnostic {
    let path = document.map_or_else(|| PathBuf::from(CONFIG_FILE), |doc| doc.file.clone());
    Diagnostic::error("pdf-accessibility", path, Position::FILE, message).with_hint(fix)
}

/// A fault in the pack template rather than in the site (typst failed on valid data).
fn template_fault(message: String) -> Diagnostic {
    Diagnostic::error("pdf", CONFIG_FILE, Position::FILE, message).with_hint(
        "this is a problem in waymark's pack template: build with --no-pdf to publish the site \
         meanwhile",
    )
}

pub(crate) fn describe_doc(doc: &DocData) -> String {
    format!("\"{}\" ({})", doc.title, doc.anchor)
}

/// Which typst step failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Layout,
    Export,
}

/// A typst error or warning in plain terms: its message, the template place it points at
/// (`pack.typ:LINE:COLUMN`) and its hints.
fn describe(world: &PackWorld, diag: &SourceDiagnostic) -> String {
    let mut text = diag.message.to_string();
    if let Some(location) = locate(world, diag) {
        text.push_str(&format!(" (at {location})"));
    }
    for hint in &diag.hints {
        text.push_str(&format!("; hint: {}", hint.v));
    }
    text
}

/// Finds the line and column a diagnostic points at.
fn locate(world: &PackWorld, diag: &SourceDiagnostic) -> Option<String> {
    let id = diag.span.id()?;
    let range = world.range(diag.span)?;
    let template = PackWorld::template();
    if id == template.id() {
        let (line, column) = template.lines().byte_to_line_column(range.start)?;
        Some(format!("pack.typ:{}:{}", line + 1, column + 1))
    } else {
        Some(format!(
            "{:?} bytes {}..{}",
            id.vpath(),
            range.start,
            range.end
        ))
    }
}

/// Maps typst errors to diagnostics: PDF/UA-1 rule breaks become problems at the document
/// whose text the message quotes; anything else is a fault in the template.
fn typst_error(
    pack: &PackData,
    world: &PackWorld,
    stage: Stage,
    errors: &[SourceDiagnostic],
) -> Vec<Diagnostic> {
    let (accessibility, other): (Vec<_>, Vec<_>) = errors
        .iter()
        .partition(|e| e.message.contains("PDF/UA-1 error"));
    if !other.is_empty() {
        let stage = match stage {
            Stage::Layout => "lay out",
            Stage::Export => "export",
        };
        let list: Vec<String> = other
            .iter()
            .map(|e| format!("  - {}", describe(world, e)))
            .collect();
        return vec![template_fault(format!(
            "typst could not {stage} pack \"{}\":\n{}",
            pack.title,
            list.join("\n")
        ))];
    }
    accessibility
        .into_iter()
        .map(|e| {
            let documents = quoted_text(&e.message)
                .map(|snippet| documents_containing(pack, &snippet))
                .unwrap_or_default();
            let hints: Vec<String> = e.hints.iter().map(|h| h.v.to_string()).collect();
            let mut fix = match (hints.is_empty(), documents.is_empty()) {
                (false, _) => hints.join("; "),
                (true, false) => "change the text the message quotes".to_string(),
                (true, true) => "this points at the template rather than document text; \
                                 report it with this message"
                    .to_string(),
            };
            if let Some(location) = locate(world, e) {
                fix.push_str(&format!(" (template place: {location})"));
            }
            // A message quoting text of several documents is reported at the last of them.
            problem(documents.last().copied(), e.message.to_string(), fix)
        })
        .collect()
}

/// The first `"..."` quoted piece of a typst message (typst quotes the
/// offending text), without escapes.
fn quoted_text(message: &str) -> Option<String> {
    let start = message.find('"')? + 1;
    let end = start + message[start..].find('"')?;
    let quoted = &message[start..end];
    (!quoted.is_empty()).then(|| quoted.replace("\\\\", "\\"))
}

fn documents_containing<'p>(pack: &'p PackData, snippet: &str) -> Vec<&'p DocData> {
    pack.documents
        .iter()
        .filter(|doc| {
            let mut found = false;
            doc.visit_text(&mut |t| found |= t.contains(snippet));
            found
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Checks that need the fonts

/// Characters typst has no glyph for would become .notdef boxes, which
/// PDF/UA-1 forbids; report them per document before compiling.
fn glyph_problems(pack: &PackData, fonts: &PdfFonts) -> Vec<Diagnostic> {
    let mut check = GlyphCheck {
        fonts,
        cache: HashMap::new(),
    };
    let fix = format!(
        "remove or replace these characters, or put a font file (.ttf or .otf) that has them in \
         the site's theme/fonts/ folder (fonts now: {})",
        fonts.families().join(", ")
    );
    let mut problems = Vec::new();
    let pack_missing = check.missing(|f| {
        [&pack.title, &pack.partnership, &pack.version]
            .into_iter()
            .chain(&pack.description)
            .chain(&pack.site_url)
            .for_each(|t| f(t))
    });
    if !pack_missing.is_empty() {
        problems.push(problem(None, describe_missing(&pack_missing), fix.clone()));
    }
    for doc in &pack.documents {
        let missing = check.missing(|f| doc.visit_text(f));
        if !missing.is_empty() {
            problems.push(problem(Some(doc), describe_missing(&missing), fix.clone()));
        }
    }
    problems
}

/// Font coverage lookups, cached per character (text is mostly repeats).
struct GlyphCheck<'a> {
    fonts: &'a PdfFonts,
    cache: HashMap<char, bool>,
}

impl GlyphCheck<'_> {
    /// Characters in the visited text that no font covers.
    fn missing(&mut self, visit: impl FnOnce(&mut dyn FnMut(&str))) -> BTreeSet<char> {
        let mut missing = BTreeSet::new();
        visit(&mut |text: &str| {
            // ASCII is always covered by the bundled fonts.
            for c in text.chars().filter(|&c| !(c.is_ascii() || is_ignorable(c))) {
                let fonts = self.fonts;
                if !*self.cache.entry(c).or_insert_with(|| fonts.covers(c)) {
                    missing.insert(c);
                }
            }
        });
        missing
    }
}

fn describe_missing(missing: &BTreeSet<char>) -> String {
    let list: Vec<String> = missing
        .iter()
        .map(|c| format!("'{c}' (U+{:04X})", *c as u32))
        .collect();
    format!(
        "has characters no available font can display: {}.",
        list.join(", ")
    )
}

/// Characters that are never drawn (controls, joiners, variation selectors).
fn is_ignorable(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{FEFF}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{E0000}'..='\u{E0FFF}')
}

// ---------------------------------------------------------------------------
// Template input

/// What `pack.typ` reads from `pack.json`.
#[derive(Serialize)]
struct TemplateInput<'a> {
    pack: &'a PackData,
    /// ISO 639 language and ISO 3166 region for typst's `text(lang, region)`.
    lang: String,
    region: Option<String>,
    /// The pack date for people: "23 November 2026".
    date_long: String,
    sections: Vec<Section>,
    /// Every label in the pack, so the template can tell dangling internal
    /// links (a dictionary for constant-time lookup).
    labels: BTreeMap<&'a str, bool>,
}

/// How documents are grouped on paper (indexes into `pack.documents`).
#[derive(Serialize, Debug, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "kebab-case")]
enum Section {
    /// A document on its own pages.
    Document { doc: usize },
    /// Consecutive definitions set together as a glossary.
    Glossary { docs: Vec<usize> },
}

/// Groups runs of two or more consecutive definitions into glossaries.
fn plan_sections(documents: &[DocData]) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, sections: &mut Vec<Section>| match run.len() {
        0 => {}
        1 => sections.push(Section::Document { doc: run[0] }),
        _ => sections.push(Section::Glossary {
            docs: std::mem::take(run),
        }),
    };
    for (index, doc) in documents.iter().enumerate() {
        if doc.kind == DocKind::Definition {
            run.push(index);
        } else {
            flush(&mut run, &mut sections);
            run.clear();
            sections.push(Section::Document { doc: index });
        }
    }
    flush(&mut run, &mut sections);
    sections
}

fn template_input(pack: &PackData, date: Datetime) -> Result<Vec<u8>, serde_json::Error> {
    let (lang, region) = split_language(&pack.language).unwrap_or(("en".into(), Some("GB".into())));
    let input = TemplateInput {
        pack,
        lang,
        region,
        date_long: long_date(date),
        sections: plan_sections(&pack.documents),
        labels: pack
            .documents
            .iter()
            .flat_map(|d| d.labels())
            .map(|label| (label, true))
            .collect(),
    };
    serde_json::to_vec(&input)
}

/// Parses a `YYYY-MM-DD` date.
pub(crate) fn pack_date(date: &str) -> Option<Datetime> {
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Datetime::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn long_date(date: Datetime) -> String {
    let day = jiff::civil::Date::new(
        date.year().unwrap_or(2000) as i16,
        date.month().unwrap_or(1) as i8,
        date.day().unwrap_or(1) as i8,
    );
    day.map(|d| crate::content::DocDate::Day(d).human())
        .unwrap_or_default()
}

/// Splits a BCP 47 tag into typst's language and region (`en-GB` ->
/// `en`, `GB`); script and other subtags are ignored.
pub(crate) fn split_language(tag: &str) -> Option<(String, Option<String>)> {
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let region = parts
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase);
    Some((lang, region))
}

#[cfg(test)]
mod tests;
