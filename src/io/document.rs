//! The open document: a session together with its decoded article text and file locations.

use std::path::{Path, PathBuf};

use crate::io::article::{self, ArticleError};
use crate::io::page;
use crate::io::session_file::{self, LoadError, SaveError};
use crate::model::anchor::{self, AnchorReport};
use crate::model::annotation::Annotation;
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
    /// A web page or Markdown file gave no article, or its text could not be written.
    #[error(transparent)]
    Page(#[from] crate::io::page::open::PageOpenError),
    /// The session is fine but its article is not where it says.
    #[error("the article of session {} was not found at {}: locate it to continue", .session.display(), .article.display())]
    ArticleMissing {
        /// The session file.
        session: PathBuf,
        /// Where the article was expected.
        article: PathBuf,
    },
    /// The built-in sample article could not be written where the window keeps it.
    #[error("cannot write the sample article to {}: {reason}", .path.display())]
    SampleUnwritable {
        /// Where it was to be written.
        path: PathBuf,
        /// Why not, in words.
        reason: String,
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
    /// What re-anchoring did when the session was joined with a changed article, if it ran.
    pub anchor_report: Option<AnchorReport>,
}

impl Document {
    /// Opens a session (`.ron`), a web page or Markdown file (its text is extracted once, see
    /// [`Self::open_page`]) or an article (anything else).
    pub fn open(path: &Path) -> Result<Self, OpenError> {
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        {
            Self::open_session(path)
        } else if page::is_page(path) || page::is_markdown(path) {
            Self::open_page(path)
        } else if let Some(page) = path.is_dir().then(|| page::page_of_folder(path)).flatten() {
            Self::open_page(&page)
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
            anchor_report: None,
        })
    }

    /// A fresh session on the text of a web page or Markdown file: the text is written once as
    /// `STORY.txt` beside `STORY.html` (an existing different file is kept and reported), and
    /// the session records the page and prefills the publication details.
    pub fn open_page(path: &Path) -> Result<Self, OpenError> {
        let opened = page::open::open(path)?;
        Ok(Self {
            session: opened.session,
            text: opened.text,
            session_path: None,
            notices: opened.notices,
            anchor_report: None,
        })
    }

    /// Loads a session file and the article it refers to.
    pub fn open_session(path: &Path) -> Result<Self, OpenError> {
        let session = session_file::load(path)?;
        let article_path = PathBuf::from(&session.article.path);
        // Only a missing article is offered to be located; a folder, a device or a symlink
        // loop in its place is reported as what it is when the article is read.
        if std::fs::symlink_metadata(&article_path)
            .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        {
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
        notices.extend(
            session
                .source
                .as_ref()
                .and_then(|s| page::open::changed_page_notice(s, article_path)),
        );
        let text = loaded.decoded.text;
        let changed = loaded.reference.sha256 != session.article.sha256;
        // Offsets from a file are untrusted: re-anchor whenever the article changed or any
        // annotation does not fit the text, so nothing later computes with a bad span.
        let unsure = changed
            || session
                .annotations
                .iter()
                .any(|a| text.slice(a.start..a.end) != a.exact)
            || !anchor::validate(&session.annotations, text.len_chars()).is_empty();
        let anchor_report = unsure.then(|| {
            let mut report = anchor::reanchor(&text, &mut session.annotations);
            report.fact_changes =
                anchor::facts::flag_changed_facts(&text, &report, &mut session.annotations);
            report
        });
        session.annotations.sort_by_key(|a| (a.start, a.end, a.id));
        if let Some(report) = &anchor_report {
            let review = report.to_review().len();
            let mut line = if changed {
                format!(
                    "the article changed since this session was saved; re-anchored: {}",
                    report.summary()
                )
            } else {
                format!("annotations re-anchored: {}", report.summary())
            };
            if review > 0 {
                line.push_str(&format!(" — {review} to review"));
            }
            let fact_changes = &report.fact_changes;
            let reset = fact_changes
                .iter()
                .filter(|f| f.verdict_was.is_some())
                .count();
            if !fact_changes.is_empty() {
                line.push_str(&format!(
                    "; {} matched with changed numbers or names ({reset} verdict(s) reset to \
                     Unchecked)",
                    fact_changes.len()
                ));
            }
            notices.push(line);
        }
        session.article = loaded.reference;
        Ok(Self {
            session,
            text,
            session_path,
            notices,
            anchor_report,
        })
    }

    /// Annotations whose offsets do not hold their `exact` text: orphans and fuzzy matches
    /// nobody has reviewed yet. Exports must not write them as if they were anchored.
    pub fn unanchored(&self) -> Vec<&Annotation> {
        self.session
            .annotations
            .iter()
            .filter(|a| !self.is_anchored(a))
            .collect()
    }

    /// True when the annotation's offsets lie in the text and hold exactly its `exact` text.
    pub fn is_anchored(&self, a: &Annotation) -> bool {
        a.start <= a.end
            && a.end <= self.text.len_chars()
            && self.text.slice(a.start..a.end) == a.exact
    }

    /// A copy of the document without the annotations of [`Self::unanchored`], for exports that
    /// skip them.
    pub fn anchored_only(&self) -> Self {
        let mut doc = self.clone();
        doc.session.annotations.retain(|a| self.is_anchored(a));
        doc
    }

    /// Where Save puts a session that was never saved: `DIR/<article file stem>.ron`.
    pub fn default_save_path(&self, dir: &Path) -> PathBuf {
        let stem = Path::new(&self.session.article.path)
            .file_stem()
            .map_or_else(|| "session".into(), |s| s.to_string_lossy().into_owned());
        dir.join(format!("{stem}.ron"))
    }

    /// The session file `default_save_path(dir)` names, and whether it is this article's:
    /// `Some((path, true))` when it exists and refers to the same article file (by path, or by
    /// content when the article moved), `Some((path, false))` when it belongs to another
    /// article, `None` when there is none (or it cannot be read).
    pub fn existing_session(&self, dir: &Path, article: &Path) -> Option<(PathBuf, bool)> {
        let path = self.default_save_path(dir);
        if !path.is_file() {
            return None;
        }
        let stored = session_file::load(&path).ok()?;
        let same_file = match (
            std::fs::canonicalize(&stored.article.path),
            std::fs::canonicalize(article),
        ) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        let mine = same_file || stored.article.sha256 == self.session.article.sha256;
        Some((path, mine))
    }

    /// Saves the session to `path` and remembers it as the document's file.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| SaveError {
                path: path.to_owned(),
                reason: format!(
                    "cannot create the folder {}: {}",
                    dir.display(),
                    crate::io::disk::describe(&e)
                ),
            })?;
        }
        session_file::save(&self.session, path)?;
        self.session_path = Some(path.to_owned());
        Ok(())
    }

    /// The session's counts; annotations that re-anchoring moved or could not place when it
    /// was opened count as not anchored.
    pub fn stats(&self) -> crate::model::stats::Stats {
        let stale = self
            .anchor_report
            .as_ref()
            .map_or(0, |r| r.moved + r.fuzzy + r.orphan);
        crate::model::stats::Stats::of(&self.session, &self.text, stale)
    }

    /// How to name the session (never the article) when asking about saving it:
    /// "story.ron", or "for story.txt (not saved yet)".
    pub fn session_name(&self) -> String {
        let name = |p: &Path| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        match &self.session_path {
            Some(p) => name(p),
            None => format!(
                "for {} (not saved yet)",
                name(Path::new(&self.session.article.path))
            ),
        }
    }

    /// File name shown in the title bar and status bar; a curated session in a project's
    /// curation folder says so: "story.ron (curated)".
    pub fn display_name(&self) -> String {
        let p = self
            .session_path
            .as_deref()
            .unwrap_or(Path::new(&self.session.article.path));
        let name = p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let curated = self.session_path.is_some() && crate::io::project::is_curated(p);
        if curated && !name.ends_with(".curated.ron") {
            format!("{name} (curated)")
        } else {
            name
        }
    }
}
