//! Small helpers every layer shares: HTML escaping and relative URLs.

pub mod html;
pub mod url;
