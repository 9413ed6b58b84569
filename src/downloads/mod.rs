//! Downloads: the PDFs, Word documents and spreadsheets under `content/`, with what a reader
//! wants to know before opening one (title, type, size, and for a PDF its pages and whether it
//! is tagged), and what an editor must know to publish them lawfully (public bodies must
//! publish accessible documents, so a Word file needs an accessible version beside it).
//!
//! A file's title is the `title` of a `[[documents]]` entry in the front matter of a page in
//! the same folder (or any page, naming the file relative to itself, as a link would), and
//! otherwise comes from its file name: `chronology-template.docx` is "Chronology template".
//! A Word or OpenDocument text file's accessible version is the entry's `alternative`, or else a
//! page with the same name beside it (`chronology-template.md`), or a tagged PDF with the same
//! name (`chronology-template.pdf`).
//!
//! [`scan`] reads every file once per build; later steps (the section pages, the Documents page,
//! `waymark check`) read the result.

pub mod pdf;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use rayon::prelude::*;

use crate::content::{PageId, Site};
use crate::diagnostics::{Diagnostic, suggest};

pub use pdf::PdfFacts;

/// What sort of file a download is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    /// Word (`.docx`, `.doc`) or OpenDocument text (`.odt`): documents that need an accessible
    /// version to be published.
    WordProcessor,
    Spreadsheet,
}

/// Extensions of the files that are downloads, with what they are called on the page.
const TYPES: &[(&str, FileType, &str)] = &[
    ("pdf", FileType::Pdf, "PDF"),
    ("docx", FileType::WordProcessor, "Word document"),
    ("doc", FileType::WordProcessor, "Word document"),
    ("odt", FileType::WordProcessor, "OpenDocument text"),
    ("xlsx", FileType::Spreadsheet, "Excel spreadsheet"),
    ("xls", FileType::Spreadsheet, "Excel spreadsheet"),
    ("ods", FileType::Spreadsheet, "OpenDocument spreadsheet"),
    ("csv", FileType::Spreadsheet, "CSV spreadsheet"),
];

/// The type and its name for people of a file under `content/`, if it is a download.
pub fn file_type(source: &str) -> Option<(FileType, &'static str)> {
    let ext = source.rsplit_once('.')?.1.to_ascii_lowercase();
    TYPES
        .iter()
        .find(|(e, _, _)| *e == ext)
        .map(|&(_, kind, label)| (kind, label))
}

/// A page, or a file, that says the same as a download in an accessible form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    pub title: String,
    /// From the site root.
    pub url: String,
}

/// One downloadable file.
#[derive(Debug, Clone)]
pub struct Download {
    /// Path under `content/`, forward slashes; also where it is in the output.
    pub source: String,
    /// The section page that lists it: its folder's, or the nearest above.
    pub section: PageId,
    pub title: String,
    pub summary: Option<String>,
    pub file_type: FileType,
    /// "PDF", "Word document".
    pub type_label: &'static str,
    pub bytes: u64,
    /// Set for PDFs.
    pub pdf: Option<PdfFacts>,
    pub alternative: Option<Alternative>,
    /// The page and the index of the `[[documents]]` entry that describes it, if one does.
    pub declared: Option<(PageId, usize)>,
}

impl Download {
    /// "PDF, 412 KB, 24 pages" or "Word document, 30 KB".
    pub fn description(&self) -> String {
        let mut text = format!(
            "{}, {}",
            self.type_label,
            crate::util::file_size::file_size(self.bytes as usize)
        );
        if let Some(pages) = self.pdf.as_ref().and_then(PdfFacts::pages) {
            text.push_str(&format!(
                ", {pages} page{}",
                if pages == 1 { "" } else { "s" }
            ));
        }
        text
    }
}

/// Every download of the site, in source order, and the problems with `[[documents]]` entries
/// (a file that does not exist or is not a download, one described twice, an alternative that
/// is not a page or file), as errors at their lines.
pub fn scan(site: &Site) -> (Vec<Download>, Vec<Diagnostic>) {
    let found: Vec<Download> = site
        .assets
        .par_iter()
        .filter_map(|asset| {
            let (file_type, type_label) = file_type(&asset.source)?;
            let bytes = std::fs::metadata(&asset.path).map_or(0, |m| m.len());
            let pdf = (file_type == FileType::Pdf).then(|| pdf_facts(&asset.path));
            Some(Download {
                source: asset.source.clone(),
                section: section_of(site, &asset.source),
                title: title_from_name(&asset.source),
                summary: None,
                file_type,
                type_label,
                bytes,
                pdf,
                alternative: None,
                declared: None,
            })
        })
        .collect();
    let mut downloads = found;
    let problems = apply_entries(site, &mut downloads);
    find_alternatives(site, &mut downloads);
    (downloads, problems)
}

