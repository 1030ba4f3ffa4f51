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

    /// Undoes the last step; returns its label, or `None` if there is nothing to undo.
    pub fn undo(&mut self, s: &mut Session) -> Option<String> {
        let step = self.undo.pop()?;
        Some(Self::swap(s, step, &mut self.redo, &mut self.version))
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, s: &mut Session) -> Option<String> {
        let step = self.redo.pop()?;
        Some(Self::swap(s, step, &mut self.undo, &mut self.version))
    }

    fn swap(s: &mut Session, step: Step, other: &mut Vec<Step>, version: &mut u64) -> String {
        // An inverse always applies to the state it was made from.
        if let Ok(inverse) = step.inverse.apply(s) {
            other.push(Step {
                label: step.label.clone(),
                inverse,
                coalesce: None,
            });
            *version += 1;
        }
        step.label
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
        assert_eq!(h.undo(&mut s).as_deref(), Some("add speaker"));
        assert!(s.speakers.is_empty());
        assert_eq!(h.redo(&mut s).as_deref(), Some("add speaker"));
        assert_eq!(s.speakers.len(), 1);
        assert_eq!(h.version(), 3);
        assert!(h.redo(&mut s).is_none());
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
        h.undo(&mut s);
        assert_eq!(s.speakers[0].name, "A");
    }
}
