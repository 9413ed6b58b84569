//! `waymark build`: the whole pipeline, from site folder to a finished output folder.
//!
//! load -> render every page (in parallel) -> check cross-page anchors -> site-wide files
//! (theme, assets, 404, sitemap, robots) -> swap the staging folder into place.
//! Nothing reaches the output folder unless every step succeeded.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use rayon::prelude::*;
use tera::Context;
use thiserror::Error;

use crate::content::{self, LoadOptions, PageId, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{self, RenderedMarkdown};
use crate::output::{OutputError, Staging};
use crate::packs::print::{self, PackView};
use crate::packs::{self, Pack};
use crate::render::context::{GeneratedPage, Link, PackLink, PageView, SiteView, template_for};
use crate::render::{Renderer, assets};
use crate::review;
use crate::search;

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

/// One page, rendered and written.
struct PageResult {
    rendered: RenderedMarkdown,
    problems: Vec<Diagnostic>,
}

/// Builds the site into `options.output_dir`.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let mut site = content::load(&options.site_dir, LoadOptions::default())?;
    if let Some(base) = &options.base_url {
        site.config.base_url = Some(base.clone());
    }
    let mut renderer = Renderer::new(&site.dir)?;
    let mut globals = Context::new();
    globals.insert("site", &SiteView::of(&site));
    renderer.set_globals(&globals);
    let packs = packs::resolve(&site)?;
    let staging = Staging::create(&options.output_dir, &site.dir)?;

    let mut pack_views: Vec<PackView> = packs
        .par_iter()
        .map(|pack| print::pack_view(&site, pack, options.today).0)
        .collect();
    let mut diagnostics = Diagnostics::new();
    let mut files = 0;
    if options.pdf {
        files += write_pdfs(
            &site,
            &packs,
            &mut pack_views,
            &staging,
            options,
            &mut diagnostics,
        );
    }
    let pack_links = pack_links(&packs, &pack_views);

    let results: Vec<PageResult> = (0..site.pages.len())
        .into_par_iter()
        .map(|id| {
            let links = pack_links.get(&id).cloned().unwrap_or_default();
            render_page(&site, &renderer, &staging, id, options.today, links)
        })
        .collect();

    for result in &results {
        diagnostics.extend(result.problems.iter().cloned());
        diagnostics.extend(result.rendered.links.diagnostics.iter().cloned());
    }
    check_anchors(&site, &results, &mut diagnostics);
    files += site.pages.len();
    files += write_search_index(&site, &results, &staging, &mut diagnostics);
    files += write_site_files(&site, &renderer, &staging, &mut diagnostics);
    files += write_generated_pages(&site, &renderer, &staging, &mut diagnostics);
    files += write_pack_pages(&site, &renderer, &staging, &pack_views, &mut diagnostics);

    diagnostics.sort();
    if diagnostics.has_errors() {
        return Err(BuildError::Content(diagnostics));
    }
    staging.commit()?;
    Ok(BuildReport {
        pages: site.pages.len(),
        files,
        warnings: diagnostics,
        elapsed: started.elapsed(),
    })
}

fn render_page(
    site: &Site,
    renderer: &Renderer,
    staging: &Staging,
    id: PageId,
    today: Date,
    packs: Vec<PackLink>,
) -> PageResult {
    let page = &site.pages[id];
    let mut rendered = markdown::render_page(site, page);
    let mut view = PageView::of(site, id, &rendered, today);
    view.packs = packs;
    let mut context = Context::new();
    context.insert("page", &view);
    context.insert("root", &page.root_prefix());
    let template = template_for(page, |t| renderer.has_template(t));
    let mut problems = Vec::new();
    match renderer.render(&template, &context, &page.file) {
        Ok(html) => {
            if let Err(d) = staging.write(&page.url, html.as_bytes()) {
                problems.push(d);
            }
        }
        Err(d) => problems.push(d),
    }
    drop(context);
    drop(view);
    // The page is written: keep what later steps need (sections, links, ids), not its HTML.
    rendered.html = String::new();
    PageResult { rendered, problems }
}

/// The search index: one document per page section, with the glossary as synonyms.
fn write_search_index(
    site: &Site,
    results: &[PageResult],
    staging: &Staging,
    diagnostics: &mut Diagnostics,
) -> usize {
    let documents: Vec<search::SearchDocument> = results
        .iter()
        .enumerate()
        .flat_map(|(id, r)| {
            search::site_index::page_documents(site, id, &r.rendered.sections, &|_| Vec::new())
        })
        .collect();
    let glossary = search::site_index::glossary_entries(site);
    let index = search::build_index(&documents, &glossary);
    let mut written = 0;
    let mut raw = 0;
    for (name, contents, _) in index.iter_files() {
        raw += contents.len();
        match staging.write(name, contents.as_bytes()) {
            Ok(()) => written += 1,
            Err(d) => diagnostics.push(d),
        }
    }
    // Gzip only when the index is big enough to be near the limit: it costs time.
    if raw > SEARCH_WARN_BYTES {
        let gzipped = index.stats().bytes_gzipped;
        if gzipped > SEARCH_WARN_BYTES {
            diagnostics.push(
                Diagnostic::warning(
                    "search-index-size",
                    "content",
                    crate::diagnostics::Position::FILE,
                    format!(
                        "the search index is {:.1} MB gzipped, over {} MB",
                        gzipped as f64 / 1e6,
                        SEARCH_WARN_BYTES / 1_000_000
                    ),
                )
                .with_hint("phones download the parts a query needs, but a very large site may want fewer, longer pages"),
            );
        }
    }
    written
}

