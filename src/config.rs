//! `waymark.toml`: the site's settings, with defaults for everything but the title.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, LineIndex, Position, suggest};

/// The file name of the settings file at the top of a site folder.
pub(crate) const CONFIG_FILE: &str = "waymark.toml";

/// Site settings. Unknown keys are errors, as in front matter.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in the header and page titles. A site built on a base may leave
    /// it out and use the base's.
    #[serde(default)]
    pub title: String,
    /// The partnership that publishes the guidance; shown in the header, footer and packs.
    #[serde(default)]
    pub partnership: Option<String>,
    /// One sentence about the site, for search engines and feeds.
    #[serde(default)]
    pub description: Option<String>,
    /// The address the site is published at, such as `https://guidance.example.org/neglect/`.
    /// Used only where an absolute address is needed: sitemap, feed, printed packs.
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default = "default_language")]
    pub language: String,
    /// A review date this many days away or fewer counts as "due soon".
    #[serde(default = "default_review_warning_days")]
    pub review_warning_days: u32,
    /// How long a new document runs before review, for `waymark new`.
    #[serde(default = "default_review_period_months")]
    pub review_period_months: u32,
    /// Where "Exit this page" goes: a neutral site that gives nothing away.
    #[serde(default = "default_quick_exit_url")]
    pub quick_exit_url: String,
    #[serde(default)]
    pub theme: ThemeConfig,
    #[serde(default)]
    pub packs: Vec<PackConfig>,
    #[serde(default)]
    pub check: CheckConfig,
    #[serde(default)]
    pub offline: OfflineConfig,
    #[serde(default)]
    pub links: LinksConfig,
    /// Another waymark site this one is built on, such as `"../regional"` (relative to this
    /// site's folder): its pages, templates, theme and settings, with this site's laid over them.
    #[serde(default)]
    pub base: Option<String>,
    /// Pages and folders of the base's `content/` that do not apply here, such as
    /// `["toolkit/old-form.md", "about/"]`.
    #[serde(default)]
    pub hide: Vec<String>,
    #[serde(default)]
    pub home: HomeConfig,
}

/// What the home page shows besides its own text.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HomeConfig {
    /// Pages practitioners reach for most (`toolkit/chronology-template.md`), listed first in
    /// the home page's side column.
    #[serde(default)]
    pub most_used: Vec<String>,
}

/// Which links pages may hold, besides web pages, email, phone numbers and the site's own pages.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LinksConfig {
    /// Further link schemes readers need, such as `"ftp"` or `"ms-teams"` (never `javascript`,
    /// `vbscript` or `data`).
    #[serde(default)]
    pub allowed_schemes: Vec<String>,
}

fn default_language() -> String {
    "en-GB".into()
}
fn default_review_warning_days() -> u32 {
    90
}
fn default_review_period_months() -> u32 {
    12
}
fn default_quick_exit_url() -> String {
    "https://www.bbc.co.uk/weather".into()
}

/// Look and feel a partnership can change without writing templates.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeConfig {
    /// Header and link accent colour as `#rrggbb`; must reach 4.5:1 contrast on white.
    pub brand_colour: Option<String>,
    /// A logo in the site's `theme/` folder, such as `images/logo.svg`.
    pub logo: Option<String>,
}

/// Offline use of the served site: the web app manifest, the service worker and what it keeps
/// on a reader's device from the first visit.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OfflineConfig {
    /// `false` writes no service worker, web app manifest, icons or offline page.
    #[serde(default = "default_true")]
    pub enabled: bool,
    /// The app's name when installed; defaults to the site title.
    #[serde(default)]
    pub name: Option<String>,
    /// The name under the icon on a phone's home screen (about 12 letters show); defaults to `name`.
    #[serde(default)]
    pub short_name: Option<String>,
    /// A square SVG or PNG in the site's `theme/` folder for the app icon; by default one is
    /// drawn from the partnership's initials on the brand colour.
    #[serde(default)]
    pub icon: Option<String>,
    /// Sections (`definitions/`), pages (`strategy/vision.md`) and files under `content/` saved
    /// at the first visit, on top of the core every site keeps (theme, home, section pages,
    /// search). Unset: `definitions/` and `toolkit/`, where the site has them.
    #[serde(default)]
    pub precache: Option<Vec<String>>,
    /// A build warns when what is saved at the first visit is bigger than this many megabytes.
    #[serde(default = "default_precache_limit_mb")]
    pub precache_limit_mb: f64,
}

