//! The live preview's memory of the site, and rebuilding only what an edit touches.
//!
//! The whole site is built once into the preview folder; the loaded model, the templates and
//! each page's [`PageState`] stay in memory. When a page's body changes and its front matter
//! does not, only that page is rendered again, checked (its links, and other pages' links to its
//! headings) and written; definitions whose "Used in" list changed follow. The search index and
//! the pack pages that hold the page are brought up to date just after, once the browser has
//! been told to reload. Anything else (front matter, a new or deleted file, a template, the
//! theme, the settings) rebuilds the whole site into a staging folder that replaces the preview
//! folder only if it built. A broken edit never reaches the preview: the last good site stays.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::build::pages::{PageState, anchor_problems, page_html, used_in};
use crate::build::{self, Pdfs, Prepared};
use crate::content::{self, Layer, LoadOptions, PageId};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::output::{Sink, Staging};
use crate::packs::print;
use crate::render::context::PackLink;

/// What a rebuild did, for the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Rebuilt {
    /// Everything, in this long.
    Site(Duration),
    /// These pages (output paths), in this long; the search index and packs follow.
    Pages(Vec<String>, Duration),
    /// Nothing changed that the site shows.
    Nothing,
}

/// Follow-up work after a page rebuild: the search index and the pack pages holding the page.
#[derive(Debug, Default)]
pub(crate) struct FollowUp {
    pages: Vec<PageId>,
}

impl FollowUp {
    pub(crate) fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }
}

/// The preview's state between edits.
pub(crate) struct Session {
    site_dir: PathBuf,
    out: PathBuf,
    today: Date,
    prepared: Prepared,
    states: Vec<PageState>,
    pack_links: std::collections::HashMap<PageId, Vec<PackLink>>,
    /// Bring the offline files (file list, service worker) up to date after a page rebuild too.
    offline_files: bool,
}

impl Session {
    /// Builds the whole site into `out`, the folder the preview server serves.
    pub(crate) fn start(site_dir: &Path, out: &Path, today: Date) -> Result<Session, Diagnostics> {
        let (prepared, rendered) = full_build(site_dir, out, today)?;
        Ok(Session {
            site_dir: site_dir.to_path_buf(),
            out: out.to_path_buf(),
            today,
            prepared,
            states: rendered.states,
            pack_links: rendered.pack_links,
            offline_files: false,
        })
    }

    /// With `keep` on, a page rebuild's follow-up also rewrites the offline files, so a
    /// service worker sees the change (a whole-site rebuild always writes them).
    pub(crate) fn keeping_offline_files(mut self, keep: bool) -> Session {
        self.offline_files = keep;
        self
    }

    /// The folder being served.
    pub(crate) fn out(&self) -> &Path {
        &self.out
    }

    /// Number of pages in the site.
    pub(crate) fn pages(&self) -> usize {
        self.prepared.site.pages.len()
    }

    /// Brings the preview up to date with the files that changed.
    pub(crate) fn apply(
        &mut self,
        changed: &[PathBuf],
    ) -> Result<(Rebuilt, FollowUp), Diagnostics> {
        let started = Instant::now();
        let mut pages = Vec::new();
        for path in changed {
            match self.classify(path) {
                Change::Ignored => {}
                Change::Page(id) => pages.push(id),
                Change::Asset(source) => {
                    let from = self.site_dir.join("content").join(&source);
                    if from.is_file() {
                        Sink::Dir(&self.out)
                            .copy(&from, Path::new(&source), &source)
                            .map_err(|d| Diagnostics::from(vec![d]))?;
                    } else if self.prepared.site.asset_by_source(&source).is_some() {
                        // A file the site had is gone: pages linking to it must be checked.
                        return self.rebuild_all(started);
                    }
                    // Otherwise an editor's temporary file came and went.
                }
                Change::Everything => return self.rebuild_all(started),
            }
        }
        if pages.is_empty() {
            return Ok((Rebuilt::Nothing, FollowUp::default()));
        }
        pages.sort_unstable();
        pages.dedup();
        self.rebuild_pages(&pages, started)
    }

    /// The site folders the preview is built from, to watch: the site's base (if any), then the
    /// site itself.
    pub(crate) fn folders(&self) -> Vec<PathBuf> {
        self.prepared
            .site
            .folders()
            .into_iter()
            .map(|f| f.dir)
            .collect()
    }

