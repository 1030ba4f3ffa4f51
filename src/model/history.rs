//! Undo / redo: stacks of inverse edits.

use super::edit::{Edit, EditError};
use super::session::Session;

/// One undoable step: what it was called and the edit that reverses it.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    inverse: Edit,
    /// Steps with the same key in a row merge into one (typing a note is one undo step).
    coalesce: Option<String>,
    /// The revision of the session this step leads to (on the undo stack: the state it
    /// undoes; on the redo stack: the state it redoes).
    revision: u64,
}

/// An undo or redo step that could not be applied: the session is unchanged and the step
/// stays where it was, so nothing is lost silently.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{label}: {source}")]
pub struct StepFailed {
    /// The step's label ("add claim").
    pub label: String,
    /// Why its edit did not apply.
    pub source: EditError,
}

/// Undo and redo stacks, a change counter, and revision ids for "unsaved changes".
///
/// Every state of the session the history can reach has a revision id (as in helix): the
/// state it started from is 0, each new change makes a new id, and undo and redo go back to
/// the id of the state they restore. So undoing back to the saved state is "saved" again:
/// apply (rev 1), apply (rev 2), undo → rev 1, undo → rev 0.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Increases with every change, undo and redo.
    version: u64,
    /// The last revision id handed out.
    last_revision: u64,
}

impl History {
    /// Applies `edit` to `s` and records its inverse under `label`; clears the redo stack.
    pub fn apply(
        &mut self,
        s: &mut Session,
        edit: Edit,
        label: impl Into<String>,
    ) -> Result<(), EditError> {
        self.apply_coalescing(s, edit, label, None)
    }

    /// Like [`Self::apply`], but if the last step has the same `coalesce` key and nothing was
    /// undone since, the two become one step whose undo restores the state before both.
    pub fn apply_coalescing(
        &mut self,
        s: &mut Session,
        edit: Edit,
        label: impl Into<String>,
        coalesce: Option<String>,
    ) -> Result<(), EditError> {
        let inverse = edit.apply(s)?;
        self.version += 1;
        self.last_revision += 1;
        let revision = self.last_revision;
        let merge = coalesce.is_some()
            && self.redo.is_empty()
            && self
                .undo
                .last()
                .is_some_and(|last| last.coalesce == coalesce);
        self.redo.clear();
        match self.undo.last_mut() {
            // The merged step now leads to a new state.
            Some(last) if merge => last.revision = revision,
            _ => self.undo.push(Step {
                label: label.into(),
                inverse,
                coalesce,
                revision,
            }),
        }
        Ok(())
    }

