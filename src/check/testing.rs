//! Helpers for the rules' unit tests: a small site written to a temporary folder, loaded as
//! `waymark check` loads it, and one rule run over it.

use jiff::civil::Date;

use super::facts;
use super::rules::{Context, Rule};
use crate::content::{LoadOptions, load};
use crate::diagnostics::Diagnostic;
use crate::glossary::Glossary;

/// The day rule tests are run as of.
pub(super) fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// Runs `rule` over a site of `pages` (path under `content/`, whole file), with `settings`
/// added to `waymark.toml`. Drafts are loaded, as `waymark check` loads them.
pub(super) fn run(rule: &Rule, settings: &str, pages: &[(&str, &str)]) -> Vec<Diagnostic> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("waymark.toml"),
        format!("title = \"Test\"\n{settings}\n"),
    )
    .unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("_index.md"),
        "+++\ntitle = \"Home\"\n+++\nWelcome.\n",
    )
    .unwrap();
    for (path, text) in pages {
        let file = content.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    let site = load(
        dir.path(),
        LoadOptions {
            include_drafts: true,
        },
    )
    .unwrap_or_else(|d| panic!("{d}"));
    let glossary = Glossary::build(&site).unwrap_or_else(|d| panic!("{d}"));
    let facts: Vec<_> = site.pages.iter().map(facts::of).collect();
    let (downloads, _) = crate::downloads::scan(&site);
    let cx = Context {
        site: &site,
        glossary: &glossary,
        facts: &facts,
        today: today(),
        external: None,
        downloads: &downloads,
    };
    let mut found = (rule.run)(&cx);
    for d in &found {
        assert_eq!(d.rule, rule.id, "{d}");
        assert!(d.hint.is_some(), "every finding has a hint: {d}");
    }
    found.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    found
}

/// Where `rule` finds problems in a site of `pages`, as `path:line:column`.
pub(super) fn findings(rule: &Rule, pages: &[(&str, &str)]) -> Vec<String> {
    locations(&run(rule, "", pages))
}

/// `path:line:column` of each finding.
pub(super) fn locations(found: &[Diagnostic]) -> Vec<String> {
    found.iter().map(Diagnostic::location).collect()
}
