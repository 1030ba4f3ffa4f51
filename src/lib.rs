//! newsmark: read a news article and annotate it by hand — claims, quotes, speakers —
//! saved as RON sessions.
//!
//! Layers (arrows point down only): `ui` and `cli` → `io` → `model`. `args` is the command
//! line and `version` what this build is, both read by `main`.

pub mod args;
pub mod cli;
pub mod io;
pub mod model;
pub mod ui;
pub mod version;
