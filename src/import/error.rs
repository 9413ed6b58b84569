//! Why an import stopped. Nothing is written in any case.

use std::path::PathBuf;

use thiserror::Error;

use crate::diagnostics::Diagnostic;

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{}: could not read the file: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Another kind of file: the message says which, when it can tell.
    #[error("{}: not a Word document (.docx): {found}", .path.display())]
    NotWord { path: PathBuf, found: String },
    #[error("{}: the document is password-protected (encrypted)", .path.display())]
    Encrypted { path: PathBuf },
    #[error("{}: an old Word 97-2003 document (.doc), not a .docx", .path.display())]
    OldWord { path: PathBuf },
    #[error("{}: the file is damaged: {reason}", .path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error("{}: the document has no text to import", .path.display())]
    Empty { path: PathBuf },
    #[error("{}", .0.message)]
    Site(Diagnostic),
    #[error("{0}")]
    Usage(String),
    #[error("{} file(s) the import would write already exist:{}", .0.len(), list(.0))]
    Exists(Vec<PathBuf>),
    #[error("could not write {}: {source}", .path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| format!("\n  {}", p.display()))
        .collect()
}

impl ImportError {
    /// What to do about it.
    pub fn hint(&self) -> String {
        match self {
            ImportError::Read { .. } => {
                "check the path and that the file is not open in another program".into()
            }
            ImportError::NotWord { .. } => {
                "open it in Word (or LibreOffice) and save it as a Word Document (.docx)".into()
            }
            ImportError::Encrypted { .. } => {
                "open it in Word, remove the password (File > Info > Protect Document > \
                 Encrypt with Password, and clear it), save, and import again"
                    .into()
            }
            ImportError::OldWord { .. } => {
                "open it in Word and use File > Save As > Word Document (.docx)".into()
            }
            ImportError::Corrupt { .. } => {
                "open it in Word: if it opens, save a new copy as .docx and import that".into()
            }
            ImportError::Empty { .. } => "check you chose the right file".into(),
            ImportError::Site(d) => d.hint.clone().unwrap_or_default(),
            ImportError::Usage(_) => "see `waymark import --help` for examples".into(),
            ImportError::Exists(_) => {
                "waymark never replaces a file: move or delete those files, or import into \
                 another folder with --section (for example --section strategy/2026)"
                    .into()
            }
            ImportError::Write { .. } => {
                "check the folder's permissions and that the disk is not full; nothing \
                 from this import was left behind"
                    .into()
            }
        }
    }

    /// True for problems with the command rather than the document (exit code 2).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            ImportError::Site(_) | ImportError::Usage(_) | ImportError::Exists(_)
        )
    }
}
