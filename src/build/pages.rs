//! Rendering every page, in parallel, in two passes.
//!
//! A definition page lists the pages that use its term ("Used in"), which is known only once
//! every page's Markdown is rendered. So the first pass renders every page's Markdown and writes
//! every page but the definitions at once, keeping only what later steps need (a [`PageState`]:
//! heading ids, anchor checks, term mentions, text by section); definition pages keep their
//! rendered Markdown, and the second pass puts them in their template. Links to anchors on other
//! pages are checked at the end.
//!
//! The first pass takes pages in small batches, rendering a batch's Markdown and then its
//! templates, so the term matcher's tables stay in the processor's cache from page to page.
//!
//! `waymark serve` uses the same pieces ([`page_html`], [`used_in`], [`anchor_problems`]) to
//! re-render one page and what depends on it.

use std::collections::HashMap;

use jiff::civil::Date;
use rayon::prelude::*;
use tera::Context;

use super::Prepared;
use crate::content::{PageId, PageKind};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::glossary::EntryId;
use crate::markdown::{self, AnchorCheck, RenderedMarkdown, TextSection};
use crate::output::Sink;
use crate::render::context::{PackLink, PageView, template_for};
use crate::render::glossary::{DefinitionView, GlossaryIndexView, UsedIn};

/// Pages whose Markdown is rendered together before they go through their templates: the term
/// matcher's tables (and the templates) then stay in the processor's cache. Small enough that a
/// batch's HTML is little memory.
const BATCH: usize = 16;

/// What the build keeps of a page once it is written (and `serve` keeps between edits).
#[derive(Debug, Clone, Default)]
pub struct PageState {
    /// Heading ids, for other pages' links to `page.md#anchor`.
    pub ids: Vec<String>,
    /// This page's links to headings on other pages.
    pub anchor_checks: Vec<AnchorCheck>,
    /// The glossary terms the page mentions.
    pub terms: Vec<EntryId>,
    /// The page's text by section, for the search index.
    pub sections: Vec<TextSection>,
}

impl PageState {
    /// Takes what later steps need out of a page's rendered Markdown.
    pub fn take(rendered: &mut RenderedMarkdown) -> PageState {
        PageState {
            ids: rendered.ids.clone(),
            anchor_checks: std::mem::take(&mut rendered.links.anchor_checks),
            terms: std::mem::take(&mut rendered.terms),
            sections: std::mem::take(&mut rendered.sections),
        }
    }
}

/// What rendering the pages leaves for the site-wide steps.
pub(crate) struct PagesOutcome {
    pub diagnostics: Diagnostics,
    /// Each page's state, indexed by page id.
    pub states: Vec<PageState>,
}

