//! newsmark: read a news article and annotate it by hand — claims, quotes, speakers —
//! saved as RON sessions.
//!
//! Layers (arrows point down only): `ui` and `cli` → `io` → `model`.

pub mod cli;
pub mod io;
pub mod model;
pub mod ui;
