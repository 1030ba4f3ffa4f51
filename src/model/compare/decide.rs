//! Deciding a comparison item: the edit on A's session, and which items are decided.

use crate::model::annotation::{Annotation, AnnotationId, Kind};
use crate::model::edit::Edit;
use crate::model::ids::FreshIds;
use crate::model::session::Session;
use crate::model::speaker::{Speaker, SpeakerId};

use super::{Item, Status, fragments};

/// What the adjudicator takes for an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decision {
    /// Keep A's version (or leave B's out).
    TakeA,
    /// B's version replaces A's (or A's goes when B has none).
    TakeB,
    /// Keep A's and add B's beside it.
    Both,
}

impl Decision {
    /// Every decision, in button order.
    pub const ALL: [Self; 3] = [Self::TakeA, Self::TakeB, Self::Both];

    /// Button text.
    pub fn label(self) -> &'static str {
        match self {
            Self::TakeA => "Take A",
            Self::TakeB => "Take B",
            Self::Both => "Both",
        }
    }
}

/// The edit on `a` (the curated session) that carries out `decision` on `item`, with its undo
/// label ("take B's quote #12"); `None` for an agreement, where there is nothing to decide.
/// Keeping A's version changes nothing but is still a step, so each decision is one undo.
/// B's annotation comes over with its speaker found in A by name (added when A has none of
/// that name) and its links to B's annotations pointed at A's with the same fragments.
pub fn decision_edit(
    a: &Session,
    b: &Session,
    item: &Item,
    decision: Decision,
) -> Option<(Edit, String)> {
    let kind = item.kind.label().to_lowercase();
    let x = item.a.and_then(|id| a.annotation(id));
    let y = item.b.and_then(|id| b.annotation(id));
    let num = |id: Option<AnnotationId>| id.map_or_else(String::new, |i| format!(" #{}", i.0));
    let (an, bn) = (num(item.a), num(item.b));
    let keep = (Edit::Batch(Vec::new()), format!("keep A's {kind}{an}"));
    match (item.status, decision) {
        (Status::Agree, _) => None,
        (Status::OnlyA, Decision::TakeA | Decision::Both) => Some(keep),
        (Status::OnlyB, Decision::TakeA) => {
            Some((Edit::Batch(Vec::new()), format!("leave out B's {kind}{bn}")))
        }
        (Status::Conflict, Decision::TakeA) => Some(keep),
        (Status::OnlyA, Decision::TakeB) => {
            let edit = x.map_or(Edit::Batch(Vec::new()), |x| Edit::RemoveAnnotation(x.id));
            Some((edit, format!("drop A's {kind}{an}")))
        }
        (Status::OnlyB | Status::Conflict, Decision::TakeB) => {
            let y = y?;
            let mut edits = Vec::new();
            let mut taken = adopt(a, b, y, &mut edits);
            match x {
                Some(x) => {
                    taken.id = x.id;
                    edits.push(Edit::ReplaceAnnotation(taken));
                }
                None => {
                    taken.id = fresh_annotation_id(a)?;
                    edits.push(Edit::InsertAnnotation(taken));
                }
            }
            Some((Edit::Batch(edits), format!("take B's {kind}{bn}")))
        }
        (Status::OnlyB | Status::Conflict, Decision::Both) => {
            let y = y?;
            let mut edits = Vec::new();
            let mut taken = adopt(a, b, y, &mut edits);
            taken.id = fresh_annotation_id(a)?;
            edits.push(Edit::InsertAnnotation(taken));
            let label = match item.status {
                Status::Conflict => format!("add B's {kind}{bn} beside A's{an}"),
                _ => format!("take B's {kind}{bn}"),
            };
            Some((Edit::Batch(edits), label))
        }
    }
}

fn fresh_annotation_id(a: &Session) -> Option<AnnotationId> {
    let max = a.annotations.iter().map(|x| x.id.0).max();
    FreshIds::after(max)
        .next(|id| a.annotation(AnnotationId(id)).is_some())
        .map(AnnotationId)
}