/// Renders and writes every page; `packs` are the printable packs each page is part of.
pub(super) fn render_pages(
    prepared: &Prepared,
    today: Date,
    sink: Sink<'_>,
    packs: &HashMap<PageId, Vec<PackLink>>,
) -> PagesOutcome {
    let ids: Vec<PageId> = (0..prepared.site.pages.len()).collect();
    // First pass: every page's Markdown; every page but the definitions written.
    let first: Vec<(PageState, Vec<Diagnostic>, Option<RenderedMarkdown>)> = ids
        .par_chunks(BATCH)
        .map(|batch| {
            let rendered: Vec<RenderedMarkdown> = batch
                .iter()
                .map(|&id| markdown::render_page(&prepared.site, &prepared.glossary, id))
                .collect();
            batch
                .iter()
                .zip(rendered)
                .map(|(&id, mut rendered)| {
                    let state = PageState::take(&mut rendered);
                    let mut problems = std::mem::take(&mut rendered.links.diagnostics);
                    if prepared.glossary.entry_for_page(id).is_some() {
                        return (state, problems, Some(rendered));
                    }
                    let links = packs.get(&id).map_or(&[][..], Vec::as_slice);
                    let result =
                        page_html(prepared, id, &rendered, today, links, &UsedIn::default())
                            .and_then(|html| {
                                sink.write(&prepared.site.pages[id].url, html.as_bytes())
                            });
                    problems.extend(result.err());
                    (state, problems, None)
                })
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();

    let mut diagnostics = Diagnostics::new();
    let mut states = Vec::with_capacity(first.len());
    let mut waiting = Vec::new();
    for (id, (state, problems, rendered)) in first.into_iter().enumerate() {
        diagnostics.extend(problems);
        states.push(state);
        if let Some(rendered) = rendered {
            waiting.push((id, rendered));
        }
    }

    // Second pass: definitions, now that "Used in" is known.
    let late: Vec<Diagnostic> = crate::util::timings::step("  definitions", || {
        let used_in = crate::util::timings::step("    used in", || used_in(prepared, &states));
        waiting
            .into_par_iter()
            .filter_map(|(id, rendered)| {
                let links = packs.get(&id).map_or(&[][..], Vec::as_slice);
                page_html(prepared, id, &rendered, today, links, &used_in)
                    .and_then(|html| sink.write(&prepared.site.pages[id].url, html.as_bytes()))
                    .err()
            })
            .collect()
    });
    diagnostics.extend(late);
    diagnostics.extend(anchor_problems(prepared, &states, |_| true));
    PagesOutcome {
        diagnostics,
        states,
    }
}

/// A page in its template. `used_in` fills a definition page's "Used in"; the definitions
/// section gets its A to Z.
pub(crate) fn page_html(
    prepared: &Prepared,
    id: PageId,
    rendered: &RenderedMarkdown,
    today: Date,
    packs: &[PackLink],
    used_in: &UsedIn,
) -> Result<String, Diagnostic> {
    let (site, glossary) = (&prepared.site, &prepared.glossary);
    let page = &site.pages[id];
    let mut view = PageView::of(site, id, rendered, today);
    view.packs = packs.to_vec();
    if let Some(entry) = glossary.entry_for_page(id) {
        view.definition = Some(DefinitionView::of(site, glossary, entry, used_in));
    }
    if page.kind == PageKind::Section && page.section_kind == PageKind::Definition {
        view.glossary = Some(GlossaryIndexView::of(site, glossary, id));
    }
    crate::render::kinds::fill(&mut view, site, &prepared.downloads, id, today);
    let mut context = Context::new();
    context.insert("page", &view);
    context.insert("root", &page.root_prefix());
    let template = template_for(page, |t| prepared.renderer.has_template(t));
    prepared.renderer.render(&template, &context, &page.file)
}

/// For each glossary entry, the other pages that mention it, by title. The pages are ranked by
/// title once, so each list sorts by a number rather than by making its pages' titles lowercase
/// again for every entry.
pub(crate) fn used_in(prepared: &Prepared, states: &[PageState]) -> UsedIn {
    let (site, glossary) = (&prepared.site, &prepared.glossary);
    let values = prepared.renderer.may_read("used_in");
    let mut used_in = vec![Vec::new(); glossary.len()];
    for (id, state) in states.iter().enumerate() {
        for &entry in &state.terms {
            if glossary.entry(entry).page != id {
                used_in[entry].push(id);
            }
        }
    }
    if used_in.iter().all(Vec::is_empty) {
        return UsedIn::new(site, used_in, values);
    }
    let mut by_title: Vec<PageId> = (0..site.pages.len()).collect();
    by_title.par_sort_by_cached_key(|&id| {
        let page = &site.pages[id];
        (page.front.title.to_lowercase(), page.url.as_str())
    });
    let mut rank = vec![0; site.pages.len()];
    for (place, &id) in by_title.iter().enumerate() {
        rank[id] = place;
    }
    used_in
        .par_iter_mut()
        .for_each(|pages| pages.sort_unstable_by_key(|&id| rank[id]));
    UsedIn::new(site, used_in, values)
}

/// Links to `page.md#anchor` whose heading is missing, from the pages `from` selects.
pub(crate) fn anchor_problems(
    prepared: &Prepared,
    states: &[PageState],
    from: impl Fn(PageId) -> bool,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (id, state) in states.iter().enumerate().filter(|(id, _)| from(*id)) {
        for check in &state.anchor_checks {
            let ids = &states[check.target].ids;
            if !ids.contains(&check.anchor) {
                problems.push(markdown::links::missing_anchor(
                    &prepared.site.pages[id],
                    &check.dest,
                    &check.anchor,
                    ids,
                    check.position,
                ));
            }
        }
    }
    problems
}
