//! `waymark import`: a Word document becomes pages of a waymark site.
//!
//! The steps, each in its own module: [`package`] opens the .docx; [`parse`] reads it into
//! the [`model`]; [`control`], [`history`] and [`glossary`] take out the document-control
//! table, the version history and the glossary; [`chapters`] splits the rest into pages;
//! [`targets`] maps links inside the document to those pages; [`markdown`] writes each page;
//! [`plan`] puts it together as files, [`write`] writes them (never over an existing file)
//! and [`report`] says what happened. After writing, `waymark check` runs on the new pages.

pub(crate) mod chapters;
pub(crate) mod control;
pub(crate) mod dates;
pub(crate) mod error;
mod existing;
pub(crate) mod front_matter;
pub(crate) mod glossary;
pub(crate) mod history;
pub(crate) mod markdown;
pub(crate) mod model;
pub(crate) mod package;
pub(crate) mod parse;
pub(crate) mod plan;
pub(crate) mod report;
mod section;
pub(crate) mod targets;
#[cfg(test)]
mod testing;
pub(crate) mod write;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use error::ImportError;
pub use plan::Plan;

use crate::check::{CheckOptions, check};
use crate::config::CONFIG_FILE;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// What to import, and where.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The .docx file.
    pub file: PathBuf,
    /// The site folder.
    pub site_dir: PathBuf,
    /// The folder inside `content/` for the pages (`--section`).
    pub section: Option<String>,
    /// The kind of document (`--kind`).
    pub kind: Option<ImportKind>,
    /// Headings of this level and above start a page (`--split`, 1 by default).
    pub split_level: u8,
    /// Plan and report only (`--dry-run`).
    pub dry_run: bool,
}

/// The kinds of document an import makes; each has its own folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Strategy,
    Toolkit,
    Page,
}

/// What an import did.
#[derive(Debug)]
pub struct Imported {
    pub plan: Plan,
    /// False for a dry run.
    pub written: bool,
}

impl Imported {
    /// The report to print.
    pub fn report(&self, source: &Path) -> String {
        report::render(&self.plan, &source.display().to_string(), self.written)
    }

    /// The Markdown files written (or planned), relative to the site folder.
    pub fn pages(&self) -> Vec<&Path> {
        self.plan
            .files
            .iter()
            .filter(|f| f.what != write::FileKind::Image)
            .map(|f| f.path.as_path())
            .collect()
    }
}

/// Reads the document, plans the pages and, unless this is a dry run, writes them. Writes
/// nothing if anything is wrong, or if any file it would write already exists.
pub fn import(options: &ImportOptions) -> Result<Imported, ImportError> {
    if !options.site_dir.join(CONFIG_FILE).is_file() {
        return Err(ImportError::Site(
            Diagnostic::error(
                "site",
                options.site_dir.join(CONFIG_FILE),
                crate::diagnostics::Position::FILE,
                format!(
                    "{} is not a waymark site: it has no {CONFIG_FILE}",
                    options.site_dir.display()
                ),
            )
            .with_hint(
                "run the import in your site's folder, give it with --site DIR, or start a site \
                 with `waymark init DIR`",
            ),
        ));
    }
    let package = package::Package::open(&options.file)?;
    let document = parse::read(&package)?;
    if document.blocks.is_empty() {
        return Err(ImportError::Empty {
            path: options.file.clone(),
        });
    }
    let plan = plan::make(document, &package, options)?;
    let clashes = write::existing(&options.site_dir, &plan.files);
    if !clashes.is_empty() {
        return Err(ImportError::Exists(clashes));
    }
    if !options.dry_run {
        write::write_all(&options.site_dir, &plan.files)?;
    }
    Ok(Imported {
        plan,
        written: !options.dry_run,
    })
}

/// What `waymark check` found after an import.
#[derive(Debug)]
pub struct CheckAfterImport {
    /// Findings on the imported pages (or every finding, if the site could not be loaded).
    pub findings: Diagnostics,
    /// Findings on other pages of the site, left out here.
    pub elsewhere: usize,
}

/// Runs `waymark check` on the site and keeps what concerns the imported pages.
pub fn check_imported(site_dir: &Path, today: Date, pages: &[&Path]) -> CheckAfterImport {
    let report = check(&CheckOptions {
        site_dir: site_dir.to_path_buf(),
        today,
        external: None,
    });
    if report.pages == 0 {
        return CheckAfterImport {
            findings: report.diagnostics,
            elsewhere: 0,
        };
    }
    let (mine, others): (Vec<Diagnostic>, Vec<Diagnostic>) = report
        .diagnostics
        .into_iter()
        .partition(|d| pages.contains(&d.path.as_path()));
    CheckAfterImport {
        findings: mine.into(),
        elsewhere: others.len(),
    }
}
