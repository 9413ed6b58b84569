//! Drift: a regional page that changed after the local page over it was last checked against it.
//!
//! A local file that replaces or adds to a base page notes which regional version it was checked
//! against (`base_version = "1.2"`) and, or instead, the day it was (`reviewed = 2026-07-15`).
//! When the base page's `version` is no longer the noted one, or its latest `[[changes]]` entry
//! is newer than `reviewed`, the local part may be out of step with the regional guidance:
//! `check` and `review` say so, with the headings that differ between the two.

use std::path::PathBuf;

use serde::Serialize;

use super::{FrontMatter, Page};
use crate::diagnostics::Position;

/// How a local page has drifted from the regional page under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Drift {
    /// The local file, as messages name it.
    pub file: PathBuf,
    /// Where to point in it: the `base_version` or `reviewed` line, or the top of the file.
    #[serde(skip)]
    pub position: Position,
    /// The base page's file.
    pub base_file: PathBuf,
    pub why: DriftReason,
    /// Headings the regional page has that the local page does not (for a page that adds to the
    /// regional one: none can be known, so this is empty).
    pub headings_added: Vec<String>,
    /// Headings the local page has, or names with `## Local:`, that the regional page no longer has.
    pub headings_removed: Vec<String>,
}

/// Why a local page counts as drifted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub(crate) enum DriftReason {
    /// The regional page's version is not the one the local page was checked against.
    Version { noted: String, now: String },
    /// The regional page changed after the day the local page was checked against it.
    Changed { reviewed: String, changed: String },
    /// The local page says neither which version nor which day it was checked against.
    NotNoted,
}

impl Drift {
    /// The finding in words, for `check` and `review`.
    pub(crate) fn message(&self) -> String {
        let why = match &self.why {
            DriftReason::Version { noted, now } => format!(
                "regional page updated since your local version: it is now version {now}, and \
                 this page was checked against version {noted}"
            ),
            DriftReason::Changed { reviewed, changed } => format!(
                "regional page updated since your local version: it changed on {changed}, after \
                 this page was checked against it on {reviewed}"
            ),
            DriftReason::NotNoted => "this page has not noted which version of the regional page \
                 it was checked against"
                .to_string(),
        };
        match self.headings_summary() {
            Some(summary) => format!("{why} ({summary})"),
            None => why,
        }
    }

