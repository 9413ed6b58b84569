//! Snippet text: the stored excerpt a result shows, with query words marked by
//! the client. Bounded so that snippets, not postings, stay the smaller share
//! of the download.

/// The first `max_chars` characters of `text`, whitespace collapsed, cut at a
/// word boundary and ended with "…" when shortened. The opening of a section
/// is where guidance states what the section is about, so it is the most
/// useful fixed excerpt.
pub(super) fn snippet(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0usize;
    let mut cut = false;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        let sep = usize::from(!out.is_empty());
        if count + sep + n > max_chars {
            if out.is_empty() {
                // One enormous word: cut inside it.
                out.extend(word.chars().take(max_chars));
            }
            cut = true;
            break;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(word);
        count += sep + n;
    }
    if cut {
        while out.ends_with([',', ';', ':', '-', '–', '(']) {
            out.pop();
        }
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_with_whitespace_collapsed() {
        assert_eq!(
            snippet("  Neglect is\n the  persistent failure. ", 300),
            "Neglect is the persistent failure."
        );
    }

    #[test]
    fn long_text_is_cut_at_a_word_boundary() {
        let s = snippet("one two three, four five", 14);
        assert_eq!(s, "one two three…");
        assert!(s.chars().count() <= 15);
    }

    #[test]
    fn a_single_huge_word_is_cut() {
        assert_eq!(snippet(&"x".repeat(50), 10), format!("{}…", "x".repeat(10)));
    }

    #[test]
    fn empty_text_gives_empty_snippet() {
        assert_eq!(snippet("  \n ", 300), "");
    }
}
