//! What the content rules read of a page, gathered in one pass over its Markdown: headings,
//! images, links, prose blocks and their sentences, and every piece of text a reader sees, each
//! with where it is in the file.
//!
//! Parsing once here keeps each rule small (it reads a list, not Markdown events) and keeps
//! `waymark check` fast on large sites.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::reading_age::Counts;
use crate::content::Page;
use crate::diagnostics::Position;
use crate::markdown::forms;
use crate::markdown_parse::events;

/// Everything the content rules need to know about one page.
#[derive(Debug, Default)]
pub struct PageFacts {
    /// Headings in the body, in order.
    pub headings: Vec<Heading>,
    pub images: Vec<Image>,
    pub links: Vec<Link>,
    /// Paragraphs, list items, quotes and definitions: the running text that sentence and
    /// reading-age rules read. Headings, tables, code and form questions are left out.
    pub prose: Vec<Block>,
    /// Byte ranges of the file that a reader sees as text: the title, the summary and the
    /// body's text (headings, tables, link text, image descriptions, form questions), but not
    /// code or web addresses written as links.
    pub text: Vec<Range<usize>>,
    /// Every sentence of the running text, in order.
    pub sentences: Vec<Sentence>,
    /// Sentences, words and syllables of the running text, for its reading age.
    pub counts: Counts,
    /// True when the body has any words besides headings (form questions and image
    /// descriptions count; code does not).
    pub has_body_text: bool,
}

/// A sentence of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Its block in [`PageFacts::prose`].
    pub block: usize,
    /// Where it is in the block's text.
    pub range: Range<usize>,
    pub words: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    pub text: String,
    pub position: Position,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub alt: String,
    pub dest: String,
    pub position: Position,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The words of the link, as a reader sees them.
    pub text: String,
    pub dest: String,
    pub position: Position,
}

/// A block of running text, with where each piece of it came from so a sentence can be
/// traced back to its line and column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Block {
    /// The text as a reader sees it (smart quotes, entities decoded), one space for a line break.
    pub text: String,
    pieces: Vec<Piece>,
}

/// One run of text in a [`Block`]: where it starts in the block's text and which bytes of the
/// file it was written as.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    text_start: usize,
    source: Range<usize>,
}

impl Block {
    /// The byte offset in the file of the text at `offset` in this block. Exact where the
    /// source and the text are the same; otherwise the nearest place the same word is written.
    pub fn file_offset(&self, page: &Page, offset: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|p| p.text_start <= offset)
            .saturating_sub(1);
        let Some(piece) = self.pieces.get(i) else {
            return page.body_offset;
        };
        let delta = offset - piece.text_start.min(offset);
        let source = &page.text[piece.source.clone()];
        let end = (piece.text_start + source.len()).min(self.text.len());
        if self.text.get(piece.text_start..end) == Some(source) {
            return piece.source.start + delta.min(source.len());
        }
        let word: &str = self.text[offset..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        let found = (!word.is_empty())
            .then(|| {
                source
                    .match_indices(word)
                    .map(|(i, _)| i)
                    .min_by_key(|&i| i.abs_diff(delta))
            })
            .flatten();
        piece.source.start + found.unwrap_or(0)
    }
}

/// Gathers the facts of `page` from its title, summary and body.
pub(crate) fn of(page: &Page) -> PageFacts {
    let mut facts = PageFacts::default();
    if page.synthetic {
        return facts;
    }
    for key in ["title", "summary"] {
        if let Some(span) = crate::content::front_matter::value_span(&page.text, key, None) {
            facts.text.push(span);
        }
    }
    Walker::new(page, &mut facts).walk();
    let mut counts = Counts::default();
    for (block, prose) in facts.prose.iter().enumerate() {
        for (range, words) in counts.add(&prose.text) {
            facts.sentences.push(Sentence {
                block,
                range,
                words,
            });
        }
    }
    facts.counts = counts;
    facts
}

/// The state of the one pass over a page's events.
struct Walker<'p, 'f> {
    page: &'p Page,
    facts: &'f mut PageFacts,
    /// Inside a code block, and whether it is a toolkit form.
    code: Option<bool>,
    tables: usize,
    html_blocks: usize,
    images: usize,
    autolinks: usize,
    heading: Option<(u8, usize, String)>,
    /// Open links: destination, start, text so far, and whether it is an autolink.
    links: Vec<(String, usize, String, bool)>,
    /// Open images: their destination, start and description so far.
    image: Vec<(String, usize, String)>,
    block: Block,
}

