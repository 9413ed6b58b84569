//! `waymark check`: everything a build validates, without writing anything, plus content rules
//! (see [`rules`]) that a build does not enforce.
//!
//! The build's own checks (front matter, links, anchors, templates, the glossary) are errors.
//! Each content rule runs at its default level unless `[check.rules]` in `waymark.toml` sets it
//! to "off", "warn" or "error".

pub mod rules;
mod unexplained_abbreviation;

use std::path::PathBuf;

use jiff::civil::Date;

use crate::build;
use crate::config::{CONFIG_FILE, RuleLevel};
use crate::diagnostics::{Diagnostic, Diagnostics, Position, Severity, suggest};
use crate::output::Sink;

pub use rules::{Context, RULES, Rule};

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub site_dir: PathBuf,
    /// The day review statuses are worked out for.
    pub today: Date,
}

/// What a check found.
#[derive(Debug)]
pub struct CheckReport {
    /// Pages checked (0 when the site could not be loaded).
    pub pages: usize,
    /// Every finding, sorted by file, line and column.
    pub diagnostics: Diagnostics,
}

/// Checks the site in `options.site_dir`. Writes nothing.
pub fn check(options: &CheckOptions) -> CheckReport {
    let prepared = match build::prepare(&options.site_dir, None) {
        Ok(p) => p,
        Err(diagnostics) => {
            return CheckReport {
                pages: 0,
                diagnostics,
            };
        }
    };
    let mut diagnostics =
        build::render(&prepared, options.today, Sink::Discard, build::Pdfs::Skip).diagnostics;
    let cx = Context {
        site: &prepared.site,
        glossary: &prepared.glossary,
    };
    let levels = &prepared.site.config.check.rules;
    diagnostics.extend(unknown_rules(&prepared.site.dir, levels.keys()));
    for rule in RULES {
        let severity = match levels.get(rule.id).copied().unwrap_or(rule.default_level) {
            RuleLevel::Off => continue,
            RuleLevel::Warn => Severity::Warning,
            RuleLevel::Error => Severity::Error,
        };
        diagnostics.extend((rule.run)(&cx).into_iter().map(|mut d| {
            d.severity = severity;
            d
        }));
    }
    diagnostics.sort();
    CheckReport {
        pages: prepared.site.pages.len(),
        diagnostics,
    }
}

/// A rule named in `[check.rules]` that does not exist would silently do nothing: an error.
fn unknown_rules<'a>(
    site_dir: &std::path::Path,
    names: impl Iterator<Item = &'a String>,
) -> Vec<Diagnostic> {
    let text = std::fs::read_to_string(site_dir.join(CONFIG_FILE)).unwrap_or_default();
    names
        .filter(|name| rules::rule(name).is_none())
        .map(|name| {
            let position = crate::config::key_position(&text, &["check", "rules", name])
                .unwrap_or(Position::FILE);
            let hint = match suggest(name, RULES.iter().map(|r| r.id)) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "the rules are: {}",
                    RULES.iter().map(|r| r.id).collect::<Vec<_>>().join(", ")
                ),
            };
            Diagnostic::error(
                "config",
                CONFIG_FILE,
                position,
                format!("[check.rules] names `{name}`, which is not a check rule"),
            )
            .with_hint(hint)
        })
        .collect()
}