/// PDFs already read by this process, by path, with the size and modification time they had:
/// `waymark serve` rebuilds the whole site on many edits, and reading a long tagged PDF takes
/// tens of milliseconds, so an unchanged file is not read again.
static PDF_FACTS: std::sync::LazyLock<Mutex<PdfCache>> =
    std::sync::LazyLock::new(|| Mutex::new(HashMap::new()));

/// Facts by path, with the size and modification time of the file they were read from.
type PdfCache = HashMap<PathBuf, (u64, SystemTime, PdfFacts)>;

/// The facts of the PDF at `path`, from the cache when the file is unchanged.
fn pdf_facts(path: &Path) -> PdfFacts {
    let stamp = std::fs::metadata(path)
        .ok()
        .and_then(|m| Some((m.len(), m.modified().ok()?)));
    if let Some((len, modified)) = stamp
        && let Some((l, m, facts)) = PDF_FACTS.lock().ok().and_then(|c| c.get(path).cloned())
        && (l, m) == (len, modified)
    {
        return facts;
    }
    let facts = match std::fs::read(path) {
        Ok(data) => PdfFacts::of(&data),
        Err(e) => PdfFacts::Unreadable(format!("it could not be read ({e})")),
    };
    if let (Some((len, modified)), Ok(mut cache)) = (stamp, PDF_FACTS.lock()) {
        cache.insert(path.to_path_buf(), (len, modified, facts.clone()));
    }
    facts
}

/// The section page for a file: its folder's, or the nearest folder above that has one.
fn section_of(site: &Site, source: &str) -> PageId {
    let mut dir = source.rsplit_once('/').map_or("", |(d, _)| d);
    loop {
        let index = if dir.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{dir}/_index.md")
        };
        if let Some(id) = site.page_by_source(&index) {
            return id;
        }
        if dir.is_empty() {
            return site.home();
        }
        dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
    }
}

