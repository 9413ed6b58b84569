//! Which files a reader's device saves at the first visit (the precache): the core every site
//! keeps, so that the site opens and searches without a connection, and the sections, pages and
//! files `offline.precache` in `waymark.toml` adds.

use std::collections::BTreeSet;

use crate::config::{CONFIG_FILE, DEFAULT_PRECACHE, entry_position, key_position};
use crate::content::Site;
use crate::diagnostics::{Diagnostic, Position, suggest};
use crate::output::WrittenFile;

/// Output folders whose every file is in the core: the look of every page, its scripts, the
/// search index and the app icons.
const CORE_FOLDERS: [&str; 3] = ["theme/", "search/", super::ICONS_FOLDER];

/// Image files a precached section's folder brings with its pages, since its pages show them.
const IMAGE_EXTENSIONS: [&str; 6] = ["png", "jpg", "jpeg", "gif", "svg", "webp"];

/// What the precache holds, by output path (sorted), and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Precache {
    pub paths: Vec<String>,
    pub bytes: u64,
}

/// The output paths `offline.precache` selects: each section's pages and the images in its
/// folder, each page, each file under `content/`. An entry that names nothing is an error at
/// its line in `waymark.toml`; unset, the setting is `definitions/` and `toolkit/`, each only
/// where the site has it.
pub(crate) fn configured(site: &Site) -> Result<BTreeSet<String>, Vec<Diagnostic>> {
    let mut chosen = BTreeSet::new();
    let mut problems = Vec::new();
    let Some(entries) = &site.config.offline.precache else {
        for entry in DEFAULT_PRECACHE {
            chosen.extend(resolve_entry(site, entry).into_iter().flatten());
        }
        return Ok(chosen);
    };
    for entry in entries {
        match resolve_entry(site, entry) {
            Some(paths) => chosen.extend(paths),
            None => problems.push(unknown_entry(site, entry)),
        }
    }
    if problems.is_empty() {
        Ok(chosen)
    } else {
        Err(problems)
    }
}

/// The precache: the core, then the `configured` paths, each only if the build wrote it.
/// `written` is every file of the output, sorted by path.
pub(crate) fn select(
    site: &Site,
    configured: &BTreeSet<String>,
    written: &[WrittenFile],
) -> Precache {
    let mut wanted: BTreeSet<&str> = configured.iter().map(String::as_str).collect();
    wanted.insert(&site.pages[site.home()].url);
    wanted.extend(
        site.pages
            .iter()
            .filter(|p| p.is_section)
            .map(|p| p.url.as_str()),
    );
    wanted.extend(["search.html", super::OFFLINE_PAGE, super::WEB_MANIFEST]);
    let mut paths = Vec::new();
    let mut bytes = 0;
    for file in written {
        let image_in_folder = || {
            is_image(&file.path)
                && configured
                    .iter()
                    .any(|c| c.ends_with('/') && file.path.starts_with(c.as_str()))
        };
        if wanted.contains(file.path.as_str())
            || CORE_FOLDERS.iter().any(|f| file.path.starts_with(f))
            || image_in_folder()
        {
            paths.push(file.path.clone());
            bytes += file.size;
        }
    }
    Precache { paths, bytes }
}

/// The output paths one entry names: a section's pages and its folder (as `folder/`), a
/// page, or a file under `content/`. None when it names nothing.
fn resolve_entry(site: &Site, entry: &str) -> Option<Vec<String>> {
    let path = entry
        .trim()
        .trim_start_matches("content/")
        .trim_start_matches('/');
    let folder = path.trim_end_matches('/');
    let section_index = format!("{folder}/_index.md");
    if path.ends_with('/') || site.page_by_source(&section_index).is_some() {
        let prefix = format!("{folder}/");
        let pages: Vec<String> = site
            .pages
            .iter()
            .filter(|p| p.source.starts_with(&prefix))
            .map(|p| p.url.clone())
            .collect();
        // The folder itself stands for the images in it (see `select`).
        return (!pages.is_empty()).then(|| pages.into_iter().chain([prefix]).collect());
    }
    if let Some(id) = site.page_by_source(path) {
        return Some(vec![site.pages[id].url.clone()]);
    }
    site.asset_by_source(path).map(|a| vec![a.source.clone()])
}

fn unknown_entry(site: &Site, entry: &str) -> Diagnostic {
    let text = std::fs::read_to_string(site.dir.join(CONFIG_FILE)).unwrap_or_default();
    let position = entry_position(&text, &["offline", "precache"], entry)
        .or_else(|| key_position(&text, &["offline", "precache"]))
        .unwrap_or(Position::FILE);
    let sections: Vec<String> = site
        .pages
        .iter()
        .filter(|p| p.is_section && p.source.contains('/'))
        .map(|p| p.source.trim_end_matches("_index.md").to_string())
        .collect();
    let candidates = site
        .sources()
        .chain(sections.iter().map(String::as_str))
        .chain(site.assets.iter().map(|a| a.source.as_str()));
    let hint = match suggest(entry.trim(), candidates) {
        Some(near) => format!("did you mean `{near}`?"),
        None => "name a section as `definitions/`, a page as `strategy/vision.md` or a file as \
                 `toolkit/form.pdf`, as under content/"
            .into(),
    };
    Diagnostic::error(
        "config",
        CONFIG_FILE,
        position,
        format!(
            "offline.precache names `{entry}`, which is not a section, page or file under content/"
        ),
    )
    .with_hint(hint)
}

