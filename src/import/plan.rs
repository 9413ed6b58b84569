//! The plan: from the read document to the files to write, with what the report will say.
//! Each step is its own pass over the model: document control, version history and the
//! glossary are taken out, the rest is split into chapters, links are mapped to pages, and
//! each page is written as Markdown.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use super::chapters::{self, Chapter, Chapters};
use super::control::{self, CONTROL_HEADINGS, DocumentControl, normalise};
use super::existing::ExistingTerms;
use super::front_matter::Front;
use super::glossary::{self, Term};
use super::history::{self, History};
use super::markdown::{self, Notes, PageContext, PageImage};
use super::model::{Block, Content, Document, Inline, LinkTarget, Lost, LostKind};
use super::package::Package;
use super::targets::{PageBlocks, Targets};
use super::write::{FileKind, PlannedFile};
use super::{ImportKind, ImportOptions};
use crate::util::slug::file_slug;

/// Everything the import will write and report.
#[derive(Debug)]
pub struct Plan {
    /// The section folder, inside `content/`.
    pub section: String,
    pub kind: ImportKind,
    /// The document's title.
    pub title: String,
    pub files: Vec<PlannedFile>,
    /// Terms the site already defines: (term, the file that defines it).
    pub skipped_terms: Vec<(String, PathBuf)>,
    pub control: Option<DocumentControl>,
    pub history: Option<History>,
    /// What to check by eye, in document order.
    pub findings: Vec<Finding>,
}

/// Something to check by eye, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The page it concerns, relative to the site folder (None: a note or the document as a
    /// whole).
    pub page: Option<PathBuf>,
    /// "Introduction, paragraph 3".
    pub place: String,
    pub message: String,
    pub excerpt: String,
}

/// One page of the import, before it is written.
struct PageDraft {
    source: String,
    title: String,
    title_at: Option<usize>,
    weight: Option<i64>,
    summary: Option<String>,
    blocks: Vec<Block>,
    kind: FileKind,
}

/// Plans the import of `document` into the site at `options.site_dir`.
pub(crate) fn make(
    document: Document,
    package: &Package,
    options: &ImportOptions,
) -> Result<Plan, super::ImportError> {
    let Document {
        mut blocks,
        notes,
        bookmarks,
        property_title,
        mut lost,
    } = document;
    let split_level = options.split_level;

    let within = blocks
        .iter()
        .position(|b| {
            b.heading_level().is_some_and(|l| l <= split_level)
                && !CONTROL_HEADINGS.contains(&normalise(&b.plain_text()).as_str())
        })
        .unwrap_or(blocks.len())
        .max(6);
    let control = control::extract(&mut blocks, within);
    let history = history::extract(&mut blocks);
    let terms = glossary::extract(&mut blocks);
    let split = chapters::split(blocks, split_level, &mut lost);

    let title = split
        .title
        .clone()
        .or_else(|| control.as_ref().and_then(|c| c.title.clone()))
        .or(property_title)
        .unwrap_or_else(|| title_from_file(package.path()));
    let (section, kind) = super::section::resolve(options, &title)?;
    let glossary_chapters = split.glossary_chapters.clone();
    let pages = page_drafts(split, &section, &title);

    let mut existing = ExistingTerms::read(&options.site_dir);
    let (new_terms, skipped_terms) = choose_terms(terms, &mut existing, &options.site_dir);
    let glossary_page = (!new_terms.is_empty() || !skipped_terms.is_empty())
        .then(|| "definitions/_index.md".to_string());

    let linked = linked_bookmarks(&pages, &notes, &new_terms);
    let page_blocks: Vec<PageBlocks<'_>> = pages
        .iter()
        .map(|p| PageBlocks {
            source: p.source.clone(),
            title_at: p.title_at,
            blocks: &p.blocks,
        })
        .collect();
    let targets = Targets::build(
        &page_blocks,
        bookmarks,
        &linked,
        &glossary_chapters,
        glossary_page,
    );

    let version = control
        .as_ref()
        .and_then(|c| c.version.clone())
        .or_else(|| history.as_ref().and_then(|h| h.latest_version.clone()));
    let changes = history
        .as_ref()
        .map(|h| h.changes.clone())
        .unwrap_or_default();
    let mut files = Vec::new();
    let mut images: Vec<PageImage> = Vec::new();
    for page in &pages {
        let mut ctx = PageContext::new(&page.source, &targets);
        let body = markdown::page_body(&page.blocks, &notes, &mut ctx);
        let chapter = page.kind == FileKind::Page;
        let front = Front {
            title: &page.title,
            summary: page.summary.as_deref(),
            weight: page.weight,
            control: control.as_ref().filter(|_| chapter),
            version: version.as_deref().filter(|_| chapter),
            changes: if chapter { &changes } else { &[] },
            ..Front::default()
        };
        files.push(markdown_file(
            &page.source,
            page.kind,
            &page.title,
            &front,
            &body,
        ));
        images.extend(ctx.images);
        lost.extend(ctx.lost);
    }
    for term in &new_terms {
        let source = term_source(term);
        let mut ctx = PageContext::new(&source, &targets);
        let body = markdown::paragraphs(&term.meaning, &mut ctx);
        let front = Front {
            title: &term.title,
            summary: Some(&term.summary),
            abbreviation: term.abbreviation.as_deref(),
            source: Some(&title),
            ..Front::default()
        };
        files.push(markdown_file(
            &source,
            FileKind::Definition,
            &term.title,
            &front,
            &body,
        ));
        images.extend(ctx.images);
        lost.extend(ctx.lost);
    }
    for image in images {
        match package.part(&image.part) {
            Some(bytes) => files.push(PlannedFile {
                path: Path::new("content").join(&image.source),
                contents: bytes.to_vec(),
                what: FileKind::Image,
                title: String::new(),
            }),
            None => lost.push(Lost {
                what: LostKind::ImageFormat(format!(
                    "`{}` is missing from the file, so `{}` could not be written",
                    image.part, image.source
                )),
                at: None,
                excerpt: String::new(),
            }),
        }
    }
    let findings = locate(lost, &pages);
    Ok(Plan {
        section,
        kind,
        title,
        files,
        skipped_terms,
        control,
        history,
        findings,
    })
}

