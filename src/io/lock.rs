//! Two hands on one file: an advisory lock file beside a session while it is open in a window
//! (`.NAME.lock`, naming the annotator, the host and the process), and a stamp of the file's
//! content as loaded, to tell before a save whether someone else wrote it meanwhile.
//!
//! The lock is advisory: newsmark's window and its CLI writers respect it; other programs
//! (git, an editor) do not, which is what the stamp is for. A lock left by a process that no
//! longer runs on this host is stale and taken over.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::io::disk;

/// Who holds a session open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    /// The annotator's name as the window knows it ("" when none was given).
    pub annotator: String,
    /// The computer's name.
    pub host: String,
    /// The process id on that computer.
    pub pid: u32,
}

impl std::fmt::Display for Holder {
    /// `"Ana on laptop-3 (process 4242)"`, `"someone on laptop-3 (process 4242)"`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let who = if self.annotator.trim().is_empty() {
            "someone"
        } else {
            self.annotator.trim()
        };
        write!(f, "{who} on {} (process {})", self.host, self.pid)
    }
}

impl Holder {
    /// This process, for `annotator`.
    fn me(annotator: &str) -> Self {
        Self {
            annotator: one_line(annotator),
            host: host_name(),
            pid: std::process::id(),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "newsmark lock\nannotator: {}\nhost: {}\npid: {}\n",
            self.annotator, self.host, self.pid
        )
    }

    fn parse(text: &str) -> Option<Self> {
        let mut lines = text.lines();
        (lines.next()? == "newsmark lock").then_some(())?;
        let mut field = |name: &str| {
            lines
                .next()
                .and_then(|l| l.strip_prefix(name))
                .map(str::to_owned)
        };
        Some(Self {
            annotator: field("annotator: ")?,
            host: field("host: ")?,
            pid: field("pid: ")?.trim().parse().ok()?,
        })
    }

    /// True when it is this very process.
    fn is_me(&self) -> bool {
        self.host == host_name() && self.pid == std::process::id()
    }

    /// True when it is a process on this host that no longer runs.
    fn is_gone(&self) -> bool {
        self.host == host_name() && !process_alive(self.pid)
    }
}

fn one_line(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).take(100).collect()
}

/// This computer's name (Linux: the kernel's; elsewhere `HOSTNAME`/`COMPUTERNAME`; else
/// "this computer").
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|h| one_line(&h))
        .unwrap_or_else(|| "this computer".to_owned())
}

fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// The lock file of `session`: `.NAME.lock` beside the file it is (through links).
pub fn lock_path(session: &Path) -> PathBuf {
    let real = disk::resolve_target(session);
    let mut name = std::ffi::OsString::from(".");
    name.push(real.file_name().unwrap_or(session.as_os_str()));
    name.push(".lock");
    real.with_file_name(name)
}

/// Why a session could not be locked or written.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Someone else has it open.
    #[error("{} is open in newsmark by {holder} (lock file {}): close it there first", .session.display(), .lock.display())]
    Held {
        /// The session.
        session: PathBuf,
        /// Its lock file.
        lock: PathBuf,
        /// Who holds it.
        holder: Holder,
    },
    /// The lock file could not be written.
    #[error("cannot lock {}: {}", .lock.display(), disk::describe(.cause))]
    Io {
        /// The lock file.
        lock: PathBuf,
        /// The OS error.
        cause: std::io::Error,
    },
}

/// Who holds `session` open, unless nobody does, this process does, or the holder is gone.
pub fn held_by_other(session: &Path) -> Option<Holder> {
    let text = std::fs::read_to_string(lock_path(session)).ok()?;
    let holder = Holder::parse(&text).unwrap_or(Holder {
        annotator: String::new(),
        host: "an unknown computer".into(),
        pid: 0,
    });
    (!holder.is_me() && !holder.is_gone()).then_some(holder)
}

/// Fails when another newsmark holds `session` open: for the CLI's writers.
pub fn refuse_if_held(session: &Path) -> Result<(), LockError> {
    match held_by_other(session) {
        Some(holder) => Err(LockError::Held {
            session: session.to_owned(),
            lock: lock_path(session),
            holder,
        }),
        None => Ok(()),
    }
}

