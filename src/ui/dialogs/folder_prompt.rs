//! A folder chosen where a file was expected (typed into Ctrl+O, or dropped on the window):
//! open it as a project only when the user says so, since that makes `FOLDER/.newsmark/NAME/`
//! for their sessions. A folder that is a project already opens without asking.

use std::path::{Path, PathBuf};

use egui::RichText;

use crate::io::project;
use crate::ui::commands::UiCommand;
use crate::ui::vocabulary::Action;

/// True when `dir` holds no newsmark project yet, so opening it would create one. A "Web
/// page, complete" folder is not asked about: it opens as its page.
pub fn would_create_project(dir: &Path) -> bool {
    dir.is_dir()
        && !dir.join(project::SESSIONS).is_dir()
        && crate::io::page::page_of_folder(dir).is_none()
}

/// Asks whether to open `dir` as a project; pushes the answer clicked as an action. Its keys
/// are in the command table (`AnswerDefault` opens, `AnswerCancel` cancels).
pub fn folder_prompt_ui(
    dir: &Path,
    annotator: &str,
    ctx: &egui::Context,
    actions: &mut Vec<Action>,
) {
    let keys = |c: UiCommand| c.shortcut_text();
    let sessions = dir
        .join(project::SESSIONS)
        .join(project::annotator_folder(annotator));
    let mut answer: Option<Option<PathBuf>> = None;
    crate::ui::dialogs::question_window("Open this folder as a project?", ctx).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.label(format!(
            "{} is a folder. As a project, its articles are listed in the Project tab, \
                 and your sessions of them are kept in {}, which newsmark creates.",
            dir.display(),
            sessions.display()
        ));
        ui.add_space(4.0);
        if ui
            .button(format!(
                "{} · Open as a project",
                keys(UiCommand::AnswerDefault)
            ))
            .clicked()
        {
            answer = Some(Some(dir.to_owned()));
        }
        if ui
            .button(format!("{} · Cancel", keys(UiCommand::AnswerCancel)))
            .clicked()
        {
            answer = Some(None);
        }
        ui.label(
            RichText::new("Nothing is written in the folder unless you open it.")
                .weak()
                .small(),
        );
    });
    if let Some(choice) = answer {
        actions.push(Action::AnswerFolder(choice));
    }
}
