//! Code blocks: highlighted with syntect as CSS classes, so the theme's colours (chosen for
//! contrast) apply and no inline styles are needed.
//!
//! Syntax definitions take a noticeable time to load, so they load on the first code block that
//! names a language, not at start-up: guidance sites rarely have code.

use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::markdown_parse::events::Spanned;
use crate::util::html::escape_attr;

static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();

fn syntaxes() -> &'static SyntaxSet {
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Replaces each code block with a focusable `<pre>` (it may scroll sideways on a phone),
/// highlighted when it names a language syntect knows. Returns the number of code blocks.
pub(crate) fn render_code_blocks(events: &mut Vec<Spanned<'_>>) -> usize {
    if !events
        .iter()
        .any(|(e, _)| matches!(e, Event::Start(Tag::CodeBlock(_))))
    {
        return 0;
    }
    let mut count = 0;
    let mut out = Vec::with_capacity(events.len());
    let mut iter = std::mem::take(events).into_iter();
    while let Some((event, range)) = iter.next() {
        let Event::Start(Tag::CodeBlock(kind)) = event else {
            out.push((event, range));
            continue;
        };
        let mut code = String::new();
        let mut end = range.end;
        for (inner, r) in iter.by_ref() {
            end = r.end;
            match inner {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => break,
                _ => {}
            }
        }
        let language = match &kind {
            CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
            CodeBlockKind::Indented => "",
        };
        count += 1;
        out.push((
            Event::Html(CowStr::from(code_html(language, &code))),
            range.start..end,
        ));
    }
    *events = out;
    count
}

fn code_html(language: &str, code: &str) -> String {
    let body = highlight(language, code).unwrap_or_else(|| escape_attr(code));
    let class = if language.is_empty() {
        String::new()
    } else {
        format!(r#" class="language-{}""#, escape_attr(language))
    };
    format!("<pre class=\"wm-code\" tabindex=\"0\"><code{class}>{body}</code></pre>\n")
}

fn highlight(language: &str, code: &str) -> Option<String> {
    if language.is_empty() {
        return None;
    }
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(language)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        set,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(generator.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown_parse::events::parse;

    #[test]
    fn known_languages_get_classes_and_others_plain_text() {
        let mut events =
            parse("```rust\nfn main() {}\n```\n\n```nosuchlang\n<x>\n```\n\n    indented\n");
        assert_eq!(render_code_blocks(&mut events), 3);
        let html = crate::markdown_parse::events::to_html(events);
        assert!(html.contains("hl-storage"), "{html}");
        assert!(html.contains("&lt;x&gt;"));
        assert_eq!(
            html.matches(r#"<pre class="wm-code" tabindex="0">"#)
                .count(),
            3
        );
    }

    #[test]
    fn pages_without_code_do_not_load_syntaxes() {
        let mut events = parse("just text\n");
        assert_eq!(render_code_blocks(&mut events), 0);
    }
}
