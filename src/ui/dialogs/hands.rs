//! Two hands on one session: "it is open elsewhere" (open it read-only, or not), and "the
//! session changed on disk" (reload, save a copy, overwrite or cancel).

use egui::{Id, Modal};

use crate::ui::state::Work;
use crate::ui::vocabulary::{Action, DiskChoice};

/// "The session changed on disk": returns the user's choice.
pub fn changed_on_disk_ui(work: &Work, ctx: &egui::Context) -> Option<Action> {
    let path = work.recovery.hands.question.as_ref()?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    let choice = Modal::new(Id::unique("changed_on_disk_modal")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(format!("{name} changed on disk"));
        ui.label(format!(
            "Someone or something wrote {} after you opened it. Saving now would replace \
             their version with yours.",
            path.display()
        ));
        ui.add_space(8.0);
        let mut choice = None;
        ui.horizontal(|ui| {
            if ui
                .button("Reload")
                .on_hover_text("Open their version; your edits are kept in the recovery folder")
                .clicked()
            {
                choice = Some(DiskChoice::Reload);
            }
            if ui
                .button("Save a copy")
                .on_hover_text("Write your version beside it as NAME.mine.ron")
                .clicked()
            {
                choice = Some(DiskChoice::SaveCopy);
            }
            if ui
                .button("Overwrite")
                .on_hover_text("Write your version; theirs is kept as NAME.theirs.ron")
                .clicked()
            {
                choice = Some(DiskChoice::Overwrite);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(DiskChoice::Cancel);
            }
        });
        choice
    });
    choice.inner.map(Action::DiskChanged)
}

/// "This session is open elsewhere": returns the answer, open read-only or not. Escape (or a
/// click outside) opens it read-only, which changes nothing on disk.
pub fn held_ui(work: &Work, ctx: &egui::Context) -> Option<Action> {
    let holder = work.recovery.hands.held_by.as_ref()?;
    let name = work
        .doc
        .as_ref()
        .map(crate::io::document::Document::display_name)
        .unwrap_or_default();
    let r = Modal::new(Id::unique("held_modal")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(format!("{name} is open elsewhere"));
        ui.label(format!(
            "It is open in newsmark by {holder}. You can read and annotate it here, but saving \
             over it is refused until they close it; Save As writes a copy."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Open read-only").clicked() {
                return Some(true);
            }
            ui.button("Don't open").clicked().then_some(false)
        })
        .inner
    });
    r.inner
        .or_else(|| r.should_close().then_some(true))
        .map(Action::AnswerHeld)
}
