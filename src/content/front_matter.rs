//! Front matter: the TOML between `+++` lines at the top of every Markdown file.
//!
//! Splitting and parsing are separate steps so that every error can name the line in the file:
//! [`split`] records where the TOML and the body start, and [`parse`] maps TOML's byte spans back to
//! file positions. Unknown keys are errors with a suggestion, because a misspelt `review_dew`
//! silently ignored would leave a document without a review date.

use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};

use super::date::DocDate;
use super::event::{EventStatus, EventTime};
use crate::diagnostics::{Diagnostic, LineIndex, Position, suggest};

/// Every key a document may set. One struct for all kinds keeps the rules simple: which keys a kind
/// *needs* is checked later, by the kind.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct FrontMatter {
    pub title: String,
    /// One or two sentences: used in listings, search results, tooltips and packs.
    pub summary: Option<String>,
    /// Order within a section: lower first, then by title.
    #[serde(default)]
    pub weight: i64,
    /// Drafts are left out of the build.
    #[serde(default)]
    pub draft: bool,
    /// Force the contents list on or off (by default it shows on long pages).
    pub toc: Option<bool>,
    /// Set to false to stop glossary terms being linked on this page.
    pub link_terms: Option<bool>,
    /// A template other than the default for this kind of page.
    pub template: Option<String>,

    // A local page over a base page (a site with `base` in its settings).
    /// True when this local page adds sections to the base page at the same path, rather than
    /// replacing it. Such a page may leave out `title`: the base page's is used.
    #[serde(default)]
    pub extends: bool,
    /// The base page's `version` this local page was last checked against.
    #[serde(default, deserialize_with = "version_string")]
    pub base_version: Option<String>,
    /// The day this local page was last checked against the base page.
    pub reviewed: Option<DocDate>,

    // Document control.
    pub owner: Option<String>,
    #[serde(default, deserialize_with = "version_string")]
    pub version: Option<String>,
    pub approved: Option<DocDate>,
    pub published: Option<DocDate>,
    pub review_due: Option<DocDate>,
    #[serde(default)]
    pub changes: Vec<Change>,

    // Definitions.
    pub term: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub abbreviation: Option<String>,
    pub category: Option<String>,
    pub source: Option<String>,
    #[serde(default)]
    pub related: Vec<String>,

    // Signposting.
    pub url: Option<String>,
    pub provider: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub audience: Vec<String>,
    pub format: Option<String>,
    pub last_checked: Option<DocDate>,

    // News.
    /// The day a news post was published: news is listed newest first, by this date.
    pub date: Option<DocDate>,

    // 7-minute briefings.
    /// The case review or audit whose learning a briefing shares.
    pub source_review: Option<String>,

    // Events (see `content::event`).
    /// When it starts, UK time: `2027-02-10T09:30:00`, or a date for a whole-day event.
    pub start: Option<EventTime>,
    /// When it ends: a time on the start's day (`12:30:00`), a date and time, or a last day.
    pub end: Option<EventTime>,
    /// Where it is held; `online = true` for an online event (both for a hybrid one).
    pub venue: Option<String>,
    #[serde(default)]
    pub online: bool,
    /// Where to book a place.
    pub booking_url: Option<String>,
    /// Who to ask, or to book with when there is no booking page: an email address or a name
    /// and phone number.
    pub contact: Option<String>,
    /// How many places, or who may come from each team.
    pub capacity: Option<String>,
    pub cost: Option<String>,
    /// Booking open, fully booked, cancelled or postponed.
    pub status: Option<EventStatus>,

    // Downloads.
    /// Titles and accessible versions of files in the page's folder (see `downloads`).
    #[serde(default)]
    pub documents: Vec<DocumentEntry>,
}

