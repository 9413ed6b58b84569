//! Markdown to HTML, in small passes over one event list.
//!
//! A page's body is parsed once into a list of pulldown-cmark events; each pass below rewrites or
//! reads that list and does one job, in this order:
//!
//! 1. [`events::parse`]: parse, merge neighbouring text, show raw HTML as text;
//! 2. [`heading_ids::assign_ids`]: unique heading ids and the contents list; inside a pack,
//!    [`headings::place`] moves headings a level down and prefixes their ids;
//!    [`footnotes::place`] gives footnotes ids that cannot clash with headings;
//!    [`local::wrap_boxes`] puts the sections a local site adds to a base page in labelled boxes;
//! 3. [`links::resolve`]: source-path links to relative URLs, external links marked, broken links reported;
//! 4. [`text::sections`]: the page's plain text by section, for search and checks, as the editor
//!    wrote it;
//! 5. [`terms::link_terms`]: the first mention of each glossary term linked to its definition, the
//!    first use of an abbreviation followed by the words in full, every mention recorded (on the
//!    page's own URL only: printed packs are not sprinkled with links); a paragraph it changes
//!    becomes a piece of HTML, so the passes after it see no text there;
//! 6. [`forms::render_forms`]: toolkit `form` blocks to labelled text areas with print lines;
//! 7. [`highlight::render_code_blocks`]: code blocks, highlighted with syntect when they name a language;
//! 8. [`tables::wrap_tables`]: tables in scrollable regions;
//! 9. [`tasks::label_task_items`]: task list tick boxes labelled by their text;
//!
//! then pulldown-cmark writes the HTML.

pub(crate) mod footnotes;
pub(crate) mod forms;
pub(crate) mod headings;
pub(crate) mod highlight;
pub(crate) mod links;
pub(crate) mod local;
pub(crate) mod tables;
pub(crate) mod tasks;
pub(crate) mod terms;
pub(crate) mod text;

use crate::content::{PageId, Site};
use crate::diagnostics::Position;
use crate::glossary::{EntryId, Glossary};
use crate::markdown_parse::events::{self, to_html};
use crate::markdown_parse::heading_ids;

pub use crate::markdown_parse::heading_ids::TocEntry;
pub use links::{AnchorCheck, LinkInfo, LinkKind, LinkReport, PackPlacement, Placement};
pub use text::TextSection;

/// Everything rendering a page's Markdown produced.
#[derive(Debug, Default)]
pub struct RenderedMarkdown {
    pub html: String,
    /// h2 and h3 headings, for the contents list.
    pub toc: Vec<TocEntry>,
    /// Every heading id on the page, for anchor checks.
    pub ids: Vec<String>,
    pub links: LinkReport,
    pub sections: Vec<TextSection>,
    /// Number of form prompts, so the page can show the form notice and print button.
    pub form_prompts: usize,
    /// The glossary terms the page mentions, for the definitions' "Used in" lists.
    pub terms: Vec<EntryId>,
}

/// Renders the body of page `id` for its own URL, with glossary terms linked.
pub fn render_page(site: &Site, glossary: &Glossary, id: PageId) -> RenderedMarkdown {
    render(site, Some(glossary), id, Placement::Page)
}

/// Renders the body of page `id` for where it will be read: its own page or a pack. Terms are
/// linked only when a glossary is given and the page is on its own URL.
pub fn render(
    site: &Site,
    glossary: Option<&Glossary>,
    id: PageId,
    placement: Placement<'_>,
) -> RenderedMarkdown {
    let page = &site.pages[id];
    let body = page.body();
    let position =
        |offset: usize| -> Position { page.lines.position(&page.text, page.body_offset + offset) };
    let (mut events, too_deep) = events::parse_limited(body);
    let (toc, ids) = heading_ids::assign_ids(&mut events);
    local::wrap_boxes(&mut events, site, page, placement);
    let mut links = links::resolve(&mut events, site, page, &ids, &position, placement);
    if let Some(too_deep) = too_deep {
        let at = position(too_deep.offset);
        links.diagnostics.push(too_deep.diagnostic(&page.file, at));
    }
    let sections = text::sections(&events);
    let terms = match glossary {
        Some(glossary) if !placement.is_pack() => {
            terms::link_terms(&mut events, site, glossary, id)
        }
        _ => Vec::new(),
    };
    if !placement.is_pack() {
        for problem in forms::problems(&events, body) {
            let at = position(problem.offset);
            let at = Position::new(at.line + problem.lines_down, at.column);
            links.diagnostics.push(
                crate::diagnostics::Diagnostic::error("form", &page.file, at, problem.message)
                    .with_hint(problem.hint),
            );
        }
    }
    headings::place(&mut events, placement);
    footnotes::place(&mut events, placement);
    let form_prompts = forms::render_forms(&mut events, placement);
    highlight::render_code_blocks(&mut events);
    tables::wrap_tables(&mut events);
    tasks::label_task_items(&mut events);
    RenderedMarkdown {
        html: to_html(events),
        toc,
        ids,
        links,
        sections,
        form_prompts,
        terms,
    }
}
