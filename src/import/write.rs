//! Writing the planned files: never over an existing file, and all or nothing, so a failed
//! import leaves the site as it was.

use std::path::{Path, PathBuf};

use super::error::ImportError;

/// A file the import will write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFile {
    /// The path relative to the site folder, such as `content/strategy/scope.md`.
    pub path: PathBuf,
    pub contents: Vec<u8>,
    pub what: FileKind,
    /// The page's title, or for a picture its description.
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    SectionIndex,
    Page,
    Image,
    Definition,
}

/// The planned files that already exist.
pub(crate) fn existing(site_dir: &Path, files: &[PlannedFile]) -> Vec<PathBuf> {
    files
        .iter()
        .filter(|f| site_dir.join(&f.path).exists())
        .map(|f| f.path.clone())
        .collect()
}

/// Writes every file. If one cannot be written, the files and folders made so far are
/// removed again.
pub(crate) fn write_all(site_dir: &Path, files: &[PlannedFile]) -> Result<(), ImportError> {
    let mut made_files: Vec<PathBuf> = Vec::new();
    let mut made_dirs: Vec<PathBuf> = Vec::new();
    let result = files.iter().try_for_each(|file| {
        let path = site_dir.join(&file.path);
        if let Some(parent) = path.parent() {
            make_dirs(parent, &mut made_dirs)?;
        }
        write_new(&path, &file.contents).map_err(|source| match source.kind() {
            std::io::ErrorKind::AlreadyExists => ImportError::Exists(vec![file.path.clone()]),
            _ => ImportError::Write {
                path: file.path.clone(),
                source,
            },
        })?;
        made_files.push(path);
        Ok(())
    });
    if result.is_err() {
        for file in made_files.iter().rev() {
            let _ = std::fs::remove_file(file);
        }
        for dir in made_dirs.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
    }
    result
}

fn write_new(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(contents)
}

/// Makes `dir` and any missing parents, remembering which it made.
fn make_dirs(dir: &Path, made: &mut Vec<PathBuf>) -> Result<(), ImportError> {
    let mut missing = Vec::new();
    let mut current = Some(dir);
    while let Some(d) = current {
        if d.as_os_str().is_empty() || d.exists() {
            break;
        }
        missing.push(d.to_path_buf());
        current = d.parent();
    }
    for d in missing.into_iter().rev() {
        std::fs::create_dir(&d).map_err(|source| ImportError::Write {
            path: d.clone(),
            source,
        })?;
        made.push(d);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str) -> PlannedFile {
        PlannedFile {
            path: path.into(),
            contents: b"text".to_vec(),
            what: FileKind::Page,
            title: "T".into(),
        }
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content/strategy")).unwrap();
        std::fs::write(site.path().join("content/strategy/b.md"), "mine").unwrap();
        let files = [
            file("content/strategy/new/a.md"),
            file("content/strategy/b.md"),
        ];
        assert_eq!(
            existing(site.path(), &files),
            [PathBuf::from("content/strategy/b.md")]
        );
        let err = write_all(site.path(), &files).unwrap_err();
        assert!(matches!(err, ImportError::Exists(_)));
        assert!(!site.path().join("content/strategy/new").exists());
        assert_eq!(
            std::fs::read_to_string(site.path().join("content/strategy/b.md")).unwrap(),
            "mine"
        );
    }
}
