//! The side panel's editor of the selected annotation.

use super::text_engine::bidi::visual;
use egui::{Color32, RichText};

use crate::io::document::Document;
use crate::model::annotation::{
    Annotation, CheckWorthiness, Claim, Kind, KindTag, Quote, QuoteType, Verdict,
};
use crate::model::edit::Edit;

use super::app::Action;
use super::commands::UiCommand;
use super::side_panel::speaker_combo;
use super::state::UiState;

/// The editor of the selected annotation: kind, speaker, quote and claim fields, note.
pub fn editor_ui(
    state: &UiState,
    doc: &Document,
    a: &Annotation,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.strong(format!("{} #{}", a.kind.tag().label(), a.id.0));
        ui.label(RichText::new(format!("{}–{}", a.start, a.end)).weak())
            .on_hover_text("code-point offsets in the normalized article text");
    });
    ui.label(RichText::new(visual(&a.exact)).italics());
    ui.add_space(4.0);
    egui::Grid::new("annotation_fields").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
        ui.label("Kind");
        ui.horizontal(|ui| {
            for tag in KindTag::ALL {
                if ui.selectable_label(a.kind.tag() == tag, tag.label()).clicked() && a.kind.tag() != tag {
                    let mut new = a.clone();
                    new.kind = a.kind.retagged(tag);
                    actions.push(replace_action(new, "change kind", None));
                }
            }
        });
        ui.end_row();
        let speaker_label = ui.label(if a.kind.tag() == KindTag::Claim { "Claimed by" } else { "Speaker" });
        let none = if a.kind.tag() == KindTag::Claim { "the outlet" } else { "unknown" };
        if let Some(choice) = speaker_combo(
            doc,
            ui,
            "annotation_speaker",
            a.kind.speaker(),
            none,
            speaker_label.id,
        ) {
            let mut new = a.clone();
            new.kind.set_speaker(choice);
            actions.push(replace_action(new, "change speaker", None));
        }
        ui.end_row();
        match &a.kind {
            Kind::Quote(q) => {
                ui.label("Type");
                ui.horizontal(|ui| {
                    for t in QuoteType::ALL {
                        if ui.selectable_label(q.quote_type == t, t.label()).clicked() && q.quote_type != t {
                            actions.push(quote_change(a, "change quote type", None, |q| q.quote_type = t));
                        }
                    }
                });
                ui.end_row();
                ui.label("Cue");
                ui.horizontal(|ui| {
                    match q.cue {
                        Some(c) => ui.label(RichText::new(visual(doc.text.slice(c.start..c.end))).italics()),
                        None => ui.label(RichText::new("none").weak()),
                    };
                    let has_sel = state.selection.is_some();
                    if ui.add_enabled(has_sel, egui::Button::new("Set from selection"))
                        .on_hover_text("Select the attribution verb (\"said\") in the article, then click")
                        .on_disabled_hover_text("Select the attribution verb in the article first")
                        .clicked()
                    {
                        actions.push(Action::SetCueFromSelection(a.id));
                    }
                    if q.cue.is_some() && ui.small_button("remove").on_hover_text("Remove the cue").clicked() {
                        actions.push(quote_change(a, "remove cue", None, |q| q.cue = None));
                    }
                });
                ui.end_row();
                ui.label("More parts");
                ui.vertical(|ui| {
                    for (i, part) in q.more.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let t: String = doc.text.slice(part.start..part.end).chars().take(40).collect();
                            ui.label(RichText::new(visual(&t)).italics());
                            if ui.small_button("remove").on_hover_text("Remove this part").clicked() {
                                actions.push(quote_change(a, "remove quote part", None, |q| {
                                    q.more.remove(i);
                                }));
                            }
                        });
                    }
                    if ui.add_enabled(state.selection.is_some(), egui::Button::new("Add selection as part"))
                        .on_hover_text("For a quote split around its attribution: select the second part, then click")
                        .clicked()
                    {
                        actions.push(Action::AddPartFromSelection(a.id));
                    }
                });
                ui.end_row();
            }
            Kind::Claim(c) => {
                ui.label("Check-worthy");
                ui.horizontal(|ui| {
                    for w in CheckWorthiness::ALL {
                        if ui.selectable_label(c.check_worthiness == w, w.label()).clicked() && c.check_worthiness != w {
                            actions.push(claim_change(a, "change check-worthiness", None, |c| c.check_worthiness = w));
                        }
                    }
                });
                ui.end_row();
                let verdict_label = ui.label("Verdict");
                egui::ComboBox::from_id_salt("verdict").selected_text(c.verdict.label()).show_ui(ui, |ui| {
                    for v in Verdict::ALL {
                        if ui.selectable_label(c.verdict == v, v.label()).clicked() && c.verdict != v {
                            actions.push(claim_change(a, "change verdict", None, |c| c.verdict = v));
                        }
                    }
                }).response.labelled_by(verdict_label.id);
                ui.end_row();
                ui.label("In quote");
                ui.horizontal(|ui| {
                    let around = doc.session.enclosing_quote(a.span());
                    match c.in_quote.and_then(|q| doc.session.annotation(q)) {
                        Some(q) => {
                            let t: String = q.exact.chars().take(30).collect();
                            if ui.link(visual(&format!("#{} “{t}…”", q.id.0))).clicked() {
                                actions.push(Action::Select(Some(q.id), true));
                            }
                            if ui.small_button("remove").on_hover_text("Unlink from the quote").clicked() {
                                actions.push(claim_change(a, "unlink claim from quote", None, |c| c.in_quote = None));
                            }
                        }
                        None => {
                            ui.label(RichText::new("none").weak());
                            if around.is_some() && ui.small_button("Link to the quote around it").clicked() {
                                actions.push(claim_change(a, "link claim to quote", None, |c| c.in_quote = around));
                            }
                        }
                    }
                });
                ui.end_row();
                let sources_label = ui.label("Sources");
                let mut sources = c.sources.join("\n");
                if ui
                    .add(egui::TextEdit::multiline(&mut sources).desired_rows(2).hint_text("one URL per line"))
                    .labelled_by(sources_label.id)
                    .changed()
                {
                    actions.push(claim_change(a, "edit sources", Some(format!("sources {}", a.id.0)), |c| c.sources = sources.lines().map(str::to_owned).collect()));
                }
                ui.end_row();
            }
            Kind::Mention(_) => {}
        }
        let note_label = ui.label("Note");
        let mut note = a.note.clone();
        if ui
            .add(egui::TextEdit::multiline(&mut note).desired_rows(2))
            .labelled_by(note_label.id)
            .changed()
        {
            let mut new = a.clone();
            new.note = note;
            actions.push(replace_action(new, "edit note", Some(format!("note {}", a.id.0))));
        }
        ui.end_row();
    });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button("Show in article").clicked() {
            actions.push(Action::Select(Some(a.id), true));
        }
        let delete =
            egui::Button::new(RichText::new("Delete").color(Color32::from_rgb(0xd0, 0x40, 0x40)));
        if ui
            .add(delete)
            .on_hover_text(UiCommand::DeleteAnnotation.hover_text())
            .clicked()
        {
            actions.push(Action::Command(
                super::commands::UiCommand::DeleteAnnotation,
            ));
        }
    });
}

/// An edit of the selected quote's attributes (a no-op on other kinds).
fn quote_change(
    a: &Annotation,
    label: &str,
    coalesce: Option<String>,
    change: impl FnOnce(&mut Quote),
) -> Action {
    let mut new = a.clone();
    if let Kind::Quote(q) = &mut new.kind {
        change(q);
    }
    replace_action(new, label, coalesce)
}

/// An edit of the selected claim's attributes (a no-op on other kinds).
fn claim_change(
    a: &Annotation,
    label: &str,
    coalesce: Option<String>,
    change: impl FnOnce(&mut Claim),
) -> Action {
    let mut new = a.clone();
    if let Kind::Claim(c) = &mut new.kind {
        change(c);
    }
    replace_action(new, label, coalesce)
}

/// Replacing the annotation by `new`, as one undoable step.
fn replace_action(new: Annotation, label: &str, coalesce: Option<String>) -> Action {
    Action::Edit {
        edit: Box::new(Edit::ReplaceAnnotation(new)),
        label: label.to_owned(),
        coalesce,
    }
}
