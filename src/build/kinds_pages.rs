//! The pages and files the news, events and downloads make for the whole site: the news list's
//! further pages, its year archives and feed; the past events page and the calendar files; and
//! the Documents page. Their section pages are ordinary pages (see `render::kinds`).

use std::path::Path;

use jiff::civil::Date;
use serde::Serialize;
use tera::Context;

use super::Prepared;
use super::calendar::events_calendar;
use super::site_files::{render_generated, render_generated_as};
use crate::content::{PageId, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Sink;
use crate::packs::print::PackView;
use crate::render::context::{GeneratedPage, Link};
use crate::render::documents::{self, DocumentsView, MadePdfView, has_documents_page};
use crate::render::events::{self, EventListView, ics_url, split};
use crate::render::news::{self, list_page, page_count, posts, year_page, years};

/// Writes every file of this module; returns how many.
pub(super) fn write(
    prepared: &Prepared,
    today: Date,
    packs: &[PackView],
    sink: Sink<'_>,
    diagnostics: &mut Diagnostics,
) -> usize {
    let mut written = 0;
    let mut count = |result: Result<(), Diagnostic>| match result {
        Ok(()) => written += 1,
        Err(d) => diagnostics.push(d),
    };
    for result in news_files(prepared, sink)
        .into_iter()
        .chain(event_files(prepared, today, sink))
        .chain(documents_page(prepared, packs, sink))
    {
        count(result);
    }
    written
}

/// A page listed under a section: the section in the breadcrumbs and marked in the navigation.
fn under_section(site: &Site, section: PageId, url: &str, title: &str) -> GeneratedPage {
    let home = &site.pages[site.home()];
    let section = &site.pages[section];
    let mut page = GeneratedPage::new(site, url, title, section.front.summary.as_deref());
    page.breadcrumbs = vec![
        Link {
            title: home.front.title.clone(),
            url: home.url.clone(),
        },
        Link {
            title: section.front.title.clone(),
            url: section.url.clone(),
        },
    ];
    page.nav_current = Some(section.url.clone());
    page
}

fn news_files(prepared: &Prepared, sink: Sink<'_>) -> Vec<Result<(), Diagnostic>> {
    let site = &prepared.site;
    let Some(section) = site.page_by_source(&format!("{}/_index.md", news::FOLDER)) else {
        return Vec::new();
    };
    let posts = posts(site);
    let name = site.pages[section].front.title.clone();
    let mut results = Vec::new();
    let total = page_count(posts.len());
    for number in 2..=total {
        let page = under_section(
            site,
            section,
            &news::page_url(number),
            &format!("{name} (page {number} of {total})"),
        );
        let mut context = Context::new();
        context.insert("news", &list_page(site, &posts, number));
        results.push(render_generated_as(
            prepared,
            sink,
            &page,
            "news-list.html",
            context,
        ));
    }
    for year in years(site, &posts, None) {
        let page = under_section(
            site,
            section,
            &news::year_url(year.year),
            &format!("{name} from {}", year.year),
        );
        let mut context = Context::new();
        context.insert("news", &year_page(site, &posts, year.year));
        results.push(render_generated_as(
            prepared,
            sink,
            &page,
            "news-list.html",
            context,
        ));
    }
    if let Some(base) = site.config.base_url() {
        results.push(
            news_feed(prepared, &base, &posts, &name)
                .and_then(|xml| sink.write(news::FEED, xml.as_bytes())),
        );
    }
    results
}

/// One entry of the news feed (`news.xml`, rendered from the template of that name).
#[derive(Debug, Serialize)]
struct NewsFeedEntry<'a> {
    title: &'a str,
    /// The post's address from the site's `base_url`, also its id.
    url: String,
    id: String,
    /// The post's date, `YYYY-MM-DD`.
    day: String,
    summary: Option<&'a str>,
    kind_label: &'static str,
}

/// The Atom feed of the newest 50 posts.
fn news_feed(
    prepared: &Prepared,
    base: &str,
    posts: &[PageId],
    name: &str,
) -> Result<String, Diagnostic> {
    let site = &prepared.site;
    let entries: Vec<NewsFeedEntry<'_>> = posts
        .iter()
        .take(50)
        .map(|&id| {
            let page = &site.pages[id];
            let url = format!("{base}{}", page.url);
            NewsFeedEntry {
                title: &page.front.title,
                id: url.clone(),
                url,
                day: page
                    .front
                    .date
                    .map(|d| d.first_day().to_string())
                    .unwrap_or_default(),
                summary: page.front.summary.as_deref(),
                kind_label: page.kind.label(),
            }
        })
        .collect();
    let mut context = Context::new();
    context.insert("feed_title", name);
    context.insert("self_url", &format!("{base}{}", news::FEED));
    context.insert("page_url", &format!("{base}{}", news::page_url(1)));
    let updated = entries.first().map_or("1970-01-01", |e| e.day.as_str());
    context.insert("updated", updated);
    context.insert("entries", &entries);
    prepared
        .renderer
        .render("news.xml", &context, Path::new(news::FEED))
}

