//! Reading and writing the user's files safely: only regular files are read, with a size cap;
//! every write goes to a temporary file first and is renamed into place only when complete;
//! OS errors are described once, in words.

use std::io::Read as _;
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
pub(crate) fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
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

/// Makes a process that exceeds the file size limit (`ulimit -f`) get an error from `write`
/// (EFBIG) instead of being killed by SIGXFSZ, so a failed save is a message, not a torn file.
pub fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
    }
}

mod write;
pub use write::{
    backup_path, resolve_target, write_all_atomically, write_atomically, write_private,
};

/// `path`, or `name-2.ron`, `name-3.ron`… (same extension) if it exists.
pub fn unused_path(path: PathBuf) -> PathBuf {
    if !path.exists() {
        return path;
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}.{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(path)
}

#[cfg(test)]
mod tests;
