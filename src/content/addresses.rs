//! Addresses in front matter: a signposting page's `url` and an event's `booking_url` become
//! links in pages, print pages and PDFs, so they follow the same rule as links in the text (see
//! [`crate::link_safety`]).

use super::Page;
use crate::diagnostics::Diagnostic;

/// Every page whose `url` or `booking_url` uses a scheme waymark does not write, as errors at
/// the value.
pub(super) fn unsafe_urls(pages: &[Page], allowed: &[String]) -> Vec<Diagnostic> {
    pages
        .iter()
        .flat_map(|page| {
            [
                ("url", page.front.url.as_deref()),
                ("booking_url", page.front.booking_url.as_deref()),
            ]
            .into_iter()
            .filter_map(move |(key, url)| {
                let url = url?;
                let scheme = crate::link_safety::refused_scheme(url, allowed)?;
                let (message, hint) = crate::link_safety::refusal(key, url, &scheme);
                Some(
                    Diagnostic::error(
                        "unsafe-link",
                        &page.file,
                        page.value_position(key, None),
                        message,
                    )
                    .with_hint(hint),
                )
            })
        })
        .collect()
}
