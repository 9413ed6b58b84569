//! Small helpers every layer shares: HTML escaping, relative URLs and step timings.

pub mod html;
pub mod timings;
pub mod url;