impl Default for OfflineConfig {
    fn default() -> Self {
        OfflineConfig {
            enabled: true,
            name: None,
            short_name: None,
            icon: None,
            precache: None,
            precache_limit_mb: default_precache_limit_mb(),
        }
    }
}

fn default_true() -> bool {
    true
}
/// The sections saved at the first visit when `offline.precache` is not set.
pub(crate) const DEFAULT_PRECACHE: [&str; 2] = ["definitions/", "toolkit/"];
fn default_precache_limit_mb() -> f64 {
    5.0
}

/// A printable pack: chosen sections and pages bundled as one document.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PackConfig {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Sections (`strategy/`) and pages (`toolkit/chronology.md`) in the order they appear.
    pub include: Vec<String>,
    /// The pack's own version label; defaults to the highest version of its documents.
    #[serde(default)]
    pub version: Option<String>,
    /// The settings file that defines the pack, for messages: `waymark.toml`, or the base's.
    #[serde(skip)]
    pub defined_in: Option<std::path::PathBuf>,
}

impl PackConfig {
    /// The settings file that defines the pack, as messages name it.
    pub fn settings_file(&self) -> &Path {
        self.defined_in.as_deref().unwrap_or(Path::new(CONFIG_FILE))
    }
}

/// Settings for `waymark check`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    /// Rule id to level: "off", "warn" or "error".
    #[serde(default)]
    pub rules: BTreeMap<String, RuleLevel>,
    /// Abbreviations that need no definition on this site (added to the built-in few, such as UK).
    #[serde(default)]
    pub allowed_abbreviations: Vec<String>,
    /// Sentences longer than this many words are flagged (default 25).
    #[serde(default)]
    pub max_sentence_words: Option<usize>,
    /// Pages above this Flesch-Kincaid grade are flagged (default 12).
    #[serde(default)]
    pub max_reading_grade: Option<f64>,
}

/// How a check rule is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Warn,
    Error,
}

