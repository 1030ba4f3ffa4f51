//! The open document: a session together with its decoded article text and file locations.

use std::path::{Path, PathBuf};

use crate::io::article::{self, ArticleError};
use crate::io::session_file::{self, LoadError, SaveError};
use crate::model::session::Session;
use crate::model::text::ArticleText;

/// Why a document could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The article file is unreadable or not text.
    #[error(transparent)]
    Article(#[from] ArticleError),
    /// The session file is unreadable or invalid.
    #[error(transparent)]
    Session(#[from] LoadError),
    /// The session is fine but its article is not where it says.
    #[error("the article of session {session} was not found at {article}: locate it to continue")]
    ArticleMissing {
        /// The session file.
        session: PathBuf,
        /// Where the article was expected.
        article: PathBuf,
    },
}

/// A session with its article text, as open in the window or the CLI.
#[derive(Debug, Clone)]
pub struct Document {
    /// The annotations and speakers; `article.path` is usable from the current directory.
    pub session: Session,
    /// The normalized article text all offsets refer to.
    pub text: ArticleText,
    /// Where the session was loaded from or last saved to.
    pub session_path: Option<PathBuf>,
    /// Things the user should know about how the files were read.
    pub notices: Vec<String>,
}

impl Document {
    /// Opens a session (`.ron`) or an article (anything else).
    pub fn open(path: &Path) -> Result<Self, OpenError> {
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        {
            Self::open_session(path)
        } else {
            Ok(Self::open_article(path)?)
        }
    }

    /// A fresh, empty session on an article file.
    pub fn open_article(path: &Path) -> Result<Self, ArticleError> {
        let loaded = article::load(path)?;
        Ok(Self {
            notices: loaded.decoded.notice().into_iter().collect(),
            session: Session::new(loaded.reference),
            text: loaded.decoded.text,
            session_path: None,
        })
    }

    /// Loads a session file and the article it refers to.
    pub fn open_session(path: &Path) -> Result<Self, OpenError> {
        let session = session_file::load(path)?;
        let article_path = PathBuf::from(&session.article.path);
        if !article_path.is_file() {
            return Err(OpenError::ArticleMissing {
                session: path.to_owned(),
                article: article_path,
            });
        }
        Self::with_article(session, &article_path, Some(path.to_owned()))
    }

    /// Joins a loaded session with the article at `article_path` (also one the user located).
    pub fn with_article(
        mut session: Session,
        article_path: &Path,
        session_path: Option<PathBuf>,
    ) -> Result<Self, OpenError> {
        let loaded = article::load(article_path)?;
        let mut notices: Vec<String> = loaded.decoded.notice().into_iter().collect();
        let text = loaded.decoded.text;
        if loaded.reference.sha256 != session.article.sha256 {
            notices.push("the article changed since this session was saved".to_owned());
        }
        let stale = session
            .annotations
            .iter()
            .filter(|a| text.slice(a.start..a.end) != a.exact)
            .count();
        if stale > 0 {
            notices.push(format!(
                "{stale} annotation(s) no longer match the article text: review them"
            ));
        }
        session.article = loaded.reference;
        Ok(Self {
            session,
            text,
            session_path,
            notices,
        })
    }

    /// Where Save puts a session that was never saved: `DIR/<article file stem>.ron`.
    pub fn default_save_path(&self, dir: &Path) -> PathBuf {
        let stem = Path::new(&self.session.article.path)
            .file_stem()
            .map_or_else(|| "session".into(), |s| s.to_string_lossy().into_owned());
        dir.join(format!("{stem}.ron"))
    }

    /// Saves the session to `path` and remembers it as the document's file.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| SaveError {
                path: path.to_owned(),
                source,
            })?;
        }
        session_file::save(&self.session, path)?;
        self.session_path = Some(path.to_owned());
        Ok(())
    }

    /// File name shown in the title bar and status bar.
    pub fn display_name(&self) -> String {
        let p = self
            .session_path
            .as_deref()
            .unwrap_or(Path::new(&self.session.article.path));
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}
