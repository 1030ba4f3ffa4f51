//! Never losing work in the window: autosave to a recovery file, the restore offer after a
//! crash, and the review of annotations that re-anchoring could not place exactly.

use super::text_engine::bidi::visual;
use std::path::{Path, PathBuf};

use egui::{Id, Modal, RichText};

use crate::io::document::Document;
use crate::io::recovery;
use crate::model::anchor::{self, Outcome};
use crate::model::annotation::AnnotationId;
use crate::model::edit::Edit;
use crate::model::session::Session;

use super::app::{Action, NewsmarkApp};

/// Seconds after a change before the recovery file is written (the promise is "within 2 s").
pub const AUTOSAVE_DELAY: f64 = 1.0;

/// Recovery bookkeeping kept by the app.
#[derive(Default)]
pub struct RecoveryState {
    /// History version last written to the recovery file.
    written_version: u64,
    /// When (egui time) the pending change should be written.
    due: Option<f64>,
    /// A recovered session waiting for Restore / Discard, with its change count.
    pub offer: Option<(Box<Session>, u64)>,
    /// Annotations re-anchoring could not place exactly, still to be reviewed.
    pub review: Vec<AnnotationId>,
}

impl NewsmarkApp {
    /// Folder of recovery files.
    pub fn recovery_dir(&self) -> PathBuf {
        self.saves_dir.join(".recovery")
    }

    /// The recovery key of the open document: its session file, else its article.
    pub(crate) fn recovery_key(&self) -> Option<String> {
        let doc = self.doc.as_ref()?;
        let path = doc
            .session_path
            .clone()
            .unwrap_or_else(|| PathBuf::from(&doc.session.article.path));
        Some(recovery::key_for(&path))
    }

    /// After a document is opened: offer unsaved work from a previous run, and list what
    /// re-anchoring wants reviewed.
    pub(crate) fn check_recovery(&mut self) {
        self.recovery = RecoveryState::default();
        if let Some(report) = self.doc.as_ref().and_then(|d| d.anchor_report.as_ref()) {
            self.recovery.review = report.to_review();
        }
        let Some(key) = self.recovery_key() else {
            return;
        };
        match recovery::read(&self.recovery_dir(), &key) {
            None => {}
            Some(Ok((session, changes))) => {
                self.recovery.offer = Some((Box::new(session), changes))
            }
            Some(Err(e)) => {
                self.status =
                    format!("A recovery file exists but cannot be read (kept as is): {e}");
            }
        }
    }

    /// Writes the recovery file when a change is older than [`AUTOSAVE_DELAY`].
    pub(crate) fn autosave(&mut self, ctx: &egui::Context) {
        let version = self.history.version();
        if self.doc.is_none()
            || version == self.recovery.written_version
            || self.recovery.offer.is_some()
        {
            return;
        }
        let now = ctx.input(|i| i.time);
        let due = *self.recovery.due.get_or_insert(now + AUTOSAVE_DELAY);
        if now < due {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
            return;
        }
        self.write_recovery_now();
    }

    /// Writes the recovery file at once (also used before risky operations).
    pub fn write_recovery_now(&mut self) {
        let (Some(doc), Some(key)) = (&self.doc, self.recovery_key()) else {
            return;
        };
        let changes =
            self.history.version().abs_diff(self.saved_version) + self.unsaved_outside_history;
        match recovery::write(&self.recovery_dir(), &key, &doc.session, changes) {
            Ok(()) => {
                self.recovery.written_version = self.history.version();
                self.recovery.due = None;
            }
            Err(e) => self.status = format!("Autosave failed: {e}"),
        }
    }

    /// Removes the recovery file of the open document (after a save or an explicit discard).
    pub(crate) fn discard_recovery(&mut self) {
        if let Some(key) = self.recovery_key() {
            let _ = recovery::discard(&self.recovery_dir(), &key);
        }
        // A session saved for the first time was autosaved under its article's key.
        if let Some(doc) = &self.doc {
            let article_key = recovery::key_for(Path::new(&doc.session.article.path));
            let _ = recovery::discard(&self.recovery_dir(), &article_key);
        }
        self.recovery.written_version = self.history.version();
        self.recovery.due = None;
    }

    /// Replaces the open session by the recovered one (re-anchored against the article as it is).
    fn restore(&mut self, session: Session, changes: u64) {
        let Some(doc) = &self.doc else { return };
        let article = PathBuf::from(&doc.session.article.path);
        match Document::with_article(session, &article, doc.session_path.clone()) {
            Ok(restored) => {
                let n = restored.session.annotations.len();
                self.set_document(restored);
                self.check_recovery();
                self.recovery.offer = None;
                // The restored work is not saved yet; keep its recovery file until it is.
                self.unsaved_outside_history += changes.max(1);
                self.recovery.written_version = self.history.version();
                self.status = format!("Restored unsaved work: {n} annotations — save to keep it");
            }
            Err(e) => self.dialogs.error = Some(format!("Could not restore the unsaved work: {e}")),
        }
    }
}

