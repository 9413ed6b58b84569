//! The parts beside the body: footnotes, endnotes, comments (for the report) and the
//! document's title from its properties.

use std::collections::HashMap;

use super::reader::Reader;
use super::relationships::Relationships;
use super::styles::Styles;
use super::xml::{self, w_attr};
use crate::import::error::ImportError;
use crate::import::model::{Block, Lost, NoteKind};
use crate::import::package::Package;

/// A comment, for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Comment {
    pub author: String,
    pub text: String,
}

/// Every comment by id.
pub(super) fn comments(
    package: &Package,
    part: Option<&str>,
) -> Result<HashMap<String, Comment>, ImportError> {
    let mut out = HashMap::new();
    let Some(part) = part else {
        return Ok(out);
    };
    let Some(text) = package.text(part)? else {
        return Ok(out);
    };
    let doc = xml::parse(package, part, text)?;
    for node in doc
        .root_element()
        .children()
        .filter(|c| xml::is_w(*c, "comment"))
    {
        if let Some(id) = w_attr(node, "id") {
            out.insert(
                id.to_string(),
                Comment {
                    author: w_attr(node, "author").unwrap_or("").to_string(),
                    text: xml::text_of(node),
                },
            );
        }
    }
    Ok(out)
}

/// What one notes part held.
pub(super) struct Notes {
    pub notes: Vec<((NoteKind, String), Vec<Block>)>,
    pub lost: Vec<Lost>,
}

/// The footnotes or endnotes in `part`, leaving out Word's separator lines.
pub(super) fn notes(
    package: &Package,
    kind: NoteKind,
    part: Option<&str>,
    styles: &Styles,
    comments: &HashMap<String, Comment>,
) -> Result<Notes, ImportError> {
    let mut found = Notes {
        notes: Vec::new(),
        lost: Vec::new(),
    };
    let Some(part) = part else {
        return Ok(found);
    };
    let Some(text) = package.text(part)? else {
        return Ok(found);
    };
    let rels = Relationships::of_part(package, part)?;
    let doc = xml::parse(package, part, text)?;
    let element = match kind {
        NoteKind::Footnote => "footnote",
        NoteKind::Endnote => "endnote",
    };
    let mut reader = Reader::new(&rels, styles, comments);
    for node in doc
        .root_element()
        .children()
        .filter(|c| xml::is_w(*c, element))
    {
        if matches!(
            w_attr(node, "type"),
            Some("separator" | "continuationSeparator" | "continuationNotice")
        ) {
            continue;
        }
        let Some(id) = w_attr(node, "id") else {
            continue;
        };
        let blocks = reader.inner_blocks(node);
        found.notes.push(((kind, id.to_string()), blocks));
    }
    found.lost = reader.lost;
    Ok(found)
}

/// The title in the document's properties (`docProps/core.xml`), if set.
pub(super) fn property_title(
    package: &Package,
    part: Option<&str>,
) -> Result<Option<String>, ImportError> {
    let part = part.unwrap_or("docProps/core.xml");
    let Some(text) = package.text(part)? else {
        return Ok(None);
    };
    let doc = xml::parse(package, part, text)?;
    Ok(doc
        .root_element()
        .children()
        .find(|c| c.is_element() && c.tag_name().name() == "title")
        .and_then(|t| t.text())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty()))
}
