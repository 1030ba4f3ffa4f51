//! Suggestions waiting for accept or reject.
use crate::model::annotation::Span;
use crate::model::suggest::{MentionSuggestion, QuoteSuggestion, Suggestions};

/// One suggestion waiting for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Suggested {
    /// A quote, with its cue and source if found.
    Quote(QuoteSuggestion),
    /// A mention of a known speaker.
    Mention(MentionSuggestion),
}

impl Suggested {
    /// The span it is shown at (a quote's first content span).
    pub fn span(&self) -> Span {
        match self {
            Self::Quote(q) => q.content.first().copied().unwrap_or_default(),
            Self::Mention(m) => m.span,
        }
    }

    pub(crate) fn as_suggestions(&self) -> Suggestions {
        match self {
            Self::Quote(q) => Suggestions {
                quotes: vec![q.clone()],
                mentions: Vec::new(),
            },
            Self::Mention(m) => Suggestions {
                quotes: Vec::new(),
                mentions: vec![m.clone()],
            },
        }
    }
}

/// Suggestions shown and those rejected in this run.
#[derive(Default)]
pub struct SuggestionState {
    /// Waiting for accept or reject, in text order.
    pub pending: Vec<Suggested>,
    /// Rejected: not offered again while the app runs.
    pub rejected: Vec<Suggested>,
    /// What each accept took from the list, by the revision it made: undoing it lists them
    /// again, redoing it takes them away again.
    pub accepted: Vec<(u64, Vec<Suggested>)>,
}
