//! Offline use of the served site: what a reader's phone saves, and the files that make a
//! partnership's site installable and usable without a signal.
//!
//! A build writes, beside the pages:
//! - `manifest.webmanifest` ([`web_manifest`]): the app's name, colours and icons, so the site
//!   can be added to a phone's home screen;
//! - `icons/` ([`icons`]): those icons, drawn at the sizes phones ask for;
//! - `offline.html`: the page shown for a page not saved on the device;
//! - `offline.json` and `sw.js` ([`worker`]): every file of the build with a hash of its bytes,
//!   which of them are saved at the first visit ([`precache`]), and the service worker, whose
//!   version is a hash of that list, so a new build replaces what readers saved and an
//!   unchanged build changes nothing. The list also holds each page's review date
//!   ([`reviews`]), so a copy kept offline past it says it may be out of date.
//!
//! Pages register the service worker only when served over http(s): a site opened from disk
//! (`file://`) works as it always has.

pub(crate) mod icons;
pub(crate) mod precache;
pub(crate) mod reviews;
pub(crate) mod web_manifest;
pub(crate) mod worker;

/// The page the service worker shows for a page that is not saved on the device.
pub(crate) const OFFLINE_PAGE: &str = "offline.html";
/// The web app manifest.
pub(crate) const WEB_MANIFEST: &str = "manifest.webmanifest";
/// Where the app icons go in the output.
pub(crate) const ICONS_FOLDER: &str = "icons/";
/// Every file of the build with its hash, and the precache: read by the service worker.
pub(crate) const FILE_LIST: &str = "offline.json";
/// The service worker, at the top of the site so that it looks after every page.
pub(crate) const SERVICE_WORKER: &str = "sw.js";
/// The service worker's source, inside `theme/` (a site may replace it).
pub(crate) const WORKER_SOURCE: &str = "js/sw.js";
