//! News as templates see it: posts newest first, in pages of [`PER_PAGE`], and by year.
//!
//! The news section's own page (`news/index.html`) is the first page of the list; further pages
//! are `news/page-2.html` and on, and each year with posts has `news/2026.html`. Every link
//! names a file, so the list pages work opened from disk as well as from a server.

use serde::Serialize;

use super::context::DateView;
use crate::content::{DocDate, PageId, PageKind, Site};

/// Posts on one page of the news list.
pub(crate) const PER_PAGE: usize = 20;

/// The folder news posts live in, and so the URL of the news list.
pub(crate) const FOLDER: &str = "news";

/// A news post in a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NewsItem {
    pub title: String,
    pub url: String,
    pub summary: Option<String>,
    pub date: DateView,
}

/// Every news post, newest first; posts of the same day by title.
pub(crate) fn posts(site: &Site) -> Vec<PageId> {
    let mut posts: Vec<(jiff::civil::Date, String, PageId)> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == PageKind::News && !p.is_section && !p.synthetic)
        .filter_map(|(id, p)| {
            let date = p.front.date?.first_day();
            Some((date, p.front.title.to_lowercase(), id))
        })
        .collect();
    posts.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    posts.into_iter().map(|(_, _, id)| id).collect()
}

impl NewsItem {
    pub(crate) fn of(site: &Site, id: PageId) -> NewsItem {
        let page = &site.pages[id];
        NewsItem {
            title: page.front.title.clone(),
            url: page.url.clone(),
            summary: page.front.summary.clone(),
            date: page
                .front
                .date
                .unwrap_or(DocDate::Day(jiff::civil::Date::constant(1970, 1, 1)))
                .into(),
        }
    }
}

/// The URL of page `number` of the list (1 is the section page).
pub(crate) fn page_url(number: usize) -> String {
    if number <= 1 {
        format!("{FOLDER}/index.html")
    } else {
        format!("{FOLDER}/page-{number}.html")
    }
}

/// The URL of a year's archive.
pub(crate) fn year_url(year: i16) -> String {
    format!("{FOLDER}/{year}.html")
}

/// A link to another page of a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

/// Previous and next links and the numbered pages, after the GOV.UK pagination pattern.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Pagination {
    pub current: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

impl Pagination {
    fn of(current: usize, total: usize) -> Option<Pagination> {
        (total > 1).then(|| Pagination {
            current,
            total,
            previous: (current > 1).then(|| page_url(current - 1)),
            next: (current < total).then(|| page_url(current + 1)),
            pages: (1..=total)
                .map(|number| PageLink {
                    number,
                    url: page_url(number),
                    current: number == current,
                })
                .collect(),
        })
    }
}

/// A year of the archive.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct YearLink {
    pub year: i16,
    pub url: String,
    pub posts: usize,
    pub current: bool,
}

/// What a news list template reads under `news`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NewsListView {
    pub items: Vec<NewsItem>,
    pub pagination: Option<Pagination>,
    /// Every year with posts, newest first.
    pub years: Vec<YearLink>,
    /// Set on a year's archive.
    pub year: Option<i16>,
    /// The Atom feed, when the site has a `base_url`.
    pub feed_url: Option<String>,
    /// The first page of the list.
    pub list_url: String,
}

/// Number of list pages for `posts` posts (at least one, which says there is no news yet).
pub(crate) fn page_count(posts: usize) -> usize {
    posts.div_ceil(PER_PAGE).max(1)
}

/// Page `number` of the list of `posts`.
pub(crate) fn list_page(site: &Site, posts: &[PageId], number: usize) -> NewsListView {
    let start = (number - 1) * PER_PAGE;
    let items = posts
        .iter()
        .skip(start)
        .take(PER_PAGE)
        .map(|&id| NewsItem::of(site, id))
        .collect();
    NewsListView {
        items,
        pagination: Pagination::of(number, page_count(posts.len())),
        years: years(site, posts, None),
        year: None,
        feed_url: feed_url(site),
        list_url: page_url(1),
    }
}

/// Every post of `year`.
pub(crate) fn year_page(site: &Site, posts: &[PageId], year: i16) -> NewsListView {
    let items = posts
        .iter()
        .filter(|&&id| post_year(site, id) == Some(year))
        .map(|&id| NewsItem::of(site, id))
        .collect();
    NewsListView {
        items,
        pagination: None,
        years: years(site, posts, Some(year)),
        year: Some(year),
        feed_url: feed_url(site),
        list_url: page_url(1),
    }
}

fn post_year(site: &Site, id: PageId) -> Option<i16> {
    site.pages[id].front.date.map(|d| d.first_day().year())
}

/// Years with posts, newest first.
pub(crate) fn years(site: &Site, posts: &[PageId], current: Option<i16>) -> Vec<YearLink> {
    let mut years: Vec<YearLink> = Vec::new();
    for &id in posts {
        let Some(year) = post_year(site, id) else {
            continue;
        };
        match years.last_mut() {
            Some(last) if last.year == year => last.posts += 1,
            _ => years.push(YearLink {
                year,
                url: year_url(year),
                posts: 1,
                current: current == Some(year),
            }),
        }
    }
    years
}

/// `news.xml`, when the site has an address for feeds to point at.
pub(crate) fn feed_url(site: &Site) -> Option<String> {
    site.config.base_url.as_ref().map(|_| FEED.to_string())
}

/// The news feed's file.
pub(crate) const FEED: &str = "news.xml";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_links_name_files_and_stop_at_the_ends() {
        assert!(Pagination::of(1, 1).is_none());
        let first = Pagination::of(1, 3).unwrap();
        assert_eq!(first.previous, None);
        assert_eq!(first.next.as_deref(), Some("news/page-2.html"));
        let last = Pagination::of(3, 3).unwrap();
        assert_eq!(last.previous.as_deref(), Some("news/page-2.html"));
        assert_eq!(last.next, None);
        assert_eq!(last.pages[0].url, "news/index.html");
        assert!(last.pages[2].current);
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(20), 1);
        assert_eq!(page_count(21), 2);
    }
}
