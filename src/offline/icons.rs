//! The app icons a phone shows on its home screen: PNGs of the sizes browsers ask for, drawn
//! from the site's own square SVG or PNG (`offline.icon`), or by default the partnership's
//! initials in white on the brand colour, in the bundled Atkinson Hyperlegible Bold.
//!
//! Drawing is done with resvg, so the icons are the same bytes on every build of the same site.

use std::sync::Arc;

use resvg::tiny_skia::{self, Pixmap, PixmapPaint, Transform};
use resvg::usvg;

/// One icon file: its name inside the icons folder, its width (and height), and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IconFile {
    pub name: &'static str,
    pub size: u32,
    /// True when the picture keeps clear of the edges, so a phone may crop it to a circle.
    pub maskable: bool,
    pub bytes: Vec<u8>,
}

/// What an icon is drawn from.
#[derive(Debug, Clone)]
pub(crate) enum IconSource {
    /// Letters in white on a background colour (`#rrggbb`).
    Initials { letters: String, background: String },
    /// The text of a square SVG file.
    Svg(String),
    /// The bytes of a square PNG file.
    Png(Vec<u8>),
}

/// The sizes written: Android's home screen and splash screen, and iOS's home screen (which
/// shows no transparency, so that one is drawn on white).
const SIZES: [(&str, u32); 3] = [
    ("icon-192.png", 192),
    ("icon-512.png", 512),
    ("apple-touch-icon.png", 180),
];

/// The generated icon's letters fit a box this share of the icon's width and height, inside
/// the circle a phone may crop a maskable icon to (80% of its width).
const LETTERS_WIDTH: f32 = 0.58;
const LETTERS_HEIGHT: f32 = 0.34;

/// Draws every size; an error says what is wrong with the source, for a message.
pub(crate) fn draw(source: &IconSource) -> Result<Vec<IconFile>, String> {
    let picture = Picture::of(source)?;
    SIZES
        .iter()
        .map(|&(name, size)| {
            let on_white = name.starts_with("apple");
            let pixmap = picture.draw(size, on_white)?;
            let bytes = pixmap
                .encode_png()
                .map_err(|e| format!("could not write the icon as PNG: {e}"))?;
            Ok(IconFile {
                name,
                size,
                maskable: matches!(source, IconSource::Initials { .. }) && !on_white,
                bytes,
            })
        })
        .collect()
}

/// Up to four initials of a name: the first letter of each word that starts with a capital
/// ("Northdale Safeguarding Children Partnership" is "NSCP"), or of its first word.
pub(crate) fn initials(name: &str) -> String {
    let capitals: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase() && c.is_alphanumeric())
        .take(4)
        .collect();
    if capitals.is_empty() {
        name.chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_else(|| "W".into())
    } else {
        capitals
    }
}

/// A source ready to draw at any size.
enum Picture {
    Vector(Box<usvg::Tree>),
    Raster(Pixmap),
}

impl Picture {
    fn of(source: &IconSource) -> Result<Picture, String> {
        match source {
            IconSource::Initials {
                letters,
                background,
            } => Ok(Picture::Vector(Box::new(initials_tree(
                letters, background,
            )?))),
            IconSource::Svg(text) => {
                let tree = parse_svg(text)?;
                square(tree.size().width(), tree.size().height())?;
                Ok(Picture::Vector(Box::new(tree)))
            }
            IconSource::Png(bytes) => {
                let pixmap = Pixmap::decode_png(bytes)
                    .map_err(|e| format!("it could not be read as a PNG image ({e})"))?;
                square(pixmap.width() as f32, pixmap.height() as f32)?;
                Ok(Picture::Raster(pixmap))
            }
        }
    }

    fn draw(&self, size: u32, on_white: bool) -> Result<Pixmap, String> {
        let mut pixmap = Pixmap::new(size, size).ok_or("an icon size of 0")?;
        if on_white {
            pixmap.fill(tiny_skia::Color::WHITE);
        }
        match self {
            Picture::Vector(tree) => {
                let scale = size as f32 / tree.size().width().max(tree.size().height());
                resvg::render(
                    tree,
                    Transform::from_scale(scale, scale),
                    &mut pixmap.as_mut(),
                );
            }
            Picture::Raster(source) => {
                let scale = size as f32 / source.width().max(source.height()) as f32;
                let paint = PixmapPaint {
                    quality: tiny_skia::FilterQuality::Bicubic,
                    ..PixmapPaint::default()
                };
                pixmap.draw_pixmap(
                    0,
                    0,
                    source.as_ref(),
                    &paint,
                    Transform::from_scale(scale, scale),
                    None,
                );
            }
        }
        Ok(pixmap)
    }
}

/// An icon within a few percent of square is drawn as it is; anything else would be squashed.
fn square(width: f32, height: f32) -> Result<(), String> {
    if (width - height).abs() > width.max(height) * 0.02 {
        return Err(format!(
            "it is {width:.0} by {height:.0}: an app icon must be square"
        ));
    }
    Ok(())
}

