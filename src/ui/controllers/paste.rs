//! New article from the clipboard: the copy is kept as a page (`pasted-DATE.html`, in the
//! project or beside the saved sessions) and opened like any saved page.

use crate::ui::app::NewsmarkApp;
use crate::ui::dialogs::paste::Clip;
use crate::ui::vocabulary::Pending;

impl NewsmarkApp {
    /// Reads the clipboard with `reader` instead of the system's (tests, and machines without
    /// one).
    #[must_use]
    pub fn with_clipboard(mut self, reader: crate::ui::dialogs::paste::ClipboardReader) -> Self {
        self.ui.dialogs.paste.reader = Some(reader);
        self
    }

    /// Reads the clipboard and asks for the URL of what was copied.
    pub(crate) fn paste_article(&mut self) {
        match self.ui.dialogs.paste.read() {
            Some(clip) => self.ui.dialogs.paste.prompt = Some((clip, String::new())),
            None => self.ui.status = "The clipboard holds no text to make an article of".into(),
        }
    }

    /// Writes the copy as a page and opens it (asking about unsaved changes first).
    pub(crate) fn create_pasted(&mut self, clip: &Clip, url: &str) {
        let dir = match &self.work.project {
            Some(p) => p.dir.clone(),
            None => self.work.places.saves.join("pasted"),
        };
        let today = crate::io::formats::files::today_utc();
        match crate::io::page::open::write_pasted(&dir, &clip.content, clip.html, url, &today) {
            Ok(page) => self.guard(Pending::Open(page)),
            Err(e) => {
                self.ui.status = format!("Cannot make an article of the clipboard: {e}");
                self.ui.dialogs.error = Some(e.to_string());
            }
        }
    }
}
