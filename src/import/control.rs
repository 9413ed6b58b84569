//! Document control: the table near the start of a strategy that says its issue number,
//! owner, approval, publication and review dates. Its facts fill every page's front matter,
//! and the table itself is taken out of the text.

use super::dates::find_date;
use super::model::{Block, Table};
use crate::content::DocDate;

/// What the document-control table said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentControl {
    pub owner: Option<String>,
    pub version: Option<String>,
    pub approved: Option<DocDate>,
    pub published: Option<DocDate>,
    pub review_due: Option<DocDate>,
    /// The document's title, when the table gives one.
    pub title: Option<String>,
    /// Rows with no place in front matter, as (label, value), for the report.
    pub unused: Vec<(String, String)>,
}

/// The facts a label can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fact {
    Owner,
    Author,
    Version,
    Approved,
    ApprovedBy,
    Published,
    ReviewDue,
    Title,
}

/// Words before a table that mark it as document control; also headings that are dropped
/// when nothing is left under them.
pub(crate) const CONTROL_HEADINGS: &[&str] = &[
    "document control",
    "version control",
    "document information",
    "document details",
    "document status",
];

/// Finds the document-control table among the first `within` blocks, takes it out of
/// `blocks` and returns what it said.
pub(crate) fn extract(blocks: &mut Vec<Block>, within: usize) -> Option<DocumentControl> {
    let index = blocks
        .iter()
        .take(within)
        .position(|b| b.table().is_some_and(|t| read_table(t).is_some()))?;
    let control = blocks[index].table().and_then(read_table)?;
    blocks.remove(index);
    // A "Document control" line just before the table goes with it.
    if index > 0 {
        let label = normalise(&blocks[index - 1].plain_text());
        if CONTROL_HEADINGS.contains(&label.as_str()) {
            blocks.remove(index - 1);
        }
    }
    Some(control)
}

/// Reads a table as document control if at least two of its labels are recognised: labels
/// down the first column (`Version | 2.1`), in pairs across (`Version | 2.1 | Owner | ...`),
/// or along the top row over one row of values.
fn read_table(table: &Table) -> Option<DocumentControl> {
    let text: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.plain_text()).collect())
        .collect();
    let mut down = Vec::new();
    for row in &text {
        for pair in row.chunks(2) {
            if let [label, value] = pair {
                down.push((label.clone(), value.clone()));
            }
        }
    }
    let across: Vec<(String, String)> = match text.as_slice() {
        [labels, values] => labels.iter().cloned().zip(values.iter().cloned()).collect(),
        _ => Vec::new(),
    };
    let recognised =
        |pairs: &[(String, String)]| pairs.iter().filter(|(l, _)| fact(l).is_some()).count();
    let pairs = if recognised(&across) > recognised(&down) {
        across
    } else {
        down
    };
    (recognised(&pairs) >= 2).then(|| control_from(&pairs))
}

fn control_from(pairs: &[(String, String)]) -> DocumentControl {
    let mut control = DocumentControl::default();
    let mut author = None;
    for (label, value) in pairs {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            continue;
        }
        let date = find_date(&value);
        let used = match fact(label) {
            Some(Fact::Owner) => set(&mut control.owner, value.clone()),
            Some(Fact::Author) => set(&mut author, value.clone()),
            Some(Fact::Version) => set(&mut control.version, version(&value)),
            Some(Fact::Approved | Fact::ApprovedBy) if date.is_some() => {
                control.approved = control.approved.or(date);
                // "Approved by the Board on 6 March 2025": the date is used, the name is not.
                !matches!(fact(label), Some(Fact::ApprovedBy))
            }
            Some(Fact::Published) if date.is_some() => {
                control.published = control.published.or(date);
                true
            }
            Some(Fact::ReviewDue) if date.is_some() => {
                control.review_due = control.review_due.or(date);
                true
            }
            Some(Fact::Title) => set(&mut control.title, value.clone()),
            _ => false,
        };
        if !used {
            control.unused.push((clean_label(label), value));
        }
    }
    if control.owner.is_none() {
        control.owner = author;
    }
    control
}

fn set(slot: &mut Option<String>, value: String) -> bool {
    if slot.is_none() {
        *slot = Some(value);
        true
    } else {
        false
    }
}

/// "V2.1", "Version 2.1", "Issue 3" as "2.1" and "3".
fn version(value: &str) -> String {
    let lower = value.to_lowercase();
    for prefix in ["version", "issue", "v"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let rest = rest.trim_start_matches([' ', '.', ':']);
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return value[value.len() - rest.len()..].to_string();
            }
        }
    }
    value.to_string()
}

