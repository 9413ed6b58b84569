//! Walking `content/` and turning files into pages.
//!
//! Reading and front-matter parsing run in parallel; every problem of every file is collected so
//! the editor sees them all in one run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::base::Folder;
use super::front_matter::{self, FrontMatter};
use super::layers::{Layer, Plan};
use super::{Asset, Page, PageKind, Site};
use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex, Position};
use crate::util::slug::file_slug;

/// Choices that change which files become pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Keep pages marked `draft = true` (for `check`, which reports them).
    pub include_drafts: bool,
}

/// Reads the site folder: settings, then every file under `content/`. Any error in a page is an
/// error here (`waymark review` reads the site this way).
pub fn load(site_dir: &Path, options: LoadOptions) -> Result<Site, Diagnostics> {
    let site = load_site(site_dir, options)?;
    if site.problems.has_errors() {
        return Err(site.problems);
    }
    Ok(site)
}

/// Reads the site folder, carrying on past problems in pages so that a build or a check can
/// report them together with what later steps find: the problems are kept in
/// [`Site::problems`], and a page whose file could not be read as a page is a stand-in (see
/// [`stand_in`]). An error only when there is no site to read: no settings, no `content/`.
///
/// A site built on a base (`base` in its settings) is read with the base's files beneath its
/// own (see [`super::layers`]): every later step sees one site.
pub fn load_site(site_dir: &Path, options: LoadOptions) -> Result<Site, Diagnostics> {
    let (config, base) = super::base::settings(site_dir)?;
    let content_dir = site_dir.join("content");
    if !content_dir.is_dir() {
        return Err(vec![
            Diagnostic::error(
                "io",
                "content",
                Position::FILE,
                "the site has no content/ folder",
            )
            .with_hint("put the Markdown pages in a folder called content/ beside waymark.toml"),
        ]
        .into());
    }

    let mut diagnostics = Diagnostics::new();
    let local = Folder::local(site_dir);
    let walked = walk(&local, &mut diagnostics);
    let plan = match &base {
        None => Plan {
            markdown: walked.0.into_iter().map(|s| (s, Layer::Local)).collect(),
            assets: walked.1.into_iter().map(|s| (s, Layer::Local)).collect(),
            hidden: Default::default(),
        },
        Some(base) => {
            let from_base = walk(&base.folder, &mut diagnostics);
            let text = std::fs::read_to_string(site_dir.join(crate::config::CONFIG_FILE))
                .unwrap_or_default();
            let (plan, problems) = super::layers::plan(walked, from_base, &config.hide, &text);
            diagnostics.extend(problems);
            plan
        }
    };
    let folder = |layer: Layer| match (layer, &base) {
        (Layer::Base, Some(base)) => &base.folder,
        _ => &local,
    };

    let parsed: Vec<Result<Option<Page>, Vec<Diagnostic>>> = plan
        .markdown
        .par_iter()
        .map(|(source, layer)| {
            read_page(folder(*layer), source, options).map(|page| {
                page.map(|mut page| {
                    page.layer = *layer;
                    page
                })
            })
        })
        .collect();
    let mut read = Vec::with_capacity(parsed.len());
    for (result, (source, layer)) in parsed.into_iter().zip(&plan.markdown) {
        match result {
            Ok(Some(page)) => read.push(page),
            Ok(None) => {}
            Err(problems) => {
                diagnostics.extend(problems);
                let mut page = stand_in(folder(*layer), source);
                page.layer = *layer;
                read.push(page);
            }
        }
    }
    let mut laid = Vec::new();
    let pages = super::layers::lay(read, base.is_some(), &plan.hidden, &mut laid);
    diagnostics.extend(laid);
    let assets = plan
        .assets
        .into_iter()
        .map(|(source, layer)| Asset {
            path: folder(layer).dir.join("content").join(&source),
            source,
        })
        .collect();

    let pages = arrange(pages);
    check_unique_urls(&pages, &mut diagnostics);
    diagnostics.extend(super::kinds::problems(&pages));
    diagnostics.extend(super::addresses::unsafe_urls(
        &pages,
        &config.links.allowed_schemes,
    ));
    let mut site = Site::new(
        site_dir.to_path_buf(),
        config,
        pages,
        assets,
        Diagnostics::new(),
    );
    site.base = base;
    site.hidden = plan.hidden;
    site.relocate(&mut diagnostics);
    diagnostics.sort();
    site.problems = diagnostics;
    Ok(site)
}

/// A stand-in for a Markdown file that could not be read as a page (its front matter or its
/// encoding is wrong), so that links to it and packs that include it are not reported as
/// missing too, and its text is still checked: titled from its file name, its body the text after
/// the front matter. It is marked `synthetic`, so content rules, search and review pass it by;
/// a build stops on the file's own errors.
fn stand_in(folder: &Folder, source: &str) -> Page {
    let file = folder.content_file(source);
    let bytes = std::fs::read(folder.dir.join("content").join(source)).unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    let body_offset = match front_matter::split(&text) {
        Ok(split) => split.body_offset,
        Err(front_matter::SplitError::Missing) => 0,
        Err(front_matter::SplitError::Unclosed) => text.len(),
    };
    let stem = source
        .rsplit('/')
        .next()
        .unwrap_or(source)
        .trim_end_matches(".md");
    let lines = LineIndex::new(&text);
    let mut page = new_page(
        source.to_string(),
        file,
        FrontMatter {
            title: title_from_name(stem),
            ..FrontMatter::default()
        },
        text,
        body_offset,
        lines,
    );
    page.synthetic = true;
    page
}

