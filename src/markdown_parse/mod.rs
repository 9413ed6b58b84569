//! Markdown read into events: the one parser set-up, the event list with each event's place in
//! the source, the limit on nesting, and heading ids. It sits below the site model so that both
//! the model (which splices a local site's sections into a base page by heading) and the
//! Markdown passes (`crate::markdown`) read a body the same way.

pub(crate) mod depth;
pub(crate) mod events;
pub(crate) mod heading_ids;
