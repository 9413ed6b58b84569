//! `manifest.webmanifest`: what a phone needs to add the site to its home screen as an app.

use serde::Serialize;

use super::icons::IconFile;
use crate::content::Site;

/// The brand colour when the site sets none (the stylesheet's default).
pub(crate) const DEFAULT_BRAND_COLOUR: &str = "#1d70b8";

#[derive(Serialize)]
struct WebManifest<'a> {
    name: &'a str,
    short_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    lang: &'a str,
    // Addresses are relative to the manifest, which sits at the top of the site, so the app
    // works from a sub-path too.
    id: &'static str,
    start_url: &'static str,
    scope: &'static str,
    display: &'static str,
    background_color: &'static str,
    theme_color: &'a str,
    icons: Vec<ManifestIcon>,
}

#[derive(Serialize)]
struct ManifestIcon {
    src: String,
    sizes: String,
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
}

/// The manifest's JSON text for `site`, listing `icons` (in the icons folder).
pub(crate) fn text(site: &Site, icons: &[IconFile]) -> String {
    let offline = &site.config.offline;
    let name = offline.name.as_deref().unwrap_or(&site.config.title);
    let mut listed = Vec::new();
    // Browsers pick by size; the home-screen sizes only (the iOS one is linked from pages).
    for icon in icons.iter().filter(|i| !i.name.starts_with("apple")) {
        let purposes: &[&'static str] = if icon.maskable {
            &["any", "maskable"]
        } else {
            &["any"]
        };
        for &purpose in purposes {
            listed.push(ManifestIcon {
                src: format!("{}{}", super::ICONS_FOLDER, icon.name),
                sizes: format!("{0}x{0}", icon.size),
                kind: "image/png",
                purpose,
            });
        }
    }
    let manifest = WebManifest {
        name,
        short_name: offline.short_name.as_deref().unwrap_or(name),
        description: site.config.description.as_deref(),
        lang: &site.config.language,
        id: "./",
        start_url: "./index.html",
        scope: "./",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: site
            .config
            .theme
            .brand_colour
            .as_deref()
            .unwrap_or(DEFAULT_BRAND_COLOUR),
        icons: listed,
    };
    let mut json = serde_json::to_string_pretty(&manifest).expect("a manifest serialises");
    json.push('\n');
    json
}
