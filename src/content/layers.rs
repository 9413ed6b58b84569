//! The files of a local site laid over its base's: which file under `content/` each page and
//! each other file of the site is read from.
//!
//! A file only the base has is the base's; a file only the local site has is the local one; where
//! both have a file at the same path the local one wins. A local page there either replaces the
//! base page or, with `extends = true`, adds to it (see [`super::extends`]); either way the page
//! remembers the base page ([`Overlay`]) so `check` and `review` can say when the base page
//! changes after the local one was last checked against it. `hide` in the local settings leaves
//! base pages and folders out.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::extends::Addition;
use super::{FrontMatter, Page};
use crate::config::{CONFIG_FILE, key_position};
use crate::diagnostics::{Diagnostic, Position, suggest};

/// Which folder a page or file comes from. A site without a base has only its own, local, layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// The base site's folder (the regional guidance).
    Base,
    /// The site's own folder.
    Local,
}

/// What a local file does to the base page at its path, and what that base page says.
#[derive(Debug, Clone)]
pub struct Overlay {
    pub base: BasePart,
    /// Set when the local file adds sections to the base page (`extends = true`); the page is
    /// then the base page with them inserted. Otherwise the local file replaces the base page.
    pub addition: Option<Box<Addition>>,
}

/// The base page under a local replacement or addition.
#[derive(Debug, Clone)]
pub struct BasePart {
    /// The base page's file, as messages name it (`../regional/content/procedures/neglect.md`).
    pub file: PathBuf,
    /// Its front matter: owner, version and `[[changes]]`.
    pub front: FrontMatter,
    /// Its headings as (id, words), in order.
    pub headings: Vec<(String, String)>,
}

/// A part of a page with document control of its own: every page has one; a page that a local
/// file adds to has a second, the local file's, with its own owner and review date.
pub struct ControlPart<'a> {
    /// The file the part's front matter is written in.
    pub file: &'a Path,
    pub front: &'a FrontMatter,
    /// True for the local file of a page that a local site adds to.
    pub is_addition: bool,
    page: &'a Page,
}

impl ControlPart<'_> {
    /// Where a front matter value of this part is written (the whole file when it is not).
    pub fn value_position(&self, key: &str) -> Position {
        match self.page.overlay.as_ref().and_then(|o| o.addition.as_ref()) {
            Some(addition) if self.is_addition => addition.value_position(key),
            _ => self.page.value_position(key, None),
        }
    }
}

impl Page {
    /// The page's parts with document control of their own: the page, then any local addition.
    pub fn control_parts(&self) -> Vec<ControlPart<'_>> {
        let mut parts = vec![ControlPart {
            file: &self.file,
            front: &self.front,
            is_addition: false,
            page: self,
        }];
        if let Some(addition) = self.overlay.as_ref().and_then(|o| o.addition.as_ref()) {
            parts.push(ControlPart {
                file: &addition.file,
                front: &addition.front,
                is_addition: true,
                page: self,
            });
        }
        parts
    }
}

/// The files of both layers, each source path once, from the layer that wins.
#[derive(Debug, Default)]
pub struct Plan {
    /// Markdown files to read. A path both layers have is listed twice, base first: the local
    /// file replaces or extends the base page.
    pub markdown: Vec<(String, Layer)>,
    /// Other files, each from one layer.
    pub assets: Vec<(String, Layer)>,
    /// Base pages and files that `hide` leaves out, for messages about links to them.
    pub hidden: BTreeSet<String>,
}

/// Lays `local` files (Markdown and others, source paths under `content/`) over `base` ones,
/// leaving out what `hide` names. Hide entries that name nothing are warnings at the setting.
pub fn plan(
    local: (Vec<String>, Vec<String>),
    base: (Vec<String>, Vec<String>),
    hide: &[String],
    settings_text: &str,
) -> (Plan, Vec<Diagnostic>) {
    let entries: Vec<String> = hide.iter().map(|e| normalise(e)).collect();
    let is_hidden = |source: &str| entries.iter().any(|e| hides(e, source));
    let mut plan = Plan::default();
    let (local_md, local_assets) = local;
    let (base_md, base_assets) = base;

    for source in &base_md {
        if is_hidden(source) {
            plan.hidden.insert(source.clone());
        } else {
            plan.markdown.push((source.clone(), Layer::Base));
        }
    }
    plan.markdown
        .extend(local_md.into_iter().map(|s| (s, Layer::Local)));
    plan.markdown
        .sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));

    let local_set: BTreeSet<&String> = local_assets.iter().collect();
    for source in &base_assets {
        if is_hidden(source) {
            plan.hidden.insert(source.clone());
        } else if !local_set.contains(source) {
            plan.assets.push((source.clone(), Layer::Base));
        }
    }
    plan.assets
        .extend(local_assets.iter().map(|s| (s.clone(), Layer::Local)));
    plan.assets.sort();

    let mut problems = Vec::new();
    for (entry, written) in entries.iter().zip(hide) {
        let matches = base_md
            .iter()
            .chain(&base_assets)
            .any(|source| hides(entry, source));
        if !matches {
            let hint = match suggest(entry, base_md.iter().map(String::as_str)) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "name a page (`toolkit/old-form.md`) or a folder (`about/`) as they are \
                         under the base's content/ folder"
                    .into(),
            };
            problems.push(
                Diagnostic::warning(
                    "hide",
                    CONFIG_FILE,
                    key_position(settings_text, &["hide"]).unwrap_or(Position::FILE),
                    format!("hide names `{written}`, which is not a page or folder of the base"),
                )
                .with_hint(hint),
            );
        }
    }
    (plan, problems)
}