impl SiteConfig {
    /// Reads `waymark.toml` from a site folder.
    pub fn load(site_dir: &Path) -> Result<SiteConfig, Diagnostic> {
        let path = site_dir.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            let d = Diagnostic::io(&path, "read the site settings", &e);
            if e.kind() == std::io::ErrorKind::NotFound {
                d.with_hint(format!(
                    "is {} a waymark site? A site folder has a {CONFIG_FILE} file and a content/ folder; \
                     `waymark init DIR` makes one",
                    site_dir.display()
                ))
            } else {
                d
            }
        })?;
        Self::parse(&text).map_err(|(position, message, hint)| {
            Diagnostic::error("config", CONFIG_FILE, position, message).with_hint(hint)
        })
    }

    /// Parses settings text; errors carry a position, a message and a hint.
    pub fn parse(text: &str) -> Result<SiteConfig, (Position, String, String)> {
        let config: SiteConfig = toml::from_str(text).map_err(|e| {
            let lines = LineIndex::new(text);
            let position = e
                .span()
                .map_or(Position::new(1, 1), |s| lines.position(text, s.start));
            let message = e.message().lines().next().unwrap_or("").to_string();
            let hint = unknown_field_hint(&message).unwrap_or_else(|| {
                "see the README's \"Site settings\" section for every key".into()
            });
            (position, format!("invalid site settings: {message}"), hint)
        })?;
        if key_position(text, &["title"]).is_none() && config.base.is_none() {
            return Err((
                Position::FILE,
                "the site has no title".into(),
                "write the name readers see in every page's header, such as title = \"Neglect guidance\"".into(),
            ));
        }
        config.validate(text)?;
        config.offline.validate(text)?;
        config.validate_addresses(text)?;
        Ok(config)
    }

    /// Settings that become links on every page: web addresses, and schemes that cannot run code.
    fn validate_addresses(&self, text: &str) -> Result<(), (Position, String, String)> {
        let at = |path: &[&str]| key_position(text, path).unwrap_or(Position::FILE);
        if !crate::link_safety::is_web_address(&self.quick_exit_url) {
            return Err((
                at(&["quick_exit_url"]),
                format!("quick_exit_url `{}` is not a web address", self.quick_exit_url),
                "\"Exit this page\" must lead to a neutral website: write its full address, such as \"https://www.bbc.co.uk/weather\"".into(),
            ));
        }
        if let Some(base) = &self.base_url
            && !crate::link_safety::is_web_address(base)
        {
            return Err((
                at(&["base_url"]),
                format!("base_url `{base}` is not a web address"),
                "write the full address the site is published at, such as \"https://guidance.example.org/neglect/\"".into(),
            ));
        }
        for scheme in &self.links.allowed_schemes {
            if let Err(message) = crate::link_safety::check_allowed_scheme(scheme) {
                return Err((
                    at(&["links", "allowed_schemes"]),
                    format!("links.allowed_schemes: {message}"),
                    "list only schemes readers need besides https, mailto and tel, such as allowed_schemes = [\"ftp\"]".into(),
                ));
            }
        }
        Ok(())
    }

    fn validate(&self, text: &str) -> Result<(), (Position, String, String)> {
        if self.title.trim().is_empty() && key_position(text, &["title"]).is_some() {
            return Err((
                key_position(text, &["title"]).unwrap_or(Position::FILE),
                "the site's title is empty".into(),
                "write the name readers see in every page's header, such as title = \"Neglect guidance\"".into(),
            ));
        }
        if let Some(pack) = self.packs.iter().find(|p| p.title.trim().is_empty()) {
            return Err((
                Position::FILE,
                format!("pack `{}` has an empty title", pack.slug),
                "give the pack the title printed on its cover, such as title = \"Neglect strategy\"".into(),
            ));
        }
        if let Some(colour) = &self.theme.brand_colour {
            let Some(rgb) = parse_hex_colour(colour) else {
                return Err((
                    Position::FILE,
                    format!("theme.brand_colour `{colour}` is not a colour"),
                    "write it as # and six hex digits, such as #1d70b8".into(),
                ));
            };
            let ratio = contrast_ratio(rgb, (255, 255, 255));
            if ratio < 4.5 {
                return Err((
                    Position::FILE,
                    format!("theme.brand_colour `{colour}` has contrast {ratio:.2}:1 on white"),
                    "text and links need at least 4.5:1 to meet WCAG 2.2 AA: choose a darker colour".into(),
                ));
            }
        }
        if !self.hide.is_empty() && self.base.is_none() {
            return Err((
                key_position(text, &["hide"]).unwrap_or(Position::FILE),
                "hide leaves out pages of a base, but this site has no base".into(),
                "name the site this one is built on, such as base = \"../regional\", or remove hide".into(),
            ));
        }
        let mut slugs = std::collections::BTreeSet::new();
        for pack in &self.packs {
            if !slugs.insert(pack.slug.as_str()) {
                return Err((
                    Position::FILE,
                    format!("two packs have the slug `{}`", pack.slug),
                    "each [[packs]] entry needs its own slug".into(),
                ));
            }
            if pack.slug.is_empty()
                || !pack
                    .slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                return Err((
                    Position::FILE,
                    format!("pack slug `{}` is not a simple name", pack.slug),
                    "use lowercase letters, digits and hyphens, such as neglect-strategy".into(),
                ));
            }
        }
        Ok(())
    }

    /// The partnership name, falling back to the site title.
    pub fn partnership_name(&self) -> &str {
        self.partnership.as_deref().unwrap_or(&self.title)
    }

    /// `base_url` with exactly one trailing slash, if set.
    pub fn base_url(&self) -> Option<String> {
        self.base_url
            .as_deref()
            .map(|u| format!("{}/", u.trim_end_matches('/')))
    }
}

