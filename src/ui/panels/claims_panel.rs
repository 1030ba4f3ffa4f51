//! The Worklist tab: the fact-checker's claims — every claim with who makes it, its
//! check-worthiness and verdict, sorted by check-worthiness (most worth checking first) or by
//! verdict (unchecked first); a click selects it in the article.

use egui::RichText;

use crate::io::document::Document;
use crate::model::annotation::Kind;

use crate::ui::state::UiState;
use crate::ui::text_engine::bidi::visual;
use crate::ui::vocabulary::Action;
use crate::ui::vocabulary::ClaimOrder;

/// Draws the worklist.
pub fn claims_ui(state: &UiState, doc: &Document, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label("Sort by");
        for (order, name) in [
            (ClaimOrder::Worthiness, "check-worthiness"),
            (ClaimOrder::Verdict, "verdict"),
            (ClaimOrder::Text, "text order"),
        ] {
            if ui
                .selectable_label(state.claim_order == order, name)
                .clicked()
            {
                actions.push(Action::SortClaims(order));
            }
        }
    });
    ui.separator();
    let claims = crate::model::worklist::worklist(&doc.session, state.claim_order);
    if claims.is_empty() {
        ui.label(
            RichText::new(format!(
                "No claims yet. Select a checkable statement and press {}.",
                crate::ui::commands::UiCommand::MarkClaim.shortcut_text()
            ))
            .weak(),
        );
        return;
    }
    egui::Grid::new("claims_worklist")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Who");
            ui.strong("Worth · verdict");
            ui.strong("Claim");
            ui.end_row();
            for a in claims {
                let Kind::Claim(c) = &a.kind else { continue };
                let who = match c.speaker {
                    Some(_) => doc.session.speaker_name(c.speaker).to_owned(),
                    None => "the outlet".to_owned(),
                };
                ui.label(visual(&who));
                ui.label(format!(
                    "{} · {}",
                    c.check_worthiness.label(),
                    c.verdict.label()
                ));
                let snippet: String = a.exact.chars().take(60).collect();
                let r = ui.add(
                    egui::Button::selectable(state.selected == Some(a.id), visual(&snippet))
                        .truncate(),
                );
                if r.clicked() {
                    actions.push(Action::Select(Some(a.id), true));
                }
                ui.end_row();
            }
        });
}
