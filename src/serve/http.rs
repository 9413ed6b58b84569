//! The preview server: serves the built site over HTTP, never anything outside it.
//!
//! Request paths are decoded, then refused if any segment is `..` (400), and the file found is
//! canonicalised and must still sit inside the output folder (symlinks leaving it get the 404
//! page). HTML pages get the live-reload script added as they are sent, so files on disk stay
//! exactly what `waymark build` writes.

use std::fs::File;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::live::{EVENTS_PATH, LIVE_SCRIPT, LIVE_SCRIPT_PATH, Live};

/// What a request path resolves to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Resolved {
    File(PathBuf),
    /// Not there (or not allowed to be seen): answer with the site's 404 page.
    NotFound,
    /// A path that tries to leave the site folder.
    BadRequest,
    /// A folder asked for without its closing slash (`/about`): answer with a redirect to this
    /// path (`/about/`), since the relative links of its index page only work from there.
    AddSlash(String),
}

/// Maps a request path (`/strategy/vision.html?x=1`) to a file under `root`.
pub(crate) fn resolve(root: &Path, url_path: &str) -> Resolved {
    let path = url_path.split(['?', '#']).next().unwrap_or("");
    let Ok(decoded) = percent_encoding::percent_decode_str(path).decode_utf8() else {
        return Resolved::BadRequest;
    };
    if decoded.contains('\0') || decoded.contains('\\') {
        return Resolved::BadRequest;
    }
    let mut relative = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Resolved::BadRequest,
            s => {
                // A segment like "C:" or one that parses as anything but a plain name is refused.
                let mut components = Path::new(s).components();
                match (components.next(), components.next()) {
                    (Some(Component::Normal(_)), None) => relative.push(s),
                    _ => return Resolved::BadRequest,
                }
            }
        }
    }
    let mut candidate = root.join(&relative);
    let Ok(real_root) = root.canonicalize() else {
        return Resolved::NotFound;
    };
    if candidate.is_dir() {
        if !path.ends_with('/')
            && candidate
                .canonicalize()
                .is_ok_and(|real| real.starts_with(&real_root))
        {
            // Built from the path as asked, less leading slashes, so it stays on this server.
            let location = format!("/{}/", path.trim_start_matches('/'));
            return Resolved::AddSlash(
                percent_encoding::utf8_percent_encode(&location, percent_encoding::CONTROLS)
                    .to_string(),
            );
        }
        candidate = candidate.join("index.html");
    }
    match candidate.canonicalize() {
        Ok(real) if real.starts_with(&real_root) && real.is_file() => Resolved::File(real),
        _ => Resolved::NotFound,
    }
}

/// The content type for a file, from its extension.
pub(crate) fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "ics" => "text/calendar; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// Answers one request. Runs on a worker thread; `live` carries reload events, and with
/// `live_reload` off (`waymark serve --offline-test`) pages are sent exactly as built.
pub(crate) fn handle(request: Request, root: &Path, live: &Arc<Live>, live_reload: bool) {
    let method = request.method().clone();
    if !matches!(method, Method::Get | Method::Head) {
        let response = Response::from_string("Only GET and HEAD are supported.\n")
            .with_status_code(405)
            .with_header(header("Allow", "GET, HEAD"));
        let _ = request.respond(response);
        return;
    }
    let url = request.url().to_string();
    let path_only = url.split('?').next().unwrap_or("");
    if live_reload && path_only == EVENTS_PATH {
        live.subscribe(request);
        return;
    }
    if live_reload && path_only == LIVE_SCRIPT_PATH {
        respond(
            request,
            &method,
            200,
            "text/javascript; charset=utf-8",
            LIVE_SCRIPT.as_bytes().to_vec(),
        );
        return;
    }
    match resolve(root, path_only) {
        Resolved::File(path) => match read(&path) {
            Ok(bytes) => {
                let kind = content_type(&path);
                let body = if live_reload && kind.starts_with("text/html") {
                    inject_live_script(bytes)
                } else {
                    bytes
                };
                respond(request, &method, 200, kind, body);
            }
            Err(_) => not_found(request, &method, root, live_reload),
        },
        Resolved::NotFound => not_found(request, &method, root, live_reload),
        Resolved::AddSlash(location) => {
            let response = Response::empty(StatusCode(301))
                .with_header(header("Location", &location))
                .with_header(header("Cache-Control", "no-store"));
            let _ = request.respond(response);
        }
        Resolved::BadRequest => respond(
            request,
            &method,
            400,
            "text/plain; charset=utf-8",
            b"Bad request: the path leaves the site.\n".to_vec(),
        ),
    }
}

fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    File::open(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn not_found(request: Request, method: &Method, root: &Path, live_reload: bool) {
    let body = read(&root.join("404.html"))
        .map(|html| {
            if live_reload {
                inject_live_script(html)
            } else {
                html
            }
        })
        .unwrap_or_else(|_| {
            b"<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>".to_vec()
        });
    respond(request, method, 404, "text/html; charset=utf-8", body);
}

fn respond(request: Request, method: &Method, status: u16, kind: &str, body: Vec<u8>) {
    let length = body.len();
    let body = if *method == Method::Head {
        Vec::new()
    } else {
        body
    };
    let response = Response::new(
        StatusCode(status),
        vec![
            header("Content-Type", kind),
            header("Cache-Control", "no-store"),
            header("X-Content-Type-Options", "nosniff"),
        ],
        std::io::Cursor::new(body),
        Some(length),
        None,
    );
    let _ = request.respond(response);
}

/// Adds the live-reload script just before `</body>` (or at the end if there is none).
pub(crate) fn inject_live_script(mut html: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{LIVE_SCRIPT_PATH}\"></script>\n");
    let at = find_last(&html, b"</body>").unwrap_or(html.len());
    html.splice(at..at, tag.into_bytes());
    html
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("strategy")).unwrap();
        std::fs::write(dir.path().join("index.html"), "home").unwrap();
        std::fs::write(dir.path().join("strategy/index.html"), "s").unwrap();
        std::fs::write(dir.path().join("strategy/My page.html"), "p").unwrap();
        dir
    }

    #[test]
    fn resolves_files_folders_and_encoded_names() {
        let dir = site();
        let root = dir.path();
        let file = |p: &str| match resolve(root, p) {
            Resolved::File(f) => f
                .strip_prefix(root.canonicalize().unwrap())
                .unwrap()
                .to_path_buf(),
            other => panic!("{p}: {other:?}"),
        };
        assert_eq!(file("/"), PathBuf::from("index.html"));
        assert_eq!(file("/strategy/"), PathBuf::from("strategy/index.html"));
        assert_eq!(
            file("/strategy/My%20page.html?x=1"),
            PathBuf::from("strategy/My page.html")
        );
        assert_eq!(resolve(root, "/nope.html"), Resolved::NotFound);
        assert_eq!(
            resolve(root, "/strategy"),
            Resolved::AddSlash("/strategy/".into())
        );
        assert_eq!(
            resolve(root, "//strategy"),
            Resolved::AddSlash("/strategy/".into()),
            "never a redirect to another host"
        );
    }

    #[test]
    fn refuses_every_way_out_of_the_folder() {
        let dir = site();
        let root = dir.path();
        for bad in [
            "/../etc/passwd",
            "/strategy/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2Fx",
            "/a\\..\\b",
            "/x%00",
        ] {
            assert_eq!(resolve(root, bad), Resolved::BadRequest, "{bad}");
        }
        // An absolute path inside the URL is just a name under the root.
        assert_eq!(resolve(root, "//etc/passwd"), Resolved::NotFound);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc", root.join("escape")).unwrap();
            assert_eq!(resolve(root, "/escape/hostname"), Resolved::NotFound);
        }
    }

    #[test]
    fn live_script_goes_before_the_body_end() {
        let html = inject_live_script(b"<html><body><p>x</p></body></html>".to_vec());
        let html = String::from_utf8(html).unwrap();
        assert!(html.contains(&format!(
            "<script src=\"{LIVE_SCRIPT_PATH}\"></script>\n</body>"
        )));
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(
            content_type(Path::new("a.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("packs/x.pdf")), "application/pdf");
        assert_eq!(
            content_type(Path::new("manifest.webmanifest")),
            "application/manifest+json"
        );
        assert_eq!(
            content_type(Path::new("search-index.js")),
            "text/javascript; charset=utf-8"
        );
    }
}
