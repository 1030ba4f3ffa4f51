//! "Unsaved work found": the offer to restore a recovery file, and the review window.
use crate::model::annotation::Span;
use crate::model::session::Session;
use crate::ui::state::Work;
use crate::ui::vocabulary::Action;
use egui::{Id, Modal};

/// The restore offer and the review window; reads the work, returns what the user chose.
pub fn recovery_ui(work: &Work, selection: Option<Span>, ctx: &egui::Context) -> Vec<Action> {
    if work.recovery.hands.ask_held {
        return crate::ui::dialogs::hands::held_ui(work, ctx)
            .into_iter()
            .collect();
    }
    if work.recovery.hands.question.is_some() {
        return crate::ui::dialogs::hands::changed_on_disk_ui(work, ctx)
            .into_iter()
            .collect();
    }
    let mut actions = Vec::new();
    if let Some((session, changes)) = &work.recovery.offer {
        if let Some(restore) = offer_ui(session, *changes, ctx) {
            actions.push(Action::AnswerRecovery(restore));
        }
        return actions;
    }
    if let Some(doc) = &work.doc {
        crate::ui::dialogs::review::review_ui(doc, &work.recovery, selection, ctx, &mut actions);
    }
    actions
}

/// "Unsaved work found": `Some(true)` to restore, `Some(false)` to discard.
fn offer_ui(session: &Session, changes: u64, ctx: &egui::Context) -> Option<bool> {
    let choice = Modal::new(Id::unique("recovery_modal")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("Unsaved work found");
        ui.label(format!(
            "newsmark was closed without saving this document. The recovery file holds {} \
             unsaved: {} and {}.",
            crate::ui::style::count(changes as usize, "change"),
            crate::ui::style::count(session.annotations.len(), "annotation"),
            crate::ui::style::count(session.speakers.len(), "speaker"),
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let restore = ui.button("Restore").on_hover_text("Open the unsaved work");
            if restore.clicked() {
                return Some(true);
            }
            let discard = ui
                .button("Discard")
                .on_hover_text("Delete the unsaved work and keep the file as saved");
            discard.clicked().then_some(false)
        })
        .inner
    });
    choice.inner
}
