//! Printable packs: chosen sections and pages bundled as one print-ready HTML page and one PDF.
//!
//! A pack is defined in `waymark.toml` (`[[packs]]`: slug, title, description, `include`).
//! [`resolve`] turns each `include` entry into documents in order: a section (`strategy/`) brings
//! its introduction, when it has one, and then its pages in display order; a page
//! (`toolkit/chronology-template.md`) brings itself. The print page is assembled by [`print`]; the
//! PDF by the `pdf` module when the `pdf` feature is on.
//!
//! Each 7-minute briefing is a pack of its own too, made without being configured: one document
//! in the briefing layout (no cover or contents, on one or two A4 pages), its PDF beside its page
//! (`briefings/neglect.pdf`) and no separate print page, since the briefing's page prints.

#[cfg(feature = "pdf")]
pub(crate) mod make_pdf;
#[cfg(feature = "pdf")]
pub(crate) mod pdf;
pub(crate) mod print;

use std::collections::{BTreeSet, HashMap};

use crate::config::PackConfig;
use crate::content::{DocControl, DocDate, PageId, Site};
use crate::diagnostics::{Diagnostic, Diagnostics, Position, suggest};

/// A pack with its documents resolved.
#[derive(Debug, Clone)]
pub struct Pack {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub version: String,
    /// The newest "last updated" of its documents: the pack's date, the same on every build.
    pub date: Option<DocDate>,
    pub documents: Vec<PageId>,
    /// For a briefing's own pack: the briefing's page, from the site root.
    pub briefing: Option<String>,
}

/// Where a briefing's PDF is written: beside its page (`briefings/neglect.html` ->
/// `briefings/neglect.pdf`).
pub fn briefing_pdf_url(page_url: &str) -> String {
    format!("{}.pdf", page_url.trim_end_matches(".html"))
}

impl Pack {
    /// The print page, from the site root (a briefing's own page for a briefing).
    pub fn html_url(&self) -> String {
        match &self.briefing {
            Some(page) => page.clone(),
            None => format!("packs/{}/index.html", self.slug),
        }
    }

    /// The PDF, from the site root.
    pub fn pdf_url(&self) -> String {
        match &self.briefing {
            Some(page) => briefing_pdf_url(page),
            None => format!("packs/{}.pdf", self.slug),
        }
    }

    /// A briefing's own pack, set in the briefing layout.
    pub fn is_briefing(&self) -> bool {
        self.briefing.is_some()
    }

    /// The id a document gets inside the pack page, so links between included pages become
    /// in-pack anchors and every id stays unique.
    pub fn anchors(&self, site: &Site) -> HashMap<PageId, String> {
        let mut used = BTreeSet::new();
        self.documents
            .iter()
            .map(|&id| {
                let page = &site.pages[id];
                let base = format!(
                    "doc-{}",
                    crate::util::slug::file_slug(
                        &page
                            .source
                            .replace("_index.md", "index")
                            .replace(".md", "")
                            .replace('/', "-")
                    )
                );
                let mut anchor = base.clone();
                let mut n = 1;
                while !used.insert(anchor.clone()) {
                    anchor = format!("{base}-{n}");
                    n += 1;
                }
                (id, anchor)
            })
            .collect()
    }
}

/// Resolves every pack in the site settings; unknown sections or pages are errors with a hint.
pub fn resolve(site: &Site) -> Result<Vec<Pack>, Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    let mut packs = Vec::new();
    for config in &site.config.packs {
        match resolve_one(site, config) {
            Ok(pack) => packs.push(pack),
            Err(problems) => diagnostics.extend(problems),
        }
    }
    packs.extend(briefing_packs(site));
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok(packs)
    }
}

/// One pack for each 7-minute briefing: the briefing alone, for its own PDF.
fn briefing_packs(site: &Site) -> Vec<Pack> {
    site.pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == crate::content::PageKind::Briefing && !p.is_section)
        .map(|(id, page)| {
            let control = DocControl::of(page);
            let stem = page.url.trim_end_matches(".html").replace('/', "-");
            Pack {
                slug: stem,
                title: page.front.title.clone(),
                description: page.front.summary.clone(),
                version: control
                    .version
                    .clone()
                    .unwrap_or_else(|| "Current edition".into()),
                date: control.last_updated,
                documents: vec![id],
                briefing: Some(page.url.clone()),
            }
        })
        .collect()
}

fn resolve_one(site: &Site, config: &PackConfig) -> Result<Pack, Vec<Diagnostic>> {
    let mut documents: Vec<PageId> = Vec::new();
    let mut problems = Vec::new();
    for entry in &config.include {
        let path = entry
            .trim()
            .trim_start_matches("content/")
            .trim_start_matches('/');
        let section = format!("{}/_index.md", path.trim_end_matches('/'));
        let is_section = path.ends_with('/')
            || (!path.ends_with(".md") && site.page_by_source(&section).is_some());
        let found = if is_section {
            site.page_by_source(&section)
                .map(|id| section_documents(site, id))
        } else {
            site.page_by_source(path).map(|id| vec![id])
        };
        // A page or section that this site hides from its base does not apply here.
        let hidden = |source: &str| site.hidden.contains(source);
        if found.is_none() && (hidden(path) || hidden(&section)) {
            continue;
        }
        match found {
            Some(ids) => {
                for id in ids {
                    if !documents.contains(&id) {
                        documents.push(id);
                    }
                }
            }
            None => {
                let hint = match suggest(path, site.sources().chain(section_paths(site).iter().map(String::as_str))) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => "name a section as `strategy/` or a page as `toolkit/chronology-template.md`, as under content/".into(),
                };
                problems.push(
                    Diagnostic::error(
                        "pack",
                        config.settings_file(),
                        Position::FILE,
                        format!(
                            "pack `{}` includes `{entry}`, which is not a section or page",
                            config.slug
                        ),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
    if documents.is_empty() && problems.is_empty() {
        problems.push(
            Diagnostic::error(
                "pack",
                config.settings_file(),
                Position::FILE,
                format!("pack `{}` has no documents", config.slug),
            )
            .with_hint(
                "list sections or pages in its include = [...]; pages that hide leaves out are \
                 not in packs",
            ),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let date = documents
        .iter()
        .filter_map(|&id| DocControl::of(&site.pages[id]).last_updated)
        .max();
    let version = config.version.clone().unwrap_or_else(|| {
        date.map(|d| format!("{} edition", d.human()))
            .unwrap_or_else(|| "Current edition".into())
    });
    Ok(Pack {
        slug: config.slug.clone(),
        title: config.title.clone(),
        description: config.description.clone(),
        version,
        date,
        documents,
        briefing: None,
    })
}

/// A section's introduction (when it has words of its own) and then its pages and subsections,
/// depth first, in display order.
fn section_documents(site: &Site, section: PageId) -> Vec<PageId> {
    let mut out = Vec::new();
    let page = &site.pages[section];
    if !page.synthetic && !page.body().trim().is_empty() {
        out.push(section);
    }
    for &child in &page.children {
        if site.pages[child].is_section {
            out.extend(section_documents(site, child));
        } else {
            out.push(child);
        }
    }
    out
}

/// `strategy/` style names of every section, for hints.
fn section_paths(site: &Site) -> Vec<String> {
    site.pages
        .iter()
        .filter(|p| p.is_section && !p.source_dir().is_empty())
        .map(|p| format!("{}/", p.source_dir()))
        .collect()
}
