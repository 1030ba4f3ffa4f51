//! The comparison with another annotator's session: its items, decisions and marks.
use crate::model::annotation::{Kind, Span};
use crate::model::compare::{self, Decisions, Item, Status};
use crate::model::session::Session;
use crate::ui::style::count;
use std::path::PathBuf;

/// The comparison on screen: B's session, the items and which are decided.
pub struct CompareState {
    /// B's session file.
    pub(crate) path: PathBuf,
    /// B's session (A is the open one).
    pub(crate) other: Session,
    /// The aligned items, in text order, as they were when the comparison was opened.
    pub(crate) items: Vec<Item>,
    /// Which items are decided, in step with undo.
    pub(crate) decisions: Decisions,
    /// The history's undo depth now (decisions above it are undone).
    pub(crate) depth: usize,
    /// The selected item.
    pub(crate) selected: Option<usize>,
    /// How the curated session (A's side) came about: "a copy of story.ron", "resumed".
    pub(crate) curated_from: String,
}

impl CompareState {
    /// True if item `i` still waits for a decision.
    pub(crate) fn is_open(&self, i: usize) -> bool {
        self.decisions.is_open(&self.items, i, self.depth)
    }

    /// How many items wait for a decision.
    pub(crate) fn left(&self) -> usize {
        self.decisions.left(&self.items, self.depth)
    }

    /// "3 agree · 1 only A · 2 only B · 1 conflict".
    pub(crate) fn counts_text(&self) -> String {
        let n = compare::counts(&self.items);
        let [agree, only_a, only_b, conflicts] = n;
        format!(
            "{agree} agree · {only_a} only A · {only_b} only B · {}",
            count(conflicts, "conflict")
        )
    }

    /// B's file name and annotator, for headings.
    pub(crate) fn other_name(&self) -> String {
        let file = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        // In a project the annotator's folder names them when the session does not.
        let folder = self
            .path
            .ancestors()
            .zip(self.path.ancestors().skip(1))
            .find(|(_, above)| {
                above.file_name().and_then(|n| n.to_str()) == Some(crate::io::project::SESSIONS)
            })
            .and_then(|(me, _)| me.file_name())
            .map(|n| n.to_string_lossy().into_owned());
        match (self.other.annotator.trim(), folder) {
            ("", None) => file,
            ("", Some(who)) => format!("{who} ({file})"),
            (who, _) => format!("{file} ({who})"),
        }
    }
}

/// Whether B's side of item `i` is drawn in the article: one-sided and conflicting items of
/// B that are still open.
pub(crate) fn shows_theirs(c: &CompareState, i: usize) -> bool {
    c.is_open(i)
        && c.items
            .get(i)
            .is_some_and(|it| matches!(it.status, Status::OnlyB | Status::Conflict))
}

/// Red for B's side of a conflict; a one-sided item of B has its kind's colour.
const CONFLICT: [u8; 3] = [0xd6, 0x3a, 0x3a];

/// The spans B's open one-sided and conflicting items cover (main span, further parts, cue),
/// with the colour of their dashed box in the article.
pub(crate) fn their_marks(c: &CompareState) -> Vec<(Span, [u8; 3])> {
    let mut out = Vec::new();
    for (i, item) in c.items.iter().enumerate() {
        let Some(b) = item.b.and_then(|id| c.other.annotation(id)) else {
            continue;
        };
        if !shows_theirs(c, i) {
            continue;
        }
        let colour = match item.status {
            Status::Conflict => CONFLICT,
            _ => crate::ui::style::kind_colour(&c.other, b.kind.tag(), b.kind.speaker()),
        };
        out.push((b.span(), colour));
        if let Kind::Quote(q) = &b.kind {
            out.extend(q.more.iter().chain(&q.cue).map(|&s| (s, colour)));
        }
    }
    out
}
