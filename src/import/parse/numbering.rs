//! Numbering: which lists are bulleted and which numbered, where each starts, and where a
//! list restarts. Word keeps this in `numbering.xml`: abstract list definitions, and numbering
//! instances (`w:num`) that use them, possibly restarting a level.

use std::collections::{HashMap, HashSet};

use super::xml::{self, w_attr, w_child, w_child_val};
use crate::import::error::ImportError;
use crate::import::model::{Block, Content, ListItem, ParagraphKind};
use crate::import::package::Package;

#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// Abstract list id, by numbering instance.
    abstract_of: HashMap<u32, u32>,
    /// Per abstract list, per level: numbered (not bullets) and the first number.
    levels: HashMap<(u32, u8), Level>,
    /// Levels a numbering instance restarts, with the number to restart at.
    overrides: HashMap<(u32, u8), u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Level {
    numbered: bool,
    start: u32,
}

impl Numbering {
    pub(super) fn read(package: &Package, part: Option<&str>) -> Result<Numbering, ImportError> {
        let Some(part) = part else {
            return Ok(Numbering::default());
        };
        let Some(text) = package.text(part)? else {
            return Ok(Numbering::default());
        };
        let doc = xml::parse(package, part, text)?;
        Ok(Numbering::from_root(doc.root_element()))
    }

    fn from_root(root: roxmltree::Node<'_, '_>) -> Numbering {
        let number = |v: Option<&str>| v.and_then(|v| v.parse::<u32>().ok());
        let mut out = Numbering::default();
        for node in root.children() {
            if xml::is_w(node, "abstractNum") {
                let Some(id) = number(w_attr(node, "abstractNumId")) else {
                    continue;
                };
                for lvl in node.children().filter(|c| xml::is_w(*c, "lvl")) {
                    let Some(level) = number(w_attr(lvl, "ilvl")) else {
                        continue;
                    };
                    let format = w_child_val(lvl, "numFmt").unwrap_or("decimal");
                    let start = number(w_child_val(lvl, "start")).unwrap_or(1);
                    out.levels.insert(
                        (id, level.min(8) as u8),
                        Level {
                            numbered: !matches!(format, "bullet" | "none"),
                            start,
                        },
                    );
                }
            } else if xml::is_w(node, "num") {
                let (Some(num), Some(abs)) = (
                    number(w_attr(node, "numId")),
                    number(w_child_val(node, "abstractNumId")),
                ) else {
                    continue;
                };
                out.abstract_of.insert(num, abs);
                for o in node.children().filter(|c| xml::is_w(*c, "lvlOverride")) {
                    let Some(level) = number(w_attr(o, "ilvl")) else {
                        continue;
                    };
                    let start = w_child(o, "startOverride")
                        .and_then(|s| number(w_attr(s, "val")))
                        .or_else(|| {
                            w_child(o, "lvl").and_then(|l| number(w_child_val(l, "start")))
                        });
                    if let Some(start) = start {
                        out.overrides.insert((num, level.min(8) as u8), start);
                    }
                }
            }
        }
        out
    }

    fn level(&self, num: u32, level: u8) -> Level {
        self.abstract_of
            .get(&num)
            .and_then(|abs| self.levels.get(&(*abs, level)))
            .copied()
            .unwrap_or(Level {
                numbered: false,
                start: 1,
            })
    }

    /// Gives every numbered list item its number, as Word shows it: counting on through the
    /// document for each list, restarting a level where a numbering instance says so, and
    /// restarting the levels below an item.
    pub(super) fn assign_numbers(&self, blocks: &mut [Block]) {
        let mut counters: HashMap<u32, [Option<u32>; 9]> = HashMap::new();
        let mut restarted: HashSet<(u32, u8)> = HashSet::new();
        for item in list_items(blocks) {
            let level = self.level(item.num_id, item.level);
            let key = self
                .abstract_of
                .get(&item.num_id)
                .copied()
                .unwrap_or(item.num_id);
            let counter = counters.entry(key).or_insert([None; 9]);
            let l = usize::from(item.level);
            let restart = self.overrides.get(&(item.num_id, item.level)).copied();
            let n = match restart {
                Some(start) if restarted.insert((item.num_id, item.level)) => start,
                _ => counter[l].map_or(level.start, |n| n + 1),
            };
            counter[l] = Some(n);
            for deeper in counter.iter_mut().skip(l + 1) {
                *deeper = None;
            }
            item.number = level.numbered.then_some(n);
        }
    }
}

/// Every list item in `blocks`, table cells included, in document order.
fn list_items(blocks: &mut [Block]) -> Vec<&mut ListItem> {
    let mut out = Vec::new();
    for block in blocks {
        match &mut block.content {
            Content::Paragraph(p) => {
                if let ParagraphKind::ListItem(item) = &mut p.kind {
                    out.push(item);
                }
            }
            Content::Table(t) => {
                for cell in t.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                    out.extend(list_items(&mut cell.blocks));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::model::Paragraph;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    fn item(num_id: u32, level: u8) -> Block {
        Block {
            at: 0,
            content: Content::Paragraph(Paragraph::new(
                ParagraphKind::ListItem(ListItem {
                    num_id,
                    level,
                    number: None,
                }),
                vec![],
            )),
        }
    }

    fn numbers(blocks: &[Block]) -> Vec<Option<u32>> {
        blocks
            .iter()
            .map(|b| match b.paragraph().unwrap().kind {
                ParagraphKind::ListItem(i) => i.number,
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn numbers_continue_nest_and_restart_as_in_word() {
        let doc = roxmltree::Document::parse(NUMBERING).unwrap();
        let numbering = Numbering::from_root(doc.root_element());
        let mut blocks = vec![
            item(1, 0),
            item(1, 1),
            item(1, 1),
            item(1, 0),
            item(1, 1), // the level below starts again after a higher item
            item(2, 0), // bullets have no number
            item(1, 0), // the same list, continued after the bullets
            item(3, 0), // "Restart numbering": a new instance with a start override
            item(3, 0),
        ];
        numbering.assign_numbers(&mut blocks);
        assert_eq!(
            numbers(&blocks),
            [
                Some(1),
                Some(1),
                Some(2),
                Some(2),
                Some(1),
                None,
                Some(3),
                Some(1),
                Some(2)
            ]
        );
    }
}
