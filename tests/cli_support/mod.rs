//! Running the built binary from integration tests: one helper for every CLI test file.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `newsmark ARGS` in `dir`.
pub fn newsmark(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("the binary runs: {e}"))
}

/// What it wrote to stderr.
#[allow(dead_code, reason = "not every test file reads stderr")]
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What it wrote to stdout.
#[allow(dead_code, reason = "not every test file reads stdout")]
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
