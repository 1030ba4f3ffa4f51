//! Modal dialogs: file choosing (native dialog on a thread, typed path as fallback), errors,
//! unsaved-changes confirmation, locating a moved article, and the shortcut help.

pub mod about;
pub mod folder_prompt;
mod guide;
pub mod hands;
mod question;
pub use question::{cancel_and_undo_hint, question_window};
mod help;
pub mod mention_prompt;
pub mod paste;
pub(crate) mod publication;
pub mod recovery;
pub mod review;
pub mod sharing_prompt;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use egui::{Id, Modal, RichText};

use crate::io::formats::files::{ExportFormat, ImportFormat};

use crate::io::document::Document;
use crate::model::speaker::SpeakerId;

use crate::ui::vocabulary::Action;

mod native;
use crate::ui::vocabulary::CompareAction;
use crate::ui::vocabulary::Pending;

/// What a file dialog is choosing a path for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// An article or session to open.
    Open,
    /// A folder of articles to open as a project.
    OpenFolder,
    /// Where to save the session.
    SaveAs,
    /// Where to write an export.
    Export(ExportFormat),
    /// An interchange file to import for the open article.
    Import(ImportFormat),
    /// Another annotator's session of the open article, to compare with.
    Compare,
    /// The new place of a session's missing article.
    LocateArticle {
        /// The session whose article moved.
        session: PathBuf,
    },
}

/// A file dialog: a typed path, and maybe a native dialog running on a thread.
pub struct FileDialog {
    purpose: Purpose,
    path: String,
    /// The system dialog's answer, and when it was asked for.
    native: Option<(Receiver<Option<PathBuf>>, Instant)>,
    note: String,
    /// The path field was given the keyboard once (it may lose it to a click after that).
    focused: bool,
}

/// A system dialog that answers "nothing chosen" faster than this never appeared: there is no
/// dialog service (XDG portal, zenity) on this machine.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

/// All dialog state.
#[derive(Default)]
pub struct Dialogs {
    /// An error to show.
    pub error: Option<String>,
    /// An action waiting on Save / Discard / Cancel.
    pub confirm: Option<Pending>,
    /// The user agreed to close the window.
    pub quit_confirmed: bool,
    /// The open file dialog, if any.
    pub file: Option<FileDialog>,
    /// Never start the system file dialog (tests, or machines without one).
    pub typed_paths_only: bool,
    /// M on an unknown name is waiting for who it is.
    pub mention: Option<crate::ui::dialogs::mention_prompt::MentionPrompt>,
    /// U or W on a cue or mention another quote uses is waiting for share, move or cancel.
    pub sharing: Option<crate::ui::dialogs::sharing_prompt::SharingPrompt>,
    /// A folder given where a file was expected: open it as a project?
    pub folder: Option<PathBuf>,
    /// The keyboard shortcut overlay is shown.
    pub help: bool,
    /// Help ▸ About or Help ▸ User guide is open.
    pub info: Option<about::InfoWindow>,
    /// The publication details being edited, until Apply or Cancel.
    pub publication: Option<crate::model::session::Publication>,
    /// What was copied, waiting for its URL; and where the clipboard is read from.
    pub paste: crate::ui::dialogs::paste::PasteState,
}

impl Dialogs {
    /// Starts choosing a file to open.
    pub fn open_file(&mut self) {
        self.start(Purpose::Open, String::new());
    }

    /// Starts choosing a folder to open as a project.
    pub fn open_folder(&mut self) {
        self.start(Purpose::OpenFolder, String::new());
    }

    /// Starts choosing where to write an export.
    pub fn export(&mut self, format: ExportFormat, suggested: PathBuf) {
        self.start(Purpose::Export(format), suggested.display().to_string());
    }

    /// Starts choosing a file to import.
    pub fn import(&mut self, format: ImportFormat) {
        self.start(Purpose::Import(format), String::new());
    }

    /// Starts choosing another annotator's session to compare with.
    pub fn compare(&mut self) {
        self.start(Purpose::Compare, String::new());
    }