    fn classify(&self, path: &Path) -> Change {
        let site = &self.prepared.site;
        // The site's own folder first: it may sit inside its base's.
        let (relative, layer) = match path.strip_prefix(&self.site_dir) {
            Ok(relative) => (relative, Layer::Local),
            Err(_) => match site.base.as_ref().map(|b| path.strip_prefix(&b.folder.dir)) {
                Some(Ok(relative)) => (relative, Layer::Base),
                _ => return Change::Ignored,
            },
        };
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts
            .iter()
            .any(|p| p.starts_with('.') || p.ends_with('~') || p.ends_with(".swp"))
        {
            return Change::Ignored;
        }
        match parts.first().map(String::as_str) {
            Some("content") if parts.len() > 1 => {
                let source = parts[1..].join("/");
                // A download's size and pages are on its section page and the Documents page.
                if crate::downloads::file_type(&source).is_some() {
                    return Change::Everything;
                }
                if !source.ends_with(".md") {
                    // A base file may be replaced or hidden here: the whole site sorts it out.
                    return match layer {
                        Layer::Local => Change::Asset(source),
                        Layer::Base => Change::Everything,
                    };
                }
                match site.page_by_source(&source) {
                    // A page that is now gone, or was not there before, changes the site's shape;
                    // so does an edit to either file of a page joined from two (see
                    // `content::extends`), or to a base page that a local one replaces.
                    Some(id)
                        if path.is_file()
                            && !site.pages[id].synthetic
                            && site.pages[id].layer == layer
                            && site.pages[id]
                                .overlay
                                .as_ref()
                                .is_none_or(|o| o.addition.is_none()) =>
                    {
                        Change::Page(id)
                    }
                    _ => Change::Everything,
                }
            }
            // The content folder itself: moved away, or back.
            Some("content") => Change::Everything,
            Some("templates" | "theme") => Change::Everything,
            Some(crate::config::CONFIG_FILE) => Change::Everything,
            _ => Change::Ignored,
        }
    }

    fn rebuild_all(&mut self, started: Instant) -> Result<(Rebuilt, FollowUp), Diagnostics> {
        let (prepared, rendered) = full_build(&self.site_dir, &self.out, self.today)?;
        self.prepared = prepared;
        self.states = rendered.states;
        self.pack_links = rendered.pack_links;
        Ok((Rebuilt::Site(started.elapsed()), FollowUp::default()))
    }

    /// Re-renders pages whose body changed (and the definitions whose "Used in" changed),
    /// checking everything before writing anything.
    fn rebuild_pages(
        &mut self,
        ids: &[PageId],
        started: Instant,
    ) -> Result<(Rebuilt, FollowUp), Diagnostics> {
        // Reload the files; a change of front matter changes listings, navigation, the glossary
        // or the packs, so it rebuilds everything.
        let mut reloaded = Vec::new();
        for &id in ids {
            let page = &self.prepared.site.pages[id];
            let (source, folder) = (page.source.clone(), self.prepared.site.folder(page.layer));
            let page = content::read_page(&folder, &source, LoadOptions::default())
                .map_err(Diagnostics::from)?;
            match page {
                Some(page) if page.front == self.prepared.site.pages[id].front => {
                    reloaded.push((id, page))
                }
                _ => return self.rebuild_all(started),
            }
        }
        let old: Vec<(PageId, content::Page)> = reloaded
            .into_iter()
            .map(|(id, new)| {
                let page = &mut self.prepared.site.pages[id];
                let previous = page.clone();
                page.text = new.text;
                page.body_offset = new.body_offset;
                page.lines = new.lines;
                (id, previous)
            })
            .collect();

        match self.render_changed(ids) {
            Ok((written, follow_up)) => Ok((Rebuilt::Pages(written, started.elapsed()), follow_up)),
            Err(problems) => {
                // Keep the model matching what is served, so the next edit starts from it.
                for (id, previous) in old {
                    self.prepared.site.pages[id] = previous;
                }
                Err(problems)
            }
        }
    }

