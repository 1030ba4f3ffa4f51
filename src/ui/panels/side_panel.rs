//! The side panel: the annotation list (virtualized) and the editor of the selected annotation.

use crate::ui::text_engine::bidi::visual;
use egui::RichText;

use crate::io::document::Document;
use crate::model::annotation::{Annotation, KindTag, Verdict};

use crate::ui::panels::widgets::speaker_combo;
use crate::ui::state::UiState;
use crate::ui::style;
use crate::ui::vocabulary::{Action, SideTab};

/// Where egui keeps the id of the side panel's widget that F6 gives the keyboard to (the tab
/// shown).
pub fn side_panel_target() -> egui::Id {
    egui::Id::unique("side panel focus target")
}

/// Draws the side panel's tabs and content.
pub fn side_panel_ui(
    doc: &Document,
    project: Option<&crate::ui::state::project::Project>,
    state: &UiState,
    ui: &mut egui::Ui,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let project_tab = project.map(|_| (SideTab::Project, "Project"));
        for (tab, name) in project_tab.into_iter().chain([
            (SideTab::Annotations, "Annotations"),
            (SideTab::Claims, "Worklist"),
            (SideTab::Speakers, "Speakers"),
            (SideTab::Stats, "Stats"),
            (SideTab::Compare, "Compare"),
        ]) {
            if tab == SideTab::Compare && state.compare.is_none() {
                continue;
            }
            let r = ui.selectable_label(state.side_tab == tab, name);
            if state.side_tab == tab {
                // Where F6 puts the keyboard in the side panel.
                let target = side_panel_target();
                ui.data_mut(|d| d.insert_temp(target, r.id));
            }
            if r.clicked() {
                actions.push(Action::SetTab(tab));
            }
        }
    });
    ui.separator();
    match state.side_tab {
        SideTab::Annotations => annotations_ui(state, doc, ui, &mut actions),
        SideTab::Speakers => {
            crate::ui::panels::speakers_panel::speakers_ui(state, doc, ui, &mut actions)
        }
        SideTab::Claims => crate::ui::panels::claims_panel::claims_ui(state, doc, ui, &mut actions),
        SideTab::Stats => crate::ui::panels::stats_panel::stats_ui(
            doc,
            project,
            state.project_stats,
            ui,
            &mut actions,
        ),
        SideTab::Project => match project {
            Some(p) => {
                crate::ui::panels::project_panel::project_ui(p, &state.project, ui, &mut actions)
            }
            None => annotations_ui(state, doc, ui, &mut actions),
        },
        SideTab::Compare => {
            crate::ui::panels::compare_panel::compare_ui(state, doc, ui, &mut actions)
        }
    }
    actions
}

fn annotations_ui(state: &UiState, doc: &Document, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let editor_height = if state.selected.is_some() {
        ui.available_height() * 0.5
    } else {
        0.0
    };
    let list_height = (ui.available_height() - editor_height - 8.0).max(80.0);
    crate::ui::panels::suggestions::suggestions_ui(doc, state, ui, actions);
    crate::ui::panels::quote_panel::open_quote_ui(doc, state.open_quote, ui, actions);
    filter_ui(state, doc, ui, actions);
    let all = &doc.session.annotations;
    // Only a filter needs a list of its own; unfiltered rows are read straight from the session,
    // so a frame does not copy 10,000 references.
    let filtered: Option<Vec<&Annotation>> = state
        .filter
        .is_active()
        .then(|| all.iter().filter(|a| state.filter.shows(a)).collect());
    let count = filtered.as_ref().map_or(all.len(), Vec::len);
    if all.is_empty() {
        ui.label(
            RichText::new(format!(
                "No annotations yet. Select text in the article, then press {} (claim), \
                 {} (quote) or {} (mention).",
                crate::ui::commands::UiCommand::MarkClaim.shortcut_text(),
                crate::ui::commands::UiCommand::MarkQuote.shortcut_text(),
                crate::ui::commands::UiCommand::MarkMention.shortcut_text()
            ))
            .weak(),
        );
    } else if count == 0 {
        ui.label(RichText::new("Nothing matches the filter.").weak());
    }
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 4.0;
    egui::ScrollArea::vertical()
        .id_salt("annotation_list")
        .max_height(list_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_h, count, |ui, range| {
            for i in range {
                let row = match &filtered {
                    Some(rows) => rows.get(i).copied(),
                    None => all.get(i),
                };
                if let Some(a) = row {
                    annotation_row(state, doc, a, ui, actions);
                }
            }
        });
    if let Some(a) = state.selected.and_then(|id| doc.session.annotation(id)) {
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("annotation_editor")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                crate::ui::panels::annotation_editor::editor_ui(state, doc, a, ui, actions)
            });
    }
}

/// Kind toggles and speaker / verdict pickers that filter the list and the highlights.
fn filter_ui(state: &UiState, doc: &Document, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let mut f = state.filter.clone();
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
        if state.filter.is_active() && ui.small_button("Reset").clicked() {
            f = crate::model::filter::Filter::default();
        }
    });
    if f != state.filter {
        actions.push(Action::SetFilter(f));
    }
    ui.separator();
}

fn annotation_row(
    state: &UiState,
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
    // The speaker first: a truncated row must still say who.
    let who = match a.kind.speaker() {
        Some(_) => format!(" · {}", doc.session.speaker_name(a.kind.speaker())),
        None => String::new(),
    };
    let badge = match &a.kind {
        crate::model::annotation::Kind::Claim(c)
            if c.verdict != crate::model::annotation::Verdict::Unchecked =>
        {
            format!(" [{}]", c.verdict.label())
        }
        _ => String::new(),
    };
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(6.0, 14.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, colour);
        let text = format!("{}{who}{badge} — {snippet}{more}", a.kind.tag().label());
        // Truncated to the panel: a long row must not widen the panel.
        let r = ui
            .add(egui::Button::selectable(state.selected == Some(a.id), visual(&text)).truncate())
            .on_hover_text(visual(&crate::ui::article_view::describe(doc, a.id)).into_owned());
        if r.clicked() {
            actions.push(Action::Select(Some(a.id), true));
        }
    });
}
