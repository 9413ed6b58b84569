//! Small helpers every layer shares: HTML escaping, relative URLs, slugs, file sizes, step
//! timings and iCalendar files.

pub(crate) mod file_size;
pub(crate) mod html;
pub(crate) mod ics;
pub(crate) mod slug;
pub(crate) mod timings;
pub(crate) mod url;
