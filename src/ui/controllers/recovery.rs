//! Never losing work in the window: autosave to a recovery file, the restore offer after a
//! crash, and the review of annotations that re-anchoring could not place exactly.
//! (The offer is `dialogs/recovery.rs`, the state `state/recovery.rs`.)

use crate::io::document::Document;
use crate::io::recovery;
use crate::model::anchor::Outcome;
use crate::model::edit::Edit;
use crate::model::session::Session;
use crate::ui::app::NewsmarkApp;
use crate::ui::state::recovery::*;
use std::path::{Path, PathBuf};
use std::sync::mpsc::TryRecvError;

impl NewsmarkApp {
    /// Folder of recovery files.
    pub fn recovery_dir(&self) -> PathBuf {
        self.work.places.recovery.clone()
    }

    /// The recovery key of the open document: its session file, else its article.
    pub(crate) fn recovery_key(&self) -> Option<String> {
        let doc = self.work.doc.as_ref()?;
        let path = doc
            .session_path
            .clone()
            .unwrap_or_else(|| PathBuf::from(&doc.session.article.path));
        Some(recovery::key_for(&path))
    }

    /// After a document is opened: forget the last one's recovery state and offer unsaved work
    /// from a previous run.
    pub(crate) fn check_recovery(&mut self) {
        self.work.recovery = RecoveryState::default();
        self.take_hold();
        let Some(key) = self.recovery_key() else {
            return;
        };
        match recovery::read(&self.recovery_dir(), &key) {
            None => {}
            Some(Ok((session, changes))) => {
                self.work.recovery.offer = Some((Box::new(session), changes))
            }
            Some(Err(e)) => {
                self.ui.status =
                    format!("A recovery file exists but cannot be read (kept as is): {e}");
            }
        }
    }

    /// Lists what re-anchoring wants reviewed, and where it put the fuzzy matches.
    pub(crate) fn start_review(&mut self) {
        let Some(doc) = &self.work.doc else { return };
        let Some(report) = &doc.anchor_report else {
            return;
        };
        self.work.recovery.review = report.to_review();
        self.work.recovery.placed = doc
            .session
            .annotations
            .iter()
            .filter(|a| matches!(report.outcome(a.id), Some(Outcome::Fuzzy { .. })))
            .map(|a| (a.id, a.span()))
            .collect();
        self.ui.view.invalidate();
    }

    /// Takes the outcome of a recovery file written on a thread, waiting for it if `wait`;
    /// false while it is still being written.
    fn settle_in_flight(&mut self, wait: bool) -> bool {
        let Some(f) = &self.work.recovery.in_flight else {
            return true;
        };
        let outcome = if wait {
            f.done.recv().ok()
        } else {
            match f.done.try_recv() {
                Ok(r) => Some(r),
                Err(TryRecvError::Empty) => return false,
                Err(TryRecvError::Disconnected) => None,
            }
        };
        let version = f.version;
        self.work.recovery.in_flight = None;
        match outcome {
            Some(Ok(())) => self.work.recovery.written_version = version,
            Some(Err(e)) => self.ui.status = format!("Autosave failed: {e}"),
            None => self.ui.status = "Autosave failed: its thread stopped".into(),
        }
        true
    }

