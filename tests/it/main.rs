//! The whole-site tests, as one test binary: each module builds fixture sites (or the demo site)
//! with the real `waymark` binary and reads what it wrote. One binary links the library once,
//! where a binary per file linked it once each.
//!
//! `cargo test --test it` runs them all; `cargo test --test it hostile::` runs one module.

mod common;
mod docx;

mod build_site;
mod check;
mod demo_site;
mod glossary;
mod hostile;
mod import;
mod kinds;
mod layers;
mod offline;
mod packs;
mod regional;
mod review;
mod serve;
