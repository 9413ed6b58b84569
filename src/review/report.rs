//! `waymark review`: the review schedule of every document, as a table, CSV, JSON or an iCalendar
//! file that Outlook and Google Calendar import (one all-day event per review date).

use std::fmt::Write as _;

use jiff::civil::Date;
use serde::Serialize;

use crate::content::drift::{self, Drift};
use crate::content::layers::ControlPart;
use crate::content::{DocControl, Page, PageKind, ReviewStatus, Site};
use crate::util::ics::{Calendar, date_value, uid};

/// One document on the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewRow {
    pub title: String,
    pub owner: Option<String>,
    pub version: Option<String>,
    /// As written: `2027-03-31` or `2027-03`.
    pub review_due: Option<String>,
    /// The day the review falls due (the last day of a month-only date).
    #[serde(skip)]
    pub due_day: Option<Date>,
    pub status: ReviewStatus,
    /// The source file, relative to the site folder.
    pub file: String,
    /// The page, from the site root.
    pub url: String,
    /// On a local page over a regional one: how the regional page has moved on since the local
    /// page was last checked against it (see [`crate::content::drift`]).
    pub base_drift: Option<String>,
}

/// Which rows to keep.
#[derive(Debug, Clone, Default)]
pub struct ReviewFilter {
    /// Keep documents due within this many days of today (overdue ones included).
    pub within_days: Option<i64>,
    /// Keep documents whose owner contains this text (any case).
    pub owner: Option<String>,
    /// Keep documents with one of these statuses (all when empty).
    pub statuses: Vec<ReviewStatus>,
}

/// The schedule: documents that have document control or need it, soonest first, undated last.
pub fn schedule(site: &Site, today: Date, filter: &ReviewFilter) -> Vec<ReviewRow> {
    let warning = site.config.review_warning_days;
    let mut rows: Vec<ReviewRow> = site
        .pages
        .iter()
        .filter(|p| is_document(p))
        .flat_map(|page| {
            let drift = drift::of(page);
            page.control_parts()
                .into_iter()
                .map(move |part| row(page, &part, drift.as_ref(), today, warning))
        })
        .filter(|row| filter.keeps(row, today))
        .collect();
    rows.sort_by(|a, b| {
        (a.due_day.is_none(), a.due_day, &a.title, &a.file).cmp(&(
            b.due_day.is_none(),
            b.due_day,
            &b.title,
            &b.file,
        ))
    });
    rows
}

/// The schedule's row for one part of a page: the page, or the local information a local site
/// adds to it (titled so, with its own owner and review date).
fn row(
    page: &Page,
    part: &ControlPart<'_>,
    drift: Option<&Drift>,
    today: Date,
    warning: u32,
) -> ReviewRow {
    let control = DocControl::of_front(part.front);
    let title = if part.is_addition {
        format!("{} (local information)", page.front.title)
    } else {
        page.front.title.clone()
    };
    ReviewRow {
        title,
        owner: control.owner.clone(),
        version: control.version.clone(),
        review_due: control.review_due.map(|d| d.iso()),
        due_day: control.review_due.map(|d| d.last_day()),
        status: ReviewStatus::of(control.review_due, today, warning),
        file: part.file.to_string_lossy().replace('\\', "/"),
        url: page.url.clone(),
        base_drift: drift
            .filter(|d| d.file == part.file)
            .map(|d| match d.headings_summary() {
                Some(headings) => format!("{}; {headings}", d.short()),
                None => d.short(),
            }),
    }
}

/// A page belongs on the schedule when it has document control or its kind requires it.
fn is_document(page: &Page) -> bool {
    !page.synthetic
        && page.kind != PageKind::Home
        && (page.kind.needs_document_control() || DocControl::of(page).is_present())
}

impl ReviewFilter {
    fn keeps(&self, row: &ReviewRow, today: Date) -> bool {
        if let Some(days) = self.within_days {
            match row.due_day {
                Some(due) if (due - today).get_days() as i64 <= days => {}
                _ => return false,
            }
        }
        if let Some(owner) = &self.owner {
            let wanted = owner.to_lowercase();
            if !row
                .owner
                .as_deref()
                .is_some_and(|o| o.to_lowercase().contains(&wanted))
            {
                return false;
            }
        }
        self.statuses.is_empty() || self.statuses.contains(&row.status)
    }
}

/// Parses `90d`, `12w`, `6m` or `1y` (a bare number means days) into days.
pub fn parse_period(text: &str) -> Result<i64, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&text[..i], &text[i..]),
        None => (text, "d"),
    };
    let n: i64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a period: write a number of days, weeks, months or years, such as 90d, 12w, 6m or 1y"))?;
    let days_per_unit = match unit {
        "d" => 1,
        "w" => 7,
        "m" => 30,
        "y" => 365,
        _ => {
            return Err(format!(
                "`{text}` has an unknown unit `{unit}`: use d, w, m or y"
            ));
        }
    };
    match n.checked_mul(days_per_unit) {
        Some(days) if days <= MAX_PERIOD_DAYS => Ok(days),
        _ => Err(format!(
            "`{text}` is longer than 100 years: give a period of at most 100y (36500d)"
        )),
    }
}

/// The longest `--within` period: 100 years. Longer ones are typing slips, and a period in days
/// must stay far from where date arithmetic overflows.
pub const MAX_PERIOD_DAYS: i64 = 100 * 365;

