//! Crash recovery: the open session written every few changes to a per-document file in a
//! recovery folder, read back after a crash, discarded after a real save or a clean exit.
//!
//! A recovery file is a session file with one comment line in front:
//! ```text
//! // newsmark recovery; changes: 12
//! (
//!     format_version: 1,
//!     ...
//! ```
//! so it goes through the same parser, version migration and nesting guard as a session, and a
//! user can even open it as a session by hand. The article path inside is absolute, so the
//! recovery folder can be anywhere. Files are written with
//! [`disk::write_private`] (0600, in a 0700 folder): a crash while writing leaves the previous recovery file.

use std::path::{Path, PathBuf};

use crate::io::article::sha256_hex;
use crate::io::disk;
use crate::io::session_file::{self, LoadError, SaveError};
use crate::model::session::{FORMAT_VERSION, Session};

/// First line of every recovery file, followed by the change count.
const HEADER: &str = "// newsmark recovery; changes: ";

/// A stable, file-name-safe key for a document: the first 16 hex digits of the SHA-256 of its
/// absolute path (the session file if it has one, else the article).
pub fn key_for(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut hex = sha256_hex(abs.to_string_lossy().as_bytes());
    hex.truncate(16);
    hex
}

/// Where the recovery file for `key` lives in `recovery_dir`.
pub fn recovery_path(recovery_dir: &Path, key: &str) -> PathBuf {
    recovery_dir.join(format!("{key}.recovery.ron"))
}

/// Writes the recovery file for `key` atomically, creating `recovery_dir` if needed. `changes`
/// is the number of unsaved changes it holds (for the "recover N changes?" prompt).
pub fn write(
    recovery_dir: &Path,
    key: &str,
    session: &Session,
    changes: u64,
) -> Result<(), SaveError> {
    let path = recovery_path(recovery_dir, key);
    let fail = |reason: String| SaveError {
        path: path.clone(),
        reason,
    };
    create_private_dir(recovery_dir).map_err(|e| fail(disk::describe(&e)))?;
    let mut stored = session.clone();
    stored.format_version = FORMAT_VERSION;
    if let Some(abs) = std::path::absolute(&session.article.path)
        .ok()
        .and_then(|p| p.to_str().map(str::to_owned))
    {
        stored.article.path = abs;
    }
    let ron = session_file::to_ron(&stored)
        .map_err(|e| fail(format!("the session could not be written as RON: {e}")))?;
    let text = format!("{HEADER}{changes}\n{ron}");
    Ok(disk::write_private(&path, text.as_bytes())?)
}

/// Creates the recovery folder readable by its owner only (0700), and tightens one made
/// before that rule (unsaved work is nobody else's to read).
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt as _, PermissionsExt as _};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        let mode = std::fs::metadata(dir)?.permissions().mode() & 0o777;
        if mode != 0o700 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)
}

/// Reads the recovery file for `key`: `None` if there is none, otherwise the session and its
/// change count, or why the file is unusable.
pub fn read(recovery_dir: &Path, key: &str) -> Option<Result<(Session, u64), LoadError>> {
    let path = recovery_path(recovery_dir, key);
    let bytes = match disk::read_regular(&path, disk::MAX_DATA_BYTES, "recovery file") {
        Ok(b) => b,
        Err(e) if e.is_not_found() => return None,
        Err(e) => return Some(Err(e.into())),
    };
    Some(parse(&bytes, &path))
}

/// Why a recovery file could not be removed (it would be offered again at the next start).
#[derive(Debug, thiserror::Error)]
#[error("cannot remove the recovery file {}: {}", .path.display(), disk::describe(.cause))]
pub struct DiscardError {
    /// The file.
    pub path: PathBuf,
    /// The OS error.
    pub cause: std::io::Error,
}

/// Removes the recovery file for `key` (and its backup); a missing file is not an error.
pub fn discard(recovery_dir: &Path, key: &str) -> Result<(), DiscardError> {
    let path = recovery_path(recovery_dir, key);
    let bak = disk::backup_path(&path);
    for p in [path, bak] {
        match std::fs::remove_file(&p) {
            Err(cause) if cause.kind() != std::io::ErrorKind::NotFound => {
                return Err(DiscardError { path: p, cause });
            }
            _ => {}
        }
    }
    Ok(())
}

fn parse(bytes: &[u8], path: &Path) -> Result<(Session, u64), LoadError> {
    let bad = |message: &str| LoadError::Parse {
        path: path.to_owned(),
        message: message.to_owned(),
    };
    let text = std::str::from_utf8(bytes).map_err(|_| bad("the file is not UTF-8 text"))?;
    let (first, _) = text.split_once('\n').unwrap_or((text, ""));
    let changes = first
        .strip_prefix(HEADER)
        .and_then(|n| n.trim().parse::<u64>().ok())
        .ok_or_else(|| bad("not a newsmark recovery file (no header line)"))?;
    let session = session_file::parse(text, path)?;
    Ok((session, changes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::ArticleRef;

    #[test]
    fn keys_are_16_hex_digits_and_differ_by_path() {
        let a = key_for(Path::new("/tmp/a.ron"));
        assert_eq!(a.len(), 16);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, key_for(Path::new("/tmp/b.ron")));
        assert_eq!(a, key_for(Path::new("/tmp/a.ron")));
    }

    #[test]
    fn missing_is_none_and_bad_header_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read(dir.path(), "k").is_none());
        std::fs::write(recovery_path(dir.path(), "k"), "(format_version: 1)").unwrap();
        let msg = read(dir.path(), "k").unwrap().unwrap_err().to_string();
        assert!(msg.contains("recovery"), "{msg}");
        discard(dir.path(), "k").unwrap();
        discard(dir.path(), "k").unwrap();
        assert!(read(dir.path(), "k").is_none());
    }

    #[test]
    fn round_trip_keeps_session_and_count() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::new(ArticleRef {
            path: "/abs/article.txt".into(),
            encoding: "utf-8".into(),
            ..ArticleRef::default()
        });
        s.speakers.push(crate::model::speaker::Speaker::new(
            crate::model::speaker::SpeakerId(1),
            "A \"quoted\" (name",
        ));
        write(dir.path(), "k", &s, 7).unwrap();
        write(dir.path(), "k", &s, 8).unwrap();
        let (back, n) = read(dir.path(), "k").unwrap().unwrap();
        assert_eq!((back, n), (s, 8));
    }
}
