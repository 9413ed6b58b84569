//! Document control: who owns a document, which issue it is, and when it was approved,
//! published, last changed and is next due for review.

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
pub fn last_updated(published: Option<DocDate>, changes: &[Change]) -> Option<DocDate> {
    changes
        .iter()
        .filter(|c| !c.minor)
        .map(|c| c.date)
        .chain(published)
        .max()
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
}
