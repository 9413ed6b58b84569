//! Templates and theme: Tera setup, the data each template sees, and the files every site gets.
//!
//! The default templates and theme are compiled into the binary, so `waymark` works on a machine
//! with nothing else installed. A site overrides any of them by putting a file with the same name
//! in its own `templates/` or `theme/` folder.

pub(crate) mod assets;
pub(crate) mod changes;
pub(crate) mod context;
pub(crate) mod documents;
pub(crate) mod events;
pub(crate) mod glossary;
pub(crate) mod home;
pub(crate) mod kinds;
pub(crate) mod layered;
pub(crate) mod news;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use tera::{Context, Tera};

use crate::content::Folder;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};

/// The default templates, as shipped.
pub(crate) static DEFAULT_TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// The templates a site renders with: the defaults, overridden by the site's own.
pub struct Renderer {
    tera: Tera,
    /// Every name the templates' sources hold (variables, fields, filters, words), so a value
    /// that takes work to make is made only when some template can read it.
    names: HashSet<String>,
    /// Templates read from a site folder, by name, as messages name their files
    /// (`templates/page.html`, or `../regional/templates/page.html` from a base).
    files: HashMap<String, PathBuf>,
}

impl Renderer {
    /// Loads the embedded templates and the `templates/` folders of `folders` over them, each
    /// folder over the one before (a site's base, then the site).
    pub fn new(folders: &[Folder]) -> Result<Renderer, Diagnostics> {
        let mut sources: Vec<(String, String)> = Vec::new();
        collect_embedded(&DEFAULT_TEMPLATES, &mut sources);
        let mut diagnostics = Diagnostics::new();
        let mut files = HashMap::new();
        for file in layered_files(folders, "templates")? {
            match std::fs::read_to_string(&file.path) {
                Ok(text) => {
                    sources.retain(|(n, _)| *n != file.name);
                    sources.push((file.name.clone(), text));
                    files.insert(file.name, file.shown);
                }
                Err(e) => diagnostics.push(Diagnostic::io(&file.shown, "read this template", &e)),
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        let mut tera = Tera::new();
        tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| Diagnostics::from(vec![template_error(&e, None, &files)]))?;
        let names = sources
            .iter()
            .flat_map(|(_, text)| text.split(|c: char| !(c.is_alphanumeric() || c == '_')))
            .filter(|name| !name.is_empty())
            .map(str::to_string)
            .collect();
        Ok(Renderer { tera, names, files })
    }

    /// Whether any template's source holds `name` as a whole name (`used_in` in
    /// `d.used_in` or `d["used_in"]`, but not in `d.used_in_items`). A name that appears only
    /// in a comment counts too: a value made and not read costs time, never a wrong page.
    pub fn may_read(&self, name: &str) -> bool {
        self.names.contains(name)
    }

    /// Values every template can read (the site's settings and navigation).
    pub fn set_globals(&mut self, globals: &Context) {
        self.tera.global_context().extend(globals.clone());
    }

    pub fn has_template(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Renders `template`; an error names the template, its line and the page being built.
    pub fn render(
        &self,
        template: &str,
        context: &Context,
        page: &Path,
    ) -> Result<String, Diagnostic> {
        self.tera
            .render(template, context)
            .map_err(|e| template_error(&e, Some(page), &self.files))
    }
}

fn collect_embedded(dir: &Dir<'static>, out: &mut Vec<(String, String)>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            let name = file.path().to_string_lossy().replace('\\', "/");
            out.push((name, text.to_string()));
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// A file of a site's `templates/` or `theme/` folder.
pub(crate) struct FolderFile {
    /// Its name inside the folder, with forward slashes: `partials/metadata.html`.
    pub name: String,
    /// Where to read it.
    pub path: PathBuf,
    /// How messages name it.
    pub shown: PathBuf,
}

/// Every file under `folder` (`templates`, `theme`) of each site folder, by name, sorted; a
/// file in a later folder replaces the one with its name in an earlier folder.
pub(crate) fn layered_files(
    folders: &[Folder],
    folder: &str,
) -> Result<Vec<FolderFile>, Diagnostics> {
    let mut by_name = BTreeMap::new();
    let mut diagnostics = Diagnostics::new();
    for site in folders {
        match site_folder_files(&site.dir, folder) {
            Ok(files) => {
                for (name, path) in files {
                    let shown = site.shown.join(folder).join(&name);
                    by_name.insert(name.clone(), FolderFile { name, path, shown });
                }
            }
            Err(problems) => diagnostics.extend(problems.into_iter().map(|mut d| {
                d.path = site.shown.join(&d.path);
                d
            })),
        }
    }
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok(by_name.into_values().collect())
    }
}

/// Every file under the site's `folder` (`templates`, `theme`) by its name inside the folder
/// (forward slashes), sorted; hidden files are skipped. An unreadable folder is an error.
pub(crate) fn site_folder_files(
    site_dir: &Path,
    folder: &str,
) -> Result<Vec<(String, PathBuf)>, Diagnostics> {
    let root = site_dir.join(folder);
    let mut files = Vec::new();
    if !root.is_dir() {
        return Ok(files);
    }
    let mut diagnostics = Diagnostics::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let name = e
                    .path()
                    .strip_prefix(&root)
                    .unwrap_or(e.path())
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                if !name.split('/').any(|part| part.starts_with('.')) {
                    files.push((name, e.path().to_path_buf()));
                }
            }
            Ok(_) => {}
            Err(e) => {
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("folder loop"));
                diagnostics.push(Diagnostic::io(
                    &PathBuf::from(folder),
                    &format!("read the {folder} folder"),
                    &io,
                ));
            }
        }
    }
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok(files)
    }
}

