//! Session files: RON, written atomically, with the article path relative to the file.

use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

use crate::io::disk::{self, ReadError, WriteError};
use crate::io::migrate;
use crate::model::ids::DuplicateIds;
use crate::model::session::{FORMAT_VERSION, Session};

/// Why a session file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read (missing, not a regular file, too large).
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The file is not a valid session (truncated, edited by hand, another format).
    #[error("{} is not a valid newsmark session: {message}", .path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// Where and what, from the RON parser.
        message: String,
    },
    /// Written by a newer newsmark.
    #[error(
        "{} uses session format version {found}, but this newsmark reads up to version {supported}: update newsmark to open it", .path.display()
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// Two annotations or two speakers share an id: links between them would be ambiguous.
    #[error(
        "{} has duplicate {ids}: run `newsmark check --renumber {}` to give them new ids (the file is kept as .bak)", .path.display(), .path.display()
    )]
    DuplicateIds {
        /// The file.
        path: PathBuf,
        /// Which ids.
        ids: DuplicateIds,
    },
    /// An annotation names a speaker the session does not list: exports would drop its links.
    #[error(
        "{} names speakers it does not list: {links}; add those speakers or remove the links by hand", .path.display()
    )]
    DanglingSpeakers {
        /// The file.
        path: PathBuf,
        /// "speaker 77 in 12 annotations (#1, #3, #4, …)" (at most three speakers, then a
        /// count).
        links: String,
    },
    /// A git merge left conflict markers in the file.
    #[error(
        "{}: this file has merge conflicts at line {line}: keep one side of each <<<<<<< … >>>>>>> block, then open it again", .path.display()
    )]
    Conflict {
        /// The file.
        path: PathBuf,
        /// The first marker's line, from 1.
        line: usize,
    },
}

/// Why a session could not be written; the previous file is untouched.
#[derive(Debug, thiserror::Error)]
#[error("cannot save session to {}: {reason}", .path.display())]
pub struct SaveError {
    /// The target file.
    pub path: PathBuf,
    /// What went wrong, in words.
    pub reason: String,
}

impl From<WriteError> for SaveError {
    fn from(e: WriteError) -> Self {
        Self {
            reason: disk::describe(&e.cause),
            path: e.path,
        }
    }
}

pub(crate) mod words;

#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// Parses session RON of any supported version into a current session and refuses repeated
/// annotation or speaker ids; `path` is only used in messages. Input nested deeper than
/// [`migrate::MAX_NESTING`] is refused before parsing.
pub fn parse(ron_text: &str, path: &Path) -> Result<Session, LoadError> {
    let session = parse_allowing_duplicates(ron_text, path)?;
    let ids = session.duplicate_ids();
    if !ids.is_empty() {
        return Err(LoadError::DuplicateIds {
            path: path.to_owned(),
            ids,
        });
    }
    let dangling = session.dangling_speakers();
    if !dangling.is_empty() {
        return Err(LoadError::DanglingSpeakers {
            path: path.to_owned(),
            links: dangling_in_words(&dangling),
        });
    }
    Ok(session)
}

/// "speaker 77 in 12 annotations (#1, #3, #4, …)" for each missing speaker (at most three,
/// then how many more), so the message stays one short line however many links there are.
fn dangling_in_words(
    dangling: &[(
        crate::model::annotation::AnnotationId,
        crate::model::speaker::SpeakerId,
    )],
) -> String {
    let mut by_speaker: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
    for (a, sp) in dangling {
        by_speaker.entry(sp.0).or_default().push(a.0);
    }
    let mut parts: Vec<String> = by_speaker
        .iter()
        .take(3)
        .map(|(sp, anns)| {
            let mut shown: Vec<String> = anns.iter().take(3).map(|a| format!("#{a}")).collect();
            if anns.len() > 3 {
                shown.push("…".into());
            }
            let n = anns.len();
            let noun = if n == 1 { "annotation" } else { "annotations" };
            format!("speaker {sp} in {n} {noun} ({})", shown.join(", "))
        })
        .collect();
    if by_speaker.len() > 3 {
        parts.push(format!("{} more speaker(s)", by_speaker.len() - 3));
    }
    parts.join(", ")
}

/// [`parse`] without the check of unique ids.
fn parse_allowing_duplicates(ron_text: &str, path: &Path) -> Result<Session, LoadError> {
    if let Some(line) = words::conflict_line(ron_text) {
        return Err(LoadError::Conflict {
            path: path.to_owned(),
            line,
        });
    }
    if let Some(message) = words::not_a_session(ron_text) {
        return Err(LoadError::Parse {
            path: path.to_owned(),
            message,
        });
    }
    let depth = migrate::nesting_depth(ron_text);
    if depth > migrate::MAX_NESTING {
        return Err(LoadError::Parse {
            path: path.to_owned(),
            message: format!(
                "brackets are nested {depth} deep, more than the {} a session can have",
                migrate::MAX_NESTING
            ),
        });
    }
    let parse_err = |e: ron::error::SpannedError| LoadError::Parse {
        path: path.to_owned(),
        message: words::ron_in_words(&e),
    };
    let probe: VersionProbe = ron::from_str(ron_text).map_err(parse_err)?;
    if probe.format_version > FORMAT_VERSION {
        return Err(LoadError::Newer {
            path: path.to_owned(),
            found: probe.format_version,
            supported: FORMAT_VERSION,
        });
    }
    migrate::upgrade(ron_text, probe.format_version).map_err(|e| LoadError::Parse {
        path: path.to_owned(),
        message: match &e {
            migrate::MigrateError::Ron(r) => words::ron_in_words(r),
            other => other.to_string(),
        },
    })
}

