//! A limit on how deeply a page's Markdown nests, so that no input can exhaust the stack.
//!
//! pulldown-cmark parses and writes HTML without recursion, but the PDF's model is built by
//! recursive descent and typst lays it out recursively; a page holding a quote nested 5,000 deep
//! used to end the process. Guidance never needs more than a few levels, so more than
//! [`MAX_NESTING`] is a content error (rule `nesting-depth`) at the line where the limit is
//! passed, and every pass after parsing (the page, the print page, the PDF) sees the events with
//! whatever lies deeper flattened into the innermost level kept: its text stays, its structure
//! goes. Two kinds of nesting are counted, each against the limit: quotes and lists (a quote in
//! a list in a quote is three levels), and inline formatting (emphasis, strong, strikethrough,
//! links and images inside one another).

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::diagnostics::{Diagnostic, Position};

/// The most levels of quotes and lists, and of inline formatting, a page may nest.
pub(crate) const MAX_NESTING: usize = 12;

/// The kinds of nesting counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nesting {
    /// Block quotes, lists, definition lists and footnote definitions.
    Blocks,
    /// Emphasis, strong, strikethrough, super- and subscript, links and images.
    Inline,
}

/// Where a page first went past the limit, and how deep it went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooDeep {
    pub kind: Nesting,
    /// Byte offset in the body of the first element past the limit (0 when not known).
    pub offset: usize,
    /// The deepest level of this kind on the page.
    pub deepest: usize,
}

impl TooDeep {
    /// The `nesting-depth` error for `file`, at `position`.
    pub(crate) fn diagnostic(&self, file: &std::path::Path, position: Position) -> Diagnostic {
        let (what, hint) = match self.kind {
            Nesting::Blocks => (
                "quotes and lists are",
                "readers lose their place in deep nesting: split the text into headed sections or \
                 shorter lists (a quote in a list in a quote counts three levels)",
            ),
            Nesting::Inline => (
                "emphasis, links and other formatting are",
                "remove the extra emphasis, links or images wrapped around this text",
            ),
        };
        Diagnostic::error(
            "nesting-depth",
            file,
            position,
            format!(
                "{what} nested {} levels deep here; the most is {MAX_NESTING}",
                self.deepest
            ),
        )
        .with_hint(hint)
    }
}

/// Follows an event stream and says which events to keep: everything down to [`MAX_NESTING`]
/// levels, and below that only the text (and other events that hold no others). Works in
/// constant stack space on any input.
#[derive(Debug, Default)]
pub(crate) struct DepthLimit {
    /// Levels open of each kind, counting those dropped.
    blocks: usize,
    inline: usize,
    /// Start tags dropped and not yet closed.
    dropped: usize,
    first: Option<TooDeep>,
    deepest_blocks: usize,
    deepest_inline: usize,
}

impl DepthLimit {
    pub(crate) fn new() -> DepthLimit {
        DepthLimit::default()
    }

    /// Whether to keep `event`, which starts at byte `offset` of the body.
    pub(crate) fn keep(&mut self, event: &Event<'_>, offset: usize) -> bool {
        match event {
            Event::Start(tag) => {
                let kind = start_kind(tag);
                let level = match kind {
                    Some(Nesting::Blocks) => {
                        self.blocks += 1;
                        self.deepest_blocks = self.deepest_blocks.max(self.blocks);
                        self.blocks
                    }
                    Some(Nesting::Inline) => {
                        self.inline += 1;
                        self.deepest_inline = self.deepest_inline.max(self.inline);
                        self.inline
                    }
                    None => 0,
                };
                if self.dropped == 0 && level > MAX_NESTING {
                    if self.first.is_none() {
                        self.first = kind.map(|kind| TooDeep {
                            kind,
                            offset,
                            deepest: 0,
                        });
                    }
                    self.dropped = 1;
                    return false;
                }
                if self.dropped > 0 {
                    self.dropped += 1;
                    return false;
                }
                true
            }
            Event::End(tag) => {
                match end_kind(tag) {
                    Some(Nesting::Blocks) => self.blocks = self.blocks.saturating_sub(1),
                    Some(Nesting::Inline) => self.inline = self.inline.saturating_sub(1),
                    None => {}
                }
                if self.dropped > 0 {
                    self.dropped -= 1;
                    return false;
                }
                true
            }
            _ => true,
        }
    }

    /// Where the limit was first passed, if it was.
    pub(crate) fn too_deep(&self) -> Option<TooDeep> {
        self.first.map(|first| TooDeep {
            deepest: match first.kind {
                Nesting::Blocks => self.deepest_blocks,
                Nesting::Inline => self.deepest_inline,
            },
            ..first
        })
    }
}

fn start_kind(tag: &Tag<'_>) -> Option<Nesting> {
    match tag {
        Tag::BlockQuote(_) | Tag::List(_) | Tag::DefinitionList | Tag::FootnoteDefinition(_) => {
            Some(Nesting::Blocks)
        }
        Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough
        | Tag::Superscript
        | Tag::Subscript
        | Tag::Link { .. }
        | Tag::Image { .. } => Some(Nesting::Inline),
        _ => None,
    }
}

