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
