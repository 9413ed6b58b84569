//! A paragraph's inline content as Markdown: emphasis around the words it covers (never
//! around spaces, which Markdown would not read), links with their addresses, pictures with
//! their descriptions and note marks.

use super::context::PageContext;
use super::escape;
use crate::import::model::{Inline, TextStyle};

/// Where the text goes, which decides how line breaks are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// A paragraph or list item: a line break is a Markdown hard break.
    Block,
    /// A table cell or heading: one line, so a line break is a space.
    Line,
}

/// Renders `inlines` as Markdown.
pub(super) fn render(inlines: &[Inline], ctx: &mut PageContext<'_>, mode: Mode) -> String {
    let inlines = trim_breaks(inlines);
    let mut out = String::new();
    let mut runs: Vec<(String, TextStyle)> = Vec::new();
    for inline in inlines {
        if let Inline::Text { text, style } = inline {
            runs.push((text.clone(), *style));
            continue;
        }
        emphasis(std::mem::take(&mut runs), &mut out);
        match inline {
            Inline::LineBreak => match mode {
                Mode::Block => out.push_str("\\\n"),
                Mode::Line => out.push(' '),
            },
            Inline::Link { target, content } => {
                let words = render(content, ctx, mode);
                if words.trim().is_empty() {
                    continue;
                }
                match ctx.link(target) {
                    Some(url) => {
                        out.push('[');
                        out.push_str(words.trim());
                        out.push_str("](");
                        out.push_str(&escape::url(&url));
                        out.push(')');
                    }
                    None => out.push_str(&words),
                }
            }
            Inline::Image(image) => {
                let file = ctx.image(&image.part);
                out.push_str("![");
                out.push_str(&escape::text(image.alt.as_deref().unwrap_or("")));
                out.push_str("](");
                out.push_str(&escape::url(&file));
                out.push(')');
            }
            Inline::NoteRef { kind, id } => {
                let label = ctx.note(*kind, id);
                out.push_str(&format!("[^{label}]"));
            }
            Inline::Text { .. } => unreachable!("text is collected above"),
        }
    }
    emphasis(runs, &mut out);
    out
}

/// Without line breaks (and spaces) at the start or end: Word paragraphs often end with a
/// Shift+Enter, and a Markdown hard break at the end of a paragraph would show as a
/// backslash.
fn trim_breaks(inlines: &[Inline]) -> &[Inline] {
    let blank = |i: &Inline| match i {
        Inline::LineBreak => true,
        Inline::Text { text, .. } => text.trim().is_empty(),
        _ => false,
    };
    let start = inlines
        .iter()
        .position(|i| !blank(i))
        .unwrap_or(inlines.len());
    let end = inlines
        .iter()
        .rposition(|i| !blank(i))
        .map_or(start, |e| e + 1);
    &inlines[start..end]
}

/// The markers a style needs, outermost first.
fn markers(style: TextStyle) -> Vec<&'static str> {
    let mut m = Vec::new();
    if style.strike {
        m.push("~~");
    }
    if style.bold {
        m.push("**");
    }
    if style.italic {
        m.push("*");
    }
    m
}

fn common(a: TextStyle, b: TextStyle) -> TextStyle {
    TextStyle {
        bold: a.bold && b.bold,
        italic: a.italic && b.italic,
        strike: a.strike && b.strike,
    }
}