/// A held lock; dropping it removes the lock file (if it is still ours).
#[derive(Debug)]
pub struct SessionLock {
    lock: PathBuf,
    text: String,
}

impl SessionLock {
    /// Takes the lock of `session` for `annotator`: fails when another live process holds it;
    /// a stale lock (its process is gone) is taken over.
    pub fn acquire(session: &Path, annotator: &str) -> Result<Self, LockError> {
        refuse_if_held(session)?;
        let lock = lock_path(session);
        let text = Holder::me(annotator).to_text();
        let io = |cause| LockError::Io {
            lock: lock.clone(),
            cause,
        };
        // Nobody live holds it: remove a stale file, then create ours exclusively, so of two
        // windows starting at once only one wins.
        let _ = std::fs::remove_file(&lock);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&lock)
            .map_err(|e| match held_by_other(session) {
                Some(holder) => LockError::Held {
                    session: session.to_owned(),
                    lock: lock.clone(),
                    holder,
                },
                None => io(e),
            })?;
        file.write_all(text.as_bytes()).map_err(io)?;
        Ok(Self { lock, text })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.lock
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        if std::fs::read_to_string(&self.lock).is_ok_and(|t| t == self.text) {
            let _ = std::fs::remove_file(&self.lock);
        }
    }
}

/// What a session file held when it was loaded or last saved: its SHA-256 (`None`: no file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp(Option<String>);

impl Stamp {
    /// The stamp of `path` as it is now (unreadable counts as absent).
    pub fn of(path: &Path) -> Self {
        Self(
            disk::read_regular(path, disk::MAX_DATA_BYTES, "session")
                .ok()
                .map(|b| crate::io::article::sha256_hex(&b)),
        )
    }

    /// True when `path` no longer holds what this stamp saw.
    pub fn changed(&self, path: &Path) -> bool {
        Self::of(path) != *self
    }
}

/// `NAME.theirs.ron` beside `session`: where the other version is kept when the user
/// overwrites it.
pub fn theirs_path(session: &Path) -> PathBuf {
    let stem = session
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy().into_owned());
    session.with_file_name(format!("{stem}.theirs.ron"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_names_its_holder_and_a_stale_one_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path().join("story.ron");
        std::fs::write(&s, "(").unwrap();
        let lock = SessionLock::acquire(&s, "Ana").unwrap();
        assert_eq!(lock.path(), dir.path().join(".story.ron.lock"));
        // Our own lock is no obstacle to us.
        assert!(held_by_other(&s).is_none());
        // Another live process on this host (pid 1 always runs).
        let other = Holder {
            annotator: "Bob".into(),
            host: host_name(),
            pid: 1,
        };
        std::fs::write(lock.path(), other.to_text()).unwrap();
        let e = SessionLock::acquire(&s, "Ana").unwrap_err().to_string();
        assert!(e.contains("is open in newsmark by Bob on"), "{e}");
        assert!(refuse_if_held(&s).is_err());
        // Dropping ours leaves Bob's file alone.
        drop(lock);
        assert!(dir.path().join(".story.ron.lock").exists());
        // A process that is gone: stale, taken over, removed on drop.
        let gone = Holder {
            pid: 4_294_967,
            ..other
        };
        std::fs::write(dir.path().join(".story.ron.lock"), gone.to_text()).unwrap();
        let lock = SessionLock::acquire(&s, "Ana").unwrap();
        drop(lock);
        assert!(!dir.path().join(".story.ron.lock").exists());
    }

    #[test]
    fn a_stamp_sees_a_change_and_theirs_sits_beside() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path().join("story.ron");
        std::fs::write(&s, "one").unwrap();
        let stamp = Stamp::of(&s);
        assert!(!stamp.changed(&s));
        std::fs::write(&s, "two").unwrap();
        assert!(stamp.changed(&s));
        assert_eq!(theirs_path(&s), dir.path().join("story.theirs.ron"));
    }
}
