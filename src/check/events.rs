//! Rules for events. `event-booking`: an upcoming event that says neither where to book nor who
//! to ask, so a practitioner who wants a place cannot get one. `event-passed`: an event that has
//! finished but is still marked as upcoming (`status = "open"` or `"full"`): the list moves it
//! to the past events by itself, but the page's front matter still tells calendars and readers
//! of the source that booking is open.

use super::rules::{Context, Rule, title_position};
use crate::config::RuleLevel;
use crate::content::PageKind;
use crate::content::event::{EventStatus, EventWhen};
use crate::diagnostics::Diagnostic;

pub(super) const BOOKING: Rule = Rule {
    id: "event-booking",
    default_level: RuleLevel::Warn,
    run: booking,
};

pub(super) const PASSED: Rule = Rule {
    id: "event-passed",
    default_level: RuleLevel::Warn,
    run: passed,
};

/// Event pages with their times, as of the check's day.
fn events<'a>(
    cx: &'a Context<'_>,
) -> impl Iterator<Item = (&'a crate::content::Page, EventWhen)> + 'a {
    cx.pages()
        .filter(|(page, _)| page.kind == PageKind::Event && !page.is_section)
        .filter_map(|(page, _)| Some((page, EventWhen::of(&page.front).ok()??)))
}

fn booking(cx: &Context<'_>) -> Vec<Diagnostic> {
    events(cx)
        .filter(|(page, when)| {
            let f = &page.front;
            !when.has_ended(cx.today)
                && f.status != Some(EventStatus::Cancelled)
                && f.booking_url.is_none()
                && f.contact.as_deref().is_none_or(|c| c.trim().is_empty())
        })
        .map(|(page, _)| {
            Diagnostic::warning(
                BOOKING.id,
                &page.file,
                title_position(page),
                "the event says neither where to book nor who to contact",
            )
            .with_hint(
                "add booking_url = \"https://...\" (the booking page) or contact = \"name and \
                 email or phone\"",
            )
        })
        .collect()
}

fn passed(cx: &Context<'_>) -> Vec<Diagnostic> {
    events(cx)
        .filter(|(page, when)| {
            when.has_ended(cx.today) && page.front.status.is_some_and(EventStatus::says_upcoming)
        })
        .map(|(page, when)| {
            let status = page.front.status.map_or("", EventStatus::id);
            Diagnostic::warning(
                PASSED.id,
                &page.file,
                page.value_position("status", None),
                format!(
                    "the event finished on {} but is still marked status = \"{status}\"",
                    crate::content::DocDate::Day(when.last_day()).human()
                ),
            )
            .with_hint(
                "remove the status line (the site lists the event as past by its date), or \
                 correct the dates if it has moved",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::findings;

    const START: &str = "start = 2026-12-01T09:30:00\nend = 12:30:00\n";

    #[test]
    fn upcoming_events_need_a_way_to_book() {
        let event = |extra: &str| format!("+++\ntitle = \"Course\"\n{START}{extra}+++\nText.\n");
        let (none, url, contact, cancelled) = (
            event(""),
            event("booking_url = \"https://example.org/book\"\n"),
            event("contact = \"training@example.org\"\n"),
            event("status = \"cancelled\"\n"),
        );
        let past = "+++\ntitle = \"Old\"\nstart = 2026-10-01\n+++\nText.\n";
        let found = findings(
            &BOOKING,
            &[
                ("events/none.md", &none),
                ("events/url.md", &url),
                ("events/contact.md", &contact),
                ("events/cancelled.md", &cancelled),
                ("events/past.md", past),
            ],
        );
        assert_eq!(found, ["content/events/none.md:2:9"]);
    }

    #[test]
    fn finished_events_still_marked_open_or_full_are_found() {
        let event = |when: &str, status: &str| {
            format!(
                "+++\ntitle = \"E\"\n{when}contact = \"x\"\nstatus = \"{status}\"\n+++\nText.\n"
            )
        };
        let old = "start = 2026-11-20T09:30:00\nend = 12:30:00\n";
        let today = "start = 2026-11-23\n";
        let (open, full, cancelled, current) = (
            event(old, "open"),
            event(old, "full"),
            event(old, "cancelled"),
            event(today, "open"),
        );
        let found = findings(
            &PASSED,
            &[
                ("events/open.md", &open),
                ("events/full.md", &full),
                ("events/cancelled.md", &cancelled),
                ("events/today.md", &current),
            ],
        );
        assert_eq!(
            found,
            ["content/events/full.md:6:10", "content/events/open.md:6:10"]
        );
    }
}