impl OfflineConfig {
    /// Checks the values that parse but cannot work, at the line of their key in `text`.
    fn validate(&self, text: &str) -> Result<(), (Position, String, String)> {
        let at = |key: &str| key_position(text, &["offline", key]).unwrap_or(Position::FILE);
        if !(self.precache_limit_mb.is_finite() && self.precache_limit_mb > 0.0) {
            return Err((
                at("precache_limit_mb"),
                format!(
                    "offline.precache_limit_mb is {}, not a size in megabytes",
                    self.precache_limit_mb
                ),
                "write a number above 0, such as 5".into(),
            ));
        }
        for (key, value) in [("name", &self.name), ("short_name", &self.short_name)] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                return Err((
                    at(key),
                    format!("offline.{key} is empty"),
                    "give the app a name, or leave the key out to use the site title".into(),
                ));
            }
        }
        if let Some(icon) = &self.icon {
            let lower = icon.to_ascii_lowercase();
            if !(lower.ends_with(".svg") || lower.ends_with(".png")) {
                return Err((
                    at("icon"),
                    format!("offline.icon `{icon}` is not an SVG or PNG file"),
                    "name a square .svg or .png file in the site's theme/ folder, such as images/icon.svg".into(),
                ));
            }
        }
        let entries = self.precache.as_deref().unwrap_or_default();
        if let Some(blank) = entries.iter().find(|e| e.trim().is_empty()) {
            return Err((
                entry_position(text, &["offline", "precache"], blank).unwrap_or(at("precache")),
                "offline.precache has an empty entry".into(),
                "name a section as `definitions/` or a page as `strategy/vision.md`".into(),
            ));
        }
        Ok(())
    }
}

/// The line and column of the array entry `value` under the key at `path` (`["offline",
/// "precache"]`), for messages about one entry of a list.
pub(crate) fn entry_position(text: &str, path: &[&str], value: &str) -> Option<Position> {
    let root = toml::de::DeTable::parse(text).ok()?;
    let mut table = root.get_ref();
    let (last, parents) = path.split_last()?;
    for name in parents {
        let (_, v) = table.iter().find(|(k, _)| k.get_ref().as_ref() == *name)?;
        match v.get_ref() {
            toml::de::DeValue::Table(t) => table = t,
            _ => return None,
        }
    }
    let (_, list) = table.iter().find(|(k, _)| k.get_ref().as_ref() == *last)?;
    let toml::de::DeValue::Array(items) = list.get_ref() else {
        return None;
    };
    let item = items.iter().find(
        |item| matches!(item.get_ref(), toml::de::DeValue::String(s) if s.as_ref() == value),
    )?;
    Some(LineIndex::new(text).position(text, item.span().start))
}

/// Turns serde's "unknown field `x`, expected one of `a`, `b`" into "did you mean `a`?".
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (name, expected) = rest.split_once('`')?;
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    Some(match suggest(name, known.iter().copied()) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("known keys here are: {}", known.join(", ")),
    })
}

/// The line and column of a key in settings text, by its path of tables (`["check", "rules",
/// "x"]`), for messages about a value that parsed but is not allowed.
pub(crate) fn key_position(text: &str, path: &[&str]) -> Option<Position> {
    let root = toml::de::DeTable::parse(text).ok()?;
    let mut table = root.get_ref();
    let mut span = None;
    for (i, name) in path.iter().enumerate() {
        let (key, value) = table.iter().find(|(k, _)| k.get_ref().as_ref() == *name)?;
        span = Some(key.span());
        if i + 1 < path.len() {
            match value.get_ref() {
                toml::de::DeValue::Table(t) => table = t,
                _ => return None,
            }
        }
    }
    let lines = LineIndex::new(text);
    span.map(|s| lines.position(text, s.start))
}

/// `#rrggbb` to its three channels.
pub(crate) fn parse_hex_colour(text: &str) -> Option<(u8, u8, u8)> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

