//! The side panel's editor of the selected annotation.

use crate::ui::text_engine::bidi::{isolate, visual, visual_ltr};
use egui::{Color32, RichText};

use crate::io::document::Document;
use crate::model::annotation::{
    Annotation, CheckWorthiness, Claim, Kind, KindTag, Quote, QuoteType, Verdict,
};
use crate::model::edit::Edit;

use crate::ui::commands::UiCommand;
use crate::ui::panels::widgets::{remove_button, speaker_combo};
use crate::ui::state::UiState;
use crate::ui::vocabulary::QuotePart;
use crate::ui::vocabulary::{Action, Field};

/// The editor of the selected annotation: kind, speaker, quote and claim fields, note.
pub fn editor_ui(
    state: &UiState,
    doc: &Document,
    a: &Annotation,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    // An annotation re-anchoring could not place has no offsets worth showing: they point at
    // unrelated text now.
    let anchored = doc.is_anchored(a)
        || doc
            .anchor_report
            .as_ref()
            .and_then(|r| r.outcome(a.id))
            .is_some_and(|o| !matches!(o, crate::model::anchor::Outcome::Orphan));
    ui.horizontal(|ui| {
        ui.strong(format!("{} #{}", a.kind.tag().label(), a.id.0));
        if anchored {
            ui.label(RichText::new(format!("{}–{}", a.start, a.end)).weak())
                .on_hover_text("code-point offsets in the normalized article text");
        } else {
            ui.label(RichText::new("not found in the article").color(ui.visuals().warn_fg_color))
                .on_hover_text("The article changed; review it, or re-attach it to a selection");
        }
    });
    ui.label(RichText::new(visual(&a.exact)).italics());
    ui.add_space(4.0);
    let grid = egui::Grid::new("annotation_fields")
        .num_columns(2)
        .spacing([8.0, 6.0]);
    grid.show(ui, |ui| {
        kind_row(a, ui, actions);
        speaker_row(doc, a, ui, actions);
        match &a.kind {
            Kind::Quote(q) => quote_rows(state, doc, a, q, ui, actions),
            Kind::Claim(c) => claim_rows(state, doc, a, c, ui, actions),
            Kind::Mention(_) => {}
        }
        tags_row(a, ui, actions);
        note_row(a, ui, actions);
    });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let show = if anchored {
            "Show in article"
        } else {
            "Show where it was"
        };
        if ui.button(show).clicked() {
            actions.push(if anchored {
                Action::Select(Some(a.id), true)
            } else {
                let at = crate::model::anchor::facts::where_it_was(&doc.text, a);
                Action::ShowSpan(crate::model::annotation::Span::new(at, at))
            });
        }
        let delete =
            egui::Button::new(RichText::new("Delete").color(Color32::from_rgb(0xd0, 0x40, 0x40)));
        if ui
            .add(delete)
            .on_hover_text(UiCommand::DeleteAnnotation.hover_text())
            .clicked()
        {
            actions.push(Action::Command(UiCommand::DeleteAnnotation));
        }
    });
}

/// One selectable label per choice; a click on another one than `current` pushes `change(it)`.
fn choices<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    all: impl IntoIterator<Item = T>,
    current: T,
    label: impl Fn(T) -> &'static str,
    mut change: impl FnMut(T),
) {
    ui.horizontal_wrapped(|ui| {
        for t in all {
            if ui.selectable_label(current == t, label(t)).clicked() && current != t {
                change(t);
            }
        }
    });
}

fn kind_row(a: &Annotation, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.label("Kind");
    choices(ui, KindTag::ALL, a.kind.tag(), KindTag::label, |tag| {
        let mut new = a.clone();
        new.kind = a.kind.retagged(tag);
        actions.push(replace_action(new, "change kind", None));
    });
    ui.end_row();
}