    /// Ends coalescing: the next edit starts a new undo step even with the same key.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.coalesce = None;
        }
    }

    /// Undoes the last step; returns its label, or `None` if there is nothing to undo. If the
    /// step does not apply, the session is unchanged and the step stays on the undo stack.
    pub fn undo(&mut self, s: &mut Session) -> Result<Option<String>, StepFailed> {
        Self::swap(s, &mut self.undo, &mut self.redo, &mut self.version)
    }

    /// Redoes the last undone step; returns its label, or `None` if there is nothing to redo.
    /// If the step does not apply, the session is unchanged and the step stays on the redo stack.
    pub fn redo(&mut self, s: &mut Session) -> Result<Option<String>, StepFailed> {
        Self::swap(s, &mut self.redo, &mut self.undo, &mut self.version)
    }

    /// Applies the top step of `from` and moves its inverse to `to`.
    fn swap(
        s: &mut Session,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        version: &mut u64,
    ) -> Result<Option<String>, StepFailed> {
        let Some(step) = from.pop() else {
            return Ok(None);
        };
        match step.inverse.clone().apply(s) {
            Ok(inverse) => {
                to.push(Step {
                    label: step.label.clone(),
                    inverse,
                    coalesce: None,
                    revision: step.revision,
                });
                *version += 1;
                Ok(Some(step.label))
            }
            Err(source) => {
                let label = step.label.clone();
                from.push(step);
                Err(StepFailed { label, source })
            }
        }
    }

    /// Label of the step Undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// Label of the step Redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// A number that changes whenever the session changes through this history.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The id of the session's current state: 0 for the state the history started from, and
    /// the same id again whenever undo or redo comes back to a state.
    pub fn revision(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.revision)
    }

    /// True if the state `revision` was reached by a step that is applied now (Undo would
    /// revert it or a later one).
    pub fn is_applied(&self, revision: u64) -> bool {
        self.undo.iter().any(|s| s.revision == revision)
    }

    /// True if the step that reached the state `revision` was undone and Redo can bring it
    /// back.
    pub fn is_undone(&self, revision: u64) -> bool {
        self.redo.iter().any(|s| s.revision == revision)
    }

    /// Number of steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::ArticleRef;
    use crate::model::speaker::{Speaker, SpeakerId};

    #[test]
    fn undo_redo_round_trip() {
        let mut s = Session::new(ArticleRef::default());
        let mut h = History::default();
        h.apply(
            &mut s,
            Edit::InsertSpeaker(Speaker::new(SpeakerId(1), "A")),
            "add speaker",
        )
        .unwrap();
        assert_eq!(h.undo_label(), Some("add speaker"));
        assert_eq!(h.undo(&mut s), Ok(Some("add speaker".into())));
        assert!(s.speakers.is_empty());
        assert_eq!(h.redo(&mut s), Ok(Some("add speaker".into())));
        assert_eq!(s.speakers.len(), 1);
        assert_eq!(h.version(), 3);
        assert_eq!(h.redo(&mut s), Ok(None));
    }

    #[test]
    fn typing_coalesces_into_one_undo_step() {
        let mut s = Session::new(ArticleRef::default());
        let mut h = History::default();
        h.apply(
            &mut s,
            Edit::InsertSpeaker(Speaker::new(SpeakerId(1), "A")),
            "add",
        )
        .unwrap();
        for name in ["Ab", "Abc", "Abcd"] {
            let sp = Speaker::new(SpeakerId(1), name);
            h.apply_coalescing(
                &mut s,
                Edit::ReplaceSpeaker(sp),
                "rename",
                Some("name 1".into()),
            )
            .unwrap();
        }
        assert_eq!(h.undo_len(), 2);
        h.undo(&mut s).unwrap();
        assert_eq!(s.speakers[0].name, "A");
    }

    #[test]
    fn a_step_that_fails_is_reported_and_kept() {
        let mut s = Session::new(ArticleRef::default());
        let mut h = History::default();
        h.apply(
            &mut s,
            Edit::InsertSpeaker(Speaker::new(SpeakerId(1), "A")),
            "add speaker",
        )
        .unwrap();
        // Something outside the history removed the speaker: its undo cannot apply.
        s.speakers.clear();
        let before = s.clone();
        let err = h.undo(&mut s).unwrap_err();
        assert_eq!(err.label, "add speaker");
        assert_eq!(err.source, EditError::NoSpeaker(1));
        assert_eq!(err.to_string(), "add speaker: speaker 1 does not exist");
        assert_eq!(s, before, "session unchanged");
        assert_eq!(h.version(), 1, "nothing changed");
        assert_eq!(
            h.undo_label(),
            Some("add speaker"),
            "the step is still there"
        );
        assert_eq!(h.redo_label(), None);
        // Once the state fits again, the same step undoes.
        s.speakers.push(Speaker::new(SpeakerId(1), "A"));
        assert_eq!(h.undo(&mut s), Ok(Some("add speaker".into())));
        assert!(s.speakers.is_empty());
    }

    #[test]
    fn undoing_back_to_a_state_comes_back_to_its_revision() {
        let mut s = Session::new(ArticleRef::default());
        let mut h = History::default();
        assert_eq!(h.revision(), 0);
        let sp = |id| Edit::InsertSpeaker(Speaker::new(SpeakerId(id), "A"));
        h.apply(&mut s, sp(1), "one").unwrap();
        let one = h.revision();
        h.apply(&mut s, sp(2), "two").unwrap();
        let two = h.revision();
        assert!(one != 0 && two != one);
        h.undo(&mut s).unwrap();
        assert_eq!(h.revision(), one);
        h.undo(&mut s).unwrap();
        assert_eq!(h.revision(), 0, "back to the start");
        h.redo(&mut s).unwrap();
        assert_eq!(h.revision(), one);
        // A new change after an undo is a new state, not the one undone.
        h.apply(&mut s, sp(3), "three").unwrap();
        assert!(h.revision() != two && h.revision() != one);
    }
}