/// The WCAG 2 contrast ratio of two sRGB colours.
pub(crate) fn contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_fill_everything_but_the_title() {
        let c = SiteConfig::parse("title = \"Guidance\"").unwrap();
        assert_eq!(c.language, "en-GB");
        assert_eq!(c.review_warning_days, 90);
        assert_eq!(c.partnership_name(), "Guidance");
    }

    #[test]
    fn unknown_keys_suggest_the_nearest() {
        let (pos, message, hint) =
            SiteConfig::parse("title = \"G\"\nreview_warning_dayz = 3\n").unwrap_err();
        assert_eq!(pos.line, 2);
        assert!(message.contains("review_warning_dayz"));
        assert_eq!(hint, "did you mean `review_warning_days`?");
    }

    #[test]
    fn a_low_contrast_brand_colour_is_refused() {
        let err =
            SiteConfig::parse("title = \"G\"\n[theme]\nbrand_colour = \"#ffdd00\"\n").unwrap_err();
        assert!(err.1.contains("contrast"));
        assert!(SiteConfig::parse("title = \"G\"\n[theme]\nbrand_colour = \"#1d70b8\"\n").is_ok());
    }

    #[test]
    fn addresses_in_settings_are_web_addresses_and_schemes_cannot_run_code() {
        let err = SiteConfig::parse("title = \"G\"\nquick_exit_url = \"javascript:alert(1)\"\n")
            .unwrap_err();
        assert_eq!(err.0.line, 2);
        assert!(err.1.contains("not a web address"), "{err:?}");
        let err =
            SiteConfig::parse("title = \"G\"\nbase_url = \"data:text/html,x\"\n").unwrap_err();
        assert!(err.1.contains("base_url"), "{err:?}");
        let err = SiteConfig::parse(
            "title = \"G\"\n\n[links]\nallowed_schemes = [\"ftp\", \"JavaScript\"]\n",
        )
        .unwrap_err();
        assert_eq!(err.0.line, 4);
        assert!(err.1.contains("can never be allowed"), "{err:?}");
        let c = SiteConfig::parse("title = \"G\"\n[links]\nallowed_schemes = [\"ftp\"]\n").unwrap();
        assert_eq!(c.links.allowed_schemes, ["ftp"]);
    }

    #[test]
    fn empty_site_and_pack_titles_are_refused() {
        assert!(
            SiteConfig::parse("title = \" \"")
                .unwrap_err()
                .1
                .contains("title is empty")
        );
        let err = SiteConfig::parse(
            "title = \"G\"\n[[packs]]\nslug = \"p\"\ntitle = \"\"\ninclude = [\"a/\"]\n",
        )
        .unwrap_err();
        assert!(err.1.contains("pack `p` has an empty title"), "{err:?}");
    }

    #[test]
    fn contrast_ratio_matches_wcag_examples() {
        assert!((contrast_ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
        assert!((contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255)) - 4.54).abs() < 0.01);
    }

    #[test]
    fn key_positions_follow_table_paths() {
        let text = "title = \"G\"\n\n[check.rules]\nunexplained-abbreviation = \"off\"\n";
        assert_eq!(
            key_position(text, &["check", "rules", "unexplained-abbreviation"]),
            Some(Position::new(4, 1))
        );
        assert_eq!(key_position(text, &["check", "nothing"]), None);
    }

    #[test]
    fn offline_use_is_on_by_default_and_saves_definitions_and_toolkit() {
        let c = SiteConfig::parse("title = \"G\"").unwrap();
        assert!(c.offline.enabled);
        assert_eq!(
            c.offline.precache, None,
            "definitions and toolkit, where the site has them"
        );
        assert_eq!(c.offline.precache_limit_mb, 5.0);
        let off = SiteConfig::parse("title = \"G\"\n[offline]\nenabled = false\n").unwrap();
        assert!(!off.offline.enabled);
    }

    #[test]
    fn offline_settings_that_cannot_work_are_refused_at_their_line() {
        let refuse = |settings: &str| {
            SiteConfig::parse(&format!("title = \"G\"\n\n[offline]\n{settings}")).unwrap_err()
        };
        let (pos, message, _) = refuse("name = \"A\"\nprecache_limit_mb = 0\n");
        assert_eq!((pos.line, pos.column), (5, 1));
        assert!(message.contains("precache_limit_mb"), "{message}");
        let (pos, message, hint) = refuse("icon = \"images/icon.gif\"\n");
        assert_eq!(pos.line, 4);
        assert!(message.contains("not an SVG or PNG"), "{message}");
        assert!(hint.contains("theme/"), "{hint}");
        let (pos, message, _) = refuse("precache = [\n  \"toolkit/\",\n  \" \",\n]\n");
        assert_eq!((pos.line, pos.column), (6, 3));
        assert!(message.contains("empty entry"), "{message}");
        let (pos, message, hint) = refuse("short_name = \"\"\n");
        assert_eq!(pos.line, 4);
        assert!(message.contains("short_name"), "{message}");
        assert!(hint.contains("site title"), "{hint}");
        let (pos, _, hint) = refuse("precache_limit = 3\n");
        assert_eq!(pos.line, 4);
        assert_eq!(hint, "did you mean `precache_limit_mb`?");
    }

    #[test]
    fn base_url_gets_one_trailing_slash() {
        let c = SiteConfig::parse("title = \"G\"\nbase_url = \"https://a.example/x//\"").unwrap();
        assert_eq!(c.base_url().as_deref(), Some("https://a.example/x/"));
    }
}