/// A label as written, without its trailing colon.
fn clean_label(label: &str) -> String {
    label
        .trim()
        .trim_end_matches([':', '-', '–'])
        .trim()
        .to_string()
}

/// A label in lower case, single-spaced, without its colon or full stop.
pub(crate) fn normalise(label: &str) -> String {
    label
        .to_lowercase()
        .replace(['.', ':', '’', '\''], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn fact(label: &str) -> Option<Fact> {
    let label = normalise(label);
    let label = label.as_str();
    Some(match label {
        "owner"
        | "document owner"
        | "owned by"
        | "lead officer"
        | "responsible officer"
        | "policy owner"
        | "strategy owner"
        | "owner(s)"
        | "lead"
        | "document lead" => Fact::Owner,
        "author" | "authors" | "author(s)" | "written by" | "prepared by" | "lead author" => {
            Fact::Author
        }
        "version" | "version no" | "version number" | "issue" | "issue no" | "issue number"
        | "document version" | "revision" | "current version" => Fact::Version,
        "date approved" | "approved" | "approval date" | "date of approval" | "approved on"
        | "approved date" | "ratified" | "date ratified" | "date agreed" => Fact::Approved,
        "approved by" | "ratified by" | "agreed by" | "signed off by" => Fact::ApprovedBy,
        "date published"
        | "published"
        | "publication date"
        | "date of publication"
        | "issue date"
        | "date of issue"
        | "date issued"
        | "effective date"
        | "effective from"
        | "implementation date"
        | "date effective" => Fact::Published,
        "review date"
        | "next review"
        | "next review date"
        | "review due"
        | "date of next review"
        | "review by"
        | "due for review"
        | "next review due"
        | "date for review"
        | "review due date"
        | "date of review" => Fact::ReviewDue,
        "title" | "document title" | "document name" | "name of document" | "policy title"
        | "strategy title" => Fact::Title,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::testing::table as table_at;

    fn table(rows: &[&[&str]]) -> Block {
        table_at(0, rows)
    }

    #[test]
    fn reads_labels_down_the_first_column() {
        let mut blocks = vec![table(&[
            &["Issue No:", "1"],
            &[
                "Document Owner:",
                "Northdale Safeguarding Children Partnership",
            ],
            &["Date Approved:", "6th March 2025"],
            &["Date Published:", "10th March 2025"],
            &["Review Date:", "December 2027"],
            &["Approved by:", "Partnership Executive"],
        ])];
        let control = extract(&mut blocks, 5).unwrap();
        assert!(blocks.is_empty(), "the table is taken out");
        assert_eq!(control.version.as_deref(), Some("1"));
        assert_eq!(
            control.owner.as_deref(),
            Some("Northdale Safeguarding Children Partnership")
        );
        assert_eq!(
            control.approved.map(DocDate::iso).as_deref(),
            Some("2025-03-06")
        );
        assert_eq!(
            control.published.map(DocDate::iso).as_deref(),
            Some("2025-03-10")
        );
        assert_eq!(
            control.review_due.map(DocDate::iso).as_deref(),
            Some("2027-12")
        );
        assert_eq!(
            control.unused,
            [(
                "Approved by".to_string(),
                "Partnership Executive".to_string()
            )]
        );
    }

    #[test]
    fn reads_labels_along_the_top_and_in_pairs() {
        let across = table(&[
            &["Version", "Author", "Next review"],
            &["V2.1", "Jo Bloggs, Business Manager", "12/03/2027"],
        ]);
        let control = read_table(across.table().unwrap()).unwrap();
        assert_eq!(control.version.as_deref(), Some("2.1"));
        assert_eq!(
            control.owner.as_deref(),
            Some("Jo Bloggs, Business Manager")
        );
        assert_eq!(
            control.review_due.map(DocDate::iso).as_deref(),
            Some("2027-03-12")
        );

        let pairs = table(&[&["Version", "3", "Issue date", "April 2026"]]);
        let control = read_table(pairs.table().unwrap()).unwrap();
        assert_eq!(
            control.published.map(DocDate::iso).as_deref(),
            Some("2026-04")
        );
    }

    #[test]
    fn other_tables_are_left_alone() {
        let mut blocks = vec![table(&[
            &["Age", "What to look for"],
            &["0 to 2", "Missed checks"],
        ])];
        assert_eq!(extract(&mut blocks, 5), None);
        assert_eq!(blocks.len(), 1);
    }
}