/// A search index bigger than this (gzipped) gets a warning.
const SEARCH_WARN_BYTES: usize = 5_000_000;

/// Links to `page.md#anchor` are checked here, once every page's headings are known.
fn check_anchors(site: &Site, results: &[PageResult], diagnostics: &mut Diagnostics) {
    for (id, result) in results.iter().enumerate() {
        for check in &result.rendered.links.anchor_checks {
            let ids = &results[check.target].rendered.ids;
            if !ids.contains(&check.anchor) {
                diagnostics.push(markdown::links::missing_anchor(
                    &site.pages[id],
                    &check.dest,
                    &check.anchor,
                    ids,
                    check.position,
                ));
            }
        }
    }
}

/// Theme files, content assets, 404 page, sitemap and robots.txt. Returns the number written.
fn write_site_files(
    site: &Site,
    renderer: &Renderer,
    staging: &Staging,
    diagnostics: &mut Diagnostics,
) -> usize {
    let mut written = 0;
    let mut write = |path: &str, bytes: &[u8], diagnostics: &mut Diagnostics| match staging
        .write(path, bytes)
    {
        Ok(()) => written += 1,
        Err(d) => diagnostics.push(d),
    };
    match assets::theme_files(&site.dir) {
        Ok(files) => {
            // theme/fonts/ holds the PDF packs' fonts; the website uses the reader's own fonts.
            for (name, bytes) in files.iter().filter(|(n, _)| !n.starts_with("fonts/")) {
                write(&format!("theme/{name}"), bytes, diagnostics);
            }
        }
        Err(problems) => diagnostics.extend(problems),
    }
    for asset in &site.assets {
        match std::fs::read(&asset.path) {
            Ok(bytes) => write(&asset.source, &bytes, diagnostics),
            Err(e) => diagnostics.push(Diagnostic::io(
                &site.display_path(&asset.path),
                "read this file",
                &e,
            )),
        }
    }

    let base = site.config.base_url();
    let mut context = Context::new();
    // The 404 page is served at any depth, so it links from the site's own path, not relatively.
    let root = base
        .as_deref()
        .and_then(|b| b.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| rest.find('/').map(|i| rest[i..].to_string()))
        .unwrap_or_default();
    context.insert("root", &root);
    match renderer.render("404.html", &context, std::path::Path::new("404.html")) {
        Ok(html) => write("404.html", html.as_bytes(), diagnostics),
        Err(d) => diagnostics.push(d),
    }

    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &base {
        write("sitemap.xml", sitemap(site, base).as_bytes(), diagnostics);
        robots.push_str(&format!("Sitemap: {base}sitemap.xml\n"));
    }
    write("robots.txt", robots.as_bytes(), diagnostics);
    written
}

/// Pages waymark makes from the whole site: "What's changed" and its Atom feed.
fn write_generated_pages(
    site: &Site,
    renderer: &Renderer,
    staging: &Staging,
    diagnostics: &mut Diagnostics,
) -> usize {
    let mut written = 0;
    let changes = review::changes::site_changes(site);
    let page = GeneratedPage::new(
        site,
        "changes.html",
        "What's changed",
        Some("New and updated guidance, newest first."),
    );
    let mut context = Context::new();
    context.insert("changes", &changes);
    match render_generated(renderer, staging, &page, context) {
        Ok(()) => written += 1,
        Err(d) => diagnostics.push(d),
    }
    let search = GeneratedPage::new(site, "search.html", "Search", None);
    let mut context = Context::new();
    let glossary_url = site
        .page_by_source("definitions/_index.md")
        .map_or_else(|| "pages.html".to_string(), |id| site.pages[id].url.clone());
    context.insert("glossary_url", &glossary_url);
    match render_generated(renderer, staging, &search, context) {
        Ok(()) => written += 1,
        Err(d) => diagnostics.push(d),
    }
    let all = GeneratedPage::new(
        site,
        "pages.html",
        "All pages",
        Some("Every page on this site, section by section."),
    );
    let mut context = Context::new();
    context.insert("sections", &page_index(site));
    match render_generated(renderer, staging, &all, context) {
        Ok(()) => written += 1,
        Err(d) => diagnostics.push(d),
    }
    if let Some(base) = site.config.base_url() {
        let feed = review::changes::atom_feed(site, &base, &changes);
        match staging.write("changes.xml", feed.as_bytes()) {
            Ok(()) => written += 1,
            Err(d) => diagnostics.push(d),
        }
    }
    written
}

