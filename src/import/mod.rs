//! `waymark import`: a Word document becomes pages of a waymark site.

pub mod error;
pub mod model;
pub mod package;
pub mod parse;
