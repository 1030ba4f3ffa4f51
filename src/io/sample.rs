//! The sample article and its annotated session, built into the binary: a newcomer's first
//! launch shows what newsmark does, and an installed newsmark never reads its build checkout.

use std::path::{Path, PathBuf};

use crate::io::document::{Document, OpenError};
use crate::io::session_file;

/// The sample article's file name.
pub const ARTICLE_NAME: &str = "nato_russia_2022-01-07.txt";
/// The sample article (a NATO press statement on Russia).
pub const ARTICLE: &str = include_str!("../../assets/nato_russia_2022-01-07.txt");
/// Its annotated session: speakers with aliases, quotes with cues, claims with verdicts.
pub const SESSION: &str = include_str!("../../saves/nato_russia_2022-01-07.ron");

/// Writes the sample article into `dir` (unless an identical copy is there) and opens the
/// annotated session on it. The session has no file yet: saving it asks where.
pub fn open_annotated(dir: &Path) -> Result<Document, OpenError> {
    let article = write_article(dir)?;
    let session = session_file::parse(SESSION, Path::new("the built-in sample session"))?;
    Document::with_article(session, &article, None)
}

/// The sample article in `dir`, written there if missing or different.
pub fn write_article(dir: &Path) -> Result<PathBuf, OpenError> {
    let path = dir.join(ARTICLE_NAME);
    if std::fs::read(&path).ok().as_deref() != Some(ARTICLE.as_bytes()) {
        let unwritable = |reason: String| OpenError::SampleUnwritable {
            path: path.clone(),
            reason,
        };
        std::fs::create_dir_all(dir).map_err(|e| unwritable(crate::io::disk::describe(&e)))?;
        crate::io::disk::write_atomically(&path, ARTICLE.as_bytes())
            .map_err(|e| unwritable(e.to_string()))?;
    }
    Ok(path)
}