fn speaker_row(doc: &Document, a: &Annotation, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let claim = a.kind.tag() == KindTag::Claim;
    let label = ui.label(if claim { "Claimed by" } else { "Speaker" });
    let none = if claim { "the outlet" } else { "unknown" };
    let id = "annotation_speaker";
    if let Some(choice) = speaker_combo(doc, ui, id, a.kind.speaker(), none, label.id) {
        let mut new = a.clone();
        new.kind.set_speaker(choice);
        actions.push(replace_action(new, "change speaker", None));
    }
    ui.end_row();
}

fn quote_rows(
    state: &UiState,
    doc: &Document,
    a: &Annotation,
    q: &Quote,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    ui.label("Type");
    choices(ui, QuoteType::ALL, q.quote_type, QuoteType::label, |t| {
        actions.push(quote_change(a, "change quote type", None, |q| {
            q.quote_type = t;
        }));
    });
    ui.end_row();
    ui.label("Cue");
    // Wrapped: a long cue never pushes its buttons past the panel's edge.
    ui.horizontal_wrapped(|ui| {
        match q.cue {
            Some(c) => ui.label(RichText::new(visual(doc.text.slice(c.start..c.end))).italics()),
            None => ui.label(RichText::new("none").weak()),
        };
        let set = ui
            .add_enabled(
                state.selection.is_some(),
                egui::Button::new("Set from selection"),
            )
            .on_hover_text(UiCommand::SetCue.hover_text())
            .on_disabled_hover_text("Select the attribution verb (\"said\") in the article first");
        if set.clicked() {
            actions.push(Action::PartFromSelection(a.id, QuotePart::Cue));
        }
        if q.cue.is_some() && remove_button(ui, "Remove cue", "Remove the cue") {
            actions.push(quote_change(a, "remove cue", None, |q| q.cue = None));
        }
    });
    ui.end_row();
    ui.label("More parts");
    ui.vertical(|ui| {
        for (i, part) in q.more.iter().enumerate() {
            // The button first and the text cut to the room left, so the button is always
            // whole (the text is whole on hover).
            ui.horizontal(|ui| {
                if remove_button(ui, &format!("Remove part {}", i + 2), "Remove this part") {
                    actions.push(quote_change(a, "remove quote part", None, |q| {
                        q.more.remove(i);
                    }));
                }
                let t = visual(doc.text.slice(part.start..part.end));
                ui.add(egui::Label::new(RichText::new(t.as_ref()).italics()).truncate());
            });
        }
        let add = ui
            .add_enabled(
                state.selection.is_some(),
                egui::Button::new("Add selection as part"),
            )
            .on_hover_text(UiCommand::AddQuotePart.hover_text());
        if add.clicked() {
            actions.push(Action::PartFromSelection(a.id, QuotePart::More));
        }
    });
    ui.end_row();
    crate::ui::panels::quote_panel::source_rows_ui(state, doc, a, ui, actions);
}

fn claim_rows(
    state: &UiState,
    doc: &Document,
    a: &Annotation,
    c: &Claim,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    ui.label("Check-worthy");
    let worthiness = c.check_worthiness;
    choices(
        ui,
        CheckWorthiness::ALL,
        worthiness,
        CheckWorthiness::label,
        |w| {
            actions.push(claim_change(a, "change check-worthiness", None, |c| {
                c.check_worthiness = w;
            }));
        },
    );
    ui.end_row();
    let verdict_label = ui.label("Verdict");
    let combo = egui::ComboBox::from_id_salt("verdict").selected_text(c.verdict.label());
    let verdict = combo.show_ui(ui, |ui| {
        for v in Verdict::ALL {
            if ui.selectable_label(c.verdict == v, v.label()).clicked() && c.verdict != v {
                actions.push(claim_change(a, "change verdict", None, |c| c.verdict = v));
            }
        }
    });
    verdict.response.labelled_by(verdict_label.id);
    ui.end_row();
    ui.label("In quote");
    // Wrapped: a long quote link never pushes its button past the panel's edge.
    ui.horizontal_wrapped(|ui| in_quote_ui(doc, a, c, ui, actions));
    ui.end_row();
    crate::ui::panels::quote_panel::source_rows_ui(state, doc, a, ui, actions);
    sources_row(state, a, c, ui, actions);
    review_row(a, c, ui, actions);
}