fn is_image(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| IMAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{LoadOptions, load};

    /// A small site with `settings` added to its `waymark.toml`.
    fn site(settings: &str) -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            format!("title = \"Test\"\n{settings}\n"),
        )
        .unwrap();
        let files = [
            ("_index.md", "+++\ntitle = \"Home\"\n+++\n"),
            ("strategy/_index.md", "+++\ntitle = \"Strategy\"\n+++\n"),
            ("strategy/vision.md", "+++\ntitle = \"Vision\"\n+++\n"),
            ("definitions/_index.md", "+++\ntitle = \"A to Z\"\n+++\n"),
            ("definitions/neglect.md", "+++\ntitle = \"Neglect\"\n+++\n"),
            ("definitions/chart.png", "png"),
            ("definitions/leaflet.pdf", "pdf"),
            ("toolkit/form.md", "+++\ntitle = \"Form\"\n+++\n"),
        ];
        for (path, text) in files {
            let file = dir.path().join("content").join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }
        let site = load(dir.path(), LoadOptions::default()).unwrap_or_else(|d| panic!("{d}"));
        (dir, site)
    }

    fn written(site: &Site, others: &[&str]) -> Vec<WrittenFile> {
        let mut files: Vec<WrittenFile> = site
            .pages
            .iter()
            .map(|p| p.url.as_str())
            .chain(site.assets.iter().map(|a| a.source.as_str()))
            .chain(others.iter().copied())
            .map(|path| WrittenFile::of(path, path.as_bytes()))
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }

    #[test]
    fn the_core_and_the_default_sections_are_saved_but_not_other_pages_or_pdfs() {
        let (_dir, site) = site("");
        let configured = configured(&site).unwrap();
        let others = [
            "theme/css/waymark.css",
            "search/index.js",
            "search.html",
            "offline.html",
            "manifest.webmanifest",
            "icons/icon-192.png",
            "changes.html",
            "packs/strategy.pdf",
        ];
        let files = written(&site, &others);
        let precache = select(&site, &configured, &files);
        assert_eq!(
            precache.paths,
            [
                "definitions/chart.png",
                "definitions/index.html",
                "definitions/neglect.html",
                "icons/icon-192.png",
                "index.html",
                "manifest.webmanifest",
                "offline.html",
                "search.html",
                "search/index.js",
                "strategy/index.html",
                "theme/css/waymark.css",
                "toolkit/form.html",
                "toolkit/index.html",
            ]
        );
        let size: u64 = files
            .iter()
            .filter(|f| precache.paths.contains(&f.path))
            .map(|f| f.size)
            .sum();
        assert_eq!(precache.bytes, size);
    }

    #[test]
    fn by_default_a_site_without_a_toolkit_saves_its_definitions() {
        let (dir, _) = site("");
        std::fs::remove_dir_all(dir.path().join("content/toolkit")).unwrap();
        let site = load(dir.path(), LoadOptions::default()).unwrap();
        let chosen = configured(&site).unwrap();
        assert!(chosen.contains("definitions/neglect.html"));
        assert!(!chosen.iter().any(|p| p.starts_with("toolkit/")));
    }

    #[test]
    fn sections_pages_and_files_can_be_named_instead() {
        let (_dir, site) = site(
            "[offline]\nprecache = [\"strategy\", \"definitions/neglect.md\", \"content/definitions/leaflet.pdf\"]",
        );
        let configured = configured(&site).unwrap();
        let chosen: Vec<&str> = configured.iter().map(String::as_str).collect();
        assert_eq!(
            chosen,
            [
                "definitions/leaflet.pdf",
                "definitions/neglect.html",
                "strategy/",
                "strategy/index.html",
                "strategy/vision.html",
            ]
        );
        let precache = select(&site, &configured, &written(&site, &[]));
        assert!(
            precache
                .paths
                .contains(&"definitions/leaflet.pdf".to_string())
        );
        assert!(!precache.paths.contains(&"toolkit/form.html".to_string()));
        // Named as a page, not a folder, definitions/ brings no images.
        assert!(
            !precache
                .paths
                .contains(&"definitions/chart.png".to_string())
        );
    }

    #[test]
    fn an_entry_that_names_nothing_is_an_error_at_its_line() {
        let (_dir, site) = site("[offline]\nprecache = [\n  \"toolkit/\",\n  \"stratgy/\",\n]");
        let problems = configured(&site).unwrap_err();
        assert_eq!(problems.len(), 1);
        let d = &problems[0];
        assert_eq!(d.path, std::path::PathBuf::from(CONFIG_FILE));
        assert_eq!((d.line, d.column), (5, 3));
        assert!(d.message.contains("`stratgy/`"), "{}", d.message);
        assert_eq!(d.hint.as_deref(), Some("did you mean `strategy/`?"));
    }
}
