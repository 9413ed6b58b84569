//! Splitting the document into pages: the text before the first chapter heading becomes the
//! section's introduction, and each heading at the chosen level (or above) starts a page.

use super::control::{CONTROL_HEADINGS, normalise};
use super::glossary::{is_glossary_heading, is_pointer};
use super::history::HISTORY_HEADINGS;
use super::model::{Block, Content, Lost, LostKind, ParagraphKind};

/// The document cut into pages.
#[derive(Debug, Default)]
pub(crate) struct Chapters {
    /// The Title paragraph, if the document has one.
    pub title: Option<String>,
    /// The Subtitle paragraph: the section's summary.
    pub subtitle: Option<String>,
    /// What comes before the first chapter.
    pub intro: Vec<Block>,
    pub chapters: Vec<Chapter>,
    /// Headings of chapters that held only the glossary: links to them go to the A to Z.
    pub glossary_chapters: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chapter {
    pub title: String,
    /// The [`Block::at`] of the heading.
    pub heading_at: usize,
    /// The chapter's blocks after its heading.
    pub blocks: Vec<Block>,
}

/// Headings that are dropped, without a report, when nothing is left under them: the
/// import took out what they introduced.
const CONTENTS_HEADINGS: &[&str] = &["contents", "table of contents"];

/// Splits `blocks` at headings of `level` or above (1 is the top), and drops empty chapters.
pub(crate) fn split(blocks: Vec<Block>, level: u8, lost: &mut Vec<Lost>) -> Chapters {
    let mut out = Chapters::default();
    let mut current: Option<Chapter> = None;
    for mut block in blocks {
        if let Content::Paragraph(p) = &mut block.content {
            match p.kind {
                ParagraphKind::Title
                    if out.title.is_none() && current.is_none() && !p.plain_text().is_empty() =>
                {
                    out.title = Some(p.plain_text());
                    continue;
                }
                ParagraphKind::Subtitle
                    if out.subtitle.is_none()
                        && current.is_none()
                        && !p.plain_text().is_empty() =>
                {
                    out.subtitle = Some(p.plain_text());
                    continue;
                }
                ParagraphKind::Title | ParagraphKind::Subtitle => p.kind = ParagraphKind::Normal,
                _ => {}
            }
        }
        match block.heading_level() {
            Some(l) if l <= level => {
                if let Some(done) = current.take() {
                    finish(done, &mut out, lost);
                }
                let title = block.plain_text();
                let title = if title.is_empty() {
                    // A heading of only a picture: the page still needs a title.
                    format!("Chapter {}", out.chapters.len() + 1)
                } else {
                    title
                };
                current = Some(Chapter {
                    title,
                    heading_at: block.at,
                    blocks: Vec::new(),
                });
            }
            _ => match &mut current {
                Some(chapter) => chapter.blocks.push(block),
                None => out.intro.push(block),
            },
        }
    }
    if let Some(done) = current.take() {
        finish(done, &mut out, lost);
    }
    out.intro = drop_empty_sections(std::mem::take(&mut out.intro));
    out
}

fn finish(mut chapter: Chapter, out: &mut Chapters, lost: &mut Vec<Lost>) {
    chapter.blocks = drop_empty_sections(std::mem::take(&mut chapter.blocks));
    if chapter.blocks.iter().all(is_pointer) && !chapter.blocks.is_empty() {
        out.glossary_chapters.push(chapter.heading_at);
    } else if chapter.blocks.is_empty() {
        if !is_import_heading(&chapter.title) {
            lost.push(Lost {
                what: LostKind::EmptyHeading(chapter.title.clone()),
                at: Some(chapter.heading_at),
                excerpt: String::new(),
            });
        }
    } else {
        out.chapters.push(chapter);
    }
}

/// Headings whose content the import takes out: document control, version history, the
/// table of contents and the glossary.
fn is_import_heading(text: &str) -> bool {
    let name = normalise(text);
    CONTROL_HEADINGS.contains(&name.as_str())
        || HISTORY_HEADINGS.iter().any(|h| name.ends_with(h))
        || CONTENTS_HEADINGS.contains(&name.as_str())
        || is_glossary_heading(text)
}

/// Removes headings of that kind with nothing under them before the next heading at their
/// level or above.
fn drop_empty_sections(blocks: Vec<Block>) -> Vec<Block> {
    let mut keep = vec![true; blocks.len()];
    for (i, block) in blocks.iter().enumerate() {
        let Some(level) = block.heading_level() else {
            continue;
        };
        if !is_import_heading(&block.plain_text()) {
            continue;
        }
        let empty = blocks[i + 1..]
            .iter()
            .take_while(|b| b.heading_level().is_none_or(|l| l > level))
            .all(|b| b.heading_level().is_some());
        if empty {
            keep[i] = false;
        }
    }
    blocks
        .into_iter()
        .zip(keep)
        .filter_map(|(b, k)| k.then_some(b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::glossary::pointer;
    use crate::import::testing::{block, heading, para};

    #[test]
    fn splits_at_the_chosen_level_with_an_introduction() {
        let blocks = vec![
            block(
                0,
                ParagraphKind::Title,
                vec![crate::import::model::Inline::text("Neglect strategy")],
            ),
            para(1, "Welcome."),
            heading(2, 1, "Contents"),
            heading(3, 1, "Introduction"),
            para(4, "Neglect is the most common reason for a plan."),
            heading(5, 2, "Scope"),
            para(6, "Everyone."),
            heading(7, 1, "Empty chapter"),
            heading(8, 1, "Glossary"),
            pointer(9),
            heading(10, 1, "Priorities"),
            para(11, "Four priorities."),
            heading(12, 2, "Version history"),
        ];
        let mut lost = Vec::new();
        let split = split(blocks, 1, &mut lost);
        assert_eq!(split.title.as_deref(), Some("Neglect strategy"));
        assert_eq!(split.intro, [para(1, "Welcome.")]);
        let titles: Vec<&str> = split.chapters.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["Introduction", "Priorities"]);
        assert_eq!(split.chapters[0].blocks.len(), 3);
        // The history heading had nothing under it.
        assert_eq!(split.chapters[1].blocks, [para(11, "Four priorities.")]);
        assert_eq!(split.glossary_chapters, [8]);
        assert_eq!(
            lost.iter().map(|l| l.what.clone()).collect::<Vec<_>>(),
            [LostKind::EmptyHeading("Empty chapter".into())]
        );
    }

    #[test]
    fn a_heading_of_only_a_picture_still_gives_a_title() {
        let picture = crate::import::model::Inline::Image(crate::import::model::Image {
            part: "word/media/image1.png".into(),
            alt: None,
            alt_is_automatic: false,
            decorative: false,
        });
        let blocks = vec![
            block(0, ParagraphKind::Heading(1), vec![picture]),
            para(1, "Text."),
        ];
        let split = split(blocks, 1, &mut Vec::new());
        assert_eq!(split.chapters[0].title, "Chapter 1");
    }

    #[test]
    fn a_deeper_split_makes_pages_of_both_levels() {
        let blocks = vec![
            heading(0, 1, "Part one"),
            para(1, "About part one."),
            heading(2, 2, "Chapter A"),
            para(3, "A."),
        ];
        let split = split(blocks, 2, &mut Vec::new());
        let titles: Vec<&str> = split.chapters.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["Part one", "Chapter A"]);
    }
}
