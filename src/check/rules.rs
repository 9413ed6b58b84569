//! The content rules of `waymark check`, in one list.
//!
//! A rule is an id (used in messages, JSON and `[check.rules]` in `waymark.toml`), the level it
//! runs at unless the site says otherwise, and a function from the loaded site to findings. To
//! add a rule, write its function in a module of its own and add it to [`RULES`].

use jiff::civil::Date;

use crate::config::RuleLevel;
use crate::content::{Page, Site};
use crate::diagnostics::{Diagnostic, Position};
use crate::glossary::Glossary;

use super::external::ExternalOptions;
use super::facts::PageFacts;
use super::{
    base_drift, document_control, downloads, draft, duplicate_title, empty_page, events, external,
    extra_h1, heading_skip, image_alt, latin_abbreviation, link_text, long_sentence, reading_age,
    review_dates, signpost_checked, unexplained_abbreviation,
};

/// What a rule reads: the whole loaded site, its glossary, what each page's Markdown holds,
/// and the day the check is for.
pub struct Context<'a> {
    pub site: &'a Site,
    pub glossary: &'a Glossary,
    /// The facts of each page, indexed like `site.pages`.
    pub facts: &'a [PageFacts],
    /// The day review dates are measured against.
    pub today: Date,
    /// Set when `--external` asked for links to other websites to be checked.
    pub external: Option<&'a ExternalOptions>,
    /// The PDFs, Word documents and spreadsheets under `content/`.
    pub downloads: &'a [crate::downloads::Download],
}

impl<'a> Context<'a> {
    /// Every page with a file of its own, with its facts.
    pub fn pages(&self) -> impl Iterator<Item = (&'a Page, &'a PageFacts)> + use<'a> {
        self.site
            .pages
            .iter()
            .zip(self.facts)
            .filter(|(page, _)| !page.synthetic)
    }
}

/// One content rule.
pub struct Rule {
    /// A short stable id, such as `unexplained-abbreviation`.
    pub id: &'static str,
    /// The level the rule runs at when `[check.rules]` does not name it.
    pub default_level: RuleLevel,
    /// Finds problems. Findings carry the rule's id; their severity is set from the level.
    pub run: fn(&Context<'_>) -> Vec<Diagnostic>,
}

/// Every rule `waymark check` runs.
pub const RULES: &[Rule] = &[
    image_alt::RULE,
    heading_skip::RULE,
    extra_h1::RULE,
    link_text::RULE,
    unexplained_abbreviation::RULE,
    long_sentence::RULE,
    reading_age::RULE,
    latin_abbreviation::RULE,
    document_control::RULE,
    review_dates::OVERDUE,
    review_dates::DUE_SOON,
    review_dates::MISSING,
    base_drift::RULE,
    signpost_checked::RULE,
    events::BOOKING,
    events::PASSED,
    downloads::UNTAGGED_PDF,
    downloads::WORD_ALTERNATIVE,
    duplicate_title::RULE,
    empty_page::RULE,
    draft::RULE,
    external::RULE,
];

/// Checks every build makes, which are always errors (`symlink`, `hide` and `hidden-link`
/// warnings): a build stops on
/// them, so their level cannot be set in `[check.rules]`. The README's "Problems a build stops
/// on" lists the same names.
pub const BUILD_RULES: &[&str] = &[
    "front-matter",
    "unknown-key",
    "encoding",
    "duplicate-url",
    "output-clash",
    "unsafe-link",
    "nesting-depth",
    "form",
    "broken-link",
    "broken-anchor",
    "external-image",
    "duplicate-term",
    "unknown-related-term",
    "config",
    "pack",
    "template",
    "pdf",
    "pdf-accessibility",
    "io",
    "extends",
    "symlink",
    "hide",
    "hidden-link",
];

/// The rule with this id.
pub(crate) fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Where a finding about a whole page points: its title in the front matter.
pub(crate) fn title_position(page: &Page) -> Position {
    match page.value_position("title", None) {
        Position::FILE => Position::new(1, 1),
        position => position,
    }
}
