//! The events' calendar files: one `.ics` beside each event's page, and `events/upcoming.ics`
//! with every upcoming event, to import into Outlook, Google Calendar or a phone.
//!
//! Times are written in UTC (`DTSTART:20270712T083000Z`), worked out from the UK clock times
//! the editor wrote, so every calendar shows the right local time without a time zone block;
//! whole-day events are dates. `DTSTAMP` is the build's day, so the same site gives the same
//! bytes.

use jiff::civil::Date;

use crate::content::event::{EventStatus, EventWhen};
use crate::content::{PageId, Site};
use crate::util::ics::{Calendar, date_value, uid, utc_value};

/// A calendar of the events on `pages`, named `name`.
pub(super) fn events_calendar(site: &Site, pages: &[PageId], name: &str, today: Date) -> String {
    let mut calendar = Calendar::new("Events", name);
    for &id in pages {
        add_event(&mut calendar, site, id, today);
    }
    calendar.finish()
}

fn add_event(calendar: &mut Calendar, site: &Site, id: PageId, today: Date) {
    let page = &site.pages[id];
    let f = &page.front;
    let Ok(Some(when)) = EventWhen::of(f) else {
        return;
    };
    let host = site
        .config
        .base_url()
        .and_then(|b| {
            b.split_once("://")
                .map(|(_, rest)| rest.split('/').next().unwrap_or(rest).to_ascii_lowercase())
        })
        .unwrap_or_else(|| "waymark".into());
    calendar.line("BEGIN:VEVENT");
    calendar.line(&format!("UID:{}@{host}", uid(&page.source)));
    calendar.line(&format!("DTSTAMP:{}T000000Z", date_value(today)));
    match when {
        EventWhen::Days { first, last } => {
            let after = last.tomorrow().unwrap_or(last);
            calendar.line(&format!("DTSTART;VALUE=DATE:{}", date_value(first)));
            calendar.line(&format!("DTEND;VALUE=DATE:{}", date_value(after)));
        }
        EventWhen::Times { .. } => {
            if let Some((start, end)) = when.instants() {
                calendar.line(&format!("DTSTART:{}", utc_value(start)));
                calendar.line(&format!("DTEND:{}", utc_value(end)));
            }
        }
    }
    calendar.text("SUMMARY", &f.title);
    let place = match (&f.venue, f.online) {
        (Some(venue), true) => Some(format!("{venue}, or online")),
        (Some(venue), false) => Some(venue.clone()),
        (None, true) => Some("Online".to_string()),
        (None, false) => None,
    };
    if let Some(place) = place {
        calendar.text("LOCATION", &place);
    }
    let page_url = site.config.base_url().map(|b| format!("{b}{}", page.url));
    let mut description = Vec::new();
    if let Some(summary) = &f.summary {
        description.push(summary.clone());
    }
    if !f.audience.is_empty() {
        description.push(format!("For: {}", f.audience.join(", ")));
    }
    if let Some(booking) = &f.booking_url {
        description.push(format!("Book: {booking}"));
    }
    if let Some(contact) = &f.contact {
        description.push(format!("Contact: {contact}"));
    }
    if let Some(url) = &page_url {
        description.push(format!("Details: {url}"));
    }
    if !description.is_empty() {
        calendar.text("DESCRIPTION", &description.join("\n"));
    }
    if let Some(url) = page_url {
        calendar.line(&format!("URL:{url}"));
    }
    calendar.line(match f.status {
        Some(EventStatus::Cancelled) => "STATUS:CANCELLED",
        Some(EventStatus::Postponed) => "STATUS:TENTATIVE",
        _ => "STATUS:CONFIRMED",
    });
    calendar.line("END:VEVENT");
}
