//! The side panel: the annotation list (virtualized) and the editor of the selected annotation.

use egui::{Color32, RichText};

use crate::io::document::Document;
use crate::model::annotation::{Annotation, CheckWorthiness, Kind, KindTag, QuoteType, Verdict};
use crate::model::edit::Edit;
use crate::model::speaker::SpeakerId;

use super::app::{Action, NewsmarkApp, SideTab};
use super::style;

/// Draws the side panel's tabs and content.
pub fn side_panel_ui(app: &NewsmarkApp, ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(doc) = app.doc.as_ref() else {
        return actions;
    };
    ui.horizontal(|ui| {
        for (tab, name) in [
            (SideTab::Annotations, "Annotations"),
            (SideTab::Speakers, "Speakers"),
            (SideTab::Stats, "Stats"),
        ] {
            if ui.selectable_label(app.side_tab == tab, name).clicked() {
                actions.push(Action::SetTab(tab));
            }
        }
    });
    ui.separator();
    match app.side_tab {
        SideTab::Annotations => annotations_ui(app, doc, ui, &mut actions),
        SideTab::Speakers => super::speakers_panel::speakers_ui(app, doc, ui, &mut actions),
        SideTab::Stats => super::stats_panel::stats_ui(doc, ui),
    }
    actions
}

fn annotations_ui(app: &NewsmarkApp, doc: &Document, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let editor_height = if app.selected.is_some() {
        ui.available_height() * 0.5
    } else {
        0.0
    };
    let list_height = (ui.available_height() - editor_height - 8.0).max(80.0);
    filter_ui(app, doc, ui, actions);
    let all = &doc.session.annotations;
    let filtered: Vec<&Annotation>;
    let rows: Vec<&Annotation> = if app.filter.is_active() {
        filtered = all.iter().filter(|a| app.filter.shows(a)).collect();
        filtered
    } else {
        all.iter().collect()
    };
    if all.is_empty() {
        ui.label(
            RichText::new("No annotations yet. Select text in the article, then press C (claim), Q (quote) or M (mention).")
                .weak(),
        );
    } else if rows.is_empty() {
        ui.label(RichText::new("Nothing matches the filter.").weak());
    }
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 4.0;
    egui::ScrollArea::vertical()
        .id_salt("annotation_list")
        .max_height(list_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_h, rows.len(), |ui, range| {
            for a in rows.get(range).unwrap_or_default() {
                annotation_row(app, doc, a, ui, actions);
            }
        });
    if let Some(a) = app.selected.and_then(|id| doc.session.annotation(id)) {
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("annotation_editor")
            .auto_shrink([false, false])
            .show(ui, |ui| editor_ui(app, doc, a, ui, actions));
    }
}

/// Kind toggles and speaker / verdict pickers that filter the list and the highlights.
fn filter_ui(app: &NewsmarkApp, doc: &Document, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let mut f = app.filter.clone();
    ui.horizontal_wrapped(|ui| {
        ui.label("Show:");
        for (i, tag) in KindTag::ALL.iter().enumerate() {
            if let Some(on) = f.kinds.get_mut(i) {
                ui.checkbox(on, format!("{}s", tag.label()));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("by");
        if let Some(choice) =
            speaker_combo(doc, ui, "filter_speaker", f.speaker, "any speaker", l.id)
        {
            f.speaker = choice;
        }
        let v = ui.label("verdict");
        egui::ComboBox::from_id_salt("filter_verdict")
            .selected_text(f.verdict.map_or("any", |v| v.label()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.verdict, None, "any");
                for v in Verdict::ALL {
                    ui.selectable_value(&mut f.verdict, Some(v), v.label());
                }
            })
            .response
            .labelled_by(v.id);
        if app.filter.is_active() && ui.small_button("Reset").clicked() {
            f = super::filter::Filter::default();
        }
    });
    if f != app.filter {
        actions.push(Action::SetFilter(f));
    }
    ui.separator();
}

fn annotation_row(
    app: &NewsmarkApp,
    doc: &Document,
    a: &Annotation,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    let colour = style::rgb(style::kind_colour(
        &doc.session,
        a.kind.tag(),
        a.kind.speaker(),
    ));
    let snippet: String = a
        .exact
        .chars()
        .take(48)
        .collect::<String>()
        .replace('\n', " ");
    let more = if a.exact.chars().count() > 48 {
        "…"
    } else {
        ""
    };
    let who = match a.kind.speaker() {
        Some(_) => format!(" · {}", doc.session.speaker_name(a.kind.speaker())),
        None => String::new(),
    };
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(6.0, 14.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, colour);
        let text = format!("{} {snippet}{more}{who}", a.kind.tag().label());
        // Truncated to the panel: a long row must not widen the panel.
        let r = ui
            .add(egui::Button::selectable(app.selected == Some(a.id), text).truncate())
            .on_hover_text(super::article_view::describe(doc, a.id));
        if r.clicked() {
            actions.push(Action::Select(Some(a.id), true));
        }
    });
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
        Some(_) => doc.session.speaker_name(current).to_owned(),
        None => none_label.to_owned(),
    };
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(name)
        .width(180.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, none_label);
            for (n, s) in doc.session.speakers.iter().enumerate() {
                let label = match n {
                    0..9 => format!("{}  {}", n + 1, s.name),
                    _ => s.name.clone(),
                };
                ui.selectable_value(&mut chosen, Some(s.id), label);
            }
        })
        .response
        .labelled_by(label);
    (chosen != current).then_some(chosen)
}

