//! Theme files (CSS, JavaScript, images, fonts): the embedded defaults with the site's own
//! `theme/` folder laid over them, written to `theme/` in the output.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::diagnostics::{Diagnostic, Diagnostics};

/// The default theme, as shipped.
pub(crate) static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/theme");

/// Every theme file by its path inside `theme/`, site files replacing embedded ones.
pub(crate) fn theme_files(
    site_dir: &Path,
) -> Result<BTreeMap<String, Cow<'static, [u8]>>, Diagnostics> {
    let mut files = BTreeMap::new();
    collect_embedded(&DEFAULT_THEME, &mut files);
    let mut diagnostics = Diagnostics::new();
    for (name, path) in super::site_folder_files(site_dir, "theme")? {
        match std::fs::read(&path) {
            Ok(bytes) => {
                files.insert(name, Cow::Owned(bytes));
            }
            Err(e) => diagnostics.push(Diagnostic::io(
                &Path::new("theme").join(&name),
                "read this theme file",
                &e,
            )),
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
