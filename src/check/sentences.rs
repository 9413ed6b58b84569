//! Cutting running text into sentences and words, for the sentence-length and reading-age rules.
//!
//! A sentence ends at `.`, `!`, `?` or `…` followed by a space or the end of the block (closing
//! quotes and brackets may come between). A full stop after a short form that never ends a
//! sentence ("e.g.", "Dr.", "No.") or after an initial ("J. Smith") does not end one; "etc." ends
//! one only when a capital letter follows.

use std::ops::Range;

/// Short forms whose full stop does not end a sentence.
const NEVER_END: &[&str] = &[
    "e.g", "i.e", "eg", "ie", "cf", "vs", "mr", "mrs", "ms", "dr", "st", "no", "fig", "para",
    "paras", "approx", "incl", "p", "pp",
];

/// Characters that may close a sentence after its full stop: quotes and brackets.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}')
}

/// The sentences of `text`, as byte ranges without surrounding spaces.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if matches!(next, '.' | '!' | '?' | '\u{2026}') || is_closer(next) {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            continue;
        }
        if c == '.' && !ends_sentence(&text[start..i], rest) {
            continue;
        }
        push_trimmed(&mut found, text, start..end);
        start = end;
    }
    push_trimmed(&mut found, text, start..text.len());
    found
}

/// Whether a full stop after `before` ends the sentence, given the text after it.
fn ends_sentence(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    if NEVER_END.contains(&lower.as_str()) {
        return false;
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return false;
    }
    if lower == "etc" {
        return after
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
    }
    true
}

fn push_trimmed(found: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim_start();
    let start = range.start + (piece.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if text[start..end].chars().any(char::is_alphanumeric) {
        found.push(start..end);
    }
}

/// The words of `text`, as a reader counts them: what stands between spaces, if it has a letter
/// or digit ("child's", "day-to-day" and "and/or" are one word each), without the punctuation
/// around it.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// The first `n` words of `sentence` as written, with "…" when there are more.
pub(crate) fn opening(sentence: &str, n: usize) -> String {
    let mut parts = sentence.split_whitespace();
    let mut out: Vec<&str> = parts.by_ref().take(n).collect();
    if parts.next().is_some() {
        if let Some(last) = out.last_mut() {
            *last = last.trim_end_matches([',', ';', ':']);
        }
        let mut text = out.join(" ");
        text.push('\u{2026}');
        text
    } else {
        out.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_full_stops_question_and_exclamation_marks() {
        assert_eq!(
            split("One two. Three? Four! Five"),
            ["One two.", "Three?", "Four!", "Five"]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            split("She said \u{201c}no.\u{201d} Then (later.) we left."),
            ["She said \u{201c}no.\u{201d}", "Then (later.)", "we left."]
        );
    }

    #[test]
    fn short_forms_initials_and_numbers_do_not_end_sentences() {
        assert_eq!(
            split("Ask Dr. Khan, e.g. about it. J. Smith paid 2.50 pounds. See No. 4."),
            [
                "Ask Dr. Khan, e.g. about it.",
                "J. Smith paid 2.50 pounds.",
                "See No. 4."
            ]
        );
        assert_eq!(
            split("Food, clothes etc. and heat. Food etc. Then more."),
            ["Food, clothes etc. and heat.", "Food etc.", "Then more."]
        );
    }

    #[test]
    fn words_are_what_stands_between_spaces() {
        assert_eq!(
            words("A child's day-to-day \u{2014} and/or (roughly) 50%.").collect::<Vec<_>>(),
            ["A", "child's", "day-to-day", "and/or", "roughly", "50"]
        );
    }

    #[test]
    fn openings_are_cut_at_a_word() {
        assert_eq!(opening("One two, three four", 2), "One two\u{2026}");
        assert_eq!(opening("One two", 5), "One two");
    }
}
