//! A project is a folder of articles (`*.txt`, in sub-folders too; hidden folders skipped),
//! and of saved web pages and Markdown files not yet extracted to one (`story.html` is listed
//! until `story.txt` is written beside it; a page's `_files` folder is skipped).
//! Annotator NAME's session of `sub/story.txt` is `DIR/.newsmark/NAME/sub/story.ron`, so two
//! annotators never write the same file; what NAME marked done and read last is kept in
//! the hidden `DIR/.newsmark/NAME/.project.ron` (hidden, so no tool takes it for a session).
//!
//! Adjudication writes a curated session of its own, `DIR/.newsmark/curation/sub/story.ron`
//! ([`curation_path`]); outside a project it goes beside the session it was seeded from,
//! `story.curated.ron` ([`curated_beside`]). The `curation` folder is no annotator's: it is not
//! listed by [`annotators`], and an annotator called "curation" gets the folder `curation_`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::io::document::Document;
use crate::model::stats::Stats;

/// The folder inside a project where sessions live.
pub const SESSIONS: &str = ".newsmark";

/// The folder inside [`SESSIONS`] that holds the curated (adjudicated) sessions.
pub const CURATION: &str = "curation";

/// The article files of a project folder, sorted; a single file is its own project.
pub fn articles(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(vec![dir.to_owned()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                if crate::io::page::page_of_resources(&path).is_none() {
                    stack.push(path);
                }
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
                || is_unextracted_page(&path)
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A web page or Markdown file whose text was not written beside it yet.
fn is_unextracted_page(path: &Path) -> bool {
    (crate::io::page::is_page(path) || crate::io::page::is_markdown(path))
        && !crate::io::page::open::text_path(path).exists()
}

/// Where `annotator`'s session of `article` (a file inside `dir`) lives.
pub fn session_path(dir: &Path, annotator: &str, article: &Path) -> PathBuf {
    let rel = article.strip_prefix(dir).unwrap_or(article);
    dir.join(SESSIONS)
        .join(annotator_folder(annotator))
        .join(rel)
        .with_extension("ron")
}

/// Where the curated session of `article` (a file inside `dir`) lives:
/// `DIR/.newsmark/curation/sub/story.ron`.
pub fn curation_path(dir: &Path, article: &Path) -> PathBuf {
    let rel = article.strip_prefix(dir).unwrap_or(article);
    dir.join(SESSIONS)
        .join(CURATION)
        .join(rel)
        .with_extension("ron")
}

/// Where the curated session seeded from the session file `session` goes outside a project:
/// beside it, `story.ron` → `story.curated.ron`.
pub fn curated_beside(session: &Path) -> PathBuf {
    let stem = session
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy().into_owned());
    session.with_file_name(format!("{stem}.curated.ron"))
}

/// True if `session` is a curated session: named `*.curated.ron`, or in a project's
/// `.newsmark/curation` folder.
pub fn is_curated(session: &Path) -> bool {
    let named = session
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".curated.ron"));
    let folders = session.ancestors().skip(1);
    let in_folder = folders.zip(session.ancestors().skip(2)).any(|(d, above)| {
        d.file_name().and_then(|n| n.to_str()) == Some(CURATION)
            && above.file_name().and_then(|n| n.to_str()) == Some(SESSIONS)
    });
    named || in_folder
}

/// The annotators who have a folder in the project, sorted (not the curation folder).
pub fn annotators(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join(SESSIONS))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|n| n != CURATION)
        .collect();
    names.sort();
    names
}

/// A folder name for an annotator: their name with path separators and leading dots made
/// harmless; "anonymous" when they gave none; never the curation folder ("curation" is
/// `curation_`).
pub fn annotator_folder(name: &str) -> String {
    let clean: String = name
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim_start_matches('.').to_owned();
    if clean.is_empty() {
        "anonymous".into()
    } else if clean.eq_ignore_ascii_case(CURATION) {
        format!("{clean}_")
    } else {
        clean
    }
}

