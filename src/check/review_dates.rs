//! Rules `review-overdue`, `review-due-soon` and `review-date-missing`: guidance past its review
//! date may no longer be safe to follow, so an editor hears about it before a reader does.
//!
//! The day is today (or `--today`); "soon" is the site's `review_warning_days`, as on the pages
//! and in `waymark review`.

use super::rules::{Context, Rule, title_position};
use crate::config::RuleLevel;
use crate::content::layers::ControlPart;
use crate::content::{DocControl, DocDate, ReviewStatus};
use crate::diagnostics::Diagnostic;

pub(super) const OVERDUE: Rule = Rule {
    id: "review-overdue",
    default_level: RuleLevel::Error,
    run: overdue,
};

pub(super) const DUE_SOON: Rule = Rule {
    id: "review-due-soon",
    default_level: RuleLevel::Warn,
    run: due_soon,
};

pub(super) const MISSING: Rule = Rule {
    id: "review-date-missing",
    default_level: RuleLevel::Warn,
    run: missing,
};

/// Every part of a page with document control (the page, and what a local site adds to it),
/// with its review date, whose status on `today` is `wanted`.
fn with_status<'a>(
    cx: &'a Context<'_>,
    wanted: ReviewStatus,
) -> impl Iterator<Item = (ControlPart<'a>, DocDate)> + 'a {
    let days = cx.site.config.review_warning_days;
    cx.pages()
        .flat_map(|(page, _)| page.control_parts())
        .filter_map(move |part| {
            let due = part.front.review_due?;
            (ReviewStatus::of(Some(due), cx.today, days) == wanted).then_some((part, due))
        })
}

fn owner(part: &ControlPart<'_>) -> String {
    let local = if part.is_addition {
        "local information, "
    } else {
        ""
    };
    match &part.front.owner {
        Some(owner) => format!(" ({local}owner: {owner})"),
        None if part.is_addition => " (local information)".into(),
        None => String::new(),
    }
}

fn overdue(cx: &Context<'_>) -> Vec<Diagnostic> {
    with_status(cx, ReviewStatus::Overdue)
        .map(|(part, due)| {
            Diagnostic::warning(
                OVERDUE.id,
                part.file,
                part.value_position("review_due"),
                format!(
                    "overdue for review: it was due by {}{}",
                    due.human(),
                    owner(&part)
                ),
            )
            .with_hint(
                "review the document, then set review_due to the next review date and add a \
                 [[changes]] entry saying what changed",
            )
        })
        .collect()
}

fn due_soon(cx: &Context<'_>) -> Vec<Diagnostic> {
    with_status(cx, ReviewStatus::DueSoon)
        .map(|(part, due)| {
            let days = (due.last_day() - cx.today).get_days();
            let when = match days {
                0 => "today".to_string(),
                1 => "tomorrow".to_string(),
                n => format!("in {n} days"),
            };
            Diagnostic::warning(
                DUE_SOON.id,
                part.file,
                part.value_position("review_due"),
                format!("due for review by {}, {when}{}", due.human(), owner(&part)),
            )
            .with_hint(format!(
                "plan the review with the document's owner; documents count as due soon {} \
                 days ahead (review_warning_days in waymark.toml)",
                cx.site.config.review_warning_days
            ))
        })
        .collect()
}

fn missing(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.pages()
        .filter(|(page, _)| {
            // Strategy and toolkit documents are covered by the `document-control` rule.
            !page.kind.needs_document_control()
                && page.front.review_due.is_none()
                && DocControl::of(page).is_present()
        })
        .map(|(page, _)| {
            Diagnostic::warning(
                MISSING.id,
                &page.file,
                title_position(page),
                "the document has document control but no review date",
            )
            .with_hint(format!(
                "add review_due = \"YYYY-MM\" to the front matter; new documents are usually \
                 reviewed after {} months",
                cx.site.config.review_period_months
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, run};

    fn page(review_due: &str) -> String {
        format!("+++\ntitle = \"A\"\nowner = \"Team\"\nreview_due = {review_due}\n+++\nText.\n")
    }

    #[test]
    fn overdue_and_due_soon_are_measured_from_today() {
        // Today is 2026-11-23; a review is due soon within 90 days.
        let pages = [
            ("guide/overdue.md", page("2026-11-22")),
            ("guide/month.md", page("\"2026-11\"")),
            ("guide/soon.md", page("2027-02-21")),
            ("guide/later.md", page("2027-02-22")),
        ];
        let pages: Vec<(&str, &str)> = pages.iter().map(|(p, t)| (*p, t.as_str())).collect();
        assert_eq!(
            findings(&OVERDUE, &pages),
            ["content/guide/overdue.md:4:14"]
        );
        let soon = run(&DUE_SOON, "", &pages);
        let messages: Vec<_> = soon.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "due for review by November 2026, in 7 days (owner: Team)",
                "due for review by 21 February 2027, in 90 days (owner: Team)",
            ]
        );
        let overdue = run(&OVERDUE, "", &pages);
        assert_eq!(
            overdue[0].message,
            "overdue for review: it was due by 22 November 2026 (owner: Team)"
        );
    }

    #[test]
    fn the_warning_window_comes_from_the_settings() {
        let text = page("2027-02-21");
        let pages = [("guide/soon.md", text.as_str())];
        assert_eq!(run(&DUE_SOON, "review_warning_days = 30", &pages).len(), 0);
    }

    #[test]
    fn documents_with_document_control_need_a_review_date() {
        let found = findings(
            &MISSING,
            &[
                (
                    "about/owned.md",
                    "+++\ntitle = \"Owned\"\nowner = \"Team\"\n+++\nText.\n",
                ),
                ("about/plain.md", "+++\ntitle = \"Plain\"\n+++\nText.\n"),
                (
                    "strategy/a.md",
                    "+++\ntitle = \"S\"\nowner = \"Team\"\n+++\nText.\n",
                ),
            ],
        );
        assert_eq!(found, ["content/about/owned.md:2:9"]);
    }
}
