//! Rules for downloads. Public bodies must publish accessible documents, so:
//! `untagged-pdf`: a PDF under `content/` without tags (or that cannot be read as a PDF), which
//! screen readers cannot follow and phones cannot reflow. `word-alternative`: a Word or
//! OpenDocument text file with no accessible version: a page of the same name beside it, a
//! tagged PDF of the same name, or the `alternative` of its `[[documents]]` entry.

use std::path::PathBuf;

use super::rules::{Context, Rule};
use crate::config::RuleLevel;
use crate::diagnostics::{Diagnostic, Position};
use crate::downloads::{Download, FileType, PdfFacts};

pub(super) const UNTAGGED_PDF: Rule = Rule {
    id: "untagged-pdf",
    default_level: RuleLevel::Warn,
    run: untagged_pdf,
};

pub(super) const WORD_ALTERNATIVE: Rule = Rule {
    id: "word-alternative",
    default_level: RuleLevel::Warn,
    run: word_alternative,
};

/// The file's own path, for messages.
fn file(download: &Download) -> PathBuf {
    PathBuf::from("content").join(&download.source)
}

fn untagged_pdf(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.downloads
        .iter()
        .filter_map(|d| {
            let (message, hint) = match d.pdf.as_ref()? {
                PdfFacts::Read { tagged: true, .. } => return None,
                PdfFacts::Read { .. } => (
                    "the PDF is not tagged, so screen readers cannot follow it and it does not \
                     reflow on a phone"
                        .to_string(),
                    "export it again with tags (in Word: Save as PDF, Options, \"Document \
                     structure tags for accessibility\"), or publish the content as a page",
                ),
                PdfFacts::Unreadable(reason) => (
                    format!("the file could not be read as a PDF: {reason}"),
                    "open it in a PDF reader to check it is whole; save or export it again",
                ),
            };
            Some(
                Diagnostic::warning(UNTAGGED_PDF.id, file(d), Position::FILE, message)
                    .with_hint(hint),
            )
        })
        .collect()
}

fn word_alternative(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.downloads
        .iter()
        .filter(|d| d.file_type == FileType::WordProcessor && d.alternative.is_none())
        .map(|d| {
            let stem = d
                .source
                .rsplit_once('.')
                .map_or(d.source.as_str(), |(s, _)| s);
            let name = stem.rsplit('/').next().unwrap_or(stem);
            Diagnostic::warning(
                WORD_ALTERNATIVE.id,
                file(d),
                Position::FILE,
                format!("{} has no accessible version", d.type_label.to_lowercase()),
            )
            .with_hint(format!(
                "publish the same content as a page ({name}.md beside it) or a tagged PDF \
                 ({name}.pdf), or name one as `alternative` in a [[documents]] entry"
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::findings;
    use crate::downloads::pdf::tests::minimal_pdf;

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn untagged_and_broken_pdfs_are_found() {
        let (tagged, untagged) = (text(minimal_pdf(1, true)), text(minimal_pdf(1, false)));
        let found = findings(
            &UNTAGGED_PDF,
            &[
                ("toolkit/tagged.pdf", &tagged),
                ("toolkit/untagged.pdf", &untagged),
                ("toolkit/broken.pdf", "%PDF-1.7 and then nothing"),
            ],
        );
        assert_eq!(
            found,
            ["content/toolkit/broken.pdf", "content/toolkit/untagged.pdf"]
        );
    }

    #[test]
    fn word_files_need_a_page_a_tagged_pdf_or_a_named_alternative() {
        let tagged = text(minimal_pdf(1, true));
        let untagged = text(minimal_pdf(1, false));
        let page = "+++\ntitle = \"Plan\"\n+++\nText.\n";
        let index = "+++\ntitle = \"Toolkit\"\n[[documents]]\nfile = \"named.docx\"\n\
                     alternative = \"plan.md\"\n+++\n";
        let found = findings(
            &WORD_ALTERNATIVE,
            &[
                ("toolkit/_index.md", index),
                ("toolkit/plan.md", page),
                ("toolkit/named.docx", "PK"),
                ("toolkit/with-page.docx", "PK"),
                ("toolkit/with-page.md", page),
                ("toolkit/with-pdf.doc", "doc"),
                ("toolkit/with-pdf.pdf", &tagged),
                ("toolkit/with-untagged-pdf.docx", "PK"),
                ("toolkit/with-untagged-pdf.pdf", &untagged),
                ("toolkit/alone.odt", "odt"),
                ("toolkit/sheet.xlsx", "PK"),
            ],
        );
        assert_eq!(
            found,
            [
                "content/toolkit/alone.odt",
                "content/toolkit/with-untagged-pdf.docx"
            ]
        );
    }
}
