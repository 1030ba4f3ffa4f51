//! The review of annotations that do not hold their text: after re-anchoring on a changed
//! article, and before an export (which never writes them as if they were anchored).
use crate::io::document::Document;
use crate::model::anchor::{self, Outcome};
use crate::model::annotation::{Annotation, AnnotationId, Span};
use crate::model::edit::Edit;
use crate::ui::state::recovery::RecoveryState;
use crate::ui::text_engine::bidi::{isolate, visual_ltr};
use crate::ui::vocabulary::Action;
use egui::RichText;

/// The window listing annotations to review, with what can be done to each.
pub fn review_ui(
    doc: &Document,
    recovery: &RecoveryState,
    selection: Option<Span>,
    ctx: &egui::Context,
    actions: &mut Vec<Action>,
) {
    let listed: Vec<AnnotationId> = recovery
        .review
        .iter()
        .copied()
        .filter(|id| doc.session.annotation(*id).is_some())
        .collect();
    if listed.is_empty() {
        return;
    }
    let mut open = true;
    egui::Window::new("Review re-anchored annotations")
        .open(&mut open)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .default_width(460.0)
        .show(ctx, |ui| {
            review_header(ui, doc, recovery, listed.len(), actions);
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for &id in &listed {
                        if let Some(a) = doc.session.annotation(id) {
                            review_row(ui, doc, recovery, a, selection, actions);
                            ui.separator();
                        }
                    }
                });
        });
    if !open {
        actions.push(Action::CloseReview);
    }
}

/// Why the window is open: an export held back, or an article that changed.
fn review_header(
    ui: &mut egui::Ui,
    doc: &Document,
    recovery: &RecoveryState,
    n: usize,
    actions: &mut Vec<Action>,
) {
    match &recovery.export {
        Some(held) if held.none_anchored => {
            ui.label(format!(
                "None of the {n} annotations is anchored in this article: it is not this \
                 session's article. Nothing was exported."
            ));
        }
        Some(held) => {
            let which = if n == 1 {
                "1 annotation is".to_owned()
            } else {
                format!("{n} annotations are")
            };
            ui.label(format!(
                "{which} not anchored in this article; review them before exporting."
            ));
            let export = ui
                .button("Export without them")
                .on_hover_text(format!("Write {} without these", held.path.display()));
            if export.clicked() {
                actions.push(Action::ExportAnchored(held.format, held.path.clone()));
            }
        }
        None => {
            ui.label(
                "The article changed since this session was saved. These annotations could not \
                 be placed exactly; nothing was deleted.",
            );
        }
    }
    if let Some(r) = &doc.anchor_report {
        ui.label(RichText::new(r.summary()).weak());
    }
}

/// What re-anchoring did to `a`, in words.
fn outcome_text(doc: &Document, recovery: &RecoveryState, a: &Annotation) -> (String, bool) {
    let outcome = doc.anchor_report.as_ref().and_then(|r| r.outcome(a.id));
    // Only where re-anchoring put it (or where its text is) can it be accepted.
    let placed = recovery.is_placed(doc, a);
    let orphan = !placed || matches!(outcome, Some(Outcome::Orphan) | None);
    let what = match outcome {
        _ if doc.is_anchored(a) && !matches!(outcome, Some(Outcome::Moved { .. })) => {
            "anchored".to_owned()
        }
        Some(Outcome::Fuzzy { score }) if placed => format!("fuzzy match, score {score:.2}"),
        Some(Outcome::Moved { candidates }) if placed => {
            format!("moved; {candidates} places match, the nearest to the old position was picked")
        }
        Some(Outcome::Orphan) => "orphan: not found in the new text".to_owned(),
        _ => "not anchored: its offsets do not hold its text".to_owned(),
    };
    (what, orphan)
}

/// One annotation to review, with Accept / Re-attach / Show / Delete.
fn review_row(
    ui: &mut egui::Ui,
    doc: &Document,
    recovery: &RecoveryState,
    a: &Annotation,
    selection: Option<Span>,
    actions: &mut Vec<Action>,
) {
    let (what, orphan) = outcome_text(doc, recovery, a);
    ui.strong(format!("{} #{} — {what}", a.kind.tag().label(), a.id.0));
    if orphan {
        // Its old context, never offsets: they point at unrelated text now.
        ui.label(visual_ltr(&format!(
            "was: …{}[{}]{}…",
            isolate(&a.prefix),
            isolate(&a.exact),
            isolate(&a.suffix)
        )));
    } else {
        ui.label(visual_ltr(&format!("was: “{}”", isolate(&a.exact))));
        ui.label(visual_ltr(&format!(
            "now: “{}”",
            isolate(doc.text.slice(a.start..a.end))
        )));
    }
    let change = doc
        .anchor_report
        .as_ref()
        .and_then(|r| r.fact_changes.iter().find(|f| f.id == a.id));
    if let Some(f) = change {
        ui.label(RichText::new(format!("Changed: {}", f.what)).color(ui.visuals().warn_fg_color));
        if let Some(was) = f.verdict_was {
            ui.horizontal(|ui| {
                ui.label(format!("Verdict “{}” reset to Unchecked.", was.label()));
                if ui.button(format!("Keep “{}”", was.label())).clicked()
                    && let crate::model::annotation::Kind::Claim(c) = &a.kind
                {
                    let mut kept = a.clone();
                    kept.kind =
                        crate::model::annotation::Kind::Claim(crate::model::annotation::Claim {
                            verdict: was,
                            ..c.clone()
                        });
                    actions.push(edit(Edit::ReplaceAnnotation(kept), "keep verdict"));
                }
            });
        }
    }
    ui.horizontal(|ui| {
        let accept = |ui: &mut egui::Ui| {
            ui.button("Accept")
                .on_hover_text("Keep it where it was placed")
                .clicked()
        };
        if !orphan && accept(ui) {
            let mut fixed = a.clone();
            anchor::reattach(&doc.text, &mut fixed, a.span());
            actions.push(edit(
                Edit::ReplaceAnnotation(fixed),
                "accept re-anchored annotation",
            ));
            actions.push(Action::Reviewed(a.id));
        }
        match selection {
            Some(sel) => {
                let reattach = ui
                    .button("Re-attach to selection")
                    .on_hover_text("Move it to the text selected in the article");
                if reattach.clicked() {
                    let mut fixed = a.clone();
                    anchor::reattach(&doc.text, &mut fixed, sel);
                    actions.push(edit(Edit::ReplaceAnnotation(fixed), "re-attach annotation"));
                    actions.push(Action::Reviewed(a.id));
                }
            }
            None => {
                ui.label(RichText::new("select text to re-attach").weak().small());
            }
        }
        if !orphan && ui.button("Show").clicked() {
            actions.push(Action::Select(Some(a.id), true));
        }
        if orphan
            && ui
                .button("Show where it was")
                .on_hover_text("Put the caret where its old context is in the article")
                .clicked()
        {
            let at = anchor::facts::where_it_was(&doc.text, a);
            actions.push(Action::ShowSpan(Span::new(at, at)));
        }
        if ui.button("Delete").clicked() {
            actions.push(edit(Edit::RemoveAnnotation(a.id), "delete annotation"));
            actions.push(Action::Reviewed(a.id));
        }
    });
}

fn edit(edit: Edit, label: &str) -> Action {
    Action::Edit {
        edit: Box::new(edit),
        label: label.to_owned(),
        coalesce: None,
    }
}
