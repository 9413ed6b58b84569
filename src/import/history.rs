//! Version history: a table of versions, dates and what changed ("Version history",
//! "Amendments", "Document history") becomes each page's `[[changes]]`.

use super::control::normalise;
use super::dates::find_date;
use super::model::{Block, Table};
use crate::content::{Change, DocDate};

/// What the version-history table said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub changes: Vec<Change>,
    /// The version of the newest change, if the table gives versions.
    pub latest_version: Option<String>,
    /// Rows without a date that could be read, as written, for the report.
    pub unread: Vec<String>,
}

/// Headings and lines that name a version-history table.
pub(crate) const HISTORY_HEADINGS: &[&str] = &[
    "version history",
    "amendments",
    "amendment history",
    "document history",
    "revision history",
    "change history",
    "change log",
    "changes",
    "record of amendments",
    "version log",
];

/// Finds the first version-history table, takes it (and a line naming it just before) out
/// of `blocks`, and returns its rows.
pub(crate) fn extract(blocks: &mut Vec<Block>) -> Option<History> {
    let index = (0..blocks.len()).find(|&i| {
        let named = i > 0 && names_history(&blocks[i - 1]);
        blocks[i]
            .table()
            .is_some_and(|t| columns(t, named).is_some())
    })?;
    let named = index > 0 && names_history(&blocks[index - 1]);
    let table = blocks[index].table()?;
    let history = read(table, columns(table, named)?);
    blocks.remove(index);
    if named && blocks[index - 1].heading_level().is_none() {
        blocks.remove(index - 1);
    }
    Some(history)
}

fn names_history(block: &Block) -> bool {
    HISTORY_HEADINGS.contains(&normalise(&block.plain_text()).as_str())
}

/// Which columns hold the version, date and summary.
#[derive(Debug, Clone, Copy)]
struct Columns {
    version: Option<usize>,
    date: usize,
    summary: usize,
}

/// A table is a version history when its top row names a date column and a column saying
/// what changed, and either a version column or a heading or line naming the table.
fn columns(table: &Table, named: bool) -> Option<Columns> {
    let header: Vec<String> = table
        .rows
        .first()?
        .cells
        .iter()
        .map(|c| normalise(&c.plain_text()))
        .collect();
    let find = |test: &dyn Fn(&str) -> bool| header.iter().position(|h| test(h));
    let date = find(&|h| h.contains("date") || h == "when")?;
    let summary = find(&|h| {
        [
            "summary",
            "change",
            "amendment",
            "description",
            "detail",
            "comment",
            "reason",
            "notes",
            "update",
        ]
        .iter()
        .any(|w| h.contains(w))
    })?;
    let version = find(&|h| {
        (h.contains("version") || h.contains("issue") || h.contains("revision"))
            && !h.contains("date")
    });
    (date != summary && (version.is_some() || named)).then_some(Columns {
        version,
        date,
        summary,
    })
}

fn read(table: &Table, columns: Columns) -> History {
    let mut history = History::default();
    let mut latest: Option<(DocDate, String)> = None;
    for row in table.rows.iter().skip(1) {
        let cell = |i: usize| row.cells.get(i).map(|c| c.plain_text()).unwrap_or_default();
        let version = columns.version.map(cell).filter(|v| !v.is_empty());
        let summary = cell(columns.summary);
        let date_text = cell(columns.date);
        if version.is_none() && summary.is_empty() && date_text.is_empty() {
            continue;
        }
        let Some(date) = find_date(&date_text) else {
            history.unread.push(
                row.cells
                    .iter()
                    .map(|c| c.plain_text())
                    .collect::<Vec<_>>()
                    .join(" | "),
            );
            continue;
        };
        let summary = match (&version, summary.is_empty()) {
            (Some(v), false) => format!("Version {v}: {summary}"),
            (Some(v), true) => format!("Version {v}."),
            (None, _) => summary,
        };
        if let Some(v) = &version
            && latest.as_ref().is_none_or(|(d, _)| date >= *d)
        {
            latest = Some((date, v.clone()));
        }
        history.changes.push(Change {
            date,
            summary,
            minor: false,
        });
    }
    history.latest_version = latest.map(|(_, v)| v);
    history
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::testing::{heading, para, table};

    #[test]
    fn a_version_table_becomes_changes() {
        let mut blocks = vec![
            heading(0, 1, "Appendix 2: Version history"),
            para(1, "Version history"),
            table(
                2,
                &[
                    &["Version", "Date", "Summary of changes", "Author"],
                    &["0.1", "01/10/2024", "First draft for consultation", "JB"],
                    &["1.0", "6 March 2025", "Approved by the Board", "JB"],
                    &["1.1", "to follow", "Contact numbers", "JB"],
                ],
            ),
        ];
        let history = extract(&mut blocks).unwrap();
        assert_eq!(
            blocks.len(),
            1,
            "the table and the line naming it are taken out"
        );
        let changes: Vec<(String, &str)> = history
            .changes
            .iter()
            .map(|c| (c.date.iso(), c.summary.as_str()))
            .collect();
        assert_eq!(
            changes,
            [
                (
                    "2024-10-01".to_string(),
                    "Version 0.1: First draft for consultation"
                ),
                (
                    "2025-03-06".to_string(),
                    "Version 1.0: Approved by the Board"
                ),
            ]
        );
        assert_eq!(history.latest_version.as_deref(), Some("1.0"));
        assert_eq!(history.unread, ["1.1 | to follow | Contact numbers | JB"]);
    }

    #[test]
    fn an_amendments_table_needs_its_name() {
        let rows: &[&[&str]] = &[&["Date", "Amendment"], &["March 2026", "New contacts"]];
        let mut unnamed = vec![para(0, "Our work"), table(1, rows)];
        assert_eq!(extract(&mut unnamed), None);
        let mut named = vec![heading(0, 2, "Amendments"), table(1, rows)];
        let history = extract(&mut named).unwrap();
        assert_eq!(history.changes[0].summary, "New contacts");
        assert_eq!(
            named.len(),
            1,
            "a heading stays: the chapter pass drops it if empty"
        );
    }
}
