//! Events as templates see them: when (in words and for `<time>`), where, who for, how to book,
//! and whether they are still to come on the build's day.
//!
//! Upcoming events are listed soonest first on the events section page; once an event's last day
//! is before the build's `--today`, it moves to `events/past.html` (newest first), so a rebuild is
//! all it takes. Each event has a calendar file beside its page (`events/course.ics`), and
//! `events/upcoming.ics` holds every upcoming one.

use jiff::civil::{Date, DateTime, Time};
use serde::Serialize;

use crate::content::event::{EventStatus, EventWhen};
use crate::content::{PageId, PageKind, Site};

/// The folder events live in.
pub(crate) const FOLDER: &str = "events";
/// The page of past events.
pub(crate) const PAST_URL: &str = "events/past.html";
/// The calendar of every upcoming event.
pub(crate) const UPCOMING_ICS: &str = "events/upcoming.ics";

/// Every event page with its times, split by `today`: upcoming soonest first, past newest first.
pub(crate) fn split(site: &Site, today: Date) -> (Vec<PageId>, Vec<PageId>) {
    let mut events: Vec<(DateTime, String, PageId, bool)> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == PageKind::Event && !p.is_section && !p.synthetic)
        .filter_map(|(id, p)| {
            let when = EventWhen::of(&p.front).ok()??;
            Some((
                when.sort_key(),
                p.front.title.to_lowercase(),
                id,
                when.has_ended(today),
            ))
        })
        .collect();
    events.sort();
    let upcoming = events.iter().filter(|e| !e.3).map(|e| e.2).collect();
    let past = events.iter().rev().filter(|e| e.3).map(|e| e.2).collect();
    (upcoming, past)
}

/// The calendar file of an event page (`events/course.html` -> `events/course.ics`).
pub(crate) fn ics_url(page_url: &str) -> String {
    format!("{}.ics", page_url.trim_end_matches(".html"))
}

/// When, for people and for `<time datetime>`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct WhenView {
    /// "Wednesday 10 February 2027", or "10 to 12 February 2027".
    pub date: String,
    /// "9:30am to 12:30pm"; None for whole days.
    pub time: Option<String>,
    /// Both in one line: "Wednesday 10 February 2027, 9:30am to 12:30pm".
    pub text: String,
    /// ISO 8601 start with its UK offset, for `<time datetime>`.
    pub start_iso: String,
}

impl WhenView {
    pub(crate) fn of(when: EventWhen) -> WhenView {
        let (date, time) = match when {
            EventWhen::Days { first, last } if first == last => (long_date(first), None),
            EventWhen::Days { first, last } => (date_range(first, last), None),
            EventWhen::Times { start, end } if start.date() == end.date() => (
                long_date(start.date()),
                Some(format!("{} to {}", clock(start.time()), clock(end.time()))),
            ),
            EventWhen::Times { start, end } => (
                format!(
                    "{}, {} to {}, {}",
                    long_date(start.date()),
                    clock(start.time()),
                    long_date(end.date()),
                    clock(end.time())
                ),
                None,
            ),
        };
        let text = match &time {
            Some(time) => format!("{date}, {time}"),
            None => date.clone(),
        };
        let start_iso = match when {
            EventWhen::Days { first, .. } => first.to_string(),
            EventWhen::Times { start, .. } => start
                .to_zoned_datetime(crate::content::event::uk_time_zone())
                .map(|z| z.strftime("%Y-%m-%dT%H:%M%:z").to_string())
                .unwrap_or_else(|_| start.date().to_string()),
        };
        WhenView {
            date,
            time,
            text,
            start_iso,
        }
    }
}

/// "Wednesday 10 February 2027".
fn long_date(d: Date) -> String {
    d.strftime("%A %-d %B %Y").to_string()
}

