//! The glossary: a two-column "Term | Definition" table, or a section called Glossary or
//! Definitions with "Term: meaning" lines, becomes one definition per term. Where the terms
//! were, a line now points to the site's A to Z.

use super::control::normalise;
use super::model::{Block, Content, Inline, LinkTarget, Paragraph, ParagraphKind, Table};

/// A term found in the glossary.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term {
    /// The term, without an abbreviation in brackets.
    pub title: String,
    pub abbreviation: Option<String>,
    /// The meaning, as paragraphs.
    pub meaning: Vec<Block>,
    /// The first sentence of the meaning: the definition's short summary.
    pub summary: String,
    /// Where it was ([`Block::at`]).
    pub at: usize,
}

/// Names of glossary sections, after any "Appendix 3:" before them.
const SECTION_NAMES: &[&str] = &[
    "definitions",
    "key definitions",
    "definitions of terms",
    "definition of terms",
    "terms",
    "key terms",
    "terminology",
    "abbreviations",
    "acronyms",
    "abbreviations and acronyms",
    "acronyms and abbreviations",
    "definitions and abbreviations",
    "jargon buster",
];

const TERM_HEADERS: &[&str] = &[
    "term",
    "terms",
    "word",
    "phrase",
    "abbreviation",
    "abbreviations",
    "acronym",
    "acronyms",
    "name",
];
const MEANING_HEADERS: &[&str] = &[
    "definition",
    "definitions",
    "meaning",
    "description",
    "explanation",
    "what it means",
    "stands for",
    "full name",
];

/// True for a heading that names a glossary: "Glossary", "Appendix 4: Definitions".
pub(crate) fn is_glossary_heading(text: &str) -> bool {
    let name = normalise(text);
    if name.contains("glossary") {
        return true;
    }
    let name = strip_numbering(&name);
    SECTION_NAMES.contains(&name) || name.starts_with("terms used")
}

/// "appendix 3 definitions" or "4 1 definitions" as "definitions".
fn strip_numbering(name: &str) -> &str {
    let mut rest = name.trim();
    if let Some(r) = rest.strip_prefix("appendix") {
        rest = r.trim_start();
    }
    rest.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == '-')
}

/// Takes every term out of `blocks` and puts a pointer to the A to Z in the place of the
/// first.
pub(crate) fn extract(blocks: &mut Vec<Block>) -> Vec<Term> {
    let mut terms = Vec::new();
    let mut kept = Vec::with_capacity(blocks.len());
    let mut glossary_level: Option<u8> = None;
    let mut pointed = false;
    for block in blocks.drain(..) {
        if let Some(level) = block.heading_level() {
            if glossary_level.is_some_and(|g| level <= g) {
                glossary_level = None;
            }
            if is_glossary_heading(&block.plain_text()) {
                glossary_level = Some(level);
            }
            kept.push(block);
            continue;
        }
        let in_section = glossary_level.is_some();
        let found = match &block.content {
            Content::Table(t) => from_table(t, block.at, in_section),
            Content::Paragraph(p) if in_section => {
                from_paragraph(p, block.at).into_iter().collect()
            }
            Content::Paragraph(_) => Vec::new(),
        };
        if found.is_empty() {
            kept.push(block);
            continue;
        }
        if !pointed {
            kept.push(pointer(block.at));
            pointed = true;
        }
        terms.extend(found);
    }
    *blocks = kept;
    terms
}

/// "The terms in this document are in the glossary."
pub(crate) fn pointer(at: usize) -> Block {
    Block {
        at,
        content: Content::Paragraph(Paragraph::new(
            ParagraphKind::Normal,
            vec![
                Inline::text("The terms this document uses are defined in the "),
                Inline::Link {
                    target: LinkTarget::Glossary,
                    content: vec![Inline::text("glossary")],
                },
                Inline::text("."),
            ],
        )),
    }
}

/// True when `block` is the pointer [`extract`] leaves.
pub(crate) fn is_pointer(block: &Block) -> bool {
    block.paragraph().is_some_and(|p| {
        p.inlines.iter().any(|i| {
            matches!(
                i,
                Inline::Link {
                    target: LinkTarget::Glossary,
                    ..
                }
            )
        })
    })
}

