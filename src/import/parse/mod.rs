//! Reading a .docx into the [`Document`] model: the main part through its relationships,
//! then its styles, numbering, comments, notes and properties.

mod body;
mod drawing;
mod fields;
mod inline;
mod notes;
mod numbering;
mod reader;
mod relationships;
mod styles;
mod xml;

use std::collections::HashMap;

use self::numbering::Numbering;
use self::reader::Reader;
use self::relationships::Relationships;
use self::styles::Styles;
use super::error::ImportError;
use super::model::{Document, NoteKind};
use super::package::Package;

/// Reads the whole document.
pub(crate) fn read(package: &Package) -> Result<Document, ImportError> {
    let root = Relationships::of_part(package, "")?;
    let main = root
        .part_of_kind("officeDocument")
        .unwrap_or("word/document.xml")
        .to_string();
    let corrupt = |reason: String| ImportError::Corrupt {
        path: package.path().to_path_buf(),
        reason,
    };
    let text = package
        .text(&main)?
        .ok_or_else(|| corrupt(format!("it has no main document part (`{main}`)")))?;
    let rels = Relationships::of_part(package, &main)?;
    let styles = Styles::read(package, rels.part_of_kind("styles"))?;
    let numbering = Numbering::read(package, rels.part_of_kind("numbering"))?;
    let comments = notes::comments(package, rels.part_of_kind("comments"))?;

    let xml = xml::parse(package, &main, text)?;
    let body = xml::w_child(xml.root_element(), "body")
        .ok_or_else(|| corrupt(format!("`{main}` has no document body")))?;
    let mut reader = Reader::new(&rels, &styles, &comments);
    let mut blocks = reader.body(body);
    numbering.assign_numbers(&mut blocks);

    let mut document = Document {
        blocks,
        notes: HashMap::new(),
        bookmarks: reader.bookmarks,
        property_title: notes::property_title(package, root.part_of_kind("core-properties"))?,
        lost: reader.lost,
    };
    for (kind, rel_kind) in [
        (NoteKind::Footnote, "footnotes"),
        (NoteKind::Endnote, "endnotes"),
    ] {
        let found = notes::notes(
            package,
            kind,
            rels.part_of_kind(rel_kind),
            &styles,
            &comments,
        )?;
        for (key, mut blocks) in found.notes {
            numbering.assign_numbers(&mut blocks);
            document.notes.insert(key, blocks);
        }
        document.lost.extend(found.lost);
    }
    Ok(document)
}
