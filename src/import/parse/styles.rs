//! Styles: which paragraphs are headings, titles, quotations, list items or table-of-contents
//! lines, and which character styles make text bold or italic. Word documents say this
//! through named styles (`Heading 2`) rather than on each paragraph.

use std::collections::HashMap;

use roxmltree::Node;

use super::xml::{self, w_attr, w_child, w_child_val, w_toggle};
use crate::import::error::ImportError;
use crate::import::package::Package;

/// What a paragraph style makes a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct ParagraphStyle {
    /// Heading 1 to 9 (from the style's name or its outline level).
    pub heading: Option<u8>,
    pub title: bool,
    pub subtitle: bool,
    pub quote: bool,
    /// A line of Word's table of contents (`TOC 1`, `TOC Heading`).
    pub contents: bool,
    /// Numbering the style applies: (numbering id, level).
    pub list: Option<(u32, u8)>,
}

/// Formatting a character style applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct CharacterStyle {
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub strike: Option<bool>,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    paragraph: HashMap<String, ParagraphStyle>,
    character: HashMap<String, CharacterStyle>,
}

/// One `<w:style>` as written, before following `basedOn`.
#[derive(Debug, Default, Clone)]
struct RawStyle {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    list: Option<(u32, u8)>,
    chars: CharacterStyle,
}

impl Styles {
    pub(super) fn read(package: &Package, part: Option<&str>) -> Result<Styles, ImportError> {
        let Some(part) = part else {
            return Ok(Styles::default());
        };
        let Some(text) = package.text(part)? else {
            return Ok(Styles::default());
        };
        let doc = xml::parse(package, part, text)?;
        Ok(Styles::from_root(doc.root_element()))
    }

    fn from_root(root: Node<'_, '_>) -> Styles {
        let mut paragraph_raw = HashMap::new();
        let mut character_raw = HashMap::new();
        for style in root.children().filter(|c| xml::is_w(*c, "style")) {
            let Some(id) = w_attr(style, "styleId") else {
                continue;
            };
            let raw = raw_style(style);
            match w_attr(style, "type") {
                Some("paragraph") | None => paragraph_raw.insert(id.to_string(), raw),
                Some("character") => character_raw.insert(id.to_string(), raw),
                _ => None,
            };
        }
        let paragraph = paragraph_raw
            .keys()
            .map(|id| (id.clone(), resolve_paragraph(&paragraph_raw, id)))
            .collect();
        let character = character_raw
            .keys()
            .map(|id| (id.clone(), resolve_character(&character_raw, id)))
            .collect();
        Styles {
            paragraph,
            character,
        }
    }

    /// The paragraph style with this id (`Heading1`), or a plain paragraph if unknown. A style
    /// id that is not defined is read by its look (`Heading1`, `Title`), as Word does for its
    /// built-in styles.
    pub(super) fn paragraph(&self, id: &str) -> ParagraphStyle {
        self.paragraph
            .get(id)
            .copied()
            .unwrap_or_else(|| by_name(id, None))
    }

    pub(super) fn character(&self, id: &str) -> CharacterStyle {
        self.character.get(id).copied().unwrap_or_default()
    }
}

fn raw_style(style: Node<'_, '_>) -> RawStyle {
    let name = w_child_val(style, "name").unwrap_or("").to_string();
    let based_on = w_child_val(style, "basedOn").map(str::to_string);
    let ppr = w_child(style, "pPr");
    let outline = ppr
        .and_then(|p| w_child_val(p, "outlineLvl"))
        .and_then(|v| v.parse::<u8>().ok());
    let list = ppr
        .and_then(w_num_pr)
        .and_then(|(num, level)| num.map(|n| (n, level)));
    let chars = w_child(style, "rPr")
        .map(character_style)
        .unwrap_or_default();
    RawStyle {
        name,
        based_on,
        outline,
        list,
        chars,
    }
}

/// `<w:numPr>` of a paragraph's or style's properties: numbering id (0 means "no list") and
/// level.
pub(super) fn w_num_pr(ppr: Node<'_, '_>) -> Option<(Option<u32>, u8)> {
    let num_pr = w_child(ppr, "numPr")?;
    let num = w_child_val(num_pr, "numId").and_then(|v| v.parse::<u32>().ok());
    let level = w_child_val(num_pr, "ilvl")
        .and_then(|v| v.parse::<u8>().ok())
        .unwrap_or(0)
        .min(8);
    Some((num, level))
}