/// B's annotation `y` made fit for A: its speaker is A's speaker of that name (an insert of a
/// new one is pushed to `edits` when A has none), its links point at A's annotations with the
/// same fragments (or are dropped). The id is left for the caller to set.
fn adopt(a: &Session, b: &Session, y: &Annotation, edits: &mut Vec<Edit>) -> Annotation {
    let mut taken = y.clone();
    let speaker = y.kind.speaker().and_then(|id| b.speaker(id)).map(|sp| {
        if let Some(mine) = a.speaker_called(&sp.name) {
            return mine.id;
        }
        let id = fresh_speaker_id(a);
        let mut new = Speaker::new(id, sp.name.clone());
        new.kind = sp.kind;
        new.aliases = sp.aliases.clone();
        new.role = sp.role.clone();
        edits.push(Edit::InsertSpeaker(new));
        id
    });
    taken.kind.set_speaker(speaker);
    let map = |id: AnnotationId| -> Option<AnnotationId> {
        let theirs = b.annotation(id)?;
        let frags = fragments(theirs);
        a.annotations
            .iter()
            .find(|m| m.kind.tag() == theirs.kind.tag() && fragments(m) == frags)
            .map(|m| m.id)
    };
    match &mut taken.kind {
        Kind::Claim(c) => {
            c.in_quote = c.in_quote.and_then(map);
            c.source_mentions = c.source_mentions.iter().filter_map(|m| map(*m)).collect();
        }
        Kind::Quote(q) => {
            q.source_mentions = q.source_mentions.iter().filter_map(|m| map(*m)).collect();
        }
        Kind::Mention(_) => {}
    }
    taken
}

fn fresh_speaker_id(a: &Session) -> SpeakerId {
    let max = a.speakers.iter().map(|s| s.id.0).max();
    FreshIds::after(max)
        .next(|id| a.speaker(SpeakerId(id)).is_some())
        .map_or_else(|| a.next_speaker_id(), SpeakerId)
}

/// Which items are decided, kept in step with undo: a decision made as the undo step at depth
/// `d` is in effect while the history holds at least `d` steps. Example: decide item 3 (depth
/// 5), undo (depth 4): item 3 is open again; redo (depth 5): decided again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Per item, the decisions made and the depth of their step, oldest first.
    made: Vec<Vec<(Decision, usize)>>,
}

impl Decisions {
    /// Nothing decided for `items` items.
    pub fn new(items: usize) -> Self {
        Self {
            made: vec![Vec::new(); items],
        }
    }

    /// The decision in effect on item `i` when the history is `depth` steps deep.
    pub fn get(&self, i: usize, depth: usize) -> Option<Decision> {
        self.made
            .get(i)?
            .iter()
            .rev()
            .find(|(_, d)| *d <= depth)
            .map(|(x, _)| *x)
    }

    /// Item `i` was decided by the step that made the history `depth` steps deep.
    pub fn record(&mut self, i: usize, decision: Decision, depth: usize) {
        if let Some(m) = self.made.get_mut(i) {
            m.push((decision, depth));
        }
    }

    /// A new step was taken when the history was `depth` deep: the undone steps above it can
    /// no longer be redone, nor their decisions.
    pub fn forget_above(&mut self, depth: usize) {
        for m in &mut self.made {
            m.retain(|(_, d)| *d <= depth);
        }
    }

    /// True if item `i` of `items` still waits for a decision.
    pub fn is_open(&self, items: &[Item], i: usize, depth: usize) -> bool {
        items.get(i).is_some_and(|it| it.status != Status::Agree) && self.get(i, depth).is_none()
    }

    /// How many items still wait for a decision.
    pub fn left(&self, items: &[Item], depth: usize) -> usize {
        (0..items.len())
            .filter(|&i| self.is_open(items, i, depth))
            .count()
    }

    /// The first open item after `from` (from the start when `None`), wrapping around.
    pub fn next_open(&self, items: &[Item], from: Option<usize>, depth: usize) -> Option<usize> {
        let n = items.len();
        let start = from.map_or(0, |f| f + 1);
        (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| self.is_open(items, i, depth))
    }
}