/// A file under `content/` described by a page: `[[documents]]` in its front matter.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct DocumentEntry {
    /// The file, relative to the page's folder, as a link would name it.
    pub file: String,
    /// What the Documents page and the section call it (otherwise: from its file name).
    pub title: Option<String>,
    pub summary: Option<String>,
    /// An accessible version of a Word file or spreadsheet: a page (`chronology.md`) or a
    /// tagged PDF, relative to the page's folder.
    pub alternative: Option<String>,
}

/// One entry of a document's version history.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Change {
    pub date: DocDate,
    pub summary: String,
    /// A small fix (a typo, a phone number) that needs no notice and does not move "Last updated".
    #[serde(default)]
    pub minor: bool,
}

/// The version is text: a bare number such as `version = 2.10` would lose its last zero and
/// show as "2.1", so numbers are refused with a hint to quote them.
fn version_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde::de::Error;
    match toml::Value::deserialize(d)? {
        toml::Value::String(s) => Ok(Some(s)),
        toml::Value::Integer(_) | toml::Value::Float(_) => Err(D::Error::custom(
            "the version is a bare number: write it in double quotes, as it should show",
        )),
        other => Err(D::Error::custom(format!(
            "expected a version such as \"2.1\", found {}",
            other.type_str()
        ))),
    }
}

/// `audience = "Parents"` is as natural as `audience = ["Parents", "Carers"]`.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// A file cut into its front matter and body, with where each starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    pub front: &'a str,
    /// Byte offset of `front` in the file.
    pub front_offset: usize,
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_offset: usize,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SplitError {
    Missing,
    Unclosed,
}

const FENCE: &str = "+++";

/// Cuts `text` at its `+++` fences. The fences must be alone on their lines.
pub(crate) fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != FENCE {
        return Err(SplitError::Missing);
    }
    let front_offset = start + first_line_end;
    let mut offset = front_offset;
    for line in text[front_offset..].split_inclusive('\n') {
        if line.trim_end() == FENCE {
            let body_offset = offset + line.len();
            return Ok(Split {
                front: &text[front_offset..offset],
                front_offset,
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err(SplitError::Unclosed)
}

/// Parses a whole document: split, then TOML, then the unknown-key check.
/// Returns every problem found, each with its line.
pub fn parse<'a>(
    path: &Path,
    text: &'a str,
    lines: &LineIndex,
) -> Result<(FrontMatter, Split<'a>), Vec<Diagnostic>> {
    let split = split(text).map_err(|e| vec![split_error(path, e)])?;
    let position = |span: Range<usize>| lines.position(text, split.front_offset + span.start);

    let table =
        toml::de::DeTable::parse(split.front).map_err(|e| {
            vec![
            Diagnostic::error(
                "front-matter",
                path,
                e.span().map_or(Position::new(1, 1), position),
                format!("front matter is not valid TOML: {}", first_line(e.message())),
            )
            .with_hint(
                "each line is `key = value`; text goes in double quotes (title = \"Chronology\"), \
                 dates are written 2026-04-01, lists in square brackets",
            ),
        ]
        })?;

    let mut problems = unknown_keys(path, table.get_ref(), &position);
    problems.sort_by_key(|d| (d.line, d.column));
    let mut table = table;
    let untitled_addition = adds_without_title(table.get_ref());
    if untitled_addition {
        // The base page's title is used; the empty one here is never shown.
        table.get_mut().insert(
            toml::Spanned::new(0..0, "title".into()),
            toml::Spanned::new(0..0, toml::de::DeValue::String("".into())),
        );
    }
    let front = FrontMatter::deserialize(toml::de::Deserializer::from(table)).map_err(|e| {
        let message = e.message().to_string();
        let hint = if message.contains("missing field `title`") {
            "every page needs a title: add a line such as title = \"Chronology\" between the +++ lines".to_string()
        } else if message.contains("the version is a bare number") {
            let written = e.span().and_then(|s| split.front.get(s)).unwrap_or("2.10");
            format!("write version = \"{}\"", written.trim())
        } else {
            "check the value's type: text in double quotes, numbers bare, dates as 2026-04-01".to_string()
        };
        Diagnostic::error(
            "front-matter",
            path,
            e.span().map_or(Position::new(1, 1), position),
            first_line(&message).to_string(),
        )
        .with_hint(hint)
    });
    if let Ok(front) = &front
        && front.title.trim().is_empty()
        && !untitled_addition
    {
        problems.push(empty_title(path, text, lines));
    }
    match front {
        Ok(front) if problems.is_empty() => Ok((front, split)),
        Ok(_) => Err(problems),
        Err(d) => {
            problems.push(d);
            Err(problems)
        }
    }
}

/// True for front matter with `extends = true` and no title.
fn adds_without_title(table: &toml::de::DeTable<'_>) -> bool {
    let value = |key: &str| {
        table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v.get_ref())
    };
    matches!(value("extends"), Some(toml::de::DeValue::Boolean(true))) && value("title").is_none()
}

/// Where the value of `key` is written in a file, as a byte range of `text`: the whole value, or
/// item `index` of an array value. Messages about a value (an unknown related term, a duplicate
/// alias) point at it rather than at the top of the file. None when the key is absent.
pub(crate) fn value_span(text: &str, key: &str, index: Option<usize>) -> Option<Range<usize>> {
    let split = split(text).ok()?;
    let table = toml::de::DeTable::parse(split.front).ok()?;
    let (_, value) = table
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)?;
    let span = match (index, value.get_ref()) {
        (Some(i), toml::de::DeValue::Array(items)) => items.get(i)?.span(),
        _ => value.span(),
    };
    Some(split.front_offset + span.start..split.front_offset + span.end)
}