/// Markdown sources and other files under the folder's `content/`, as forward-slash paths,
/// sorted.
fn walk(folder: &Folder, diagnostics: &mut Diagnostics) -> (Vec<String>, Vec<String>) {
    let site_dir = folder.dir.as_path();
    let content_dir = &site_dir.join("content");
    let real_site = site_dir
        .canonicalize()
        .unwrap_or_else(|_| site_dir.to_path_buf());
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    let walker = WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_str().unwrap_or("")));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(content_dir).to_path_buf();
                let shown = folder
                    .shown
                    .join(path.strip_prefix(site_dir).unwrap_or(&path));
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("folder loop"));
                diagnostics.push(Diagnostic::io(&shown, "read this folder", &io));
                continue;
            }
        };
        if entry.path_is_symlink() {
            match super::symlinks::followed(&real_site, entry.path()) {
                Ok(()) => {}
                Err(why) => {
                    let inside = entry.path().strip_prefix(site_dir).unwrap_or(entry.path());
                    diagnostics.push(super::symlinks::skipped(&folder.shown.join(inside), &why));
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(content_dir) else {
            continue;
        };
        let source = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if source.ends_with(".md") {
            markdown.push(source);
        } else {
            assets.push(source);
        }
    }
    (markdown, assets)
}

/// Hidden files and editors' backup and lock files.
fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#') || name.ends_with(".swp")
}

/// Reads one Markdown file under the folder's `content/` (`source` as `strategy/vision.md`) into
/// a page that is not yet placed in a site (no parent or children). `Ok(None)` for a draft.
pub fn read_page(
    folder: &Folder,
    source: &str,
    options: LoadOptions,
) -> Result<Option<Page>, Vec<Diagnostic>> {
    let file = folder.content_file(source);
    let bytes = std::fs::read(folder.dir.join("content").join(source))
        .map_err(|e| vec![Diagnostic::io(&file, "read this file", &e)])?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
        let position = LineIndex::new(&text).position(&text, offset);
        vec![
            Diagnostic::error("encoding", &file, position, "the file is not UTF-8 text").with_hint(
                "save the file with UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)",
            ),
        ]
    })?;
    let lines = LineIndex::new(&text);
    let (front, split) = front_matter::parse(&file, &text, &lines)?;
    if front.draft && !options.include_drafts {
        return Ok(None);
    }
    let body_offset = split.body_offset;
    Ok(Some(new_page(
        source.to_string(),
        file,
        front,
        text,
        body_offset,
        lines,
    )))
}

