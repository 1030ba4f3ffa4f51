//! The Compare tab: the items of a comparison with their status, the counts, what is left to
//! decide, and the decision buttons for the selected item.

use egui::RichText;

use crate::io::document::Document;
use crate::model::annotation::{AnnotationId, Kind};
use crate::model::compare::{Decision, Status};
use crate::model::session::Session;
use crate::model::text::ArticleText;

use crate::ui::commands::UiCommand;
use crate::ui::state::UiState;
use crate::ui::state::compare::CompareState;
use crate::ui::text_engine::bidi::{isolate, visual, visual_ltr};
use crate::ui::vocabulary::Action;
use crate::ui::vocabulary::CompareAction;

/// Draws the comparison: heading, counts, the item list and the selected item.
pub fn compare_ui(state: &UiState, doc: &Document, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let Some(c) = &state.compare else {
        ui.label(RichText::new("Nothing compared: File ▸ Compare with…").weak());
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "A: curated session ({}) · B: {}",
            visual(&c.curated_from),
            visual(&c.other_name())
        ));
        if ui
            .button("Close comparison")
            .on_hover_text("Stop comparing; the decisions made stay in the curated session")
            .clicked()
        {
            actions.push(Action::Compare(CompareAction::Close));
        }
    });
    ui.label(c.counts_text());
    let left = c.left();
    ui.label(RichText::new(format!("{left} left to decide")).strong());
    ui.separator();
    let list_height = (ui.available_height() * 0.5).max(80.0);
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 4.0;
    egui::ScrollArea::vertical()
        .id_salt("compare_list")
        .max_height(list_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_h, c.items.len(), |ui, range| {
            for i in range {
                item_row(c, doc, i, ui, actions);
            }
        });
    if let Some(i) = c.selected {
        ui.separator();
        item_detail(c, doc, i, ui, actions);
    }
}

/// How an item reads in the list: "✓" decided, "•" open, nothing for an agreement.
fn item_row(c: &CompareState, doc: &Document, i: usize, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let Some(item) = c.items.get(i) else { return };
    let mark = match (item.status, c.is_open(i)) {
        (Status::Agree, _) => " ",
        (_, true) => "•",
        (_, false) => "✓",
    };
    let exact = item
        .a
        .and_then(|id| doc.session.annotation(id))
        .or_else(|| item.b.and_then(|id| c.other.annotation(id)))
        .map_or("", |a| a.exact.as_str());
    let text = format!(
        "{mark} {} · {} — {}",
        item.status.label(),
        item.kind.label(),
        snippet(exact, 40)
    );
    let r = ui.add(egui::Button::selectable(c.selected == Some(i), visual(&text)).truncate());
    if r.clicked() {
        out.push(Action::Compare(CompareAction::Select(i)));
    }
}

/// The selected item: both sides, what differs, and the decision buttons while it is open.
fn item_detail(
    c: &CompareState,
    doc: &Document,
    i: usize,
    ui: &mut egui::Ui,
    out: &mut Vec<Action>,
) {
    let Some(item) = c.items.get(i) else { return };
    let mut head = format!("{} · {}", item.status.label(), item.kind.label());
    if !item.differs.is_empty() {
        head.push_str(&format!(" — differs in {}", item.differs.join(", ")));
    }
    ui.label(RichText::new(head).strong());
    let a = side_text(&doc.session, &doc.text, item.a);
    let b = side_text(&c.other, &doc.text, item.b);
    ui.label(visual_ltr(&format!("A: {}", isolate(&a))));
    ui.label(visual_ltr(&format!("B: {}", isolate(&b))));
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if item.status == Status::Agree {
            ui.label(RichText::new("Both agree: nothing to decide").weak());
        } else if let Some(d) = c.decisions.get(i, c.depth) {
            ui.label(
                RichText::new(format!(
                    "Decided: {} ({} undoes it)",
                    d.label(),
                    crate::ui::commands::UiCommand::Undo.shortcut_text()
                ))
                .weak(),
            );
        } else {
            for (d, cmd) in Decision::ALL.into_iter().zip([
                UiCommand::TakeA,
                UiCommand::TakeB,
                UiCommand::TakeBoth,
            ]) {
                if ui
                    .button(d.label())
                    .on_hover_text(cmd.hover_text())
                    .clicked()
                {
                    out.push(Action::Compare(CompareAction::Decide(i, d)));
                }
            }
        }
        let next = UiCommand::NextUndecided;
        if ui
            .add_enabled(c.left() > 0, egui::Button::new(next.label()))
            .on_hover_text(next.hover_text())
            .clicked()
        {
            out.push(Action::Compare(CompareAction::NextOpen));
        }
    });
}

/// One side of an item: its text and attributes, or "—" when that side has nothing.
fn side_text(s: &Session, text: &ArticleText, id: Option<AnnotationId>) -> String {
    let Some(a) = id.and_then(|id| s.annotation(id)) else {
        return "—".into();
    };
    let mut parts = vec![format!("“{}”", snippet(&a.exact, 60))];
    if a.kind.speaker().is_some() {
        parts.push(s.speaker_name(a.kind.speaker()).to_owned());
    }
    match &a.kind {
        Kind::Quote(q) => {
            parts.push(q.quote_type.label().to_owned());
            if let Some(cue) = q.cue.filter(|c| !c.is_empty() && c.end <= text.len_chars()) {
                parts.push(format!("cue “{}”", text.slice(cue.start..cue.end)));
            }
        }
        Kind::Claim(cl) => {
            parts.push(format!("verdict {}", cl.verdict.label()));
            parts.push(format!("check-worthiness {}", cl.check_worthiness.label()));
        }
        Kind::Mention(_) => {}
    }
    parts.join(" · ")
}

/// The first `n` characters of `s` on one line, with "…" when cut.
fn snippet(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect::<String>().replace('\n', " ");
    if s.chars().count() > n {
        out.push('…');
    }
    out
}
