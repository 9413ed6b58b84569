//! Writing the build safely: into a staging folder, swapped into place only when everything worked.
//!
//! A failed build leaves the previous output byte-for-byte as it was. waymark marks the folders it
//! makes with a marker file and never empties a folder without one, and refuses output folders
//! where a slip would destroy work: `/`, the home folder, the site folder or anything holding a
//! `content/` folder.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use thiserror::Error;

use crate::diagnostics::Diagnostic;

/// The file that marks a folder as waymark's output, safe to replace.
pub(crate) const MARKER: &str = ".waymark-output";

/// Why an output folder cannot be used or replaced.
#[derive(Debug, Error)]
pub enum OutputError {
    #[error("refusing to write the site into {path}: {reason}")]
    Unsafe { path: PathBuf, reason: &'static str },
    #[error(
        "{path} already holds files that waymark did not write (it has no {MARKER} file), so it will not be replaced"
    )]
    NotOurs { path: PathBuf },
    #[error("could not {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

impl OutputError {
    pub fn hint(&self) -> &'static str {
        match self {
            OutputError::Unsafe { .. } => {
                "choose an empty or new folder for the output, such as output/ inside the site folder"
            }
            OutputError::NotOurs { .. } => {
                "choose another folder with --output, or empty this one yourself if nothing in it is needed"
            }
            OutputError::Io { .. } => {
                "check the folder's permissions and that the disk is not full"
            }
        }
    }

    /// True for problems with the command (exit code 2) rather than with the content.
    pub fn is_usage(&self) -> bool {
        !matches!(self, OutputError::Io { .. })
    }
}

fn io_error<'a>(
    action: &'static str,
    path: &'a Path,
) -> impl FnOnce(io::Error) -> OutputError + 'a {
    move |source| OutputError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Refuses output folders that could hold someone's work.
