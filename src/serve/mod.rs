//! `waymark serve`: build, serve over HTTP, watch the site folder, rebuild and reload browsers.

pub mod http;
pub mod live;
