//! The menu bar: every entry is a command of the table (label, key, tooltip) or a format.

use egui::RichText;
use egui::accesskit::{HasPopup, Role, Toggled};

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
    let response = ui.add_enabled(enabled, button).on_hover_text(cmd.tooltip());
    menu_item(ui, &response, None);
    if response.clicked() {
        actions.push(Action::Command(cmd));
        ui.close();
    }
}

/// A menu entry with an on/off state (Sticky mode): a check item a screen reader says "checked"
/// or "not checked".
fn command_toggle(
    ui: &mut egui::Ui,
    cmd: UiCommand,
    (enabled, on): (bool, bool),
    actions: &mut Vec<Action>,
) {
    let mut button = egui::Button::new(cmd.label()).selected(on);
    if !cmd.shortcut_text().is_empty() {
        button = button.shortcut_text(cmd.shortcut_text());
    }
    let response = ui.add_enabled(enabled, button).on_hover_text(cmd.tooltip());
    menu_item(ui, &response, Some(on));
    if response.clicked() {
        actions.push(Action::Command(cmd));
        ui.close();
    }
}

/// Tells assistive technology that `response` is a menu item (a check item when it has a
/// state), not a push button.
fn menu_item(ui: &egui::Ui, response: &egui::Response, checked: Option<bool>) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| match checked {
            Some(on) => {
                node.set_role(Role::MenuItemCheckBox);
                node.set_toggled(if on { Toggled::True } else { Toggled::False });
            }
            None => node.set_role(Role::MenuItem),
        });
}

/// A submenu or a menu of the bar: its button is a menu item that opens a menu, and the menu
/// is named after it.
fn menu<R>(
    ui: &mut egui::Ui,
    name: &str,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> egui::InnerResponse<Option<R>> {
    let r = ui.menu_button(name, |ui| {
        name_menu(ui, name);
        add(ui)
    });
    ui.ctx().accesskit_node_builder(r.response.id, |node| {
        node.set_role(Role::MenuItem);
        node.set_has_popup(HasPopup::Menu);
    });
    r
}

/// Names the menu `ui` is drawn in.
fn name_menu(ui: &egui::Ui, name: &str) {
    let menu = ui
        .stack()
        .iter()
        .find(|s| s.kind() == Some(egui::UiKind::Menu))
        .map(|s| s.unique_id);
    if let Some(id) = menu {
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_role(Role::Menu);
            node.set_label(format!("{name} menu"));
        });
    }
}

pub(super) fn menu_ui(app: &NewsmarkApp, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let has_doc = app.work.doc.is_some();
    menu(ui, "File", |ui| {
        command_button(ui, UiCommand::Open, true, actions);
        command_button(ui, UiCommand::PasteArticle, true, actions);
        command_button(ui, UiCommand::OpenFolder, true, actions);
        ui.add_enabled_ui(!app.prefs.recent.is_empty(), |ui| {
            menu(ui, "Open Recent", |ui| {
                for path in &app.prefs.recent {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    let r = ui.button(name).on_hover_text(path.display().to_string());
                    menu_item(ui, &r, None);
                    if r.clicked() {
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
            menu(ui, "Export", |ui| {
                for format in ExportFormat::ALL {
                    let r = ui.button(format.label());
                    menu_item(ui, &r, None);
                    if r.clicked() {
                        actions.push(Action::ChooseExport(format));
                        ui.close();
                    }
                }
            });
            command_button(ui, UiCommand::Publication, true, actions);
            menu(ui, "Import annotations", |ui| {
                for format in [ImportFormat::Brat, ImportFormat::W3c] {
                    let r = ui.button(format.label()).on_hover_text(
                        "Replace this session by annotations from a file made for this article",
                    );
                    menu_item(ui, &r, None);
                    if r.clicked() {
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
    menu(ui, "Edit", |ui| {
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
    menu(ui, "View", |ui| {
        command_button(ui, UiCommand::ZoomIn, true, actions);
        command_button(ui, UiCommand::ZoomOut, true, actions);
        command_button(ui, UiCommand::ToggleTheme, true, actions);
        ui.separator();
        command_button(ui, UiCommand::SwitchFocus, has_doc, actions);
        command_button(ui, UiCommand::WhatIsHere, has_doc, actions);
    });
    menu(ui, "Annotate", |ui| {
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
        let sticky = (has_doc, app.ui.sticky.is_some());
        command_toggle(ui, UiCommand::ToggleSticky, sticky, actions);
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
    menu(ui, "Help", |ui| {
        command_button(ui, UiCommand::UserGuide, true, actions);
        command_button(ui, UiCommand::Help, true, actions);
        ui.separator();
        command_button(ui, UiCommand::About, true, actions);
    });
}
