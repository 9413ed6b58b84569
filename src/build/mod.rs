//! `waymark build`: the whole pipeline, from site folder to a finished output folder.
//!
//! [`prepare`] loads the site, its glossary, its packs and its templates; [`render`] makes the packs'
//! PDFs when asked (so pages can show their size), renders every page (in parallel; definition
//! pages once every page's term mentions are known), checks cross-page anchors and makes the
//! site-wide files (theme, assets, 404, sitemap, robots, glossary.json, search index, search and
//! "All pages", "What's changed", pack pages) and, last, the offline files (manifest, icons,
//! service worker); the staging folder is then swapped into place. Nothing reaches the output
//! folder unless every step succeeded. `waymark check` runs the same [`prepare`] and [`render`] into a [`Sink`] that
//! writes nothing, so it finds exactly the problems a build would.

mod calendar;
pub mod kinds_pages;
pub mod offline;
pub mod owners;
pub(crate) mod packs;
#[cfg(test)]
mod page_model_fuzz;
pub(crate) mod pages;
pub(crate) mod search;
mod site_files;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::civil::Date;
use tera::Context;
use thiserror::Error;

use crate::content::{self, LoadOptions, PageId, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::glossary::Glossary;
use crate::output::{OutputError, Sink, Staging};
use crate::packs::Pack;
use crate::render::Renderer;
use crate::render::context::{PackLink, SiteView};
use crate::util::timings;

pub use crate::output::remove_staging_on_signal;

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub site_dir: PathBuf,
    pub output_dir: PathBuf,
    /// Overrides `base_url` from `waymark.toml`.
    pub base_url: Option<String>,
    /// The day review statuses are worked out for.
    pub today: Date,
    /// Make the packs' PDFs (needs the `pdf` feature).
    pub pdf: bool,
    /// Show a progress bar while PDFs are made (when stderr is a terminal).
    pub progress: bool,
}

/// A finished build.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub warnings: Diagnostics,
    pub elapsed: Duration,
    /// What readers' devices save at the first visit, when offline use is on.
    pub precache: Option<offline::PrecacheSize>,
}

/// Why a build did not finish. The previous output is untouched in every case.
#[derive(Debug, Error)]
pub enum BuildError {
    #[error("the site has {} error(s)", .0.error_count())]
    Content(Diagnostics),
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl From<Diagnostics> for BuildError {
    fn from(d: Diagnostics) -> Self {
        BuildError::Content(d)
    }
}

impl From<Diagnostic> for BuildError {
    fn from(d: Diagnostic) -> Self {
        BuildError::Content(vec![d].into())
    }
}

/// A loaded site, ready to render: what a build and a check start from.
pub struct Prepared {
    pub site: Site,
    /// The PDFs, Word documents and spreadsheets under `content/`, read once.
    pub downloads: Vec<crate::downloads::Download>,
    pub glossary: Glossary,
    pub packs: Vec<Pack>,
    pub renderer: Renderer,
}

/// Loads the site, its glossary and its templates, reporting every problem of all three.
/// A build leaves drafts out; `waymark check` asks for them with `load`.
pub fn prepare(
    site_dir: &Path,
    base_url: Option<&str>,
    load: LoadOptions,
) -> Result<Prepared, Diagnostics> {
    let mut site = timings::step("  content", || content::load_site(site_dir, load))?;
    if let Some(base) = base_url {
        site.config.base_url = Some(base.to_string());
    }
    site.problems.extend(owners::collisions(&site));
    site.problems
        .extend(crate::render::home::unknown_most_used(&site));
    let (downloads, problems) = timings::step("  downloads", || crate::downloads::scan(&site));
    site.problems.extend(problems);
    site.problems.sort();
    // The glossary's automata and the templates take some milliseconds each: made side by side.
    let (glossary, (renderer, packs)) = rayon::join(
        || timings::step("  glossary", || Glossary::build(&site)),
        || {
            timings::step("  templates", || {
                (Renderer::new(&site.folders()), crate::packs::resolve(&site))
            })
        },
    );
    let (glossary, mut renderer, packs) = match (glossary, renderer, packs) {
        (Ok(g), Ok(r), Ok(p)) => (g, r, p),
        (g, r, p) => {
            let mut diagnostics = Diagnostics::new();
            diagnostics.extend(g.err().into_iter().flatten());
            diagnostics.extend(r.err().into_iter().flatten());
            diagnostics.extend(p.err().into_iter().flatten());
            site.relocate(&mut diagnostics);
            diagnostics.extend(site.problems.clone());
            diagnostics.sort();
            return Err(diagnostics);
        }
    };
    let mut globals = Context::new();
    globals.insert("site", &SiteView::of(&site));
    renderer.set_globals(&globals);
    Ok(Prepared {
        site,
        downloads,
        glossary,
        packs,
        renderer,
    })
}

/// Whether and how to make the packs' PDFs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pdfs {
    Skip,
    Make { progress: bool },
}