impl<'p, 'f> Walker<'p, 'f> {
    fn new(page: &'p Page, facts: &'f mut PageFacts) -> Self {
        Walker {
            page,
            facts,
            code: None,
            tables: 0,
            html_blocks: 0,
            images: 0,
            autolinks: 0,
            heading: None,
            links: Vec::new(),
            image: Vec::new(),
            block: Block::default(),
        }
    }

    fn position(&self, body_offset: usize) -> Position {
        self.page.position(self.page.body_offset + body_offset)
    }

    fn walk(mut self) {
        let body = self.page.body();
        for (event, range) in events::parse(body) {
            match event {
                Event::Start(tag) => self.start(tag, range),
                Event::End(tag) => self.end(tag),
                Event::Text(text) => self.text(&text, range, false),
                Event::Code(text) => self.text(&text, range, true),
                Event::SoftBreak | Event::HardBreak => self.push_prose(" ", None),
                _ => {}
            }
        }
        self.flush();
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        if is_block(&tag) {
            self.flush();
        }
        match tag {
            Tag::CodeBlock(kind) => self.code = Some(forms::is_form(&kind)),
            Tag::Table(_) => self.tables += 1,
            Tag::HtmlBlock => self.html_blocks += 1,
            Tag::Heading { level, .. } => {
                self.heading = Some((level as u8, range.start, String::new()));
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.autolinks += usize::from(auto);
                self.links
                    .push((dest_url.to_string(), range.start, String::new(), auto));
            }
            Tag::Image { dest_url, .. } => {
                self.images += 1;
                self.image
                    .push((dest_url.to_string(), range.start, String::new()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::CodeBlock => self.code = None,
            TagEnd::Table => self.tables -= 1,
            TagEnd::HtmlBlock => self.html_blocks -= 1,
            TagEnd::Heading(_) => {
                if let Some((level, start, text)) = self.heading.take() {
                    let position = self.position(start);
                    self.facts.headings.push(Heading {
                        level,
                        text: text.trim().to_string(),
                        position,
                    });
                }
            }
            TagEnd::Link => {
                if let Some((dest, start, text, auto)) = self.links.pop() {
                    self.autolinks -= usize::from(auto);
                    let position = self.position(start);
                    self.facts.links.push(Link {
                        text: text.trim().to_string(),
                        dest,
                        position,
                    });
                }
            }
            TagEnd::Image => {
                self.images -= 1;
                if let Some((dest, start, alt)) = self.image.pop() {
                    let position = self.position(start);
                    self.facts.images.push(Image {
                        alt: alt.trim().to_string(),
                        dest,
                        position,
                    });
                }
            }
            _ => {}
        }
        if ends_block(&tag) {
            self.flush();
        }
    }

    fn text(&mut self, text: &str, range: Range<usize>, inline_code: bool) {
        let in_code = self.code.is_some();
        let in_form = self.code == Some(true);
        if self.heading.is_none()
            && (!in_code || in_form)
            && text.chars().any(char::is_alphanumeric)
        {
            self.facts.has_body_text = true;
        }
        let file_range = self.page.body_offset + range.start..self.page.body_offset + range.end;
        if (!in_code || in_form) && !inline_code && self.autolinks == 0 {
            self.facts.text.push(file_range.clone());
        }
        if let Some((_, _, heading)) = &mut self.heading {
            heading.push_str(text);
        }
        if let Some((_, _, alt)) = self.image.last_mut() {
            alt.push_str(text);
        }
        if let Some((_, _, link, _)) = self.links.last_mut() {
            link.push_str(text);
        }
        if self.heading.is_none()
            && !in_code
            && self.tables == 0
            && self.html_blocks == 0
            && self.images == 0
        {
            self.push_prose(text, Some(file_range));
        }
    }

    fn push_prose(&mut self, text: &str, source: Option<Range<usize>>) {
        if let Some(source) = source {
            self.block.pieces.push(Piece {
                text_start: self.block.text.len(),
                source,
            });
        } else if self.block.text.is_empty() {
            return;
        }
        self.block.text.push_str(text);
    }

    fn flush(&mut self) {
        let block = std::mem::take(&mut self.block);
        if block.text.chars().any(char::is_alphanumeric) {
            self.facts.prose.push(block);
        }
    }
}

/// Tags that start a new block of text: what came before them is a block of its own.
fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
    )
}

fn ends_block(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::content::front_matter;
    use crate::diagnostics::LineIndex;

    /// A page made from a whole file's text, for rule tests.
    pub(crate) fn page(text: &str) -> Page {
        page_at("guide/page.md", text)
    }

    /// A page at `source` under `content/`, made from a whole file's text.
    pub(crate) fn page_at(source: &str, text: &str) -> Page {
        let lines = LineIndex::new(text);
        let file = PathBuf::from("content").join(source);
        let (front, split) = front_matter::parse(&file, text, &lines).expect("front matter");
        let body_offset = split.body_offset;
        let kind = match source.split('/').next() {
            Some("strategy") => crate::content::PageKind::Strategy,
            Some("toolkit") => crate::content::PageKind::Toolkit,
            Some("signposting") => crate::content::PageKind::Signpost,
            Some("definitions") => crate::content::PageKind::Definition,
            _ => crate::content::PageKind::Page,
        };
        Page {
            source: source.to_string(),
            file,
            kind,
            is_section: false,
            url: source.replace(".md", ".html"),
            parent: None,
            children: Vec::new(),
            section_kind: kind,
            front,
            text: text.to_string(),
            body_offset,
            lines,
            synthetic: false,
            layer: crate::content::Layer::Local,
            overlay: None,
        }
    }

    #[test]
    fn headings_images_and_links_with_positions() {
        let p = page(
            "+++\ntitle = \"T\"\n+++\n## One\n\nSee [here](a.md) and ![](chart.png).\n\n#### Deep\n",
        );
        let f = of(&p);
        let levels: Vec<_> = f
            .headings
            .iter()
            .map(|h| (h.level, h.position.line))
            .collect();
        assert_eq!(levels, [(2, 4), (4, 8)]);
        assert_eq!(f.links[0].text, "here");
        assert_eq!(f.links[0].position, Position::new(6, 5));
        assert_eq!(f.images[0].alt, "");
        assert_eq!(f.images[0].position, Position::new(6, 22));
    }

    #[test]
    fn prose_leaves_out_headings_tables_code_and_forms() {
        let p = page(
            "+++\ntitle = \"T\"\n+++\n## Heading\n\nFirst line\nsecond line.\n\n\
             | a | b |\n|---|---|\n| cell | cell |\n\n```form\nA question?\n```\n\n\
             ```\ncode\n```\n\n- item one\n- item two\n",
        );
        let f = of(&p);
        let texts: Vec<_> = f.prose.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["First line second line.", "item one", "item two"]);
        assert!(f.has_body_text);
    }

