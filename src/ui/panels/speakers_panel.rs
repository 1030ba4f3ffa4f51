//! The Speakers tab: the registry with counts, and the editor of the selected speaker.

use crate::ui::text_engine::bidi::visual;
use egui::RichText;

use crate::io::document::Document;
use crate::model::edit::Edit;
use crate::model::speaker::{Speaker, SpeakerKind};

use crate::ui::state::UiState;
use crate::ui::style;
use crate::ui::vocabulary::{Action, Field};

/// Draws the speaker list and the selected speaker's editor.
pub fn speakers_ui(state: &UiState, doc: &Document, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let mut name = state.new_speaker_name.clone();
        // No label beside it: the hint goes once something is typed, so the name is its own.
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut name)
                    .hint_text("new speaker name")
                    .desired_width(160.0),
            )
            .accessible_name("New speaker name");
        if r.changed() {
            actions.push(Action::SetField(Field::NewSpeaker, name.clone()));
        }
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Add speaker").clicked() || enter) && !name.trim().is_empty() {
            actions.push(Action::AddSpeaker(name));
            actions.push(Action::SetField(Field::NewSpeaker, String::new()));
        }
    });
    ui.add_space(4.0);
    if doc.session.speakers.is_empty() {
        ui.label(
            RichText::new(format!(
                "No speakers yet. Select a name in the article and press {}.",
                crate::ui::commands::UiCommand::MarkMention.shortcut_text()
            ))
            .weak(),
        );
    }
    let list_height = if state.selected_speaker.is_some() {
        ui.available_height() * 0.4
    } else {
        ui.available_height()
    };
    egui::ScrollArea::vertical()
        .id_salt("speaker_list")
        .max_height(list_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (n, s) in doc.session.speakers.iter().enumerate() {
                ui.horizontal(|ui| speaker_row(state, doc, n, s, ui, actions));
            }
        });
    if !state.candidates.is_empty() {
        ui.separator();
        candidates_ui(state, doc, ui, actions);
    }
    if let Some(s) = state
        .selected_speaker
        .and_then(|id| doc.session.speaker(id))
    {
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("speaker_editor")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                speaker_editor_ui(state, doc, s, ui, actions);
            });
    }
}

/// One speaker in the list: colour, digit key, name, "(current)", counts.
fn speaker_row(
    state: &UiState,
    doc: &Document,
    n: usize,
    s: &Speaker,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 3.0, style::rgb(s.colour));
    let key = if n < 9 {
        format!("{} ", n + 1)
    } else {
        String::new()
    };
    let current = if state.current_speaker == Some(s.id) {
        "  (current)"
    } else {
        ""
    };
    let label = format!("{key}{}{current}", visual(&s.name));
    let row = ui
        .selectable_label(state.selected_speaker == Some(s.id), label)
        .on_hover_text(
            "Click to edit; (current) marks the speaker new quotes and claims are attributed to",
        );
    if row.clicked() {
        actions.push(Action::SelectSpeaker(Some(s.id)));
    }
    let (m, q, c) = doc.session.speaker_counts(s.id);
    let counts = format!(
        "{} · {} · {}",
        style::count(m, "mention"),
        style::count(q, "quote"),
        style::count(c, "claim")
    );
    ui.label(RichText::new(counts).weak().small());
}

