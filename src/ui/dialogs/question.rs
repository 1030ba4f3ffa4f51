//! What every question window shares: where it stands, its Cancel button and its undo note.

/// A question's window ("Who is this?", "This cue is taken"): in the middle of the window, a
/// fixed size, answered by its buttons or keys.
pub fn question_window(
    title: impl Into<egui::WidgetText>,
    ctx: &egui::Context,
) -> egui::Window<'static> {
    egui::Window::new(title)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .collapsible(false)
        .resizable(false)
}

/// A question's Cancel button (with its key) and the note that any answer is one undo step;
/// true when Cancel was clicked.
pub fn cancel_and_undo_hint(ui: &mut egui::Ui) -> bool {
    use crate::ui::commands::UiCommand;
    let cancel = ui
        .button(format!(
            "{} · Cancel",
            UiCommand::AnswerCancel.shortcut_text()
        ))
        .clicked();
    ui.label(
        egui::RichText::new(format!(
            "Whatever you choose is one step: {} undoes it.",
            UiCommand::Undo.shortcut_text()
        ))
        .weak()
        .small(),
    );
    cancel
}
