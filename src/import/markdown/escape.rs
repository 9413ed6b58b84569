//! Escaping: Word text written into Markdown must read as the same words, never as
//! Markdown syntax (a line starting "1." is not a list, an asterisk is not emphasis).

/// Escapes characters that Markdown reads as syntax anywhere in a line.
pub(super) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // `&amp;` would show as "&"; a lone "&" is fine.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '\t' | '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes what Markdown reads as a block at the start of a line: `#`, `-`, `+`, `=`,
/// `:`, and `1.` or `1)`. `line` is already escaped with [`text`].
pub(super) fn line_start(line: &str) -> String {
    let trimmed = line.trim_start();
    let Some(first) = trimmed.chars().next() else {
        return String::new();
    };
    if "#-+=:".contains(first) {
        return format!("\\{trimmed}");
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let after = trimmed[digits..].chars().next();
        if matches!(after, Some('.' | ')')) {
            return format!("{}\\{}", &trimmed[..digits], &trimmed[digits..]);
        }
    }
    trimmed.to_string()
}

/// A link or image address: spaces and brackets percent-encoded so the address stays whole.
pub(super) fn url(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    for c in address.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(markdown: &str) -> String {
        let mut out = String::new();
        pulldown_cmark::html::push_html(
            &mut out,
            pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::all()),
        );
        out
    }

    #[test]
    fn words_that_look_like_markdown_stay_words() {
        for words in [
            "1. Not a list",
            "2024) nor this",
            "# not a heading",
            "- nor a bullet",
            "+ nor this",
            "> nor a quote",
            "Use *stars* and _underscores_ [brackets] and `ticks`",
            "Fish & chips &amp; peas | pipes ~~tilde~~",
            "a <b>tag</b>",
            ": a definition",
            "=====",
        ] {
            let markdown = line_start(&text(words));
            let out = html(&markdown);
            let shown = out
                .trim()
                .trim_start_matches("<p>")
                .trim_end_matches("</p>")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            assert_eq!(shown, words, "{markdown} became {out}");
        }
    }
}