fn speaker_editor_ui(
    state: &UiState,
    doc: &Document,
    s: &Speaker,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    let replace =
        |actions: &mut Vec<Action>, new: Speaker, label: &str, coalesce: Option<String>| {
            actions.push(Action::Edit {
                edit: Box::new(Edit::ReplaceSpeaker(new)),
                label: label.to_owned(),
                coalesce,
            });
        };
    egui::Grid::new("speaker_fields")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let name_label = ui.label("Name");
            let mut name = s.name.clone();
            if ui
                .text_edit_singleline(&mut name)
                .labelled_by(name_label.id)
                .changed()
            {
                let mut new = s.clone();
                new.name = name;
                replace(
                    actions,
                    new,
                    "rename speaker",
                    Some(format!("speaker name {}", s.id.0)),
                );
            }
            ui.end_row();
            let kind_label = ui.label("Kind");
            egui::ComboBox::from_id_salt("speaker_kind")
                .selected_text(s.kind.label())
                .show_ui(ui, |ui| {
                    for k in SpeakerKind::ALL {
                        if ui.selectable_label(s.kind == k, k.label()).clicked() && s.kind != k {
                            let mut new = s.clone();
                            new.kind = k;
                            replace(actions, new, "change speaker kind", None);
                        }
                    }
                })
                .response
                .labelled_by(kind_label.id);
            ui.end_row();
            let role_label = ui.label("Role");
            let mut role = s.role.clone();
            if ui
                .add(egui::TextEdit::singleline(&mut role).hint_text("e.g. NATO Secretary General"))
                .labelled_by(role_label.id)
                .changed()
            {
                let mut new = s.clone();
                new.role = role;
                replace(
                    actions,
                    new,
                    "edit role",
                    Some(format!("speaker role {}", s.id.0)),
                );
            }
            ui.end_row();
            let colour_label = ui.label("Colour");
            let mut colour = s.colour;
            let swatch = egui::color_picker::color_edit_button_srgb(ui, &mut colour);
            name_copy_button(ui.ctx(), swatch.id);
            if swatch.labelled_by(colour_label.id).changed() {
                let mut new = s.clone();
                new.colour = colour;
                replace(
                    actions,
                    new,
                    "change colour",
                    Some(format!("speaker colour {}", s.id.0)),
                );
            }
            ui.end_row();
            let aliases_label = ui.label("Aliases");
            ui.vertical(|ui| {
                for (i, alias) in s.aliases.iter().enumerate() {
                    ui.horizontal(|ui| {
                        ui.label(alias);
                        let name = format!("Remove alias {alias}");
                        if crate::ui::panels::widgets::remove_button(ui, &name, "Remove this alias")
                        {
                            let mut new = s.clone();
                            new.aliases.remove(i);
                            replace(actions, new, "remove alias", None);
                        }
                    });
                }
                ui.horizontal(|ui| {
                    let mut alias = state.new_alias.clone();
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut alias)
                                .hint_text("add alias")
                                .desired_width(140.0),
                        )
                        .labelled_by(aliases_label.id);
                    if r.changed() {
                        actions.push(Action::SetField(Field::NewAlias, alias.clone()));
                    }
                    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui.button("Add").clicked() || enter {
                        let mut new = s.clone();
                        if new.add_alias(&alias) {
                            replace(actions, new, "add alias", None);
                        }
                        actions.push(Action::SetField(Field::NewAlias, String::new()));
                    }
                });
            });
            ui.end_row();
        });
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Make current")
            .on_hover_text("New quotes and claims are attributed to the current speaker (keys 1–9)")
            .clicked()
        {
            actions.push(Action::SetCurrentSpeaker(Some(s.id)));
        }
        let others: Vec<&Speaker> = doc
            .session
            .speakers
            .iter()
            .filter(|o| o.id != s.id)
            .collect();
        ui.add_enabled_ui(!others.is_empty(), |ui| {
            ui.menu_button("Merge into…", |ui| {
                for o in others {
                    if ui
                        .button(&o.name)
                        .on_hover_text("Move every link and name of this speaker to that one")
                        .clicked()
                        && let Some(edit) = Edit::merge_speakers(&doc.session, s.id, o.id)
                    {
                        actions.push(Action::Edit {
                            edit: Box::new(edit),
                            label: format!("merge {} into {}", s.name, o.name),
                            coalesce: None,
                        });
                        actions.push(Action::SelectSpeaker(Some(o.id)));
                    }
                }
            });
        });
        if ui
            .button("Find other mentions")
            .on_hover_text(
                "Underline every place the name or an alias occurs that is not marked yet",
            )
            .clicked()
        {
            actions.push(Action::FindMentions(s.id));
        }
        if ui
            .button("Delete speaker")
            .on_hover_text("Delete this speaker; its annotations are kept without a speaker")
            .clicked()
        {
            actions.push(Action::Edit {
                edit: Box::new(Edit::delete_speaker(&doc.session, s.id)),
                label: format!("delete speaker {}", s.name),
                coalesce: None,
            });
        }
    });
}

/// The offered mentions from "Find other mentions": accept one by one or all at once.
fn candidates_ui(state: &UiState, doc: &Document, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.strong(format!("{} possible mention(s)", state.candidates.len()));
        if ui.button("Accept all").clicked() {
            actions.push(Action::AcceptAllCandidates);
        }
        if ui.button("Dismiss").clicked() {
            actions.push(Action::ClearCandidates);
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("candidates")
        .max_height(160.0)
        .show(ui, |ui| {
            for (i, (span, speaker)) in state.candidates.iter().enumerate() {
                ui.horizontal(|ui| {
                    let before: String = doc.text.prefix_of(span.start, 20).replace('\n', " ");
                    let name = doc.text.slice(span.start..span.end);
                    let r = ui.link(format!("…{before}[{name}]")).on_hover_text(format!(
                        "Show it in the article ({})",
                        doc.session.speaker_name(Some(*speaker))
                    ));
                    if r.clicked() {
                        actions.push(Action::ShowSpan(*span));
                    }
                    if ui.small_button("Accept").clicked() {
                        actions.push(Action::AcceptCandidate(i));
                    }
                });
            }
        });
}

/// Names the copy button of egui's colour picker, open under the swatch `swatch`: egui labels it
/// with its icon alone ("📋"), which says nothing to a screen reader.
fn name_copy_button(ctx: &egui::Context, swatch: egui::Id) {
    let icons: Vec<egui::Id> = ctx.viewport(|v| {
        let Some(state) = &v.this_pass.accesskit_state else {
            return Vec::new();
        };
        // Up the accessibility parents (a bounded walk: a widget is never that deep).
        let under_swatch = |id: egui::Id| {
            std::iter::successors(Some(id), |id| state.parent_map.get(id).copied())
                .take(64)
                .any(|ancestor| ancestor == swatch)
        };
        state
            .nodes
            .iter()
            .filter(|(id, node)| node.label() == Some("📋") && under_swatch(**id))
            .map(|(id, _)| *id)
            .collect()
    });
    for id in icons {
        ctx.accesskit_node_builder(id, |node| node.set_label("Copy the colour values"));
    }
}
