//! Symbolic links under `content/`. A link to a file inside the site folder is read as that
//! file; a link that leads out of the site folder, to a folder, or to nothing is skipped with a
//! warning naming it (rule `symlink`), since reading files from elsewhere on the computer into
//! a published site would be a surprise, and skipping them without a word loses pages.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Position};

/// Whether the link at `link` (inside `content/`) is read as a file: Ok, or why it is skipped.
/// `real_site` is the site folder with its own links resolved.
pub(super) fn followed(real_site: &Path, link: &Path) -> Result<(), String> {
    let written = std::fs::read_link(link).unwrap_or_default();
    let target = link
        .canonicalize()
        .map_err(|_| format!("it points to {}, which does not exist", written.display()))?;
    if !target.starts_with(real_site) {
        return Err(format!(
            "it points outside the site folder, to {}",
            written.display()
        ));
    }
    if !target.is_file() {
        return Err("it points to a folder, and links to folders are not followed".into());
    }
    Ok(())
}

/// The warning for a link skipped for `why`; `shown` is the link's path in the site folder.
pub(super) fn skipped(shown: &Path, why: &str) -> Diagnostic {
    Diagnostic::warning(
        "symlink",
        shown,
        Position::FILE,
        format!("this symbolic link is skipped: {why}"),
    )
    .with_hint(
        "copy the file into the site folder instead of linking to it, or remove the link; \
         links to files inside the site folder are read as those files",
    )
}