/// What one annotator remembers of a project between runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectState {
    /// Articles (paths relative to the project) marked done.
    pub done: BTreeSet<String>,
    /// The article open last.
    pub last: Option<String>,
}

impl ProjectState {
    /// Where `annotator`'s state of the project in `dir` is kept.
    pub fn path(dir: &Path, annotator: &str) -> PathBuf {
        dir.join(SESSIONS)
            .join(annotator_folder(annotator))
            .join(".project.ron")
    }

    /// The remembered state, or a fresh one (a missing or unreadable file is not an error:
    /// the state only says what was done and where the annotator was). A file that is there
    /// but not a state (a merge conflict, a cut-off write) is kept aside, never overwritten:
    /// see [`ProjectState::load_noting`].
    pub fn load(dir: &Path, annotator: &str) -> Self {
        Self::load_noting(dir, annotator).0
    }

    /// [`ProjectState::load`], with the sentence to show the user when the file was corrupt
    /// and was renamed to `.project.ron.corrupt` (the marks in it are kept there).
    pub fn load_noting(dir: &Path, annotator: &str) -> (Self, Option<String>) {
        let path = Self::path(dir, annotator);
        let Ok(text) = std::fs::read_to_string(&path) else {
            return (Self::default(), None);
        };
        let why = match ron::from_str(&text) {
            Ok(state) => return (state, None),
            Err(e) => match crate::io::session_file::words::conflict_line(&text) {
                Some(line) => format!("this file has merge conflicts at line {line}"),
                None => format!("it is not a project state (line {})", e.span.start.line),
            },
        };
        let aside = (0..100)
            .map(|n| {
                let mut p = path.as_os_str().to_owned();
                p.push(if n == 0 {
                    ".corrupt".to_owned()
                } else {
                    format!(".corrupt.{n}")
                });
                PathBuf::from(p)
            })
            .find(|p| std::fs::symlink_metadata(p).is_err());
        let kept = aside
            .as_ref()
            .and_then(|a| std::fs::rename(&path, a).ok().map(|()| a));
        let note = match kept {
            Some(a) => format!(
                "The Done marks in {} could not be read ({why}); the file was kept as {} and the marks start afresh.",
                path.display(),
                a.display()
            ),
            None => format!(
                "The Done marks in {} could not be read ({why}), and the file could not be set aside: fix or remove it.",
                path.display()
            ),
        };
        (Self::default(), Some(note))
    }

    /// Writes the state atomically.
    pub fn save(&self, dir: &Path, annotator: &str) -> Result<(), String> {
        let path = Self::path(dir, annotator);
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| crate::io::disk::describe(&e))?;
        }
        crate::io::disk::write_atomically(&path, text.as_bytes()).map_err(|e| e.to_string())
    }
}

/// How far an article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// No session yet.
    New,
    /// A session exists.
    InProgress,
    /// Marked done.
    Done,
}

impl Status {
    /// As the list shows it.
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::InProgress => "in progress",
            Self::Done => "done",
        }
    }
}

/// One article of the project, as the document list shows it.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The article file.
    pub article: PathBuf,
    /// Its path relative to the project.
    pub name: String,
    /// Words of the article.
    pub words: usize,
    /// The annotator's counts, when they have a session.
    pub stats: Option<Stats>,
    /// New, in progress or done.
    pub status: Status,
    /// When the annotator's session was last written.
    pub edited: Option<SystemTime>,
    /// Why the article or its session could not be read, if so.
    pub problem: Option<String>,
}

impl Entry {
    /// Annotations in the annotator's session (0 without one).
    pub fn annotations(&self) -> usize {
        self.stats.as_ref().map_or(0, |s| s.annotations)
    }
}

