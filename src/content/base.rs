//! `base = "../regional"`: a local site built on another waymark site.
//!
//! The base is a whole site folder (settings, `content/`, `templates/`, `theme/`), usually a
//! region's shared guidance. This module finds it, reads its settings and lays the local
//! settings over them; [`super::layers`] does the same for the files under `content/`. One level
//! only: a base that names a base of its own is an error, which also rules out cycles.

use std::path::{Component, Path, PathBuf};

use crate::config::{CONFIG_FILE, OfflineConfig, PackConfig, SiteConfig, key_position};
use crate::diagnostics::{Diagnostic, Diagnostics, Position};

/// A site folder, with the path messages name it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    /// Where its files are read from.
    pub dir: PathBuf,
    /// How messages name it, relative to the local site's folder: empty for the site itself,
    /// `../regional` for its base, as `base` is written.
    pub shown: PathBuf,
}

impl Folder {
    /// The site being built.
    pub fn local(dir: &Path) -> Folder {
        Folder {
            dir: dir.to_path_buf(),
            shown: PathBuf::new(),
        }
    }

    /// The file under `content/` with this source path, as messages name it.
    pub fn content_file(&self, source: &str) -> PathBuf {
        self.shown.join("content").join(source)
    }

    /// A file of the folder (`waymark.toml`, `templates/page.html`), as messages name it.
    pub fn shown_file(&self, relative: &str) -> PathBuf {
        self.shown.join(relative)
    }
}

/// The site a local site is built on, with its own settings (before the local ones are laid
/// over them), which say where its packs and check rules are written.
#[derive(Debug, Clone)]
pub struct BaseSite {
    pub folder: Folder,
    pub config: SiteConfig,
}

/// A site's settings with its base's beneath them, and the base, if it names one. Errors name
/// the settings file they are in: the local `waymark.toml`, or the base's.
pub fn settings(site_dir: &Path) -> Result<(SiteConfig, Option<BaseSite>), Diagnostics> {
    let one = |d: Diagnostic| Diagnostics::from(vec![d]);
    let local = SiteConfig::load(site_dir).map_err(one)?;
    let Some(written) = local.base.clone() else {
        return Ok((local, None));
    };
    let text = std::fs::read_to_string(site_dir.join(CONFIG_FILE)).unwrap_or_default();
    let at = key_position(&text, &["base"]).unwrap_or(Position::FILE);
    let base = find(site_dir, &written).map_err(|(message, hint)| {
        one(Diagnostic::error("config", CONFIG_FILE, at, message).with_hint(hint))
    })?;
    let base_settings = base.shown_file(CONFIG_FILE);
    let mut base_config = SiteConfig::load(&base.dir).map_err(|mut d| {
        if d.path == Path::new(CONFIG_FILE) {
            d.path = base_settings.clone();
        }
        one(d)
    })?;
    if let Some(further) = &base_config.base {
        let base_text = std::fs::read_to_string(base.dir.join(CONFIG_FILE)).unwrap_or_default();
        let points_back = same_folder(&base.dir.join(further), site_dir);
        let message = if points_back {
            format!(
                "`{written}` names this site as its base: two sites cannot be each other's base"
            )
        } else {
            format!(
                "`{written}` is itself built on `{further}`: a base cannot have a base of its own"
            )
        };
        return Err(one(Diagnostic::error(
            "config",
            base_settings,
            key_position(&base_text, &["base"]).unwrap_or(Position::FILE),
            message,
        )
        .with_hint(format!(
            "build this site on the site with the guidance itself (base = \"{}\" from here), \
                 or remove base from {}",
            display_join(Path::new(&written), further),
            base.shown_file(CONFIG_FILE).display()
        ))));
    }
    for pack in &mut base_config.packs {
        pack.defined_in = Some(base_settings.clone());
    }
    let table: toml::Table = toml::from_str(&text).unwrap_or_default();
    let merged = merge(base_config.clone(), local, &table);
    Ok((
        merged,
        Some(BaseSite {
            folder: base,
            config: base_config,
        }),
    ))
}

