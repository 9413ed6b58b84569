//! The lists and facts a page of a given kind shows beyond its own text: an event's details,
//! the news and events lists on their section pages, the home page's side column and the files
//! a section holds. Each is worked out only for the page that shows it.

use jiff::civil::Date;

use super::context::PageView;
use super::documents::of_section;
use super::events::{EventListView, EventView};
use super::home::HomeView;
use super::news::{self, list_page, posts};
use crate::content::{PageId, PageKind, Site};
use crate::downloads::Download;

/// Adds to `view` what page `id` of its kind shows, as on `today`.
pub(crate) fn fill(
    view: &mut PageView<'_>,
    site: &Site,
    downloads: &[Download],
    id: PageId,
    today: Date,
) {
    let page = &site.pages[id];
    let news_index = format!("{}/_index.md", news::FOLDER);
    let events_index = format!("{}/_index.md", super::events::FOLDER);
    if page.is_section {
        view.downloads = of_section(downloads, id);
    }
    match (page.kind, page.source.as_str()) {
        (PageKind::Home, _) => view.home = Some(HomeView::of(site, today)),
        (PageKind::Event, _) => view.event = EventView::of(site, id, today),
        (PageKind::Section, source) if source == news_index => {
            view.news = Some(list_page(site, &posts(site), 1));
        }
        (PageKind::Section, source) if source == events_index => {
            view.events = Some(EventListView::of(site, today, false));
        }
        _ => {}
    }
}