/// Reads what the document list shows for `article` and `annotator`.
pub fn entry(dir: &Path, annotator: &str, state: &ProjectState, article: &Path) -> Entry {
    let name = relative_name(dir, article);
    let session = session_path(dir, annotator, article);
    let edited = std::fs::metadata(&session).and_then(|m| m.modified()).ok();
    let mut entry = Entry {
        article: article.to_owned(),
        words: 0,
        stats: None,
        status: Status::New,
        edited,
        problem: None,
        name,
    };
    if session.is_file() {
        match Document::open_session(&session) {
            Ok(doc) => {
                entry.words = doc.text.word_count();
                entry.stats = Some(doc.stats());
                entry.status = Status::InProgress;
            }
            Err(e) => entry.problem = Some(e.to_string()),
        }
    } else if is_unextracted_page(article) {
        match crate::io::page::extract_file(article) {
            Ok(e) => entry.words = crate::io::page::open::words(&e.article.text),
            Err(e) => entry.problem = Some(e.to_string()),
        }
    } else {
        match crate::io::article::load(article) {
            Ok(loaded) => entry.words = loaded.decoded.text.word_count(),
            Err(e) => entry.problem = Some(e.to_string()),
        }
    }
    if state.done.contains(&entry.name) {
        entry.status = Status::Done;
    }
    entry
}

/// Every article of the project with `annotator`'s progress, in path order.
pub fn scan(dir: &Path, annotator: &str, state: &ProjectState) -> std::io::Result<Vec<Entry>> {
    Ok(articles(dir)?
        .iter()
        .map(|a| entry(dir, annotator, state, a))
        .collect())
}

/// `article`'s path relative to `dir`, with `/` separators.
pub fn relative_name(dir: &Path, article: &Path) -> String {
    let rel = article.strip_prefix(dir).unwrap_or(article);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_sit_under_the_annotator_mirroring_the_articles() {
        let dir = Path::new("/p");
        assert_eq!(
            session_path(dir, "Ana Lima", Path::new("/p/sub/story.txt")),
            Path::new("/p/.newsmark/Ana Lima/sub/story.ron")
        );
        assert_eq!(annotator_folder("../x/y"), "_x_y");
        assert_eq!(annotator_folder("  "), "anonymous");
        assert_eq!(relative_name(dir, Path::new("/p/a/b.txt")), "a/b.txt");
    }

    #[test]
    fn curated_sessions_have_their_own_place_that_no_annotator_takes() {
        let dir = Path::new("/p");
        let curated = curation_path(dir, Path::new("/p/sub/story.txt"));
        assert_eq!(curated, Path::new("/p/.newsmark/curation/sub/story.ron"));
        assert!(is_curated(&curated));
        let beside = curated_beside(Path::new("/s/story.ron"));
        assert_eq!(beside, Path::new("/s/story.curated.ron"));
        assert!(is_curated(&beside));
        assert!(!is_curated(Path::new("/p/.newsmark/Ana/sub/story.ron")));
        assert!(!is_curated(Path::new("/p/curation/story.ron")));
        assert_eq!(annotator_folder("Curation"), "Curation_");
        assert_ne!(
            session_path(dir, "curation", Path::new("/p/sub/story.txt")),
            curated
        );
    }

    #[test]
    fn a_corrupt_state_is_kept_aside_and_reported_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = ProjectState::path(dir.path(), "ana");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let merged = "(\n<<<<<<< HEAD\n    done: [\"a.txt\"],\n=======\n    done: [\"b.txt\"],\n>>>>>>> bob\n)\n";
        std::fs::write(&path, merged).unwrap();
        let (state, note) = ProjectState::load_noting(dir.path(), "ana");
        assert_eq!(state, ProjectState::default());
        let note = note.unwrap();
        assert!(note.contains("merge conflicts at line 2"), "{note}");
        let aside = path.with_extension("ron.corrupt");
        assert!(note.contains(&aside.display().to_string()), "{note}");
        assert_eq!(std::fs::read_to_string(&aside).unwrap(), merged);
        state.save(dir.path(), "ana").unwrap();
        std::fs::write(&path, "garbage").unwrap();
        let (_, note) = ProjectState::load_noting(dir.path(), "ana");
        assert!(note.unwrap().contains(".corrupt.1"));
        assert_eq!(std::fs::read_to_string(&aside).unwrap(), merged);
    }
}