/// Writes runs of text with emphasis. Spaces at the edges of a styled run take only the
/// style both neighbours share, so markers always touch words: `**bold** text`.
fn emphasis(runs: Vec<(String, TextStyle)>, out: &mut String) {
    // Cut each run into its edge spaces and its words.
    let mut pieces: Vec<(String, TextStyle, bool)> = Vec::new();
    for (text, style) in runs {
        let text = text.replace(['\t', '\n', '\r'], " ");
        let core = text.trim();
        if core.is_empty() {
            pieces.push((text, style, true));
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        if !lead.is_empty() {
            pieces.push((lead.to_string(), style, true));
        }
        pieces.push((core.to_string(), style, false));
        if !trail.is_empty() {
            pieces.push((trail.to_string(), style, true));
        }
    }
    // Spaces take the style common to the words either side.
    let word_style = |from: usize, step: isize| -> TextStyle {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < pieces.len() {
            let (_, style, space) = &pieces[i as usize];
            if !space {
                return *style;
            }
            i += step;
        }
        TextStyle::default()
    };
    let styles: Vec<TextStyle> = (0..pieces.len())
        .map(|i| {
            if pieces[i].2 {
                common(pieces[i].1, common(word_style(i, -1), word_style(i, 1)))
            } else {
                pieces[i].1
            }
        })
        .collect();
    let mut open: Vec<&'static str> = Vec::new();
    for ((text, _, _), style) in pieces.iter().zip(styles) {
        let wanted = markers(style);
        let keep = open.iter().zip(&wanted).take_while(|(a, b)| a == b).count();
        while open.len() > keep {
            out.push_str(open.pop().expect("open marker"));
        }
        for m in &wanted[keep..] {
            out.push_str(m);
            open.push(m);
        }
        out.push_str(&escape::text(text));
    }
    while let Some(m) = open.pop() {
        out.push_str(m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::model::{Image, LinkTarget, NoteKind};
    use crate::import::targets::Targets;
    use crate::import::testing::styled;

    fn md(inlines: &[Inline]) -> String {
        let targets = Targets::default();
        let mut ctx = PageContext::new("strategy/a.md", &targets);
        render(inlines, &mut ctx, Mode::Block)
    }

    fn html(markdown: &str) -> String {
        let mut out = String::new();
        pulldown_cmark::html::push_html(
            &mut out,
            pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::all()),
        );
        out.trim().to_string()
    }

    #[test]
    fn emphasis_touches_words_and_nests() {
        let cases: &[(&[Inline], &str)] = &[
            (
                &[
                    styled("Neglect is ", false, false),
                    styled("persistent ", true, false),
                    styled("harm.", false, false),
                ],
                "<p>Neglect is <strong>persistent</strong> harm.</p>",
            ),
            (
                &[
                    styled("bold ", true, false),
                    styled("both", true, true),
                    styled(" bold", true, false),
                ],
                "<p><strong>bold <em>both</em> bold</strong></p>",
            ),
            (
                &[styled("a", true, false), styled("b", false, true)],
                "<p><strong>a</strong><em>b</em></p>",
            ),
            (
                &[
                    styled("un", false, false),
                    styled("likely", false, true),
                    styled(" case", false, false),
                ],
                "<p>un<em>likely</em> case</p>",
            ),
            (
                &[styled("all three", true, true)],
                "<p><em><strong>all three</strong></em></p>",
            ),
        ];
        for (inlines, expected) in cases {
            let markdown = md(inlines);
            assert_eq!(html(&markdown), *expected, "from {markdown}");
        }
    }

    #[test]
    fn breaks_at_the_edges_of_a_paragraph_are_dropped() {
        let markdown = md(&[
            Inline::LineBreak,
            Inline::text("Call 999."),
            Inline::LineBreak,
            Inline::text(" "),
            Inline::LineBreak,
        ]);
        assert_eq!(markdown, "Call 999.");
    }

    #[test]
    fn links_pictures_breaks_and_notes() {
        let markdown = md(&[
            Inline::text("See "),
            Inline::Link {
                target: LinkTarget::External("https://www.gov.uk/a b".into()),
                content: vec![styled("Working Together", false, true)],
            },
            Inline::LineBreak,
            Inline::text("next line"),
            Inline::NoteRef {
                kind: NoteKind::Footnote,
                id: "3".into(),
            },
            Inline::Image(Image {
                part: "word/media/image1.png".into(),
                alt: Some("A [chart]".into()),
                alt_is_automatic: false,
                decorative: false,
            }),
        ]);
        assert_eq!(
            markdown,
            "See [*Working Together*](https://www.gov.uk/a%20b)\\\nnext line[^1]![A \\[chart\\]](a-1.png)"
        );
    }
}
