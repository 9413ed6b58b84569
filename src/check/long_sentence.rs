//! Rule `long-sentence`: sentences longer than `[check] max_sentence_words` (25 by default).
//! Long sentences are the commonest reason guidance is hard to follow, above all for a
//! reader under stress or reading in a second language.
//!
//! Only running text is read: headings, tables, code and toolkit form questions are not.

use super::rules::{Context, Rule};
use super::sentences::opening;
use crate::config::RuleLevel;
use crate::diagnostics::Diagnostic;

pub(super) const RULE: Rule = Rule {
    id: "long-sentence",
    default_level: RuleLevel::Warn,
    run,
};

/// Sentences longer than this many words are reported, unless the site says otherwise.
pub(super) const DEFAULT_MAX_WORDS: usize = 25;

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let max = cx
        .site
        .config
        .check
        .max_sentence_words
        .unwrap_or(DEFAULT_MAX_WORDS);
    cx.pages()
        .flat_map(|(page, facts)| {
            facts
                .sentences
                .iter()
                .filter(move |s| s.words > max)
                .map(move |sentence| {
                    let block = &facts.prose[sentence.block];
                    let text = &block.text[sentence.range.clone()];
                    let at = page.position(block.file_offset(page, sentence.range.start));
                    Diagnostic::warning(
                        RULE.id,
                        &page.file,
                        at,
                        format!(
                            "sentence of {} words: \"{}\"",
                            sentence.words,
                            opening(text, 8)
                        ),
                    )
                    .with_hint(format!(
                        "split it into shorter sentences of {max} words or fewer: one idea a \
                     sentence is easier to read"
                    ))
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{locations, run};

    const LONG: &str = "When a practitioner is worried that a child is being neglected they should \
                        talk to the designated lead in their agency and write down what they \
                        saw and when they saw it.";

    #[test]
    fn sentences_over_the_limit_are_found_at_their_first_word() {
        let page = format!(
            "+++\ntitle = \"A\"\n+++\nA short one. {LONG}\n\n| {LONG} |\n|---|\n\n## {LONG}\n\n\
             ```form\n{LONG}\n```\n\n- {LONG}\n"
        );
        let found = run(&super::RULE, "", &[("guide/a.md", &page)]);
        assert_eq!(
            locations(&found),
            ["content/guide/a.md:4:14", "content/guide/a.md:15:3"],
            "tables, headings and forms are left out; list items are read"
        );
        assert_eq!(
            found[0].message,
            "sentence of 32 words: \"When a practitioner is worried that a child\u{2026}\""
        );
    }

    #[test]
    fn the_limit_comes_from_the_settings() {
        let page = "+++\ntitle = \"A\"\n+++\nOne two three four five six.\n";
        assert_eq!(run(&super::RULE, "", &[("guide/a.md", page)]).len(), 0);
        let found = run(
            &super::RULE,
            "[check]\nmax_sentence_words = 5\n",
            &[("guide/a.md", page)],
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("5 words or fewer")
        );
    }
}
