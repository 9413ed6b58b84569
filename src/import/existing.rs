//! The definitions a site already has, so the import skips terms it already defines rather
//! than writing a second definition the build would refuse.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::content::front_matter;
use crate::diagnostics::LineIndex;

/// Every name (term, title, alias, abbreviation) and file name already in
/// `content/definitions/`.
#[derive(Debug, Default)]
pub(super) struct ExistingTerms {
    /// Lower-case name to the file (relative to the site) that defines it.
    names: HashMap<String, PathBuf>,
}

impl ExistingTerms {
    pub(super) fn read(site_dir: &Path) -> ExistingTerms {
        let mut names = HashMap::new();
        let dir = site_dir.join("content").join("definitions");
        for entry in walkdir::WalkDir::new(&dir).into_iter().flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let relative = path.strip_prefix(site_dir).unwrap_or(path).to_path_buf();
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            if let Ok((front, _)) = front_matter::parse(&relative, &text, &LineIndex::new(&text)) {
                let all = [Some(front.title), front.term, front.abbreviation]
                    .into_iter()
                    .flatten()
                    .chain(front.aliases);
                for name in all {
                    names
                        .entry(name.to_lowercase())
                        .or_insert_with(|| relative.clone());
                }
            }
        }
        ExistingTerms { names }
    }

    /// The file that already defines one of `names`, if any.
    pub(super) fn defining(&self, names: &[&str]) -> Option<&Path> {
        names
            .iter()
            .find_map(|n| self.names.get(&n.to_lowercase()))
            .map(PathBuf::as_path)
    }

    /// Remembers a term the import is about to write, so a second one with the same name
    /// in the document is skipped too.
    pub(super) fn add(&mut self, names: &[&str], file: &Path) {
        for name in names {
            self.names
                .entry(name.to_lowercase())
                .or_insert_with(|| file.to_path_buf());
        }
    }
}