fn new_page(
    source: String,
    file: PathBuf,
    front: FrontMatter,
    text: String,
    body_offset: usize,
    lines: LineIndex,
) -> Page {
    let (dir, name) = source.rsplit_once('/').unwrap_or(("", source.as_str()));
    let is_section = name == "_index.md";
    let top = source.split('/').next().filter(|_| source.contains('/'));
    let url = if is_section {
        join(dir, "index.html")
    } else {
        let stem = name.trim_end_matches(".md");
        join(dir, &format!("{}.html", file_slug(stem)))
    };
    let kind = match (is_section, dir.is_empty()) {
        (true, true) => PageKind::Home,
        (true, false) => PageKind::Section,
        (false, _) => PageKind::from_top_folder(top),
    };
    Page {
        section_kind: PageKind::from_top_folder(top),
        source,
        file,
        kind,
        is_section,
        url,
        parent: None,
        children: Vec::new(),
        front,
        text,
        body_offset,
        lines,
        synthetic: false,
        layer: Layer::Local,
        overlay: None,
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// A section page for a folder that has pages but no `_index.md`, titled from the folder name.
fn synthetic_section(dir: &str) -> Page {
    let name = dir.rsplit('/').next().unwrap_or(dir);
    let title = if dir.is_empty() {
        "Home".to_string()
    } else {
        title_from_name(name)
    };
    let source = join(dir, "_index.md");
    let mut page = new_page(
        source.clone(),
        PathBuf::from("content").join(&source),
        FrontMatter {
            title,
            ..FrontMatter::default()
        },
        String::new(),
        0,
        LineIndex::new(""),
    );
    page.synthetic = true;
    page
}

/// A title made from a file or folder name: `day-in-my-life` is "Day in my life". A name of
/// only dashes or underscores stays as it is.
fn title_from_name(name: &str) -> String {
    let words = name.replace(['-', '_'], " ");
    let words = if words.trim().is_empty() {
        name.to_string()
    } else {
        words
    };
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Adds missing sections, sorts pages (home first), and links parents and children.
fn arrange(mut pages: Vec<Page>) -> Vec<Page> {
    let existing: BTreeSet<String> = pages.iter().map(|p| p.source.clone()).collect();
    let mut folders: BTreeSet<String> = BTreeSet::from([String::new()]);
    for page in &pages {
        let mut folder = parent_folder(page);
        while let Some(dir) = folder {
            folder = parent_dir(&dir);
            folders.insert(dir);
        }
    }
    for folder in folders {
        if !existing.contains(&join(&folder, "_index.md")) {
            pages.push(synthetic_section(&folder));
        }
    }

    pages.sort_by(|a, b| {
        (a.kind != PageKind::Home, &a.source).cmp(&(b.kind != PageKind::Home, &b.source))
    });

    let section_of: BTreeMap<String, usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_section)
        .map(|(i, p)| (p.source_dir().to_string(), i))
        .collect();
    for i in 0..pages.len() {
        let Some(folder) = parent_folder(&pages[i]) else {
            continue;
        };
        let parent = section_of[&folder];
        pages[i].parent = Some(parent);
        pages[parent].children.push(i);
    }
    for i in 0..pages.len() {
        let mut children = std::mem::take(&mut pages[i].children);
        children.sort_by(|&a, &b| {
            let (pa, pb) = (&pages[a], &pages[b]);
            (pa.front.weight, pa.front.title.to_lowercase(), &pa.source).cmp(&(
                pb.front.weight,
                pb.front.title.to_lowercase(),
                &pb.source,
            ))
        });
        pages[i].children = children;
    }
    pages
}

/// The folder whose section a page belongs to; None for the home page.
fn parent_folder(page: &Page) -> Option<String> {
    if page.is_section {
        parent_dir(page.source_dir())
    } else {
        Some(page.source_dir().to_string())
    }
}

/// `a/b` -> `a`, `a` -> ``, `` -> None.
fn parent_dir(dir: &str) -> Option<String> {
    if dir.is_empty() {
        None
    } else {
        Some(dir.rsplit_once('/').map_or("", |(d, _)| d).to_string())
    }
}

/// Two files that would be written to the same place (`Vision.md` and `vision.md`).
fn check_unique_urls(pages: &[Page], diagnostics: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &Page> = BTreeMap::new();
    for page in pages {
        if let Some(first) = seen.insert(&page.url, page) {
            diagnostics.push(
                Diagnostic::error(
                    "duplicate-url",
                    &page.file,
                    Position::FILE,
                    format!(
                        "this page and {} would both be written to {}",
                        first.file.display(),
                        page.url
                    ),
                )
                .with_hint("rename one of the files: output names are the file names in lowercase with hyphens"),
            );
        }
    }
}

/// A page made from a file's text, as [`read_page`] would read it (for tests).
#[cfg(test)]
pub(crate) fn page_from_text(source: &str, file: &str, text: &str) -> Page {
    let lines = LineIndex::new(text);
    let (front, split) = front_matter::parse(Path::new(file), text, &lines).expect("front matter");
    let body_offset = split.body_offset;
    new_page(
        source.into(),
        PathBuf::from(file),
        front,
        text.to_string(),
        body_offset,
        lines,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(source: &str, title: &str, weight: i64) -> Page {
        let front = FrontMatter {
            title: title.into(),
            weight,
            ..FrontMatter::default()
        };
        new_page(
            source.into(),
            PathBuf::from("content").join(source),
            front,
            String::new(),
            0,
            LineIndex::new(""),
        )
    }

    #[test]
    fn urls_name_html_files() {
        assert_eq!(page("_index.md", "Home", 0).url, "index.html");
        assert_eq!(
            page("strategy/_index.md", "S", 0).url,
            "strategy/index.html"
        );
        assert_eq!(
            page("toolkit/Day in my life.md", "D", 0).url,
            "toolkit/day-in-my-life.html"
        );
    }

    #[test]
    fn arrange_adds_missing_sections_and_orders_children_by_weight() {
        let pages = arrange(vec![
            page("strategy/b.md", "Beta", 2),
            page("strategy/a.md", "Alpha", 3),
            page("strategy/c.md", "Gamma", 1),
            page("_index.md", "Home", 0),
        ]);
        assert_eq!(pages[0].kind, PageKind::Home);
        let section = pages
            .iter()
            .position(|p| p.source == "strategy/_index.md")
            .unwrap();
        assert!(pages[section].synthetic);
        assert_eq!(pages[section].front.title, "Strategy");
        let titles: Vec<_> = pages[section]
            .children
            .iter()
            .map(|&c| pages[c].front.title.as_str())
            .collect();
        assert_eq!(titles, ["Gamma", "Beta", "Alpha"]);
        assert_eq!(pages[0].children, vec![section]);
    }

    #[test]
    fn nested_folders_get_nested_sections() {
        let pages = arrange(vec![page("about/policies/x.md", "X", 0)]);
        let sources: Vec<_> = pages.iter().map(|p| p.source.as_str()).collect();
        assert_eq!(
            sources,
            [
                "_index.md",
                "about/_index.md",
                "about/policies/_index.md",
                "about/policies/x.md"
            ]
        );
        assert_eq!(pages[3].parent, Some(2));
        assert_eq!(pages[2].parent, Some(1));
    }
}
