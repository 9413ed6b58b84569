//! The files of a site that are not its pages: theme, content assets, the 404 page, sitemap,
//! robots.txt, "What's changed" with its feed, and `glossary.json`.

use std::path::Path;

use tera::Context;

use super::Prepared;
use crate::content::{self, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Sink;
use crate::render::context::{GeneratedPage, ListItem};
use crate::render::{assets, changes};

/// Theme files, content assets, 404 page, sitemap, robots.txt and glossary.json. Returns the
/// number written.
pub(super) fn write_site_files(
    prepared: &Prepared,
    sink: Sink<'_>,
    diagnostics: &mut Diagnostics,
) -> usize {
    let site = &prepared.site;
    let mut written = 0;
    let mut count = |result: Result<(), Diagnostic>, diagnostics: &mut Diagnostics| match result {
        Ok(()) => written += 1,
        Err(d) => diagnostics.push(d),
    };
    match assets::theme_files(&site.folders()) {
        Ok(files) => {
            // theme/fonts/ holds the PDF packs' fonts; the website uses the reader's own fonts.
            // The service worker's source becomes sw.js at the top of the site (see offline).
            for (name, bytes) in files
                .iter()
                .filter(|(n, _)| !n.starts_with("fonts/") && *n != crate::offline::WORKER_SOURCE)
            {
                count(sink.write(&format!("theme/{name}"), bytes), diagnostics);
            }
        }
        Err(problems) => diagnostics.extend(problems),
    }
    for asset in &site.assets {
        let shown = site.display_path(&asset.path);
        count(sink.copy(&asset.path, &shown, &asset.source), diagnostics);
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
    let not_found = prepared
        .renderer
        .render("404.html", &context, Path::new("404.html"));
    count(
        not_found.and_then(|html| sink.write("404.html", html.as_bytes())),
        diagnostics,
    );

    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &base {
        count(
            sink.write("sitemap.xml", sitemap(site, base).as_bytes()),
            diagnostics,
        );
        robots.push_str(&format!("Sitemap: {base}sitemap.xml\n"));
    }
    count(sink.write("robots.txt", robots.as_bytes()), diagnostics);
    count(
        sink.write("glossary.json", prepared.glossary.to_json().as_bytes()),
        diagnostics,
    );
    written
}

/// Pages waymark makes from the whole site: "What's changed" and its Atom feed, the search page
/// and "All pages". Returns the number written.
pub(super) fn write_generated_pages(
    prepared: &Prepared,
    sink: Sink<'_>,
    diagnostics: &mut Diagnostics,
) -> usize {
    let site = &prepared.site;
    let mut written = 0;
    let mut count = |result: Result<(), Diagnostic>, diagnostics: &mut Diagnostics| match result {
        Ok(()) => written += 1,
        Err(d) => diagnostics.push(d),
    };
    let entries = changes::site_changes(site);
    let page = GeneratedPage::new(
        site,
        "changes.html",
        "What's changed",
        Some("New and updated guidance, newest first."),
    );
    let mut context = Context::new();
    context.insert("changes", &entries);
    count(
        render_generated(prepared, sink, &page, context),
        diagnostics,
    );

    let search = GeneratedPage::new(site, "search.html", "Search", None);
    let mut context = Context::new();
    let glossary_url = site
        .page_by_source("definitions/_index.md")
        .map_or_else(|| "pages.html".to_string(), |id| site.pages[id].url.clone());
    context.insert("glossary_url", &glossary_url);
    count(
        render_generated(prepared, sink, &search, context),
        diagnostics,
    );

    let all = GeneratedPage::new(
        site,
        "pages.html",
        "All pages",
        Some("Every page on this site, section by section."),
    );
    let mut context = Context::new();
    context.insert("sections", &page_index(site));
    count(render_generated(prepared, sink, &all, context), diagnostics);

    if let Some(base) = site.config.base_url() {
        let mut context = Context::new();
        context.insert("updated", &changes::feed_updated(&entries));
        context.insert("entries", &changes::feed_entries(&base, &entries));
        let feed = (prepared.renderer).render("changes.xml", &context, Path::new("changes.xml"));
        count(
            feed.and_then(|xml| sink.write("changes.xml", xml.as_bytes())),
            diagnostics,
        );
    }
    written
}

/// A section of the "All pages" list.
#[derive(serde::Serialize)]
struct IndexSection {
    title: String,
    url: String,
    pages: Vec<ListItem>,
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
                .map(|&c| ListItem::of(&site.pages[c]))
                .collect(),
        })
        .collect()
}

/// Renders a generated page with its template (named after its URL) and writes it.
pub(super) fn render_generated(
    prepared: &Prepared,
    sink: Sink<'_>,
    page: &GeneratedPage,
    context: Context,
) -> Result<(), Diagnostic> {
    render_generated_as(prepared, sink, page, &page.url, context)
}

/// Renders a generated page with `template` and writes it.
pub(super) fn render_generated_as(
    prepared: &Prepared,
    sink: Sink<'_>,
    page: &GeneratedPage,
    template: &str,
    mut context: Context,
) -> Result<(), Diagnostic> {
    context.insert("page", page);
    context.insert("root", &page.root_prefix());
    let html = prepared
        .renderer
        .render(template, &context, Path::new(&page.url))?;
    sink.write(&page.url, html.as_bytes())
}

/// `sitemap.xml` with each page's last update as `lastmod`.
fn sitemap(site: &Site, base: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in &site.pages {
        xml.push_str("  <url><loc>");
        xml.push_str(&crate::util::html::escape_attr(&format!(
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
