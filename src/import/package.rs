//! The .docx package: a zip of XML parts. Opens it, tells a .docx from the files people
//! mistake for one (an encrypted document, an old .doc, a PDF), and hands out parts by name.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use super::error::ImportError;

/// The parts of a .docx, read into memory (a strategy is a few megabytes at most).
pub(crate) struct Package {
    path: PathBuf,
    parts: HashMap<String, Vec<u8>>,
}

/// Start of an OLE compound file: what Word writes for an encrypted .docx and for an old .doc.
const OLE_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

impl Package {
    /// Reads the file at `path`.
    pub(crate) fn open(path: &Path) -> Result<Package, ImportError> {
        let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Package::from_bytes(path, bytes)
    }

    /// Reads a package already in memory; `path` names it in messages.
    pub(crate) fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Package, ImportError> {
        let path = path.to_path_buf();
        if let Some(error) = not_a_zip(&path, &bytes) {
            return Err(error);
        }
        let corrupt = |reason: String| ImportError::Corrupt {
            path: path.clone(),
            reason,
        };
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| corrupt(format!("it is not a readable zip package ({e})")))?;
        let mut parts = HashMap::with_capacity(zip.len());
        for i in 0..zip.len() {
            let mut file = zip
                .by_index(i)
                .map_err(|e| corrupt(format!("part {i} of the package cannot be read ({e})")))?;
            if file.is_dir() {
                continue;
            }
            let name = String::from_utf8_lossy(file.name_raw())
                .trim_start_matches('/')
                .to_string();
            let mut data = Vec::with_capacity(file.size().min(64 << 20) as usize);
            file.read_to_end(&mut data)
                .map_err(|e| corrupt(format!("part `{name}` cannot be read ({e})")))?;
            parts.insert(name, data);
        }
        let package = Package { path, parts };
        package.check_is_word()?;
        Ok(package)
    }

    /// The document's path, for messages.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// A part's bytes, by its name in the package (`word/document.xml`). Names match in any
    /// case, as Word itself reads them.
    pub(crate) fn part(&self, name: &str) -> Option<&[u8]> {
        let name = name.trim_start_matches('/');
        self.parts.get(name).map(Vec::as_slice).or_else(|| {
            self.parts
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_slice())
        })
    }

    /// A part as text. XML parts are UTF-8 (or UTF-16, which Word never writes).
    pub(crate) fn text(&self, name: &str) -> Result<Option<&str>, ImportError> {
        match self.part(name) {
            None => Ok(None),
            Some(bytes) => {
                let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                std::str::from_utf8(bytes)
                    .map(Some)
                    .map_err(|_| ImportError::Corrupt {
                        path: self.path.clone(),
                        reason: format!("part `{name}` is not UTF-8 text"),
                    })
            }
        }
    }

    /// A zip that is not a Word document: say what it is.
    fn check_is_word(&self) -> Result<(), ImportError> {
        if self.part("[Content_Types].xml").is_some()
            && (self.part("word/document.xml").is_some() || self.part("_rels/.rels").is_some())
        {
            return Ok(());
        }
        let found = if let Some(mime) = self.part("mimetype") {
            let mime = String::from_utf8_lossy(mime);
            if mime.contains("opendocument.text") {
                "it is an OpenDocument text file (.odt)".to_string()
            } else {
                format!("it is a zip holding `{}`", mime.trim())
            }
        } else if self.part("xl/workbook.xml").is_some() {
            "it is an Excel workbook".to_string()
        } else if self.part("ppt/presentation.xml").is_some() {
            "it is a PowerPoint presentation".to_string()
        } else {
            "it is a zip file, but holds no Word document".to_string()
        };
        Err(ImportError::NotWord {
            path: self.path.clone(),
            found,
        })
    }
}

/// Names the file when it is not a zip at all.
fn not_a_zip(path: &Path, bytes: &[u8]) -> Option<ImportError> {
    let path = path.to_path_buf();
    if bytes.starts_with(b"PK") {
        return None;
    }
    if bytes.starts_with(&OLE_SIGNATURE) {
        // An encrypted .docx is an OLE file holding a stream named "EncryptedPackage".
        let encrypted_name: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        return Some(
            if bytes
                .windows(encrypted_name.len())
                .any(|w| w == encrypted_name)
            {
                ImportError::Encrypted { path }
            } else {
                ImportError::OldWord { path }
            },
        );
    }
    let found = if bytes.is_empty() {
        "the file is empty".to_string()
    } else if bytes.starts_with(b"%PDF") {
        "it is a PDF; waymark imports Word documents only".to_string()
    } else if bytes.starts_with(b"{\\rtf") {
        "it is a Rich Text Format (.rtf) file".to_string()
    } else if bytes
        .iter()
        .take(512)
        .all(|b| !b.is_ascii_control() || b.is_ascii_whitespace())
    {
        "it looks like plain text".to_string()
    } else {
        "it is not a zip package, which every .docx is".to_string()
    };
    Some(ImportError::NotWord { path, found })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        for (name, text) in files {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    fn open(bytes: Vec<u8>) -> Result<Package, ImportError> {
        Package::from_bytes(Path::new("strategy.docx"), bytes)
    }

    #[test]
    fn reads_parts_by_name_in_any_case() {
        let package = open(zip_of(&[
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", "<w:document/>"),
        ]))
        .unwrap();
        assert_eq!(
            package.text("word/document.xml").unwrap(),
            Some("<w:document/>")
        );
        assert!(package.part("/Word/Document.xml").is_some());
        assert!(package.part("word/styles.xml").is_none());
    }

    #[test]
    fn tells_an_encrypted_docx_from_an_old_doc() {
        let mut encrypted = OLE_SIGNATURE.to_vec();
        encrypted.extend([0; 100]);
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(
            open(encrypted),
            Err(ImportError::Encrypted { .. })
        ));
        let mut old = OLE_SIGNATURE.to_vec();
        old.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(open(old), Err(ImportError::OldWord { .. })));
    }

    #[test]
    fn names_what_other_files_are() {
        let message = |bytes: Vec<u8>| open(bytes).err().unwrap().to_string();
        assert!(message(b"%PDF-1.7".to_vec()).contains("PDF"));
        assert!(message(b"Hello".to_vec()).contains("plain text"));
        assert!(message(Vec::new()).contains("empty"));
        assert!(message(zip_of(&[("xl/workbook.xml", "<workbook/>")])).contains("Excel"));
        let odt = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.text")]);
        assert!(message(odt).contains(".odt"));
        assert!(message(b"PK\x03\x04 broken".to_vec()).contains("damaged"));
        assert!(message(b"PK\x03\x04 broken".to_vec()).starts_with("strategy.docx: "));
    }
}
