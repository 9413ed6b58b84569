//! Counting the syllables of an English word by its spelling, for the Flesch-Kincaid grade.
//!
//! The count is the number of vowel groups (a, e, i, o, u and y, but not a leading y or the u
//! of "qu"), less silent e's (the e of "make", the es of "makes", the ed of "jumped", the e
//! before "-ment", "-ly", "-ful", "-less" and "-ness", the e of "safe" in "safeguarding"), plus
//! vowel pairs that are said as two ("media", "period", "usual", "client", "being"). It is right for most
//! everyday words, which is all a reading-age estimate needs.

/// Syllables in `word`; a word without letters (a number) counts as one.
pub(crate) fn syllables(word: &str) -> usize {
    word.split(['-', '/'])
        .filter(|part| !part.is_empty())
        .map(part_syllables)
        .sum::<usize>()
        .max(1)
}

/// Letters of a word that are looked at; longer words are cut (no English word is this long).
const MAX_LETTERS: usize = 48;

fn part_syllables(part: &str) -> usize {
    let mut letters = [0u8; MAX_LETTERS];
    let mut len = 0;
    for b in part
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .take(MAX_LETTERS)
    {
        letters[len] = b.to_ascii_lowercase();
        len += 1;
    }
    let word = &letters[..len];
    if word.len() <= 3 {
        return 1;
    }
    let mut extra = 0usize;
    let mut less = 0usize;
    let mut w: &[u8] = word;

    // Silent endings.
    if w.ends_with(b"es") && !syllabic_es(&w[..w.len() - 2]) {
        w = &w[..w.len() - 1];
    } else if w.ends_with(b"ed") && !w.ends_with(b"eed") && !matches!(w[w.len() - 3], b't' | b'd') {
        w = &w[..w.len() - 2];
    }
    if w.len() > 2 && w.ends_with(b"e") && !syllabic_final_e(w) {
        w = &w[..w.len() - 1];
    }
    for suffix in [&b"ments"[..], b"ment", b"ness", b"ful", b"less", b"ly"] {
        if w.len() > suffix.len() + 2 && w.ends_with(suffix) {
            let stem = &w[..w.len() - suffix.len()];
            if stem.ends_with(b"e") && !syllabic_final_e(stem) && !is_vowel(stem, stem.len() - 2) {
                less += 1;
            }
            break;
        }
    }
    if less == 0 && silent_e_compound(word) {
        less += 1;
    }

    // Vowel pairs said as two syllables.
    for i in 0..w.len().saturating_sub(1) {
        let before = i.checked_sub(1).map(|b| w[b]);
        match (w[i], w[i + 1]) {
            (b'i', b'a') if !matches!(before, Some(b'c' | b't')) => extra += 1,
            (b'i', b'o') if !matches!(before, Some(b't' | b's' | b'c' | b'g' | b'x')) => extra += 1,
            (b'i', b'u') => extra += 1,
            (b'i', b'e')
                if !matches!(before, Some(b't' | b'c'))
                    && w.get(i + 2) == Some(&b'n')
                    && matches!(w.get(i + 3), Some(b'c' | b't')) =>
            {
                extra += 1
            }
            (b'u', b'a')
                if !matches!(before, Some(b'g' | b'q'))
                    && w.get(i + 2).is_some_and(|&c| !b"aeiou".contains(&c)) =>
            {
                extra += 1
            }
            _ => {}
        }
    }
    if w.ends_with(b"ea") || w.starts_with(b"crea") {
        extra += 1;
    }
    if w.ends_with(b"ism") || w.ends_with(b"ier") || w.ends_with(b"iest") {
        extra += 1;
    }
    if w.len() > 4 && w.ends_with(b"ing") && is_vowel(w, w.len() - 4) {
        extra += 1;
    }

    let mut groups = 0;
    let mut in_group = false;
    for i in 0..w.len() {
        let vowel = is_vowel(w, i);
        if vowel && !in_group {
            groups += 1;
        }
        in_group = vowel;
    }
    (groups + extra).saturating_sub(less).max(1)
}

/// First parts of compounds whose e is silent: "safeguarding", "something", "therefore".
const SILENT_E_FIRST_PARTS: &[&[u8]] = &[
    b"safe", b"some", b"care", b"home", b"life", b"time", b"where", b"there", b"house", b"like",
    b"whole", b"side", b"state", b"wide",
];

/// A compound of one of [`SILENT_E_FIRST_PARTS`] and a word of three letters or more that starts
/// with a consonant.
fn silent_e_compound(word: &[u8]) -> bool {
    SILENT_E_FIRST_PARTS.iter().any(|first| {
        word.len() >= first.len() + 3
            && word.starts_with(first)
            && !b"aeiouy".contains(&word[first.len()])
    })
}

