//! Rendering every page, in parallel, in two passes.
//!
//! A definition page lists the pages that use its term ("Used in"), which is known only once
//! every page's Markdown is rendered. So the first pass renders every page's Markdown and writes
//! every page but the definitions at once, keeping only what later steps need (heading ids, anchor
//! checks, term mentions); definition pages keep their rendered Markdown, and the second pass puts
//! them in their template. Links to anchors on other pages are checked at the end.
//!
//! The first pass takes pages in small batches, rendering a batch's Markdown and then its
//! templates, so the term matcher's tables stay in the processor's cache from page to page.

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
use crate::render::glossary::{DefinitionView, GlossaryIndexView};

/// Pages whose Markdown is rendered together before they go through their templates: the term
/// matcher's tables (and the templates) then stay in the processor's cache. Small enough that a
/// batch's HTML is little memory.
const BATCH: usize = 16;

/// What the first pass keeps of a page.
struct PageResult {
    /// Heading ids, for other pages' links to `page.md#anchor`.
    ids: Vec<String>,
    anchor_checks: Vec<AnchorCheck>,
    terms: Vec<EntryId>,
    problems: Vec<Diagnostic>,
    /// The page's text by section, for the search index.
    sections: Vec<TextSection>,
    /// A definition page's Markdown, waiting for its "Used in" list.
    waiting: Option<RenderedMarkdown>,
}

/// What rendering the pages leaves for the site-wide steps.
pub(super) struct PagesOutcome {
    pub diagnostics: Diagnostics,
    /// Each page's text by section, indexed by page id.
    pub sections: Vec<Vec<TextSection>>,
    /// The glossary terms each page mentions, by name, indexed by page id.
    pub terms: Vec<Vec<String>>,
}

/// Renders and writes every page; `packs` are the printable packs each page is part of.
pub(super) fn render_pages(
    prepared: &Prepared,
    today: Date,
    sink: Sink<'_>,
    packs: &HashMap<PageId, Vec<PackLink>>,
) -> PagesOutcome {
    let ids: Vec<PageId> = (0..prepared.site.pages.len()).collect();
    let mut results: Vec<PageResult> = ids
        .par_chunks(BATCH)
        .map(|batch| {
            let rendered: Vec<RenderedMarkdown> = batch
                .iter()
                .map(|&id| markdown::render_page(&prepared.site, &prepared.glossary, id))
                .collect();
            batch
                .iter()
                .zip(rendered)
                .map(|(&id, rendered)| first_pass(prepared, id, rendered, today, sink, packs))
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();
    let used_in = used_in(prepared, &results);
    let waiting: Vec<(PageId, RenderedMarkdown)> = results
        .iter_mut()
        .enumerate()
        .filter_map(|(id, r)| r.waiting.take().map(|m| (id, m)))
        .collect();
    let late: Vec<Diagnostic> = waiting
        .into_par_iter()
        .filter_map(|(id, rendered)| {
            let entry = prepared.glossary.entry_for_page(id)?;
            let mut view = PageView::of(&prepared.site, id, &rendered, today);
            view.packs = packs.get(&id).cloned().unwrap_or_default();
            view.definition = Some(DefinitionView::of(
                &prepared.site,
                &prepared.glossary,
                entry,
                &used_in[entry],
            ));
            write_page(prepared, id, &view, sink).err()
        })
        .collect();

    let mut diagnostics = Diagnostics::new();
    for result in &mut results {
        diagnostics.extend(std::mem::take(&mut result.problems));
    }
    diagnostics.extend(late);
    check_anchors(prepared, &results, &mut diagnostics);
    let glossary = &prepared.glossary;
    let terms = results
        .iter()
        .map(|r| {
            r.terms
                .iter()
                .map(|&e| glossary.entry(e).term.clone())
                .collect()
        })
        .collect();
    let sections = results.into_iter().map(|r| r.sections).collect();
    PagesOutcome {
        diagnostics,
        sections,
        terms,
    }
}

fn first_pass(
    prepared: &Prepared,
    id: PageId,
    mut rendered: RenderedMarkdown,
    today: Date,
    sink: Sink<'_>,
    packs: &HashMap<PageId, Vec<PackLink>>,
) -> PageResult {
    let (site, glossary) = (&prepared.site, &prepared.glossary);
    let mut result = PageResult {
        ids: rendered.ids.clone(),
        anchor_checks: std::mem::take(&mut rendered.links.anchor_checks),
        terms: std::mem::take(&mut rendered.terms),
        problems: std::mem::take(&mut rendered.links.diagnostics),
        sections: std::mem::take(&mut rendered.sections),
        waiting: None,
    };
    if glossary.entry_for_page(id).is_some() {
        result.waiting = Some(rendered);
        return result;
    }
    let page = &site.pages[id];
    let mut view = PageView::of(site, id, &rendered, today);
    view.packs = packs.get(&id).cloned().unwrap_or_default();
    if page.kind == PageKind::Section && page.section_kind == PageKind::Definition {
        view.glossary = Some(GlossaryIndexView::of(site, glossary, id));
    }
    if let Err(d) = write_page(prepared, id, &view, sink) {
        result.problems.push(d);
    }
    result
}

/// Puts a page in its template and writes it.
fn write_page(
    prepared: &Prepared,
    id: PageId,
    view: &PageView<'_>,
    sink: Sink<'_>,
) -> Result<(), Diagnostic> {
    let page = &prepared.site.pages[id];
    let mut context = Context::new();
    context.insert("page", view);
    context.insert("root", &page.root_prefix());
    let template = template_for(page, |t| prepared.renderer.has_template(t));
    let html = prepared.renderer.render(&template, &context, &page.file)?;
    sink.write(&page.url, html.as_bytes())
}

/// For each term, the other pages that mention it, by title.
fn used_in(prepared: &Prepared, results: &[PageResult]) -> Vec<Vec<PageId>> {
    let (site, glossary) = (&prepared.site, &prepared.glossary);
    let mut used_in = vec![Vec::new(); glossary.len()];
    for (id, result) in results.iter().enumerate() {
        for &entry in &result.terms {
            if glossary.entry(entry).page != id {
                used_in[entry].push(id);
            }
        }
    }
    for pages in &mut used_in {
        pages.sort_by_cached_key(|&id| {
            let page = &site.pages[id];
            (page.front.title.to_lowercase(), page.url.clone())
        });
    }
    used_in
}

/// Links to `page.md#anchor` are checked here, once every page's headings are known.
fn check_anchors(prepared: &Prepared, results: &[PageResult], diagnostics: &mut Diagnostics) {
    for (id, result) in results.iter().enumerate() {
        for check in &result.anchor_checks {
            let ids = &results[check.target].ids;
            if !ids.contains(&check.anchor) {
                diagnostics.push(markdown::links::missing_anchor(
                    &prepared.site.pages[id],
                    &check.dest,
                    &check.anchor,
                    ids,
                    check.position,
                ));
            }
        }
    }
}
