//! The home page's wide column: the latest news, the next events, "What's changed" and the
//! toolkit items practitioners use most (`[home] most_used` in `waymark.toml`).

use jiff::civil::Date;
use serde::Serialize;

use super::context::ListItem;
use super::events::{EventItem, split};
use super::news::{NewsItem, posts};
use crate::config::CONFIG_FILE;
use crate::content::Site;
use crate::diagnostics::{Diagnostic, Position, suggest};
use crate::render::changes::{ChangeEntry, site_changes};

/// How many of each list the home page shows.
const NEWS: usize = 3;
const EVENTS: usize = 3;
const CHANGES: usize = 4;

/// What `home.html` reads under `page.home`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct HomeView {
    pub news: Vec<NewsItem>,
    pub news_url: Option<String>,
    pub events: Vec<EventItem>,
    pub events_url: Option<String>,
    pub changes: Vec<ChangeEntry>,
    pub most_used: Vec<ListItem>,
}

impl HomeView {
    pub(crate) fn of(site: &Site, today: Date) -> HomeView {
        let news: Vec<NewsItem> = posts(site)
            .into_iter()
            .take(NEWS)
            .map(|id| NewsItem::of(site, id))
            .collect();
        let (upcoming, _) = split(site, today);
        let events: Vec<EventItem> = upcoming
            .into_iter()
            .filter_map(|id| EventItem::of(site, id))
            .take(EVENTS)
            .collect();
        let section_url = |folder: &str| {
            site.page_by_source(&format!("{folder}/_index.md"))
                .map(|id| site.pages[id].url.clone())
        };
        let mut changes = site_changes(site);
        changes.truncate(CHANGES);
        HomeView {
            news,
            news_url: section_url(super::news::FOLDER),
            events,
            events_url: section_url(super::events::FOLDER),
            changes,
            most_used: site
                .config
                .home
                .most_used
                .iter()
                .filter_map(|source| site.page_by_source(normalise(source)))
                .map(|id| ListItem::of(&site.pages[id]))
                .collect(),
        }
    }
}

fn normalise(source: &str) -> &str {
    source
        .trim()
        .trim_start_matches("content/")
        .trim_start_matches('/')
}

/// `[home] most_used` entries that name no page, as errors with the nearest page as a hint.
pub(crate) fn unknown_most_used(site: &Site) -> Vec<Diagnostic> {
    let text = std::fs::read_to_string(site.dir.join(CONFIG_FILE)).unwrap_or_default();
    let position =
        crate::config::key_position(&text, &["home", "most_used"]).unwrap_or(Position::FILE);
    site.config
        .home
        .most_used
        .iter()
        .filter(|source| site.page_by_source(normalise(source)).is_none())
        .map(|source| {
            let hint = match suggest(normalise(source), site.sources()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => {
                    "name pages as under content/, such as `toolkit/chronology-template.md`".into()
                }
            };
            Diagnostic::error(
                "config",
                CONFIG_FILE,
                position,
                format!("[home] most_used names `{source}`, which is not a page"),
            )
            .with_hint(hint)
        })
        .collect()
}
