//! Document control: who owns a document, which issue it is, and when it was approved,
//! published, last changed and is next due for review; and whether it is current, due for
//! review soon, or overdue.

use jiff::civil::Date;
use serde::Serialize;

use super::{Change, DocDate, FrontMatter, Page};

/// A page's document control, with "last updated" worked out from its change history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocControl {
    pub owner: Option<String>,
    pub version: Option<String>,
    pub approved: Option<DocDate>,
    pub published: Option<DocDate>,
    /// The newest change that is not minor, or the publication date.
    pub last_updated: Option<DocDate>,
    pub review_due: Option<DocDate>,
}

impl DocControl {
    pub fn of(page: &Page) -> DocControl {
        DocControl::of_front(&page.front)
    }

    /// The document control a file's front matter gives (a local addition's, for one).
    pub fn of_front(f: &FrontMatter) -> DocControl {
        DocControl {
            owner: f.owner.clone(),
            version: f.version.clone(),
            approved: f.approved,
            published: f.published,
            last_updated: last_updated(f.published, &f.changes),
            review_due: f.review_due,
        }
    }

    /// True when the page sets any document-control field, so the page shows the table.
    pub fn is_present(&self) -> bool {
        self.owner.is_some()
            || self.version.is_some()
            || self.approved.is_some()
            || self.published.is_some()
            || self.review_due.is_some()
    }

    /// The document-control fields a strategy or toolkit page must have but lacks.
    pub fn missing_fields(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.owner.is_none() {
            missing.push("owner");
        }
        if self.version.is_none() {
            missing.push("version");
        }
        if self.approved.is_none() {
            missing.push("approved");
        }
        if self.published.is_none() {
            missing.push("published");
        }
        if self.review_due.is_none() {
            missing.push("review_due");
        }
        missing
    }
}

/// Minor changes (a typo, a phone number) do not move "last updated".
pub(super) fn last_updated(published: Option<DocDate>, changes: &[Change]) -> Option<DocDate> {
    changes
        .iter()
        .filter(|c| !c.minor)
        .map(|c| c.date)
        .chain(published)
        .max()
}

/// Where a document stands against its review date on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewStatus {
    Overdue,
    DueSoon,
    Current,
    NoDate,
}

impl ReviewStatus {
    /// The status of a document due `review_due`, on `today`, warning `warning_days` ahead.
    pub fn of(review_due: Option<DocDate>, today: Date, warning_days: u32) -> ReviewStatus {
        let Some(due) = review_due else {
            return ReviewStatus::NoDate;
        };
        let due = due.last_day();
        if today > due {
            ReviewStatus::Overdue
        } else if today
            .checked_add(jiff::Span::new().days(i64::from(warning_days)))
            .is_ok_and(|horizon| horizon >= due)
        {
            ReviewStatus::DueSoon
        } else {
            ReviewStatus::Current
        }
    }

    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::Overdue => "Overdue for review",
            ReviewStatus::DueSoon => "Review due soon",
            ReviewStatus::Current => "Current",
            ReviewStatus::NoDate => "No review date",
        }
    }

    /// The id used in JSON, CSV and CSS classes.
    pub fn id(self) -> &'static str {
        match self {
            ReviewStatus::Overdue => "overdue",
            ReviewStatus::DueSoon => "due-soon",
            ReviewStatus::Current => "current",
            ReviewStatus::NoDate => "no-date",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(date: &str, minor: bool) -> Change {
        Change {
            date: DocDate::parse(date).unwrap(),
            summary: "x".into(),
            minor,
        }
    }

    #[test]
    fn minor_changes_do_not_move_last_updated() {
        let published = Some(DocDate::parse("2026-04-01").unwrap());
        let changes = [change("2026-05-01", false), change("2026-09-01", true)];
        assert_eq!(
            last_updated(published, &changes).unwrap().iso(),
            "2026-05-01"
        );
        assert_eq!(last_updated(published, &[]).unwrap().iso(), "2026-04-01");
        assert_eq!(last_updated(None, &[change("2026-09-01", true)]), None);
    }

    fn day(s: &str) -> Date {
        DocDate::parse(s).unwrap().first_day()
    }

    #[test]
    fn statuses_around_the_review_date() {
        let due = DocDate::parse("2027-03-31").ok();
        assert_eq!(
            ReviewStatus::of(due, day("2026-11-23"), 90),
            ReviewStatus::Current
        );
        assert_eq!(
            ReviewStatus::of(due, day("2027-01-15"), 90),
            ReviewStatus::DueSoon
        );
        assert_eq!(
            ReviewStatus::of(due, day("2027-03-31"), 90),
            ReviewStatus::DueSoon
        );
        assert_eq!(
            ReviewStatus::of(due, day("2027-04-01"), 90),
            ReviewStatus::Overdue
        );
        assert_eq!(
            ReviewStatus::of(None, day("2027-04-01"), 90),
            ReviewStatus::NoDate
        );
    }

    #[test]
    fn a_month_is_due_at_its_end() {
        let due = DocDate::parse("2027-03").ok();
        assert_eq!(
            ReviewStatus::of(due, day("2027-03-31"), 0),
            ReviewStatus::DueSoon
        );
        assert_eq!(
            ReviewStatus::of(due, day("2027-04-01"), 0),
            ReviewStatus::Overdue
        );
    }
}
