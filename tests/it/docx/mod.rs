//! A small .docx writer for tests and benchmarks: real Office Open XML parts
//! (`[Content_Types].xml`, relationships, document, styles, numbering, footnotes, endnotes,
//! comments, core properties and media) zipped as Word writes them. Paragraphs and tables
//! are built from the XML helpers below, so a test reads like the document it makes.
#![allow(dead_code)]

use std::io::{Cursor, Write};
use std::path::Path;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NAMESPACES: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:o="urn:schemas-microsoft-com:office:office""#
);

/// A 1 by 1 pixel PNG: the smallest picture a browser shows.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// Numbering instances the built-in numbering part defines.
pub const BULLETS: u32 = 1;
pub const NUMBERED: u32 = 2;
/// The numbered list again, restarting at 1 (Word's "Restart numbering").
pub const NUMBERED_RESTART: u32 = 3;
/// A second bulleted list.
pub const OTHER_BULLETS: u32 = 4;
/// The numbered list restarted a second time.
pub const NUMBERED_AGAIN: u32 = 5;

/// A Word document being built.
#[derive(Default)]
pub struct Docx {
    body: String,
    footnotes: Vec<String>,
    endnotes: Vec<String>,
    comments: Vec<(String, String)>,
    rels: Vec<(String, String, bool)>,
    media: Vec<(String, Vec<u8>)>,
    title: Option<String>,
}

impl Docx {
    pub fn new() -> Docx {
        Docx::default()
    }

    /// Adds body XML: paragraphs and tables made with the helpers.
    pub fn push(&mut self, xml: impl AsRef<str>) -> &mut Docx {
        self.body.push_str(xml.as_ref());
        self
    }

    /// The title in the document's properties.
    pub fn property_title(&mut self, title: &str) -> &mut Docx {
        self.title = Some(title.to_string());
        self
    }

    /// A relationship to a web address; returns its id for [`link`].
    pub fn web(&mut self, url: &str) -> String {
        self.rel(&format!("{REL}/hyperlink"), url, true)
    }

    /// A picture in `word/media/`; returns its id for [`picture`].
    pub fn image(&mut self, name: &str, bytes: &[u8]) -> String {
        self.media.push((name.to_string(), bytes.to_vec()));
        self.rel(&format!("{REL}/image"), &format!("media/{name}"), false)
    }

    /// A footnote with this text; returns its id for [`footnote_ref`].
    pub fn footnote(&mut self, text: &str) -> String {
        self.footnotes.push(p(None, &run(text)));
        (self.footnotes.len()).to_string()
    }

    pub fn endnote(&mut self, text: &str) -> String {
        self.endnotes.push(p(None, &run(text)));
        (self.endnotes.len()).to_string()
    }

    /// A comment; returns its id for [`comment_ref`].
    pub fn comment(&mut self, author: &str, text: &str) -> String {
        self.comments.push((author.to_string(), text.to_string()));
        (self.comments.len() - 1).to_string()
    }

    fn rel(&mut self, kind: &str, target: &str, external: bool) -> String {
        self.rels
            .push((kind.to_string(), target.to_string(), external));
        format!("rIdX{}", self.rels.len())
    }

