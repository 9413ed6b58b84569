//! A paragraph's content: runs of text with their formatting, line breaks, links, bookmarks,
//! note marks, pictures, and the tracked changes, comments and equations that cannot come
//! along.

use roxmltree::Node;

use super::reader::Reader;
use super::styles::character_style;
use super::xml::{r_attr, w_attr, w_child, w_child_val, w_name, w_toggle};
use crate::import::model::{Inline, LinkTarget, LostKind, NoteKind, TextStyle};

impl Reader<'_> {
    /// Reads the inline children of a paragraph, link or other wrapper.
    pub(super) fn inlines(&mut self, node: Node<'_, '_>) {
        for child in node.children() {
            match w_name(child) {
                "r" => self.run(child),
                "hyperlink" => self.hyperlink(child),
                "bookmarkStart" => self.bookmark(child),
                "ins" | "moveTo" => {
                    self.lose_tracked_change();
                    self.inlines(child);
                }
                "del" | "moveFrom" => self.lose_tracked_change(),
                "smartTag" | "customXml" | "dir" | "bdo" => self.inlines(child),
                "sdt" => {
                    if let Some(content) = w_child(child, "sdtContent") {
                        self.inlines(content);
                    }
                }
                "fldSimple" => self.simple_field(child),
                "" => self.foreign_inline(child),
                _ => {}
            }
        }
    }

    /// Elements from other vocabularies inside a paragraph: equations and alternate content.
    fn foreign_inline(&mut self, node: Node<'_, '_>) {
        match node.tag_name().name() {
            "oMath" | "oMathPara" => {
                let text: String = node
                    .descendants()
                    .filter(|d| d.is_element() && d.tag_name().name() == "t")
                    .filter_map(|d| d.text())
                    .collect();
                self.lose(LostKind::Equation, text);
            }
            "AlternateContent" => {
                if let Some(choice) = alternate_choice(node) {
                    self.inlines(choice);
                }
            }
            _ => {}
        }
    }

    fn run(&mut self, run: Node<'_, '_>) {
        let rpr = w_child(run, "rPr");
        if rpr.and_then(|p| w_toggle(p, "vanish")) == Some(true) {
            return;
        }
        let style = self.text_style(rpr);
        self.run_content(run, style);
    }

    fn run_content(&mut self, run: Node<'_, '_>, style: TextStyle) {
        for child in run.children() {
            match w_name(child) {
                "t" => self.emit(Inline::Text {
                    text: child.text().unwrap_or("").to_string(),
                    style,
                }),
                "tab" | "ptab" => self.emit(Inline::Text {
                    text: "\t".into(),
                    style,
                }),
                "br" if !matches!(w_attr(child, "type"), Some("page" | "column")) => {
                    self.emit(Inline::LineBreak);
                }
                "cr" => self.emit(Inline::LineBreak),
                "noBreakHyphen" => self.emit(Inline::Text {
                    text: "\u{2011}".into(),
                    style,
                }),
                "drawing" => self.drawing(child),
                "pict" => self.vml(child),
                "object" => self.lose(LostKind::EmbeddedObject, ""),
                "footnoteReference" => self.note_ref(NoteKind::Footnote, child),
                "endnoteReference" => self.note_ref(NoteKind::Endnote, child),
                "fldChar" => self.field_char(child),
                "instrText" => self.field_instruction(child.text().unwrap_or("")),
                "commentReference" => self.comment(child),
                "" if child.tag_name().name() == "AlternateContent" => {
                    if let Some(choice) = alternate_choice(child) {
                        self.run_content(choice, style);
                    }
                }
                _ => {}
            }
        }
    }

    /// Bold, italic and strikethrough: the run's character style, then its own settings.
    fn text_style(&self, rpr: Option<Node<'_, '_>>) -> TextStyle {
        let Some(rpr) = rpr else {
            return TextStyle::default();
        };
        let named = w_child_val(rpr, "rStyle")
            .map(|id| self.styles.character(id))
            .unwrap_or_default();
        let direct = character_style(rpr);
        TextStyle {
            bold: direct.bold.or(named.bold).unwrap_or(false),
            italic: direct.italic.or(named.italic).unwrap_or(false),
            strike: direct.strike.or(named.strike).unwrap_or(false),
        }
    }

    fn note_ref(&mut self, kind: NoteKind, node: Node<'_, '_>) {
        if let Some(id) = w_attr(node, "id") {
            self.emit(Inline::NoteRef {
                kind,
                id: id.to_string(),
            });
        }
    }

    fn comment(&mut self, node: Node<'_, '_>) {
        let found = w_attr(node, "id")
            .and_then(|id| self.comments.get(id))
            .cloned();
        let (author, text) = found.map_or_else(Default::default, |c| (c.author, c.text));
        self.lose(LostKind::Comment { author, text }, "");
    }

    /// `<w:bookmarkStart w:name="...">`: the place a link inside the document can go to.
    pub(super) fn bookmark(&mut self, node: Node<'_, '_>) {
        let Some(name) = w_attr(node, "name") else {
            return;
        };
        if name == "_GoBack" || self.at.is_none() {
            return;
        }
        self.pending_bookmarks.push(name.to_string());
    }

    fn hyperlink(&mut self, node: Node<'_, '_>) {
        let address = r_attr(node, "id")
            .and_then(|id| self.rels.get(id))
            .map(|r| r.target.clone());
        let anchor = w_attr(node, "anchor");
        self.open_sink();
        self.inlines(node);
        let content = self.close_sink();
        match link_target(address.as_deref().unwrap_or(""), anchor) {
            Ok(target) => self.emit(Inline::Link { target, content }),
            Err(unsupported) => {
                if !unsupported.is_empty() {
                    self.lose(LostKind::LinkToFile(unsupported), "");
                }
                for inline in content {
                    self.emit(inline);
                }
            }
        }
    }
}

