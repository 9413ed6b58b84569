//! Which link addresses waymark writes: web pages (`http:`, `https:`), email (`mailto:`), phone
//! numbers (`tel:`), relative links, and any scheme a site adds under `[links] allowed_schemes`.
//!
//! Everything else is refused, above all `javascript:`, `vbscript:` and `data:`, which run code
//! or carry a page of their own when clicked. The scheme is read as a browser reads it, not as
//! written: pulldown-cmark has already decoded entities (`jav&#x61;script:`), and here case,
//! leading spaces and control characters, and tabs or line breaks inside the scheme
//! (`java&#9;script:`) are all seen through. One check serves the site's pages, the print pages
//! and the PDFs' link actions, since all three resolve links through the same function.

/// Schemes every site may link to.
pub const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Schemes that run code or carry a document of their own: never allowed, not even by a site.
pub const CODE_SCHEMES: &[&str] = &["javascript", "vbscript", "data"];

/// The scheme of `url` in lowercase, as a browser would find it, or None for a relative link.
///
/// Browsers skip leading spaces and control characters and drop tabs and line breaks anywhere;
/// this goes further and ignores every space and control character before the first `:`, so a
/// scheme hidden among them is found either way.
pub fn scheme(url: &str) -> Option<String> {
    let before_colon = url.split_once(':')?.0;
    let scheme: String = before_colon
        .chars()
        .filter(|c| !(c.is_whitespace() || c.is_control()))
        .collect();
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

/// Why a link to `url` may not be written, or None when it may: the scheme it uses, which is
/// neither one every site may use nor one of `allowed` (a site's own additions).
pub fn refused_scheme(url: &str, allowed: &[String]) -> Option<String> {
    let scheme = scheme(url)?;
    let permitted = SAFE_SCHEMES.contains(&scheme.as_str())
        || (!CODE_SCHEMES.contains(&scheme.as_str())
            && allowed.iter().any(|a| a.eq_ignore_ascii_case(&scheme)));
    (!permitted).then_some(scheme)
}

/// The message and hint for a refused link to `url` with `scheme`, for Markdown links, images and
/// front matter alike (`what` says which: "link", "image", "url").
pub fn refusal(what: &str, url: &str, scheme: &str) -> (String, String) {
    let shown = shown(url);
    if CODE_SCHEMES.contains(&scheme) {
        (
            format!(
                "{what} `{shown}` is a `{scheme}:` address, which can run code in a reader's browser"
            ),
            "remove it: waymark only links to web pages (https://...), email (mailto:), phone \
             numbers (tel:) and pages and files of this site"
                .into(),
        )
    } else {
        (
            format!(
                "{what} `{shown}` uses `{scheme}:`, which is not a kind of link waymark writes"
            ),
            format!(
                "link to web pages (https://...), email (mailto:), phone numbers (tel:) or pages \
                 and files of this site; if readers really need `{scheme}:` links, add \
                 allowed_schemes = [\"{scheme}\"] under [links] in waymark.toml"
            ),
        )
    }
}

/// True for an absolute `http:` or `https:` address, as settings such as `base_url` need.
pub fn is_web_address(url: &str) -> bool {
    matches!(scheme(url).as_deref(), Some("http" | "https"))
        && url
            .trim()
            .split_once("://")
            .is_some_and(|(_, rest)| !rest.is_empty())
}

/// `url` with control characters made visible, for messages printed on a terminal.
fn shown(url: &str) -> String {
    url.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Whether `name` can be an allowed scheme: a scheme name that cannot run code.
pub fn check_allowed_scheme(name: &str) -> Result<(), String> {
    let valid = scheme(&format!("{name}:")).is_some_and(|s| s == name.to_ascii_lowercase())
        && !name.is_empty();
    if !valid {
        return Err(format!(
            "`{name}` is not a scheme name: write it without the colon, such as \"ftp\""
        ));
    }
    if CODE_SCHEMES.contains(&name.to_ascii_lowercase().as_str()) {
        return Err(format!(
            "`{name}:` links can run code in a reader's browser, so they can never be allowed"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        assert_eq!(scheme("https://a.example").as_deref(), Some("https"));
        assert_eq!(scheme("JavaScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme(" \u{1}javascript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("java\tscript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("java\nscr\ript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("\u{a0}javascript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("../definitions/neglect.md"), None);
        assert_eq!(scheme("#types"), None);
        assert_eq!(
            scheme("files/a:b.pdf"),
            None,
            "a colon after a slash is a path"
        );
        assert_eq!(scheme("1x:y"), None);
    }

    #[test]
    fn only_web_mail_phone_relative_and_allowed_schemes_pass() {
        let none: &[String] = &[];
        for ok in [
            "https://a.example/",
            "HTTP://a.example/",
            "mailto:a@b.example",
            "tel:+441234",
            "../a.md",
            "a.md#x",
            "#x",
        ] {
            assert_eq!(refused_scheme(ok, none), None, "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "vbscript:msgbox",
            "data:text/html;base64,PHNjcmlwdD4=",
            "java\u{0}script:x",
            "ftp://files.example/",
            "file:///etc/passwd",
        ] {
            assert!(refused_scheme(bad, none).is_some(), "{bad}");
        }
        let allowed = vec!["ftp".to_string(), "javascript".to_string()];
        assert_eq!(refused_scheme("FTP://files.example/", &allowed), None);
        assert_eq!(
            refused_scheme("javascript:x", &allowed).as_deref(),
            Some("javascript"),
            "code schemes are refused even when a site allows them"
        );
    }

    #[test]
    fn messages_show_control_characters() {
        let (message, hint) = refusal("link", "java\tscript:x", "javascript");
        assert!(message.contains("java\\tscript:x"), "{message}");
        assert!(message.contains("can run code"), "{message}");
        assert!(hint.contains("remove it"));
        let (_, hint) = refusal("link", "ftp://x", "ftp");
        assert!(hint.contains("allowed_schemes = [\"ftp\"]"), "{hint}");
    }

    #[test]
    fn allowed_schemes_must_be_names_that_cannot_run_code() {
        assert!(check_allowed_scheme("ftp").is_ok());
        assert!(check_allowed_scheme("ms-teams").is_ok());
        assert!(check_allowed_scheme("ftp:").is_err());
        assert!(check_allowed_scheme("").is_err());
        assert!(check_allowed_scheme("Data").unwrap_err().contains("never"));
    }

    #[test]
    fn web_addresses_are_absolute_http_or_https() {
        assert!(is_web_address("https://a.example/x/"));
        assert!(!is_web_address("javascript:alert(1)//"));
        assert!(!is_web_address("/neglect/"));
        assert!(!is_web_address("https://"));
    }
}
