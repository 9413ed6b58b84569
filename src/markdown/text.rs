//! Plain text of a page, cut into sections at h2 and h3, for the search index and for checks
//! that read prose (sentence length, reading age).

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::forms::{is_form, parse_prompts};
use crate::markdown_parse::events::Spanned;

/// The text of one part of a page: the intro (no heading) or an h2/h3 and what follows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextSection {
    /// The heading's id, for linking straight to the section.
    pub anchor: Option<String>,
    pub heading: Option<String>,
    /// Headings below h3 inside the section.
    pub subheadings: Vec<String>,
    pub text: String,
}

/// Splits the page's text into sections. Blocks are separated by newlines so sentences and
/// list items stay apart. A toolkit form contributes its questions, one a line, without the
/// `| N` that asks for writing space.
pub(crate) fn sections(events: &[Spanned<'_>]) -> Vec<TextSection> {
    let mut sections = vec![TextSection::default()];
    let mut in_heading: Option<(HeadingLevel, String)> = None;
    let mut form: Option<String> = None;
    for (event, _) in events {
        if let Some(raw) = &mut form {
            match event {
                Event::Text(t) => raw.push_str(t),
                Event::End(TagEnd::CodeBlock) => {
                    let section = sections.last_mut().unwrap();
                    for prompt in parse_prompts(raw) {
                        section.text.push_str(&prompt.text);
                        section.text.push('\n');
                    }
                    form = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) if is_form(kind) => form = Some(String::new()),
            Event::Start(Tag::Heading { level, id, .. }) => {
                in_heading = Some((*level, id.as_deref().unwrap_or("").to_string()));
                if *level <= HeadingLevel::H3 {
                    sections.push(TextSection {
                        anchor: id.as_ref().map(|s| s.to_string()),
                        heading: Some(String::new()),
                        ..TextSection::default()
                    });
                } else {
                    sections.last_mut().unwrap().subheadings.push(String::new());
                }
            }
            Event::End(TagEnd::Heading(_)) => in_heading = None,
            Event::Text(t) | Event::Code(t) => {
                let section = sections.last_mut().unwrap();
                match &in_heading {
                    Some((level, _)) if *level <= HeadingLevel::H3 => {
                        section.heading.get_or_insert_with(String::new).push_str(t)
                    }
                    Some(_) => section.subheadings.last_mut().unwrap().push_str(t),
                    None => section.text.push_str(t),
                }
            }
            Event::SoftBreak | Event::HardBreak => sections.last_mut().unwrap().text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::BlockQuote(_),
            ) => sections.last_mut().unwrap().text.push('\n'),
            _ => {}
        }
    }
    if sections[0].text.trim().is_empty() && sections.len() > 1 {
        sections.remove(0);
    }
    for s in &mut sections {
        s.text = s.text.trim().to_string();
        if let Some(h) = &mut s.heading {
            *h = h.trim().to_string();
        }
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown_parse::events::parse;
    use crate::markdown_parse::heading_ids::assign_ids;

    #[test]
    fn sections_split_at_h2_and_h3_with_anchors() {
        let mut events = parse(
            "Intro text.\n\n## Morning\n\nWake up.\n\n#### Detail\n\nMore.\n\n### Lunch\n\n- Soup\n- Bread\n",
        );
        assign_ids(&mut events);
        let s = sections(&events);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].heading, None);
        assert_eq!(s[0].text, "Intro text.");
        assert_eq!(s[1].anchor.as_deref(), Some("morning"));
        assert_eq!(s[1].subheadings, ["Detail"]);
        assert_eq!(s[1].text, "Wake up.\nMore.");
        assert_eq!(s[2].text, "Soup\nBread");
    }

    #[test]
    fn form_questions_are_text_without_their_line_counts() {
        let events =
            parse("## Morning\n\n```form\nWho wakes you? | 3\nWhat is for breakfast?\n```\n");
        let s = sections(&events);
        assert_eq!(s[0].text, "Who wakes you?\nWhat is for breakfast?");
    }

    #[test]
    fn an_empty_intro_is_dropped() {
        let mut events = parse("## Only\n\nText\n");
        assign_ids(&mut events);
        assert_eq!(sections(&events).len(), 1);
    }
}
