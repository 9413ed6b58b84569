//! Small helpers every layer shares: HTML escaping, relative URLs, slugs and step timings.

pub mod html;
pub mod slug;
pub mod timings;
pub mod url;
