//! The publication details window: where the article and the fact-check are published, which
//! ClaimReview requires (review URL, reviewer, article URL) and W3C uses as the target's source.
//! Apply is one undo step; nothing changes until then.

use egui::RichText;

use crate::model::edit::Edit;
use crate::model::session::{Publication, ReviewerKind};

use crate::ui::vocabulary::Action;

/// Draws the window while `editing` holds the details being edited; Apply emits the edit,
/// Apply and Cancel close it.
pub fn publication_ui(
    editing: &mut Option<Publication>,
    ctx: &egui::Context,
    actions: &mut Vec<Action>,
) {
    let Some(p) = editing.as_mut() else { return };
    let mut open = true;
    let mut done = false;
    egui::Window::new("Publication details")
        .open(&mut open)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .default_width(480.0)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(
                RichText::new(
                    "What the ClaimReview export publishes (the review URL, the reviewer and the \
                     article URL are required) and the W3C export names as the article.",
                )
                .weak(),
            );
            ui.add_space(6.0);
            egui::Grid::new("publication_fields")
                .num_columns(2)
                .show(ui, |ui| {
                    let field = |ui: &mut egui::Ui, label: &str, value: &mut String, hint: &str| {
                        let name = ui.label(label);
                        ui.add(
                            egui::TextEdit::singleline(value)
                                .hint_text(hint)
                                .desired_width(320.0),
                        )
                        .labelled_by(name.id);
                        ui.end_row();
                    };
                    field(
                        ui,
                        "Article URL",
                        &mut p.article_url,
                        "https://outlet.example/story",
                    );
                    field(ui, "Outlet", &mut p.outlet, "The Daily Example");
                    field(ui, "Article date", &mut p.article_date, "YYYY-MM-DD");
                    field(
                        ui,
                        "Reviewer",
                        &mut p.reviewer,
                        "a person or an organisation",
                    );
                    ui.label("Reviewer is");
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut p.reviewer_kind, ReviewerKind::Person, "a person");
                        ui.radio_value(
                            &mut p.reviewer_kind,
                            ReviewerKind::Organization,
                            "an organisation",
                        );
                    });
                    ui.end_row();
                    field(
                        ui,
                        "Review URL",
                        &mut p.review_url,
                        "https://factcheck.example/review",
                    );
                });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button("Apply").clicked() {
                    let mut cleaned = p.clone();
                    for s in [
                        &mut cleaned.article_url,
                        &mut cleaned.outlet,
                        &mut cleaned.article_date,
                        &mut cleaned.reviewer,
                        &mut cleaned.review_url,
                    ] {
                        *s = s.trim().to_owned();
                    }
                    actions.push(Action::Edit {
                        edit: Box::new(Edit::SetPublication(cleaned)),
                        label: "set publication details".to_owned(),
                        coalesce: None,
                    });
                    done = true;
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
        });
    if done || !open {
        *editing = None;
    }
}
