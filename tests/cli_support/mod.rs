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

/// A temporary folder holding `article.txt` and `in.ann`, and `s.ron` imported from them with
/// `newsmark import -f brat`: the folder (kept while the guard lives), its path and what the
/// import printed, for the caller's own checks.
#[allow(dead_code, reason = "only the CLI test files import a fixture")]
pub fn imported_fixture(
    article: &str,
    ann: &str,
) -> (tempfile::TempDir, std::path::PathBuf, Output) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary folder: {e}"));
    let d = dir.path().to_owned();
    std::fs::write(d.join("article.txt"), article).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(d.join("in.ann"), ann).unwrap_or_else(|e| panic!("{e}"));
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "in.ann",
            "--article",
            "article.txt",
            "-o",
            "s.ron",
        ],
        &d,
    );
    (dir, d, o)
}