    /// Starts choosing where to save.
    pub fn save_as(&mut self, suggested: PathBuf) {
        self.start(Purpose::SaveAs, suggested.display().to_string());
    }

    /// Asks the user where a session's article went.
    pub fn locate_article(&mut self, session: PathBuf, expected: &Path) {
        self.start(Purpose::LocateArticle { session }, String::new());
        if let Some(f) = &mut self.file {
            f.note = format!(
                "The article was not found at {}. Where is it now?",
                expected.display()
            );
        }
    }

    fn start(&mut self, purpose: Purpose, path: String) {
        let native = if self.typed_paths_only {
            None
        } else {
            native::spawn(&purpose, &path)
        };
        self.file = Some(FileDialog {
            purpose,
            path,
            native,
            note: String::new(),
            focused: false,
        });
    }

    /// True while any dialog is open (single-key shortcuts are off then).
    pub fn any_open(&self) -> bool {
        self.error.is_some()
            || self.confirm.is_some()
            || self.file.is_some()
            || self.mention.is_some()
            || self.sharing.is_some()
            || self.folder.is_some()
            || self.paste.prompt.is_some()
    }
}

/// Draws whichever dialogs are open; returns what the user chose. Dialogs change only their
/// own state: everything else is an [`Action`], applied after the frame.
pub fn dialogs_ui(
    dialogs: &mut Dialogs,
    doc: Option<&Document>,
    current_speaker: Option<SpeakerId>,
    annotator: &str,
    ctx: &egui::Context,
) -> Vec<Action> {
    let mut actions = Vec::new();
    file_dialog_ui(dialogs, ctx, &mut actions);
    crate::ui::dialogs::publication::publication_ui(&mut dialogs.publication, ctx, &mut actions);
    crate::ui::dialogs::paste::paste_ui(&mut dialogs.paste, ctx, &mut actions);
    if let (Some(prompt), Some(doc)) = (&dialogs.mention, doc) {
        crate::ui::dialogs::mention_prompt::mention_prompt_ui(
            prompt,
            doc,
            current_speaker,
            ctx,
            &mut actions,
        );
    }
    if let Some(dir) = &dialogs.folder {
        crate::ui::dialogs::folder_prompt::folder_prompt_ui(dir, annotator, ctx, &mut actions);
    }
    if let Some(prompt) = &dialogs.sharing {
        crate::ui::dialogs::sharing_prompt::sharing_prompt_ui(prompt, ctx, &mut actions);
    }
    if let Some(message) = dialogs.error.clone() {
        let r = Modal::new(Id::unique("error_modal")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Something went wrong");
            ui.label(message);
            ui.add_space(8.0);
            ui.button("OK").clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter))
        });
        if r.inner || r.should_close() {
            dialogs.error = None;
        }
    }
    if let Some(pending) = dialogs.confirm.clone() {
        let name = doc.map(Document::session_name).unwrap_or_default();
        match confirm_ui(ctx, &pending, &name) {
            Some(Some(save)) => {
                dialogs.confirm = None;
                actions.push(Action::Confirm(pending, save));
            }
            Some(None) => dialogs.confirm = None,
            None => {}
        }
    }
    if dialogs.help {
        dialogs.help = help::help_ui(ctx);
    }
    about::info_ui(&mut dialogs.info, ctx);
    actions
}

/// "Save the changes to the session … before …?": `Some(Some(save))` when answered,
/// `Some(None)` when cancelled. Only Esc or Cancel dismiss it: a stray click outside must not
/// decide about unsaved work.
fn confirm_ui(ctx: &egui::Context, pending: &Pending, name: &str) -> Option<Option<bool>> {
    let what = match pending {
        Pending::Open(p) => format!(
            "Before opening {}",
            p.file_name().unwrap_or(p.as_os_str()).to_string_lossy()
        ),
        Pending::Quit => "Before closing".to_owned(),
    };
    let r = Modal::new(Id::unique("confirm_modal")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!(
            "{what}: save your annotations to the session {name}? The article itself is never \
             changed."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                return Some(Some(true));
            }
            if ui.button("Discard").clicked() {
                return Some(Some(false));
            }
            if ui.button("Cancel").clicked() {
                return Some(None);
            }
            None
        })
        .inner
    });
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        return Some(None);
    }
    r.inner
}

