//! `waymark review`: the review schedule of every document, and the day it is worked out for.

pub mod report;

use jiff::civil::Date;

use crate::content::DocDate;

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

    #[test]
    fn today_needs_a_whole_day() {
        assert_eq!(
            parse_today("2027-01-05"),
            Ok(Date::new(2027, 1, 5).unwrap())
        );
        assert!(parse_today("2027-01").unwrap_err().contains("needs a day"));
    }
}