/// "10 to 12 February 2027", "30 March to 2 April 2027", or both dates in full.
fn date_range(first: Date, last: Date) -> String {
    let last_text = crate::content::DocDate::Day(last).human();
    if first.year() != last.year() {
        format!(
            "{} to {last_text}",
            crate::content::DocDate::Day(first).human()
        )
    } else if first.month() != last.month() {
        let first_text = crate::content::DocDate::Day(first).human();
        let without_year = first_text
            .rsplit_once(' ')
            .map_or(first_text.as_str(), |(s, _)| s);
        format!("{without_year} to {last_text}")
    } else {
        format!("{} to {last_text}", first.day())
    }
}

/// GOV.UK style clock times: "9:30am", "10am", "midday", "midnight".
fn clock(t: Time) -> String {
    let (hour, minute) = (t.hour(), t.minute());
    match (hour, minute) {
        (0, 0) => "midnight".into(),
        (12, 0) => "midday".into(),
        _ => {
            let suffix = if hour < 12 { "am" } else { "pm" };
            let hour12 = match hour % 12 {
                0 => 12,
                h => h,
            };
            if minute == 0 {
                format!("{hour12}{suffix}")
            } else {
                format!("{hour12}:{minute:02}{suffix}")
            }
        }
    }
}

/// A booking status for templates.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StatusView {
    pub id: &'static str,
    pub label: &'static str,
}

impl From<EventStatus> for StatusView {
    fn from(s: EventStatus) -> Self {
        StatusView {
            id: s.id(),
            label: s.label(),
        }
    }
}

/// A piece of a contact line: text, or an email address to link.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ContactPart {
    pub text: String,
    pub href: Option<String>,
}

/// The contact text with its email addresses made into links.
fn contact_parts(text: &str) -> Vec<ContactPart> {
    let mut parts: Vec<ContactPart> = Vec::new();
    let mut plain = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            plain.push(' ');
        }
        let trimmed = word.trim_end_matches(['.', ',', ';', ')']);
        let is_email = trimmed.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !trimmed.contains(['<', '>', '"', ':'])
        });
        if is_email {
            if !plain.is_empty() {
                parts.push(ContactPart {
                    text: std::mem::take(&mut plain),
                    href: None,
                });
            }
            parts.push(ContactPart {
                text: trimmed.to_string(),
                href: Some(format!("mailto:{trimmed}")),
            });
            plain.push_str(&word[trimmed.len()..]);
        } else {
            plain.push_str(word);
        }
    }
    if !plain.is_empty() {
        parts.push(ContactPart {
            text: plain,
            href: None,
        });
    }
    parts
}

/// An event in a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EventItem {
    pub title: String,
    pub url: String,
    pub summary: Option<String>,
    pub when: WhenView,
    /// "Online", the venue, or both.
    pub place: String,
    pub status: Option<StatusView>,
    pub ics_url: String,
}

fn place(venue: Option<&str>, online: bool) -> String {
    match (venue, online) {
        (Some(venue), true) => format!("{venue}, or online"),
        (Some(venue), false) => venue.to_string(),
        (None, true) => "Online".into(),
        (None, false) => "Venue to be confirmed".into(),
    }
}

impl EventItem {
    /// The event on page `id`; None if its times cannot be read (the build stops on those).
    pub(crate) fn of(site: &Site, id: PageId) -> Option<EventItem> {
        let page = &site.pages[id];
        let f = &page.front;
        let when = EventWhen::of(f).ok()??;
        Some(EventItem {
            title: f.title.clone(),
            url: page.url.clone(),
            summary: f.summary.clone(),
            when: WhenView::of(when),
            place: place(f.venue.as_deref(), f.online),
            status: f.status.map(Into::into),
            ics_url: ics_url(&page.url),
        })
    }
}

/// The facts an event's own page shows.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EventView {
    pub when: WhenView,
    pub place: String,
    pub venue: Option<String>,
    pub online: bool,
    pub audience: Vec<String>,
    pub booking_url: Option<String>,
    pub contact: Vec<ContactPart>,
    pub capacity: Option<String>,
    pub cost: Option<String>,
    pub status: Option<StatusView>,
    /// The event's last day is before the build's day.
    pub ended: bool,
    /// Booking is worth offering: not ended, cancelled or full.
    pub bookable: bool,
    pub ics_url: String,
    pub past_url: &'static str,
}

