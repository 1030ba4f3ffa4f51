//! Which article an annotation file belongs to, and where its session goes in a project.

use std::path::{Path, PathBuf};

use anyhow::bail;

/// The article of annotation file `stem` in `dir`: `STEM.txt`, or, for corpora that name
/// files `ARTICLE_ANNOTATOR.ann` (PolNeAR), `ARTICLE.txt` — then with the annotator's name.
pub(super) fn article_for(dir: &Path, stem: &str) -> anyhow::Result<(PathBuf, Option<String>)> {
    let exact = dir.join(format!("{stem}.txt"));
    if exact.is_file() {
        return Ok((exact, None));
    }
    if let Some((base, annotator)) = stem.rsplit_once('_') {
        let base = dir.join(format!("{base}.txt"));
        if base.is_file() {
            return Ok((base, Some(annotator.to_owned())));
        }
    }
    bail!("no article {} for {stem}", exact.display())
}

/// `annotator`'s session of `article` in the project `dir`; the article must be inside it
/// (a session of an article outside the project could not be found from the project).
pub(super) fn project_session(
    dir: &Path,
    article: &Path,
    annotator: &str,
) -> anyhow::Result<PathBuf> {
    let inside = std::fs::canonicalize(article)
        .ok()
        .zip(std::fs::canonicalize(dir).ok())
        .is_some_and(|(a, d)| a.starts_with(d));
    if !inside {
        bail!(
            "{} is not inside the project {}: put the articles in the project folder",
            article.display(),
            dir.display()
        );
    }
    Ok(crate::io::project::session_path(dir, annotator, article))
}

/// Why `name` cannot be an annotator's folder: empty or blank, `.` or `..`, a path separator
/// or a control character in it.
pub(super) fn check_annotator(name: &str) -> Result<(), &'static str> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err("is empty or blank");
    }
    if trimmed == "." || trimmed == ".." {
        return Err("is . or .., which name folders, not people");
    }
    if name.contains(['/', '\\']) {
        return Err("contains a path separator (/ or \\)");
    }
    if name.chars().any(char::is_control) {
        return Err("contains a control character");
    }
    Ok(())
}

/// Inputs that would be written to the same session: every one of them refused, with one
/// line per pair naming both files.
pub(super) struct Collisions {
    /// The refused inputs.
    pub refused: Vec<PathBuf>,
    /// "a.ann and b.ann would both be written to X: …", one per later input.
    pub lines: Vec<String>,
}

/// The [`Collisions`] among planned `(input, Ok((article, session)))` pairs; paths are
/// compared after folding `.` and `..` (and case, where the file system ignores it, is not
/// guessed).
pub(super) fn collisions(plans: &[(PathBuf, anyhow::Result<(PathBuf, PathBuf)>)]) -> Collisions {
    let mut first: std::collections::HashMap<PathBuf, &Path> = std::collections::HashMap::new();
    let mut out = Collisions {
        refused: Vec::new(),
        lines: Vec::new(),
    };
    for (ann, plan) in plans {
        let Ok((_, session)) = plan else { continue };
        let key = std::path::absolute(session).unwrap_or_else(|_| session.clone());
        match first.get(&key) {
            Some(earlier) => {
                out.lines.push(format!(
                    "{} and {} would both be written to {}: rename one of them; neither was imported",
                    earlier.display(),
                    ann.display(),
                    session.display()
                ));
                if !out.refused.iter().any(|r| r == earlier) {
                    out.refused.push(earlier.to_path_buf());
                }
                out.refused.push(ann.clone());
            }
            None => {
                first.insert(key, ann);
            }
        }
    }
    out
}
