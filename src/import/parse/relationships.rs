//! Relationships: how one part of a .docx names another (`r:id="rId5"` to
//! `word/media/image1.png`, or to a web address).

use std::collections::HashMap;

use super::xml;
use crate::import::error::ImportError;
use crate::import::package::Package;

/// One part's relationships by id.
#[derive(Debug, Default)]
pub(super) struct Relationships {
    by_id: HashMap<String, Relationship>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Relationship {
    /// The relationship type's last word: `image`, `hyperlink`, `styles`, `footnotes`.
    pub kind: String,
    /// For an internal target, the part's full name in the package; for an external one, the
    /// address as written.
    pub target: String,
    pub external: bool,
}

impl Relationships {
    /// The relationships of the part `part` (read from `dir/_rels/name.rels`); none if the
    /// package has no such file.
    pub(super) fn of_part(package: &Package, part: &str) -> Result<Relationships, ImportError> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let rels_name = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let Some(text) = package.text(&rels_name)? else {
            return Ok(Relationships::default());
        };
        let doc = xml::parse(package, &rels_name, text)?;
        let mut by_id = HashMap::new();
        for node in doc.root_element().children().filter(|n| n.is_element()) {
            let (Some(id), Some(kind), Some(target)) = (
                xml::attr(node, "Id"),
                xml::attr(node, "Type"),
                xml::attr(node, "Target"),
            ) else {
                continue;
            };
            let external = xml::attr(node, "TargetMode") == Some("External");
            let target = if external {
                target.to_string()
            } else {
                resolve(dir, target)
            };
            let kind = kind.rsplit('/').next().unwrap_or(kind).to_string();
            by_id.insert(
                id.to_string(),
                Relationship {
                    kind,
                    target,
                    external,
                },
            );
        }
        Ok(Relationships { by_id })
    }

    pub(super) fn get(&self, id: &str) -> Option<&Relationship> {
        self.by_id.get(id)
    }

    /// The target part of the first relationship of a kind (`styles`, `numbering`).
    pub(super) fn part_of_kind(&self, kind: &str) -> Option<&str> {
        let mut found: Vec<&Relationship> = self
            .by_id
            .values()
            .filter(|r| r.kind == kind && !r.external)
            .collect();
        found.sort_by(|a, b| a.target.cmp(&b.target));
        found.first().map(|r| r.target.as_str())
    }
}

/// A target relative to the folder `dir`, as a part name: `media/a.png` from `word` is
/// `word/media/a.png`; `/word/x.xml` is absolute; `..` climbs.
fn resolve(dir: &str, target: &str) -> String {
    let target = target.split('#').next().unwrap_or(target);
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_part_folder() {
        assert_eq!(resolve("word", "media/image1.png"), "word/media/image1.png");
        assert_eq!(resolve("word", "/word/media/a.png"), "word/media/a.png");
        assert_eq!(
            resolve("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
    }
}
