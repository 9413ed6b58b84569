//! Rule `unexplained-abbreviation`: an abbreviation that no definition explains, such as "LADO"
//! on a page for readers who may never have met it.

use rayon::prelude::*;

use super::rules::{Context, Rule};
use crate::config::RuleLevel;
use crate::diagnostics::Diagnostic;
use crate::glossary::abbreviations::{AllowList, unexplained};

pub(super) const RULE: Rule = Rule {
    id: "unexplained-abbreviation",
    default_level: RuleLevel::Warn,
    run,
};

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let allowed = AllowList::new(&cx.site.config.check.allowed_abbreviations);
    cx.site
        .pages
        .par_iter()
        .zip(cx.facts)
        .filter(|(page, _)| !page.synthetic)
        .flat_map_iter(|(page, facts)| {
            unexplained(page, &facts.text, cx.glossary, &allowed)
                .into_iter()
                .map(move |found| {
                    let times = match found.count {
                        1 => String::new(),
                        n => format!(" (used {n} times on this page)"),
                    };
                    let singular = found.word.strip_suffix('s').unwrap_or(&found.word);
                    Diagnostic::warning(
                        RULE.id,
                        &page.file,
                        found.position,
                        format!(
                            "`{}` is an abbreviation that no definition explains{times}",
                            found.word
                        ),
                    )
                    .with_hint(format!(
                        "write the words in full, add a definition with abbreviation = \"{singular}\" \
                         in content/definitions/, or, if every reader knows it, add it to \
                         allowed_abbreviations under [check] in waymark.toml"
                    ))
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::testing::findings;

    #[test]
    fn abbreviations_without_a_definition_are_found_once_a_page() {
        let found = findings(
            &super::RULE,
            &[
                (
                    "definitions/gcp.md",
                    "+++\ntitle = \"Graded Care Profile\"\nsummary = \"A tool.\"\nabbreviation = \"GCP\"\n+++\nA tool.\n",
                ),
                (
                    "guide/a.md",
                    "+++\ntitle = \"A\"\n+++\nUse the GCP. Ask the LADO.\n\nThe LADO again, in the UK.\n",
                ),
            ],
        );
        assert_eq!(found, ["content/guide/a.md:4:22"]);
    }
}