    fn render_changed(&mut self, ids: &[PageId]) -> Result<(Vec<String>, FollowUp), Diagnostics> {
        let prepared = &self.prepared;
        let mut problems = Diagnostics::new();
        let mut states = self.states.clone();
        let mut rendered = Vec::new();
        for &id in ids {
            let mut page = markdown::render_page(&prepared.site, &prepared.glossary, id);
            problems.extend(std::mem::take(&mut page.links.diagnostics));
            states[id] = PageState::take(&mut page);
            rendered.push((id, page));
        }
        // Their links to other pages' headings, and other pages' links to their headings.
        let touched: BTreeSet<PageId> = ids.iter().copied().collect();
        problems.extend(anchor_problems(prepared, &states, |from| {
            touched.contains(&from)
                || states[from]
                    .anchor_checks
                    .iter()
                    .any(|c| touched.contains(&c.target))
        }));
        if problems.has_errors() {
            prepared.site.relocate(&mut problems);
            problems.sort();
            return Err(problems);
        }

        // Definitions whose "Used in" list changed are rendered again too.
        let mut definitions = BTreeSet::new();
        for &id in ids {
            let before: BTreeSet<_> = self.states[id].terms.iter().collect();
            let after: BTreeSet<_> = states[id].terms.iter().collect();
            for &entry in before.symmetric_difference(&after) {
                let page = prepared.glossary.entry(*entry).page;
                if !touched.contains(&page) {
                    definitions.insert(page);
                }
            }
        }
        let used = used_in(prepared, &states);
        for &id in &definitions {
            rendered.push((
                id,
                markdown::render_page(&prepared.site, &prepared.glossary, id),
            ));
        }

        let mut pages = Vec::new();
        for (id, page) in &rendered {
            let links = self.pack_links.get(id).map_or(&[][..], Vec::as_slice);
            let html = page_html(prepared, *id, page, self.today, links, &used)
                .map_err(|d| Diagnostics::from(vec![d]))?;
            pages.push((prepared.site.pages[*id].url.clone(), html));
        }
        for (url, html) in &pages {
            Sink::Dir(&self.out)
                .write(url, html.as_bytes())
                .map_err(|d| Diagnostics::from(vec![d]))?;
        }
        self.states = states;
        Ok((
            pages.into_iter().map(|(url, _)| url).collect(),
            FollowUp {
                pages: ids.to_vec(),
            },
        ))
    }

    /// Brings the search index and the pack pages holding the changed pages up to date.
    pub(crate) fn follow_up(&self, work: FollowUp) -> Result<(), Diagnostics> {
        if work.is_empty() {
            return Ok(());
        }
        let prepared = &self.prepared;
        let sink = Sink::Dir(&self.out);
        let (_, mut diagnostics) = build::search::write_index(prepared, &self.states, sink);
        for pack in prepared
            .packs
            .iter()
            .filter(|p| !p.is_briefing() && p.documents.iter().any(|d| work.pages.contains(d)))
        {
            let (mut view, _) = print::pack_view(&prepared.site, pack, self.today);
            view.pdf = None;
            if let Err(d) = build::packs::write_pack_page(prepared, &view, sink) {
                diagnostics.push(d);
            }
        }
        if self.offline_files {
            build::offline::write_offline_files(prepared, self.today, sink, &mut diagnostics);
        }
        if diagnostics.has_errors() {
            Err(diagnostics)
        } else {
            Ok(())
        }
    }
}

enum Change {
    Ignored,
    Page(PageId),
    Asset(String),
    Everything,
}

/// Builds the whole site into a staging folder and swaps it in place of `out`; PDFs are left to
/// `waymark build`, so a preview rebuild stays quick.
fn full_build(
    site_dir: &Path,
    out: &Path,
    today: Date,
) -> Result<(Prepared, build::Rendered), Diagnostics> {
    let prepared = build::prepare(site_dir, None, LoadOptions::default())?;
    let staging = Staging::create(out, site_dir).map_err(|e| output_problem(out, &e))?;
    let rendered = build::render(&prepared, today, Sink::Staging(&staging), Pdfs::Skip);
    if rendered.diagnostics.has_errors() {
        return Err(rendered.diagnostics);
    }
    staging.commit().map_err(|e| output_problem(out, &e))?;
    Ok((prepared, rendered))
}

fn output_problem(out: &Path, error: &crate::output::OutputError) -> Diagnostics {
    vec![
        Diagnostic::error(
            "io",
            out,
            crate::diagnostics::Position::FILE,
            error.to_string(),
        )
        .with_hint(error.hint()),
    ]
    .into()
}
