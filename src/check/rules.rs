//! The content rules of `waymark check`, in one list.
//!
//! A rule is an id (used in messages, JSON and `[check.rules]` in `waymark.toml`), the level it
//! runs at unless the site says otherwise, and a function from the loaded site to findings. To
//! add a rule, write its function in a module of its own and add it to [`RULES`].

use crate::config::RuleLevel;
use crate::content::Site;
use crate::diagnostics::Diagnostic;
use crate::glossary::Glossary;

use super::unexplained_abbreviation;

/// What a rule reads: the whole loaded site and its glossary.
pub struct Context<'a> {
    pub site: &'a Site,
    pub glossary: &'a Glossary,
}

/// One content rule.
pub struct Rule {
    /// A short stable id, such as `unexplained-abbreviation`.
    pub id: &'static str,
    /// The level the rule runs at when `[check.rules]` does not name it.
    pub default_level: RuleLevel,
    /// What the rule looks for, in a sentence.
    pub about: &'static str,
    /// Finds problems. Findings carry the rule's id; their severity is set from the level.
    pub run: fn(&Context<'_>) -> Vec<Diagnostic>,
}

/// Every rule `waymark check` runs.
pub const RULES: &[Rule] = &[unexplained_abbreviation::RULE];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
