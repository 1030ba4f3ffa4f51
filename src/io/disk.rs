//! Reading and writing the user's files safely: only regular files are read, with a size cap;
//! every write goes to a temporary file first and is renamed into place only when complete;
//! OS errors are described once, in words.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

/// Largest article file read, in bytes (64 MiB).
pub const MAX_ARTICLE_BYTES: u64 = 64 << 20;
/// Largest session, recovery or annotation file read, in bytes (256 MiB).
pub const MAX_DATA_BYTES: u64 = 256 << 20;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Opening or reading failed.
    #[error("cannot read {kind} {}: {}", .path.display(), describe(.cause))]
    Io {
        /// The file.
        path: PathBuf,
        /// "article", "session", …
        kind: &'static str,
        /// The OS error (described in the message, not repeated as a source).
        cause: std::io::Error,
    },
    /// A folder, FIFO, device or socket.
    #[error("cannot read {kind} {}: it is not a regular file but {what}", .path.display())]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// "article", "session", …
        kind: &'static str,
        /// "a folder", "a named pipe (FIFO)", …
        what: &'static str,
    },
    /// Larger than the cap for its kind of file.
    #[error("cannot read {kind} {}: it is {} bytes, more than the {} bytes newsmark reads for one", .path.display(), .size, .cap)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The cap.
        cap: u64,
        /// "article", "session", …
        kind: &'static str,
    },
}

impl ReadError {
    /// True when the file does not exist (so a caller can offer to locate it).
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Io { cause, .. } if cause.kind() == std::io::ErrorKind::NotFound)
    }
}

/// What kind of file system object `path` is, in words, when it is not a regular file.
fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let ft = meta.file_type();
    if ft.is_file() {
        return None;
    }
    if ft.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if ft.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if ft.is_char_device() || ft.is_block_device() {
            return Some("a device");
        }
        if ft.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a file")
}

