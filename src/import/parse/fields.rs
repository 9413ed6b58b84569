//! Word fields: `HYPERLINK` and `REF` fields become links, the table of contents and page
//! numbers are left out, and the shown result of any other field (a date, a caption number)
//! is kept as text. Fields come as `<w:fldSimple>` or as `<w:fldChar>` begin, instruction,
//! separate, result, end, which may span runs and paragraphs.

use roxmltree::Node;

use super::inline::link_target;
use super::reader::Reader;
use super::xml::w_attr;
use crate::import::model::{Inline, LinkTarget, LostKind};

/// A field being read.
#[derive(Debug)]
pub(super) struct Field {
    instruction: String,
    /// Past the `separate` mark: the runs now are the field's shown result.
    in_result: bool,
    action: Action,
    /// The reader's sink holding the link's content, while it is open.
    sink: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
enum Action {
    Keep,
    Hide,
    Link(LinkTarget),
}

impl Field {
    /// True while the field's content is not shown: its instruction, or a hidden result.
    pub(super) fn hides_content(&self) -> bool {
        !self.in_result || self.action == Action::Hide
    }

    /// The paragraph ended: its link content was kept as text.
    pub(super) fn sink_closed(&mut self) {
        self.sink = None;
    }
}

impl Reader<'_> {
    /// `<w:fldChar w:fldCharType="begin|separate|end"/>`.
    pub(super) fn field_char(&mut self, node: Node<'_, '_>) {
        match w_attr(node, "fldCharType") {
            Some("begin") => self.fields.push(Field {
                instruction: String::new(),
                in_result: false,
                action: Action::Keep,
                sink: None,
            }),
            Some("separate") => {
                let Some(instruction) = self.fields.last().map(|f| f.instruction.clone()) else {
                    return;
                };
                let action = self.action_for(&instruction);
                let sink = matches!(action, Action::Link(_)).then(|| {
                    self.open_sink();
                    self.sinks.len() - 1
                });
                if let Some(field) = self.fields.last_mut() {
                    field.in_result = true;
                    field.action = action;
                    field.sink = sink;
                }
            }
            Some("end") => {
                let Some(field) = self.fields.pop() else {
                    return;
                };
                if let (Action::Link(target), Some(sink)) = (field.action, field.sink)
                    && sink == self.sinks.len() - 1
                {
                    let content = self.close_sink();
                    self.emit(Inline::Link { target, content });
                }
            }
            _ => {}
        }
    }

    /// `<w:instrText>`: part of the open field's instruction.
    pub(super) fn field_instruction(&mut self, text: &str) {
        if let Some(field) = self.fields.last_mut()
            && !field.in_result
        {
            field.instruction.push_str(text);
        }
    }

    /// `<w:fldSimple w:instr="...">` with its result runs inside.
    pub(super) fn simple_field(&mut self, node: Node<'_, '_>) {
        let instruction = w_attr(node, "instr").unwrap_or("");
        match self.action_for(instruction) {
            Action::Hide => {}
            Action::Keep => self.inlines(node),
            Action::Link(target) => {
                self.open_sink();
                self.inlines(node);
                let content = self.close_sink();
                self.emit(Inline::Link { target, content });
            }
        }
    }

    fn action_for(&mut self, instruction: &str) -> Action {
        let words = field_words(instruction);
        let name = words
            .first()
            .map(|w| w.to_ascii_uppercase())
            .unwrap_or_default();
        let argument = words.iter().skip(1).find(|w| !w.starts_with('\\'));
        match name.as_str() {
            "HYPERLINK" => {
                let anchor = words
                    .iter()
                    .position(|w| w.eq_ignore_ascii_case("\\l"))
                    .and_then(|i| words.get(i + 1));
                let address = argument.filter(|a| Some(*a) != anchor).map(String::as_str);
                match link_target(address.unwrap_or(""), anchor.map(String::as_str)) {
                    Ok(target) => Action::Link(target),
                    Err(unsupported) => {
                        self.lose(LostKind::LinkToFile(unsupported), "");
                        Action::Keep
                    }
                }
            }
            "REF" => match argument {
                Some(bookmark) => Action::Link(LinkTarget::Bookmark(bookmark.clone())),
                None => Action::Keep,
            },
            "TOC" => {
                self.lose_contents();
                Action::Hide
            }
            "PAGEREF" | "PAGE" | "NUMPAGES" | "SECTIONPAGES" | "INDEX" | "TC" | "XE" | "TA"
            | "TOA" => Action::Hide,
            _ => Action::Keep,
        }
    }
}

/// A field instruction's words: `HYPERLINK "https://a.example/x y" \l "top"` is
/// `HYPERLINK`, `https://a.example/x y`, `\l`, `top`.
fn field_words(instruction: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in instruction.chars() {
        match c {
            '"' => {
                if quoted {
                    words.push(std::mem::take(&mut current));
                }
                quoted = !quoted;
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_instructions_with_quoted_arguments() {
        assert_eq!(
            field_words(r#" HYPERLINK "https://a.example/x y" \l "top" "#),
            ["HYPERLINK", "https://a.example/x y", "\\l", "top"]
        );
        assert_eq!(
            field_words("REF _Ref12345 \\h"),
            ["REF", "_Ref12345", "\\h"]
        );
    }
}