    /// The .docx file's bytes.
    pub fn bytes(&self) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let mut add = |name: &str, data: &[u8]| {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(data).unwrap();
        };
        add("[Content_Types].xml", CONTENT_TYPES.as_bytes());
        add("_rels/.rels", ROOT_RELS.as_bytes());
        add("docProps/core.xml", self.core().as_bytes());
        add(
            "word/_rels/document.xml.rels",
            self.document_rels().as_bytes(),
        );
        add(
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NAMESPACES}><w:body>{}<w:sectPr/></w:body></w:document>"#,
                self.body
            )
            .as_bytes(),
        );
        add("word/styles.xml", STYLES.as_bytes());
        add("word/numbering.xml", NUMBERING.as_bytes());
        add(
            "word/footnotes.xml",
            notes("footnotes", "footnote", &self.footnotes).as_bytes(),
        );
        add(
            "word/endnotes.xml",
            notes("endnotes", "endnote", &self.endnotes).as_bytes(),
        );
        add("word/comments.xml", self.comments_xml().as_bytes());
        for (name, bytes) in &self.media {
            add(&format!("word/media/{name}"), bytes);
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    pub fn write(&self, path: &Path) {
        std::fs::write(path, self.bytes()).unwrap();
    }

    fn core(&self) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title></cp:coreProperties>"#,
            escape(self.title.as_deref().unwrap_or(""))
        )
    }

    fn document_rels(&self) -> String {
        let mut out = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        );
        for (kind, target) in [
            ("styles", "styles.xml"),
            ("numbering", "numbering.xml"),
            ("footnotes", "footnotes.xml"),
            ("endnotes", "endnotes.xml"),
            ("comments", "comments.xml"),
        ] {
            out.push_str(&format!(
                r#"<Relationship Id="rId{kind}" Type="{REL}/{kind}" Target="{target}"/>"#
            ));
        }
        for (i, (kind, target, external)) in self.rels.iter().enumerate() {
            let mode = if *external {
                r#" TargetMode="External""#
            } else {
                ""
            };
            out.push_str(&format!(
                r#"<Relationship Id="rIdX{}" Type="{kind}" Target="{}"{mode}/>"#,
                i + 1,
                escape(target)
            ));
        }
        out.push_str("</Relationships>");
        out
    }

    fn comments_xml(&self) -> String {
        let mut out = format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:comments {NAMESPACES}>"#);
        for (i, (author, text)) in self.comments.iter().enumerate() {
            out.push_str(&format!(
                r#"<w:comment w:id="{i}" w:author="{}">{}</w:comment>"#,
                escape(author),
                p(None, &run(text))
            ));
        }
        out.push_str("</w:comments>");
        out
    }
}

fn notes(root: &str, element: &str, notes: &[String]) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:{root} {NAMESPACES}><w:{element} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{element}>"#
    );
    for (i, body) in notes.iter().enumerate() {
        out.push_str(&format!(
            r#"<w:{element} w:id="{}">{body}</w:{element}>"#,
            i + 1
        ));
    }
    out.push_str(&format!("</w:{root}>"));
    out
}

/// Text for XML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A paragraph with an optional style id and its runs.
pub fn p(style: Option<&str>, runs: &str) -> String {
    match style {
        Some(s) => format!(r#"<w:p><w:pPr><w:pStyle w:val="{s}"/></w:pPr>{runs}</w:p>"#),
        None => format!("<w:p>{runs}</w:p>"),
    }
}

/// A plain paragraph of text.
pub fn para(text: &str) -> String {
    p(None, &run(text))
}

/// A heading paragraph (Heading 1 to 3), with a bookmark on it when `bookmark` is given.
pub fn heading(level: u8, text: &str, bookmark_name: Option<&str>) -> String {
    let runs = match bookmark_name {
        Some(name) => bookmark(name, &run(text)),
        None => run(text),
    };
    p(Some(&format!("Heading{level}")), &runs)
}

/// An item of a list: a numbering instance and a level from 0.
pub fn list_item(num_id: u32, level: u8, runs: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>{runs}</w:p>"#
    )
}

pub fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

