//! Relative URLs between the site's files, so every link works from a server, a sub-path and
//! `file://` alike.

/// The shortest relative URL from the page written at `from` to the file at `to`
/// (both paths from the site root, such as `strategy/vision.html`).
pub(crate) fn relative_url(from: &str, to: &str) -> String {
    let from_dir = from.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut from_dirs = from_dir.split('/').filter(|d| !d.is_empty()).peekable();
    let mut rest = to;
    while let (Some(dir), Some((first, after))) = (from_dirs.peek(), rest.split_once('/')) {
        if *dir != first {
            break;
        }
        from_dirs.next();
        rest = after;
    }
    let mut url = "../".repeat(from_dirs.count());
    url.push_str(rest);
    if is_url_safe(&url) {
        url
    } else {
        encode_path(&url)
    }
}

/// True when `url` needs no percent-encoding.
fn is_url_safe(url: &str) -> bool {
    url.bytes().all(is_url_safe_byte)
}

/// Bytes that [`encode_path`] leaves as they are.
fn is_url_safe_byte(b: u8) -> bool {
    b.is_ascii_graphic() && !b"\"<>`#?{}%".contains(&b)
}

/// Percent-encodes characters that may not appear raw in a URL path (spaces in file names).
fn encode_path(path: &str) -> String {
    const PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'<')
        .add(b'>')
        .add(b'`')
        .add(b'#')
        .add(b'?')
        .add(b'{')
        .add(b'}')
        .add(b'%');
    percent_encoding::utf8_percent_encode(path, PATH).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_are_shortest() {
        assert_eq!(
            relative_url("index.html", "strategy/a.html"),
            "strategy/a.html"
        );
        assert_eq!(relative_url("strategy/a.html", "strategy/b.html"), "b.html");
        assert_eq!(
            relative_url("strategy/a.html", "definitions/n.html"),
            "../definitions/n.html"
        );
        assert_eq!(relative_url("a/b/c.html", "index.html"), "../../index.html");
        assert_eq!(relative_url("a/x.html", "a/b/c.pdf"), "b/c.pdf");
        assert_eq!(
            relative_url("index.html", "files/My form.pdf"),
            "files/My%20form.pdf"
        );
    }
}
