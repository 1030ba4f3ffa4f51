//! U or W on a cue or a mention that another quote already uses: never take it silently, ask —
//! share it (Enter, both quotes use it), move it to the open quote (Shift+Enter), or cancel
//! (Esc).

use crate::model::annotation::{AnnotationId, Span};
use crate::model::attribution::Sharing;

use crate::ui::commands::UiCommand;
use crate::ui::text_engine::bidi::visual;
use crate::ui::vocabulary::Action;
use crate::ui::vocabulary::QuotePart;

/// The question waiting for an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharingPrompt {
    /// The quote the part goes to.
    pub quote: AnnotationId,
    /// Cue or source.
    pub part: QuotePart,
    /// The cue's span, or the source mention's.
    pub span: Span,
    /// The source mention (for a source).
    pub mention: Option<AnnotationId>,
    /// The quotes (and claims) that already use it.
    pub others: Vec<AnnotationId>,
    /// What is asked: "“said” is already the cue of quote #2 “…”."
    pub question: String,
    /// The quote it would go to, as messages name it.
    pub target: String,
}

/// Draws the question; pushes the answer clicked (or a cancel) as an action. Its keys are in
/// the command table (`AnswerDefault`, `AnswerMove`, `AnswerCancel`).
pub fn sharing_prompt_ui(p: &SharingPrompt, ctx: &egui::Context, actions: &mut Vec<Action>) {
    let mut answer: Option<Option<Sharing>> = None;
    let keys = |c: UiCommand| c.shortcut_text();
    let title = format!("This {} is taken", p.part.noun());
    crate::ui::dialogs::question_window(title, ctx).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.label(visual(&p.question));
        ui.label(visual(&format!("You are attaching it to {}.", p.target)));
        ui.add_space(4.0);
        if ui
            .button(format!(
                "{} · Share it: both quotes use it",
                keys(UiCommand::AnswerDefault)
            ))
            .on_hover_text("One cue or source may serve several quotes (PolNeAR does this)")
            .clicked()
        {
            answer = Some(Some(Sharing::Share));
        }
        if ui
            .button(format!(
                "{} · Move it to this quote only",
                keys(UiCommand::AnswerMove)
            ))
            .clicked()
        {
            answer = Some(Some(Sharing::Move));
        }
        if crate::ui::dialogs::cancel_and_undo_hint(ui) {
            answer = Some(None);
        }
    });
    if let Some(choice) = answer {
        actions.push(Action::AnswerSharing(choice));
    }
}