/// The base folder `written` names, relative to `site_dir`; why not, as a message and a hint.
fn find(site_dir: &Path, written: &str) -> Result<Folder, (String, String)> {
    let shown = tidy(Path::new(written.trim()));
    let joined = site_dir.join(&shown);
    if written.trim().is_empty() {
        return Err((
            "base is empty".into(),
            "name the folder of the site this one is built on, such as base = \"../regional\""
                .into(),
        ));
    }
    if !joined.is_dir() {
        return Err((
            format!("the base `{written}` does not exist"),
            format!(
                "base names the folder of the site this one is built on, relative to this site's \
                 folder: it was looked for at {}",
                joined.display()
            ),
        ));
    }
    if same_folder(&joined, site_dir) {
        return Err((
            "a site cannot be its own base".into(),
            "name the folder of the regional site, such as base = \"../regional\"".into(),
        ));
    }
    if !joined.join(CONFIG_FILE).is_file() || !joined.join("content").is_dir() {
        return Err((
            format!("the base `{written}` is not a waymark site"),
            format!(
                "a waymark site folder has a {CONFIG_FILE} file and a content/ folder; {} has \
                 not both",
                joined.display()
            ),
        ));
    }
    let dir = joined.canonicalize().unwrap_or(joined);
    Ok(Folder { dir, shown })
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `a/./b/` as `a/b`, and `a/../b` as `b`: the path as it was meant, for messages.
fn tidy(path: &Path) -> PathBuf {
    let mut parts: Vec<Component> = Vec::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if matches!(parts.last(), Some(Component::Normal(_))) => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.iter().collect()
}

fn display_join(a: &Path, b: &str) -> String {
    tidy(&a.join(b)).display().to_string()
}

/// The local settings laid over the base's: every setting the local `waymark.toml` writes wins;
/// packs are the base's and the local ones (a local pack replaces a base pack with its slug);
/// check rules, allowed abbreviations and link schemes are the base's with the local ones added.
fn merge(base: SiteConfig, local: SiteConfig, written: &toml::Table) -> SiteConfig {
    let has = |key: &str| written.contains_key(key);
    let pick = |key: &str, local: String, base: String| if has(key) { local } else { base };
    let mut packs: Vec<PackConfig> = base
        .packs
        .into_iter()
        .filter(|p| !local.packs.iter().any(|l| l.slug == p.slug))
        .collect();
    packs.extend(local.packs);
    let mut check = base.check;
    check.rules.extend(local.check.rules);
    union(
        &mut check.allowed_abbreviations,
        local.check.allowed_abbreviations,
    );
    check.max_sentence_words = local.check.max_sentence_words.or(check.max_sentence_words);
    check.max_reading_grade = local.check.max_reading_grade.or(check.max_reading_grade);
    let mut links = base.links;
    union(&mut links.allowed_schemes, local.links.allowed_schemes);
    SiteConfig {
        title: pick("title", local.title, base.title),
        partnership: local.partnership.or(base.partnership),
        description: local.description.or(base.description),
        base_url: local.base_url.or(base.base_url),
        language: pick("language", local.language, base.language),
        review_warning_days: if has("review_warning_days") {
            local.review_warning_days
        } else {
            base.review_warning_days
        },
        review_period_months: if has("review_period_months") {
            local.review_period_months
        } else {
            base.review_period_months
        },
        quick_exit_url: pick("quick_exit_url", local.quick_exit_url, base.quick_exit_url),
        theme: crate::config::ThemeConfig {
            brand_colour: local.theme.brand_colour.or(base.theme.brand_colour),
            logo: local.theme.logo.or(base.theme.logo),
        },
        packs,
        check,
        links,
        offline: merge_offline(base.offline, local.offline, written),
        home: if has("home") { local.home } else { base.home },
        base: local.base,
        hide: local.hide,
    }
}

/// The local `[offline]` settings laid over the base's, key by key.
fn merge_offline(
    base: OfflineConfig,
    local: OfflineConfig,
    written: &toml::Table,
) -> OfflineConfig {
    let has = |key: &str| {
        written
            .get("offline")
            .and_then(toml::Value::as_table)
            .is_some_and(|t| t.contains_key(key))
    };
    OfflineConfig {
        enabled: if has("enabled") {
            local.enabled
        } else {
            base.enabled
        },
        name: local.name.or(base.name),
        short_name: local.short_name.or(base.short_name),
        icon: local.icon.or(base.icon),
        precache: local.precache.or(base.precache),
        precache_limit_mb: if has("precache_limit_mb") {
            local.precache_limit_mb
        } else {
            base.precache_limit_mb
        },
    }
}

fn union(into: &mut Vec<String>, more: Vec<String>) {
    for item in more {
        if !into.contains(&item) {
            into.push(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(root: &Path, name: &str, settings: &str) -> PathBuf {
        let dir = root.join(name);
        std::fs::create_dir_all(dir.join("content")).unwrap();
        std::fs::write(dir.join(CONFIG_FILE), settings).unwrap();
        dir
    }

    #[test]
    fn local_settings_win_and_lists_are_joined() {
        let root = tempfile::tempdir().unwrap();
        site(
            root.path(),
            "regional",
            "title = \"Regional procedures\"\npartnership = \"Region\"\nreview_warning_days = 30\n\
             [check]\nallowed_abbreviations = [\"AA\"]\n\
             [[packs]]\nslug = \"a\"\ntitle = \"A\"\ninclude = [\"x/\"]\n\
             [[packs]]\nslug = \"b\"\ntitle = \"B\"\ninclude = [\"y/\"]\n",
        );
        let local = site(
            root.path(),
            "north",
            "base = \"../regional\"\npartnership = \"North\"\n\
             [check]\nallowed_abbreviations = [\"NHS\"]\n\
             [[packs]]\nslug = \"b\"\ntitle = \"Local B\"\ninclude = [\"z/\"]\n",
        );
        let (config, base) = settings(&local).unwrap();
        let base = base.unwrap();
        assert_eq!(base.folder.shown, PathBuf::from("../regional"));
        assert_eq!(config.title, "Regional procedures");
        assert_eq!(config.partnership.as_deref(), Some("North"));
        assert_eq!(config.review_warning_days, 30);
        assert_eq!(config.check.allowed_abbreviations, ["AA", "NHS"]);
        let packs: Vec<_> = config
            .packs
            .iter()
            .map(|p| (p.title.as_str(), p.settings_file().to_path_buf()))
            .collect();
        assert_eq!(
            packs,
            [
                ("A", PathBuf::from("../regional/waymark.toml")),
                ("Local B", PathBuf::from("waymark.toml"))
            ]
        );
    }

    #[test]
    fn a_missing_base_or_one_that_is_not_a_site_is_an_error_at_the_setting() {
        let root = tempfile::tempdir().unwrap();
        let local = site(
            root.path(),
            "north",
            "title = \"N\"\n\nbase = \"../nowhere\"\n",
        );
        let errors = settings(&local).unwrap_err();
        let d = errors.iter().next().unwrap();
        assert_eq!((d.path.as_path(), d.line), (Path::new(CONFIG_FILE), 3));
        assert_eq!(d.message, "the base `../nowhere` does not exist");

        std::fs::create_dir(root.path().join("nowhere")).unwrap();
        let errors = settings(&local).unwrap_err();
        let d = errors.iter().next().unwrap();
        assert_eq!(d.message, "the base `../nowhere` is not a waymark site");

        let own = site(root.path(), "own", "title = \"N\"\nbase = \".\"\n");
        let errors = settings(&own).unwrap_err();
        assert!(
            errors
                .iter()
                .next()
                .unwrap()
                .message
                .contains("its own base")
        );
    }

    #[test]
    fn a_base_with_a_base_of_its_own_is_an_error_naming_its_settings() {
        let root = tempfile::tempdir().unwrap();
        site(root.path(), "national", "title = \"National\"\n");
        site(
            root.path(),
            "regional",
            "title = \"Regional\"\nbase = \"../national\"\n",
        );
        let local = site(root.path(), "north", "base = \"../regional\"\n");
        let errors = settings(&local).unwrap_err();
        let d = errors.iter().next().unwrap();
        assert_eq!(d.path, PathBuf::from("../regional/waymark.toml"));
        assert_eq!(d.line, 2);
        assert!(d.message.contains("cannot have a base of its own"), "{d}");

        // Two sites naming each other.
        std::fs::write(
            root.path().join("regional").join(CONFIG_FILE),
            "title = \"Regional\"\nbase = \"../north\"\n",
        )
        .unwrap();
        let errors = settings(&local).unwrap_err();
        assert!(
            errors
                .iter()
                .next()
                .unwrap()
                .message
                .contains("each other's base"),
            "{errors}"
        );
    }

    #[test]
    fn errors_in_the_base_settings_name_the_base_file() {
        let root = tempfile::tempdir().unwrap();
        site(
            root.path(),
            "regional",
            "title = \"R\"\nreview_warning_dayz = 3\n",
        );
        let local = site(root.path(), "north", "base = \"../regional\"\n");
        let errors = settings(&local).unwrap_err();
        let d = errors.iter().next().unwrap();
        assert_eq!(d.path, PathBuf::from("../regional/waymark.toml"));
        assert_eq!(d.line, 2);
    }

    #[test]
    fn a_site_without_a_base_needs_a_title_and_cannot_hide() {
        let root = tempfile::tempdir().unwrap();
        let dir = site(root.path(), "a", "partnership = \"P\"\n");
        let d = settings(&dir).unwrap_err().into_iter().next().unwrap();
        assert_eq!(d.message, "the site has no title");
        let dir = site(root.path(), "b", "title = \"T\"\nhide = [\"x.md\"]\n");
        let d = settings(&dir).unwrap_err().into_iter().next().unwrap();
        assert!(d.message.contains("no base"), "{d}");
        assert_eq!(d.line, 2);
    }
}