/// What rendering a whole site produced.
pub struct Rendered {
    /// Files written.
    pub files: usize,
    /// Every problem found, sorted.
    pub diagnostics: Diagnostics,
    /// What each page left for later steps, indexed by page id.
    pub states: Vec<pages::PageState>,
    /// The printable packs each page is part of.
    pub pack_links: HashMap<PageId, Vec<PackLink>>,
    /// What readers' devices save at the first visit (None when offline use is off, or for a
    /// check, which writes nothing).
    pub precache: Option<offline::PrecacheSize>,
}

/// Renders every page and site-wide file into `sink`.
pub fn render(prepared: &Prepared, today: Date, sink: Sink<'_>, pdfs: Pdfs) -> Rendered {
    // What rendering finds; the site's own problems, already placed, join them at the end.
    let mut diagnostics = Diagnostics::new();
    let mut files = 0;
    let mut pack_views = packs::views(prepared, today);
    // A site that already has errors will not be published: its PDFs would be made for nothing.
    if let Pdfs::Make { progress } = pdfs
        && !prepared.site.problems.has_errors()
    {
        files += timings::step("pdfs", || {
            packs::write_pdfs(
                prepared,
                &mut pack_views,
                today,
                progress,
                sink,
                &mut diagnostics,
            )
        });
    }
    let pack_links = packs::links(prepared, &pack_views);
    let outcome = timings::step("pages", || {
        pages::render_pages(prepared, today, sink, &pack_links)
    });
    diagnostics.extend(outcome.diagnostics);
    files += prepared.site.pages.len();
    // The search index and the other site-wide files are made side by side. The index can only
    // warn about its size, so a check (which writes nothing) skips making it.
    let ((search_files, search_problems), (other_files, other_problems)) = rayon::join(
        || match sink {
            Sink::Discard => (0, Diagnostics::new()),
            _ => timings::step("search index", || {
                search::write_index(prepared, &outcome.states, sink)
            }),
        },
        || {
            let mut d = Diagnostics::new();
            let n = timings::step("site files", || {
                site_files::write_site_files(prepared, sink, &mut d)
                    + site_files::write_generated_pages(prepared, sink, &mut d)
                    + packs::write_pages(prepared, &pack_views, sink, &mut d)
                    + kinds_pages::write(prepared, today, &pack_views, sink, &mut d)
            });
            (n, d)
        },
    );
    files += search_files + other_files;
    diagnostics.extend(search_problems);
    diagnostics.extend(other_problems);
    // Last: the offline files list every other file.
    let (offline_files, precache) = timings::step("offline", || {
        offline::write_offline_files(prepared, today, sink, &mut diagnostics)
    });
    files += offline_files;
    prepared.site.relocate(&mut diagnostics);
    diagnostics.extend(prepared.site.problems.clone());
    diagnostics.sort();
    Rendered {
        files,
        diagnostics,
        states: outcome.states,
        pack_links,
        precache,
    }
}

/// Builds the site into `options.output_dir`.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let prepared = timings::step("load", || {
        prepare(
            &options.site_dir,
            options.base_url.as_deref(),
            LoadOptions::default(),
        )
    })?;
    let staging = Staging::create(&options.output_dir, &prepared.site.dir)?;
    let pdfs = if options.pdf {
        Pdfs::Make {
            progress: options.progress,
        }
    } else {
        Pdfs::Skip
    };
    let rendered = render(&prepared, options.today, Sink::Staging(&staging), pdfs);
    if rendered.diagnostics.has_errors() {
        return Err(BuildError::Content(rendered.diagnostics));
    }
    timings::step("commit", || staging.commit())?;
    let pages = prepared.site.pages.len();
    let (files, warnings, precache) = (rendered.files, rendered.diagnostics, rendered.precache);
    // Freeing a big site's model takes a noticeable moment; a thread of its own does it, and a
    // command that is about to exit does not wait for it.
    let model = (prepared, rendered.states, rendered.pack_links);
    std::thread::spawn(move || drop(model));
    Ok(BuildReport {
        pages,
        files,
        warnings,
        elapsed: started.elapsed(),
        precache,
    })
}