    #[test]
    fn visible_text_includes_form_questions_but_not_code_or_addresses() {
        let text = "+++\ntitle = \"T\"\n+++\nSee <https://example.org/eg>.\n\n\
                    ```form\nFor example?\n```\n\n```\ncode\n```\n";
        let p = page(text);
        let f = of(&p);
        let seen: Vec<&str> = f.text.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(seen, ["\"T\"", "See ", ".", "For example?\n"]);
    }

    #[test]
    fn sentences_trace_back_to_the_file() {
        let text = "+++\ntitle = \"T\"\n+++\nOne \"two\" three. Four\nfive.\n";
        let p = page(text);
        let f = of(&p);
        let block = &f.prose[0];
        let four = block.text.find("Four").unwrap();
        let at = block.file_offset(&p, four);
        assert_eq!(&text[at..at + 4], "Four");
        let five = block.text.find("five").unwrap();
        let at = block.file_offset(&p, five);
        assert_eq!(p.position(at), Position::new(5, 1));
    }

    #[test]
    fn an_empty_body_has_no_text() {
        let f = of(&page("+++\ntitle = \"T\"\n+++\n\n## Heading only\n"));
        assert!(!f.has_body_text, "a heading alone is not something to read");
        let f = of(&page("+++\ntitle = \"T\"\n+++\n\n![A chart](c.png)\n"));
        assert!(f.has_body_text, "an image with a description is");
        let f = of(&page("+++\ntitle = \"T\"\n+++\n\n"));
        assert!(!f.has_body_text);
        let f = of(&page("+++\ntitle = \"T\"\n+++\n```\ncode\n```\n"));
        assert!(!f.has_body_text);
    }
}