/// Where a link goes: a web address, email or phone number, or a bookmark in the document.
/// Anything else (a file on a shared drive, another document) is returned as the error, to
/// be kept as text.
pub(super) fn link_target(address: &str, anchor: Option<&str>) -> Result<LinkTarget, String> {
    let address = address.trim();
    let anchor = anchor.map(str::trim).filter(|a| !a.is_empty());
    if address.is_empty() {
        return anchor
            .map(|a| LinkTarget::Bookmark(a.to_string()))
            .ok_or_default();
    }
    let lower = address.to_ascii_lowercase();
    let with_anchor = |url: String| match anchor {
        Some(a) => format!("{url}#{a}"),
        None => url,
    };
    if ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        Ok(LinkTarget::External(with_anchor(address.to_string())))
    } else if lower.starts_with("www.") {
        Ok(LinkTarget::External(with_anchor(format!(
            "https://{address}"
        ))))
    } else {
        Err(address.to_string())
    }
}

trait OkOrDefault<T> {
    fn ok_or_default(self) -> Result<T, String>;
}

impl<T> OkOrDefault<T> for Option<T> {
    fn ok_or_default(self) -> Result<T, String> {
        self.ok_or_else(String::new)
    }
}

/// The branch of `<mc:AlternateContent>` to read: the first `<mc:Choice>` (what Word shows),
/// else the fallback.
pub(super) fn alternate_choice<'a, 'i>(node: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == "Choice")
        .or_else(|| {
            node.children()
                .find(|c| c.is_element() && c.tag_name().name() == "Fallback")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_web_email_and_phone_addresses_and_bookmarks() {
        assert_eq!(
            link_target("https://www.gov.uk/x", Some("part-2")),
            Ok(LinkTarget::External("https://www.gov.uk/x#part-2".into()))
        );
        assert_eq!(
            link_target("www.nspcc.org.uk", None),
            Ok(LinkTarget::External("https://www.nspcc.org.uk".into()))
        );
        assert_eq!(
            link_target("mailto:team@council.example", None),
            Ok(LinkTarget::External("mailto:team@council.example".into()))
        );
        assert_eq!(
            link_target("", Some("Appendix1")),
            Ok(LinkTarget::Bookmark("Appendix1".into()))
        );
        assert_eq!(
            link_target("file:///S:/Policies/escalation.docx", None),
            Err("file:///S:/Policies/escalation.docx".into())
        );
        assert_eq!(link_target("", None), Err(String::new()));
    }
}
