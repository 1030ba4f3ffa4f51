//! The Worklist tab: the fact-checker's claims — every claim with who makes it, its
//! check-worthiness and verdict, sorted by check-worthiness (most worth checking first) or by
//! verdict (unchecked first); a click selects it in the article.

use egui::RichText;

use crate::io::document::Document;
use crate::model::annotation::{Annotation, CheckWorthiness, Kind, Verdict};

use crate::ui::state::UiState;
use crate::ui::text_engine::bidi::visual;
use crate::ui::vocabulary::Action;
use crate::ui::vocabulary::ClaimOrder;

fn worthiness_rank(c: CheckWorthiness) -> u8 {
    match c {
        CheckWorthiness::High => 0,
        CheckWorthiness::Low => 1,
        CheckWorthiness::Unrated => 2,
        CheckWorthiness::Not => 3,
    }
}

fn verdict_rank(v: Verdict) -> usize {
    Verdict::ALL
        .iter()
        .position(|x| *x == v)
        .unwrap_or(usize::MAX)
}

/// The claims of `doc` in `order`.
pub fn worklist(doc: &Document, order: ClaimOrder) -> Vec<&Annotation> {
    let mut claims: Vec<&Annotation> = doc
        .session
        .annotations
        .iter()
        .filter(|a| matches!(a.kind, Kind::Claim(_)))
        .collect();
    let key = |a: &Annotation| match &a.kind {
        Kind::Claim(c) => match order {
            ClaimOrder::Worthiness => (usize::from(worthiness_rank(c.check_worthiness)), a.start),
            ClaimOrder::Verdict => (verdict_rank(c.verdict), a.start),
            ClaimOrder::Text => (0, a.start),
        },
        _ => (usize::MAX, a.start),
    };
    claims.sort_by_key(|a| key(a));
    claims
}

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
    let claims = worklist(doc, state.claim_order);
    if claims.is_empty() {
        ui.label(RichText::new("No claims yet. Select a checkable statement and press C.").weak());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{AnnotationId, Claim, Span};
    use crate::model::session::{ArticleRef, Session, make_annotation};
    use crate::model::text::ArticleText;

    #[test]
    fn the_worklist_puts_the_most_worth_checking_and_the_unchecked_first() {
        let text = ArticleText::new("one two three four".into());
        let mut session = Session::new(ArticleRef::default());
        for (id, span, worth, verdict) in [
            (1, (0, 3), CheckWorthiness::Low, Verdict::False),
            (2, (4, 7), CheckWorthiness::High, Verdict::True),
            (3, (8, 13), CheckWorthiness::Not, Verdict::Unchecked),
        ] {
            session.annotations.push(make_annotation(
                &text,
                AnnotationId(id),
                Span::new(span.0, span.1),
                Kind::Claim(Claim {
                    check_worthiness: worth,
                    verdict,
                    ..Claim::default()
                }),
            ));
        }
        let doc = Document {
            session,
            text,
            session_path: None,
            notices: Vec::new(),
            anchor_report: None,
        };
        let ids = |order| -> Vec<u32> { worklist(&doc, order).iter().map(|a| a.id.0).collect() };
        assert_eq!(ids(ClaimOrder::Worthiness), [2, 1, 3]);
        assert_eq!(ids(ClaimOrder::Verdict), [3, 2, 1]);
        assert_eq!(ids(ClaimOrder::Text), [1, 2, 3]);
    }
}
