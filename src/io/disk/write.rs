//! Writing the user's files safely: only regular files are replaced (a device, a named pipe or
//! a socket is refused before anything is written); a symbolic link is written through to its
//! target and stays a link; the target keeps its permissions (and owner, where the OS lets us);
//! temporaries are created exclusively, with unpredictable names, beside the target.

use std::ffi::{OsStr, OsString};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{WriteError, not_regular};

/// `NAME.bak` beside `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut bak = path.as_os_str().to_owned();
    bak.push(".bak");
    PathBuf::from(bak)
}

/// The file a write to `path` replaces: `path` itself, or, when it is a symbolic link (also a
/// dangling one), the file the chain of links ends at.
pub fn resolve_target(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let mut p = path.to_owned();
    // A dangling link: follow it by hand (a loop is cut after 40 links, as the OS does).
    for _ in 0..40 {
        match std::fs::read_link(&p) {
            Ok(next) => p = parent_dir(&p).join(next),
            Err(_) => return p,
        }
    }
    p
}

/// The folder of `path` (`.` for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The refusal of a target that is not a regular file, in words.
fn refusal(what: &str) -> std::io::Error {
    std::io::Error::other(format!(
        "it is {what}, not a regular file, and newsmark replaces only regular files (write to standard output with -o -)"
    ))
}

/// One file ready to be put in place.
struct Prepared {
    /// The path the user gave (for messages).
    shown: PathBuf,
    /// The file that is replaced (the end of a chain of links).
    target: PathBuf,
    /// The new content, on disk.
    temp: tempfile::NamedTempFile,
    /// A copy of the old content, when a backup is kept.
    backup: Option<tempfile::NamedTempFile>,
}

/// An exclusive temporary `.NAME.TAG-PID.RANDOM` in `dir`, created with `mode` (less the umask).
fn temp_in(
    dir: &Path,
    name: &OsStr,
    tag: &str,
    mode: u32,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(format!(".{tag}-{}.", std::process::id()));
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(8);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = mode;
    builder.tempfile_in(dir)
}

/// Gives `file` the owner (where allowed) and the exact `mode` of the file it replaces.
fn keep_owner_and_mode(file: &std::fs::File, old: &std::fs::Metadata, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
        if let Ok(now) = file.metadata()
            && (now.uid() != old.uid() || now.gid() != old.gid())
        {
            // Only root may give a file away; an ordinary user keeps the group where they can.
            if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
                let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
            }
        }
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (file, old, mode);
}

/// The new content of `path` written and flushed to a temporary beside its target, with a copy
/// of the old content when `keep_backup`.
fn prepare(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    private: bool,
) -> std::io::Result<Prepared> {
    let existing = match std::fs::metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(m) = &existing {
        if m.is_dir() {
            return Err(std::io::Error::from(std::io::ErrorKind::IsADirectory));
        }
        if let Some(what) = not_regular(m) {
            return Err(refusal(what));
        }
    }
    let target = resolve_target(path);
    let name = target.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path has no file name",
        )
    })?;
    let dir = parent_dir(&target);
    clean_stale_temporaries(&target);
    #[cfg(unix)]
    let old_mode = {
        use std::os::unix::fs::PermissionsExt as _;
        existing.as_ref().map(|m| m.permissions().mode() & 0o7777)
    };
    #[cfg(not(unix))]
    let old_mode: Option<u32> = None;
    let mode = if private {
        0o600
    } else {
        old_mode.unwrap_or(0o666)
    };
    let mut temp = temp_in(dir, name, "tmp", mode)?;
    if let Some(m) = &existing {
        keep_owner_and_mode(temp.as_file(), m, mode);
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    let backup = match &existing {
        Some(m) if keep_backup => {
            let mut b = temp_in(dir, name, "bak-tmp", mode)?;
            let mut old = std::fs::File::open(&target)?;
            std::io::copy(&mut old, &mut b)?;
            keep_owner_and_mode(b.as_file(), m, mode);
            b.as_file().sync_all()?;
            Some(b)
        }
        _ => None,
    };
    Ok(Prepared {
        shown: path.to_owned(),
        target,
        temp,
        backup,
    })
}

/// Removes our temporaries beside `path` left by processes that no longer run (a crash during
/// an earlier save). Best effort: a temporary that cannot be removed is left for next time.
fn clean_stale_temporaries(path: &Path) {
    let (Some(name), Ok(entries)) = (path.file_name(), std::fs::read_dir(parent_dir(path))) else {
        return;
    };
    let mut prefix = OsString::from(".");
    prefix.push(name);
    let prefix = prefix.to_string_lossy().into_owned();
    let own = std::process::id();
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some(rest) = file.strip_prefix(prefix.as_str()) else {
            continue;
        };
        let pid = [".tmp-", ".bak-tmp-"]
            .iter()
            .find_map(|tag| rest.strip_prefix(tag))
            .and_then(|p| p.split('.').next())
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(pid) = pid
            && pid != own
            && !process_alive(pid)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a process with this id runs (Linux: `/proc/PID`; elsewhere assumed to, so nothing
/// another process may still be writing is removed).
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return true;
    }
    proc.join(pid.to_string()).exists()
}

/// Writes every `(path, bytes)` pair all-or-nothing: each goes to a temporary file beside its
/// target, flushed to disk; only when all of them are written is each old file copied to
/// `NAME.bak` (when `keep_backup`) and each temporary renamed over its target. On any failure
/// the temporaries are removed and the targets keep their old content. A target that is a
/// folder, a device, a named pipe or a socket is refused before anything is written.
pub fn write_all_atomically(files: &[(&Path, &[u8])], keep_backup: bool) -> Result<(), WriteError> {
    write_files(files, keep_backup, false)
}

fn write_files(
    files: &[(&Path, &[u8])],
    keep_backup: bool,
    private: bool,
) -> Result<(), WriteError> {
    let fail = |path: &Path, cause| WriteError {
        path: path.to_owned(),
        cause,
    };
    let mut prepared = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        prepared.push(prepare(path, bytes, keep_backup, private).map_err(|e| fail(path, e))?);
    }
    // Everything is on disk: put the backups, then the new files, in place. A temporary not
    // persisted is removed when it is dropped.
    for p in &mut prepared {
        if let Some(b) = p.backup.take() {
            b.persist(backup_path(&p.target))
                .map_err(|e| fail(&p.shown, e.error))?;
        }
    }
    for p in prepared {
        p.temp
            .persist(&p.target)
            .map_err(|e| fail(&p.shown, e.error))?;
    }
    Ok(())
}

/// Atomic replace of one file, keeping a `.bak` of the previous content.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_files(&[(path, bytes)], true, false)
}

/// Atomic replace of one file readable by its owner only (0600), keeping a `.bak`.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_files(&[(path, bytes)], true, true)
}
