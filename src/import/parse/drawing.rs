//! Pictures and other drawings. A picture becomes an image with its description as alt text;
//! SmartArt, charts, text boxes and shapes are reported as left out, with the words they held.

use roxmltree::Node;

use super::reader::Reader;
use super::xml::{attr, descendant, r_attr, text_of};
use crate::import::model::{Image, Inline, LostKind};

/// Picture formats a browser shows.
const WEB_FORMATS: &[&str] = &["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp"];

impl Reader<'_> {
    /// `<w:drawing>`: DrawingML, what Word 2007 and later write.
    pub(super) fn drawing(&mut self, node: Node<'_, '_>) {
        let doc_pr = descendant(node, "docPr");
        let uri = descendant(node, "graphicData")
            .and_then(|g| attr(g, "uri"))
            .unwrap_or("");
        let description = doc_pr.and_then(|d| attr(d, "descr")).unwrap_or("");
        if uri.ends_with("/picture") {
            let embed = descendant(node, "blip").and_then(|b| r_attr(b, "embed"));
            self.picture(embed, doc_pr);
        } else if uri.ends_with("/diagram") {
            self.lose(LostKind::SmartArt, description);
        } else if uri.contains("/chart") {
            self.lose(LostKind::Chart, description);
        } else if let Some(text_box) = descendant(node, "txbxContent") {
            self.lose(LostKind::TextBox, text_of(text_box));
        } else {
            self.lose(LostKind::Shape, description);
        }
    }

    /// `<w:pict>`: VML, what older documents hold.
    pub(super) fn vml(&mut self, node: Node<'_, '_>) {
        if let Some(text_box) = descendant(node, "txbxContent") {
            self.lose(LostKind::TextBox, text_of(text_box));
        } else if let Some(data) = descendant(node, "imagedata") {
            let shape = data.parent().filter(|p| p.tag_name().name() == "shape");
            let alt = shape.and_then(|s| attr(s, "alt"));
            self.add_picture(r_attr(data, "id"), alt, false);
        } else if !node
            .descendants()
            .any(|d| d.attributes().any(|a| a.name() == "hr" && a.value() == "t"))
        {
            // A horizontal line needs no report; any other shape does.
            self.lose(LostKind::Shape, "");
        }
    }

    fn picture(&mut self, embed: Option<&str>, doc_pr: Option<Node<'_, '_>>) {
        let decorative = doc_pr.is_some_and(|d| {
            d.descendants().any(|e| {
                e.tag_name().name() == "decorative" && matches!(attr(e, "val"), Some("1" | "true"))
            })
        });
        if decorative {
            self.lose(LostKind::DecorativeImage, "");
            return;
        }
        let alt = doc_pr.and_then(|d| {
            attr(d, "descr")
                .filter(|t| !t.trim().is_empty())
                .or_else(|| attr(d, "title"))
        });
        self.add_picture(embed, alt, true);
    }

    fn add_picture(&mut self, rel_id: Option<&str>, alt: Option<&str>, check_automatic: bool) {
        let rel = rel_id.and_then(|id| self.rels.get(id)).cloned();
        let Some(rel) = rel.filter(|r| !r.external) else {
            self.lose(
                LostKind::ImageFormat(
                    "linked from another file was left out: insert the picture itself".into(),
                ),
                alt.unwrap_or(""),
            );
            return;
        };
        let extension = rel
            .target
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if !WEB_FORMATS.contains(&extension.as_str()) {
            self.lose(
                LostKind::ImageFormat(format!(
                    "in {} format was left out: browsers cannot show it; save it as PNG or JPEG and add it by hand",
                    extension.to_ascii_uppercase()
                )),
                alt.unwrap_or(""),
            );
            return;
        }
        let (alt, automatic) = clean_alt(alt.unwrap_or(""));
        if automatic && check_automatic {
            self.lose(LostKind::AutomaticAltText, alt.clone());
        }
        self.emit(Inline::Image(Image {
            part: rel.target,
            alt: (!alt.is_empty()).then_some(alt),
            alt_is_automatic: automatic,
            decorative: false,
        }));
    }
}

/// A description on one line, without the note Word adds to those it wrote itself
/// ("A picture containing text\n\nDescription automatically generated").
fn clean_alt(text: &str) -> (String, bool) {
    let marker = "description automatically generated";
    let lower = text.to_lowercase();
    let (text, automatic) = match lower.find(marker) {
        Some(i) => {
            let mut kept = text[..i].to_string();
            kept.push_str(&text[i + marker.len()..]);
            (kept, true)
        }
        None => (text.to_string(), false),
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text
        .trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .to_string();
    (text, automatic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automatic_descriptions_are_flagged_and_tidied() {
        assert_eq!(
            clean_alt("A picture containing text\n\nDescription automatically generated"),
            ("A picture containing text".to_string(), true)
        );
        assert_eq!(
            clean_alt("Chart of  referrals\nby month"),
            ("Chart of referrals by month".to_string(), false)
        );
    }
}