/// Turns a Tera error into a diagnostic at the template's line; `files` names the site's own
/// templates' files.
fn template_error(
    error: &tera::Error,
    page: Option<&Path>,
    files: &HashMap<String, PathBuf>,
) -> Diagnostic {
    let file = |name: &str| {
        files
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from("templates").join(name))
    };
    let while_rendering = page
        .map(|p| format!(" (while rendering {})", p.display()))
        .unwrap_or_default();
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            Diagnostic::error(
                "template",
                file(report.filename()),
                Position::new(span.start_line, span.start_col + 1),
                format!("{}{while_rendering}", report.message()),
            )
            .with_hint(
                "fix the template, or delete your copy in templates/ to use the built-in one",
            )
        }
        tera::ErrorKind::TemplateNotFound(name) => Diagnostic::error(
            "template",
            file(name),
            Position::FILE,
            format!("template `{name}` does not exist{while_rendering}"),
        )
        .with_hint(format!(
            "check the `template` key in the page's front matter, or add templates/{name} to the site"
        )),
        other => Diagnostic::error(
            "template",
            "templates",
            Position::FILE,
            format!("{other}{while_rendering}"),
        )
        .with_hint("check the templates named in the message"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_templates_load_and_site_templates_override_them() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("templates")).unwrap();
        std::fs::write(site.path().join("templates/404.html"), "custom {{ 1 + 1 }}").unwrap();
        let renderer = Renderer::new(&[Folder::local(site.path())]).unwrap();
        assert!(renderer.has_template("page.html"));
        let out = renderer
            .render("404.html", &Context::new(), Path::new("404"))
            .unwrap();
        assert_eq!(out, "custom 2");
    }

    #[test]
    fn a_template_field_is_named_only_as_a_whole_name() {
        let site = tempfile::tempdir().unwrap();
        let renderer = Renderer::new(&[Folder::local(site.path())]).unwrap();
        assert!(renderer.may_read("used_in_items"));
        assert!(
            !renderer.may_read("used_in"),
            "the default templates read only the items"
        );
        std::fs::create_dir(site.path().join("templates")).unwrap();
        std::fs::write(
            site.path().join("templates/definition.html"),
            "{% for l in page.definition[\"used_in\"] %}{{ l.title }}{% endfor %}",
        )
        .unwrap();
        assert!(
            Renderer::new(&[Folder::local(site.path())])
                .unwrap()
                .may_read("used_in")
        );
    }

    #[test]
    fn template_errors_name_the_template_and_line() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("templates")).unwrap();
        std::fs::write(
            site.path().join("templates/404.html"),
            "line one\n{% if %}\n",
        )
        .unwrap();
        let errors = Renderer::new(&[Folder::local(site.path())]).err().unwrap();
        let d = errors.iter().next().unwrap();
        assert_eq!(d.path, PathBuf::from("templates/404.html"));
        assert_eq!(d.line, 2);
    }
}
