//! The Project tab: the document list (sortable, filterable), Done, previous / next, the
//! project's totals and a search across every article.

use egui::RichText;

use crate::io::project::Status;

use crate::ui::commands::UiCommand;
use crate::ui::state::project::{Project, ProjectView};
use crate::ui::text_engine::bidi::visual;
use crate::ui::vocabulary::CompareAction;
use crate::ui::vocabulary::ProjectSort;
use crate::ui::vocabulary::{Action, Field};

/// Draws the Project tab.
pub fn project_ui(p: &Project, view: &ProjectView, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    header_ui(p, ui, actions);
    ui.separator();
    let filter_label = ui.label("Filter:");
    let mut filter = view.filter.clone();
    let field = egui::TextEdit::singleline(&mut filter)
        .hint_text("name or status (new, in progress, done)")
        .desired_width(f32::INFINITY);
    if ui.add(field).labelled_by(filter_label.id).changed() {
        actions.push(Action::SetField(Field::ProjectFilter, filter));
    }
    sort_ui(view.sort, ui, actions);
    let order = view.order(&p.entries);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical()
        .id_salt("project_list")
        .max_height(ui.available_height() * 0.55)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, order.len(), |ui, rows| {
            for &i in &order[rows] {
                row_ui(p, i, ui, actions);
            }
        });
    if order.is_empty() {
        ui.label(RichText::new("No article matches the filter.").weak());
    }
    ui.separator();
    search_ui(p, view, ui, actions);
}

/// The project's name, its totals, and the open article's Done mark and neighbours.
fn header_ui(p: &Project, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let name = p.dir.file_name().map_or_else(
        || p.dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    ui.strong(format!("Project {name}"));
    let done = p
        .entries
        .iter()
        .filter(|e| e.status == Status::Done)
        .count();
    let words: usize = p.entries.iter().map(|e| e.words).sum();
    let total = p.session_totals();
    let annotations = total.as_ref().map_or(0, |t| t.annotations);
    ui.label(format!(
        "{} · {done} done · {} · {} · annotator “{}”",
        crate::ui::style::count(p.entries.len(), "article"),
        crate::ui::style::count(words, "word"),
        crate::ui::style::count(annotations, "annotation"),
        p.annotator
    ));
    if let Some(t) = &total {
        egui::CollapsingHeader::new("Project totals")
            .id_salt("project_totals")
            .show(ui, |ui| {
                ui.label(RichText::new(t.to_text()).monospace().small());
            });
    }
    ui.horizontal_wrapped(|ui| {
        for cmd in [UiCommand::PrevDocument, UiCommand::NextDocument] {
            let button = ui.button(cmd.label()).on_hover_text(cmd.hover_text());
            if button.clicked() {
                actions.push(Action::Command(cmd));
            }
        }
        if let Some(i) = p.current {
            let mut is_done = p.entries[i].status == Status::Done;
            let toggle = ui
                .checkbox(&mut is_done, "Done")
                .on_hover_text(UiCommand::ToggleDone.hover_text());
            if toggle.changed() {
                actions.push(Action::Command(UiCommand::ToggleDone));
            }
        }
    });
    others_ui(p, ui, actions);
}

/// The other annotators' sessions of the open article, each a click away from the Compare tab.
fn others_ui(p: &Project, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let Some(article) = p.current.and_then(|i| p.entries.get(i)) else {
        return;
    };
    let others: Vec<(String, std::path::PathBuf)> = crate::io::project::annotators(&p.dir)
        .into_iter()
        .filter(|a| *a != p.annotator)
        .map(|a| {
            let path = crate::io::project::session_path(&p.dir, &a, &article.article);
            (a, path)
        })
        .filter(|(_, path)| path.is_file())
        .collect();
    if others.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Compare with:");
        for (name, path) in others {
            let button = ui.button(visual(&name)).on_hover_text(format!(
                "Adjudicate against {name}'s session of this article"
            ));
            if button.clicked() {
                actions.push(Action::Compare(CompareAction::Open(path)));
            }
        }
    });
}

/// The sort buttons.
fn sort_ui(current: ProjectSort, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Sort:");
        for (sort, name) in [
            (ProjectSort::Name, "name"),
            (ProjectSort::Words, "words"),
            (ProjectSort::Annotations, "annotations"),
            (ProjectSort::Status, "status"),
            (ProjectSort::Edited, "last edited"),
        ] {
            if ui.selectable_label(current == sort, name).clicked() {
                actions.push(Action::SortProject(sort));
            }
        }
    });
}

