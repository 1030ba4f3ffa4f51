//! "New article from clipboard": what was copied (its HTML flavour when there is one) waits
//! here while the user gives the URL it came from.

use egui::{Id, Modal, RichText};

use crate::ui::vocabulary::Action;
pub use crate::ui::vocabulary::Clip;

/// Reads the clipboard: the HTML flavour when there is one, else the text; `None` when it
/// holds neither (or there is no clipboard).
pub type ClipboardReader = fn() -> Option<Clip>;

/// The paste question and the clipboard it reads.
#[derive(Default)]
pub struct PasteState {
    /// What was copied and the URL typed so far, while the question is open.
    pub prompt: Option<(Clip, String)>,
    /// Where the clipboard is read from; the system clipboard when `None` (tests set one).
    pub reader: Option<ClipboardReader>,
}

impl PasteState {
    /// What the clipboard holds now.
    pub fn read(&self) -> Option<Clip> {
        match self.reader {
            Some(read) => read(),
            None => system_clipboard(),
        }
    }
}

/// The system clipboard, HTML first.
fn system_clipboard() -> Option<Clip> {
    let mut clipboard = arboard::Clipboard::new().ok()?;
    if let Ok(html) = clipboard.get().html()
        && !html.trim().is_empty()
    {
        return Some(Clip {
            content: html,
            html: true,
        });
    }
    let text = clipboard.get().text().ok()?;
    (!text.trim().is_empty()).then_some(Clip {
        content: text,
        html: false,
    })
}

/// Asks for the URL of what was pasted; Create emits [`Action::CreatePasted`].
pub fn paste_ui(state: &mut PasteState, ctx: &egui::Context, actions: &mut Vec<Action>) {
    let Some((clip, url)) = state.prompt.as_mut() else {
        return;
    };
    let mut create = false;
    let r = Modal::new(Id::unique("paste_article")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("New article from the clipboard");
        let what = if clip.html { "HTML" } else { "text" };
        ui.label(format!(
            "{} characters of {what}. Where was it published? The URL goes to the \
             publication details (ClaimReview, W3C); it may stay empty.",
            clip.content.chars().count()
        ));
        ui.add_space(6.0);
        let name = ui.label("URL:");
        let field = ui
            .add(
                egui::TextEdit::singleline(url)
                    .hint_text("https://outlet.example/story")
                    .desired_width(480.0),
            )
            .labelled_by(name.id);
        if !field.has_focus() && !field.lost_focus() {
            field.request_focus();
        }
        ui.label(
            RichText::new("The copy is kept as a page and its text as an article beside it.")
                .weak(),
        );
        ui.add_space(8.0);
        let mut cancel = false;
        ui.horizontal(|ui| {
            create = ui.button("Create").clicked()
                || (field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
            cancel = ui.button("Cancel").clicked();
        });
        cancel
    });
    if create {
        if let Some((clip, url)) = state.prompt.take() {
            actions.push(Action::CreatePasted(clip, url.trim().to_owned()));
        }
    } else if r.inner || r.should_close() {
        state.prompt = None;
    }
}