/// The generated icon: the letters measured once, then scaled and centred on a 512 square.
fn initials_tree(letters: &str, background: &str) -> Result<usvg::Tree, String> {
    let letters: String = letters.chars().filter(|c| c.is_alphanumeric()).collect();
    let text = format!(
        "<text x=\"0\" y=\"500\" font-family=\"Atkinson Hyperlegible\" font-weight=\"700\" \
         font-size=\"100\" fill=\"#ffffff\">{letters}</text>"
    );
    let measured = parse_svg(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"1000\">{text}</svg>"
    ))?;
    let bounds = measured.root().abs_bounding_box();
    let scale =
        (512.0 * LETTERS_WIDTH / bounds.width()).min(512.0 * LETTERS_HEIGHT / bounds.height());
    let (cx, cy) = (
        bounds.x() + bounds.width() / 2.0,
        bounds.y() + bounds.height() / 2.0,
    );
    let (dx, dy) = (256.0 - scale * cx, 256.0 - scale * cy);
    parse_svg(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\">\
         <rect width=\"512\" height=\"512\" fill=\"{background}\"/>\
         <g transform=\"translate({dx:.3} {dy:.3}) scale({scale:.5})\">{text}</g></svg>"
    ))
}

/// Parses SVG text with the bundled fonts, so that text in it is drawn the same everywhere.
fn parse_svg(text: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        fontdb: Arc::new(fonts()),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(text, &options)
        .map_err(|e| format!("it could not be read as an SVG image ({e})"))
}

fn fonts() -> usvg::fontdb::Database {
    let mut fonts = usvg::fontdb::Database::new();
    for file in crate::render::assets::DEFAULT_THEME
        .get_dir("fonts")
        .into_iter()
        .flat_map(|dir| dir.files())
        .filter(|f| f.path().to_string_lossy().ends_with(".ttf"))
    {
        fonts.load_font_data(file.contents().to_vec());
    }
    fonts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixel(png: &[u8], x: u32, y: u32) -> tiny_skia::PremultipliedColorU8 {
        let pixmap = Pixmap::decode_png(png).unwrap();
        pixmap.pixel(x, y).unwrap()
    }

    #[test]
    fn initials_come_from_the_capitalised_words() {
        assert_eq!(
            initials("Northdale Safeguarding Children Partnership"),
            "NSCP"
        );
        assert_eq!(
            initials("Safeguarding Partnership for the Isle of Wight"),
            "SPIW"
        );
        assert_eq!(initials("neglect guidance"), "N");
    }

    #[test]
    fn the_generated_icon_has_white_letters_in_the_middle_of_the_brand_colour() {
        let files = draw(&IconSource::Initials {
            letters: "NSCP".into(),
            background: "#1d70b8".into(),
        })
        .unwrap();
        let names: Vec<(&str, u32)> = files.iter().map(|f| (f.name, f.size)).collect();
        assert_eq!(names, SIZES.to_vec());
        let big = &files[1];
        assert!(big.maskable);
        let corner = pixel(&big.bytes, 2, 2);
        assert_eq!(
            (corner.red(), corner.green(), corner.blue()),
            (0x1d, 0x70, 0xb8)
        );
        // Somewhere along the middle row is a white letter stroke, and the edges stay clear
        // of letters (a phone may crop a maskable icon to a circle).
        let pixmap = Pixmap::decode_png(&big.bytes).unwrap();
        let white = |x: u32, y: u32| pixmap.pixel(x, y).unwrap().red() > 0xf0;
        assert!((0..512).any(|x| white(x, 256)), "letters across the middle");
        assert!(
            !(0..512).any(|x| white(x, 60) || white(x, 452)),
            "clear of top and bottom"
        );
        assert!(
            !(0..512).any(|y| white(60, y) || white(452, y)),
            "clear of the sides"
        );
    }

    #[test]
    fn drawing_is_the_same_every_time() {
        let source = IconSource::Initials {
            letters: "AB".into(),
            background: "#00703c".into(),
        };
        assert_eq!(draw(&source).unwrap(), draw(&source).unwrap());
    }

    #[test]
    fn a_site_svg_is_scaled_to_each_size_and_a_wide_one_is_refused() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"48\" height=\"48\">\
                   <rect width=\"48\" height=\"48\" fill=\"#d4351c\"/></svg>";
        let files = draw(&IconSource::Svg(svg.into())).unwrap();
        let p = pixel(&files[0].bytes, 191, 191);
        assert_eq!((p.red(), p.green(), p.blue()), (0xd4, 0x35, 0x1c));
        assert!(!files[0].maskable);
        let wide = svg.replace("width=\"48\" height", "width=\"96\" height");
        assert!(draw(&IconSource::Svg(wide)).unwrap_err().contains("square"));
        assert!(
            draw(&IconSource::Svg("not svg".into()))
                .unwrap_err()
                .contains("SVG")
        );
    }

    #[test]
    fn a_site_png_is_scaled_to_each_size() {
        let mut source = Pixmap::new(64, 64).unwrap();
        source.fill(tiny_skia::Color::from_rgba8(0, 0x70, 0x3c, 255));
        let files = draw(&IconSource::Png(source.encode_png().unwrap())).unwrap();
        let p = pixel(&files[1].bytes, 500, 500);
        assert_eq!((p.red(), p.green(), p.blue()), (0, 0x70, 0x3c));
        assert!(
            draw(&IconSource::Png(b"nope".to_vec()))
                .unwrap_err()
                .contains("PNG")
        );
    }
}
