//! `extends = true`: a local file that adds sections to the base page at the same path.
//!
//! The local file's body is cut into sections at its top-level headings:
//!
//! - a section headed `## Local: Making a referral` goes at the end of the base page's section
//!   with that heading (matched by its anchor, `making-a-referral`, or by `{#id}` written on the
//!   local heading), before the next base heading of the same or a higher level. Its heading line
//!   is not shown: the section becomes a "Local information" box inside the base section;
//! - a `## Local:` section whose base heading is not there (renamed or removed) goes at the end
//!   of the page, titled "Local information: Making a referral", and is reported as drift;
//! - any other section (`## Northdale contacts`), and text before the first heading, goes at
//!   the end of the page in a box of its own.
//!
//! The result is one page with one text: the base file with the local sections spliced in, as
//! whole lines. Every later step (Markdown, glossary, search, packs, checks) reads it like any
//! page; [`Addition::boxes`] says which bytes of its body are local, so the Markdown step can put
//! them in boxes, and [`Addition::relocate`] turns a line of the joined text back into the line
//! of the file it came from, so every message names the real file in the base or local folder.

use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Tag};

use super::Page;
use super::front_matter::FrontMatter;
use super::layers::{BasePart, Layer, Overlay};
use crate::diagnostics::{Diagnostic, LineIndex, Position};
use crate::markdown_parse::events::{self, inner_text};
use crate::markdown_parse::heading_ids::{assign_ids, heading_id};

/// The local part of a page that a local file adds to.
#[derive(Debug, Clone)]
pub struct Addition {
    /// The local file, as messages name it (`content/procedures/neglect.md`).
    pub file: PathBuf,
    /// Its own front matter: the local owner, version, review date and history.
    pub front: FrontMatter,
    /// Its whole text, for positions in its front matter.
    pub text: String,
    pub lines: LineIndex,
    /// The local sections, as byte ranges of the joined page's body, in order.
    pub boxes: Vec<LocalBox>,
    /// `## Local:` headings that name no heading of the base page.
    pub unmatched: Vec<Unmatched>,
    /// Where each line of the joined text comes from.
    line_map: Vec<LineSpan>,
}

/// A local section in the joined page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalBox {
    /// Bytes of the page body that hold the section.
    pub range: Range<usize>,
    pub heading: BoxHeading,
}

/// How a local box is titled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoxHeading {
    /// A heading made for the box, at this level (one below the base heading it follows).
    Made { level: u8, words: String },
    /// The section starts with a heading of its own.
    Own,
}

/// A `## Local:` heading whose base heading is not on the base page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    /// The words after `Local:`.
    pub words: String,
    /// The anchor looked for.
    pub anchor: String,
    /// Where the heading is in the local file.
    pub position: Position,
}

/// A run of lines of the joined text from one file (or none: a blank line put between parts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LineSpan {
    /// The first line of the run in the joined text, 1-based.
    first: usize,
    count: usize,
    /// The layer and first line in that file.
    from: Option<(Layer, usize)>,
}

impl Addition {
    /// The position of a front matter value in the local file (the whole file when not written).
    pub fn value_position(&self, key: &str) -> Position {
        super::front_matter::value_span(&self.text, key, None).map_or(Position::FILE, |span| {
            self.lines.position(&self.text, span.start)
        })
    }

    /// The file and line a line of the joined text was written on; `base_file` is the base
    /// page's. A blank line put between parts belongs to no line: the base file as a whole.
    pub fn relocate(&self, base_file: &Path, line: usize) -> (PathBuf, usize) {
        let at = self.line_map.partition_point(|span| span.first <= line);
        let Some(span) = at.checked_sub(1).map(|i| self.line_map[i]) else {
            return (base_file.to_path_buf(), line);
        };
        match span.from {
            Some((layer, first)) if line < span.first + span.count => {
                let file = match layer {
                    Layer::Base => base_file.to_path_buf(),
                    Layer::Local => self.file.clone(),
                };
                (file, first + (line - span.first))
            }
            _ => (base_file.to_path_buf(), 0),
        }
    }
}

/// A top-level heading of a body.
struct Heading {
    level: u8,
    /// Its id: the one written as `{#id}`, or made from its words.
    id: String,
    /// The id written as `{#id}`, if any.
    written_id: Option<String>,
    words: String,
    /// Where its line starts, and where the line after it starts.
    line: Range<usize>,
}

