//! `waymark check`: everything a build validates, without writing anything, plus content rules
//! (see [`rules`]) that a build does not enforce.
//!
//! The build's own checks (front matter, links, anchors, templates, the glossary) are errors.
//! Each content rule runs at its default level unless `[check.rules]` in `waymark.toml` sets it
//! to "off", "warn" or "error".
//!
//! Drafts are checked like any page. A build leaves them out, so when a site has drafts the
//! published pages are checked exactly as a build sees them (a link to a draft is broken there),
//! and the drafts are checked as the site would be with them published.

mod base_drift;
mod document_control;
mod downloads;
mod draft;
mod duplicate_title;
mod empty_page;
mod events;
pub(crate) mod external;
mod extra_h1;
pub(crate) mod facts;
mod heading_skip;
mod image_alt;
mod latin_abbreviation;
mod link_text;
mod long_sentence;
mod reading_age;
mod review_dates;
pub(crate) mod rules;
pub(crate) mod sentences;
mod signpost_checked;
pub(crate) mod syllables;
#[cfg(test)]
mod testing;
mod unexplained_abbreviation;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::build::{self, Prepared};
use crate::config::{CONFIG_FILE, RuleLevel};
use crate::content::LoadOptions;
use crate::diagnostics::{Diagnostic, Diagnostics, Position, Severity, suggest};
use crate::output::Sink;

pub use external::ExternalOptions;
pub use rules::{BUILD_RULES, Context, RULES, Rule};

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub site_dir: PathBuf,
    /// The day review statuses are worked out for.
    pub today: Date,
    /// Check links to other websites over the network (`--external`).
    pub external: Option<ExternalOptions>,
}

/// What a check found.
#[derive(Debug)]
pub struct CheckReport {
    /// Pages checked, drafts included (0 when the site could not be loaded).
    pub pages: usize,
    /// Every finding, sorted by file, line and column.
    pub diagnostics: Diagnostics,
}

/// Checks the site in `options.site_dir`. Writes nothing.
pub fn check(options: &CheckOptions) -> CheckReport {
    let with_drafts = LoadOptions {
        include_drafts: true,
    };
    let all = match build::prepare(&options.site_dir, None, with_drafts) {
        Ok(p) => p,
        Err(diagnostics) => return failed(diagnostics),
    };
    let drafts: HashSet<&Path> = all
        .site
        .pages
        .iter()
        .filter(|p| p.front.draft)
        .map(|p| p.file.as_path())
        .collect();
    let mut diagnostics = if drafts.is_empty() {
        run(&all, options, options.external.as_ref())
    } else {
        let published = match build::prepare(&options.site_dir, None, LoadOptions::default()) {
            Ok(p) => p,
            Err(diagnostics) => return failed(diagnostics),
        };
        let mut found = run(&published, options, None);
        // From the whole site, only what concerns the drafts (and the network check, run once).
        found.extend(
            run(&all, options, options.external.as_ref())
                .into_iter()
                .filter(|d| drafts.contains(d.path.as_path()) || d.rule == external::RULE.id),
        );
        found
    };
    // Each settings file's rule names, reported in the file that writes them.
    let site = &all.site;
    let from_base = |name: &String| {
        site.base
            .as_ref()
            .is_some_and(|b| b.config.check.rules.contains_key(name))
    };
    if let Some(base) = &site.base {
        diagnostics.extend(unknown_rules(
            &base.folder.dir,
            &base.folder.shown,
            base.config.check.rules.keys(),
        ));
    }
    diagnostics.extend(unknown_rules(
        &site.dir,
        Path::new(""),
        site.config
            .check
            .rules
            .keys()
            .filter(|name| !from_base(name)),
    ));
    diagnostics.sort();
    CheckReport {
        pages: all.site.pages.iter().filter(|p| !p.synthetic).count(),
        diagnostics,
    }
}

fn failed(diagnostics: Diagnostics) -> CheckReport {
    CheckReport {
        pages: 0,
        diagnostics,
    }
}

/// Renders `prepared` as a build would, into nothing, and runs every content rule over it. The
/// two are independent, so they run side by side: rendering ends with the search index, which
/// is built on one thread.
fn run(
    prepared: &Prepared,
    options: &CheckOptions,
    external: Option<&ExternalOptions>,
) -> Diagnostics {
    let (rendered, found) = rayon::join(
        || build::render(prepared, options.today, Sink::Discard, build::Pdfs::Skip),
        || run_rules(prepared, options.today, external),
    );
    let mut found = Diagnostics::from(found);
    prepared.site.relocate(&mut found);
    let mut diagnostics = rendered.diagnostics;
    diagnostics.extend(found);
    diagnostics
}

/// Every content rule at its level, over the facts of every page.
fn run_rules(
    prepared: &Prepared,
    today: Date,
    external: Option<&ExternalOptions>,
) -> Vec<Diagnostic> {
    let facts: Vec<facts::PageFacts> = prepared.site.pages.par_iter().map(facts::of).collect();
    let cx = Context {
        site: &prepared.site,
        glossary: &prepared.glossary,
        facts: &facts,
        today,
        external,
        downloads: &prepared.downloads,
    };
    let levels = &prepared.site.config.check.rules;
    RULES
        .par_iter()
        .filter_map(|rule| {
            let severity = match levels.get(rule.id).copied().unwrap_or(rule.default_level) {
                RuleLevel::Off => return None,
                RuleLevel::Warn => Severity::Warning,
                RuleLevel::Error => Severity::Error,
            };
            Some(
                (rule.run)(&cx)
                    .into_iter()
                    .map(move |d| d.with_severity(severity))
                    .collect::<Vec<_>>(),
            )
        })
        .flatten_iter()
        .collect()
}

/// A rule named in `[check.rules]` that does not exist would silently do nothing: an error.
/// So is trying to change the level of a check every build makes.
fn unknown_rules<'a>(
    site_dir: &Path,
    shown: &Path,
    names: impl Iterator<Item = &'a String>,
) -> Vec<Diagnostic> {
    let text = std::fs::read_to_string(site_dir.join(CONFIG_FILE)).unwrap_or_default();
    let settings = shown.join(CONFIG_FILE);
    names
        .filter(|name| rules::rule(name).is_none())
        .map(|name| {
            let position = crate::config::key_position(&text, &["check", "rules", name])
                .unwrap_or(Position::FILE);
            if BUILD_RULES.contains(&name.as_str()) {
                return Diagnostic::error(
                    "config",
                    &settings,
                    position,
                    format!("[check.rules] names `{name}`, which every build checks"),
                )
                .with_hint(format!(
                    "a build checks `{name}` every time, so its level cannot be changed: remove \
                     this line and fix what it finds"
                ));
            }
            let hint = match suggest(name, RULES.iter().map(|r| r.id)) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "the rules are: {}",
                    RULES.iter().map(|r| r.id).collect::<Vec<_>>().join(", ")
                ),
            };
            Diagnostic::error(
                "config",
                &settings,
                position,
                format!("[check.rules] names `{name}`, which is not a check rule"),
            )
            .with_hint(hint)
        })
        .collect()
}
