//! The model and the file formats, through the library.
//! One test binary for what used to be one per file (now `tests/model/*.rs`), so the suite
//! links the app three times instead of once per file.

#[path = "../rng/mod.rs"]
mod rng;

mod anchor;
mod exports;
mod format_messages;
mod formats;
mod ids;
mod learn;
mod session_format;
mod session_mutations;
mod session_robustness;
mod shared_cues;
mod suggest;
mod w3c_import;
mod w3c_interop;