/// A blank title would make an empty heading, and empty links to the page everywhere.
fn empty_title(path: &Path, text: &str, lines: &LineIndex) -> Diagnostic {
    let position = value_span(text, "title", None)
        .map_or(Position::new(1, 1), |span| lines.position(text, span.start));
    Diagnostic::error("front-matter", path, position, "the title is empty").with_hint(
        "write the words readers will see as the page's heading and in links to it, such as title = \"Chronology\"",
    )
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

fn split_error(path: &Path, error: SplitError) -> Diagnostic {
    match error {
        SplitError::Missing => Diagnostic::error(
            "front-matter",
            path,
            Position::new(1, 1),
            "the file does not start with front matter",
        )
        .with_hint("start the file with a line `+++`, then `title = \"Page title\"`, then another `+++` line"),
        SplitError::Unclosed => Diagnostic::error(
            "front-matter",
            path,
            Position::new(1, 1),
            "front matter opened with `+++` is never closed",
        )
        .with_hint("add a line with only `+++` after the last front matter line"),
    }
}

/// Reports every key that no document may set, at its line, with the nearest known key.
fn unknown_keys(
    path: &Path,
    table: &toml::de::DeTable<'_>,
    position: &dyn Fn(Range<usize>) -> Position,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let top = field_names::<FrontMatter>();
    for (key, value) in table {
        let name: &str = key.get_ref();
        if !top.contains(&name) {
            problems.push(unknown_key(path, name, key.span(), top, position));
        } else if let Some(fields) = nested_fields(name)
            && let toml::de::DeValue::Array(entries) = value.get_ref()
        {
            for entry in entries {
                if let toml::de::DeValue::Table(t) = entry.get_ref() {
                    for key in t.keys() {
                        if !fields.contains(&key.get_ref().as_ref()) {
                            problems.push(unknown_key(
                                path,
                                key.get_ref(),
                                key.span(),
                                fields,
                                position,
                            ));
                        }
                    }
                }
            }
        }
    }
    problems
}

/// The keys of the tables in an array of tables (`[[changes]]`, `[[documents]]`).
fn nested_fields(name: &str) -> Option<&'static [&'static str]> {
    match name {
        "changes" => Some(field_names::<Change>()),
        "documents" => Some(field_names::<DocumentEntry>()),
        _ => None,
    }
}

