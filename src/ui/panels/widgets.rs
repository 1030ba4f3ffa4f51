//! Small widgets the panels share: a named remove button and the speaker picker.

use crate::io::document::Document;
use crate::model::speaker::SpeakerId;
use crate::ui::text_engine::bidi::visual;

/// A small "remove" button; its accessible `name` says what it removes, since several of
/// them can sit in one editor.
pub fn remove_button(ui: &mut egui::Ui, name: &str, hover: &str) -> bool {
    let r = ui.small_button("remove").on_hover_text(hover);
    ui.ctx()
        .accesskit_node_builder(r.id, |node| node.set_label(name));
    r.clicked()
}

/// A combo box listing the speakers; returns the new choice when it changed.
pub fn speaker_combo(
    doc: &Document,
    ui: &mut egui::Ui,
    id_salt: &str,
    current: Option<SpeakerId>,
    none_label: &str,
    label: egui::Id,
) -> Option<Option<SpeakerId>> {
    let mut chosen = current;
    let name = match current {
        Some(_) => visual(doc.session.speaker_name(current)).into_owned(),
        None => none_label.to_owned(),
    };
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(name)
        .width(180.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, none_label);
            for (n, s) in doc.session.speakers.iter().enumerate() {
                let label = match n {
                    0..9 => format!("{}  {}", n + 1, visual(&s.name)),
                    _ => visual(&s.name).into_owned(),
                };
                ui.selectable_value(&mut chosen, Some(s.id), label);
            }
        })
        .response
        .labelled_by(label);
    (chosen != current).then_some(chosen)
}
