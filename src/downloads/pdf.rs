//! What a reader needs to know about a PDF before downloading it: how many pages, and whether it
//! is tagged (has the structure screen readers and reflow need).
//!
//! The file is read with `lopdf`, which copes with compressed object and cross-reference
//! streams, encryption without a password and damaged cross-reference tables, and bounds nesting
//! and inflation. A file it cannot read, or that makes it panic, is reported as unreadable: a
//! broken PDF is a warning for its editor, never the end of a build.

use lopdf::{Dictionary, Document, Object};

/// The facts of one PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfFacts {
    Read {
        pages: usize,
        /// Marked as tagged (`/MarkInfo << /Marked true >>`) and holding a structure tree
        /// (`/StructTreeRoot`): a PDF that says it is tagged but has no tags is not.
        tagged: bool,
    },
    /// Why the file could not be read as a PDF.
    Unreadable(String),
}

impl PdfFacts {
    /// Reads the facts of the PDF in `bytes`.
    pub fn of(bytes: &[u8]) -> PdfFacts {
        match std::panic::catch_unwind(|| read(bytes)) {
            Ok(Ok(facts)) => facts,
            Ok(Err(reason)) => PdfFacts::Unreadable(reason),
            Err(_) => PdfFacts::Unreadable("the PDF reader could not make sense of it".into()),
        }
    }

    pub fn pages(&self) -> Option<usize> {
        match self {
            PdfFacts::Read { pages, .. } => Some(*pages),
            PdfFacts::Unreadable(_) => None,
        }
    }

    pub fn tagged(&self) -> bool {
        matches!(self, PdfFacts::Read { tagged: true, .. })
    }
}

fn read(bytes: &[u8]) -> Result<PdfFacts, String> {
    if !bytes.starts_with(b"%PDF-") {
        return Err("it does not start as a PDF does (%PDF-)".into());
    }
    let document = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let catalog = document
        .catalog()
        .map_err(|e| format!("it has no catalogue ({e})"))?;
    let pages = document.get_pages().len();
    if pages == 0 {
        return Err("it has no pages".into());
    }
    let marked = dictionary(&document, catalog.get(b"MarkInfo").ok())
        .and_then(|info| info.get(b"Marked").ok())
        .and_then(|marked| document.dereference(marked).ok())
        .and_then(|(_, marked)| marked.as_bool().ok())
        .unwrap_or(false);
    let tagged = marked && dictionary(&document, catalog.get(b"StructTreeRoot").ok()).is_some();
    Ok(PdfFacts::Read { pages, tagged })
}

/// A dictionary written in place or by reference.
fn dictionary<'a>(document: &'a Document, object: Option<&'a Object>) -> Option<&'a Dictionary> {
    let (_, object) = document.dereference(object?).ok()?;
    object.as_dict().ok()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A one-object-per-line PDF with `pages` blank pages and, when `tagged`, a mark and an
    /// empty structure tree; offsets in the cross-reference table are worked out, so lopdf
    /// reads it as written.
    pub(crate) fn minimal_pdf(pages: usize, tagged: bool) -> Vec<u8> {
        let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 4 + i)).collect();
        let mut objects = vec![
            if tagged {
                "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 3 0 R >>".to_string()
            } else {
                "<< /Type /Catalog /Pages 2 0 R >>".to_string()
            },
            format!(
                "<< /Type /Pages /Kids [{}] /Count {pages} >>",
                kids.join(" ")
            ),
            "<< /Type /StructTreeRoot >>".to_string(),
        ];
        for _ in 0..pages {
            objects.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_string());
        }
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, object) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for offset in offsets {
            out.extend(format!("{offset:010} 00000 n \n").as_bytes());
        }
        out.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    #[test]
    fn pages_and_tags_are_read() {
        assert_eq!(
            PdfFacts::of(&minimal_pdf(3, true)),
            PdfFacts::Read {
                pages: 3,
                tagged: true
            }
        );
        assert_eq!(
            PdfFacts::of(&minimal_pdf(1, false)),
            PdfFacts::Read {
                pages: 1,
                tagged: false
            }
        );
    }

    #[test]
    fn broken_files_are_unreadable_not_a_crash() {
        for bytes in [
            b"not a pdf at all".to_vec(),
            b"%PDF-1.7\n1 0 obj << /Type /Catalog".to_vec(),
            minimal_pdf(2, true)[..120].to_vec(),
            Vec::new(),
        ] {
            assert!(
                matches!(PdfFacts::of(&bytes), PdfFacts::Unreadable(_)),
                "{:?}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }
}