fn in_quote_ui(
    doc: &Document,
    a: &Annotation,
    c: &Claim,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    match c.in_quote.and_then(|q| doc.session.annotation(q)) {
        Some(q) => {
            // The button first, so it is always whole beside a long link.
            if remove_button(ui, "Unlink from quote", "Unlink from the quote") {
                actions.push(claim_change(a, "unlink claim from quote", None, |c| {
                    c.in_quote = None;
                }));
            }
            let t: String = q.exact.chars().take(30).collect();
            if ui
                .link(visual_ltr(&format!("#{} “{}…”", q.id.0, isolate(&t))))
                .clicked()
            {
                actions.push(Action::Select(Some(q.id), true));
            }
        }
        None => {
            ui.label(RichText::new("none").weak());
            let around = doc.session.enclosing_quote(a.span());
            if around.is_some() && ui.small_button("Link to the quote around it").clicked() {
                actions.push(claim_change(a, "link claim to quote", None, |c| {
                    c.in_quote = around;
                }));
            }
        }
    }
}

/// The sources, one URL per line. What is typed is kept in a field buffer while the claim is
/// edited (so Enter at the end starts a new line); the claim gets the non-empty lines.
fn sources_row(
    state: &UiState,
    a: &Annotation,
    c: &Claim,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) {
    let label = ui.label("Checked against");
    let mut text = match &state.sources_field {
        Some((id, text)) if *id == a.id => text.clone(),
        _ => c.sources.join("\n"),
    };
    let field = egui::TextEdit::multiline(&mut text)
        .desired_rows(2)
        .hint_text("one URL per line");
    if ui.add(field).labelled_by(label.id).changed() {
        let lines: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        actions.push(Action::SetField(Field::Sources(a.id), text));
        if lines != c.sources {
            let coalesce = Some(format!("sources {}", a.id.0));
            actions.push(claim_change(a, "edit sources", coalesce, |c| {
                c.sources = lines
            }));
        }
    }
    ui.end_row();
}

/// Tags other tools gave it ("needs-check"), each removable; none, no row.
fn tags_row(a: &Annotation, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    if a.tags.is_empty() {
        return;
    }
    ui.label("Tags");
    ui.horizontal_wrapped(|ui| {
        for (i, tag) in a.tags.iter().enumerate() {
            ui.label(RichText::new(visual(tag)).monospace());
            if remove_button(ui, &format!("Remove tag {tag}"), "Remove this tag") {
                let mut new = a.clone();
                new.tags.remove(i);
                actions.push(replace_action(new, "remove tag", None));
            }
        }
    });
    ui.end_row();
}

/// The review text published as ClaimReview's `reviewBody` (the note is never published).
fn review_row(a: &Annotation, c: &Claim, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let label = ui
        .label("Published review")
        .on_hover_text("Exported as ClaimReview's reviewBody; the note below stays private");
    let mut text = c.review.clone();
    if ui
        .add(egui::TextEdit::multiline(&mut text).desired_rows(2))
        .labelled_by(label.id)
        .changed()
    {
        let coalesce = Some(format!("review {}", a.id.0));
        actions.push(claim_change(a, "edit published review", coalesce, |c| {
            c.review = text;
        }));
    }
    ui.end_row();
}

fn note_row(a: &Annotation, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let note_label = ui.label("Note (private)");
    let mut note = a.note.clone();
    if ui
        .add(egui::TextEdit::multiline(&mut note).desired_rows(2))
        .labelled_by(note_label.id)
        .changed()
    {
        let mut new = a.clone();
        new.note = note;
        let coalesce = Some(format!("note {}", a.id.0));
        actions.push(replace_action(new, "edit note", coalesce));
    }
    ui.end_row();
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