impl EventView {
    pub(crate) fn of(site: &Site, id: PageId, today: Date) -> Option<EventView> {
        let page = &site.pages[id];
        if page.kind != PageKind::Event || page.is_section {
            return None;
        }
        let f = &page.front;
        let when = EventWhen::of(f).ok()??;
        let ended = when.has_ended(today);
        let bookable = !ended
            && !matches!(
                f.status,
                Some(EventStatus::Cancelled | EventStatus::Full | EventStatus::Postponed)
            );
        Some(EventView {
            when: WhenView::of(when),
            place: place(f.venue.as_deref(), f.online),
            venue: f.venue.clone(),
            online: f.online,
            audience: f.audience.clone(),
            booking_url: f.booking_url.clone(),
            contact: f.contact.as_deref().map(contact_parts).unwrap_or_default(),
            capacity: f.capacity.clone(),
            cost: f.cost.clone(),
            status: f.status.map(Into::into),
            ended,
            bookable,
            ics_url: ics_url(&page.url),
            past_url: PAST_URL,
        })
    }
}

/// What the events lists read under `events`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EventListView {
    pub items: Vec<EventItem>,
    /// True on the past events page.
    pub past: bool,
    pub past_count: usize,
    pub upcoming_count: usize,
    pub list_url: String,
    pub past_url: &'static str,
    pub upcoming_ics: &'static str,
}

impl EventListView {
    /// The upcoming list (`past` false) or the past one.
    pub(crate) fn of(site: &Site, today: Date, past: bool) -> EventListView {
        let (upcoming, ended) = split(site, today);
        let shown = if past { &ended } else { &upcoming };
        EventListView {
            items: shown
                .iter()
                .filter_map(|&id| EventItem::of(site, id))
                .collect(),
            past,
            past_count: ended.len(),
            upcoming_count: upcoming.len(),
            list_url: format!("{FOLDER}/index.html"),
            past_url: PAST_URL,
            upcoming_ics: UPCOMING_ICS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    #[test]
    fn times_and_dates_read_as_gov_uk_writes_them() {
        assert_eq!(clock(time(9, 30, 0, 0)), "9:30am");
        assert_eq!(clock(time(14, 0, 0, 0)), "2pm");
        assert_eq!(clock(time(12, 0, 0, 0)), "midday");
        assert_eq!(clock(time(12, 15, 0, 0)), "12:15pm");
        assert_eq!(long_date(date(2027, 2, 10)), "Wednesday 10 February 2027");
        assert_eq!(
            date_range(date(2027, 2, 10), date(2027, 2, 12)),
            "10 to 12 February 2027"
        );
        assert_eq!(
            date_range(date(2027, 3, 30), date(2027, 4, 2)),
            "30 March to 2 April 2027"
        );
        let when = EventWhen::Times {
            start: date(2027, 7, 12).at(9, 30, 0, 0),
            end: date(2027, 7, 12).at(12, 30, 0, 0),
        };
        let view = WhenView::of(when);
        assert_eq!(view.text, "Monday 12 July 2027, 9:30am to 12:30pm");
        assert_eq!(view.start_iso, "2027-07-12T09:30+01:00");
    }

    #[test]
    fn email_addresses_in_a_contact_become_links() {
        let parts = contact_parts("Training team, training@northdale.example.");
        let texts: Vec<_> = parts
            .iter()
            .map(|p| (p.text.as_str(), p.href.as_deref()))
            .collect();
        assert_eq!(
            texts,
            [
                ("Training team, ", None),
                (
                    "training@northdale.example",
                    Some("mailto:training@northdale.example")
                ),
                (".", None)
            ]
        );
        assert_eq!(contact_parts("Call 01234 567890")[0].href, None);
    }
}
