//! Every output path has one owner: a page, a file copied from `content/`, or a file waymark
//! makes for the whole site. Two owners of one path would mean one silently replaces the other
//! (a page `content/search.md` lost under the search page yet listed in "All pages"), so every
//! clash is an error naming both, found before anything is rendered.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::content::Site;
use crate::diagnostics::{Diagnostic, Position};
use crate::offline;

/// Folders of the output that waymark fills whole for `site`: the search index, the theme and,
/// with offline use, the app icons.
pub fn generated_folders(site: &Site) -> Vec<(&'static str, &'static str)> {
    let mut folders = vec![
        ("search/", "the search index"),
        ("theme/", "the theme's files"),
    ];
    if site.config.offline.enabled {
        folders.push((offline::ICONS_FOLDER, "the app icons"));
    }
    folders
}

/// The files waymark makes for the whole of `site`, each with what it is.
pub fn generated_files(site: &Site) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = [
        ("404.html", "the \"Page not found\" page"),
        ("robots.txt", "the file for search engines"),
        ("glossary.json", "the glossary for other systems"),
        ("search.html", "the search page"),
        ("pages.html", "the list of all pages"),
        ("changes.html", "the \"What's changed\" page"),
    ]
    .iter()
    .map(|(path, what)| (path.to_string(), what.to_string()))
    .collect();
    if site.config.base_url.is_some() {
        files.push(("sitemap.xml".into(), "the sitemap".into()));
        files.push(("changes.xml".into(), "the \"What's changed\" feed".into()));
    }
    if site.config.offline.enabled {
        for (path, what) in [
            (offline::SERVICE_WORKER, "the service worker"),
            (offline::FILE_LIST, "the list of files for offline use"),
            (offline::OFFLINE_PAGE, "the offline page"),
            (offline::WEB_MANIFEST, "the web app manifest"),
        ] {
            files.push((path.into(), what.into()));
        }
    }
    if !site.config.packs.is_empty() {
        files.push(("packs.html".into(), "the \"Printable packs\" page".into()));
    }
    files.extend(super::kinds_pages::generated_files(site));
    for pack in &site.config.packs {
        files.push((
            format!("packs/{}.pdf", pack.slug),
            format!("the PDF of pack `{}`", pack.slug),
        ));
        files.push((
            format!("packs/{}/index.html", pack.slug),
            format!("the print page of pack `{}`", pack.slug),
        ));
    }
    files
}

/// Every output path claimed twice: by a page or a copied file and a file waymark makes, or by
/// a page and a copied file.
pub(crate) fn collisions(site: &Site) -> Vec<Diagnostic> {
    let generated: HashMap<String, String> = generated_files(site).into_iter().collect();
    let folders = generated_folders(site);
    let claimed_by_waymark = |path: &str| -> Option<String> {
        generated
            .get(path)
            .map(|what| format!("which is {what}"))
            .or_else(|| {
                folders
                    .iter()
                    .find(|(folder, _)| path.starts_with(folder))
                    .map(|(folder, what)| format!("in {folder}, which holds {what}"))
            })
    };
    let mut problems = Vec::new();
    let mut pages: HashMap<&str, &PathBuf> = HashMap::new();
    for page in site
        .pages
        .iter()
        .filter(|p| !p.synthetic || !p.text.is_empty())
    {
        pages.insert(&page.url, &page.file);
        if let Some(what) = claimed_by_waymark(&page.url) {
            problems.push(clash(&page.file, &page.url, &what));
        }
    }
    for asset in &site.assets {
        let file = site.display_path(&asset.path);
        if let Some(what) = claimed_by_waymark(&asset.source) {
            problems.push(clash(&file, &asset.source, &what));
        } else if let Some(page) = pages.get(asset.source.as_str()) {
            problems.push(clash(
                &file,
                &asset.source,
                &format!("which is the page made from {}", page.display()),
            ));
        }
    }
    problems
}

fn clash(file: &std::path::Path, output: &str, owner: &str) -> Diagnostic {
    Diagnostic::error(
        "output-clash",
        file,
        Position::FILE,
        format!("this file would be written to {output}, {owner}"),
    )
    .with_hint(
        "rename or move the file: each file of the built site comes from one place, and \
         404.html, robots.txt, glossary.json, search.html, pages.html, changes.html, \
         changes.xml, sitemap.xml, packs.html, packs/, search/ and theme/ are waymark's, and \
         with offline use sw.js, offline.json, offline.html, manifest.webmanifest and icons/",
    )
}
