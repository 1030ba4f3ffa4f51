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

/// Suggestions shown and those rejected in this run; the project's model and its training.
#[derive(Default)]
pub struct SuggestionState {
    /// Waiting for accept or reject, in text order.
    pub pending: Vec<Suggested>,
    /// Rejected: not offered again while the app runs.
    pub rejected: Vec<Suggested>,
    /// What each accept took from the list, by the revision it made: undoing it lists them
    /// again, redoing it takes them away again.
    pub accepted: Vec<(u64, Vec<Suggested>)>,
    /// The project's model as last loaded.
    pub model: Option<LoadedModel>,
    /// Training running on a thread.
    pub training: Option<Training>,
}

/// A model file read from disk, kept until the file changes.
pub struct LoadedModel {
    /// Its path.
    pub path: std::path::PathBuf,
    /// When it was written.
    pub modified: std::time::SystemTime,
    /// The model.
    pub model: std::sync::Arc<crate::model::learn::Model>,
}

/// Training on a thread: how far it is.
pub struct Training {
    /// Messages from the thread.
    pub rx: std::sync::mpsc::Receiver<TrainingMessage>,
    /// Done, from 0 to 1.
    pub fraction: f32,
    /// What it is doing.
    pub stage: String,
}

/// What the training thread says.
pub enum TrainingMessage {
    /// Done so far (0 to 1) and the stage.
    Progress(f32, String),
    /// Finished: a summary, or why not.
    Done(Result<String, String>),
}
