//! The list of suggestions above the annotations, with accept and reject.
use crate::io::document::Document;
use crate::ui::state::UiState;
use crate::ui::state::suggestions::*;
use crate::ui::text_engine::bidi::visual;
use crate::ui::vocabulary::Action;
use egui::RichText;

/// The list of pending suggestions, above the annotation list.
pub fn suggestions_ui(
    doc: &Document,
    state: &UiState,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    if state.suggestions.pending.is_empty() {
        return;
    }
    // Wrapped, so the buttons go to a second line in a narrow panel instead of past its edge.
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("{} suggestion(s)", state.suggestions.pending.len()));
        let has = |q: bool| {
            state
                .suggestions
                .pending
                .iter()
                .any(|s| matches!(s, Suggested::Quote(_)) == q)
        };
        if has(true) && ui.small_button("Accept all quotes").clicked() {
            actions.push(Action::AcceptAllSuggestions(true));
        }
        if has(false) && ui.small_button("Accept all mentions").clicked() {
            actions.push(Action::AcceptAllSuggestions(false));
        }
        if ui.small_button("Dismiss all").clicked() {
            actions.push(Action::DismissSuggestions);
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("suggestions")
        .max_height(160.0)
        .show(ui, |ui| {
            for (i, s) in state.suggestions.pending.iter().enumerate() {
                let span = s.span();
                let what = match s {
                    Suggested::Quote(q) => format!(
                        "Quote · {} — {}",
                        q.speaker.as_deref().unwrap_or("speaker?"),
                        doc.text.slice(span.start..span.end)
                    ),
                    Suggested::Mention(m) => format!("Mention · {}", m.speaker),
                };
                ui.horizontal(|ui| {
                    if ui.small_button("Accept").clicked() {
                        actions.push(Action::AcceptSuggestion(i));
                    }
                    if ui.small_button("Reject").clicked() {
                        actions.push(Action::RejectSuggestion(i));
                    }
                    ui.add(egui::Label::new(RichText::new(visual(&what)).weak()).truncate());
                });
            }
        });
    ui.separator();
}