    /// Writes the recovery file when a change is older than [`AUTOSAVE_DELAY`]: large sessions
    /// on a thread, so the window never pauses for it.
    pub(crate) fn autosave(&mut self, ctx: &egui::Context) {
        if !self.settle_in_flight(false) {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        let version = self.work.history.version();
        if self.work.doc.is_none()
            || version == self.work.recovery.written_version
            || self.work.recovery.offer.is_some()
        {
            return;
        }
        let now = ctx.input(|i| i.time);
        let due = *self.work.recovery.due.get_or_insert(now + AUTOSAVE_DELAY);
        if now < due {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
            return;
        }
        let large = self
            .work
            .doc
            .as_ref()
            .is_some_and(|d| d.session.annotations.len() >= THREAD_FROM);
        if large {
            self.write_recovery_on_thread(Some(ctx.clone()));
        } else {
            self.write_recovery_now();
        }
    }

    /// Starts writing the recovery file on a thread, from a copy of the session; `repaint`
    /// wakes the window when it is done.
    fn write_recovery_on_thread(&mut self, repaint: Option<egui::Context>) {
        let (Some(doc), Some(key)) = (&self.work.doc, self.recovery_key()) else {
            return;
        };
        let changes = self
            .work
            .history
            .version()
            .abs_diff(self.work.saved_version);
        let (tx, done) = std::sync::mpsc::channel();
        let session = doc.session.clone();
        let dir = self.recovery_dir();
        std::thread::spawn(move || {
            let result = recovery::write(&dir, &key, &session, changes).map_err(|e| e.to_string());
            let _ = tx.send(result);
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
        self.work.recovery.in_flight = Some(InFlight {
            version: self.work.history.version(),
            done,
        });
        self.work.recovery.due = None;
    }

    /// Writes the recovery file at once and waits for it (small sessions, before risky
    /// operations and on exit), after any write still running.
    pub fn write_recovery_now(&mut self) {
        self.settle_in_flight(true);
        self.write_recovery_on_thread(None);
        self.settle_in_flight(true);
    }

    /// Removes the recovery file of the open document (after a save or an explicit discard).
    /// On failure, returns a sentence for the user: the stale file would be offered again.
    pub(crate) fn discard_recovery(&mut self) -> Result<(), String> {
        // A write still running would bring the file back after it is removed.
        self.settle_in_flight(true);
        let dir = self.recovery_dir();
        let mut keys: Vec<String> = self.recovery_key().into_iter().collect();
        // A session saved for the first time was autosaved under its article's key.
        if let Some(doc) = &self.work.doc {
            keys.push(recovery::key_for(Path::new(&doc.session.article.path)));
        }
        self.work.recovery.written_version = self.work.history.version();
        self.work.recovery.due = None;
        let failed: Vec<String> = keys
            .iter()
            .filter_map(|key| {
                recovery::discard(&dir, key).err().map(|e| {
                    let path = recovery::recovery_path(&dir, key);
                    format!("{}: {e}", path.display())
                })
            })
            .collect();
        match failed.is_empty() {
            true => Ok(()),
            false => Err(format!(
                "could not remove the recovery file {}",
                failed.join("; ")
            )),
        }
    }

    /// Restores the offered unsaved work, or discards it.
    pub(crate) fn answer_recovery(&mut self, restore: bool) {
        let Some((session, _)) = self.work.recovery.offer.take() else {
            return;
        };
        if restore {
            self.restore(*session);
        } else {
            self.ui.status = match self.discard_recovery() {
                Ok(()) => "Discarded the unsaved work from the previous run".into(),
                Err(e) => format!("Discarded the unsaved work, but {e}"),
            };
        }
    }

    /// Replaces the open session by the recovered one (re-anchored against the article as it
    /// is), as one undo step.
    fn restore(&mut self, session: Session) {
        let Some(doc) = &self.work.doc else { return };
        let article = PathBuf::from(&doc.session.article.path);
        match Document::with_article(session, &article, doc.session_path.clone()) {
            Ok(restored) => {
                let n = restored.session.annotations.len();
                let Some(doc) = self.work.doc.as_mut() else {
                    return;
                };
                doc.anchor_report = restored.anchor_report;
                let step = Edit::between(&doc.session, &restored.session);
                let applied =
                    step.is_some_and(|edit| self.edit(edit, "restore unsaved work".into(), None));
                self.start_review();
                if applied {
                    self.ui.status =
                        format!("Restored unsaved work: {n} annotations — save to keep it");
                }
            }
            Err(e) => {
                self.ui.dialogs.error = Some(format!("Could not restore the unsaved work: {e}"))
            }
        }
    }
}
