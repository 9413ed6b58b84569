//! Small helpers every layer shares: HTML escaping, relative URLs, slugs and step timings.

pub(crate) mod html;
pub(crate) mod slug;
pub(crate) mod timings;
pub(crate) mod url;