/// Makes every pack's PDF and records its size and pages for the links. Without the `pdf`
/// feature, asking for PDFs is an error that says how to get them.
#[cfg(feature = "pdf")]
fn write_pdfs(
    site: &Site,
    packs: &[Pack],
    views: &mut [PackView],
    staging: &Staging,
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
) -> usize {
    if packs.is_empty() {
        return 0;
    }
    let fonts = match packs::make_pdf::fonts(site) {
        Ok(fonts) => fonts,
        Err(d) => {
            diagnostics.push(d);
            return 0;
        }
    };
    let mut written = 0;
    let made =
        packs::make_pdf::make_all(site, packs, views, &fonts, options.today, options.progress);
    for (view, result) in views.iter_mut().zip(made) {
        match result {
            Ok(pdf) => match staging.write(&pdf.url, &pdf.bytes) {
                Ok(()) => {
                    written += 1;
                    view.pdf = Some(pdf.info);
                }
                Err(d) => diagnostics.push(d),
            },
            Err(problems) => diagnostics.extend(problems),
        }
    }
    written
}

#[cfg(not(feature = "pdf"))]
fn write_pdfs(
    _site: &Site,
    packs: &[Pack],
    _views: &mut [PackView],
    _staging: &Staging,
    _options: &BuildOptions,
    diagnostics: &mut Diagnostics,
) -> usize {
    if !packs.is_empty() {
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
fn pack_links(packs: &[Pack], views: &[PackView]) -> HashMap<PageId, Vec<PackLink>> {
    let mut links: HashMap<PageId, Vec<PackLink>> = HashMap::new();
    for (pack, view) in packs.iter().zip(views) {
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

/// The "Printable packs" page and each pack's print page.
fn write_pack_pages(
    site: &Site,
    renderer: &Renderer,
    staging: &Staging,
    views: &[PackView],
    diagnostics: &mut Diagnostics,
) -> usize {
    if views.is_empty() {
        return 0;
    }
    let mut written = 0;
    let list = GeneratedPage::new(
        site,
        "packs.html",
        "Printable packs",
        Some(
            "Guidance bundled for printing or saving: each pack as one print-ready page and as a PDF.",
        ),
    );
    let mut context = Context::new();
    context.insert("packs", views);
    match render_generated(renderer, staging, &list, context) {
        Ok(()) => written += 1,
        Err(d) => diagnostics.push(d),
    }
    for view in views {
        let mut page = GeneratedPage::new(
            site,
            &view.html_url,
            &view.title,
            view.description.as_deref(),
        );
        page.breadcrumbs.push(Link {
            title: list.title.clone(),
            url: list.url.clone(),
        });
        let mut context = Context::new();
        context.insert("pack", view);
        context.insert("page", &page);
        context.insert("root", &page.root_prefix());
        match renderer
            .render("pack.html", &context, std::path::Path::new(&view.html_url))
            .and_then(|html| staging.write(&view.html_url, html.as_bytes()))
        {
            Ok(()) => written += 1,
            Err(d) => diagnostics.push(d),
        }
    }
    written
}

/// A section of the "All pages" list.
#[derive(serde::Serialize)]
struct IndexSection {
    title: String,
    url: String,
    pages: Vec<crate::render::context::ListItem>,
}

/// Every section with its pages, in display order, for the "All pages" list.
fn page_index(site: &Site) -> Vec<IndexSection> {
    site.pages
        .iter()
        .filter(|p| p.is_section)
        .map(|section| IndexSection {
            title: section.front.title.clone(),
            url: section.url.clone(),
            pages: section
                .children
                .iter()
                .filter(|&&c| !site.pages[c].is_section)
                .map(|&c| crate::render::context::ListItem::of(&site.pages[c]))
                .collect(),
        })
        .collect()
}

/// Renders a generated page with its template (named after its URL) and writes it.
fn render_generated(
    renderer: &Renderer,
    staging: &Staging,
    page: &GeneratedPage,
    mut context: Context,
) -> Result<(), Diagnostic> {
    context.insert("page", page);
    context.insert("root", &page.root_prefix());
    let html = renderer.render(&page.url, &context, std::path::Path::new(&page.url))?;
    staging.write(&page.url, html.as_bytes())
}

/// `sitemap.xml` with each page's last update as `lastmod`.
fn sitemap(site: &Site, base: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in &site.pages {
        xml.push_str("  <url><loc>");
        xml.push_str(&crate::markdown::links::escape_attr(&format!(
            "{base}{}",
            page.url
        )));
        xml.push_str("</loc>");
        if let Some(updated) = content::DocControl::of(page).last_updated {
            xml.push_str(&format!("<lastmod>{}</lastmod>", updated.first_day()));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
