//! Writing front matter: the TOML between `+++` lines that every imported page starts with,
//! in the order an editor reads it, with only the keys that have values.

use std::fmt::Write;

use super::control::DocumentControl;
use crate::content::{Change, DocDate};

/// The front matter of one imported page.
#[derive(Debug, Default)]
pub(crate) struct Front<'a> {
    pub title: &'a str,
    pub summary: Option<&'a str>,
    pub weight: Option<i64>,
    pub control: Option<&'a DocumentControl>,
    /// The version, from the control table or the newest change.
    pub version: Option<&'a str>,
    pub changes: &'a [Change],
    pub abbreviation: Option<&'a str>,
    pub source: Option<&'a str>,
}

impl Front<'_> {
    /// The front matter with its `+++` lines.
    pub(crate) fn render(&self) -> String {
        let mut out = String::from("+++\n");
        line(&mut out, "title", &quote(self.title));
        if let Some(summary) = self.summary {
            line(&mut out, "summary", &quote(summary));
        }
        if let Some(weight) = self.weight {
            line(&mut out, "weight", &weight.to_string());
        }
        if let Some(control) = self.control
            && let Some(owner) = &control.owner
        {
            line(&mut out, "owner", &quote(owner));
        }
        if let Some(version) = self.version {
            line(&mut out, "version", &quote(version));
        }
        if let Some(control) = self.control {
            for (key, date) in [
                ("approved", control.approved),
                ("published", control.published),
                ("review_due", control.review_due),
            ] {
                if let Some(date) = date {
                    line(&mut out, key, &date_value(date));
                }
            }
        }
        if let Some(abbreviation) = self.abbreviation {
            line(&mut out, "abbreviation", &quote(abbreviation));
        }
        if let Some(source) = self.source {
            line(&mut out, "source", &quote(source));
        }
        for change in self.changes {
            out.push_str("\n[[changes]]\n");
            line(&mut out, "date", &date_value(change.date));
            line(&mut out, "summary", &quote(&change.summary));
        }
        out.push_str("+++\n");
        out
    }
}

fn line(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {value}");
}

/// Text as a TOML string.
fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A day as a TOML date (`2026-04-01`), a month as a string (`"2027-03"`).
fn date_value(date: DocDate) -> String {
    match date {
        DocDate::Day(_) => date.iso(),
        DocDate::Month { .. } => quote(&date.iso()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter;
    use crate::diagnostics::LineIndex;

    #[test]
    fn writes_front_matter_waymark_reads_back() {
        let control = DocumentControl {
            owner: Some("Northdale \"Neglect\" Group".into()),
            approved: DocDate::parse("2025-03-06").ok(),
            review_due: DocDate::parse("2027-12").ok(),
            ..DocumentControl::default()
        };
        let changes = [Change {
            date: DocDate::parse("2025-03-10").unwrap(),
            summary: "Version 1: first published".into(),
            minor: false,
        }];
        let text = Front {
            title: "Priorities",
            weight: Some(30),
            control: Some(&control),
            version: Some("1"),
            changes: &changes,
            ..Front::default()
        }
        .render()
            + "Body.\n";
        let (front, split) = front_matter::parse(
            std::path::Path::new("content/strategy/priorities.md"),
            &text,
            &LineIndex::new(&text),
        )
        .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert_eq!(front.title, "Priorities");
        assert_eq!(front.weight, 30);
        assert_eq!(front.owner.as_deref(), Some("Northdale \"Neglect\" Group"));
        assert_eq!(front.version.as_deref(), Some("1"));
        assert_eq!(front.approved, control.approved);
        assert_eq!(front.review_due, control.review_due);
        assert_eq!(front.changes, changes);
        assert_eq!(split.body, "Body.\n");
    }
}
