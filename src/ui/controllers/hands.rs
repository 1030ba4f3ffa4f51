//! Two hands on one file in the window: the open session's advisory lock (a second window is
//! told who holds it and may not save over it), and the check before every save that the file
//! on disk is still what was loaded — if not, the user chooses: reload (their edits kept in
//! the recovery folder), save as a copy, or overwrite (the other version kept as
//! `NAME.theirs.ron`).

use std::path::{Path, PathBuf};

use crate::io::document::Document;
use crate::io::lock::{self, LockError, SessionLock, Stamp};

use crate::ui::app::NewsmarkApp;
use crate::ui::vocabulary::DiskChoice;

impl NewsmarkApp {
    /// After a document is opened: lock its session file and remember what it holds. Someone
    /// else's lock is reported: the session opens, but saving over it is refused.
    pub(crate) fn take_hold(&mut self) {
        let Some(path) = self.work.doc.as_ref().and_then(|d| d.session_path.clone()) else {
            return;
        };
        self.hold(&path);
    }

    fn hold(&mut self, path: &Path) {
        let hands = &mut self.work.recovery.hands;
        hands.lock = None;
        hands.held_by = None;
        hands.stamp = Some((path.to_owned(), Stamp::of(path)));
        if !path.is_file() {
            return;
        }
        match SessionLock::acquire(path, &self.prefs.annotator) {
            Ok(l) => hands.lock = Some(l),
            Err(LockError::Held { holder, .. }) => {
                hands.held_by = Some(holder);
                hands.ask_held = true;
                self.ui.status = format!("{} · read-only: open elsewhere", self.ui.status);
            }
            // A folder we cannot write to: nothing to lock, and no save will succeed either.
            Err(LockError::Io { .. }) => {}
        }
    }

    /// The answer to "open elsewhere: open it read-only?": keep it open (saving over it stays
    /// refused), or close it again, leaving the file and the other window's lock as they are.
    pub(crate) fn answer_held(&mut self, open: bool) {
        let hands = &mut self.work.recovery.hands;
        hands.ask_held = false;
        if open {
            return;
        }
        let name = self
            .work
            .doc
            .as_ref()
            .map(crate::io::document::Document::display_name)
            .unwrap_or_default();
        let who = hands
            .held_by
            .take()
            .map(|h| h.to_string())
            .unwrap_or_default();
        hands.stamp = None;
        hands.lock = None;
        self.work.doc = None;
        self.work.history = Default::default();
        self.ui.selection = None;
        self.ui.selected = None;
        self.ui.status = format!("Not opened: {name} stays with {who}");
    }

    /// Whether saving to `path` may go ahead now: not while another window holds it, and not
    /// over a file that changed since it was loaded (then the question is asked).
    pub(crate) fn may_write(&mut self, path: &Path) -> bool {
        if let Some(holder) = lock::held_by_other(path) {
            let text = format!(
                "{} is open in newsmark by {holder}, so it was not saved. Save As writes a copy; \
                 or save again when they have closed it.",
                path.display()
            );
            self.ui.status = format!("Not saved: {} is open elsewhere", path.display());
            self.ui.dialogs.error = Some(text);
            return false;
        }
        let hands = &mut self.work.recovery.hands;
        let changed = hands.stamp.as_ref().is_some_and(|(loaded, stamp)| {
            crate::io::formats::files::same_file(loaded, path) && stamp.changed(path)
        });
        if changed {
            hands.question = Some(path.to_owned());
            self.ui.status = format!(
                "Not saved yet: {} changed on disk since it was opened",
                path.display()
            );
        }
        !changed
    }

    /// After a save to `path`: it holds our content now, and it is the file we lock.
    pub(crate) fn saved_here(&mut self, path: &Path) {
        let same = self
            .work
            .recovery
            .hands
            .stamp
            .as_ref()
            .is_some_and(|(p, _)| p == path);
        if same && self.work.recovery.hands.lock.is_some() {
            self.work.recovery.hands.stamp = Some((path.to_owned(), Stamp::of(path)));
        } else {
            self.hold(path);
        }
    }

    /// Carries out the answer to "the file changed on disk".
    pub(crate) fn answer_disk_change(&mut self, choice: DiskChoice) {
        let Some(path) = self.work.recovery.hands.question.take() else {
            return;
        };
        match choice {
            DiskChoice::Cancel => self.ui.status = "Not saved".into(),
            DiskChoice::Reload => self.reload_theirs(&path),
            DiskChoice::SaveCopy => {
                let copy = beside(&path, "mine");
                self.save_to(&copy);
            }
            DiskChoice::Overwrite => {
                let theirs = lock::theirs_path(&path);
                let kept = crate::io::disk::read_regular(
                    &path,
                    crate::io::disk::MAX_DATA_BYTES,
                    "session",
                )
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    crate::io::disk::write_all_atomically(&[(&theirs, &bytes)], false)
                        .map_err(|e| e.to_string())
                });
                if let Err(e) = kept {
                    self.ui.dialogs.error = Some(format!(
                        "The other version could not be kept ({e}), so nothing was overwritten."
                    ));
                    return;
                }
                self.work.recovery.hands.stamp = Some((path.clone(), Stamp::of(&path)));
                self.save_to(&path);
                if !self.is_dirty() {
                    self.ui.status = format!(
                        "{} · the other version is kept as {}",
                        self.ui.status,
                        theirs.display()
                    );
                }
            }
        }
    }

    /// Opens `path` as it is on disk now; the unsaved edits are written to the recovery folder
    /// first (as `KEY.recovery.ron` of `NAME.mine.ron`, which opens as a session).
    fn reload_theirs(&mut self, path: &Path) {
        let kept = self.work.doc.as_ref().map(|doc| {
            let key = crate::io::recovery::key_for(&beside(path, "mine"));
            let changes = self
                .work
                .history
                .version()
                .abs_diff(self.work.saved_version);
            crate::io::recovery::write(&self.recovery_dir(), &key, &doc.session, changes)
                .map(|()| crate::io::recovery::recovery_path(&self.recovery_dir(), &key))
        });
        let kept = match kept {
            Some(Ok(p)) => p,
            Some(Err(e)) => {
                self.ui.dialogs.error = Some(format!(
                    "Your edits could not be kept in the recovery folder ({e}), so nothing was reloaded."
                ));
                return;
            }
            None => return,
        };
        match Document::open(path) {
            Ok(doc) => {
                // The edits are in `kept`, not offered back over the reloaded file.
                let _ = self.discard_recovery();
                self.set_document(doc);
                self.work.recovery.offer = None;
                self.ui.status = format!(
                    "Reloaded {} as it is on disk; your edits are kept in {}",
                    path.display(),
                    kept.display()
                );
            }
            Err(e) => self.report_open_error(path, &e),
        }
    }
}

/// `NAME.TAG.ron` beside `path` (the first of `NAME.TAG-2.ron`, … that is free).
fn beside(path: &Path, tag: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy().into_owned());
    let first = path.with_file_name(format!("{stem}.{tag}.ron"));
    if !first.exists() {
        return first;
    }
    (2..1000)
        .map(|n| path.with_file_name(format!("{stem}.{tag}-{n}.ron")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}
