//! `waymark init`: a new site from the examples embedded in waymark: settings, a home page and
//! a few pages of each kind, with today's dates filled in. Templates and theme are built in,
//! so the new site needs no copy of them.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use jiff::civil::Date;

use super::{ScaffoldError, review_date};

/// The starter site, as shipped. `%TODAY%` and `%REVIEW_DUE%` are filled in when it is written.
static STARTER: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/starter");

/// How long the starter's documents run before review, matching its `review_period_months`.
const STARTER_REVIEW_MONTHS: u32 = 12;

/// Writes a new site into `dir`, which must be empty or not exist yet. Returns the files
/// written, relative to `dir`, sorted.
pub fn init(dir: &Path, today: Date) -> Result<Vec<PathBuf>, ScaffoldError> {
    ensure_empty(dir)?;
    let review_due = review_date(today, STARTER_REVIEW_MONTHS);
    let files: Vec<(PathBuf, String)> = files(&STARTER)
        .into_iter()
        .map(|file| {
            let text = String::from_utf8_lossy(file.contents())
                .replace("%TODAY%", &today.to_string())
                .replace("%REVIEW_DUE%", &review_due.to_string());
            (starter_name(file.path()), text)
        })
        .collect();
    write_files(dir, &files)
}

/// An error unless `dir` is empty or does not exist yet.
pub(super) fn ensure_empty(dir: &Path) -> Result<(), ScaffoldError> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            Err(ScaffoldError::NotEmpty(dir.to_path_buf()))
        }
        Err(e) => Err(io("read", dir)(e)),
    }
}

/// Writes `files` (path relative to `dir`, text) under `dir`, making folders as needed.
/// Returns their paths, sorted.
pub(super) fn write_files(
    dir: &Path,
    files: &[(PathBuf, String)],
) -> Result<Vec<PathBuf>, ScaffoldError> {
    let mut written = Vec::new();
    for (relative, text) in files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io("make the folder", parent))?;
        }
        std::fs::write(&path, text).map_err(io("write", &path))?;
        written.push(relative.clone());
    }
    written.sort();
    Ok(written)
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> ScaffoldError {
    let path = path.to_path_buf();
    move |source| ScaffoldError::Io {
        action,
        path,
        source,
    }
}

/// Every file in the embedded folder, at any depth.
fn files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut out: Vec<_> = dir.files().collect();
    for sub in dir.dirs() {
        out.extend(files(sub));
    }
    out
}

/// A file's name in the new site. Dot files are stored without their dot (`gitignore`), so
/// the embedded folder has no hidden files.
fn starter_name(path: &Path) -> PathBuf {
    match path.to_str() {
        Some("gitignore") => PathBuf::from(".gitignore"),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    #[test]
    fn writes_the_starter_with_dates_filled_in() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("site");
        let written = init(&dir, today()).unwrap();
        for expected in [
            ".gitignore",
            "waymark.toml",
            "content/_index.md",
            "content/strategy/introduction.md",
            "content/toolkit/day-in-my-life.md",
            "content/about/accessibility.md",
        ] {
            assert!(
                written.contains(&PathBuf::from(expected)),
                "{expected}: {written:?}"
            );
        }
        let chapter =
            std::fs::read_to_string(dir.join("content/strategy/introduction.md")).unwrap();
        assert!(chapter.contains("published = 2026-11-23"), "{chapter}");
        assert!(chapter.contains("review_due = 2027-11-23"), "{chapter}");
        let all: String = written
            .iter()
            .map(|f| std::fs::read_to_string(dir.join(f)).unwrap())
            .collect();
        assert!(
            !all.contains("%TODAY%") && !all.contains("%REVIEW_DUE%"),
            "every placeholder is filled in"
        );
        assert!(!dir.join("templates").exists() && !dir.join("theme").exists());
    }

    #[test]
    fn refuses_a_folder_with_anything_in_it() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("notes.txt"), "mine").unwrap();
        assert!(matches!(
            init(root.path(), today()),
            Err(ScaffoldError::NotEmpty(_))
        ));
        assert_eq!(
            std::fs::read_to_string(root.path().join("notes.txt")).unwrap(),
            "mine"
        );
        // An empty folder is fine.
        let empty = root.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        assert!(init(&empty, today()).is_ok());
    }
}
