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

/// Undo and redo stacks plus a change counter for "unsaved changes".
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Increases with every change, undo and redo.
    version: u64,
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
        let merge = coalesce.is_some()
            && self.redo.is_empty()
            && self
                .undo
                .last()
                .is_some_and(|last| last.coalesce == coalesce);
        self.redo.clear();
        if !merge {
            self.undo.push(Step {
                label: label.into(),
                inverse,
                coalesce,
            });
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
}
