//! Dates in front matter: a day (`2026-04-01`) or, as partnerships often write review dates, a
//! month (`"2027-12"`).

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A document date as the editor wrote it: a whole day or just a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocDate {
    Day(Date),
    Month { year: i16, month: i8 },
}

impl DocDate {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`, with a message that says what was expected.
    pub fn parse(text: &str) -> Result<DocDate, String> {
        let text = text.trim();
        let bad = || {
            format!(
                "`{text}` is not a date: write it as YYYY-MM-DD (for example 2027-03-31) or YYYY-MM (2027-03)"
            )
        };
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Result<i32, String> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        match parts.as_slice() {
            [y, m] => {
                let (year, month) = (number(y, 4)?, number(m, 2)?);
                if !(1..=12).contains(&month) {
                    return Err(format!(
                        "`{text}` has no month {month}: months run from 01 to 12"
                    ));
                }
                Ok(DocDate::Month {
                    year: year as i16,
                    month: month as i8,
                })
            }
            [y, m, d] => {
                let (year, month, day) = (number(y, 4)?, number(m, 2)?, number(d, 2)?);
                Date::new(year as i16, month as i8, day as i8)
                    .map(DocDate::Day)
                    .map_err(|_| format!("`{text}` is not a real date: check the day and month"))
            }
            _ => Err(bad()),
        }
    }

    /// The first day the date covers (for sorting and "published" comparisons).
    pub fn first_day(self) -> Date {
        match self {
            DocDate::Day(d) => d,
            DocDate::Month { year, month } => Date::new(year, month, 1).expect("valid month"),
        }
    }

    /// The last day the date covers: a review due "2027-12" is on time until 31 December.
    pub fn last_day(self) -> Date {
        match self {
            DocDate::Day(d) => d,
            DocDate::Month { .. } => self.first_day().last_of_month(),
        }
    }

    /// ISO form, as written: `2026-04-01` or `2027-12`.
    pub fn iso(self) -> String {
        match self {
            DocDate::Day(d) => d.to_string(),
            DocDate::Month { year, month } => format!("{year:04}-{month:02}"),
        }
    }

    /// GOV.UK style for people: "1 April 2026" or "December 2027".
    pub fn human(self) -> String {
        match self {
            DocDate::Day(d) => d.strftime("%-d %B %Y").to_string(),
            DocDate::Month { .. } => self.first_day().strftime("%B %Y").to_string(),
        }
    }
}

impl fmt::Display for DocDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl PartialOrd for DocDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DocDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first_day(), self.last_day()).cmp(&(other.first_day(), other.last_day()))
    }
}

impl<'de> Deserialize<'de> for DocDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(deserializer)? {
            toml::Value::String(s) => DocDate::parse(&s).map_err(D::Error::custom),
            toml::Value::Datetime(dt) => match (dt.date, dt.time) {
                (Some(date), None) => Date::new(date.year as i16, date.month as i8, date.day as i8)
                    .map(DocDate::Day)
                    .map_err(|_| D::Error::custom(format!("`{dt}` is not a real date"))),
                _ => Err(D::Error::custom(format!(
                    "`{dt}` has a time of day: write only the date, as YYYY-MM-DD"
                ))),
            },
            other => Err(D::Error::custom(format!(
                "expected a date such as 2027-03-31 or \"2027-03\", found {}",
                other.type_str()
            ))),
        }
    }
}

impl Serialize for DocDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_months() {
        assert_eq!(
            DocDate::parse("2026-04-01").unwrap(),
            DocDate::Day(Date::new(2026, 4, 1).unwrap())
        );
        assert_eq!(
            DocDate::parse("2027-12").unwrap(),
            DocDate::Month {
                year: 2027,
                month: 12
            }
        );
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        assert!(
            DocDate::parse("2026-02-30")
                .unwrap_err()
                .contains("not a real date")
        );
        assert!(
            DocDate::parse("2026-13")
                .unwrap_err()
                .contains("no month 13")
        );
        assert!(
            DocDate::parse("March 2026")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
    }

    #[test]
    fn a_month_review_date_lasts_to_the_end_of_the_month() {
        let d = DocDate::parse("2027-02").unwrap();
        assert_eq!(d.last_day(), Date::new(2027, 2, 28).unwrap());
        assert_eq!(d.human(), "February 2027");
    }

    #[test]
    fn reads_toml_dates_and_strings() {
        #[derive(Deserialize)]
        struct T {
            a: DocDate,
            b: DocDate,
        }
        let t: T = toml::from_str("a = 2026-04-01\nb = \"2027-03\"").unwrap();
        assert_eq!(t.a.human(), "1 April 2026");
        assert_eq!(t.b.iso(), "2027-03");
        let err = toml::from_str::<T>("a = 2026-04-01T10:00:00\nb = \"x\"")
            .err()
            .unwrap();
        assert!(err.message().contains("time of day"), "{}", err.message());
    }
}
