//! The build's search step: one search document per page section, the glossary as synonyms, and
//! the index's script files.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::Prepared;
use super::pages::PageState;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::output::Sink;
use crate::search::{self, site_index};

/// A search index bigger than this gets a warning: about 5 MB as a web server compresses it.
const WARN_BYTES: usize = 16_000_000;

/// Builds and writes the index from each page's text sections and the glossary terms it
/// mentions (`states`, indexed by page id). Returns the number of files written and the
/// problems found.
pub(crate) fn write_index(
    prepared: &Prepared,
    states: &[PageState],
    sink: Sink<'_>,
) -> (usize, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let (site, glossary) = (&prepared.site, &prepared.glossary);
    let documents: Vec<search::SearchDocument> = crate::util::timings::step("  documents", || {
        states
            .par_iter()
            .enumerate()
            .flat_map_iter(|(id, state)| {
                let page_terms: Vec<String> = state
                    .terms
                    .iter()
                    .map(|&e| glossary.entry(e).term.clone())
                    .collect();
                site_index::page_documents(site, id, &state.sections, &move |section| {
                    // The page's terms go with its introduction, where the page says what it is about.
                    if section.heading.is_none() {
                        page_terms.clone()
                    } else {
                        Vec::new()
                    }
                })
            })
            .collect()
    });
    let glossary = site_index::glossary_entries(site);
    // Each file is written as soon as it is made, then dropped; its size is counted on the way.
    let bytes = AtomicUsize::new(0);
    let failed = Mutex::new(Vec::new());
    let written = AtomicUsize::new(0);
    crate::util::timings::step("  index", || {
        search::write_index_files(
            &documents,
            &glossary,
            &search::IndexOptions::default(),
            &|file, _| {
                bytes.fetch_add(file.contents.len(), Ordering::Relaxed);
                match sink.write(&file.name, file.contents.as_bytes()) {
                    Ok(()) => drop(written.fetch_add(1, Ordering::Relaxed)),
                    Err(problem) => failed
                        .lock()
                        .expect("no panic while holding the lock")
                        .push(problem),
                }
            },
        )
    });
    diagnostics.extend(
        failed
            .into_inner()
            .expect("no panic while holding the lock"),
    );
    let bytes = bytes.into_inner();
    if bytes > WARN_BYTES {
        diagnostics.push(
                Diagnostic::warning(
                    "search-index-size",
                    "content",
                    Position::FILE,
                    format!(
                        "the search index is {:.1} MB, over {} MB",
                        bytes as f64 / 1e6,
                        WARN_BYTES / 1_000_000
                    ),
                )
                .with_hint(
                    "readers download only the parts a search needs, but a site this big may want fewer, longer pages",
                ),
            );
    }
    (written.into_inner(), diagnostics)
}