/// Pairs each local page with the base page at its path, if any (`read` holds the pages of
/// both layers sorted by path, a base page before the local one at its path): the local page
/// replaces the base page, or with `extends = true` adds to it. An `extends` page with no base
/// page to add to is an error at its `extends` line, and is kept as a page of its own.
pub fn lay(
    read: Vec<Page>,
    has_base: bool,
    hidden: &BTreeSet<String>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    let base_sources: Vec<String> = read
        .iter()
        .filter(|p| p.layer == Layer::Base)
        .map(|p| p.source.clone())
        .collect();
    let mut pages: Vec<Page> = Vec::with_capacity(read.len());
    for page in read {
        let under = pages
            .last()
            .is_some_and(|last| last.source == page.source && last.layer == Layer::Base);
        if under {
            let base = pages.pop().expect("the base page");
            if page.front.extends {
                problems.extend(title_not_shown(&base, &page));
                let (joined, found) = super::extends::extend(base, page);
                problems.extend(found);
                pages.push(joined);
            } else {
                pages.push(super::extends::replace(&base, page));
            }
            continue;
        }
        if page.front.extends {
            problems.push(nothing_to_extend(&page, has_base, hidden, &base_sources));
        }
        pages.push(page);
    }
    pages
}

/// A page that adds to a base page shows the base page's title; a different title written on
/// it would be dropped without a word, so the editor hears of it.
fn title_not_shown(base: &Page, local: &Page) -> Option<Diagnostic> {
    let title = local.front.title.trim();
    if title.is_empty() || title == base.front.title.trim() {
        return None;
    }
    let message = format!(
        "this page adds to the regional page \"{}\", whose title is shown; the title \"{title}\" here is not used",
        base.front.title
    );
    Some(
        Diagnostic::warning("extends", &local.file, local.value_position("title", None), message)
            .with_hint(
                "remove the title line, or remove extends = true to replace the regional page with this one",
            ),
    )
}

fn nothing_to_extend(
    page: &Page,
    has_base: bool,
    hidden: &BTreeSet<String>,
    base_sources: &[String],
) -> Diagnostic {
    let at = page.value_position("extends", None);
    let (message, hint) = if !has_base {
        (
            "extends = true adds to a page of the base site, but this site has no base".to_string(),
            "name the site this one is built on in waymark.toml (base = \"../regional\"), or \
             remove extends"
                .to_string(),
        )
    } else if hidden.contains(&page.source) {
        (
            format!(
                "extends = true adds to the base page content/{}, which hide leaves out",
                page.source
            ),
            "remove the page from hide in waymark.toml, or remove extends to make this page \
             replace the base page"
                .to_string(),
        )
    } else {
        let hint = match suggest(&page.source, base_sources.iter().map(String::as_str)) {
            Some(near) => format!(
                "a page that adds to a base page has the same path under content/: did you mean \
                 content/{near}?"
            ),
            None => "a page that adds to a base page has the same path under content/ as the \
                     base page; remove extends to make this a page of its own"
                .to_string(),
        };
        (
            format!(
                "extends = true, but the base has no page content/{} to add to",
                page.source
            ),
            hint,
        )
    };
    Diagnostic::error("extends", &page.file, at, message).with_hint(hint)
}

/// A hide entry as a path under `content/`, without a leading `content/` or slash.
fn normalise(entry: &str) -> String {
    let entry = entry.trim().trim_start_matches('/');
    entry
        .strip_prefix("content/")
        .unwrap_or(entry)
        .trim_end_matches('/')
        .to_string()
}

/// Whether the hide entry (a page or a folder) covers `source`.
fn hides(entry: &str, source: &str) -> bool {
    !entry.is_empty()
        && (source == entry
            || source
                .strip_prefix(entry)
                .is_some_and(|rest| rest.starts_with('/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn local_files_win_and_hide_leaves_out_pages_and_folders() {
        let (plan, problems) = plan(
            (
                strings(&["_index.md", "contacts.md"]),
                strings(&["images/logo.png"]),
            ),
            (
                strings(&[
                    "_index.md",
                    "procedures/neglect.md",
                    "old/a.md",
                    "old/b.md",
                    "toolkit/form.md",
                ]),
                strings(&["images/logo.png", "old/form.pdf", "toolkit/form.pdf"]),
            ),
            &strings(&["old/", "content/toolkit/form.md"]),
            "",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            plan.markdown,
            [
                ("_index.md".to_string(), Layer::Base),
                ("_index.md".to_string(), Layer::Local),
                ("contacts.md".to_string(), Layer::Local),
                ("procedures/neglect.md".to_string(), Layer::Base),
            ]
        );
        assert_eq!(
            plan.assets,
            [
                ("images/logo.png".to_string(), Layer::Local),
                ("toolkit/form.pdf".to_string(), Layer::Base),
            ]
        );
        assert!(plan.hidden.contains("old/a.md") && plan.hidden.contains("old/form.pdf"));
        assert!(plan.hidden.contains("toolkit/form.md"));
    }

    #[test]
    fn a_hide_entry_that_names_nothing_is_a_warning_with_a_suggestion() {
        let (_, problems) = plan(
            (vec![], vec![]),
            (strings(&["toolkit/form.md"]), vec![]),
            &strings(&["toolkit/from.md", "old"]),
            "title = \"T\"\nhide = [\"toolkit/from.md\", \"old\"]\n",
        );
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, 2);
        assert!(!problems[0].is_error());
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("did you mean `toolkit/form.md`?")
        );
        // A folder name must match whole folders: `tool` does not hide `toolkit/`.
        assert!(!hides("tool", "toolkit/form.md"));
        assert!(hides("toolkit", "toolkit/form.md"));
    }
}