/// Top-level headings of a Markdown body (not those in lists or quotes), in order.
fn top_headings(body: &str) -> Vec<Heading> {
    let mut parsed = events::parse(body);
    let written: Vec<Option<String>> = parsed
        .iter()
        .filter_map(|(event, _)| match event {
            Event::Start(Tag::Heading { id, .. }) => Some(id.as_ref().map(|s| s.to_string())),
            _ => None,
        })
        .collect();
    let (_, ids) = assign_ids(&mut parsed);
    let mut headings = Vec::new();
    let (mut depth, mut nth) = (0usize, 0usize);
    for (i, (event, range)) in parsed.iter().enumerate() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                if depth == 0 {
                    let (words, _) = inner_text(&parsed, i);
                    headings.push(Heading {
                        level: *level as u8,
                        id: ids.get(nth).cloned().unwrap_or_default(),
                        written_id: written.get(nth).cloned().flatten(),
                        words: words.trim().to_string(),
                        line: line_start(body, range.start)..line_after(body, range.end),
                    });
                }
                nth += 1;
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    headings
}

/// The start of the line holding `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The start of the line after the one that `end` (an exclusive end) finishes.
fn line_after(text: &str, end: usize) -> usize {
    if end == 0 || text.as_bytes().get(end - 1) == Some(&b'\n') {
        end
    } else {
        text[end..].find('\n').map_or(text.len(), |i| end + i + 1)
    }
}

/// The headings of a page's body as (id, words), for comparing a base page with a local one.
pub(crate) fn headings(body: &str) -> Vec<(String, String)> {
    let mut parsed = events::parse(body);
    let (_, ids) = assign_ids(&mut parsed);
    let mut words = Vec::new();
    for (i, (event, _)) in parsed.iter().enumerate() {
        if let Event::Start(Tag::Heading { .. }) = event {
            words.push(inner_text(&parsed, i).0.trim().to_string());
        }
    }
    ids.into_iter().zip(words).collect()
}

/// The words after `Local:` when a heading starts with it (in any case).
fn local_heading(words: &str) -> Option<&str> {
    let (label, rest) = words.split_once(':')?;
    label
        .trim()
        .eq_ignore_ascii_case("local")
        .then(|| rest.trim())
}

/// A section of the local file to place.
struct Piece {
    /// Bytes of the local body.
    range: Range<usize>,
    heading: BoxHeading,
    /// Where in the base body it goes; None for the end of the page.
    at: Option<usize>,
}

/// Cuts the local body into pieces and finds where each goes in the base body.
fn pieces(base_body: &str, local: &Page) -> (Vec<Piece>, Vec<Unmatched>) {
    let base = top_headings(base_body);
    let body = local.body();
    let local_headings = top_headings(body);
    let section_end = |headings: &[Heading], i: usize, len: usize| {
        headings[i + 1..]
            .iter()
            .find(|h| h.level <= headings[i].level)
            .map_or(len, |h| h.line.start)
    };
    let mut pieces = Vec::new();
    let mut unmatched = Vec::new();
    let first = local_headings.first().map_or(body.len(), |h| h.line.start);
    if !body[..first].trim().is_empty() {
        pieces.push(Piece {
            range: 0..first,
            heading: BoxHeading::Made {
                level: 2,
                words: "Local information".into(),
            },
            at: None,
        });
    }
    let mut i = 0;
    while i < local_headings.len() {
        let heading = &local_headings[i];
        let end = section_end(&local_headings, i, body.len());
        let next = local_headings[i + 1..]
            .iter()
            .position(|h| h.line.start >= end)
            .map_or(local_headings.len(), |n| i + 1 + n);
        match local_heading(&heading.words) {
            Some(words) => {
                let anchor = heading
                    .written_id
                    .clone()
                    .unwrap_or_else(|| heading_id(words));
                let found = base.iter().position(|b| b.id == anchor);
                let piece = match found {
                    Some(b) => Piece {
                        range: heading.line.end..end,
                        heading: BoxHeading::Made {
                            level: (base[b].level + 1).min(6),
                            words: "Local information".into(),
                        },
                        at: Some(section_end(&base, b, base_body.len())),
                    },
                    None => {
                        unmatched.push(Unmatched {
                            words: words.to_string(),
                            anchor,
                            position: local.position(local.body_offset + heading.line.start),
                        });
                        Piece {
                            range: heading.line.end..end,
                            heading: BoxHeading::Made {
                                level: heading.level,
                                words: format!("Local information: {words}"),
                            },
                            at: None,
                        }
                    }
                };
                pieces.push(piece);
            }
            None => pieces.push(Piece {
                range: heading.line.start..end,
                heading: BoxHeading::Own,
                at: None,
            }),
        }
        i = next;
    }
    pieces.retain(|p| !body[p.range.clone()].trim().is_empty());
    (pieces, unmatched)
}

/// Builds the joined text line by line, remembering where each line came from.
struct Joiner {
    text: String,
    /// The line the next text starts on.
    line: usize,
    map: Vec<LineSpan>,
}