/// A plain-text table with aligned columns.
pub fn table(rows: &[ReviewRow]) -> String {
    // The regional page column is shown only when a local page has drifted from one.
    let drift = rows.iter().any(|r| r.base_drift.is_some());
    let mut headers: Vec<String> = ["Status", "Review due", "Title", "Owner", "Version", "File"]
        .map(String::from)
        .to_vec();
    if drift {
        headers.push("Regional page".into());
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                r.status.label().to_string(),
                r.review_due.clone().unwrap_or_else(|| "-".into()),
                r.title.clone(),
                r.owner.clone().unwrap_or_else(|| "-".into()),
                r.version.clone().unwrap_or_else(|| "-".into()),
                r.file.clone(),
            ];
            if drift {
                cells.push(r.base_drift.clone().unwrap_or_else(|| "-".into()));
            }
            cells
        })
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |values: &[String]| {
        let mut text = String::new();
        for (i, (value, width)) in values.iter().zip(&widths).enumerate() {
            if i + 1 == values.len() {
                text.push_str(value);
            } else {
                let pad = width - value.chars().count();
                let _ = write!(text, "{value}{}  ", " ".repeat(pad));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&headers);
    for row in &cells {
        line(row);
    }
    out
}

/// RFC 4180 CSV with a header row.
pub fn csv(rows: &[ReviewRow]) -> String {
    let mut out = String::from("title,owner,version,review_due,status,file,url,base_drift\r\n");
    for r in rows {
        let fields = [
            r.title.as_str(),
            r.owner.as_deref().unwrap_or(""),
            r.version.as_deref().unwrap_or(""),
            r.review_due.as_deref().unwrap_or(""),
            r.status.id(),
            &r.file,
            &r.url,
            r.base_drift.as_deref().unwrap_or(""),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(value: &str) -> String {
    let value = neutralise_formula(value);
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.into_owned()
    }
}

/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return
/// before one) as a formula, so a title such as `=HYPERLINK(...)` could act when the CSV is
/// opened. As OWASP advises, such a cell gets a leading `'`, which spreadsheets show as text.
fn neutralise_formula(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

/// JSON: an array of rows, `status` as `overdue`, `due-soon`, `current` or `no-date`.
pub fn json(rows: &[ReviewRow]) -> String {
    serde_json::to_string_pretty(rows).expect("rows serialise") + "\n"
}

/// An iCalendar file (RFC 5545): one all-day event on each review date, with the owner, version
/// and file in its description. Documents without a date are left out. `DTSTAMP` is `today` so the
/// same schedule gives the same bytes.
pub fn ics(rows: &[ReviewRow], site_title: &str, base_url: Option<&str>, today: Date) -> String {
    let mut calendar = Calendar::new("Review schedule", &format!("Reviews – {site_title}"));
    let stamp = format!("{}T000000Z", date_value(today));
    for row in rows {
        let Some(due) = row.due_day else { continue };
        let next = due.tomorrow().unwrap_or(due);
        let mut description = format!(
            "{} is due for review.\nOwner: {}\nVersion: {}\nFile: {}",
            row.title,
            row.owner.as_deref().unwrap_or("not set"),
            row.version.as_deref().unwrap_or("not set"),
            row.file
        );
        if let Some(base) = base_url {
            let _ = write!(description, "\nPage: {base}{}", row.url);
        }
        calendar.line("BEGIN:VEVENT");
        calendar.line(&format!("UID:{}@waymark", uid(&row.file)));
        calendar.line(&format!("DTSTAMP:{stamp}"));
        calendar.line(&format!("DTSTART;VALUE=DATE:{}", date_value(due)));
        calendar.line(&format!("DTEND;VALUE=DATE:{}", date_value(next)));
        calendar.text("SUMMARY", &format!("Review due: {}", row.title));
        calendar.text("DESCRIPTION", &description);
        if let Some(base) = base_url {
            calendar.line(&format!("URL:{base}{}", row.url));
        }
        calendar.line("TRANSP:TRANSPARENT");
        calendar.line("END:VEVENT");
    }
    calendar.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_take_units() {
        assert_eq!(parse_period("90d"), Ok(90));
        assert_eq!(parse_period("90"), Ok(90));
        assert_eq!(parse_period("2w"), Ok(14));
        assert_eq!(parse_period("6m"), Ok(180));
        assert!(parse_period("soon").is_err());
        assert!(parse_period("3q").unwrap_err().contains("unknown unit"));
    }

    #[test]
    fn csv_quotes_fields_that_need_it() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_start_with_a_quote() {
        assert_eq!(csv_field("=1+2"), "'=1+2");
        assert_eq!(csv_field("+44 1234"), "'+44 1234");
        assert_eq!(csv_field("-2"), "'-2");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\t=1"), "'\t=1");
        assert_eq!(
            csv_field("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv_field("Safeguarding team"), "Safeguarding team");
        assert_eq!(csv_field("2026-03"), "2026-03");
    }

    #[test]
    fn periods_are_checked_and_capped_at_100_years() {
        assert_eq!(parse_period("90d"), Ok(90));
        assert_eq!(parse_period("100y"), Ok(36500));
        assert!(parse_period("101y").unwrap_err().contains("100 years"));
        assert!(
            parse_period("25300000000000000y")
                .unwrap_err()
                .contains("100 years")
        );
        assert!(parse_period("99999999999999999999d").is_err());
    }
}