/// Reads a regular file of at most `cap` bytes; `kind` names it in messages ("article").
/// FIFOs, devices and folders are refused before they are opened, so nothing blocks or reads
/// forever.
pub fn read_regular(path: &Path, cap: u64, kind: &'static str) -> Result<Vec<u8>, ReadError> {
    let io = |cause| ReadError::Io {
        path: path.to_owned(),
        kind,
        cause,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if let Some(what) = not_regular(&meta) {
        return Err(ReadError::NotRegular {
            path: path.to_owned(),
            kind,
            what,
        });
    }
    let too_large = |size| ReadError::TooLarge {
        path: path.to_owned(),
        size,
        cap,
        kind,
    };
    if meta.len() > cap {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // The file may have been swapped between the check and the open: check again, and never
    // read more than the cap.
    let meta = file.metadata().map_err(io)?;
    if let Some(what) = not_regular(&meta) {
        return Err(ReadError::NotRegular {
            path: path.to_owned(),
            kind,
            what,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > cap {
        return Err(too_large(read));
    }
    Ok(bytes)
}

/// An OS error in words a user understands, without the "(os error N)" suffix.
/// `describe(&io::Error::from(ErrorKind::NotFound))` is `"no such file or folder"`.
pub fn describe(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let words = match e.kind() {
        K::NotFound => "no such file or folder",
        K::PermissionDenied => "permission denied",
        K::IsADirectory => "it is a folder",
        K::NotADirectory => "a part of the path is not a folder",
        K::StorageFull => "the disk is full",
        K::QuotaExceeded => "the disk quota is exceeded",
        K::FileTooLarge => "the file size limit was reached",
        K::ReadOnlyFilesystem => "the file system is read-only",
        K::InvalidFilename => "the file name is too long or not allowed",
        K::DirectoryNotEmpty => "the folder is not empty",
        K::AlreadyExists => "it already exists",
        K::CrossesDevices => "it is on another file system",
        _ => "",
    };
    if !words.is_empty() {
        return words.to_owned();
    }
    // ELOOP has no stable ErrorKind yet.
    #[cfg(target_os = "linux")]
    if e.raw_os_error() == Some(40) {
        return "a symbolic link loops back on itself".to_owned();
    }
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(i) => text.get(..i).unwrap_or(&text).to_owned(),
        None => text,
    };
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Why a write failed; the previous file content is untouched.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {}", .path.display(), describe(.cause))]
pub struct WriteError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// The OS error (described in the message, not repeated as a source).
    pub cause: std::io::Error,
}

/// The temporary name this process uses beside `path`: `.NAME.tmp-PID`.
fn temp_for(path: &Path, tag: &str) -> Result<PathBuf, std::io::Error> {
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path has no file name",
        )
    })?;
    let mut tmp = std::ffi::OsString::from(".");
    tmp.push(name);
    tmp.push(format!(".{tag}-{}", std::process::id()));
    Ok(parent_dir(path).join(tmp))
}

/// The folder of `path` (`.` for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `NAME.bak` beside `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut bak = path.as_os_str().to_owned();
    bak.push(".bak");
    PathBuf::from(bak)
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Removes our temporaries beside `path` left by processes that no longer run (a crash during
/// an earlier save). Best effort: a temporary that cannot be removed is left for next time.
fn clean_stale_temporaries(path: &Path) {
    let (Some(name), Ok(entries)) = (path.file_name(), std::fs::read_dir(parent_dir(path))) else {
        return;
    };
    let mut prefix = std::ffi::OsString::from(".");
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

/// Writes every `(path, bytes)` pair all-or-nothing: each goes to a temporary file in its
/// folder, flushed to disk; only when all of them are written is each old file copied to
/// `NAME.bak` (atomically, when `keep_backup`) and each temporary renamed over its target. On
/// any failure the temporaries are removed and the targets keep their old content. A target
/// that is a folder is refused up front.
pub fn write_all_atomically(files: &[(&Path, &[u8])], keep_backup: bool) -> Result<(), WriteError> {
    let fail = |path: &Path, cause| WriteError {
        path: path.to_owned(),
        cause,
    };
    for (path, _) in files {
        if path.is_dir() {
            return Err(fail(
                path,
                std::io::Error::from(std::io::ErrorKind::IsADirectory),
            ));
        }
        clean_stale_temporaries(path);
    }
    let mut temps: Vec<PathBuf> = Vec::new();
    let remove_all = |temps: &[PathBuf]| {
        for t in temps {
            let _ = std::fs::remove_file(t);
        }
    };
    for (path, bytes) in files {
        let tmp = temp_for(path, "tmp").map_err(|e| fail(path, e))?;
        temps.push(tmp.clone());
        if let Err(e) = write_synced(&tmp, bytes) {
            remove_all(&temps);
            return Err(fail(path, e));
        }
        if keep_backup && path.is_file() {
            let step = temp_for(path, "bak-tmp").and_then(|bak_tmp| {
                temps.push(bak_tmp.clone());
                std::fs::copy(path, &bak_tmp)?;
                std::fs::File::open(&bak_tmp)?.sync_all()?;
                Ok(bak_tmp)
            });
            if let Err(e) = step {
                remove_all(&temps);
                return Err(fail(path, e));
            }
        }
    }
    // Everything is on disk: put the backups, then the new files, in place.
    for (path, _) in files {
        let bak_tmp = temp_for(path, "bak-tmp").map_err(|e| fail(path, e))?;
        if bak_tmp.exists()
            && let Err(e) = std::fs::rename(&bak_tmp, backup_path(path))
        {
            remove_all(&temps);
            return Err(fail(path, e));
        }
    }
    for (path, _) in files {
        let tmp = temp_for(path, "tmp").map_err(|e| fail(path, e))?;
        if let Err(e) = std::fs::rename(&tmp, path) {
            remove_all(&temps);
            return Err(fail(path, e));
        }
    }
    Ok(())
}

/// Atomic replace of one file, keeping a `.bak` of the previous content.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_all_atomically(&[(path, bytes)], true)
}

/// Makes a process that exceeds the file size limit (`ulimit -f`) get an error from `write`
/// (EFBIG) instead of being killed by SIGXFSZ, so a failed save is a message, not a torn file.
pub fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
    }
}

#[cfg(test)]
mod tests;