/// Bold, italic and strikethrough set in `<w:rPr>`.
pub(super) fn character_style(rpr: Node<'_, '_>) -> CharacterStyle {
    CharacterStyle {
        bold: w_toggle(rpr, "b"),
        italic: w_toggle(rpr, "i"),
        strike: w_toggle(rpr, "strike").or(w_toggle(rpr, "dstrike")),
    }
}

/// Follows `basedOn` (at most ten steps, in case of a loop) and reads the style's role from
/// the first name that says one.
fn resolve_paragraph(raw: &HashMap<String, RawStyle>, id: &str) -> ParagraphStyle {
    let mut current = Some(id);
    let mut outline = None;
    let mut list = None;
    for _ in 0..10 {
        let Some(style) = current.and_then(|id| raw.get(id)) else {
            break;
        };
        outline = outline.or(style.outline);
        list = list.or(style.list);
        let found = by_name(&style.name, outline);
        if found != ParagraphStyle::default() {
            return ParagraphStyle { list, ..found };
        }
        current = style.based_on.as_deref();
    }
    ParagraphStyle {
        list,
        ..by_name(id, outline)
    }
}

fn resolve_character(raw: &HashMap<String, RawStyle>, id: &str) -> CharacterStyle {
    let mut out = CharacterStyle::default();
    let mut current = Some(id);
    for _ in 0..10 {
        let Some(style) = current.and_then(|id| raw.get(id)) else {
            break;
        };
        out.bold = out.bold.or(style.chars.bold);
        out.italic = out.italic.or(style.chars.italic);
        out.strike = out.strike.or(style.chars.strike);
        current = style.based_on.as_deref();
    }
    let name = raw
        .get(id)
        .map_or(id, |s| s.name.as_str())
        .to_ascii_lowercase();
    if out.bold.is_none() && (name == "strong" || name == "intense emphasis") {
        out.bold = Some(true);
    }
    if out.italic.is_none() && (name == "emphasis" || name == "subtle emphasis") {
        out.italic = Some(true);
    }
    out
}

/// The role a style name (or id) gives: "heading 2", "Heading2", "Title", "TOC 1", "Quote".
fn by_name(name: &str, outline: Option<u8>) -> ParagraphStyle {
    let lower: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let mut style = ParagraphStyle::default();
    if let Some(n) = lower.strip_prefix("heading")
        && let Ok(level @ 1..=9) = n.parse::<u8>()
    {
        style.heading = Some(level);
        return style;
    }
    match lower.as_str() {
        "title" => style.title = true,
        "subtitle" => style.subtitle = true,
        "quote" | "intensequote" | "blocktext" => style.quote = true,
        _ if lower.starts_with("toc") || lower == "tableofcontents" => style.contents = true,
        _ => {
            if let Some(level @ 0..=8) = outline {
                style.heading = Some(level + 1);
            }
        }
    }
    style
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>
      <w:style w:type="paragraph" w:styleId="ChapterHead"><w:name w:val="Chapter Head"/><w:basedOn w:val="Heading1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Outlined"><w:name w:val="Outlined"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>
      <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/></w:style>
    </w:styles>"#;

    #[test]
    fn finds_headings_by_name_basis_and_outline_level() {
        let doc = roxmltree::Document::parse(STYLES).unwrap();
        let styles = Styles::from_root(doc.root_element());
        assert_eq!(styles.paragraph("Heading1").heading, Some(1));
        assert_eq!(styles.paragraph("berschrift2").heading, Some(2));
        assert_eq!(styles.paragraph("ChapterHead").heading, Some(1));
        assert_eq!(styles.paragraph("Outlined").heading, Some(3));
        assert_eq!(styles.paragraph("Normal"), ParagraphStyle::default());
        assert_eq!(styles.paragraph("ListBullet").list, Some((4, 0)));
        assert!(styles.paragraph("TOC1").contents);
        // Not defined in styles.xml: read by its id.
        assert_eq!(styles.paragraph("Heading3").heading, Some(3));
        assert!(styles.paragraph("Title").title);
        assert_eq!(styles.character("Strong").bold, Some(true));
        assert_eq!(styles.character("Emphasis").italic, Some(true));
    }
}
