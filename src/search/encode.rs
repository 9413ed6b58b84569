//! Compact text serialisation for the index files.
//!
//! Numbers are written as variable-length "digits" drawn from 92 printable
//! ASCII characters (everything from `!` to `~` except `"` and `\`), so they
//! sit inside JavaScript string literals with no escaping and decode with a
//! `charCodeAt` table lookup. The last character of a number is one of 64
//! *terminal* digits; any characters before it are from the 28 *continuation*
//! digits (bijective base 28). Values 0..63 take one character, up to 1,855
//! two, up to ~52,000 three. Postings are mostly small gaps, so almost every
//! number is one character and gzip then squeezes those to a few bits.

/// The digit alphabet: 64 terminal digits then 28 continuation digits.
pub(super) const ALPHABET: &[u8; 92] =
    b"!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// Number of terminal digits.
pub(super) const TERMINAL: u32 = 64;
/// Number of continuation digits.
pub(super) const CONTINUATION: u32 = 28;

/// Appends `v` in the variable-length digit code.
#[inline]
pub(super) fn push_num(out: &mut String, v: u32) {
    let r = v % TERMINAL;
    let mut q = v / TERMINAL;
    if q > 0 {
        let mut digits = [0u8; 8];
        let mut n = 0;
        while q > 0 {
            q -= 1;
            digits[n] = ALPHABET[(TERMINAL + q % CONTINUATION) as usize];
            q /= CONTINUATION;
            n += 1;
        }
        for &d in digits[..n].iter().rev() {
            out.push(d as char);
        }
    }
    out.push(ALPHABET[r as usize] as char);
}

/// Decodes a whole string of numbers (for tests, and the format's documentation).
#[cfg(test)]
pub(crate) fn decode_nums(s: &str) -> Result<Vec<u32>, String> {
    let mut table = [u8::MAX; 128];
    for (i, &c) in ALPHABET.iter().enumerate() {
        table[c as usize] = i as u8;
    }
    let mut out = Vec::new();
    let mut acc: u32 = 0;
    for c in s.bytes() {
        let d = *table
            .get(c as usize)
            .filter(|&&d| d != u8::MAX)
            .ok_or_else(|| format!("bad digit {:?}", c as char))? as u32;
        if d >= TERMINAL {
            acc = acc * CONTINUATION + (d - TERMINAL) + 1;
        } else {
            out.push(acc * TERMINAL + d);
            acc = 0;
        }
    }
    if acc != 0 {
        return Err("number cut short".into());
    }
    Ok(out)
}

/// Appends `s` as a double-quoted JavaScript string literal. Everything outside
/// printable ASCII is written as `\uXXXX`, so the files are pure ASCII and read
/// the same whatever encoding the browser assumes (a `file://` page may have none).
pub(super) fn push_js_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut plain = 0; // start of the run of characters copied as they are
    for (i, c) in s.char_indices() {
        if matches!(c, ' '..='~') && c != '"' && c != '\\' {
            continue;
        }
        out.push_str(&s[plain..i]);
        plain = i + c.len_utf8();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
        }
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

/// Appends a JSON-style array of strings.
pub(super) fn push_js_str_array<'a>(out: &mut String, items: impl IntoIterator<Item = &'a str>) {
    out.push('[');
    for (i, s) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_js_str(out, s);
    }
    out.push(']');
}

/// Longest shared prefix recorded by front coding (fits one terminal digit).
pub(super) const MAX_SHARED_PREFIX: usize = 63;

/// Front-codes a sorted list of space-free terms: each term is one digit (the
/// number of leading characters shared with the previous term), the rest of
/// the term, and a space. About half the size of the plain list.
pub(super) fn front_code<'a>(terms: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut prev: Vec<char> = Vec::new();
    for term in terms {
        debug_assert!(!term.contains(' '));
        let chars: Vec<char> = term.chars().collect();
        let shared = prev
            .iter()
            .zip(&chars)
            .take_while(|(a, b)| a == b)
            .count()
            .min(MAX_SHARED_PREFIX);
        push_num(&mut out, shared as u32);
        out.extend(&chars[shared..]);
        out.push(' ');
        prev = chars;
    }
    out
}

/// Inverse of `front_code` (for tests).
#[cfg(test)]
pub(crate) fn front_decode(s: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    let mut prev: Vec<char> = Vec::new();
    for part in s.split_terminator(' ') {
        let mut chars = part.chars();
        let first = chars.next().ok_or("empty entry")?;
        let shared = decode_nums(&first.to_string())?[0] as usize;
        if shared > prev.len() {
            return Err("shared prefix longer than previous term".into());
        }
        let mut term: Vec<char> = prev[..shared].to_vec();
        term.extend(chars);
        out.push(term.iter().collect());
        prev = term;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabet_is_printable_and_safe() {
        let mut seen = std::collections::BTreeSet::new();
        for &c in ALPHABET {
            assert!((b'!'..=b'~').contains(&c));
            assert!(c != b'"' && c != b'\\' && c != b' ');
            assert!(seen.insert(c));
        }
        assert_eq!(ALPHABET.len() as u32, TERMINAL + CONTINUATION);
    }

    #[test]
    fn numbers_round_trip_with_expected_lengths() {
        let values: Vec<u32> = (0..5000)
            .chain([
                52_000,
                65_535,
                1_000_000,
                25_000_000,
                u32::MAX / 2,
                u32::MAX,
            ])
            .collect();
        let mut s = String::new();
        for &v in &values {
            push_num(&mut s, v);
        }
        assert_eq!(decode_nums(&s).unwrap(), values);
        let len = |v| {
            let mut s = String::new();
            push_num(&mut s, v);
            s.len()
        };
        assert_eq!(
            (len(0), len(63), len(64), len(1855), len(1856)),
            (1, 1, 2, 2, 3)
        );
    }

    #[test]
    fn decode_rejects_junk() {
        assert!(decode_nums("\"").is_err());
        assert!(decode_nums("~").is_err()); // continuation with no terminal
    }

    #[test]
    fn js_strings_escape_quotes_and_non_ascii() {
        let mut s = String::new();
        push_js_str(&mut s, "a \"b\" \\ c\n–é😀\u{2028}");
        assert_eq!(s, r#""a \"b\" \\ c\n\u2013\u00e9\ud83d\ude00\u2028""#);
        assert!(s.is_ascii());
    }

    #[test]
    fn front_coding_round_trips() {
        let terms = [
            "care",
            "carer",
            "case",
            "chronolog",
            "neglect",
            "neglig",
            "~12",
            "école",
        ];
        let s = front_code(terms);
        assert_eq!(front_decode(&s).unwrap(), terms);
        assert!(s.starts_with("!care &r $se "));
        let long = ["a".repeat(70), format!("{}b", "a".repeat(70))];
        let s = front_code(long.iter().map(String::as_str));
        assert_eq!(front_decode(&s).unwrap(), long);
    }
}
