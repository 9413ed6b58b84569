//! Reading XML parts: parsing with a clear error, and matching WordprocessingML names whatever
//! prefix a part uses (Word writes `w:`, other programs may not) and in both the Transitional
//! and the Strict namespaces.

use roxmltree::{Document, Node, ParsingOptions};

use crate::import::error::ImportError;
use crate::import::package::Package;

/// WordprocessingML's namespaces: Transitional (what Word writes) and Strict.
const W: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// Relationship ids (`r:id`, `r:embed`).
const R: [&str; 2] = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

/// Parses the part `name`, if the package has it.
pub(super) fn parse<'a>(
    package: &Package,
    name: &str,
    text: &'a str,
) -> Result<Document<'a>, ImportError> {
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: u32::MAX,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options).map_err(|e| ImportError::Corrupt {
        path: package.path().to_path_buf(),
        reason: format!("part `{name}` is not valid XML ({e})"),
    })
}

/// True when `node` is the WordprocessingML element `name` (`p` for `<w:p>`).
pub(super) fn is_w(node: Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && in_w(node)
}

fn in_w(node: Node<'_, '_>) -> bool {
    node.tag_name()
        .namespace()
        .is_some_and(|ns| W.contains(&ns))
}

/// The local name of a WordprocessingML element, or "" for anything else.
pub(super) fn w_name<'a>(node: Node<'a, '_>) -> &'a str {
    if node.is_element() && in_w(node) {
        node.tag_name().name()
    } else {
        ""
    }
}

/// A `w:` attribute, such as `w:val`.
pub(super) fn w_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name && a.namespace().is_some_and(|ns| W.contains(&ns)))
        .map(|a| a.value())
}

/// An `r:` attribute, such as `r:id` or `r:embed`.
pub(super) fn r_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name && a.namespace().is_some_and(|ns| R.contains(&ns)))
        .map(|a| a.value())
}

/// An attribute without a namespace, such as `descr` on `wp:docPr`.
pub(super) fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name && a.namespace().is_none())
        .map(|a| a.value())
}

/// The first `w:` child element called `name`.
pub(super) fn w_child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(*c, name))
}

/// The `w:val` of the `w:` child `name`: `<w:pStyle w:val="Heading1"/>`.
pub(super) fn w_child_val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    w_child(node, name).and_then(|c| w_attr(c, "val"))
}

/// A switch such as `<w:b/>` or `<w:b w:val="0"/>`: None when absent.
pub(super) fn w_toggle(node: Node<'_, '_>, name: &str) -> Option<bool> {
    w_child(node, name).map(|c| {
        !matches!(
            w_attr(c, "val").map(str::to_ascii_lowercase).as_deref(),
            Some("0" | "false" | "off" | "none")
        )
    })
}

/// The first descendant element (any namespace) with this local name.
pub(super) fn descendant<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.descendants()
        .find(|d| d.is_element() && d.tag_name().name() == name)
}

/// Every `w:t` under `node`, joined: the words of a text box or comment.
pub(super) fn text_of(node: Node<'_, '_>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if is_w(d, "t") {
            out.push_str(d.text().unwrap_or(""));
        } else if is_w(d, "p") && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_names_by_namespace_not_prefix() {
        let xml = r#"<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                         xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
            <x:pPr><x:pStyle x:val="Heading1"/><x:b x:val="false"/><x:i/></x:pPr><a:p/></x:p>"#;
        let doc = Document::parse(xml).unwrap();
        let p = doc.root_element();
        assert!(is_w(p, "p"));
        let ppr = w_child(p, "pPr").unwrap();
        assert_eq!(w_child_val(ppr, "pStyle"), Some("Heading1"));
        assert_eq!(w_toggle(ppr, "b"), Some(false));
        assert_eq!(w_toggle(ppr, "i"), Some(true));
        assert_eq!(w_toggle(ppr, "strike"), None);
        // DrawingML's <a:p> is not a Word paragraph.
        assert_eq!(p.children().filter(|c| is_w(*c, "p")).count(), 0);
    }
}
