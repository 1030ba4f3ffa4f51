//! Undo and redo in the window: the step, its message, and what follows the session back or
//! forth (suggestions an undone accept took).

use crate::ui::app::NewsmarkApp;

impl NewsmarkApp {
    /// Undoes (or redoes) one step and says which.
    pub(crate) fn undo_redo(&mut self, undo: bool) {
        let Some(doc) = self.work.doc.as_mut() else {
            return;
        };
        let result = if undo {
            self.work.history.undo(&mut doc.session)
        } else {
            self.work.history.redo(&mut doc.session)
        };
        let verb = if undo { "undo" } else { "redo" };
        self.ui.status = match result {
            Ok(Some(l)) if undo => format!("Undid {l}"),
            Ok(Some(l)) => format!("Redid {l}"),
            Ok(None) => format!("Nothing to {verb}"),
            // The step stays where it was: the user can see it in the menu and try again.
            Err(e) => format!("Could not {verb} {e} (the step is kept; nothing was changed)"),
        };
        let back = self.suggestions_follow_history();
        if back > 0 {
            self.ui.status = format!(
                "{} — {} listed again",
                self.ui.status,
                crate::ui::style::count(back, "suggestion")
            );
        }
        self.after_change();
    }
}
