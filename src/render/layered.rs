//! What a page of a site built on a base shows of its two parts: the local part's document
//! control beside the regional one, a history that says whose each change was, and, on a local
//! page that replaces a regional one, which regional page that is.

use jiff::civil::Date;
use serde::Serialize;

use super::context::{ChangeView, ControlView};
use crate::content::{DocControl, Page};

/// The regional page a local page replaces.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReplacedView {
    pub title: String,
    pub owner: Option<String>,
    pub version: Option<String>,
}

/// The document control of the local part of a page a local site adds to.
pub(crate) fn local_control(page: &Page, today: Date, warning_days: u32) -> Option<ControlView> {
    let addition = page.overlay.as_ref()?.addition.as_ref()?;
    let control = DocControl::of_front(&addition.front);
    control
        .is_present()
        .then(|| ControlView::of(&control, today, warning_days))
}

/// The page's history, newest first; on a page a local site adds to, both parts' changes, each
/// marked "Regional" or "Local".
pub(crate) fn history(page: &Page) -> Vec<ChangeView> {
    let Some(addition) = page.overlay.as_ref().and_then(|o| o.addition.as_ref()) else {
        return ChangeView::history(&page.front.changes);
    };
    let mut changes: Vec<ChangeView> = ChangeView::history(&page.front.changes)
        .into_iter()
        .map(|c| ChangeView {
            part: Some("Regional"),
            ..c
        })
        .chain(
            ChangeView::history(&addition.front.changes)
                .into_iter()
                .map(|c| ChangeView {
                    part: Some("Local"),
                    ..c
                }),
        )
        .collect();
    changes.sort_by(|a, b| b.date.iso.cmp(&a.date.iso));
    changes
}

/// The regional page that `page` replaces, if it is a local replacement.
pub(crate) fn replaces(page: &Page) -> Option<ReplacedView> {
    let overlay = page.overlay.as_ref()?;
    if overlay.addition.is_some() {
        return None;
    }
    Some(ReplacedView {
        title: overlay.base.front.title.clone(),
        owner: overlay.base.front.owner.clone(),
        version: overlay.base.front.version.clone(),
    })
}
