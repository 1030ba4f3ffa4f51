//! Files of learning: the sessions a model learns from, and the model file.
//!
//! A project's model lives in `PROJECT/.newsmark/attribution.model`; the window uses it when
//! it is there. Sessions are found in files and folders given, recursively (hidden folders
//! such as `.newsmark` included, hidden files such as `.project.ron` left out).

use std::path::{Path, PathBuf};

use crate::io::document::Document;
use crate::io::formats::nearest::MentionIndex;
use crate::io::{disk, project};
use crate::model::annotation::{Kind, KindTag};
use crate::model::learn::{Example, Model, format};
use crate::model::session::Session;

/// The model file's name inside a project's `.newsmark` folder.
pub const MODEL_FILE: &str = "attribution.model";

/// The training example of a session over its article text. A quote whose source is implicit
/// (no source mention stored, as brat and W3C imports leave it when the source is the
/// speaker's nearest mention) gets that nearest mention as its source, as the exporters do.
pub fn example_of(session: &Session, text: &str) -> Example {
    let mut ex = Example::from_session(session, text);
    let index = MentionIndex::new(session);
    let quotes = session.annotations.iter().filter_map(|a| match &a.kind {
        Kind::Quote(q) => Some((a, q)),
        _ => None,
    });
    let chars = text.chars().count();
    for (gold, (a, q)) in ex.quotes.iter_mut().zip(quotes) {
        if !gold.source.is_empty() || !q.source_mentions.is_empty() {
            continue;
        }
        let nearest = q.speaker.and_then(|sp| index.nearest(sp, a));
        if let Some(m) = nearest.filter(|m| m.start < m.end && m.end <= chars) {
            gold.source.push(m.span());
        }
    }
    ex
}

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
    /// The session file of each example.
    pub paths: Vec<PathBuf>,
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

/// What an annotator did with one suggestion, kept as training signal.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Verdict {
    /// The article, relative to the project folder (`/` between folders).
    pub article: String,
    /// True when accepted (the session holds what was kept or corrected), false when rejected.
    pub accepted: bool,
    /// The suggestion's first span, in code points.
    pub start: usize,
    /// Its end.
    pub end: usize,
}

/// Where annotator `annotator`'s verdicts on suggestions are kept in the project at `dir`.
pub fn feedback_path(dir: &Path, annotator: &str) -> PathBuf {
    dir.join(project::SESSIONS)
        .join(project::annotator_folder(annotator))
        .join(".feedback.ron")
}

/// The verdicts in a feedback file (none when it is missing or unreadable).
pub fn load_feedback(path: &Path) -> Vec<Verdict> {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| ron::from_str(&t).ok())
        .unwrap_or_default()
}

/// Adds `verdict` to the feedback file at `path` (written atomically).
pub fn record(path: &Path, verdict: Verdict) -> Result<(), String> {
    let mut all = load_feedback(path);
    all.push(verdict);
    let text = ron::ser::to_string_pretty(&all, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| disk::describe(&e))?;
    }
    disk::write_atomically(path, text.as_bytes()).map_err(|e| e.to_string())
}

/// The training data of a project: every session under its `.newsmark` folder (every
/// annotator's, and curated ones) with at least one quote, and the sessions of articles where
/// suggestions were rejected even when nothing was kept (all of it then counts as no quote).
/// Returns the data and the numbers of accepted and rejected suggestions recorded.
pub fn project_examples(
    dir: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(Loaded, usize, usize), String> {
    let root = dir.join(project::SESSIONS);
    let files = session_files(std::slice::from_ref(&root))?;
    let mut verdicts = Vec::new();
    for annotator in project::annotators(dir) {
        verdicts.extend(load_feedback(&feedback_path(dir, &annotator)));
    }
    let accepted = verdicts.iter().filter(|v| v.accepted).count();
    let rejected = verdicts.len() - accepted;
    let mut loaded = load_examples(&files, progress);
    // Sessions without quotes whose articles had suggestions rejected: negative examples.
    let reviewed: std::collections::HashSet<&str> = verdicts
        .iter()
        .filter(|v| !v.accepted)
        .map(|v| v.article.as_str())
        .collect();
    for f in &files {
        let Ok(doc) = Document::open_session(f) else {
            continue;
        };
        let quotes = doc.session.count(KindTag::Quote);
        let article = Path::new(&doc.session.article.path);
        let rel = article
            .canonicalize()
            .ok()
            .zip(dir.canonicalize().ok())
            .and_then(|(a, d)| a.strip_prefix(d).ok().map(Path::to_path_buf));
        let is_reviewed = rel.is_some_and(|r| reviewed.contains(relative_name(&r).as_str()));
        if quotes == 0 && is_reviewed {
            loaded
                .examples
                .push(example_of(&doc.session, doc.text.as_str()));
            loaded.paths.push(f.clone());
            loaded.without_quotes = loaded.without_quotes.saturating_sub(1);
        }
    }
    Ok((loaded, accepted, rejected))
}

/// A relative path with `/` between folders, as feedback files name articles.
pub fn relative_name(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