impl Joiner {
    /// Adds whole lines of a file (a newline is added if the last has none).
    fn lines(&mut self, text: &str, from: Option<(Layer, usize)>) {
        if text.is_empty() {
            return;
        }
        self.text.push_str(text);
        if !text.ends_with('\n') {
            self.text.push('\n');
        }
        let count = text.lines().count().max(1);
        self.map.push(LineSpan {
            first: self.line,
            count,
            from,
        });
        self.line += count;
    }

    /// A blank line of its own between parts, so a part cannot run into the next.
    fn gap(&mut self) {
        self.lines("\n", None);
    }
}

/// The page that `local` (with `extends = true`) makes of the `base` page: the base page with
/// the local sections inserted. Errors name the local file: a section that leaves a code block,
/// list or quote open, which would take in the base text after it.
pub(crate) fn extend(base: Page, local: Page) -> (Page, Vec<Diagnostic>) {
    let base_body = base.body();
    let (mut pieces, unmatched) = pieces(base_body, &local);
    // Pieces for the same place keep their order in the local file.
    pieces.sort_by_key(|p| p.at.unwrap_or(usize::MAX));

    let mut join = Joiner {
        text: String::with_capacity(base.text.len() + local.text.len() + 64),
        line: 1,
        map: Vec::new(),
    };
    join.lines(&base.text[..base.body_offset], Some((Layer::Base, 1)));
    let body_start = join.text.len();
    let base_line = |offset: usize| base.position(base.body_offset + offset).line;
    let local_body = local.body();
    let mut done = 0;
    let mut boxes = Vec::new();
    let mut sources = Vec::new();
    for piece in &pieces {
        let at = piece.at.unwrap_or(base_body.len());
        if at > done {
            join.lines(&base_body[done..at], Some((Layer::Base, base_line(done))));
            done = at;
        }
        join.gap();
        let start = join.text.len() - body_start;
        let local_line = local.position(local.body_offset + piece.range.start).line;
        join.lines(
            &local_body[piece.range.clone()],
            Some((Layer::Local, local_line)),
        );
        boxes.push(LocalBox {
            range: start..join.text.len() - body_start,
            heading: piece.heading.clone(),
        });
        sources.push(piece.range.start);
        join.gap();
    }
    if done < base_body.len() {
        join.lines(&base_body[done..], Some((Layer::Base, base_line(done))));
    }

    let addition = Addition {
        file: local.file.clone(),
        front: local.front.clone(),
        lines: local.lines.clone(),
        text: local.text.clone(),
        boxes,
        unmatched,
        line_map: join.map,
    };
    let problems = open_blocks(&join.text[body_start..], &addition, &sources, &local);
    let base_part = BasePart {
        file: base.file.clone(),
        front: base.front.clone(),
        headings: headings(base_body),
    };
    let mut page = base;
    page.lines = LineIndex::new(&join.text);
    page.text = join.text;
    page.layer = Layer::Base;
    page.overlay = Some(Box::new(Overlay {
        base: base_part,
        addition: Some(Box::new(addition)),
    }));
    (page, problems)
}

