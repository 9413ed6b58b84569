//! Theme files (CSS, JavaScript, images, fonts): the embedded defaults with the site's own
//! `theme/` folder laid over them, written to `theme/` in the output.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::diagnostics::{Diagnostic, Diagnostics};

/// The default theme, as shipped.
pub static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/theme");

/// Every theme file by its path inside `theme/`, site files replacing embedded ones.
pub fn theme_files(site_dir: &Path) -> Result<BTreeMap<String, Cow<'static, [u8]>>, Diagnostics> {
    let mut files = BTreeMap::new();
    collect_embedded(&DEFAULT_THEME, &mut files);
    let site_theme = site_dir.join("theme");
    let mut diagnostics = Diagnostics::new();
    if site_theme.is_dir() {
        for entry in walkdir::WalkDir::new(&site_theme).sort_by_file_name() {
            let entry = match entry {
                Ok(e) if e.file_type().is_file() => e,
                Ok(_) => continue,
                Err(e) => {
                    let io = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("loop"));
                    diagnostics.push(Diagnostic::io(&site_theme, "read the theme folder", &io));
                    continue;
                }
            };
            let name = entry
                .path()
                .strip_prefix(&site_theme)
                .unwrap_or(entry.path())
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if name.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            match std::fs::read(entry.path()) {
                Ok(bytes) => {
                    files.insert(name, Cow::Owned(bytes));
                }
                Err(e) => {
                    diagnostics.push(Diagnostic::io(entry.path(), "read this theme file", &e))
                }
            }
        }
    }
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok(files)
    }
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
        let files = theme_files(site.path()).unwrap();
        assert_eq!(&*files["css/waymark.css"], b"body{}");
        assert!(files.contains_key("extra.txt"));
        assert!(files.contains_key("js/waymark.js"));
    }
}
