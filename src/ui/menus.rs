//! The menu bar: every entry is a command of the table (label, key, tooltip) or a format.

use egui::RichText;

use crate::io::formats::files::{ExportFormat, ImportFormat};

use crate::ui::app::NewsmarkApp;
use crate::ui::commands::UiCommand;
use crate::ui::vocabulary::Action;

/// A menu entry for a command from the table: its text, shortcut and tooltip.
fn command_button(ui: &mut egui::Ui, cmd: UiCommand, enabled: bool, actions: &mut Vec<Action>) {
    let shortcut = cmd.shortcut_text();
    let mut button = egui::Button::new(cmd.label());
    // An empty shortcut would still add a space to the accessible label.
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(cmd.tooltip())
        .clicked()
    {
        actions.push(Action::Command(cmd));
        ui.close();
    }
}

pub(super) fn menu_ui(app: &NewsmarkApp, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let has_doc = app.work.doc.is_some();
    ui.menu_button("File", |ui| {
        command_button(ui, UiCommand::Open, true, actions);
        command_button(ui, UiCommand::OpenFolder, true, actions);
        ui.add_enabled_ui(!app.prefs.recent.is_empty(), |ui| {
            ui.menu_button("Open Recent", |ui| {
                for path in &app.prefs.recent {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        actions.push(Action::Open(path.clone()));
                        ui.close();
                    }
                }
            });
        });
        command_button(ui, UiCommand::Save, has_doc, actions);
        command_button(ui, UiCommand::SaveAs, has_doc, actions);
        ui.separator();
        ui.add_enabled_ui(has_doc, |ui| {
            ui.menu_button("Export", |ui| {
                for format in ExportFormat::ALL {
                    if ui.button(format.label()).clicked() {
                        actions.push(Action::ChooseExport(format));
                        ui.close();
                    }
                }
            });
            command_button(ui, UiCommand::Publication, true, actions);
            ui.menu_button("Import annotations", |ui| {
                for format in [ImportFormat::Brat, ImportFormat::W3c] {
                    if ui
                        .button(format.label())
                        .on_hover_text(
                            "Replace this session by annotations from a file made for this article",
                        )
                        .clicked()
                    {
                        actions.push(Action::ChooseImport(format));
                        ui.close();
                    }
                }
            });
            command_button(ui, UiCommand::CompareWith, true, actions);
        });
        ui.separator();
        command_button(ui, UiCommand::Quit, true, actions);
    });
    ui.menu_button("Edit", |ui| {
        let undo = app.work.history.undo_label().map(|l| format!("Undo {l}"));
        let redo = app.work.history.redo_label().map(|l| format!("Redo {l}"));
        command_button(ui, UiCommand::Undo, undo.is_some(), actions);
        if let Some(u) = undo {
            ui.label(RichText::new(u).weak().small());
        }
        command_button(ui, UiCommand::Redo, redo.is_some(), actions);
        ui.separator();
        command_button(
            ui,
            UiCommand::DeleteAnnotation,
            app.ui.selected.is_some(),
            actions,
        );
        command_button(ui, UiCommand::ClearSelection, true, actions);
    });
    ui.menu_button("View", |ui| {
        command_button(ui, UiCommand::ZoomIn, true, actions);
        command_button(ui, UiCommand::ZoomOut, true, actions);
        command_button(ui, UiCommand::ToggleTheme, true, actions);
    });
    ui.menu_button("Annotate", |ui| {
        let sel = app.ui.selection.is_some();
        command_button(ui, UiCommand::MarkClaim, sel, actions);
        command_button(ui, UiCommand::MarkQuote, sel, actions);
        command_button(ui, UiCommand::MarkMention, sel, actions);
        ui.separator();
        command_button(ui, UiCommand::NextAnnotation, has_doc, actions);
        command_button(ui, UiCommand::PrevAnnotation, has_doc, actions);
        ui.separator();
        command_button(ui, UiCommand::Find, has_doc, actions);
        command_button(ui, UiCommand::FindNext, has_doc, actions);
        command_button(ui, UiCommand::FindPrevious, has_doc, actions);
        command_button(ui, UiCommand::ToggleSticky, has_doc, actions);
        ui.separator();
        let in_project = app.work.project.is_some();
        command_button(ui, UiCommand::PrevDocument, in_project, actions);
        command_button(ui, UiCommand::NextDocument, in_project, actions);
        command_button(ui, UiCommand::ToggleDone, in_project, actions);
        ui.separator();
        command_button(ui, UiCommand::Suggest, has_doc, actions);
        let pending = !app.ui.suggestions.pending.is_empty();
        command_button(ui, UiCommand::AcceptSuggestion, pending, actions);
        command_button(ui, UiCommand::RejectSuggestion, pending, actions);
        let can_train = in_project && app.ui.suggestions.training.is_none();
        command_button(ui, UiCommand::TrainFromProject, can_train, actions);
    });
    ui.menu_button("Help", |ui| {
        command_button(ui, UiCommand::Help, true, actions);
    });
}