/// One article: its name on the first line, then its status, words, annotations and when it
/// was last edited on a second, smaller line, so a long name never hides the status. Screen
/// readers hear one line: "name · status · words · annotations · edited".
fn row_ui(p: &Project, i: usize, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let e = &p.entries[i];
    let edited = e.edited.map_or_else(|| "never".to_owned(), ago);
    let mut details = format!(
        "{} · {} · {} · {edited}",
        e.status.label(),
        crate::ui::style::count(e.words, "word"),
        crate::ui::style::count(e.annotations(), "annotation"),
    );
    if e.problem.is_some() {
        details.push_str(" · cannot be read");
    }
    let name = visual(&e.name);
    let mut text = egui::text::LayoutJob::default();
    let style = ui.style();
    RichText::new(fit_name(ui, &name)).append_to(
        &mut text,
        style,
        egui::FontSelection::Default,
        egui::Align::LEFT,
    );
    let body = egui::TextStyle::Body.resolve(style).size;
    RichText::new(format!("\n{details}"))
        .size(body * 0.85)
        .weak()
        .append_to(
            &mut text,
            style,
            egui::FontSelection::Default,
            egui::Align::LEFT,
        );
    let spoken = format!("{name} · {details}");
    let row = ui
        .add(egui::Button::selectable(p.current == Some(i), text))
        .on_hover_text(e.problem.as_deref().unwrap_or(&e.name));
    row.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, p.current == Some(i), &spoken)
    });
    if row.clicked() {
        actions.push(Action::OpenInProject(i));
    }
}

/// `name`, cut in its middle with an ellipsis when it would not fit on
/// one line of the panel: its beginning (outlet, date) and its end (extension) stay.
fn fit_name(ui: &egui::Ui, name: &str) -> String {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let room = ui.available_width() - 2.0 * ui.spacing().button_padding.x - 4.0;
    let fits = |t: &str| {
        ui.painter()
            .layout_no_wrap(t.to_owned(), font.clone(), egui::Color32::WHITE)
            .size()
            .x
            <= room
    };
    if fits(name) {
        return name.to_owned();
    }
    let chars: Vec<char> = name.chars().collect();
    let cut = |keep: usize| {
        let tail = keep / 3;
        let head: String = chars.iter().take(keep - tail).collect();
        let end: String = chars.iter().skip(chars.len() - tail).collect();
        format!("{head}…{end}")
    };
    // The most characters that still fit (at least a few, however narrow the panel).
    let (mut lo, mut hi) = (4.min(chars.len()), chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(&cut(mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    cut(lo)
}

/// How long ago `t` was, in words.
fn ago(t: std::time::SystemTime) -> String {
    let secs = t.elapsed().map_or(0, |d| d.as_secs());
    match secs {
        0..60 => "just now".into(),
        60..3600 => format!("{} min ago", secs / 60),
        3600..86400 => format!("{} h ago", secs / 3600),
        _ => format!("{} days ago", secs / 86400),
    }
}

/// The search across every article, and its hits.
fn search_ui(p: &Project, view: &ProjectView, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let mut query = view.query.clone();
    let entered = ui
        .horizontal(|ui| {
            let label = ui.label("Search the project:");
            let field = ui
                .add(egui::TextEdit::singleline(&mut query).desired_width(160.0))
                .labelled_by(label.id);
            if field.changed() {
                actions.push(Action::SetField(Field::ProjectQuery, query.clone()));
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.button("Search").clicked() || enter
        })
        .inner;
    if entered {
        actions.push(Action::SearchProject(query));
    }
    if view.hit_count > view.hits.len() {
        ui.label(
            RichText::new(format!(
                "{} matches; the first {} are listed",
                view.hit_count,
                view.hits.len()
            ))
            .weak(),
        );
    }
    egui::ScrollArea::vertical()
        .id_salt("project_hits")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (n, hit) in view.hits.iter().enumerate() {
                let name = p.entries.get(hit.entry).map_or("", |e| e.name.as_str());
                let text = format!("{name}:{}  {}", hit.span.start, hit.context);
                let row = egui::Button::selectable(false, visual(&text)).truncate();
                if ui.add(row).clicked() {
                    actions.push(Action::OpenHit(n));
                }
            }
        });
}
