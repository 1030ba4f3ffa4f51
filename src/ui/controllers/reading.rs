//! Reading without sight: moving the keyboard between the article and the side panel, and
//! saying what is under the caret (through the status bar, a live region a screen reader
//! announces).

use crate::model::annotation::Kind;
use crate::ui::app::NewsmarkApp;
use crate::ui::article_view::describe_annotation;

use crate::ui::panels::side_panel::side_panel_target;

impl NewsmarkApp {
    /// F6: the keyboard goes from the article to the side panel, or from anywhere else back to
    /// the article (with a caret).
    pub(crate) fn switch_focus(&mut self, ctx: &egui::Context) {
        let article = self.ui.view.text_id();
        let focused = ctx.memory(|m| m.focused());
        let target: Option<egui::Id> = ctx.data(|d| d.get_temp(side_panel_target()));
        match target {
            Some(side) if focused.is_some() && focused == article => {
                ctx.memory_mut(|m| m.request_focus(side));
                self.ui.status = "Side panel".into();
            }
            _ => {
                self.ui.view.focus = true;
                self.ui.status = "Article".into();
            }
        }
    }

    /// Says what is under the caret: each annotation there (innermost first) with its speaker
    /// and verdict, or that there is none.
    pub(crate) fn what_is_here(&mut self) {
        let Some(doc) = self.work.doc.as_ref() else {
            return;
        };
        let Some(at) = self.ui.view.caret() else {
            self.ui.status = "No caret in the article: F6 puts it there".into();
            return;
        };
        let session = &doc.session;
        // At the end of a word the caret is after the annotation's last character.
        let ids = match self.ui.view.annotations_at(session, at) {
            ids if ids.is_empty() && at > 0 => self.ui.view.annotations_at(session, at - 1),
            ids => ids,
        };
        let said: Vec<String> = ids
            .iter()
            .filter_map(|id| session.annotation(*id))
            .map(|a| match &a.kind {
                Kind::Claim(c) => {
                    let who = c
                        .speaker
                        .and_then(|s| session.speaker(s))
                        .map_or("the outlet", |s| s.name.as_str());
                    format!(
                        "{} (made by {who})",
                        describe_annotation(session, &doc.text, a)
                    )
                }
                _ => describe_annotation(session, &doc.text, a),
            })
            .collect();
        let mut status = if said.is_empty() {
            format!("No annotation at code point {at}")
        } else {
            format!("At code point {at}: {}", said.join("; "))
        };
        // The same words again would not be announced: say that they are repeated.
        if status == self.ui.status {
            status.push_str(" (again)");
        }
        self.ui.status = status;
    }
}
