//! Toolkit forms: a fenced block with the info string `form` holds one prompt a line.
//!
//! ````text
//! ```form
//! What time do you usually wake up, and who wakes you? | 3
//! What do you have for breakfast?
//! ```
//! ````
//! On screen each prompt gets a labelled text area (nothing typed is saved or sent); in print it
//! gets ruled writing space, `| N` lines of it (default 4).

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

use super::links::Placement;
use crate::markdown_parse::events::Spanned;
use crate::util::html::escape_attr;

/// Lines of writing space when a prompt does not say.
pub(crate) const DEFAULT_LINES: u32 = 4;
/// More than this is a typing slip, not a request for a page of lines; `check` and `build`
/// report a size outside 1 to this.
pub(crate) const MAX_LINES: u32 = 8;

/// One question of a form and the writing space it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Prompt {
    pub text: String,
    pub lines: u32,
}

/// True for the info string of a form block.
pub(crate) fn is_form(kind: &CodeBlockKind<'_>) -> bool {
    matches!(kind, CodeBlockKind::Fenced(info) if info.split_whitespace().next() == Some("form"))
}

/// Reads the prompts of a form block: one per non-blank line, with an optional `| N`.
pub(crate) fn parse_prompts(text: &str) -> Vec<Prompt> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            if let Some((prompt, n)) = line.rsplit_once('|')
                && let Ok(n) = n.trim().parse::<u32>()
                && !prompt.trim().is_empty()
            {
                return Prompt {
                    text: prompt.trim().to_string(),
                    lines: n.clamp(1, MAX_LINES),
                };
            }
            Prompt {
                text: line.to_string(),
                lines: DEFAULT_LINES,
            }
        })
        .collect()
}

/// Something wrong in a form block, found by [`problems`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormProblem {
    /// Byte offset in the body of the block's first line of questions (or of its fence).
    pub offset: usize,
    /// Lines below that one.
    pub lines_down: usize,
    pub message: String,
    pub hint: String,
}

