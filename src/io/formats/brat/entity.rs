//! The `T` lines of a brat import as the import's phases and its helpers (links, the type
//! map, speakers) share them.

use crate::model::annotation::Span;

/// What a `T` line becomes under the type map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tag {
    Claim,
    Quote,
    Mention,
    Cue,
}

impl Tag {
    /// The type's name in messages: `Quote`, `Cue`.
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Claim => "Claim",
            Self::Quote => "Quote",
            Self::Mention => "Mention",
            Self::Cue => "Cue",
        }
    }
}

/// One `T` line.
pub(super) struct Entity {
    pub(super) line: usize,
    pub(super) tag: Tag,
    pub(super) frags: Vec<Span>,
}

impl Entity {
    /// The span from the first fragment's start to the last fragment's end.
    pub(super) fn covering(&self) -> Span {
        let start = self.frags.iter().map(|f| f.start).min().unwrap_or(0);
        let end = self.frags.iter().map(|f| f.end).max().unwrap_or(start);
        Span::new(start, end)
    }
}
