//! The command line, run as a separate process.
//! One test binary for what used to be one per file (now `tests/cli/*.rs`), so the suite
//! links the app three times instead of once per file.

#[path = "../cli_support/mod.rs"]
mod cli_support;

mod agree;
mod brat_import;
mod cli;
mod extract;
mod hypothesis;
mod messages;
mod outputs;
mod project;
mod reliability;
mod train;
