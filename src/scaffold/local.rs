//! `waymark init --base ../regional DIR`: a new local site built on a shared regional site.
//!
//! The new site holds only what is local: settings naming the base (as a path from the new
//! folder, however the base was named on the command line), and one page of local contacts.
//! Every regional page appears in it as it is until the editor replaces, adds to or hides it.

use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;

use super::init::{ensure_empty, write_files};
use super::{ScaffoldError, review_date};
use crate::config::{CONFIG_FILE, SiteConfig};

/// How long the local contacts page runs before review.
const REVIEW_MONTHS: u32 = 12;

/// Writes a local site into `dir` (new or empty) on the site in `base`. Returns the files
/// written, relative to `dir`, sorted. Nothing is written if `base` is not a waymark site, or
/// is itself built on a base.
pub fn init_local(dir: &Path, base: &Path, today: Date) -> Result<Vec<PathBuf>, ScaffoldError> {
    ensure_empty(dir)?;
    if !base.join(CONFIG_FILE).is_file() || !base.join("content").is_dir() {
        return Err(ScaffoldError::Invalid(format!(
            "the base {} is not a waymark site: a site folder has a {CONFIG_FILE} file and a \
             content/ folder",
            base.display()
        )));
    }
    let config = SiteConfig::load(base).map_err(ScaffoldError::Site)?;
    if let Some(further) = &config.base {
        return Err(ScaffoldError::Invalid(format!(
            "the base {} is itself built on `{further}`: a base cannot have a base of its own; \
             name the site with the guidance itself",
            base.display()
        )));
    }
    let written = relative_to(base, dir).ok_or_else(|| {
        ScaffoldError::Invalid(format!(
            "cannot find the way from {} to {}: name both as folders that exist, or could",
            dir.display(),
            base.display()
        ))
    })?;
    let written = written.to_string_lossy().replace('\\', "/");
    let review_due = review_date(today, REVIEW_MONTHS);
    let settings = SETTINGS
        .replace("%BASE%", &written)
        .replace("%BASE_TITLE%", &config.title.replace('"', "'"));
    let contacts = CONTACTS
        .replace("%TODAY%", &today.to_string())
        .replace("%REVIEW_DUE%", &review_due.to_string());
    write_files(
        dir,
        &[
            (PathBuf::from(".gitignore"), "output/\n".to_string()),
            (PathBuf::from(CONFIG_FILE), settings),
            (PathBuf::from("content/local-contacts.md"), contacts),
        ],
    )
}

/// The path from folder `from` to `to`, both made absolute first; `from` need not exist yet.
fn relative_to(to: &Path, from: &Path) -> Option<PathBuf> {
    let to = to.canonicalize().ok()?;
    let from = absolute(from)?;
    let to: Vec<Component> = to.components().collect();
    let from: Vec<Component> = from.components().collect();
    let shared = to.iter().zip(&from).take_while(|(a, b)| a == b).count();
    if shared == 0 {
        return Some(to.iter().collect());
    }
    let mut path: PathBuf = from[shared..]
        .iter()
        .map(|_| Component::ParentDir)
        .collect();
    path.extend(&to[shared..]);
    Some(path)
}

/// `path` made absolute, with the part that exists resolved (links, `..`) and the rest added.
fn absolute(path: &Path) -> Option<PathBuf> {
    let path = std::path::absolute(path).ok()?;
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name()?);
        existing = existing.parent()?;
    }
    let mut resolved = existing.canonicalize().ok()?;
    resolved.extend(rest.iter().rev());
    Some(resolved)
}

const SETTINGS: &str = r#"# A local site built on the shared guidance in the base folder below. Every page of the base
# appears here as it is. In content/ here:
#   - a page at the same path as a base page replaces it;
#   - a page with extends = true at the same path adds its sections to the base page
#     (`## Local: <base heading>` puts a section after that heading, in a "Local information" box);
#   - any other page is added.
# The README's "Shared regional guidance" section explains each of these.
base = "%BASE%"

# This site's name and partnership, in place of the base's ("%BASE_TITLE%").
title = "Safeguarding guidance"
partnership = "Your Safeguarding Children Partnership"

# Base pages or folders that do not apply here, as they are named under the base's content/.
# hide = ["toolkit/old-form.md", "archive/"]
"#;

const CONTACTS: &str = r#"+++
title = "Local contacts"
summary = "Who to contact in this area when you are worried about a child."
owner = "Your Safeguarding Children Partnership"
version = "1.0"
published = %TODAY%
review_due = %REVIEW_DUE%
+++

Replace this text with your area's contacts: the children's social care front door, the
emergency duty team out of hours, and your partnership's business unit.

If a child is in immediate danger, call 999.
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{LoadOptions, load};

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    fn base_site(root: &Path, settings: &str) -> PathBuf {
        let base = root.join("regional");
        std::fs::create_dir_all(base.join("content")).unwrap();
        std::fs::write(base.join(CONFIG_FILE), settings).unwrap();
        std::fs::write(
            base.join("content/_index.md"),
            "+++\ntitle = \"Regional\"\n+++\nWelcome.\n",
        )
        .unwrap();
        base
    }

    #[test]
    fn the_new_site_names_its_base_from_its_own_folder_and_loads_over_it() {
        let root = tempfile::tempdir().unwrap();
        let base = base_site(root.path(), "title = \"Regional procedures\"\n");
        let dir = root.path().join("areas/north");
        let written = init_local(&dir, &base, today()).unwrap();
        assert_eq!(
            written,
            [
                PathBuf::from(".gitignore"),
                PathBuf::from("content/local-contacts.md"),
                PathBuf::from(CONFIG_FILE)
            ]
        );
        let settings = std::fs::read_to_string(dir.join(CONFIG_FILE)).unwrap();
        assert!(settings.contains("base = \"../../regional\""), "{settings}");
        let site = load(&dir, LoadOptions::default()).unwrap_or_else(|d| panic!("{d}"));
        assert!(site.problems.is_empty(), "{:?}", site.problems);
        assert!(
            site.page_by_source("_index.md").is_some(),
            "the base's home page"
        );
        assert!(site.page_by_source("local-contacts.md").is_some());
    }

    #[test]
    fn a_base_that_is_not_a_site_or_has_a_base_writes_nothing() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("north");
        let missing = init_local(&dir, &root.path().join("nowhere"), today()).unwrap_err();
        assert!(
            missing.to_string().contains("is not a waymark site"),
            "{missing}"
        );
        let base = base_site(root.path(), "title = \"R\"\nbase = \"../national\"\n");
        let layered = init_local(&dir, &base, today()).unwrap_err();
        assert!(
            layered.to_string().contains("a base cannot have a base"),
            "{layered}"
        );
        assert!(!dir.exists());
    }
}