/// A two-column table headed "Term | Definition", or any two-column table in a glossary
/// section.
fn from_table(table: &Table, at: usize, in_section: bool) -> Vec<Term> {
    if table.rows.iter().any(|r| r.cells.len() != 2) || table.rows.is_empty() {
        return Vec::new();
    }
    let header: Vec<String> = table.rows[0]
        .cells
        .iter()
        .map(|c| normalise(&c.plain_text()))
        .collect();
    let headed =
        TERM_HEADERS.contains(&header[0].as_str()) && MEANING_HEADERS.contains(&header[1].as_str());
    if !headed && !in_section {
        return Vec::new();
    }
    let abbreviations = header[0].starts_with("abbreviation") || header[0].starts_with("acronym");
    table
        .rows
        .iter()
        .skip(usize::from(headed))
        .filter_map(|row| {
            let name = row.cells[0].plain_text();
            let meaning: Vec<Block> = row.cells[1]
                .blocks
                .iter()
                .filter(|b| b.paragraph().is_some())
                .cloned()
                .collect();
            term(&name, meaning, at, abbreviations)
        })
        .collect()
}

/// A "Term: meaning" line: the term in bold, or before a colon, dash or tab.
fn from_paragraph(p: &Paragraph, at: usize) -> Option<Term> {
    let text = p.plain_text();
    let term_len = bold_lead(&p.inlines).or_else(|| separator(&text))?;
    let (name, rest) = text.split_at(term_len.min(text.len()));
    let name = name.trim().trim_end_matches([':', '-', '–', '—']).trim();
    let skip = text.len()
        - rest
            .trim_start_matches([':', '-', '–', '—', ' ', '\t'])
            .len();
    let mut inlines = p.inlines.clone();
    drop_leading(&mut inlines, skip);
    let meaning = Block {
        at,
        content: Content::Paragraph(Paragraph::new(ParagraphKind::Normal, inlines)),
    };
    term(name, vec![meaning], at, false)
}

/// Bytes of the bold text opening the paragraph, when more text follows it.
fn bold_lead(inlines: &[Inline]) -> Option<usize> {
    let mut len = 0;
    for inline in inlines {
        match inline {
            Inline::Text { text, style } if style.bold => len += text.len(),
            Inline::Text { text, .. } if len > 0 && !text.trim().is_empty() => return Some(len),
            Inline::Text { text, .. } if len == 0 && text.trim().is_empty() => len += text.len(),
            _ => return None,
        }
    }
    None
}

/// Where a term ends: at ": ", " – ", " - " or a tab, within the first few words.
fn separator(text: &str) -> Option<usize> {
    let candidates = [":", " – ", " — ", " - ", "\t"];
    let end = candidates.iter().filter_map(|s| text.find(s)).min()?;
    let name = &text[..end];
    (name.split_whitespace().count() <= 10 && !name.trim().is_empty()).then_some(end)
}

/// Removes the first `bytes` bytes of text.
fn drop_leading(inlines: &mut Vec<Inline>, mut bytes: usize) {
    while bytes > 0 {
        let Some(Inline::Text { text, .. }) = inlines.first_mut() else {
            break;
        };
        if text.len() <= bytes {
            bytes -= text.len();
            inlines.remove(0);
        } else {
            let mut cut = bytes;
            while !text.is_char_boundary(cut) {
                cut += 1;
            }
            text.drain(..cut);
            bytes = 0;
        }
    }
    if let Some(Inline::Text { text, .. }) = inlines.first_mut() {
        *text = text.trim_start().to_string();
    }
}

/// A term from its name and meaning, reading "Multi-Agency Safeguarding Hub (MASH)" and
/// "MASH (Multi-Agency Safeguarding Hub)" as a term with its abbreviation, and in an
/// abbreviations table "MASH | Multi-Agency Safeguarding Hub" the same way.
fn term(name: &str, meaning: Vec<Block>, at: usize, abbreviations: bool) -> Option<Term> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let meaning_text = meaning
        .iter()
        .map(Block::plain_text)
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() || meaning_text.is_empty() || name.split_whitespace().count() > 12 {
        return None;
    }
    let (mut title, mut abbreviation) = split_abbreviation(&name);
    let short = meaning_text.split_whitespace().count() <= 8 && !meaning_text.contains(". ");
    if abbreviation.is_none() && is_abbreviation(&title) && (abbreviations || short) {
        abbreviation = Some(title);
        title = meaning_text.trim_end_matches('.').to_string();
    }
    Some(Term {
        summary: first_sentence(&meaning_text),
        title,
        abbreviation,
        meaning,
        at,
    })
}