fn event_files(prepared: &Prepared, today: Date, sink: Sink<'_>) -> Vec<Result<(), Diagnostic>> {
    let site = &prepared.site;
    let Some(section) = site.page_by_source(&format!("{}/_index.md", events::FOLDER)) else {
        return Vec::new();
    };
    let name = site.pages[section].front.title.clone();
    let mut results = Vec::new();
    let page = under_section(
        site,
        section,
        events::PAST_URL,
        &format!("Past {}", name.to_lowercase()),
    );
    let mut context = Context::new();
    context.insert("events", &EventListView::of(site, today, true));
    results.push(render_generated_as(
        prepared,
        sink,
        &page,
        "events-past.html",
        context,
    ));

    let (upcoming, past) = split(site, today);
    let calendar_name = format!("{name} – {}", site.config.partnership_name());
    results.push(sink.write(
        events::UPCOMING_ICS,
        events_calendar(site, &upcoming, &calendar_name, today).as_bytes(),
    ));
    for &id in upcoming.iter().chain(&past) {
        let page = &site.pages[id];
        let text = events_calendar(site, &[id], &page.front.title, today);
        results.push(sink.write(&ics_url(&page.url), text.as_bytes()));
    }
    results
}

fn documents_page(
    prepared: &Prepared,
    packs: &[PackView],
    sink: Sink<'_>,
) -> Option<Result<(), Diagnostic>> {
    let site = &prepared.site;
    if !has_documents_page(site) {
        return None;
    }
    // The packs (with their PDFs when made), then the briefings whose PDFs were made.
    let made = |briefing: bool| {
        packs
            .iter()
            .filter(|p| p.is_briefing == briefing && (!briefing || p.pdf.is_some()))
            .map(|p| MadePdfView {
                title: p.title.clone(),
                summary: p.description.clone(),
                page_url: p.html_url.clone(),
                pdf: p.pdf.clone(),
            })
            .collect()
    };
    let view = DocumentsView::of(site, &prepared.downloads, made(false), made(true));
    let page = GeneratedPage::new(
        site,
        documents::URL,
        documents::TITLE,
        Some(
            "Every document on this site to download: its type, size and, for a PDF, its pages and whether it is accessible.",
        ),
    );
    let mut context = Context::new();
    context.insert("documents", &view);
    Some(render_generated(prepared, sink, &page, context))
}

/// The files this module writes for `site`, for the check that every output path has one
/// owner: (path, what it is).
pub fn generated_files(site: &Site) -> Vec<(String, String)> {
    let mut files = Vec::new();
    if site
        .page_by_source(&format!("{}/_index.md", news::FOLDER))
        .is_some()
    {
        let posts = posts(site);
        for number in 2..=page_count(posts.len()) {
            files.push((
                news::page_url(number),
                format!("page {number} of the news list"),
            ));
        }
        for year in years(site, &posts, None) {
            files.push((
                news::year_url(year.year),
                format!("the news from {}", year.year),
            ));
        }
        if site.config.base_url.is_some() {
            files.push((news::FEED.into(), "the news feed".into()));
        }
    }
    if site
        .page_by_source(&format!("{}/_index.md", events::FOLDER))
        .is_some()
    {
        files.push((events::PAST_URL.into(), "the past events page".into()));
        files.push((
            events::UPCOMING_ICS.into(),
            "the calendar of upcoming events".into(),
        ));
        for page in site
            .pages
            .iter()
            .filter(|p| p.kind == crate::content::PageKind::Event && !p.is_section)
        {
            files.push((
                ics_url(&page.url),
                format!("the calendar file of {}", page.file.display()),
            ));
        }
    }
    for page in site
        .pages
        .iter()
        .filter(|p| p.kind == crate::content::PageKind::Briefing && !p.is_section)
    {
        files.push((
            crate::packs::briefing_pdf_url(&page.url),
            format!("the PDF of {}", page.file.display()),
        ));
    }
    if has_documents_page(site) {
        files.push((documents::URL.into(), "the Documents page".into()));
    }
    files
}