fn end_kind(tag: &TagEnd) -> Option<Nesting> {
    match tag {
        TagEnd::BlockQuote(_)
        | TagEnd::List(_)
        | TagEnd::DefinitionList
        | TagEnd::FootnoteDefinition => Some(Nesting::Blocks),
        TagEnd::Emphasis
        | TagEnd::Strong
        | TagEnd::Strikethrough
        | TagEnd::Superscript
        | TagEnd::Subscript
        | TagEnd::Link
        | TagEnd::Image => Some(Nesting::Inline),
        _ => None,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::events::{options, parse_limited, to_html};
    use super::*;

    /// Deepest nesting of each kind in an event list.
    fn depths(events: &[Event<'_>]) -> (usize, usize) {
        let (mut blocks, mut inline, mut most) = (0usize, 0usize, (0, 0));
        for event in events {
            match event {
                Event::Start(tag) => match start_kind(tag) {
                    Some(Nesting::Blocks) => blocks += 1,
                    Some(Nesting::Inline) => inline += 1,
                    None => {}
                },
                Event::End(tag) => match end_kind(tag) {
                    Some(Nesting::Blocks) => blocks -= 1,
                    Some(Nesting::Inline) => inline -= 1,
                    None => {}
                },
                _ => {}
            }
            most = (most.0.max(blocks), most.1.max(inline));
        }
        most
    }

    #[test]
    fn twelve_levels_pass_and_thirteen_are_reported_where_they_start() {
        let twelve = format!("{} twelve\n", ">".repeat(12));
        let (events, deep) = parse_limited(&twelve);
        assert_eq!(deep, None);
        assert_eq!(
            depths(&events.into_iter().map(|(e, _)| e).collect::<Vec<_>>()).0,
            12
        );

        let body = format!("Intro.\n\n{} thirteen\n", "> ".repeat(13));
        let (events, deep) = parse_limited(&body);
        let deep = deep.expect("too deep");
        assert_eq!(deep.kind, Nesting::Blocks);
        assert_eq!(deep.deepest, 13);
        assert_eq!(
            &body[deep.offset..deep.offset + 1],
            ">",
            "at the 13th quote"
        );
        assert!(deep.offset >= "Intro.\n\n".len());
        let events: Vec<_> = events.into_iter().map(|(e, _)| e).collect();
        assert_eq!(depths(&events).0, 12);
        let html = to_html(events.into_iter().map(|e| (e, 0..0)).collect());
        assert!(html.contains("thirteen"), "the text is kept");
    }

    #[test]
    fn quotes_and_lists_count_together_and_formatting_on_its_own() {
        let mixed = format!("{}x\n", "> - ".repeat(7));
        assert_eq!(parse_limited(&mixed).1.map(|d| d.deepest), Some(14));
        let emphasis = format!("{}x{}\n", "*a _".repeat(7), "_ b*".repeat(7));
        let deep = parse_limited(&emphasis).1.expect("too deep");
        assert_eq!((deep.kind, deep.deepest), (Nesting::Inline, 14));
        let fine = format!("{}*x*\n", "> - ".repeat(6));
        assert_eq!(parse_limited(&fine).1, None, "12 block levels and 1 inline");
    }

    /// Runs `f` on a thread with a small stack, as rayon's workers have, and fails if it
    /// overflows (which aborts the test run) or panics.
    pub(crate) fn on_small_stack(f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(f)
            .unwrap()
            .join()
            .expect("no panic");
    }

    /// Inputs nested 100,000 deep in every way Markdown allows.
    pub(crate) fn hostile_bodies() -> Vec<String> {
        const N: usize = 100_000;
        vec![
            ">".repeat(N) + " quote\n",
            "- ".repeat(N) + "list\n",
            "1. ".repeat(N) + "ordered\n",
            "> - ".repeat(N / 2) + "mixed\n",
            format!("{}x{}\n", "*".repeat(N), "*".repeat(N)),
            format!("{}x{}\n", "*a _".repeat(N / 4), "_ b*".repeat(N / 4)),
            format!("{}x{}\n", "~~".repeat(N), "~~".repeat(N)),
            format!("{}x{}\n", "[".repeat(N), "](y)".repeat(N)),
            format!("{}x{}\n", "![".repeat(N / 10), "](y.png)".repeat(N / 10)),
            "[".repeat(N) + "\n",
            "]".repeat(N) + "(" + &"(".repeat(N) + "\n",
            ": ".repeat(N) + "def\n",
            (0..1_000)
                .map(|i| format!("{}T\n{}: D\n", "  ".repeat(i), "  ".repeat(i)))
                .collect(),
            (0..N / 10)
                .map(|i| format!("> [^n{i}]: "))
                .collect::<String>()
                + "note\n",
            format!("{}```form\nQ | 3\n```\n", "> ".repeat(N / 2)),
        ]
    }

    #[test]
    fn hundred_thousand_deep_input_parses_and_renders_on_a_small_stack() {
        on_small_stack(|| {
            for body in hostile_bodies() {
                let (events, _) = parse_limited(&body);
                let events: Vec<_> = events.into_iter().map(|(e, _)| e).collect();
                let (blocks, inline) = depths(&events);
                assert!(blocks <= MAX_NESTING && inline <= MAX_NESTING);
                let html = to_html(events.into_iter().map(|e| (e, 0..0)).collect());
                assert!(!html.is_empty());
            }
        });
    }

    #[test]
    fn pulldown_cmark_alone_survives_deep_input_on_a_small_stack() {
        on_small_stack(|| {
            for body in hostile_bodies() {
                let n = pulldown_cmark::Parser::new_ext(&body, options()).count();
                assert!(n > 0);
            }
        });
    }
}
