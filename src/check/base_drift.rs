//! Rule `base-drift`: a local page over a regional page that changed after the local page was
//! last checked against it (see [`crate::content::drift`]). The local contacts or amendments may
//! no longer fit the regional guidance, so the local editor hears of it before a reader does.

use super::rules::{Context, Rule};
use crate::config::RuleLevel;
use crate::content::drift::{self, DriftReason};
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "base-drift",
    default_level: RuleLevel::Warn,
    run,
};

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.pages()
        .filter_map(|(page, _)| drift::of(page))
        .map(|found| {
            let hint = match &found.why {
                DriftReason::Version { now, .. } => format!(
                    "read the regional page ({}) and bring this page into line, then set \
                     base_version = \"{now}\"",
                    found.base_file.display()
                ),
                DriftReason::Changed { .. } => format!(
                    "read the regional page's changes ({}) and bring this page into line, then \
                     set reviewed to today's date",
                    found.base_file.display()
                ),
                DriftReason::NotNoted => format!(
                    "compare this page with the regional page ({}), then note its version with \
                     base_version = \"...\" (or the day with reviewed = YYYY-MM-DD)",
                    found.base_file.display()
                ),
            };
            Diagnostic::warning(RULE.id, &found.file, found.position, found.message())
                .with_hint(hint)
        })
        .collect()
}
