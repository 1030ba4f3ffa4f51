//! Files of learning: the sessions a model learns from, and the model file.
//!
//! A project's model lives in `PROJECT/.newsmark/attribution.model`; the window uses it when
//! it is there. Sessions are found in files and folders given, recursively (hidden folders
//! such as `.newsmark` included, hidden files such as `.project.ron` left out).

use std::path::{Path, PathBuf};

use crate::io::document::Document;
use crate::io::{disk, project};
use crate::model::annotation::KindTag;
use crate::model::learn::{Example, Model, format};

/// The model file's name inside a project's `.newsmark` folder.
pub const MODEL_FILE: &str = "attribution.model";

/// Where the project at `dir` keeps its model.
pub fn project_model(dir: &Path) -> PathBuf {
    dir.join(project::SESSIONS).join(MODEL_FILE)
}

/// The session files (`*.ron`) among `paths`, folders searched recursively, sorted.
pub fn session_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            if !p.exists() {
                return Err(format!("{}: no such file or folder", p.display()));
            }
            out.push(p.clone());
            continue;
        }
        let mut stack = vec![p.clone()];
        while let Some(d) = stack.pop() {
            let entries = std::fs::read_dir(&d)
                .map_err(|e| format!("{}: {}", d.display(), disk::describe(&e)))?;
            for entry in entries.flatten() {
                let path = entry.path();
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    stack.push(path);
                } else if !hidden
                    && path
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
                {
                    out.push(path);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// The examples read from session files, and what was left out.
#[derive(Debug, Default)]
pub struct Loaded {
    /// One per session with at least one quote.
    pub examples: Vec<Example>,
    /// Sessions without quotes (nothing to learn from).
    pub without_quotes: usize,
    /// Files that could not be read, each with why.
    pub failed: Vec<String>,
}

/// Reads every session of `files` with its article; `progress(done, total)` after each.
pub fn load_examples(files: &[PathBuf], progress: &mut dyn FnMut(usize, usize)) -> Loaded {
    let mut out = Loaded::default();
    for (n, f) in files.iter().enumerate() {
        match Document::open_session(f) {
            Ok(doc) if doc.session.count(KindTag::Quote) == 0 => out.without_quotes += 1,
            Ok(doc) => {
                let anchored = doc.anchored_only();
                out.examples.push(Example::from_session(
                    &anchored.session,
                    anchored.text.as_str(),
                ));
            }
            Err(e) => out.failed.push(format!("{}: {e}", f.display())),
        }
        progress(n + 1, files.len());
    }
    out
}

/// Writes `model` to `path` atomically.
pub fn save_model(model: &Model, path: &Path) -> Result<(), String> {
    disk::write_atomically(path, &format::encode(model))
        .map_err(|e| format!("cannot write the model {}: {e}", path.display()))
}

/// Reads the model at `path`; the error names the file and the cause.
pub fn load_model(path: &Path) -> Result<Model, String> {
    let bytes = disk::read_regular(path, disk::MAX_DATA_BYTES, "model")
        .map_err(|e| format!("{}: {e}", path.display()))?;
    format::decode(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}
