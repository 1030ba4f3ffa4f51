//! Ctrl+F: the search bar, its matches, and turning a match into a selection to annotate.

use egui::{Id, RichText};

use crate::model::annotation::Span;
use crate::model::search::Searcher;

use crate::ui::app::NewsmarkApp;
use crate::ui::commands::UiCommand;
use crate::ui::vocabulary::Action;

/// The search bar's state.
#[derive(Default)]
pub struct SearchState {
    /// What is searched for.
    pub query: String,
    /// Matches of `query`, in text order.
    pub matches: Vec<Span>,
    /// The article folded for searching, and the last query's occurrences (kept between
    /// keystrokes so each one costs little).
    pub searcher: Searcher,
    /// Index of the selected match.
    pub current: Option<usize>,
    /// The search field should take the keyboard next frame.
    pub focus: bool,
}

/// Id of the search field.
pub fn field_id() -> Id {
    Id::unique("search_field")
}

impl NewsmarkApp {
    /// What the search field holds.
    pub fn search_query(&self) -> &str {
        &self.ui.search.query
    }

    /// The highlighted matches of the search, in text order.
    pub fn search_matches(&self) -> &[Span] {
        &self.ui.search.matches
    }

    /// Re-runs the search after the query or the document changed; the view's highlights are
    /// rebuilt only if the matches changed ("said" and "said " find the same). A newly opened
    /// article is folded for searching here, once, so the first keystroke does not pay for it.
    pub(crate) fn refresh_search(&mut self) {
        let matches = match &self.work.doc {
            Some(doc) => self
                .ui
                .search
                .searcher
                .find(&doc.text, &self.ui.search.query),
            None => {
                self.ui.search.searcher = Searcher::default();
                Vec::new()
            }
        };
        self.ui.search.current = None;
        if matches != self.ui.search.matches {
            self.ui.search.matches = matches;
            self.ui.view.invalidate_matches();
        }
    }

    /// Selects the next (or previous) match after the current one and scrolls to it; the match
    /// becomes the text selection, so C / Q / M annotate it.
    pub(crate) fn find_step(&mut self, forward: bool) {
        let n = self.ui.search.matches.len();
        if n == 0 {
            self.ui.status = if self.ui.search.query.trim().is_empty() {
                "Type something to find first".into()
            } else {
                format!("“{}” is not in the article", self.ui.search.query.trim())
            };
            return;
        }
        let next = match (self.ui.search.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.ui.search.current = Some(next);
        if let Some(&span) = self.ui.search.matches.get(next) {
            self.ui.selection = Some(span);
            self.ui.selected = None;
            self.ui.view.scroll_to_span = Some(span);
            let open = match self.open_quote() {
                Some(_) => format!(
                    ", or {} / {} / {} for the open quote (cue, part, source)",
                    UiCommand::SetCue.shortcut_text(),
                    UiCommand::AddQuotePart.shortcut_text(),
                    UiCommand::SetSource.shortcut_text()
                ),
                None => String::new(),
            };
            self.ui.status = format!(
                "Match {} of {n} selected: press {}, {} or {} to annotate it{open}",
                next + 1,
                UiCommand::MarkClaim.shortcut_text(),
                UiCommand::MarkQuote.shortcut_text(),
                UiCommand::MarkMention.shortcut_text(),
            );
        }
    }
}

/// The search field and its buttons, drawn in the toolbar.
pub fn search_ui(app: &NewsmarkApp, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let mut query = app.ui.search.query.clone();
    let field = egui::TextEdit::singleline(&mut query)
        .id(field_id())
        .hint_text(format!("Find ({})", UiCommand::Find.shortcut_text()))
        .desired_width(180.0);
    let label = ui.label("Find:");
    if app.ui.search.focus {
        ui.memory_mut(|m| m.request_focus(field_id()));
    }
    let r = ui.add(field).labelled_by(label.id);
    if r.changed() {
        actions.push(Action::SetSearch(query));
    }
    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        actions.push(Action::Command(UiCommand::FindNext));
    }
    let n = app.ui.search.matches.len();
    if !app.ui.search.query.trim().is_empty() {
        let text = match app.ui.search.current {
            Some(i) => format!("{} / {n}", i + 1),
            None => format!("{n} found"),
        };
        ui.label(RichText::new(text).weak());
        if ui
            .small_button("Prev")
            .on_hover_text(UiCommand::FindPrevious.hover_text())
            .clicked()
        {
            actions.push(Action::Command(UiCommand::FindPrevious));
        }
        if ui
            .small_button("Next")
            .on_hover_text(UiCommand::FindNext.hover_text())
            .clicked()
        {
            actions.push(Action::Command(UiCommand::FindNext));
        }
    }
}