pub fn bold(text: &str) -> String {
    format!(
        r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

pub fn italic(text: &str) -> String {
    format!(
        r#"<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

/// Text in the "Strong" character style.
pub fn strong(text: &str) -> String {
    format!(
        r#"<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

/// A line break inside a paragraph (Shift+Enter).
pub fn line_break() -> String {
    "<w:r><w:br/></w:r>".into()
}

/// A tab character.
pub fn tab() -> String {
    "<w:r><w:tab/></w:r>".into()
}

/// A link to a web address made with [`Docx::web`].
pub fn link(rel_id: &str, text: &str) -> String {
    format!(
        r#"<w:hyperlink r:id="{rel_id}">{}</w:hyperlink>"#,
        run(text)
    )
}

/// A link to a bookmark in the document.
pub fn anchor_link(bookmark_name: &str, text: &str) -> String {
    format!(
        r#"<w:hyperlink w:anchor="{bookmark_name}">{}</w:hyperlink>"#,
        run(text)
    )
}

/// A cross-reference field (`REF bookmark \h`) showing `text`.
pub fn cross_reference(bookmark_name: &str, text: &str) -> String {
    format!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF {bookmark_name} \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        run(text)
    )
}

/// Runs with a bookmark round them.
pub fn bookmark(name: &str, runs: &str) -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(100);
    let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!(r#"<w:bookmarkStart w:id="{id}" w:name="{name}"/>{runs}<w:bookmarkEnd w:id="{id}"/>"#)
}

pub fn footnote_ref(id: &str) -> String {
    format!(
        r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>"#
    )
}

pub fn endnote_ref(id: &str) -> String {
    format!(r#"<w:r><w:endnoteReference w:id="{id}"/></w:r>"#)
}

/// Runs with a comment on them, made with [`Docx::comment`].
pub fn commented(id: &str, runs: &str) -> String {
    format!(
        r#"<w:commentRangeStart w:id="{id}"/>{runs}<w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r>"#
    )
}

/// A tracked insertion.
pub fn inserted(text: &str) -> String {
    format!(
        r#"<w:ins w:id="900" w:author="Editor" w:date="2025-01-01T00:00:00Z">{}</w:ins>"#,
        run(text)
    )
}

/// A tracked deletion.
pub fn deleted(text: &str) -> String {
    format!(
        r#"<w:del w:id="901" w:author="Editor" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>{}</w:delText></w:r></w:del>"#,
        escape(text)
    )
}

/// An inline picture made with [`Docx::image`], with a description (alt text) or none.
pub fn picture(rel_id: &str, description: Option<&str>) -> String {
    let descr = description
        .map(|d| format!(r#" descr="{}""#, escape(d)))
        .unwrap_or_default();
    format!(
        r#"<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Picture 1"{descr}/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rel_id}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
    )
}

/// A floating text box holding `text`, as Word 2010 and later write it.
pub fn text_box(text: &str) -> String {
    format!(
        r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="5" name="Text Box 5"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#,
        para(text),
        para(text)
    )
}

/// A SmartArt diagram.
pub fn smart_art() -> String {
    r#"<w:r><w:drawing><wp:inline><wp:docPr id="7" name="Diagram 7"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"/></a:graphic></wp:inline></w:drawing></w:r>"#.into()
}

/// An embedded object (a spreadsheet, say).
pub fn embedded_object() -> String {
    r#"<w:r><w:object><v:shape/></w:object></w:r>"#.into()
}

/// Word's table of contents: a content control with a TOC field and entries.
pub fn table_of_contents(entries: &[(&str, &str)]) -> String {
    let mut out = String::from(
        r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>"#,
    );
    out.push_str(&p(Some("TOCHeading"), &run("Contents")));
    for (i, (bookmark_name, text)) in entries.iter().enumerate() {
        let field_start = if i == 0 {
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \o "1-3" \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
        } else {
            ""
        };
        let field_end = if i + 1 == entries.len() {
            r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        } else {
            ""
        };
        out.push_str(&p(
            Some("TOC1"),
            &format!(
                "{field_start}{}{field_end}",
                anchor_link(bookmark_name, text)
            ),
        ));
    }
    out.push_str("</w:sdtContent></w:sdt>");
    out
}

/// A table cell holding paragraphs.
pub fn cell(content: &str) -> String {
    format!("<w:tc><w:tcPr/>{content}</w:tc>")
}

/// A cell of one paragraph of text.
pub fn text_cell(text: &str) -> String {
    cell(&para(text))
}

/// A cell merged across `span` columns.
pub fn spanning_cell(span: usize, text: &str) -> String {
    format!(
        r#"<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>{}</w:tc>"#,
        para(text)
    )
}

/// A cell that starts (`restart`) or continues a merge down the column.
pub fn merged_down_cell(restart: bool, text: &str) -> String {
    let merge = if restart {
        r#"<w:vMerge w:val="restart"/>"#
    } else {
        "<w:vMerge/>"
    };
    let content = if text.is_empty() {
        "<w:p/>".to_string()
    } else {
        para(text)
    };
    format!("<w:tc><w:tcPr>{merge}</w:tcPr>{content}</w:tc>")
}

/// A row of cells; `header` sets Word's "Repeat as header row".
pub fn row(header: bool, cells: &[String]) -> String {
    let props = if header {
        "<w:trPr><w:tblHeader/></w:trPr>"
    } else {
        ""
    };
    format!("<w:tr>{props}{}</w:tr>", cells.concat())
}

/// A table of rows.
pub fn table(rows: &[String]) -> String {
    format!(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>{}</w:tbl>"#,
        rows.concat()
    )
}

/// A table of plain text, with or without a header row setting.
pub fn text_table(header: bool, rows: &[&[&str]]) -> String {
    let rows: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            let cells: Vec<String> = cells.iter().map(|t| text_cell(t)).collect();
            row(header && i == 0, &cells)
        })
        .collect();
    table(&rows)
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Default Extension="jpeg" ContentType="image/jpeg"/>
<Default Extension="emf" ContentType="image/x-emf"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>"#;

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="▪"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#;

#[allow(unused)]
const _NAMESPACES_USED: (&str, &str) = (W, R);

pub mod riverside;