pub(crate) fn check_output_dir(output: &Path, site_dir: &Path) -> Result<(), OutputError> {
    let unsafe_dir = |reason| OutputError::Unsafe {
        path: output.to_path_buf(),
        reason,
    };
    let out = absolute(output);
    let site = absolute(site_dir);
    if out.parent().is_none() {
        return Err(unsafe_dir("it is the root of the file system"));
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && absolute(&home) == out
    {
        return Err(unsafe_dir("it is your home folder"));
    }
    if out == site {
        return Err(unsafe_dir("it is the site folder itself"));
    }
    if site.starts_with(&out) {
        return Err(unsafe_dir("it contains the site folder"));
    }
    if is_inside_site_sources(&out, &site) {
        return Err(unsafe_dir(
            "it is inside the site's content/, templates/ or theme/ folder, so each build would be read into the next",
        ));
    }
    if out.join("content").is_dir() {
        return Err(unsafe_dir(
            "it contains a content/ folder, so it looks like a site",
        ));
    }
    if out.exists() {
        if !out.is_dir() {
            return Err(unsafe_dir("it is a file, not a folder"));
        }
        let mut entries = std::fs::read_dir(&out).map_err(io_error("read", &out))?;
        if entries.next().is_some() && !out.join(MARKER).is_file() {
            return Err(OutputError::NotOurs {
                path: output.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// True when `out` is in one of the folders a build reads (both paths absolute).
fn is_inside_site_sources(out: &Path, site: &Path) -> bool {
    ["content", "templates", "theme"]
        .iter()
        .any(|folder| out.starts_with(site.join(folder)))
}

/// An absolute, normalised path without requiring it to exist (symlinks in existing parts resolved).
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    for name in rest.into_iter().rev() {
        if name == ".." {
            out.pop();
        } else if name != "." {
            out.push(name);
        }
    }
    out
}

/// A folder beside the output where a build is written before it replaces the output.
/// Dropping it without [`Staging::commit`] deletes it and leaves the output untouched.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
    /// Every file written so far, for the steps that describe the whole output (the offline
    /// files list each file with a hash of its bytes).
    written: Mutex<Vec<WrittenFile>>,
    /// The staging folder's marker file, locked while this build runs, so the next build can
    /// tell a live staging folder from one a crashed build left behind.
    lock: Option<std::fs::File>,
}

/// A file a build wrote: where, how big, and a hash of its bytes that changes when they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenFile {
    /// Path inside the output, forward slashes.
    pub path: String,
    pub size: u64,
    pub hash: u64,
}

impl WrittenFile {
    pub fn of(path: &str, bytes: &[u8]) -> WrittenFile {
        WrittenFile {
            path: path.to_string(),
            size: bytes.len() as u64,
            hash: content_hash(bytes),
        }
    }
}

/// A fast, stable hash of a file's bytes, the same on every machine, run and version: a
/// multiply-rotate over its little-endian 8-byte words (the last padded and marked with its
/// length), then its length, with the high bits mixed down at the end.
pub(crate) fn content_hash(bytes: &[u8]) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let add = |hash: u64, word: u64| (hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    let mut hash = 0;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        hash = add(hash, u64::from_le_bytes(word.try_into().expect("8 bytes")));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        hash = add(hash, u64::from_le_bytes(word) ^ ((rest.len() as u64) << 56));
    }
    let h = add(hash, bytes.len() as u64);
    (h ^ (h >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (h >> 29)
}

/// Staging folders of builds running in this process, removed if a signal stops it.
static LIVE_STAGING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
/// Set once a signal is stopping the process: no more files are written.
static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn live_staging() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE_STAGING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Makes Ctrl-C and termination signals remove the staging folders of builds in progress
/// before the process exits (with 130), so an interrupted build leaves nothing behind and the
/// output as it was. A build that crashes outright leaves its folder to [`Staging::create`] of
/// the next build.
pub fn remove_staging_on_signal() {
    let _ = ctrlc::set_handler(|| {
        STOPPING.store(true, std::sync::atomic::Ordering::SeqCst);
        // Held until the process exits, so a swap into place is never cut half way.
        let folders = live_staging();
        for dir in folders.iter() {
            // Threads still writing may make a folder again between tries.
            for _ in 0..5 {
                let _ = std::fs::remove_dir_all(dir);
                if !dir.exists() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        eprintln!("\nStopped: the build was interrupted, so the output is unchanged.");
        std::process::exit(130);
    });
}

/// Removes staging folders that builds of `target` left when they were killed or crashed:
/// folders beside it named `.NAME.waymark-staging-PID` that hold waymark's marker file and whose
/// build no longer holds its lock. Nothing else is touched.
fn remove_stale_staging(parent: &Path, name: &str) {
    let prefix = format!(".{name}.waymark-staging-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let dir = entry.path();
        let Ok(marker) = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(dir.join(MARKER))
        else {
            continue;
        };
        if marker.try_lock().is_ok() {
            drop(marker);
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

impl Staging {
    /// Makes a fresh staging folder next to `target`, after checking `target` is safe to replace.
    pub fn create(target: &Path, site_dir: &Path) -> Result<Staging, OutputError> {
        check_output_dir(target, site_dir)?;
        let target = absolute(target);
        let parent = target.parent().expect("checked: not the root");
        std::fs::create_dir_all(parent).map_err(io_error("create", parent))?;
        let name = target.file_name().unwrap_or_default().to_string_lossy();
        remove_stale_staging(parent, &name);
        let dir = parent.join(format!(".{name}.waymark-staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(io_error("clear", &dir))?;
        }
        std::fs::create_dir(&dir).map_err(io_error("create", &dir))?;
        live_staging().push(dir.clone());
        std::fs::write(dir.join(MARKER), MARKER_TEXT).map_err(io_error("write", &dir))?;
        // A file system without locks only means a stale folder is left for the user.
        let lock = std::fs::OpenOptions::new()
            .write(true)
            .open(dir.join(MARKER))
            .ok()
            .filter(|file| file.try_lock().is_ok());
        Ok(Staging {
            dir,
            target,
            committed: false,
            written: Mutex::new(Vec::new()),
            lock,
        })
    }

    /// Writes `bytes` at `relative` (forward slashes) inside the staging folder.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        if STOPPING.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(Diagnostic::error(
                "io",
                &self.dir,
                crate::diagnostics::Position::FILE,
                "the build was stopped",
            ));
        }
        write_file(&self.dir, relative, bytes)?;
        let file = WrittenFile::of(relative, bytes);
        self.written
            .lock()
            .expect("no panic while holding the lock")
            .push(file);
        Ok(())
    }

    /// Every file written so far, sorted by path (the last write of a path counts).
    pub fn written(&self) -> Vec<WrittenFile> {
        let mut files = self
            .written
            .lock()
            .expect("no panic while holding the lock")
            .clone();
        files.reverse();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files.dedup_by(|later, earlier| later.path == earlier.path);
        files
    }

    /// Replaces the output with the staging folder. The old output is removed only after the
    /// new one is in place; if the swap fails, the old output is put back.
    pub fn commit(mut self) -> Result<(), OutputError> {
        // A signal waits for the swap to finish; the lock is let go first, since some systems
        // cannot move a folder holding an open file.
        let mut live = live_staging();
        live.retain(|dir| *dir != self.dir);
        self.lock = None;
        let old = self.target.with_file_name(format!(
            ".{}.waymark-old-{}",
            self.target
                .file_name()
                .unwrap_or_default()
                .to_string_lossy(),
            std::process::id()
        ));
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old).map_err(io_error("move aside", &self.target))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(OutputError::Io {
                action: "move the new build into",
                path: self.target.clone(),
                source: e,
            });
        }
        self.committed = true;
        if had_old {
            std::fs::remove_dir_all(&old)
                .map_err(io_error("remove the previous build at", &old))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        self.lock = None;
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
            live_staging().retain(|dir| *dir != self.dir);
        }
    }
}

/// Where the files of a build go: the staging folder, or nowhere for `waymark check`, which
/// renders everything a build does to find the same problems but writes nothing.
#[derive(Debug, Clone, Copy)]
pub enum Sink<'a> {
    Staging(&'a Staging),
    /// Straight into a folder, each file replaced whole (the live preview's folder).
    Dir(&'a Path),
    Discard,
}

impl Sink<'_> {
    /// Writes `bytes` at `relative` in the output (or nowhere).
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        match self {
            Sink::Staging(staging) => staging.write(relative, bytes),
            Sink::Dir(dir) => replace_file(dir, relative, bytes),
            Sink::Discard => Ok(()),
        }
    }

    /// Copies the site file `from` (named `shown` in messages) to `relative` in the output; when
    /// discarding, only checks that it can be read.
    pub fn copy(&self, from: &Path, shown: &Path, relative: &str) -> Result<(), Diagnostic> {
        let unreadable = |e: io::Error| Diagnostic::io(shown, "read this file", &e);
        match self {
            Sink::Staging(staging) => {
                staging.write(relative, &std::fs::read(from).map_err(unreadable)?)
            }
            Sink::Dir(dir) => {
                replace_file(dir, relative, &std::fs::read(from).map_err(unreadable)?)
            }
            Sink::Discard => std::fs::File::open(from).map(drop).map_err(unreadable),
        }
    }
}

const MARKER_TEXT: &str =
    "This folder is written by waymark. It is replaced by each build: do not edit files here.\n";

/// Writes `root/relative` through a temporary file and a rename, so a reader (a browser asking
/// the preview server) never sees half a file.
pub(crate) fn replace_file(root: &Path, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    let path = root.join(relative);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.waymark-tmp"));
    write_file(
        root,
        &temporary
            .strip_prefix(root)
            .unwrap_or(&temporary)
            .to_string_lossy(),
        bytes,
    )?;
    std::fs::rename(&temporary, &path).map_err(|e| Diagnostic::io(&path, "replace", &e))
}

/// Writes `bytes` to `root/relative`, making folders as needed; the error names the file.
pub(crate) fn write_file(root: &Path, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    let path = root.join(relative);
    // Most files go into a folder already made, so the folder is made only when writing fails.
    match std::fs::write(&path, bytes) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| Diagnostic::io(parent, "create the folder", &e))?;
            }
            std::fs::write(&path, bytes)
        }
        result => result,
    }
    .map_err(|e| Diagnostic::io(&path, "write", &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_folders() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("content")).unwrap();
        let refuse = |p: &Path| check_output_dir(p, site.path()).unwrap_err().to_string();
        assert!(refuse(Path::new("/")).contains("root"));
        assert!(refuse(site.path()).contains("site folder itself"));
        assert!(refuse(site.path().parent().unwrap()).contains("contains the site folder"));
        let other_site = tempfile::tempdir().unwrap();
        std::fs::create_dir(other_site.path().join("content")).unwrap();
        assert!(refuse(other_site.path()).contains("content/"));
        for inside in ["content/gen", "templates/out", "theme/x/y"] {
            assert!(
                refuse(&site.path().join(inside)).contains("read into the next"),
                "{inside}"
            );
        }
        assert!(check_output_dir(&site.path().join("output"), site.path()).is_ok());
    }

    #[test]
    fn refuses_a_non_empty_folder_without_the_marker() {
        let site = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        assert!(
            check_output_dir(out.path(), site.path()).is_ok(),
            "empty is fine"
        );
        std::fs::write(out.path().join("thesis.docx"), "work").unwrap();
        assert!(matches!(
            check_output_dir(out.path(), site.path()),
            Err(OutputError::NotOurs { .. })
        ));
        std::fs::write(out.path().join(MARKER), "").unwrap();
        assert!(check_output_dir(out.path(), site.path()).is_ok());
    }

    #[test]
    fn stale_staging_folders_of_dead_builds_are_removed_and_nothing_else() {
        let site = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("output");
        let stale = root.path().join(".output.waymark-staging-999999");
        std::fs::create_dir(&stale).unwrap();
        std::fs::write(stale.join(MARKER), MARKER_TEXT).unwrap();
        std::fs::write(stale.join("index.html"), "half a build").unwrap();
        let unmarked = root.path().join(".output.waymark-staging-123");
        std::fs::create_dir(&unmarked).unwrap();
        let other = root.path().join(".output.waymark-staging-notes");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join(MARKER), "").unwrap();

        let live = Staging::create(&out, site.path()).unwrap();
        assert!(!stale.exists(), "a dead build's folder is removed");
        assert!(
            unmarked.exists(),
            "a folder without the marker is not waymark's"
        );
        assert!(other.exists(), "a name that is not staging-PID is left");

        // A second build beside a running one leaves the running one's folder alone.
        let running = live.dir.clone();
        let beside = Staging::create(&root.path().join("output2"), site.path()).unwrap();
        remove_stale_staging(root.path(), "output");
        assert!(running.exists(), "a live build's folder is locked and kept");
        drop((live, beside));
        assert!(!running.exists());
    }

    #[test]
    fn commit_swaps_and_drop_leaves_the_old_output() {
        let site = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("output");
        let first = Staging::create(&out, site.path()).unwrap();
        first.write("a/index.html", b"one").unwrap();
        first.commit().unwrap();
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"one");

        let failed = Staging::create(&out, site.path()).unwrap();
        failed.write("a/index.html", b"two").unwrap();
        drop(failed);
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"one");
        let leftovers: Vec<_> = std::fs::read_dir(root.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging folder removed");
    }
}