/// Reads a session file and refuses one whose annotation or speaker ids repeat. The article
/// path in the result is resolved against the file's folder.
pub fn load(path: &Path) -> Result<Session, LoadError> {
    load_with(path, parse)
}

/// Reads a session file even if ids repeat (for `check --renumber`, which repairs them).
pub fn load_allowing_duplicates(path: &Path) -> Result<Session, LoadError> {
    load_with(path, parse_allowing_duplicates)
}

fn load_with(
    path: &Path,
    parse: fn(&str, &Path) -> Result<Session, LoadError>,
) -> Result<Session, LoadError> {
    let bytes = disk::read_regular(path, disk::MAX_DATA_BYTES, "session")?;
    let bad = |message: &str| LoadError::Parse {
        path: path.to_owned(),
        message: message.to_owned(),
    };
    let text = String::from_utf8(bytes).map_err(|_| bad("the file is not UTF-8 text"))?;
    let mut session = parse(&text, path)?;
    // A session opened through a symbolic link stores its article relative to the file the
    // link points at, where it was saved.
    let real = linked_file(path);
    let dir = real.parent().unwrap_or(Path::new(""));
    let article = dir.join(&session.article.path);
    session.article.path = article
        .to_str()
        .ok_or_else(|| {
            bad("the folder's name is not valid UTF-8, so the article path cannot be kept exactly; rename the folder")
        })?
        .to_owned();
    Ok(session)
}

/// `path`, or the file it links to when it is a symbolic link (the file a save replaces).
fn linked_file(path: &Path) -> PathBuf {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        disk::resolve_target(path)
    } else {
        path.to_owned()
    }
}

/// Pretty RON for a session, as written to disk.
pub fn to_ron(session: &Session) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("    ".to_owned());
    Ok(ron::ser::to_string_pretty(session, config)? + "\n")
}

/// Writes `session` to `path` atomically: a temporary file in the same folder is written and
/// flushed, the old file is kept as `NAME.bak`, then the temporary file is renamed over `path`.
/// The article path is stored relative to the session's folder.
pub fn save(session: &Session, path: &Path) -> Result<(), SaveError> {
    let fail = |reason: String| SaveError {
        path: path.to_owned(),
        reason,
    };
    let real = linked_file(path);
    let dir = real
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut stored = session.clone();
    stored.format_version = FORMAT_VERSION;
    stored.article.path = relative_path(dir, Path::new(&session.article.path)).ok_or_else(|| {
        fail(format!(
            "the article path from {} is not valid UTF-8 and could not be stored exactly; rename the folders",
            dir.display()
        ))
    })?;
    let ron = to_ron(&stored)
        .map_err(|e| fail(format!("the session could not be written as RON: {e}")))?;
    Ok(disk::write_atomically(path, ron.as_bytes())?)
}

/// `target` expressed relative to folder `from` when both can be made absolute; otherwise
/// `target` as given; `None` when the result is not valid UTF-8 (it could not be stored
/// exactly). `relative_path("/a/saves", "/a/assets/x.txt")` is `"../assets/x.txt"`.
pub fn relative_path(from: &Path, target: &Path) -> Option<String> {
    let (Ok(from), Ok(target_abs)) = (absolute_clean(from), absolute_clean(target)) else {
        return target.to_str().map(str::to_owned);
    };
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = target_abs.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return target.to_str().map(str::to_owned);
    }
    let mut rel = PathBuf::new();
    for _ in common..from.len() {
        rel.push("..");
    }
    for c in to.iter().skip(common) {
        rel.push(c.as_os_str());
    }
    // Always '/' so a session moves between systems.
    Some(rel.to_str()?.replace('\\', "/"))
}

/// Absolute path with `.` and `..` folded, following symlinks where the path exists.
fn absolute_clean(p: &Path) -> std::io::Result<PathBuf> {
    if let Ok(c) = p.canonicalize() {
        return Ok(c);
    }
    let abs = std::path::absolute(p)?;
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative_path(Path::new("/a/saves"), Path::new("/a/assets/x.txt")).as_deref(),
            Some("../assets/x.txt")
        );
        assert_eq!(
            relative_path(Path::new("/a"), Path::new("/a/x.txt")).as_deref(),
            Some("x.txt")
        );
    }

    #[test]
    fn newer_version_is_refused_with_both_numbers() {
        let e = parse("(format_version: 99, article: ())", Path::new("s.ron")).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("99") && msg.contains(&FORMAT_VERSION.to_string()),
            "{msg}"
        );
    }

    #[test]
    fn unknown_field_is_reported() {
        let text = "(format_version: 1, article: (path: \"a\", sha256: \"\", chars: 0, encoding: \"utf-8\"), colour_scheme: 3)";
        let msg = parse(text, Path::new("s.ron")).unwrap_err().to_string();
        assert!(msg.contains("colour_scheme"), "{msg}");
    }
}