fn file_dialog_ui(dialogs: &mut Dialogs, ctx: &egui::Context, actions: &mut Vec<Action>) {
    let Some(dialog) = dialogs.file.as_mut() else {
        return;
    };
    if let Some((rx, asked)) = &dialog.native {
        match rx.try_recv() {
            Ok(Some(path)) => {
                let purpose = dialog.purpose.clone();
                dialogs.file = None;
                finish(purpose, path, actions);
                return;
            }
            Ok(None) | Err(TryRecvError::Disconnected) => {
                dialog.note = if asked.elapsed() < NO_DIALOG_WITHIN {
                    "No system file dialog can be shown on this machine (it needs the XDG \
                     desktop portal or zenity). Type the path instead."
                } else {
                    "No file was chosen in the system dialog. Type a path instead, or cancel."
                }
                .into();
                dialog.native = None;
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100))
            }
        }
    }
    let title = match &dialog.purpose {
        Purpose::Open => "Open article or session",
        Purpose::OpenFolder => "Open a folder of articles as a project",
        Purpose::SaveAs => "Save session as",
        Purpose::Export(_) => "Export to",
        Purpose::Import(_) => "Import annotations for this article from",
        Purpose::LocateArticle { .. } => "Locate the article",
        Purpose::Compare => "Compare with another annotator's session of this article",
    };
    let mut chosen = None;
    let mut cancel = false;
    let r = Modal::new(Id::unique("file_modal")).show(ctx, |ui| {
        ui.set_min_width(480.0);
        ui.heading(title);
        if !dialog.note.is_empty() {
            ui.label(&dialog.note);
        }
        if dialog.native.is_some() {
            ui.label(RichText::new("A system file dialog is open…").weak());
        }
        let field = ui
            .horizontal(|ui| {
                let label = ui.label("File:");
                ui.add(
                    egui::TextEdit::singleline(&mut dialog.path)
                        .hint_text("path to the file")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id)
            })
            .inner;
        // Typing goes to the path at once, however the dialog was opened (menu or key).
        if dialog.native.is_none() && !dialog.focused {
            field.request_focus();
            dialog.focused = field.has_focus();
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let ok = match dialog.purpose {
                Purpose::SaveAs => "Save",
                Purpose::Export(_) => "Export",
                Purpose::Import(_) => "Import",
                _ => "Open",
            };
            if (ui.button(ok).clicked() || enter) && !dialog.path.trim().is_empty() {
                chosen = Some(PathBuf::from(dialog.path.trim()));
            }
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
            if dialog.native.is_none() && ui.button("Browse…").clicked() {
                dialog.native = native::spawn(&dialog.purpose, &dialog.path);
                dialog.focused = false;
            }
        });
    });
    if cancel || r.should_close() {
        dialogs.file = None;
    } else if let Some(path) = chosen {
        let purpose = dialog.purpose.clone();
        dialogs.file = None;
        finish(purpose, path, actions);
    }
}

fn finish(purpose: Purpose, path: PathBuf, actions: &mut Vec<Action>) {
    match purpose {
        Purpose::Open => actions.push(Action::Open(path)),
        Purpose::OpenFolder => actions.push(Action::OpenProject(path)),
        Purpose::SaveAs => {
            let path = if path.extension().is_none() {
                path.with_extension("ron")
            } else {
                path
            };
            actions.push(Action::SaveTo(path));
        }
        Purpose::Export(format) => actions.push(Action::Export(format, path)),
        Purpose::Import(format) => actions.push(Action::Import(format, path)),
        Purpose::Compare => actions.push(Action::Compare(CompareAction::Open(path))),
        Purpose::LocateArticle { session } => actions.push(Action::LocateArticle {
            session,
            article: path,
        }),
    }
}