/// The restore offer and the review window.
pub fn recovery_ui(app: &mut NewsmarkApp, ctx: &egui::Context) -> Vec<Action> {
    let mut actions = Vec::new();
    if let Some((session, changes)) = &app.recovery.offer {
        let n = session.annotations.len();
        let changes = *changes;
        let choice = Modal::new(Id::unique("recovery_modal")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Unsaved work found");
            ui.label(format!(
                "newsmark was closed without saving this document. The recovery file holds \
                 {changes} unsaved change(s): {n} annotation(s) and {} speaker(s).",
                session.speakers.len()
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .button("Restore")
                    .on_hover_text("Open the unsaved work")
                    .clicked()
                {
                    return Some(true);
                }
                if ui
                    .button("Discard")
                    .on_hover_text("Delete the unsaved work and keep the file as saved")
                    .clicked()
                {
                    return Some(false);
                }
                None
            })
            .inner
        });
        match choice.inner {
            Some(true) => {
                if let Some((session, changes)) = app.recovery.offer.take() {
                    app.restore(*session, changes);
                }
            }
            Some(false) => {
                app.recovery.offer = None;
                app.discard_recovery();
                app.status = "Discarded the unsaved work from the previous run".into();
            }
            None => {}
        }
        return actions;
    }
    review_ui(app, ctx, &mut actions);
    actions
}

fn review_ui(app: &mut NewsmarkApp, ctx: &egui::Context, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    app.recovery
        .review
        .retain(|id| doc.session.annotation(*id).is_some());
    if app.recovery.review.is_empty() {
        return;
    }
    let report = doc.anchor_report.as_ref();
    let mut accepted = Vec::new();
    let mut open = true;
    egui::Window::new("Review re-anchored annotations")
        .open(&mut open)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label("The article changed since this session was saved. These annotations could not be placed exactly; nothing was deleted.");
            if let Some(r) = report {
                ui.label(RichText::new(r.summary()).weak());
            }
            ui.separator();
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for &id in &app.recovery.review {
                    let Some(a) = doc.session.annotation(id) else { continue };
                    let outcome = report.and_then(|r| r.outcome(id));
                    let what = match outcome {
                        Some(Outcome::Fuzzy { score }) => format!("fuzzy match, score {score:.2}"),
                        Some(Outcome::Moved { candidates }) => {
                            format!("moved; {candidates} places match, the nearest to the old position was picked")
                        }
                        _ => "orphan: not found in the new text".to_owned(),
                    };
                    ui.strong(format!("{} #{} — {what}", a.kind.tag().label(), id.0));
                    ui.label(visual(&format!("was: “{}”", a.exact)));
                    if !matches!(outcome, Some(Outcome::Orphan) | None) {
                        ui.label(format!("now: “{}”", doc.text.slice(a.start..a.end)));
                    }
                    ui.horizontal(|ui| {
                        let orphan = matches!(outcome, Some(Outcome::Orphan) | None);
                        if !orphan && ui.button("Accept").on_hover_text("Keep it where it was placed").clicked() {
                            let mut fixed = a.clone();
                            anchor::reattach(&doc.text, &mut fixed, a.span());
                            actions.push(edit(Edit::ReplaceAnnotation(fixed), "accept re-anchored annotation"));
                            accepted.push(id);
                        }
                        if let Some(sel) = app.selection
                            && ui.button("Re-attach to selection").on_hover_text("Move it to the text selected in the article").clicked()
                        {
                            let mut fixed = a.clone();
                            anchor::reattach(&doc.text, &mut fixed, sel);
                            actions.push(edit(Edit::ReplaceAnnotation(fixed), "re-attach annotation"));
                            accepted.push(id);
                        }
                        if app.selection.is_none() {
                            ui.label(RichText::new("select text to re-attach").weak().small());
                        }
                        if !orphan && ui.button("Show").clicked() {
                            actions.push(Action::Select(Some(id), true));
                        }
                        if ui.button("Delete").clicked() {
                            actions.push(edit(Edit::RemoveAnnotation(id), "delete annotation"));
                            accepted.push(id);
                        }
                    });
                    ui.separator();
                }
            });
        });
    app.recovery.review.retain(|id| !accepted.contains(id));
    if !open {
        app.recovery.review.clear();
        // Orphans were hidden while under review.
        app.view.invalidate();
    }
}

fn edit(edit: Edit, label: &str) -> Action {
    Action::Edit {
        edit: Box::new(edit),
        label: label.to_owned(),
        coalesce: None,
    }
}
