//! Theme files (CSS, JavaScript, images, fonts): the embedded defaults with the site's own
//! `theme/` folder laid over them, written to `theme/` in the output.
//!
//! One file is made rather than copied: the search client, `js/search.js`, is joined from its
//! parts in `js/search/` (see [`join_search_client`]).

use std::borrow::Cow;
use std::collections::BTreeMap;

use include_dir::{Dir, include_dir};

use crate::content::Folder;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// The default theme, as shipped.
pub(crate) static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/theme");

/// Every theme file by its path inside `theme/`, site files replacing embedded ones, with the
/// search client's parts joined into `js/search.js`.
pub(crate) fn theme_files(
    folders: &[Folder],
) -> Result<BTreeMap<String, Cow<'static, [u8]>>, Diagnostics> {
    let mut files = BTreeMap::new();
    collect_embedded(&DEFAULT_THEME, &mut files);
    let mut diagnostics = Diagnostics::new();
    for file in super::layered_files(folders, "theme")? {
        match std::fs::read(&file.path) {
            Ok(bytes) => {
                files.insert(file.name, Cow::Owned(bytes));
            }
            Err(e) => diagnostics.push(Diagnostic::io(&file.shown, "read this theme file", &e)),
        }
    }
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        join_search_client(&mut files);
        Ok(files)
    }
}

/// The folder of the search client's parts, inside `theme/`.
const SEARCH_PARTS: &str = "js/search/";
/// The search client as pages load it, inside `theme/`.
const SEARCH_CLIENT: &str = "js/search.js";

/// Joins the search client's parts (`js/search/*.js`, in order of their names) into
/// `js/search.js`, and leaves the parts out of the output.
///
/// The parts are ES modules, so that editors and ESLint see what each one uses and defines,
/// but a page opened from disk (`file://`) cannot load modules. So the join wraps the parts in
/// one function, in whose scope they meet, each without its opening comment, `import`
/// statements and `export` keywords (see [`script_text`]). A part uses only what parts before
/// it define: the numbers that start their names keep that order. A site's own
/// `theme/js/search/NAME.js` replaces that part; its own `theme/js/search.js` replaces the
/// whole client, and the parts are then unused.
fn join_search_client(files: &mut BTreeMap<String, Cow<'static, [u8]>>) {
    let names: Vec<String> = files
        .keys()
        .filter(|name| name.starts_with(SEARCH_PARTS))
        .cloned()
        .collect();
    let parts: Vec<(String, Cow<'static, [u8]>)> = names
        .into_iter()
        .filter_map(|name| files.remove(&name).map(|part| (name, part)))
        .collect();
    if files.contains_key(SEARCH_CLIENT) {
        return;
    }
    let mut joined = String::from(SEARCH_CLIENT_OPEN);
    for (name, part) in &parts {
        let file = &name[SEARCH_PARTS.len()..];
        if file.ends_with(".js") && !file.contains('/') {
            joined.push_str(&script_text(&String::from_utf8_lossy(part)));
        }
    }
    joined.push_str(SEARCH_CLIENT_CLOSE);
    files.insert(SEARCH_CLIENT.to_string(), Cow::Owned(joined.into_bytes()));
}

const SEARCH_CLIENT_OPEN: &str = "/* waymark search client, joined from theme/js/search/ when \
the site is built. */\n(function () {\n'use strict';\n";
const SEARCH_CLIENT_CLOSE: &str = "})();\n";

/// A module's text as plain script: its opening comment (which describes the part to those
/// who read the source) and its `import` statements (each to the line ending in `;`) left
/// out, and `export ` taken off the lines that start with it.
fn script_text(module: &str) -> String {
    let body = module
        .strip_prefix("/*")
        .and_then(|rest| rest.find("*/").map(|end| &rest[end + 2..]))
        .map_or(module, |rest| rest.trim_start_matches(['\r', '\n']));
    let mut out = String::with_capacity(body.len() + 1);
    let mut in_import = false;
    for line in body.split_inclusive('\n') {
        if in_import || line.starts_with("import ") {
            in_import = !line.trim_end().ends_with(';');
            continue;
        }
        out.push_str(line.strip_prefix("export ").unwrap_or(line));
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn collect_embedded(dir: &Dir<'static>, out: &mut BTreeMap<String, Cow<'static, [u8]>>) {
    for file in dir.files() {
        let name = file.path().to_string_lossy().replace('\\', "/");
        if name.split('/').any(|part| part.starts_with('.')) {
            continue;
        }
        out.insert(name, Cow::Borrowed(file.contents()));
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_theme_files_replace_embedded_ones() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("theme/css")).unwrap();
        std::fs::write(site.path().join("theme/css/waymark.css"), "body{}").unwrap();
        std::fs::write(site.path().join("theme/extra.txt"), "x").unwrap();
        let files = theme_files(&[Folder::local(site.path())]).unwrap();
        assert_eq!(&*files["css/waymark.css"], b"body{}");
        assert!(files.contains_key("extra.txt"));
        assert!(files.contains_key("js/waymark.js"));
    }

    fn text(files: &BTreeMap<String, Cow<'static, [u8]>>, name: &str) -> String {
        String::from_utf8(files[name].to_vec()).unwrap()
    }

    #[test]
    fn the_search_client_is_joined_from_its_parts_which_are_not_written() {
        let site = tempfile::tempdir().unwrap();
        let files = theme_files(&[Folder::local(site.path())]).unwrap();
        assert!(!files.keys().any(|name| name.starts_with(SEARCH_PARTS)));
        let client = text(&files, SEARCH_CLIENT);
        assert!(client.starts_with(SEARCH_CLIENT_OPEN) && client.ends_with(SEARCH_CLIENT_CLOSE));
        assert!(!client.contains("\nimport ") && !client.contains("\nexport "));
        // A part's code, then a later part's: joined in the order of their names.
        let stem = client.find("function porter2(").unwrap();
        let start = client.find("function initBrowser(").unwrap();
        assert!(stem < start);
    }

    #[test]
    fn a_site_part_replaces_that_part_and_a_site_client_replaces_them_all() {
        let site = tempfile::tempdir().unwrap();
        let parts = site.path().join("theme/js/search");
        std::fs::create_dir_all(&parts).unwrap();
        std::fs::write(parts.join("90-main.js"), "export const started = 1;").unwrap();
        let client = text(
            &theme_files(&[Folder::local(site.path())]).unwrap(),
            SEARCH_CLIENT,
        );
        assert!(client.ends_with("const started = 1;\n})();\n"));
        assert!(!client.contains("function initBrowser("));
        assert!(client.contains("function porter2("));

        std::fs::write(site.path().join("theme/js/search.js"), "own();").unwrap();
        let files = theme_files(&[Folder::local(site.path())]).unwrap();
        assert_eq!(text(&files, SEARCH_CLIENT), "own();");
        assert!(!files.keys().any(|name| name.starts_with(SEARCH_PARTS)));
    }

    #[test]
    fn script_text_drops_imports_and_export_keywords() {
        let module = "/*\n * The part.\n */\n\nimport { a } from './a.js';\nimport {\n  b,\n} \
                      from './b.js';\nexport function f() {\n  return a + b; // export x\n}\n\
                      /* c */\nconst c = 1;";
        assert_eq!(
            script_text(module),
            "function f() {\n  return a + b; // export x\n}\n/* c */\nconst c = 1;\n"
        );
    }
}
