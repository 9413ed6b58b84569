//! Rule `reading-age`: pages whose running text is harder to read than `[check]
//! max_reading_grade` (12 by default) on the Flesch-Kincaid grade scale. Grade 12 is the last
//! year of school (age 17 to 18); GOV.UK aims for a reading age of 9, and plain guidance for
//! families should be well below 12.
//!
//! The grade is 0.39 × (words per sentence) + 11.8 × (syllables per word) − 15.59, over the
//! page's running text (not headings, tables, code or form questions). Pages with fewer than
//! [`MIN_WORDS`] words of running text are not graded: the formula means little on a few lines.

use std::ops::Range;

use super::rules::{Context, Rule, title_position};
use super::sentences::{sentences, words};
use super::syllables::syllables;
use crate::config::RuleLevel;
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "reading-age",
    default_level: RuleLevel::Warn,
    run,
};

/// Pages above this grade are reported, unless the site says otherwise.
pub(super) const DEFAULT_MAX_GRADE: f64 = 12.0;
/// Pages with less running text than this are not graded.
pub(super) const MIN_WORDS: usize = 100;

/// Counts of a text that the Flesch-Kincaid grade is worked out from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
}

impl Counts {
    /// Adds the sentences, words and syllables of `text`, and returns each sentence's range in
    /// `text` with its number of words.
    pub fn add(&mut self, text: &str) -> Vec<(Range<usize>, usize)> {
        let mut found = Vec::new();
        for range in sentences(text) {
            let mut count = 0;
            for word in words(&text[range.clone()]) {
                count += 1;
                self.syllables += syllables(word);
            }
            if count > 0 {
                self.words += count;
                self.sentences += 1;
                found.push((range, count));
            }
        }
        found
    }

    /// The Flesch-Kincaid grade; None without words.
    pub fn grade(&self) -> Option<f64> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let words = self.words as f64;
        Some(0.39 * words / self.sentences as f64 + 11.8 * self.syllables as f64 / words - 15.59)
    }
}

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let max = cx
        .site
        .config
        .check
        .max_reading_grade
        .unwrap_or(DEFAULT_MAX_GRADE);
    cx.pages()
        .filter_map(|(page, facts)| {
            let counts = facts.counts;
            let grade = counts.grade()?;
            if counts.words < MIN_WORDS || grade <= max {
                return None;
            }
            Some(
                Diagnostic::warning(
                    RULE.id,
                    &page.file,
                    title_position(page),
                    format!(
                        "the page reads at grade {grade:.1} (Flesch-Kincaid), above the \
                         site's limit of {max}: {:.1} words a sentence, {:.2} syllables a word",
                        counts.words as f64 / counts.sentences as f64,
                        counts.syllables as f64 / counts.words as f64
                    ),
                )
                .with_hint(
                    "use shorter sentences and everyday words (\"help\" for \"facilitate\", \
                     \"about\" for \"in relation to\"); the limit is max_reading_grade under \
                     [check] in waymark.toml",
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{findings, run as run_rule};

    #[test]
    fn the_grade_follows_the_formula() {
        let mut counts = Counts::default();
        let found = counts.add("The cat sat on the mat. The dog ate.");
        assert_eq!(found, [(0..23, 6), (24..36, 3)]);
        assert_eq!(
            counts,
            Counts {
                sentences: 2,
                words: 9,
                syllables: 9
            }
        );
        let grade = counts.grade().unwrap();
        assert!(
            (grade - (0.39 * 4.5 + 11.8 - 15.59)).abs() < 1e-9,
            "{grade}"
        );
        assert_eq!(Counts::default().grade(), None);
    }

    const HARD: &str = "Multi-agency safeguarding arrangements necessitate comprehensive \
        organisational accountability. Practitioners' professional curiosity facilitates \
        identification of cumulative developmental vulnerabilities. Interdisciplinary \
        communication mechanisms require systematic documentation. ";
    const EASY: &str = "The child has no coat. She is cold at school. Her mum works at night. \
        Ask her what she ate today. Write down what she says. ";

    #[test]
    fn hard_pages_are_found_and_short_or_easy_ones_are_not() {
        let hard = format!("+++\ntitle = \"Hard\"\n+++\n{}\n", HARD.repeat(6));
        let easy = format!("+++\ntitle = \"Easy\"\n+++\n{}\n", EASY.repeat(6));
        let short = format!("+++\ntitle = \"Short\"\n+++\n{HARD}\n");
        let found = findings(
            &RULE,
            &[
                ("guide/hard.md", &hard),
                ("guide/easy.md", &easy),
                ("guide/short.md", &short),
            ],
        );
        assert_eq!(found, ["content/guide/hard.md:2:9"]);
    }

    #[test]
    fn the_limit_comes_from_the_settings() {
        let easy = format!("+++\ntitle = \"Easy\"\n+++\n{}\n", EASY.repeat(6));
        let found = run_rule(
            &RULE,
            "[check]\nmax_reading_grade = -5.0\n",
            &[("guide/e.md", &easy)],
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("limit of -5"),
            "{}",
            found[0].message
        );
    }
}
