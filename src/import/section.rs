//! Where the pages go: the `--section` folder, or the folder of the `--kind` of document.
//! The kind of a page comes from its top folder, so the two must agree.

use super::error::ImportError;
use super::{ImportKind, ImportOptions};
use crate::util::slug::file_slug;

/// The section folder inside `content/` and the kind of document it makes.
pub(super) fn resolve(
    options: &ImportOptions,
    title: &str,
) -> Result<(String, ImportKind), ImportError> {
    let Some(section) = &options.section else {
        let kind = options.kind.unwrap_or(ImportKind::Strategy);
        let folder = match kind {
            ImportKind::Strategy => "strategy".to_string(),
            ImportKind::Toolkit => "toolkit".to_string(),
            ImportKind::Page => {
                let slug = file_slug(title);
                if slug.is_empty() {
                    "imported".into()
                } else {
                    slug
                }
            }
        };
        return Ok((folder, kind));
    };
    let cleaned = section.replace('\\', "/");
    let cleaned = cleaned.trim_matches('/');
    let cleaned = cleaned.strip_prefix("content/").unwrap_or(cleaned);
    let parts: Vec<&str> = cleaned.split('/').collect();
    if cleaned.is_empty()
        || cleaned == "content"
        || parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == ".." || p.contains(':'))
    {
        return Err(ImportError::Usage(format!(
            "--section {section} is not a folder inside content/ (for example strategy or strategy/2026)"
        )));
    }
    let from_folder = match parts[0] {
        "strategy" => ImportKind::Strategy,
        "toolkit" => ImportKind::Toolkit,
        "definitions" | "signposting" => {
            return Err(ImportError::Usage(format!(
                "--section {section}: content/{}/ holds one file per {}, not a document's chapters",
                parts[0],
                if parts[0] == "definitions" {
                    "term"
                } else {
                    "service"
                }
            )));
        }
        _ => ImportKind::Page,
    };
    if let Some(kind) = options.kind
        && kind != from_folder
    {
        return Err(ImportError::Usage(format!(
            "--kind {} does not match --section {section}: a page's kind comes from its top \
                 folder, so pages in content/{}/ are {}; leave out --kind or choose a section in {}",
            kind.name(),
            parts[0],
            from_folder.described(),
            kind.folder_hint()
        )));
    }
    Ok((cleaned.to_string(), from_folder))
}

impl ImportKind {
    pub fn name(self) -> &'static str {
        match self {
            ImportKind::Strategy => "strategy",
            ImportKind::Toolkit => "toolkit",
            ImportKind::Page => "page",
        }
    }

    fn described(self) -> &'static str {
        match self {
            ImportKind::Strategy => "strategy documents",
            ImportKind::Toolkit => "toolkit documents",
            ImportKind::Page => "ordinary pages",
        }
    }

    fn folder_hint(self) -> &'static str {
        match self {
            ImportKind::Strategy => "content/strategy/",
            ImportKind::Toolkit => "content/toolkit/",
            ImportKind::Page => "another folder, such as content/about/",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(section: Option<&str>, kind: Option<ImportKind>) -> ImportOptions {
        ImportOptions {
            file: "a.docx".into(),
            site_dir: ".".into(),
            section: section.map(str::to_string),
            kind,
            split_level: 1,
            dry_run: true,
        }
    }

    #[test]
    fn the_section_follows_the_kind_and_the_kind_the_section() {
        let go = |s, k| resolve(&options(s, k), "Our Neglect Strategy");
        assert_eq!(
            go(None, None).unwrap(),
            ("strategy".into(), ImportKind::Strategy)
        );
        assert_eq!(
            go(None, Some(ImportKind::Toolkit)).unwrap(),
            ("toolkit".into(), ImportKind::Toolkit)
        );
        assert_eq!(
            go(None, Some(ImportKind::Page)).unwrap(),
            ("our-neglect-strategy".into(), ImportKind::Page)
        );
        assert_eq!(
            go(Some("content/strategy/2026/"), None).unwrap(),
            ("strategy/2026".into(), ImportKind::Strategy)
        );
        assert_eq!(
            go(Some("about"), None).unwrap(),
            ("about".into(), ImportKind::Page)
        );
        assert!(go(Some("../elsewhere"), None).is_err());
        assert!(go(Some("definitions"), None).is_err());
        let mismatch = go(Some("strategy"), Some(ImportKind::Toolkit))
            .unwrap_err()
            .to_string();
        assert!(mismatch.contains("--kind toolkit"), "{mismatch}");
    }
}