/// The pages: the section's introduction (when the document has chapters) and one page per
/// chapter, named by the chapter's heading; a document without chapters is one page.
fn page_drafts(split: Chapters, section: &str, title: &str) -> Vec<PageDraft> {
    let mut pages = Vec::new();
    let mut used: HashSet<String> = ["index".to_string(), "_index".to_string()].into();
    if split.chapters.is_empty() {
        let slug = unique_slug(title, &mut used);
        pages.push(PageDraft {
            source: format!("{section}/{slug}.md"),
            title: title.to_string(),
            title_at: None,
            weight: None,
            summary: split.subtitle,
            blocks: split.intro,
            kind: FileKind::Page,
        });
        return pages;
    }
    pages.push(PageDraft {
        source: format!("{section}/_index.md"),
        title: title.to_string(),
        title_at: None,
        weight: None,
        summary: split.subtitle,
        blocks: split.intro,
        kind: FileKind::SectionIndex,
    });
    for (
        i,
        Chapter {
            title,
            heading_at,
            blocks,
        },
    ) in split.chapters.into_iter().enumerate()
    {
        let slug = unique_slug(&title, &mut used);
        pages.push(PageDraft {
            source: format!("{section}/{slug}.md"),
            title,
            title_at: Some(heading_at),
            weight: Some((i as i64 + 1) * 10),
            summary: None,
            blocks,
            kind: FileKind::Page,
        });
    }
    pages
}

/// A file name from a heading: without its number ("2.1 Scope" is `scope`), at most eight
/// words, and not one already taken.
fn unique_slug(heading: &str, used: &mut HashSet<String>) -> String {
    let without_number = heading
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')')
        .trim_start();
    let mut slug = file_slug(if file_slug(without_number).is_empty() {
        heading
    } else {
        without_number
    });
    slug = slug.split('-').take(8).collect::<Vec<_>>().join("-");
    if slug.is_empty() {
        slug = "chapter".into();
    }
    let mut candidate = slug.clone();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{slug}-{n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}

/// Splits the glossary's terms into those to write and those the site already has.
fn choose_terms(
    terms: Vec<Term>,
    existing: &mut ExistingTerms,
    site_dir: &Path,
) -> (Vec<Term>, Vec<(String, PathBuf)>) {
    let mut new = Vec::new();
    let mut skipped = Vec::new();
    let mut slugs = HashSet::new();
    for term in terms {
        let mut names = vec![term.title.as_str()];
        names.extend(term.abbreviation.as_deref());
        let file = PathBuf::from("content").join(term_source(&term));
        if let Some(found) = existing.defining(&names) {
            skipped.push((term.title.clone(), found.to_path_buf()));
        } else if site_dir.join(&file).exists() || !slugs.insert(term_source(&term)) {
            // A file of that name already, or a second term with the same file name.
            skipped.push((term.title.clone(), file));
        } else {
            existing.add(&names, &file);
            new.push(term);
        }
    }
    (new, skipped)
}

