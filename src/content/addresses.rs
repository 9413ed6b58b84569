//! Addresses in front matter: a signposting page's `url` becomes a link in its print page and
//! its PDF, so it follows the same rule as links in the text (see [`crate::link_safety`]).

use super::Page;
use crate::diagnostics::Diagnostic;

/// Every page whose `url` uses a scheme waymark does not write, as errors at the value.
pub(super) fn unsafe_urls(pages: &[Page], allowed: &[String]) -> Vec<Diagnostic> {
    pages
        .iter()
        .filter_map(|page| {
            let url = page.front.url.as_deref()?;
            let scheme = crate::link_safety::refused_scheme(url, allowed)?;
            let (message, hint) = crate::link_safety::refusal("url", url, &scheme);
            Some(
                Diagnostic::error(
                    "unsafe-link",
                    &page.file,
                    page.value_position("url", None),
                    message,
                )
                .with_hint(hint),
            )
        })
        .collect()
}
