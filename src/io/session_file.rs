//! Session files: RON, written atomically, with the article path relative to the file.

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

use crate::io::migrate;
use crate::model::session::{FORMAT_VERSION, Session};

/// Why a session file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read session {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not a valid session (truncated, edited by hand, another format).
    #[error("{path} is not a valid newsmark session: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// Where and what, from the RON parser.
        message: String,
    },
    /// Written by a newer newsmark.
    #[error(
        "{path} uses session format version {found}, but this newsmark reads up to version {supported}: update newsmark to open it"
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
}

/// Why a session could not be written; the previous file is untouched.
#[derive(Debug, thiserror::Error)]
#[error("cannot save session to {path}: {source}")]
pub struct SaveError {
    /// The target file.
    pub path: PathBuf,
    /// The OS error.
    pub source: std::io::Error,
}

#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// Parses session RON of any supported version into a current session; `path` is only used
/// in messages. Input nested deeper than [`migrate::MAX_NESTING`] is refused before parsing.
pub fn parse(ron_text: &str, path: &Path) -> Result<Session, LoadError> {
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
        message: e.to_string(),
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
        message: e.to_string(),
    })
}

/// Reads a session file. The article path in the result is resolved against the file's folder.
pub fn load(path: &Path) -> Result<Session, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| LoadError::Parse {
        path: path.to_owned(),
        message: "the file is not UTF-8 text".to_owned(),
    })?;
    let mut session = parse(&text, path)?;
    let dir = path.parent().unwrap_or(Path::new(""));
    session.article.path = dir
        .join(&session.article.path)
        .to_string_lossy()
        .into_owned();
    Ok(session)
}

/// Pretty RON for a session, as written to disk.
pub fn to_ron(session: &Session) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("    ".to_owned());
    // Serializing plain data with no maps keyed by non-strings cannot fail.
    ron::ser::to_string_pretty(session, config).unwrap_or_default() + "\n"
}

/// Writes `session` to `path` atomically: a temporary file in the same folder is written and
/// flushed, the old file is kept as `NAME.bak`, then the temporary file is renamed over `path`.
/// The article path is stored relative to the session's folder.
pub fn save(session: &Session, path: &Path) -> Result<(), SaveError> {
    let err = |source| SaveError {
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut stored = session.clone();
    stored.format_version = FORMAT_VERSION;
    stored.article.path = relative_path(dir, Path::new(&session.article.path));
    write_atomically(path, to_ron(&stored).as_bytes()).map_err(err)
}

/// Atomic replace of `path` by `bytes`, keeping a `.bak` of the previous content.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name"))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if path.exists() {
            let mut bak = path.as_os_str().to_owned();
            bak.push(".bak");
            std::fs::copy(path, PathBuf::from(bak))?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `target` expressed relative to folder `from` when both can be made absolute; otherwise
/// `target` as given. `relative_path("/a/saves", "/a/assets/x.txt")` is `"../assets/x.txt"`.
pub fn relative_path(from: &Path, target: &Path) -> String {
    let (Ok(from), Ok(target)) = (absolute_clean(from), absolute_clean(target)) else {
        return target.to_string_lossy().into_owned();
    };
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = target.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return target.to_string_lossy().into_owned();
    }
    let mut rel = PathBuf::new();
    for _ in common..from.len() {
        rel.push("..");
    }
    for c in to.iter().skip(common) {
        rel.push(c.as_os_str());
    }
    // Always '/' so a session moves between systems.
    rel.to_string_lossy().replace('\\', "/")
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
            relative_path(Path::new("/a/saves"), Path::new("/a/assets/x.txt")),
            "../assets/x.txt"
        );
        assert_eq!(
            relative_path(Path::new("/a"), Path::new("/a/x.txt")),
            "x.txt"
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