fn term_source(term: &Term) -> String {
    let slug = file_slug(&term.title);
    let slug = if slug.is_empty() {
        "term".to_string()
    } else {
        slug
    };
    format!("definitions/{slug}.md")
}

/// Every bookmark a link names, in the pages, notes and definitions.
fn linked_bookmarks(pages: &[PageDraft], notes: &Notes, terms: &[Term]) -> HashSet<String> {
    let mut out = HashSet::new();
    let blocks = pages
        .iter()
        .flat_map(|p| &p.blocks)
        .chain(notes.values().flatten())
        .chain(terms.iter().flat_map(|t| &t.meaning));
    for block in blocks {
        collect_bookmarks(block, &mut out);
    }
    out
}

fn collect_bookmarks(block: &Block, out: &mut HashSet<String>) {
    fn inlines(list: &[Inline], out: &mut HashSet<String>) {
        for inline in list {
            if let Inline::Link { target, content } = inline {
                if let LinkTarget::Bookmark(name) = target {
                    out.insert(name.clone());
                }
                inlines(content, out);
            }
        }
    }
    match &block.content {
        Content::Paragraph(p) => inlines(&p.inlines, out),
        Content::Table(t) => {
            for b in t.rows.iter().flat_map(|r| &r.cells).flat_map(|c| &c.blocks) {
                collect_bookmarks(b, out);
            }
        }
    }
}

fn markdown_file(
    source: &str,
    what: FileKind,
    title: &str,
    front: &Front<'_>,
    body: &str,
) -> PlannedFile {
    let mut text = front.render();
    if !body.trim().is_empty() {
        text.push('\n');
        text.push_str(body.trim_end());
        text.push('\n');
    }
    PlannedFile {
        path: Path::new("content").join(source),
        contents: text.into_bytes(),
        what,
        title: title.to_string(),
    }
}

/// "Neglect_Strategy_v3 final.docx" as "Neglect Strategy v3 final".
fn title_from_file(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let words = stem.replace(['_', '-'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.is_empty() {
        "Imported document".into()
    } else {
        words
    }
}

/// Puts each finding on its page, with the chapter and paragraph it is in.
fn locate(lost: Vec<Lost>, pages: &[PageDraft]) -> Vec<Finding> {
    let mut places: BTreeMap<usize, (PathBuf, &str, usize)> = BTreeMap::new();
    for page in pages {
        let path = Path::new("content").join(&page.source);
        if let Some(at) = page.title_at {
            places.insert(at, (path.clone(), &page.title, 0));
        }
        for (i, block) in page.blocks.iter().enumerate() {
            places
                .entry(block.at)
                .or_insert((path.clone(), &page.title, i + 1));
        }
    }
    let mut findings: Vec<(Option<usize>, Finding)> = lost
        .into_iter()
        .map(|l| {
            let place = l.at.and_then(|at| {
                places
                    .range(..=at)
                    .next_back()
                    .or_else(|| places.iter().next())
            });
            let (page, place) = match place {
                Some((_, (path, title, 0))) => {
                    (Some(path.clone()), format!("{title}, its heading"))
                }
                Some((_, (path, title, n))) => {
                    (Some(path.clone()), format!("{title}, paragraph {n}"))
                }
                None if l.at.is_none() => (None, "a footnote or endnote".to_string()),
                None => (None, "the document".to_string()),
            };
            (
                l.at,
                Finding {
                    page,
                    place,
                    message: l.what.describe(),
                    excerpt: l.excerpt,
                },
            )
        })
        .collect();
    findings.sort_by_key(|(at, _)| at.unwrap_or(usize::MAX));
    findings.dedup_by(|a, b| a.1 == b.1);
    findings.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_headings_without_their_numbers() {
        let mut used: HashSet<String> = ["index".to_string()].into();
        let mut slug = |h: &str| unique_slug(h, &mut used);
        assert_eq!(slug("2.1 Scope of this strategy"), "scope-of-this-strategy");
        assert_eq!(slug("1. Introduction"), "introduction");
        assert_eq!(slug("Introduction"), "introduction-2");
        assert_eq!(slug("Index"), "index-2");
        assert_eq!(slug("2024"), "2024");
        assert_eq!(slug("???"), "chapter");
        assert_eq!(
            slug(
                "Appendix 1. Community Care Inform Resource, Horwath. Experiences of Neglect by age group"
            ),
            "appendix-1-community-care-inform-resource-horwath-experiences"
        );
    }

    #[test]
    fn a_title_from_a_file_name() {
        assert_eq!(
            title_from_file(Path::new("/tmp/Neglect_Strategy-v3 final.docx")),
            "Neglect Strategy v3 final"
        );
    }
}
