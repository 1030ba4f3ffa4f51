//! Running an export or import over every file of a folder, and its summary.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Outcome;

/// Runs `one` on every file, printing each error on one line; returns how many were complete,
/// partial and failed.
pub(super) fn for_each(
    files: &[PathBuf],
    mut one: impl FnMut(&Path) -> anyhow::Result<Outcome>,
) -> (usize, usize, usize) {
    let (mut complete, mut partial, mut failed) = (0, 0, 0);
    for f in files {
        match one(f) {
            Ok(Outcome::Complete) => complete += 1,
            Ok(Outcome::Partial) => partial += 1,
            Err(e) => {
                failed += 1;
                eprintln!("newsmark: error: {}", crate::cli::one_line_error(&e));
            }
        }
    }
    (complete, partial, failed)
}

/// 2 when a file failed, 1 when something was left out, else 0.
pub(super) fn summary_code(partial: usize, failed: usize) -> ExitCode {
    match (failed, partial) {
        (0, 0) => ExitCode::SUCCESS,
        (0, _) => ExitCode::from(1),
        _ => ExitCode::from(2),
    }
}

/// The regular files directly in `dir` with one of `extensions`, sorted.
pub(super) fn files_with(dir: &Path, extensions: &[&str]) -> anyhow::Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        anyhow::anyhow!(
            "cannot list {}: {}",
            dir.display(),
            crate::io::disk::describe(&e)
        )
    })?;
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        // Hidden files (a project's state, temporaries of a save) are never inputs.
        .filter(|p| {
            p.is_file()
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .filter(|p| {
            p.extension()
                .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
        })
        .collect();
    out.sort();
    Ok(out)
}