/// A vowel at `i`: a, e, i, o, u, and y when not the first letter; not the u of "qu".
fn is_vowel(w: &[u8], i: usize) -> bool {
    match w[i] {
        b'a' | b'e' | b'i' | b'o' => true,
        b'u' => !(i > 0 && w[i - 1] == b'q'),
        b'y' => i > 0,
        _ => false,
    }
}

/// "es" after s, x, z, ch, sh, c or g is said ("boxes", "places", "changes").
fn syllabic_es(stem: &[u8]) -> bool {
    matches!(stem.last(), Some(b's' | b'x' | b'z' | b'c' | b'g'))
        || stem.ends_with(b"ch")
        || stem.ends_with(b"sh")
}

/// A final e that is said: "-le" after a consonant ("table"), "-ee" ("free").
fn syllabic_final_e(w: &[u8]) -> bool {
    let n = w.len();
    (w.ends_with(b"le") && n >= 3 && !is_vowel(w, n - 3)) || w.ends_with(b"ee")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everyday words with their dictionary syllable counts.
    const KNOWN: &[(&str, usize)] = &[
        ("the", 1),
        ("child", 1),
        ("children", 2),
        ("family", 3),
        ("families", 3),
        ("neglect", 2),
        ("safeguarding", 3),
        ("something", 2),
        ("sometimes", 2),
        ("therefore", 2),
        ("homework", 2),
        ("practitioner", 4),
        ("assessment", 3),
        ("table", 2),
        ("tables", 2),
        ("simple", 2),
        ("people", 2),
        ("make", 1),
        ("makes", 1),
        ("care", 1),
        ("cared", 1),
        ("whole", 1),
        ("free", 1),
        ("jumped", 1),
        ("wanted", 2),
        ("needed", 2),
        ("created", 3),
        ("agreed", 2),
        ("places", 2),
        ("changes", 2),
        ("boxes", 2),
        ("uses", 2),
        ("goes", 1),
        ("issue", 2),
        ("issues", 2),
        ("value", 2),
        ("education", 4),
        ("information", 4),
        ("professional", 4),
        ("situation", 4),
        ("violence", 3),
        ("period", 3),
        ("media", 3),
        ("social", 2),
        ("special", 2),
        ("financial", 3),
        ("previous", 3),
        ("serious", 3),
        ("religious", 3),
        ("conscious", 2),
        ("usual", 3),
        ("actual", 3),
        ("language", 2),
        ("equal", 2),
        ("question", 2),
        ("unique", 2),
        ("quality", 3),
        ("area", 3),
        ("idea", 3),
        ("create", 2),
        ("statement", 2),
        ("management", 3),
        ("involvement", 3),
        ("agreement", 3),
        ("settlement", 3),
        ("careful", 2),
        ("safely", 2),
        ("completely", 3),
        ("likely", 2),
        ("only", 2),
        ("being", 2),
        ("playing", 2),
        ("going", 2),
        ("caring", 2),
        ("earlier", 3),
        ("beautiful", 3),
        ("development", 4),
        ("service", 2),
        ("services", 3),
        ("guidance", 2),
        ("young", 1),
        ("they", 1),
        ("day-to-day", 3),
        ("and/or", 2),
        ("worried", 2),
        ("studies", 2),
        ("racism", 3),
        ("medium", 3),
        ("before", 2),
        ("little", 2),
        ("school", 1),
        ("health", 1),
        ("visitor", 3),
        ("responsibility", 6),
        ("appointment", 3),
        ("supervision", 4),
        ("emotional", 4),
        ("physical", 3),
        ("referral", 3),
        ("chronology", 4),
        ("experience", 4),
        ("audience", 3),
        ("client", 2),
        ("patient", 2),
        ("friend", 1),
        ("friends", 1),
        ("understand", 3),
        ("2026", 1),
    ];

    #[test]
    fn everyday_words_have_their_dictionary_counts() {
        let wrong: Vec<String> = KNOWN
            .iter()
            .filter(|(w, n)| syllables(w) != *n)
            .map(|(w, n)| format!("{w}: {} (dictionary {n})", syllables(w)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// Words the rules get wrong: kept here so a change that fixes or breaks them is seen.
    #[test]
    fn known_misses_are_near() {
        for (word, dictionary, counted) in [("recipe", 3, 2), ("maybe", 2, 1), ("anyone", 3, 2)] {
            assert_eq!(syllables(word), counted, "{word}");
            assert_eq!(dictionary - counted, 1, "{word}");
        }
    }

    #[test]
    fn case_and_apostrophes_do_not_matter() {
        assert_eq!(syllables("Children's"), 2);
        assert_eq!(syllables("CHILDREN"), 2);
        assert_eq!(syllables("child\u{2019}s"), 1);
    }
}
