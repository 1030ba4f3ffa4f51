//! The Stats tab: counts per speaker and kind, verdicts, and painted bar charts.

use crate::ui::text_engine::bidi::visual;
use egui::{Color32, RichText, Sense, Stroke, vec2};

use crate::io::document::Document;
use crate::model::stats::Stats;

use crate::ui::style;

/// Draws the Stats tab: the open article's counts, or with a project open and `whole` set,
/// the whole project's (speakers are matched by name across sessions).
pub fn stats_ui(
    doc: &Document,
    project: Option<&crate::ui::state::project::Project>,
    whole: bool,
    ui: &mut egui::Ui,
    actions: &mut Vec<crate::ui::vocabulary::Action>,
) {
    if project.is_some() {
        ui.horizontal(|ui| {
            for (scope, name) in [(false, "This article"), (true, "Whole project")] {
                if ui.selectable_label(whole == scope, name).clicked() {
                    actions.push(crate::ui::vocabulary::Action::SetProjectStats(scope));
                }
            }
        });
    }
    let st = match project.filter(|_| whole) {
        Some(p) => match project_stats(p) {
            Some(st) => st,
            None => {
                ui.label(RichText::new("No article of the project has a session yet.").weak());
                return;
            }
        },
        None => Stats::of(&doc.session, &doc.text, 0),
    };
    draw(&st, ui);
}

/// The sum of the project's sessions, with the words of every article (`None` without any
/// session).
fn project_stats(p: &crate::ui::state::project::Project) -> Option<Stats> {
    let mut total = p.session_totals()?;
    total.words = p.entries.iter().map(|e| e.words).sum();
    Some(total)
}

fn draw(st: &Stats, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical()
        .id_salt("stats")
        .show(ui, |ui| {
            ui.label(format!(
                "{} · {}: {}, {}, {} · {}",
                style::count(st.words, "word"),
                style::count(st.annotations, "annotation"),
                style::count(st.kind("claim"), "claim"),
                style::count(st.kind("quote"), "quote"),
                style::count(st.kind("mention"), "mention"),
                style::count(st.speakers.len(), "speaker")
            ));
            ui.add_space(8.0);
            ui.strong("Per speaker");
            legend(ui);
            let max = st
                .speakers
                .iter()
                .map(|sp| sp.quotes + sp.claims + sp.mentions)
                .max()
                .unwrap_or(0)
                .max(1);
            egui::Grid::new("speaker_stats")
                .num_columns(3)
                .show(ui, |ui| {
                    for sp in &st.speakers {
                        let counts = [sp.quotes, sp.claims, sp.mentions];
                        ui.label(RichText::new(visual(&sp.name)).color(style::rgb(sp.colour)));
                        stacked_bar(ui, &counts, max);
                        ui.label(format!(
                            "{} q · {} c · {} m",
                            counts[0], counts[1], counts[2]
                        ));
                        ui.end_row();
                    }
                });
            ui.add_space(10.0);
            ui.strong("Claims by verdict");
            bars(ui, "verdicts", &st.verdicts.0, style::CLAIM);
            ui.add_space(10.0);
            ui.strong("Claims by check-worthiness");
            bars(ui, "worthiness", &st.check_worthiness.0, style::CLAIM);
        });
}

const SEGMENTS: [[u8; 3]; 3] = [[0x4e, 0x79, 0xa7], style::CLAIM, [0x9a, 0x9a, 0x9a]];

fn legend(ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        for (name, c) in ["quotes", "claims", "mentions"].iter().zip(SEGMENTS) {
            let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, style::rgb(c));
            ui.label(RichText::new(*name));
        }
    });
}

fn stacked_bar(ui: &mut egui::Ui, counts: &[usize; 3], max: usize) {
    let width = 160.0;
    let (rect, _) = ui.allocate_exact_size(vec2(width, 14.0), Sense::hover());
    let painter = ui.painter();
    painter.rect_stroke(
        rect,
        2.0,
        Stroke::new(1.0, ui.visuals().weak_text_color()),
        egui::StrokeKind::Inside,
    );
    let mut x = rect.left();
    for (n, c) in counts.iter().zip(SEGMENTS) {
        let w = width * (*n as f32) / (max as f32);
        let seg = egui::Rect::from_min_size(egui::pos2(x, rect.top()), vec2(w, rect.height()));
        painter.rect_filled(seg, 0.0, style::rgb(c));
        x += w;
    }
}

fn bars(ui: &mut egui::Ui, id: &str, rows: &[(&str, usize)], colour: [u8; 3]) {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    egui::Grid::new(id).num_columns(3).show(ui, |ui| {
        for (label, n) in rows {
            ui.label(*label);
            let (rect, _) = ui.allocate_exact_size(vec2(160.0, 12.0), Sense::hover());
            let w = 160.0 * (*n as f32) / (max as f32);
            ui.painter().rect_filled(
                egui::Rect::from_min_size(rect.min, vec2(w, rect.height())),
                2.0,
                if *n == 0 {
                    Color32::TRANSPARENT
                } else {
                    style::rgb(colour)
                },
            );
            ui.label(n.to_string());
            ui.end_row();
        }
    });
}