    /// "headings added: A, B; removed: C", or None when the headings are the same.
    pub(crate) fn headings_summary(&self) -> Option<String> {
        let list = |items: &[String]| {
            items
                .iter()
                .map(|h| format!("“{h}”"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut parts = Vec::new();
        if !self.headings_added.is_empty() {
            parts.push(format!(
                "regional headings not in your page: {}",
                list(&self.headings_added)
            ));
        }
        if !self.headings_removed.is_empty() {
            parts.push(format!(
                "headings no longer in the regional page: {}",
                list(&self.headings_removed)
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// A short note for a table or spreadsheet cell.
    pub(crate) fn short(&self) -> String {
        match &self.why {
            DriftReason::Version { noted, now } => {
                format!("regional page now version {now} (checked against {noted})")
            }
            DriftReason::Changed { changed, .. } => format!("regional page changed {changed}"),
            DriftReason::NotNoted => "base_version not noted".into(),
        }
    }
}

/// The drift of `page`, if a local file replaces or adds to a base page and the base page has
/// moved on since the local file was checked against it.
pub(crate) fn of(page: &Page) -> Option<Drift> {
    let overlay = page.overlay.as_ref()?;
    let base = &overlay.base;
    // The local part: the file that adds to the base page, or the one that replaces it.
    let local = page.control_parts().pop()?;
    let why = reason(&base.front, local.front)?;
    let position = ["base_version", "reviewed", "extends", "title"]
        .iter()
        .map(|key| local.value_position(key))
        .find(|p| *p != Position::FILE)
        .unwrap_or(Position::new(1, 1));
    let base_ids: Vec<&str> = base.headings.iter().map(|(id, _)| id.as_str()).collect();
    let (headings_added, headings_removed) = match &overlay.addition {
        Some(addition) => (
            Vec::new(),
            addition.unmatched.iter().map(|u| u.words.clone()).collect(),
        ),
        None => {
            let local_headings = super::extends::headings(page.body());
            let local_ids: Vec<&str> = local_headings.iter().map(|(id, _)| id.as_str()).collect();
            (
                base.headings
                    .iter()
                    .filter(|(id, _)| !local_ids.contains(&id.as_str()))
                    .map(|(_, words)| words.clone())
                    .collect(),
                local_headings
                    .iter()
                    .filter(|(id, _)| !base_ids.contains(&id.as_str()))
                    .map(|(_, words)| words.clone())
                    .collect(),
            )
        }
    };
    Some(Drift {
        file: local.file.to_path_buf(),
        position,
        base_file: base.file.clone(),
        why,
        headings_added,
        headings_removed,
    })
}

/// Why the local front matter is behind the base page's, if it is.
fn reason(base: &FrontMatter, local: &FrontMatter) -> Option<DriftReason> {
    // A base page with neither a version nor a history (a home page, say) gives nothing to
    // check against.
    if base.version.is_none() && base.changes.is_empty() {
        return None;
    }
    let latest = base.changes.iter().map(|c| c.date).max();
    match (&local.base_version, local.reviewed) {
        (Some(noted), _) if base.version.as_ref().is_some_and(|now| now != noted) => {
            Some(DriftReason::Version {
                noted: noted.clone(),
                now: base.version.clone().unwrap_or_default(),
            })
        }
        (_, Some(reviewed)) => match latest {
            Some(changed) if changed.first_day() > reviewed.last_day() => {
                Some(DriftReason::Changed {
                    reviewed: reviewed.human(),
                    changed: changed.human(),
                })
            }
            _ => None,
        },
        (Some(_), None) => None,
        (None, None) => Some(DriftReason::NotNoted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::extends::{extend, replace};
    use crate::content::load::page_from_text;

    fn base(version: &str, changed: &str) -> Page {
        page_from_text(
            "procedures/referral.md",
            "../regional/content/procedures/referral.md",
            &format!(
                "+++\ntitle = \"Referral\"\nversion = \"{version}\"\n[[changes]]\ndate = {changed}\nsummary = \"S\"\n+++\n## When to refer\n\nA.\n\n## How to refer\n\nB.\n"
            ),
        )
    }

    fn local(front: &str, body: &str) -> Page {
        page_from_text(
            "procedures/referral.md",
            "content/procedures/referral.md",
            &format!("+++\n{front}\n+++\n{body}"),
        )
    }

    #[test]
    fn a_replacement_drifts_when_the_base_version_moves_on_with_the_headings_that_differ() {
        let body = "## When to refer\n\nA.\n\n## Our contacts\n\nC.\n";
        let front = "title = \"Referral\"\nbase_version = \"1.2\"";
        assert_eq!(
            of(&replace(&base("1.2", "2026-07-01"), local(front, body))),
            None
        );
        let found = of(&replace(&base("1.3", "2026-07-01"), local(front, body))).unwrap();
        assert_eq!(
            found.why,
            DriftReason::Version {
                noted: "1.2".into(),
                now: "1.3".into()
            }
        );
        assert_eq!(found.file, PathBuf::from("content/procedures/referral.md"));
        assert_eq!(found.position.line, 3, "at the base_version line");
        assert_eq!(found.headings_added, ["How to refer"]);
        assert_eq!(found.headings_removed, ["Our contacts"]);
        assert!(
            found.message().starts_with(
                "regional page updated since your local version: it is now version 1.3"
            )
        );
    }

    #[test]
    fn a_reviewed_day_before_the_base_pages_latest_change_is_drift() {
        let front = "title = \"Referral\"\nreviewed = 2026-08-01";
        let page = |changed| replace(&base("1.2", changed), local(front, "Text.\n"));
        assert_eq!(of(&page("2026-07-31")), None);
        let found = of(&page("2026-08-02")).unwrap();
        assert!(matches!(found.why, DriftReason::Changed { .. }));
    }

    #[test]
    fn a_local_page_that_notes_nothing_is_asked_to() {
        let found = of(&replace(
            &base("1.2", "2026-07-01"),
            local("title = \"Referral\"", "Text.\n"),
        ))
        .unwrap();
        assert_eq!(found.why, DriftReason::NotNoted);
    }

    #[test]
    fn an_addition_reports_local_headings_whose_base_heading_is_gone() {
        let (page, _) = extend(
            base("1.3", "2026-07-01"),
            local(
                "extends = true\nbase_version = \"1.2\"",
                "## Local: How to refer\n\nX.\n\n## Local: Out of hours\n\nY.\n",
            ),
        );
        let found = of(&page).unwrap();
        assert_eq!(found.file, PathBuf::from("content/procedures/referral.md"));
        assert_eq!(found.position.line, 3);
        assert!(found.headings_added.is_empty());
        assert_eq!(found.headings_removed, ["Out of hours"]);
        // A page that is not over a base page never drifts.
        assert_eq!(of(&base("1.3", "2026-07-01")), None);
    }
}