/// Every mistake in the page's form blocks: a line with no question before its `| N`, a size
/// outside 1 to [`MAX_LINES`], a block without questions, and a block never closed (which would
/// swallow the rest of the page).
pub(crate) fn problems(events: &[Spanned<'_>], body: &str) -> Vec<FormProblem> {
    let mut found = Vec::new();
    for (i, (event, range)) in events.iter().enumerate() {
        let Event::Start(Tag::CodeBlock(kind)) = event else {
            continue;
        };
        if !is_form(kind) {
            continue;
        }
        let problem = |offset, lines_down, message: String, hint: &str| FormProblem {
            offset,
            lines_down,
            message,
            hint: hint.to_string(),
        };
        if !is_closed(&body[range.clone()]) {
            found.push(problem(
                range.start,
                0,
                "this form block is never closed, so it takes in the rest of the page".into(),
                "end the questions with a line of three backticks: ```",
            ));
        }
        let (text, start) = match events.get(i + 1) {
            Some((Event::Text(text), r)) => (text.as_ref(), r.start),
            _ => ("", range.start),
        };
        if text.trim().is_empty() {
            found.push(problem(
                range.start,
                0,
                "this form block has no questions".into(),
                "write one question a line between the ```form line and the closing ```",
            ));
        }
        for (down, line) in text.lines().enumerate() {
            let Some((prompt, size)) = line.rsplit_once('|') else {
                continue;
            };
            let size = size.trim();
            if prompt.trim().is_empty() {
                found.push(problem(
                    start,
                    down,
                    format!("`{}` gives writing space but no question", line.trim()),
                    "write the question before the |, such as What do you have for breakfast? | 3",
                ));
            } else if let Ok(n) = size.parse::<u64>()
                && !(1..=u64::from(MAX_LINES)).contains(&n)
            {
                found.push(problem(
                    start,
                    down,
                    format!(
                        "`| {size}` asks for {n} lines of writing space; give 1 to {MAX_LINES}"
                    ),
                    "the number after | is the lines to write in, such as | 3 (4 when left out)",
                ));
            }
        }
    }
    found
}

/// True when a fenced block's source (`range` of its Start event) ends with a closing fence.
fn is_closed(block: &str) -> bool {
    let mut lines = block.trim_end().lines();
    let opening = lines.next().unwrap_or("").trim_start_matches([' ', '>']);
    let fence_char = opening.chars().next().unwrap_or('`');
    let fence_len = opening.chars().take_while(|&c| c == fence_char).count();
    lines.next_back().is_some_and(|last| {
        let last = last.trim().trim_start_matches(['>', ' ']);
        last.len() >= fence_len && last.chars().all(|c| c == fence_char)
    })
}

/// Replaces every form block with its HTML. Returns how many prompts the page has.
pub(crate) fn render_forms(events: &mut Vec<Spanned<'_>>, placement: Placement<'_>) -> usize {
    if !events
        .iter()
        .any(|(e, _)| matches!(e, Event::Start(Tag::CodeBlock(k)) if is_form(k)))
    {
        return 0;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut counter = 0;
    let mut iter = std::mem::take(events).into_iter();
    while let Some((event, range)) = iter.next() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) if is_form(&kind) => {
                let mut text = String::new();
                let mut end = range.end;
                for (inner, r) in iter.by_ref() {
                    end = r.end;
                    match inner {
                        Event::Text(t) => text.push_str(&t),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                let html = form_html(&parse_prompts(&text), &mut counter, placement);
                out.push((Event::Html(CowStr::from(html)), range.start..end));
            }
            other => out.push((other, range)),
        }
    }
    *events = out;
    counter
}

/// The markup for one form block; `counter` numbers questions across the page for unique ids.
fn form_html(prompts: &[Prompt], counter: &mut usize, placement: Placement<'_>) -> String {
    let mut html = String::from("<div class=\"wm-form\">\n");
    for prompt in prompts {
        *counter += 1;
        let id = placement.id(&format!("wm-q-{counter}"));
        let text = escape_attr(&prompt.text);
        html.push_str(&format!(
            "<div class=\"wm-form__question\">\n<label class=\"wm-form__prompt\" for=\"{id}\">{text}</label>\n\
             <textarea class=\"wm-form__answer\" id=\"{id}\" name=\"{id}\" rows=\"{rows}\"></textarea>\n\
             <div class=\"wm-form__lines\" aria-hidden=\"true\">",
            rows = prompt.lines.min(8),
        ));
        for _ in 0..prompt.lines {
            html.push_str("<span class=\"wm-form__line\"></span>");
        }
        html.push_str("</div>\n</div>\n");
    }
    html.push_str("</div>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown_parse::events::parse;

    #[test]
    fn prompts_take_optional_line_counts() {
        let prompts =
            parse_prompts("What time do you wake? | 3\n\nBreakfast?\nToo many | 99\nA | b\n");
        assert_eq!(
            prompts,
            [
                Prompt {
                    text: "What time do you wake?".into(),
                    lines: 3
                },
                Prompt {
                    text: "Breakfast?".into(),
                    lines: DEFAULT_LINES
                },
                Prompt {
                    text: "Too many".into(),
                    lines: MAX_LINES
                },
                Prompt {
                    text: "A | b".into(),
                    lines: DEFAULT_LINES
                },
            ]
        );
    }

    fn problems_in(body: &str) -> Vec<(usize, String)> {
        let events = parse(body);
        problems(&events, body)
            .into_iter()
            .map(|p| {
                let line = body[..p.offset].matches('\n').count() + 1 + p.lines_down;
                (line, p.message)
            })
            .collect()
    }

    #[test]
    fn malformed_form_blocks_are_reported_at_their_lines() {
        let body = "Intro.\n\n```form\nFine | 3\n| 3\n  |  \nToo many | 9\nNone | 0\nPipe | in text\n```\n\n```form\n```\n\n```form\nNever closed\n";
        assert_eq!(
            problems_in(body),
            [
                (5, "`| 3` gives writing space but no question".to_string()),
                (6, "`|` gives writing space but no question".to_string()),
                (
                    7,
                    "`| 9` asks for 9 lines of writing space; give 1 to 8".to_string()
                ),
                (
                    8,
                    "`| 0` asks for 0 lines of writing space; give 1 to 8".to_string()
                ),
                (12, "this form block has no questions".to_string()),
                (
                    15,
                    "this form block is never closed, so it takes in the rest of the page"
                        .to_string()
                ),
            ]
        );
        assert!(problems_in("```form\nA | 1\nB | 8\n```\n").is_empty());
        assert!(
            problems_in("> ```form\n> A | 2\n> ```\n").is_empty(),
            "inside a quote"
        );
        assert!(problems_in("~~~~form\nA\n~~~~\n").is_empty());
    }

    #[test]
    fn form_blocks_become_labelled_text_areas_with_ruled_lines() {
        let mut events =
            parse("```form\nWho wakes you? | 2\nBreakfast?\n```\n\n```form\nLunch?\n```\n");
        assert_eq!(render_forms(&mut events, Placement::Page), 3);
        let html = crate::markdown_parse::events::to_html(events);
        assert!(
            html.contains(r#"<label class="wm-form__prompt" for="wm-q-1">Who wakes you?</label>"#)
        );
        assert!(html.contains(r#"id="wm-q-3""#));
        assert_eq!(html.matches("wm-form__line\"").count(), 2 + 4 + 4);
        assert!(!html.contains("<pre"));
    }

    #[test]
    fn other_code_blocks_are_left_alone() {
        let mut events = parse("```rust\nfn main() {}\n```\n");
        assert_eq!(render_forms(&mut events, Placement::Page), 0);
        assert!(crate::markdown_parse::events::to_html(events).contains("fn main()"));
    }
}
