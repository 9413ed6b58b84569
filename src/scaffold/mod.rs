//! Starting pages and sites correctly: `waymark new` writes one page with the right front
//! matter for its kind, and `waymark init` writes a whole new site from embedded examples.
//! What they write builds and checks without errors as it stands, so an editor starts from
//! something that works and replaces the placeholders.

pub mod init;
pub mod local;
pub mod new;

use std::path::PathBuf;

use jiff::ToSpan;
use jiff::civil::Date;
use thiserror::Error;

use crate::diagnostics::Diagnostic;

/// Why a page or site could not be started. Nothing is written in any case.
#[derive(Debug, Error)]
pub enum ScaffoldError {
    #[error("{} already exists", .0.display())]
    Exists(PathBuf),
    #[error("{} is not empty", .0.display())]
    NotEmpty(PathBuf),
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Site(Diagnostic),
    #[error("could not {action} {}: {source}", .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl ScaffoldError {
    /// What to do about it.
    pub fn hint(&self) -> String {
        match self {
            ScaffoldError::Exists(_) => {
                "waymark never replaces a file: edit the existing one, or choose another title"
                    .into()
            }
            ScaffoldError::NotEmpty(_) => {
                "name a new folder, or an empty one: waymark init never writes among other files"
                    .into()
            }
            ScaffoldError::Invalid(_) => "see `waymark new --help` for examples".into(),
            ScaffoldError::Site(d) => d.hint.clone().unwrap_or_default(),
            ScaffoldError::Io { .. } => {
                "check the folder's permissions and that the disk is not full".into()
            }
        }
    }
}

/// `today` plus `months`, for a first review date. The 31st of a month runs to the end of a
/// shorter month.
pub fn review_date(today: Date, months: u32) -> Date {
    today
        .checked_add(i64::from(months).months())
        .unwrap_or(today)
}

/// Text as a TOML string, quoted and escaped.
pub fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_dates_add_whole_months() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(review_date(d(2026, 11, 23), 12), d(2027, 11, 23));
        assert_eq!(review_date(d(2026, 1, 31), 1), d(2026, 2, 28));
    }

    #[test]
    fn titles_are_quoted_for_toml() {
        for title in ["A \"quoted\" title", "Back\\slash", "Plain", "It's"] {
            let table: toml::Table =
                toml::from_str(&format!("title = {}", toml_string(title))).unwrap();
            assert_eq!(table["title"].as_str(), Some(title));
        }
    }
}
