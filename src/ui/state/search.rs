//! The search bar's state: query, matches, the current match.
use crate::model::annotation::Span;
use crate::model::search::Searcher;

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
