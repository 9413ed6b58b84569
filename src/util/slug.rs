//! Slugs: the words of a text in lowercase letters and digits, joined by hyphens. Output file
//! names, heading ids and a pack's document anchors are all made by [`slug`].

/// `text`'s letters and digits in lowercase, its words joined by single hyphens: "What is
/// neglect?" is `what-is-neglect`. Whitespace and hyphens end a word, and so does each
/// character of `also_between`; any other character is dropped, so "Horwath’s" is `horwaths`.
pub(crate) fn slug(text: &str, also_between: &[char]) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || also_between.contains(&c) {
            pending_dash = true;
        }
    }
    slug
}

/// The slug of a file name: `_` and `.` separate words too, so `day_in_my_life.v2` is
/// `day-in-my-life-v2`.
pub(crate) fn file_slug(name: &str) -> String {
    slug(name, &['_', '.'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_joined_by_single_hyphens() {
        assert_eq!(slug("What is neglect?", &[]), "what-is-neglect");
        assert_eq!(
            slug("Horwath\u{2019}s six categories", &[]),
            "horwaths-six-categories"
        );
        assert_eq!(slug("Pre-birth  (0\u{2013}1)", &[]), "pre-birth-01");
        assert_eq!(slug("version_2.1", &[]), "version21");
        assert_eq!(slug("???", &[]), "");
    }

    #[test]
    fn file_names_break_words_at_underscores_and_dots_too() {
        assert_eq!(file_slug("Day in my life: Baby"), "day-in-my-life-baby");
        assert_eq!(file_slug("  GCP2 -- profile_2 "), "gcp2-profile-2");
        assert_eq!(file_slug("version_2.1"), "version-2-1");
        assert_eq!(file_slug("Café"), "café");
    }
}