/// A local section must close everything it opens: a block that starts inside a box and ends
/// beyond it (a code fence never closed, say) would swallow the base text that follows.
fn open_blocks(
    body: &str,
    addition: &Addition,
    sources: &[usize],
    local: &Page,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut depth = 0usize;
    for (event, range) in events::parse(body) {
        match event {
            Event::Start(tag) => {
                if depth == 0
                    && let Some(i) = addition
                        .boxes
                        .iter()
                        .position(|b| b.range.contains(&range.start))
                {
                    let room = &addition.boxes[i].range;
                    // The box, and the blank line after it.
                    if range.end > room.end + 1 {
                        let offset = sources[i] + (range.start - room.start);
                        problems.push(
                            Diagnostic::error(
                                "extends",
                                &local.file,
                                local.position(local.body_offset + offset),
                                format!(
                                    "this {} is not closed before the section ends, so it would take in the regional text after it",
                                    what(&tag)
                                ),
                            )
                            .with_hint("close it inside the section: end a code block with its ``` line"),
                        );
                    }
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    problems
}

fn what(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::CodeBlock(_) => "code block",
        Tag::List(_) => "list",
        Tag::BlockQuote(_) => "quote",
        Tag::Table(_) => "table",
        _ => "block",
    }
}

/// The local replacement of a base page: the local page, remembering the base page it replaces.
pub(crate) fn replace(base: &Page, mut local: Page) -> Page {
    local.overlay = Some(Box::new(Overlay {
        base: BasePart {
            file: base.file.clone(),
            front: base.front.clone(),
            headings: headings(base.body()),
        },
        addition: None,
    }));
    local
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::page_from_text;

    const BASE: &str = "+++\ntitle = \"Neglect procedure\"\n+++\nIntro.\n\n## Making a referral\n\nCall the front door.\n\n### Out of hours\n\nCall the duty team.\n\n## Assessment\n\nAssess.\n";

    fn pages(local: &str) -> (Page, Vec<Diagnostic>) {
        let base = page_from_text(
            "procedures/neglect.md",
            "../regional/content/procedures/neglect.md",
            BASE,
        );
        let local = page_from_text(
            "procedures/neglect.md",
            "content/procedures/neglect.md",
            local,
        );
        extend(base, local)
    }

    #[test]
    fn local_sections_go_at_the_end_of_their_base_section_or_of_the_page() {
        let (page, problems) = pages(
            "+++\nextends = true\n+++\n## Local: Making a referral\n\nIn Northdale call 01234 567890.\n\n## Northdale contacts\n\nThe duty team.\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let body = page.body();
        let local = body.find("In Northdale").unwrap();
        assert!(
            body.find("Call the duty team").unwrap() < local,
            "after the subsection"
        );
        assert!(
            local < body.find("## Assessment").unwrap(),
            "before the next h2"
        );
        assert!(body.find("## Northdale contacts").unwrap() > body.find("Assess.").unwrap());
        assert!(
            !body.contains("Local: Making"),
            "the Local: heading line is not shown"
        );
        let addition = page.overlay.as_ref().unwrap().addition.as_ref().unwrap();
        assert_eq!(addition.boxes.len(), 2);
        assert_eq!(
            addition.boxes[0].heading,
            BoxHeading::Made {
                level: 3,
                words: "Local information".into()
            }
        );
        assert!(body[addition.boxes[0].range.clone()].contains("In Northdale call"));
        assert_eq!(addition.boxes[1].heading, BoxHeading::Own);
        assert!(body[addition.boxes[1].range.clone()].starts_with("## Northdale contacts"));
        assert!(addition.unmatched.is_empty());
        assert_eq!(page.front.title, "Neglect procedure");
    }

    #[test]
    fn lines_of_the_joined_text_lead_back_to_their_files() {
        let (page, _) = pages(
            "+++\nextends = true\nowner = \"North\"\n+++\n## Local: Making a referral\n\nIn Northdale call us.\n",
        );
        let addition = page.overlay.as_ref().unwrap().addition.as_ref().unwrap();
        let line_of = |needle: &str| {
            let offset = page.text.find(needle).unwrap();
            addition.relocate(&page.file, page.position(offset).line)
        };
        let base = PathBuf::from("../regional/content/procedures/neglect.md");
        assert_eq!(line_of("title ="), (base.clone(), 2));
        assert_eq!(line_of("Call the duty team"), (base.clone(), 12));
        assert_eq!(line_of("## Assessment"), (base.clone(), 14));
        assert_eq!(
            line_of("In Northdale"),
            (PathBuf::from("content/procedures/neglect.md"), 7)
        );
    }

    #[test]
    fn a_local_heading_the_base_page_lacks_is_unmatched_and_goes_at_the_end() {
        let (page, _) = pages(
            "+++\nextends = true\n+++\nBefore any heading.\n\n## Local: Early help\n\nOffer early help.\n",
        );
        let addition = page.overlay.as_ref().unwrap().addition.as_ref().unwrap();
        assert_eq!(addition.unmatched.len(), 1);
        assert_eq!(addition.unmatched[0].anchor, "early-help");
        assert_eq!(addition.unmatched[0].position.line, 6);
        let made: Vec<_> = addition.boxes.iter().map(|b| &b.heading).collect();
        assert_eq!(
            made,
            [
                &BoxHeading::Made {
                    level: 2,
                    words: "Local information".into()
                },
                &BoxHeading::Made {
                    level: 2,
                    words: "Local information: Early help".into()
                }
            ]
        );
        let body = page.body();
        assert!(body.find("Offer early help").unwrap() > body.find("Assess.").unwrap());
    }

    #[test]
    fn a_written_id_on_the_local_heading_names_the_base_heading() {
        let (page, _) = pages(
            "+++\nextends = true\n+++\n## Local: Referrals {#making-a-referral}\n\nLocal text.\n",
        );
        let body = page.body();
        assert!(body.find("Local text").unwrap() < body.find("## Assessment").unwrap());
    }

    #[test]
    fn a_section_that_leaves_a_code_block_open_is_an_error_in_the_local_file() {
        let (_, problems) =
            pages("+++\nextends = true\n+++\n## Local: Making a referral\n\n```\nnever closed\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].path,
            PathBuf::from("content/procedures/neglect.md")
        );
        assert_eq!(problems[0].line, 6);
        assert!(problems[0].message.contains("code block"));
    }
}
