//! Who said what in the side panel: the open quote's bar (what U, + and W attach to), and the
//! editor's "Source" row of a quote or a claim: its source mentions with their speakers, set
//! from the selection (W), picked from the mentions near it, or removed. Exports write exactly
//! these.

use egui::RichText;

use crate::io::document::Document;
use crate::model::annotation::{Annotation, AnnotationId, Kind};
use crate::model::attribution;

use crate::ui::commands::UiCommand;
use crate::ui::panels::widgets::remove_button;
use crate::ui::state::UiState;
use crate::ui::text_engine::bidi::{isolate, visual_ltr};
use crate::ui::vocabulary::Action;
use crate::ui::vocabulary::QuotePart;

/// How far from a quote (in code points) the mentions offered as its source may be.
const NEAR: usize = 400;

/// "“He” (Jens Stoltenberg)": a mention and whom it names.
pub fn mention_label(doc: &Document, m: &Annotation) -> String {
    let who = match m.kind.speaker() {
        Some(s) => isolate(doc.session.speaker_name(Some(s))),
        None => "no speaker".to_owned(),
    };
    format!("“{}” ({who})", isolate(&attribution::excerpt(&m.exact, 40)))
}

/// The open quote, named above the list: "Open quote #3 “We are not…” — Stoltenberg · cue
/// “said” · source “He”", with a button to close it. Nothing when no quote is open.
pub fn open_quote_ui(
    doc: &Document,
    open: Option<AnnotationId>,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    let Some(a) = open.and_then(|id| doc.session.annotation(id)) else {
        return;
    };
    let Kind::Quote(q) = &a.kind else { return };
    let speaker = match q.speaker {
        Some(s) => isolate(doc.session.speaker_name(Some(s))),
        None => "speaker not set".to_owned(),
    };
    let cue = q.cue.map_or_else(
        || "no cue".to_owned(),
        |c| format!("cue “{}”", isolate(doc.text.slice(c.start..c.end))),
    );
    let sources: Vec<String> = q
        .source_mentions
        .iter()
        .filter_map(|id| doc.session.annotation(*id))
        .map(|m| format!("“{}”", isolate(&m.exact)))
        .collect();
    let source = if sources.is_empty() {
        "no source".to_owned()
    } else {
        format!("source {}", sources.join(", "))
    };
    let frame = egui::Frame::group(ui.style()).inner_margin(4.0);
    frame.show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let name = attribution::short_name(a, 28);
            let text = format!("Open {name} — {speaker} · {cue} · {source}");
            let r = ui.link(visual_ltr(&text)).on_hover_text(format!(
                "{}, {} and {} attach the selected text to this quote (cue, further part, \
                     source); click to show it",
                UiCommand::SetCue.shortcut_text(),
                UiCommand::AddQuotePart.shortcut_text(),
                UiCommand::SetSource.shortcut_text()
            ));
            ui.ctx().accesskit_node_builder(r.id, |node| {
                node.set_label(format!("Open quote: {}", attribution::short_name(a, 60)));
            });
            if r.clicked() {
                actions.push(Action::Select(Some(a.id), true));
            }
            let close = ui
                .small_button("close")
                .on_hover_text("U, + and W attach to nothing until you open another quote");
            ui.ctx().accesskit_node_builder(close.id, |node| {
                node.set_label("Close the open quote");
            });
            if close.clicked() {
                actions.push(Action::CloseOpenQuote);
            }
        });
    });
}

/// The row: label cell, then the mentions, the buttons and the picker.
pub fn source_rows_ui(
    state: &UiState,
    doc: &Document,
    a: &Annotation,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    ui.label("Source");
    ui.vertical(|ui| {
        let sources = a.kind.source_mentions();
        let live: Vec<&Annotation> = sources
            .iter()
            .filter_map(|id| doc.session.annotation(*id))
            .collect();
        if live.is_empty() {
            let guess = if a.kind.speaker().is_some() {
                "none: exports use the speaker's nearest mention, and say so"
            } else {
                "none"
            };
            ui.label(RichText::new(guess).weak());
        }
        for m in &live {
            // The button first, so it is always whole beside a long mention.
            ui.horizontal_wrapped(|ui| {
                let name = format!("Remove source {}", m.exact);
                if remove_button(ui, &name, "Remove this source mention (the mention stays)")
                    && let Some(edit) = attribution::detach_source(&doc.session, a.id, m.id)
                {
                    actions.push(Action::Edit {
                        edit: Box::new(edit),
                        label: "remove source".into(),
                        coalesce: None,
                    });
                }
                if ui.link(visual_ltr(&mention_label(doc, m))).clicked() {
                    actions.push(Action::Select(Some(m.id), true));
                }
            });
        }
        // Wrapped: in a narrow panel the picker goes to a line of its own instead of past the
        // edge.
        ui.horizontal_wrapped(|ui| {
            let set = ui
                .add_enabled(
                    state.selection.is_some(),
                    egui::Button::new("Set from selection"),
                )
                .on_hover_text(UiCommand::SetSource.hover_text())
                .on_disabled_hover_text("Select who is quoted (\"He\", \"the minister\") first");
            ui.ctx().accesskit_node_builder(set.id, |node| {
                node.set_label("Set source from selection");
            });
            if set.clicked() {
                actions.push(Action::PartFromSelection(a.id, QuotePart::Source));
            }
            source_picker(doc, a, sources, ui, actions);
        });
    });
    ui.end_row();
}

/// A menu of the mentions near `a` that are not its sources yet, looked for only while the
/// menu is open (not every frame the editor is drawn).
fn source_picker(
    doc: &Document,
    a: &Annotation,
    sources: &[AnnotationId],
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    let combo = egui::ComboBox::from_id_salt(("pick_source", a.id.0))
        .selected_text("Pick a mention near it")
        .width(170.0);
    let r = combo.show_ui(ui, |ui| {
        let near: Vec<&Annotation> = attribution::mentions_near(&doc.session, a, NEAR)
            .into_iter()
            .filter(|id| !sources.contains(id))
            .filter_map(|id| doc.session.annotation(id))
            .take(12)
            .collect();
        if near.is_empty() {
            ui.label(RichText::new("no mentions near").weak());
        }
        for m in near {
            if ui
                .selectable_label(false, visual_ltr(&mention_label(doc, m)))
                .clicked()
            {
                actions.push(Action::PickSource(a.id, m.id));
            }
        }
    });
    ui.ctx().accesskit_node_builder(r.response.id, |node| {
        node.set_label("Pick a source mention near it");
    });
}
