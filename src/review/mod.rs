//! Review status: is a document current, due for review soon, or overdue?

pub mod changes;
pub mod report;

use jiff::civil::Date;
use serde::Serialize;

use crate::content::DocDate;

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

/// Today's date where waymark runs, unless `WAYMARK_TODAY` fixes it (for tests and reproducible builds).
pub fn today_from_env() -> Result<Date, String> {
    match std::env::var("WAYMARK_TODAY") {
        Ok(text) if !text.trim().is_empty() => parse_today(&text),
        _ => Ok(jiff::ZonedDateTime::now().date()),
    }
}

/// Parses a `--today` value.
pub fn parse_today(text: &str) -> Result<Date, String> {
    match DocDate::parse(text)? {
        DocDate::Day(d) => Ok(d),
        DocDate::Month { .. } => Err(format!("`{text}` needs a day: write YYYY-MM-DD")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_today(s).unwrap()
    }

    #[test]
    fn statuses_around_the_review_date() {
        let due = DocDate::parse("2027-03-31").ok();
        assert_eq!(
            ReviewStatus::of(due, d("2026-11-23"), 90),
            ReviewStatus::Current
        );
        assert_eq!(
            ReviewStatus::of(due, d("2027-01-15"), 90),
            ReviewStatus::DueSoon
        );
        assert_eq!(
            ReviewStatus::of(due, d("2027-03-31"), 90),
            ReviewStatus::DueSoon
        );
        assert_eq!(
            ReviewStatus::of(due, d("2027-04-01"), 90),
            ReviewStatus::Overdue
        );
        assert_eq!(
            ReviewStatus::of(None, d("2027-04-01"), 90),
            ReviewStatus::NoDate
        );
    }

    #[test]
    fn a_month_is_due_at_its_end() {
        let due = DocDate::parse("2027-03").ok();
        assert_eq!(
            ReviewStatus::of(due, d("2027-03-31"), 0),
            ReviewStatus::DueSoon
        );
        assert_eq!(
            ReviewStatus::of(due, d("2027-04-01"), 0),
            ReviewStatus::Overdue
        );
    }
}
