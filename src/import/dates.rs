//! Dates as UK documents write them: "6th March 2025", "12/03/2024", "12.03.24",
//! "March 2024", "Mar-24", "2024-03-12". A day and month in figures are read day first.

use jiff::civil::Date;

use crate::content::DocDate;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The first date in `text`: a day where the text gives one, else a month.
pub(crate) fn find_date(text: &str) -> Option<DocDate> {
    let tokens = tokens(text);
    for (i, token) in tokens.iter().enumerate() {
        if let Some(date) = numeric(token) {
            return Some(date);
        }
        let next = |n: usize| tokens.get(i + n).map(String::as_str);
        // 12 March 2024
        if let (Some(day), Some(month), Some(year)) =
            (day(token), next(1).and_then(month), next(2).and_then(year))
            && let Ok(d) = Date::new(year, month, day)
        {
            return Some(DocDate::Day(d));
        }
        if let Some(month) = month(token) {
            // March 12, 2024
            if let (Some(day), Some(year)) = (next(1).and_then(day), next(2).and_then(year))
                && let Ok(d) = Date::new(year, month, day)
            {
                return Some(DocDate::Day(d));
            }
            // March 2024
            if let Some(year) = next(1).and_then(year) {
                return Some(DocDate::Month { year, month });
            }
        }
    }
    None
}

/// Words of the text in lower case, with commas, brackets and the hyphens of "12-Mar-2024"
/// as separators (figures-only dates such as 12-03-2024 stay whole).
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || ",()".contains(c)) {
        let word = word.trim_matches(|c: char| c == '.' || c == ':' || c == ';');
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        if lower.contains('-') && lower.chars().any(|c| c.is_alphabetic()) {
            out.extend(
                lower
                    .split('-')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
        } else {
            out.push(lower);
        }
    }
    out
}

/// 12/03/2024, 12.03.24, 12-03-2024, 2024-03-12, 2024-03, 03/2024.
fn numeric(token: &str) -> Option<DocDate> {
    let separator = token.chars().find(|c| "/.-".contains(*c))?;
    let parts: Vec<&str> = token.split(separator).collect();
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |s: &str| s.parse::<i32>().ok();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => day_of(n(y)?, n(m)?, n(d)?),
        [d, m, y] if y.len() == 4 || y.len() == 2 => {
            day_of(full_year(n(y)?, y.len()), n(m)?, n(d)?)
        }
        [y, m] if y.len() == 4 && m.len() <= 2 => month_of(n(y)?, n(m)?),
        [m, y] if y.len() == 4 && m.len() <= 2 => month_of(n(y)?, n(m)?),
        _ => None,
    }
}

fn full_year(year: i32, digits: usize) -> i32 {
    if digits == 2 { 2000 + year } else { year }
}

fn day_of(year: i32, month: i32, day: i32) -> Option<DocDate> {
    let (year, month, day) = (
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    );
    Date::new(year, month, day).ok().map(DocDate::Day)
}

fn month_of(year: i32, month: i32) -> Option<DocDate> {
    ((1900..=2200).contains(&year) && (1..=12).contains(&month)).then_some(DocDate::Month {
        year: year as i16,
        month: month as i8,
    })
}

/// "6", "6th", "21st".
fn day(token: &str) -> Option<i8> {
    let digits = token.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &token[digits.len()..];
    if !["", "st", "nd", "rd", "th"].contains(&suffix) || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
}

/// "march", "mar", "sept".
fn month(token: &str) -> Option<i8> {
    if token.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(token) || (token == "sept" && *m == "september"))
        .map(|i| i as i8 + 1)
}

/// "2024", or "24" in "Mar-24".
fn year(token: &str) -> Option<i16> {
    if !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match token.len() {
        4 => token
            .parse::<i16>()
            .ok()
            .filter(|y| (1900..=2200).contains(y)),
        2 => token.parse::<i16>().ok().map(|y| 2000 + y),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        find_date(text).map(DocDate::iso)
    }

    #[test]
    fn reads_the_common_uk_forms() {
        assert_eq!(iso("12 March 2024").as_deref(), Some("2024-03-12"));
        assert_eq!(iso("6th March 2025").as_deref(), Some("2025-03-06"));
        assert_eq!(iso("Tuesday, 1st Oct 2024").as_deref(), Some("2024-10-01"));
        assert_eq!(iso("12/03/2024").as_deref(), Some("2024-03-12"));
        assert_eq!(iso("12.03.24").as_deref(), Some("2024-03-12"));
        assert_eq!(iso("2/3/2024").as_deref(), Some("2024-03-02"));
        assert_eq!(iso("12-Mar-2024").as_deref(), Some("2024-03-12"));
        assert_eq!(iso("2024-03-12").as_deref(), Some("2024-03-12"));
        assert_eq!(iso("March 2024").as_deref(), Some("2024-03"));
        assert_eq!(iso("December 2027").as_deref(), Some("2027-12"));
        assert_eq!(iso("Sept 2026").as_deref(), Some("2026-09"));
        assert_eq!(iso("Mar-24").as_deref(), Some("2024-03"));
        assert_eq!(iso("03/2027").as_deref(), Some("2027-03"));
        assert_eq!(iso("March 12, 2024").as_deref(), Some("2024-03-12"));
    }

    #[test]
    fn finds_a_date_inside_other_words() {
        assert_eq!(
            iso("Approved by the Partnership Board on 6 March 2025").as_deref(),
            Some("2025-03-06")
        );
        assert_eq!(
            iso("Annually, next in May 2026").as_deref(),
            Some("2026-05")
        );
    }

    #[test]
    fn leaves_what_is_not_a_date() {
        assert_eq!(iso("31/02/2024"), None);
        assert_eq!(iso("Partnership Board"), None);
        assert_eq!(iso("Version 2.1"), None);
        assert_eq!(iso("May"), None);
        assert_eq!(iso("13/13/2024"), None);
    }
}
