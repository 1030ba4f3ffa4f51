//! The recovery file's state: the offer to restore, the write in flight, what is under review.
use crate::io::document::Document;
use crate::model::annotation::{Annotation, AnnotationId, Span};
use crate::model::session::Session;
use std::sync::mpsc::Receiver;

/// Seconds after a change before the recovery file is written: the one autosave delay the README
/// and ARCHITECTURE.md give.
pub const AUTOSAVE_DELAY: f64 = 1.0;

/// Sessions with at least this many annotations are autosaved on a thread: writing them takes
/// tens of milliseconds, which the window must not pause for (smaller ones take well under one).
pub const THREAD_FROM: usize = 1_000;

/// A recovery file being written on a thread, and the history version it holds.
pub(crate) struct InFlight {
    pub(crate) version: u64,
    pub(crate) done: Receiver<Result<(), String>>,
}

/// Recovery bookkeeping kept by the app.
#[derive(Default)]
pub struct RecoveryState {
    /// History version last written to the recovery file.
    pub(crate) written_version: u64,
    /// When (egui time) the pending change should be written.
    pub(crate) due: Option<f64>,
    /// A recovered session waiting for Restore / Discard, with its change count.
    pub offer: Option<(Box<Session>, u64)>,
    /// Annotations re-anchoring could not place exactly, still to be reviewed.
    pub review: Vec<AnnotationId>,
    /// Where re-anchoring put the fuzzy matches: there (and only there) they are shown and
    /// can be accepted, although their text is not yet `exact`.
    pub placed: Vec<(AnnotationId, Span)>,
    /// An export waiting for the review of annotations that are not anchored.
    pub export: Option<crate::ui::state::review::HeldExport>,
    /// The open session's lock and what its file held when loaded (released with it).
    pub hands: crate::ui::state::hands::Hands,
    /// A recovery file still being written on a thread.
    pub(crate) in_flight: Option<InFlight>,
}

impl RecoveryState {
    /// True while one of its questions waits for an answer (restore unsaved work, the session
    /// changed on disk, it is open elsewhere): keys meant for the article must not act behind it.
    pub fn asks(&self) -> bool {
        self.offer.is_some() || self.hands.question.is_some() || self.hands.ask_held
    }

    /// True if the annotation may be drawn and shown in its place: its offsets hold its text,
    /// or it is a fuzzy match still where re-anchoring put it.
    pub fn is_placed(&self, doc: &Document, a: &Annotation) -> bool {
        doc.is_anchored(a) || self.placed.contains(&(a.id, a.span()))
    }
}
