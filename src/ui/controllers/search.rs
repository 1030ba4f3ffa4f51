//! Ctrl+F's actions: searching as the query changes, and turning a match into the selection to
//! annotate (the field is `panels/search.rs`, its state `state/search.rs`).

use crate::model::annotation::Span;
use crate::model::search::Searcher;
use crate::ui::app::NewsmarkApp;
use crate::ui::commands::UiCommand;

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
