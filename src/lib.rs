//! waymark: turns a folder of Markdown safeguarding guidance into an accessible static website
//! and printable packs, and keeps the guidance current with document control and review dates.
//!
//! The pipeline, and the module that owns each step:
//! [`config`] and [`content`] load the site into a model; [`glossary`] gathers its definitions;
//! [`markdown`] turns each page body into HTML, linking the terms it mentions; [`render`] puts it
//! in templates; [`output`] writes it safely; [`build`] runs the lot, and [`check`] all of it but
//! the writing, plus content rules.
//! [`review`] works out review status. [`scaffold`] starts new pages and sites, and [`import`]
//! turns a Word document into pages.
//! [`diagnostics`] is the one error type every step reports in.

#![warn(unreachable_pub)]

pub mod build;
pub mod check;
pub(crate) mod config;
pub mod content;
pub mod diagnostics;
pub mod downloads;
pub mod glossary;
pub mod import;
pub mod link_safety;
pub mod markdown;
pub(crate) mod markdown_parse;
pub(crate) mod offline;
pub(crate) mod output;
pub mod packs;
pub(crate) mod render;
pub mod review;
pub mod scaffold;
pub mod search;
pub mod serve;
pub(crate) mod util;