fn unknown_key(
    path: &Path,
    name: &str,
    span: Range<usize>,
    known: &[&str],
    position: &dyn Fn(Range<usize>) -> Position,
) -> Diagnostic {
    let d = Diagnostic::error(
        "unknown-key",
        path,
        position(span),
        format!("unknown front matter key `{name}`"),
    );
    match suggest(name, known.iter().copied()) {
        Some(near) => d.with_hint(format!("did you mean `{near}`?")),
        None => d.with_hint(format!("known keys are: {}", known.join(", "))),
    }
}

/// The field names serde knows for `T`, read from its derived `Deserialize` so the list of
/// known keys can never drift from the struct.
pub(crate) fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Probe(Option<&'static [&'static str]>);
    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("stop")
        }
    }
    impl std::error::Error for Stop {}
    impl serde::de::Error for Stop {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Stop
        }
    }
    impl<'de> Deserializer<'de> for &mut Probe {
        type Error = Stop;
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Stop> {
            self.0 = Some(fields);
            Err(Stop)
        }
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut probe = Probe(None);
    let _ = T::deserialize(&mut probe);
    probe.0.unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
        let lines = LineIndex::new(text);
        parse(Path::new("content/a.md"), text, &lines).map(|(f, _)| f)
    }

    #[test]
    fn split_finds_front_matter_and_body_offsets() {
        let text = "+++\ntitle = \"A\"\n+++\nBody\n";
        let s = split(text).unwrap();
        assert_eq!(s.front, "title = \"A\"\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(&text[s.body_offset..], "Body\n");
    }

    #[test]
    fn split_reports_missing_and_unclosed_fences() {
        assert_eq!(split("# Hello\n"), Err(SplitError::Missing));
        assert_eq!(split("+++\ntitle = \"A\"\n"), Err(SplitError::Unclosed));
        // A fence must be alone on its line.
        assert_eq!(split("+++ x\n+++\n"), Err(SplitError::Missing));
    }

    #[test]
    fn parses_document_control_and_changes() {
        let f = parse_str(
            "+++\ntitle = \"Vision\"\nversion = \"2.0\"\nreview_due = \"2027-03\"\n\
             [[changes]]\ndate = 2026-04-01\nsummary = \"First published\"\n+++\n",
        )
        .unwrap();
        assert_eq!(f.version.as_deref(), Some("2.0"));
        assert_eq!(f.review_due.unwrap().human(), "March 2027");
        assert_eq!(f.changes.len(), 1);
        assert!(!f.changes[0].minor);
    }

    #[test]
    fn unknown_keys_are_reported_at_their_line_with_a_suggestion() {
        let errors = parse_str(
            "+++\ntitle = \"A\"\nreview_dew = 2027-01-01\n[[changes]]\ndate = 2026-01-01\nsumary = \"x\"\n+++\n",
        )
        .unwrap_err();
        let unknown: Vec<_> = errors.iter().filter(|d| d.rule == "unknown-key").collect();
        assert_eq!(unknown.len(), 2, "{errors:?}");
        assert_eq!((unknown[0].line, unknown[0].column), (3, 1));
        assert_eq!(
            unknown[0].hint.as_deref(),
            Some("did you mean `review_due`?")
        );
        assert_eq!(unknown[1].line, 6);
        assert_eq!(unknown[1].hint.as_deref(), Some("did you mean `summary`?"));
    }

    #[test]
    fn toml_syntax_errors_name_the_file_line() {
        let errors = parse_str("+++\ntitle = \"A\"\nowner = Safeguarding team\n+++\n").unwrap_err();
        assert_eq!(errors[0].line, 3, "{errors:?}");
        assert_eq!(errors[0].rule, "front-matter");
    }

    #[test]
    fn bad_dates_point_at_the_value() {
        let errors =
            parse_str("+++\ntitle = \"A\"\npublished = \"2026-02-30\"\n+++\n").unwrap_err();
        assert_eq!(errors[0].line, 3);
        assert!(errors[0].message.contains("not a real date"), "{errors:?}");
    }

    #[test]
    fn a_bare_number_version_is_refused_with_the_quoted_form_as_hint() {
        let errors = parse_str("+++\ntitle = \"A\"\nversion = 2.10\n+++\n").unwrap_err();
        assert_eq!((errors[0].line, errors[0].column), (3, 11), "{errors:?}");
        assert!(errors[0].message.contains("bare number"), "{errors:?}");
        assert_eq!(errors[0].hint.as_deref(), Some("write version = \"2.10\""));
        assert!(parse_str("+++\ntitle = \"A\"\nversion = 3\n+++\n").is_err());
    }

    #[test]
    fn an_empty_or_blank_title_is_an_error_at_its_line() {
        for title in ["\"\"", "\"   \"", "\"\\t\""] {
            let errors =
                parse_str(&format!("+++\nsummary = \"S\"\ntitle = {title}\n+++\n")).unwrap_err();
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!((errors[0].line, errors[0].column), (3, 9), "{errors:?}");
            assert_eq!(errors[0].message, "the title is empty");
        }
    }

    #[test]
    fn missing_title_is_explained() {
        let errors = parse_str("+++\nsummary = \"x\"\n+++\n").unwrap_err();
        assert!(errors[0].message.contains("title"));
        assert!(
            errors[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("every page needs a title")
        );
    }

    #[test]
    fn value_spans_point_at_values_and_array_items() {
        let text = "+++\ntitle = \"A\"\nrelated = [\"One\", \"Two\"]\n+++\nBody\n";
        let span = value_span(text, "title", None).unwrap();
        assert_eq!(&text[span], "\"A\"");
        let span = value_span(text, "related", Some(1)).unwrap();
        assert_eq!(&text[span], "\"Two\"");
        assert_eq!(value_span(text, "related", Some(2)), None);
        assert_eq!(value_span(text, "summary", None), None);
    }

    #[test]
    fn the_kinds_keys_are_known_and_misspellings_get_a_suggestion() {
        let f = parse_str(
            "+++\ntitle = \"Course\"\nstart = 2027-02-10T09:30:00\nend = 12:30:00\n\
             venue = \"Hall\"\nbooking_url = \"https://example.org/\"\nstatus = \"full\"\n\
             [[documents]]\nfile = \"a.docx\"\nalternative = \"a.md\"\n+++\n",
        )
        .unwrap();
        assert_eq!(f.status, Some(EventStatus::Full));
        assert_eq!(f.documents[0].alternative.as_deref(), Some("a.md"));
        let errors = parse_str(
            "+++\ntitle = \"A\"\nbookng_url = \"x\"\nsource_reveiw = \"y\"\n\
             [[documents]]\nfile = \"a.pdf\"\ntitel = \"T\"\n+++\n",
        )
        .unwrap_err();
        let hints: Vec<_> = errors.iter().filter_map(|d| d.hint.as_deref()).collect();
        assert_eq!(
            hints,
            [
                "did you mean `booking_url`?",
                "did you mean `source_review`?",
                "did you mean `title`?"
            ],
            "{errors:?}"
        );
        let errors =
            parse_str("+++\ntitle = \"A\"\nstart = 2027-02-10T09:30:00Z\n+++\n").unwrap_err();
        assert!(errors[0].message.contains("time zone"), "{errors:?}");
        assert!(parse_str("+++\ntitle = \"A\"\nstatus = \"maybe\"\n+++\n").is_err());
    }

    #[test]
    fn field_names_come_from_the_struct() {
        let names = field_names::<FrontMatter>();
        assert!(names.contains(&"review_due") && names.contains(&"changes"));
        assert_eq!(field_names::<Change>(), &["date", "summary", "minor"]);
    }
}
