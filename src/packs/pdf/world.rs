//! The sealed typst [`World`] a pack is compiled in.
//!
//! It can see exactly two files: the embedded template (`/pack.typ`, the main
//! source) and the pack data (`/pack.json`). Fonts come from memory only, there
//! is no file system, network or package access, and `datetime.today()` is the
//! pack's own date, so the same input always gives the same PDF.

use std::sync::{Arc, LazyLock};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Features, Library, LibraryExt, World};

/// The template source, compiled into the binary.
const TEMPLATE: &str = include_str!("pack.typ");

/// Bundled fonts: every `.ttf`/`.otf` in the default theme's `fonts/` folder (Atkinson
/// Hyperlegible for text, SIL OFL 1.1; DejaVu Sans Mono for code and check boxes). They are read
/// from the theme already embedded in the binary, so they are stored once. Licences sit beside
/// the files in `theme/fonts/`.
fn embedded_font_files() -> impl Iterator<Item = &'static [u8]> {
    crate::render::assets::DEFAULT_THEME
        .get_dir("fonts")
        .into_iter()
        .flat_map(|dir| dir.files())
        .filter(|f| is_font_file(&f.path().to_string_lossy()))
        .map(|f| f.contents())
}

/// True for file names typst can load as fonts.
pub(crate) fn is_font_file(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".ttf", ".otf", ".ttc", ".otc"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Path of the template inside the virtual project.
pub(crate) const TEMPLATE_PATH: &str = "/pack.typ";
/// Path of the pack data inside the virtual project; the template reads it
/// with `json("pack.json")`.
pub(crate) const DATA_PATH: &str = "/pack.json";

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("static virtual path is valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

static TEMPLATE_ID: LazyLock<FileId> = LazyLock::new(|| file_id(TEMPLATE_PATH));
static DATA_ID: LazyLock<FileId> = LazyLock::new(|| file_id(DATA_PATH));
static TEMPLATE_SOURCE: LazyLock<Source> =
    LazyLock::new(|| Source::new(*TEMPLATE_ID, TEMPLATE.to_string()));

/// The standard library, built once. `a11y-extras` gives the template
/// `pdf.header-cell`, used for the row headers of label/value tables.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
    let features: Features = [Feature::A11yExtras].into_iter().collect();
    LazyHash::new(Library::builder().with_features(features).build())
});

static EMBEDDED: LazyLock<PdfFonts> = LazyLock::new(|| {
    let fonts = embedded_font_files()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    PdfFonts::from_fonts(fonts, 0)
});

/// Fonts available to the PDF; `PdfFonts::embedded()` gives the bundled ones,
/// and a site may add its own font files (for example to cover a community
/// language's script). Parsed once, cheap to clone, shared across threads.
#[derive(Clone)]
pub(crate) struct PdfFonts {
    inner: Arc<FontSet>,
}

struct FontSet {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    unreadable: usize,
}

impl PdfFonts {
    /// The bundled fonts (parsed on first use, then shared).
    pub(crate) fn embedded() -> Self {
        EMBEDDED.clone()
    }

    /// Adds the site's own font files (TTF, OTF or collections). Files that do
    /// not parse as fonts are skipped and counted in
    /// [`unreadable_files`](Self::unreadable_files). Build this once and reuse
    /// it for every pack: parsing fonts is the expensive part.
    pub(crate) fn with_extra(self, font_files: Vec<Vec<u8>>) -> Self {
        let mut fonts = self.inner.fonts.clone();
        let mut unreadable = self.inner.unreadable;
        for file in font_files {
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(file)));
            if fonts.len() == before {
                unreadable += 1;
            }
        }
        Self::from_fonts(fonts, unreadable)
    }

    /// How many files given to [`with_extra`](Self::with_extra) were not fonts.
    pub(crate) fn unreadable_files(&self) -> usize {
        self.inner.unreadable
    }

    /// Family names of all available fonts, sorted and deduplicated.
    pub(crate) fn families(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .inner
            .fonts
            .iter()
            .map(|f| f.info().family.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Whether some font can display `c` (typst falls back across all fonts).
    pub(crate) fn covers(&self, c: char) -> bool {
        self.inner
            .fonts
            .iter()
            .any(|font| font.info().coverage.contains(c as u32))
    }

    fn from_fonts(fonts: Vec<Font>, unreadable: usize) -> Self {
        let book = FontBook::from_fonts(&fonts);
        Self {
            inner: Arc::new(FontSet {
                book: LazyHash::new(book),
                fonts,
                unreadable,
            }),
        }
    }
}

impl std::fmt::Debug for PdfFonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PdfFonts")
            .field("fonts", &self.inner.fonts.len())
            .field("families", &self.families())
            .finish()
    }
}

/// One compilation's world: the template, one pack's JSON and the fonts.
pub(crate) struct PackWorld {
    fonts: PdfFonts,
    data: Bytes,
    today: Datetime,
}

impl PackWorld {
    pub(crate) fn new(fonts: &PdfFonts, json: Vec<u8>, today: Datetime) -> Self {
        Self {
            fonts: fonts.clone(),
            data: Bytes::new(json),
            today,
        }
    }

    /// The template source, for turning diagnostic spans into line numbers.
    pub(crate) fn template() -> &'static Source {
        &TEMPLATE_SOURCE
    }
}

impl World for PackWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.inner.book
    }

    fn main(&self) -> FileId {
        *TEMPLATE_ID
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *TEMPLATE_ID {
            Ok(TEMPLATE_SOURCE.clone())
        } else {
            Err(not_available(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *DATA_ID {
            Ok(self.data.clone())
        } else if id == *TEMPLATE_ID {
            Ok(Bytes::from_string(TEMPLATE_SOURCE.clone()))
        } else {
            Err(not_available(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.inner.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn not_available(id: FileId) -> FileError {
    FileError::Other(Some(
        format!(
            "{:?} is not available: pack PDFs can only read pack.json",
            id.vpath()
        )
        .into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_fonts_parse_into_expected_families() {
        let fonts = PdfFonts::embedded();
        assert_eq!(
            fonts.families(),
            vec!["Atkinson Hyperlegible", "DejaVu Sans Mono"]
        );
        assert_eq!(fonts.inner.fonts.len(), 5);
        assert!(fonts.covers('é') && fonts.covers('\u{2019}') && fonts.covers('☐'));
        assert!(!fonts.covers('\u{1F600}'));
    }

    #[test]
    fn extra_fonts_are_added_and_junk_counted() {
        let extra = embedded_font_files().next().unwrap().to_vec();
        let fonts = PdfFonts::embedded().with_extra(vec![extra, b"not a font".to_vec()]);
        assert_eq!(fonts.inner.fonts.len(), 6);
        assert_eq!(fonts.unreadable_files(), 1);
    }

    #[test]
    fn world_is_sealed() {
        let world = PackWorld::new(
            &PdfFonts::embedded(),
            b"{}".to_vec(),
            Datetime::from_ymd(2026, 11, 23).unwrap(),
        );
        assert!(world.file(file_id("/etc/passwd")).is_err());
        assert!(world.source(file_id("/other.typ")).is_err());
        assert_eq!(world.file(*DATA_ID).unwrap().as_slice(), b"{}");
        assert_eq!(world.today(None), Datetime::from_ymd(2026, 11, 23));
    }
}
