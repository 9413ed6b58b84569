//! Review dates the service worker watches. A page saved on a phone can outlive its review date
//! while the phone has no signal, and no later build can reach it to add the overdue warning.
//! So `offline.json` names, for each page that is not yet overdue when the site is built, the
//! last day it is current: past that day, by the phone's own clock, the worker asks the site for
//! the page first and, without a connection, shows the saved copy with the warning a build
//! gives an overdue page.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::content::ReviewStatus;
use crate::content::{DocControl, Site};

/// When a saved page becomes overdue, as the service worker reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ReviewDate {
    /// The last day the page is current (`YYYY-MM-DD`): the worker compares it with today.
    pub last_day: String,
    /// The review date as the page shows it ("March 2028"), for the warning.
    pub due: String,
}

/// The review dates of the pages the build wrote (`is_written` says which), leaving out pages
/// with no review date and pages already overdue on `today`, which carry the warning already.
pub(crate) fn review_dates(
    site: &Site,
    today: Date,
    is_written: impl Fn(&str) -> bool,
) -> BTreeMap<String, ReviewDate> {
    let warning_days = site.config.review_warning_days;
    site.pages
        .iter()
        .filter(|page| is_written(&page.url))
        .filter_map(|page| {
            let due = DocControl::of(page).review_due?;
            let status = ReviewStatus::of(Some(due), today, warning_days);
            (status != ReviewStatus::Overdue).then(|| {
                let date = ReviewDate {
                    last_day: due.last_day().to_string(),
                    due: due.human(),
                };
                (page.url.clone(), date)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CONFIG_FILE;
    use crate::content::{LoadOptions, load};

    fn site(pages: &[(&str, &str)]) -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "title = \"Test\"\n").unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        std::fs::write(content.join("_index.md"), "+++\ntitle = \"Home\"\n+++\n").unwrap();
        for (path, text) in pages {
            std::fs::write(content.join(path), text).unwrap();
        }
        let site = load(dir.path(), LoadOptions::default()).unwrap_or_else(|d| panic!("{d}"));
        (dir, site)
    }

    #[test]
    fn pages_not_yet_overdue_are_named_with_their_last_current_day() {
        let (_dir, site) = site(&[
            (
                "current.md",
                "+++\ntitle = \"C\"\nreview_due = \"2027-03\"\n+++\n",
            ),
            (
                "soon.md",
                "+++\ntitle = \"S\"\nreview_due = \"2026-12-20\"\n+++\n",
            ),
            (
                "overdue.md",
                "+++\ntitle = \"O\"\nreview_due = \"2026-01-31\"\n+++\n",
            ),
            ("undated.md", "+++\ntitle = \"U\"\n+++\n"),
        ]);
        let today = Date::new(2026, 12, 1).unwrap();
        let dates = review_dates(&site, today, |_| true);
        let named: Vec<&str> = dates.keys().map(String::as_str).collect();
        assert_eq!(named, ["current.html", "soon.html"]);
        assert_eq!(
            dates["current.html"],
            ReviewDate {
                last_day: "2027-03-31".into(),
                due: "March 2027".into()
            }
        );
        assert_eq!(dates["soon.html"].due, "20 December 2026");
    }

    #[test]
    fn only_pages_the_build_wrote_are_named() {
        let (_dir, site) = site(&[(
            "current.md",
            "+++\ntitle = \"C\"\nreview_due = \"2027-03\"\n+++\n",
        )]);
        let today = Date::new(2026, 12, 1).unwrap();
        assert!(review_dates(&site, today, |_| false).is_empty());
    }
}
