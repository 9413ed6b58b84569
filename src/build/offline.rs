//! The build's offline step: the web app manifest, its icons, the offline page, the list of
//! every file and the service worker (see [`crate::offline`]). It runs last, once every other
//! file is written, since the list names them all.

use std::borrow::Cow;
use std::path::Path;

use jiff::civil::Date;
use tera::Context;

use super::Prepared;
use crate::config::{CONFIG_FILE, key_position};
use crate::content::Site;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::offline::icons::{self, IconFile, IconSource};
use crate::offline::{self as files, precache, reviews, web_manifest, worker};
use crate::output::{Sink, WrittenFile};
use crate::render::assets::DEFAULT_THEME;
use crate::render::context::{GeneratedPage, Link};

/// What readers' devices save at the first visit, for the build summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrecacheSize {
    pub files: usize,
    pub bytes: u64,
}

/// Writes the offline files into `sink` (checks the settings and renders the offline page
/// without writing, for `waymark check`); `today` is the day the pages' review status is
/// worked out for. Returns the number of files written and, once they
/// are, the precache's size.
pub fn write_offline_files(
    prepared: &Prepared,
    today: Date,
    sink: Sink<'_>,
    diagnostics: &mut Diagnostics,
) -> (usize, Option<PrecacheSize>) {
    let site = &prepared.site;
    if !site.config.offline.enabled {
        return (0, None);
    }
    let configured = precache::configured(site).map_err(|p| diagnostics.extend(p));
    let icons = draw_icons(site).map_err(|d| diagnostics.push(d));
    let offline_page = offline_page(prepared).map_err(|d| diagnostics.push(d));
    let worker_source = worker_source(site).map_err(|d| diagnostics.push(d));
    let (Ok(configured), Ok(icons), Ok(offline_page), Ok(worker_source)) =
        (configured, icons, offline_page, worker_source)
    else {
        return (0, None);
    };
    let Some(mut written) = written_so_far(sink) else {
        return (0, None);
    };

    let mut own: Vec<(String, Cow<'_, [u8]>)> = icons
        .iter()
        .map(|icon| {
            (
                format!("{}{}", files::ICONS_FOLDER, icon.name),
                Cow::Borrowed(icon.bytes.as_slice()),
            )
        })
        .collect();
    own.push((
        files::OFFLINE_PAGE.into(),
        Cow::Owned(offline_page.into_bytes()),
    ));
    own.push((
        files::WEB_MANIFEST.into(),
        Cow::Owned(web_manifest::text(site, &icons).into_bytes()),
    ));
    let mut count = 0;
    for (path, bytes) in &own {
        match sink.write(path, bytes) {
            Ok(()) => count += 1,
            Err(d) => diagnostics.push(d),
        }
        written.retain(|f| f.path != *path);
        written.push(WrittenFile::of(path, bytes));
    }
    written.sort_by(|a, b| a.path.cmp(&b.path));

    let saved = precache::select(site, &configured, &written);
    let reviews = reviews::review_dates(site, today, |path| {
        written
            .binary_search_by(|f| f.path.as_str().cmp(path))
            .is_ok()
    });
    let list = worker::file_list(&written, &saved, &reviews);
    let service_worker = worker::service_worker(&worker_source, &list.version);
    for (path, bytes) in [
        (files::FILE_LIST, list.json.as_bytes()),
        (files::SERVICE_WORKER, service_worker.as_bytes()),
    ] {
        match sink.write(path, bytes) {
            Ok(()) => count += 1,
            Err(d) => diagnostics.push(d),
        }
    }
    if let Some(warning) = size_warning(site, saved.bytes) {
        diagnostics.push(warning);
    }
    let size = PrecacheSize {
        files: saved.paths.len(),
        bytes: saved.bytes,
    };
    (count, Some(size))
}

/// Every file in the output so far with its hash; None when nothing is written (a check).
fn written_so_far(sink: Sink<'_>) -> Option<Vec<WrittenFile>> {
    match sink {
        Sink::Staging(staging) => Some(staging.written()),
        Sink::Dir(dir) => Some(read_folder(dir)),
        Sink::Discard => None,
    }
}

/// Every file in a folder the preview serves, read back (hidden files left out).
fn read_folder(dir: &Path) -> Vec<WrittenFile> {
    let mut found: Vec<WrittenFile> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let relative = e.path().strip_prefix(dir).ok()?;
            let path = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let bytes = std::fs::read(e.path()).ok()?;
            Some(WrittenFile::of(&path, &bytes))
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// The icons: from `offline.icon` when set, else the partnership's initials on the brand colour.
fn draw_icons(site: &Site) -> Result<Vec<IconFile>, Diagnostic> {
    let config = &site.config;
    let source = match &config.offline.icon {
        None => IconSource::Initials {
            letters: icons::initials(config.partnership_name()),
            background: config
                .theme
                .brand_colour
                .clone()
                .unwrap_or_else(|| web_manifest::DEFAULT_BRAND_COLOUR.into()),
        },
        Some(name) => {
            let bytes = theme_file(site, name).ok_or_else(|| {
                icon_problem(
                    site,
                    format!("offline.icon names `theme/{name}`, which does not exist"),
                    "put a square SVG or PNG in the site's theme/ folder and name it from there, \
                     such as images/icon.svg",
                )
            })?;
            if name.to_ascii_lowercase().ends_with(".svg") {
                IconSource::Svg(String::from_utf8_lossy(&bytes).into_owned())
            } else {
                IconSource::Png(bytes.into_owned())
            }
        }
    };
    icons::draw(&source).map_err(|reason| {
        let name = config
            .offline
            .icon
            .as_deref()
            .unwrap_or("the generated icon");
        icon_problem(
            site,
            format!("offline.icon `theme/{name}` cannot be used: {reason}"),
            "use a square SVG, or a square PNG of at least 512 by 512 pixels",
        )
    })
}

fn icon_problem(site: &Site, message: String, hint: &str) -> Diagnostic {
    let text = std::fs::read_to_string(site.dir.join(CONFIG_FILE)).unwrap_or_default();
    let position = key_position(&text, &["offline", "icon"]).unwrap_or(Position::FILE);
    Diagnostic::error("config", CONFIG_FILE, position, message).with_hint(hint)
}

/// A file of the theme: the site's own, or the built-in one.
fn theme_file<'a>(site: &Site, name: &str) -> Option<Cow<'a, [u8]>> {
    let own = site.dir.join("theme").join(name);
    if own.is_file() {
        return std::fs::read(own).ok().map(Cow::Owned);
    }
    DEFAULT_THEME
        .get_file(name)
        .map(|f| Cow::Borrowed(f.contents()))
}

/// The service worker's source: the site's `theme/js/sw.js`, or the built-in one.
fn worker_source(site: &Site) -> Result<String, Diagnostic> {
    let bytes = theme_file(site, files::WORKER_SOURCE).ok_or_else(|| {
        Diagnostic::error(
            "theme",
            format!("theme/{}", files::WORKER_SOURCE),
            Position::FILE,
            "the service worker's source is missing",
        )
        .with_hint("restore the file, or set enabled = false under [offline] in waymark.toml")
    })?;
    String::from_utf8(bytes.into_owned()).map_err(|_| {
        Diagnostic::error(
            "theme",
            format!("theme/{}", files::WORKER_SOURCE),
            Position::FILE,
            "the service worker's source is not UTF-8 text",
        )
        .with_hint("save the file as UTF-8")
    })
}

/// The page shown for a page not saved on the device. The service worker serves it in place of
/// a page at any depth, so its links start with `./`, which the worker turns into the way back
/// to the top of the site from the page asked for.
fn offline_page(prepared: &Prepared) -> Result<String, Diagnostic> {
    let site = &prepared.site;
    let page = GeneratedPage::new(site, files::OFFLINE_PAGE, "You are offline", None);
    // The home page, the sections in the main navigation and search: all saved at the first
    // visit (the about pages are not, so their section is left out).
    let home = Link {
        title: "Home page".into(),
        url: site.pages[site.home()].url.clone(),
    };
    let sections = site
        .top_sections()
        .filter(|&id| site.pages[id].source != "about/_index.md")
        .map(|id| Link {
            title: site.pages[id].front.title.clone(),
            url: site.pages[id].url.clone(),
        });
    let search = Link {
        title: "Search".into(),
        url: "search.html".into(),
    };
    let saved: Vec<Link> = std::iter::once(home)
        .chain(sections)
        .chain([search])
        .collect();
    let mut context = Context::new();
    context.insert("page", &page);
    context.insert("root", "./");
    context.insert("saved", &saved);
    prepared.renderer.render(
        files::OFFLINE_PAGE,
        &context,
        Path::new(files::OFFLINE_PAGE),
    )
}

/// A warning when the precache is bigger than `offline.precache_limit_mb`.
fn size_warning(site: &Site, bytes: u64) -> Option<Diagnostic> {
    let limit = site.config.offline.precache_limit_mb;
    let megabytes = bytes as f64 / 1e6;
    if megabytes <= limit {
        return None;
    }
    let text = std::fs::read_to_string(site.dir.join(CONFIG_FILE)).unwrap_or_default();
    let position = key_position(&text, &["offline", "precache"])
        .or_else(|| key_position(&text, &["offline", "precache_limit_mb"]))
        .unwrap_or(Position::FILE);
    Some(
        Diagnostic::warning(
            "offline-size",
            CONFIG_FILE,
            position,
            format!(
                "readers' phones save {megabytes:.1} MB at their first visit, over the {limit} MB \
                 set by offline.precache_limit_mb"
            ),
        )
        .with_hint(
            "save fewer sections at the first visit with offline.precache (pages are still saved \
             as they are read), or raise offline.precache_limit_mb",
        ),
    )
}
