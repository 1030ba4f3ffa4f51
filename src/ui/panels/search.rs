//! The search field and its buttons, drawn in the toolbar.
use crate::ui::commands::UiCommand;
use crate::ui::state::search::SearchState;
use crate::ui::vocabulary::Action;
use egui::{Id, RichText};

/// Id of the search field.
pub fn field_id() -> Id {
    Id::unique("search_field")
}

/// The search field and its buttons, drawn in the toolbar.
pub fn search_ui(search: &SearchState, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let mut query = search.query.clone();
    let field = egui::TextEdit::singleline(&mut query)
        .id(field_id())
        .hint_text(format!("Find ({})", UiCommand::Find.shortcut_text()))
        .desired_width(180.0);
    let label = ui.label("Find:");
    if search.focus {
        ui.memory_mut(|m| m.request_focus(field_id()));
    }
    let r = ui.add(field).labelled_by(label.id);
    if r.changed() {
        actions.push(Action::SetSearch(query));
    }
    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        actions.push(Action::Command(UiCommand::FindNext));
    }
    let n = search.matches.len();
    if !search.query.trim().is_empty() {
        let text = match search.current {
            Some(i) => format!("{} / {n}", i + 1),
            None => format!("{n} found"),
        };
        ui.label(RichText::new(text).weak());
        if ui
            .small_button("Prev")
            .on_hover_text(UiCommand::FindPrevious.hover_text())
            .clicked()
        {
            actions.push(Action::Command(UiCommand::FindPrevious));
        }
        if ui
            .small_button("Next")
            .on_hover_text(UiCommand::FindNext.hover_text())
            .clicked()
        {
            actions.push(Action::Command(UiCommand::FindNext));
        }
    }
}