fn split_abbreviation(name: &str) -> (String, Option<String>) {
    if let Some(open) = name.rfind('(')
        && name.ends_with(')')
    {
        let outside = name[..open].trim().to_string();
        let inside = name[open + 1..name.len() - 1].trim().to_string();
        if is_abbreviation(&inside) && !outside.is_empty() {
            return (outside, Some(inside));
        }
        if is_abbreviation(&outside) && !inside.is_empty() {
            return (inside, Some(outside));
        }
    }
    (name.to_string(), None)
}

/// "MASH", "CiN", "CAMHS", "S47"? Two to ten characters, no spaces, at least two capitals.
fn is_abbreviation(text: &str) -> bool {
    (2..=10).contains(&text.chars().count())
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "&-/".contains(c))
        && text.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// The first sentence, as the definition's summary.
fn first_sentence(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut end = text.len();
    for (i, _) in text.match_indices(". ") {
        if text[i + 2..].starts_with(|c: char| c.is_uppercase()) {
            end = i + 1;
            break;
        }
    }
    text[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::testing::{block, heading, para, styled, table};

    fn names(terms: &[Term]) -> Vec<(String, Option<String>, String)> {
        terms
            .iter()
            .map(|t| (t.title.clone(), t.abbreviation.clone(), t.summary.clone()))
            .collect()
    }

    #[test]
    fn a_term_definition_table_becomes_terms() {
        let mut blocks = vec![
            heading(0, 1, "Appendix 3"),
            table(
                1,
                &[
                    &["Term", "Definition"],
                    &[
                        "Multi-Agency Safeguarding Hub (MASH)",
                        "The front door for concerns about a child. It decides who helps.",
                    ],
                    &[
                        "CIN (Child in Need)",
                        "A child who needs services to be safe and well.",
                    ],
                ],
            ),
        ];
        let terms = extract(&mut blocks);
        assert_eq!(
            names(&terms),
            [
                (
                    "Multi-Agency Safeguarding Hub".to_string(),
                    Some("MASH".to_string()),
                    "The front door for concerns about a child.".to_string()
                ),
                (
                    "Child in Need".to_string(),
                    Some("CIN".to_string()),
                    "A child who needs services to be safe and well.".to_string()
                ),
            ]
        );
        assert_eq!(blocks.len(), 2);
        assert!(is_pointer(&blocks[1]));
    }

    #[test]
    fn a_glossary_section_of_lines_becomes_terms() {
        let mut blocks = vec![
            heading(0, 1, "Glossary"),
            para(1, "These are the words we use."),
            para(2, "Chronology: a list of events in date order."),
            block(
                3,
                ParagraphKind::Normal,
                vec![
                    styled("Core group", true, false),
                    styled(" – the practitioners who carry out the plan.", false, false),
                ],
            ),
            para(4, "GP\tGeneral Practitioner"),
            heading(5, 1, "Next chapter"),
            para(6, "Safety: not a term here"),
        ];
        let terms = extract(&mut blocks);
        assert_eq!(
            names(&terms),
            [
                (
                    "Chronology".to_string(),
                    None,
                    "a list of events in date order.".to_string()
                ),
                (
                    "Core group".to_string(),
                    None,
                    "the practitioners who carry out the plan.".to_string()
                ),
                (
                    "General Practitioner".to_string(),
                    Some("GP".to_string()),
                    "General Practitioner".to_string()
                ),
            ]
        );
        let texts: Vec<String> = blocks.iter().map(Block::plain_text).collect();
        assert_eq!(
            texts,
            [
                "Glossary",
                "These are the words we use.",
                "The terms this document uses are defined in the glossary.",
                "Next chapter",
                "Safety: not a term here"
            ]
        );
    }

    #[test]
    fn names_glossary_headings_but_not_others() {
        assert!(is_glossary_heading("Glossary of terms"));
        assert!(is_glossary_heading("Appendix 4: Definitions"));
        assert!(is_glossary_heading("Abbreviations and acronyms"));
        assert!(!is_glossary_heading("Definition of neglect"));
        assert!(!is_glossary_heading("Defining neglect"));
    }
}
