//! Holding an export back while annotations are not anchored in the article, and listing them
//! for review (the window is `dialogs/review.rs`).

use crate::io::formats::files::ExportFormat;
use crate::ui::app::NewsmarkApp;
use crate::ui::state::review::*;
use std::path::PathBuf;

impl NewsmarkApp {
    /// Holds an export back when some annotations are not anchored: lists them for review and
    /// returns true; returns false if the export may go ahead.
    pub(crate) fn hold_export(&mut self, format: ExportFormat, path: PathBuf) -> bool {
        let Some(doc) = &self.work.doc else {
            return false;
        };
        let unanchored: Vec<_> = doc.unanchored().iter().map(|a| a.id).collect();
        if unanchored.is_empty() {
            self.work.recovery.export = None;
            return false;
        }
        let n = unanchored.len();
        let total = doc.session.annotations.len();
        let none_anchored = n == total;
        self.ui.status = if none_anchored {
            format!(
                "None of the {total} annotations is anchored in this article: it is not this \
                 session's article; nothing was exported"
            )
        } else {
            format!(
                "{n} annotation(s) are not anchored in this article; review them before \
                 exporting (nothing was exported)"
            )
        };
        for id in unanchored {
            if !self.work.recovery.review.contains(&id) {
                self.work.recovery.review.push(id);
            }
        }
        self.work.recovery.export = Some(HeldExport {
            format,
            path,
            none_anchored,
        });
        self.ui.view.invalidate();
        true
    }
}
