//! The service worker and the list it works from.
//!
//! `offline.json` lists every file of the build with a hash of its bytes, and the precache. The
//! service worker (`sw.js`, its source in the theme) carries the build's version, a hash of that
//! list: browsers check `sw.js` for changes as pages are visited, so a changed build installs a
//! new worker, which saves the changed files and drops what the new list no longer holds.

use std::collections::BTreeMap;

use serde::Serialize;

use super::precache::Precache;
use super::reviews::ReviewDate;
use crate::output::{WrittenFile, content_hash};

/// Where the build's version goes in the service worker's source.
pub(crate) const VERSION_PLACEHOLDER: &str = "__WAYMARK_VERSION__";

/// Hex digits of each file's hash in the list: plenty to tell versions of a file apart.
const HASH_DIGITS: usize = 12;

/// `offline.json` and the version it gives the service worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileList {
    pub version: String,
    pub json: String,
}

#[derive(Serialize)]
struct ListJson<'a> {
    version: &'a str,
    precache: &'a [String],
    files: &'a BTreeMap<&'a str, String>,
    reviews: &'a BTreeMap<String, ReviewDate>,
}

/// The list of `written` (every file of the output but the service worker and the list) with
/// the precache and the pages' review dates. The version is a hash of what the list says, so the same build always has the
/// same version and any changed byte gives a new one.
pub(crate) fn file_list(
    written: &[WrittenFile],
    precache: &Precache,
    reviews: &BTreeMap<String, ReviewDate>,
) -> FileList {
    let files: BTreeMap<&str, String> = written
        .iter()
        .filter(|f| f.path != super::SERVICE_WORKER && f.path != super::FILE_LIST)
        .map(|f| {
            (
                f.path.as_str(),
                format!("{:016x}", f.hash)[..HASH_DIGITS].to_string(),
            )
        })
        .collect();
    let unversioned = serde_json::to_string(&ListJson {
        version: "",
        precache: &precache.paths,
        files: &files,
        reviews,
    })
    .expect("a list serialises");
    let version = format!("{:016x}", content_hash(unversioned.as_bytes()));
    let mut json = serde_json::to_string(&ListJson {
        version: &version,
        precache: &precache.paths,
        files: &files,
        reviews,
    })
    .expect("a list serialises");
    json.push('\n');
    FileList { version, json }
}

/// The service worker: its source with the build's version in place of the placeholder.
pub(crate) fn service_worker(source: &str, version: &str) -> String {
    source.replace(VERSION_PLACEHOLDER, version)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(files: &[(&str, &[u8])]) -> Vec<WrittenFile> {
        files.iter().map(|(p, b)| WrittenFile::of(p, b)).collect()
    }

    fn precache(paths: &[&str]) -> Precache {
        Precache {
            paths: paths.iter().map(|p| p.to_string()).collect(),
            bytes: 0,
        }
    }

    #[test]
    fn the_version_changes_with_any_file_and_only_then() {
        let a = written(&[("index.html", b"home"), ("strategy/vision.html", b"v1")]);
        let b = written(&[("index.html", b"home"), ("strategy/vision.html", b"v2")]);
        let p = precache(&["index.html"]);
        let none = BTreeMap::new();
        assert_eq!(file_list(&a, &p, &none), file_list(&a, &p, &none));
        assert_ne!(
            file_list(&a, &p, &none).version,
            file_list(&b, &p, &none).version
        );
        assert_ne!(
            file_list(&a, &p, &none).version,
            file_list(
                &a,
                &precache(&["index.html", "strategy/vision.html"]),
                &none
            )
            .version
        );
        assert_ne!(
            file_list(&a, &p, &none).version,
            file_list(&a, &p, &vision_due()).version,
            "a changed review date is a new version"
        );
    }

    #[test]
    fn the_list_names_every_file_but_the_worker_and_itself() {
        let files = written(&[
            ("index.html", b"home"),
            ("offline.json", b"{}"),
            ("sw.js", b"x"),
            ("theme/css/waymark.css", b"body{}"),
        ]);
        let list = file_list(&files, &precache(&["index.html"]), &BTreeMap::new());
        let json: serde_json::Value = serde_json::from_str(&list.json).unwrap();
        assert_eq!(json["version"], list.version.as_str());
        assert_eq!(json["precache"], serde_json::json!(["index.html"]));
        let names: Vec<&String> = json["files"].as_object().unwrap().keys().collect();
        assert_eq!(names, ["index.html", "theme/css/waymark.css"]);
        assert_eq!(
            json["files"]["index.html"].as_str().unwrap().len(),
            HASH_DIGITS
        );
    }

    fn vision_due() -> BTreeMap<String, ReviewDate> {
        BTreeMap::from([(
            "strategy/vision.html".to_string(),
            ReviewDate {
                last_day: "2027-03-31".into(),
                due: "March 2027".into(),
            },
        )])
    }

    #[test]
    fn the_list_gives_the_worker_each_pages_review_date() {
        let files = written(&[("strategy/vision.html", b"v1")]);
        let list = file_list(&files, &precache(&[]), &vision_due());
        let json: serde_json::Value = serde_json::from_str(&list.json).unwrap();
        assert_eq!(
            json["reviews"]["strategy/vision.html"],
            serde_json::json!({ "last_day": "2027-03-31", "due": "March 2027" })
        );
    }

    #[test]
    fn the_worker_gets_the_version() {
        let sw = service_worker("const VERSION = \"__WAYMARK_VERSION__\";", "abc");
        assert_eq!(sw, "const VERSION = \"abc\";");
    }
}