fn editor_ui(
    app: &NewsmarkApp,
    doc: &Document,
    a: &Annotation,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    let replace =
        |actions: &mut Vec<Action>, new: Annotation, label: &str, coalesce: Option<String>| {
            actions.push(Action::Edit {
                edit: Box::new(Edit::ReplaceAnnotation(new)),
                label: label.to_owned(),
                coalesce,
            });
        };
    ui.horizontal(|ui| {
        ui.strong(format!("{} #{}", a.kind.tag().label(), a.id.0));
        ui.label(RichText::new(format!("{}–{}", a.start, a.end)).weak())
            .on_hover_text("code-point offsets in the normalized article text");
    });
    ui.label(RichText::new(&a.exact).italics());
    ui.add_space(4.0);
    egui::Grid::new("annotation_fields").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
        ui.label("Kind");
        ui.horizontal(|ui| {
            for tag in KindTag::ALL {
                if ui.selectable_label(a.kind.tag() == tag, tag.label()).clicked() && a.kind.tag() != tag {
                    let mut new = a.clone();
                    new.kind = a.kind.retagged(tag);
                    replace(actions, new, "change kind", None);
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
            replace(actions, new, "change speaker", None);
        }
        ui.end_row();
        match &a.kind {
            Kind::Quote(q) => {
                ui.label("Type");
                ui.horizontal(|ui| {
                    for t in QuoteType::ALL {
                        if ui.selectable_label(q.quote_type == t, t.label()).clicked() && q.quote_type != t {
                            let mut new = a.clone();
                            if let Kind::Quote(nq) = &mut new.kind {
                                nq.quote_type = t;
                            }
                            replace(actions, new, "change quote type", None);
                        }
                    }
                });
                ui.end_row();
                ui.label("Cue");
                ui.horizontal(|ui| {
                    match q.cue {
                        Some(c) => ui.label(RichText::new(doc.text.slice(c.start..c.end)).italics()),
                        None => ui.label(RichText::new("none").weak()),
                    };
                    let has_sel = app.selection.is_some();
                    if ui.add_enabled(has_sel, egui::Button::new("Set from selection"))
                        .on_hover_text("Select the attribution verb (\"said\") in the article, then click")
                        .on_disabled_hover_text("Select the attribution verb in the article first")
                        .clicked()
                    {
                        actions.push(Action::SetCueFromSelection(a.id));
                    }
                    if q.cue.is_some() && ui.small_button("remove").on_hover_text("Remove the cue").clicked() {
                        let mut new = a.clone();
                        if let Kind::Quote(nq) = &mut new.kind {
                            nq.cue = None;
                        }
                        replace(actions, new, "remove cue", None);
                    }
                });
                ui.end_row();
                ui.label("More parts");
                ui.vertical(|ui| {
                    for (i, part) in q.more.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let t: String = doc.text.slice(part.start..part.end).chars().take(40).collect();
                            ui.label(RichText::new(t).italics());
                            if ui.small_button("remove").on_hover_text("Remove this part").clicked() {
                                let mut new = a.clone();
                                if let Kind::Quote(nq) = &mut new.kind {
                                    nq.more.remove(i);
                                }
                                replace(actions, new, "remove quote part", None);
                            }
                        });
                    }
                    if ui.add_enabled(app.selection.is_some(), egui::Button::new("Add selection as part"))
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
                            let mut new = a.clone();
                            if let Kind::Claim(nc) = &mut new.kind {
                                nc.check_worthiness = w;
                            }
                            replace(actions, new, "change check-worthiness", None);
                        }
                    }
                });
                ui.end_row();
                let verdict_label = ui.label("Verdict");
                egui::ComboBox::from_id_salt("verdict").selected_text(c.verdict.label()).show_ui(ui, |ui| {
                    for v in Verdict::ALL {
                        if ui.selectable_label(c.verdict == v, v.label()).clicked() && c.verdict != v {
                            let mut new = a.clone();
                            if let Kind::Claim(nc) = &mut new.kind {
                                nc.verdict = v;
                            }
                            replace(actions, new, "change verdict", None);
                        }
                    }
                }).response.labelled_by(verdict_label.id);
                ui.end_row();
                ui.label("In quote");
                ui.horizontal(|ui| {
                    let around = super::workflow::enclosing_quote(&doc.session, a.span());
                    match c.in_quote.and_then(|q| doc.session.annotation(q)) {
                        Some(q) => {
                            let t: String = q.exact.chars().take(30).collect();
                            if ui.link(format!("#{} “{t}…”", q.id.0)).clicked() {
                                actions.push(Action::Select(Some(q.id), true));
                            }
                            if ui.small_button("remove").on_hover_text("Unlink from the quote").clicked() {
                                let mut new = a.clone();
                                if let Kind::Claim(nc) = &mut new.kind {
                                    nc.in_quote = None;
                                }
                                replace(actions, new, "unlink claim from quote", None);
                            }
                        }
                        None => {
                            ui.label(RichText::new("none").weak());
                            if around.is_some() && ui.small_button("Link to the quote around it").clicked() {
                                let mut new = a.clone();
                                if let Kind::Claim(nc) = &mut new.kind {
                                    nc.in_quote = around;
                                }
                                replace(actions, new, "link claim to quote", None);
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
                    let mut new = a.clone();
                    if let Kind::Claim(nc) = &mut new.kind {
                        nc.sources = sources.lines().map(str::to_owned).collect();
                    }
                    replace(actions, new, "edit sources", Some(format!("sources {}", a.id.0)));
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
            replace(actions, new, "edit note", Some(format!("note {}", a.id.0)));
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
            .on_hover_text("Delete this annotation (Del)")
            .clicked()
        {
            actions.push(Action::Command(
                super::commands::UiCommand::DeleteAnnotation,
            ));
        }
    });
}