/// "chronology-template.docx" -> "Chronology template".
fn title_from_name(source: &str) -> String {
    let name = source.rsplit('/').next().unwrap_or(source);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let words = stem.replace(['-', '_'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name.to_string(),
    }
}

/// `name` relative to the folder `dir` (both under `content/`), with `./` and `../` worked out;
/// None when it climbs out of `content/` or is an address.
pub fn resolve(dir: &str, name: &str) -> Option<String> {
    if name.contains("://") || name.starts_with('/') || name.contains('\\') {
        return None;
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in name.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// Titles, summaries and alternatives from `[[documents]]` entries.
fn apply_entries(site: &Site, downloads: &mut [Download]) -> Vec<Diagnostic> {
    let by_source: HashMap<String, usize> = downloads
        .iter()
        .enumerate()
        .map(|(i, d)| (d.source.clone(), i))
        .collect();
    let mut problems = Vec::new();
    for (page_id, page) in site.pages.iter().enumerate() {
        if page.synthetic {
            continue;
        }
        for (index, entry) in page.front.documents.iter().enumerate() {
            let at = page.value_position("documents", Some(index));
            let error = |message: String, hint: String| {
                Diagnostic::error("documents", &page.file, at, message).with_hint(hint)
            };
            let source = resolve(page.source_dir(), &entry.file);
            let Some(&i) = source.as_ref().and_then(|s| by_source.get(s)) else {
                let is_download = file_type(&entry.file).is_some();
                let hint = match suggest(&entry.file, downloads.iter().map(|d| d.source.as_str())) {
                    Some(near) => format!("did you mean `{near}`? (paths are from content/)"),
                    None if is_download => format!(
                        "put the file in content/ and name it relative to {}, as a link would",
                        page.file.display()
                    ),
                    None => "list PDFs, Word documents and spreadsheets (.pdf, .docx, .doc, \
                             .odt, .xlsx, .xls, .ods, .csv)"
                        .to_string(),
                };
                let message = if is_download || source.is_none() {
                    format!("`{}` is not a file under content/", entry.file)
                } else {
                    format!(
                        "`{}` is not a PDF, Word document or spreadsheet",
                        entry.file
                    )
                };
                problems.push(error(message, hint));
                continue;
            };
            let download = &mut downloads[i];
            if let Some((other, _)) = download.declared {
                problems.push(error(
                    format!(
                        "`{}` is already described in {}",
                        entry.file,
                        site.pages[other].file.display()
                    ),
                    "describe each file once: remove one of the [[documents]] entries".into(),
                ));
                continue;
            }
            download.declared = Some((page_id, index));
            if let Some(title) = entry.title.as_deref().filter(|t| !t.trim().is_empty()) {
                download.title = title.trim().to_string();
            }
            download.summary.clone_from(&entry.summary);
            if let Some(name) = &entry.alternative {
                match alternative_named(site, page.source_dir(), name) {
                    Some(alternative) => download.alternative = Some(alternative),
                    None => problems.push(error(
                        format!("the alternative `{name}` is not a page or file of this site"),
                        "name a page (chronology.md) or a tagged PDF, relative to this page, \
                         as a link would"
                            .into(),
                    )),
                }
            }
        }
    }
    problems
}

/// A page (`x.md`) or a file under `content/` named relative to `dir`.
fn alternative_named(site: &Site, dir: &str, name: &str) -> Option<Alternative> {
    let source = resolve(dir, name.split('#').next().unwrap_or(name))?;
    if let Some(id) = site.page_by_source(&source) {
        let page = &site.pages[id];
        return Some(Alternative {
            title: page.front.title.clone(),
            url: page.url.clone(),
        });
    }
    site.asset_by_source(&source).map(|asset| Alternative {
        title: title_from_name(&asset.source),
        url: asset.source.clone(),
    })
}

/// A Word file with no declared alternative gets the page or tagged PDF of the same name
/// beside it.
fn find_alternatives(site: &Site, downloads: &mut [Download]) {
    let tagged_pdfs: HashMap<String, (String, String)> = downloads
        .iter()
        .filter(|d| d.pdf.as_ref().is_some_and(PdfFacts::tagged))
        .map(|d| (stem(&d.source), (d.title.clone(), d.source.clone())))
        .collect();
    for download in downloads
        .iter_mut()
        .filter(|d| d.file_type == FileType::WordProcessor && d.alternative.is_none())
    {
        let stem = stem(&download.source);
        download.alternative = site
            .page_by_source(&format!("{stem}.md"))
            .map(|id| Alternative {
                title: site.pages[id].front.title.clone(),
                url: site.pages[id].url.clone(),
            })
            .or_else(|| {
                tagged_pdfs.get(&stem).map(|(title, url)| Alternative {
                    title: title.clone(),
                    url: url.clone(),
                })
            });
    }
}

/// The source without its extension.
fn stem(source: &str) -> String {
    source
        .rsplit_once('.')
        .map_or(source, |(stem, _)| stem)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{LoadOptions, load_site};

    #[test]
    fn titles_come_from_file_names() {
        assert_eq!(
            title_from_name("toolkit/chronology-template.docx"),
            "Chronology template"
        );
        assert_eq!(
            title_from_name("a/GCP2_scoring  sheet.xlsx"),
            "GCP2 scoring sheet"
        );
    }

    #[test]
    fn names_resolve_like_links() {
        assert_eq!(
            resolve("toolkit", "form.docx").as_deref(),
            Some("toolkit/form.docx")
        );
        assert_eq!(
            resolve("toolkit/forms", "../a.pdf").as_deref(),
            Some("toolkit/a.pdf")
        );
        assert_eq!(resolve("", "../a.pdf"), None);
        assert_eq!(resolve("a", "https://example.org/a.pdf"), None);
    }

    #[test]
    fn entries_alternatives_and_sections_are_worked_out() {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, bytes: &[u8]| {
            let file = dir.path().join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, bytes).unwrap();
        };
        write("waymark.toml", b"title = \"T\"\n");
        write("content/_index.md", b"+++\ntitle = \"Home\"\n+++\n");
        write(
            "content/toolkit/_index.md",
            b"+++\ntitle = \"Toolkit\"\n[[documents]]\nfile = \"forms/plan.docx\"\n\
              title = \"Safety plan\"\nalternative = \"plan.md\"\n\
              [[documents]]\nfile = \"nowhere.pdf\"\n+++\n",
        );
        write(
            "content/toolkit/plan.md",
            b"+++\ntitle = \"Plan\"\n+++\nText.\n",
        );
        write("content/toolkit/forms/plan.docx", b"PK fake word file");
        write("content/toolkit/forms/chronology.docx", b"PK");
        write(
            "content/toolkit/forms/chronology.pdf",
            &pdf::tests::minimal_pdf(2, true),
        );
        write("content/toolkit/forms/lonely.doc", b"old word");
        write("content/toolkit/picture.png", b"png");
        let site = load_site(dir.path(), LoadOptions::default()).unwrap();
        let (downloads, problems) = scan(&site);
        let sources: Vec<_> = downloads.iter().map(|d| d.source.as_str()).collect();
        assert_eq!(
            sources,
            [
                "toolkit/forms/chronology.docx",
                "toolkit/forms/chronology.pdf",
                "toolkit/forms/lonely.doc",
                "toolkit/forms/plan.docx"
            ]
        );
        let toolkit = site.page_by_source("toolkit/_index.md").unwrap();
        assert!(downloads.iter().all(|d| d.section == toolkit));
        let plan = &downloads[3];
        assert_eq!(plan.title, "Safety plan");
        assert_eq!(plan.alternative.as_ref().unwrap().url, "toolkit/plan.html");
        assert_eq!(
            downloads[0].alternative.as_ref().unwrap().url,
            "toolkit/forms/chronology.pdf"
        );
        assert_eq!(downloads[2].alternative, None);
        assert_eq!(downloads[1].description(), format!("PDF, 1 KB, 2 pages"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 7, "{problems:?}");
        assert!(problems[0].message.contains("nowhere.pdf"));
    }
}
