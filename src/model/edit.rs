//! Edits: every change to a [`Session`]. Applying an edit returns its inverse, so undo is
//! applying the inverse (helix-style transactions).

use super::annotation::{Annotation, AnnotationId};
use super::session::{ArticleRef, Publication, Session};
use super::speaker::{Speaker, SpeakerId};

/// Why an edit could not be applied; the session is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The annotation id is already taken.
    #[error("annotation {0} already exists")]
    DuplicateAnnotation(u32),
    /// No annotation has this id.
    #[error("annotation {0} does not exist")]
    NoAnnotation(u32),
    /// The speaker id is already taken.
    #[error("speaker {0} already exists")]
    DuplicateSpeaker(u32),
    /// No speaker has this id.
    #[error("speaker {0} does not exist")]
    NoSpeaker(u32),
}

/// One change to a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Add an annotation (its id must be free).
    InsertAnnotation(Annotation),
    /// Remove the annotation with this id.
    RemoveAnnotation(AnnotationId),
    /// Replace the annotation with the same id.
    ReplaceAnnotation(Annotation),
    /// Add a speaker (its id must be free).
    InsertSpeaker(Speaker),
    /// Remove the speaker with this id.
    RemoveSpeaker(SpeakerId),
    /// Replace the speaker with the same id.
    ReplaceSpeaker(Speaker),
    /// Replace every speaker and annotation at once (import, restore, re-anchoring); the
    /// article reference stays. Both lists are put in session order; it never fails.
    ReplaceAll {
        /// The new speaker registry.
        speakers: Vec<Speaker>,
        /// The new annotations.
        annotations: Vec<Annotation>,
    },
    /// Point the session at another article file (the user located a moved article).
    SetArticle(ArticleRef),
    /// Replace the publication details (article URL, outlet, reviewer, review URL).
    SetPublication(Publication),
    /// Several edits applied in order, undone in reverse order, all or nothing.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Applies the edit and returns the edit that undoes it.
    pub fn apply(self, s: &mut Session) -> Result<Edit, EditError> {
        match self {
            Self::InsertAnnotation(a) => {
                if s.annotation_index(a.id).is_some() {
                    return Err(EditError::DuplicateAnnotation(a.id.0));
                }
                let id = a.id;
                let at = s.insertion_index(&a);
                s.annotations.insert(at, a);
                Ok(Self::RemoveAnnotation(id))
            }
            Self::RemoveAnnotation(id) => {
                let i = s
                    .annotation_index(id)
                    .ok_or(EditError::NoAnnotation(id.0))?;
                Ok(Self::InsertAnnotation(s.annotations.remove(i)))
            }
            Self::ReplaceAnnotation(a) => {
                let i = s
                    .annotation_index(a.id)
                    .ok_or(EditError::NoAnnotation(a.id.0))?;
                let old = s.annotations.remove(i);
                let at = s.insertion_index(&a);
                s.annotations.insert(at, a);
                Ok(Self::ReplaceAnnotation(old))
            }
            Self::InsertSpeaker(sp) => {
                if s.speaker(sp.id).is_some() {
                    return Err(EditError::DuplicateSpeaker(sp.id.0));
                }
                let id = sp.id;
                let at = s.speakers.partition_point(|o| o.id < id);
                s.speakers.insert(at, sp);
                Ok(Self::RemoveSpeaker(id))
            }
            Self::RemoveSpeaker(id) => {
                let i = s
                    .speakers
                    .iter()
                    .position(|o| o.id == id)
                    .ok_or(EditError::NoSpeaker(id.0))?;
                Ok(Self::InsertSpeaker(s.speakers.remove(i)))
            }
            Self::ReplaceSpeaker(sp) => {
                let slot = s
                    .speakers
                    .iter_mut()
                    .find(|o| o.id == sp.id)
                    .ok_or(EditError::NoSpeaker(sp.id.0))?;
                Ok(Self::ReplaceSpeaker(std::mem::replace(slot, sp)))
            }
            Self::ReplaceAll {
                mut speakers,
                mut annotations,
            } => {
                // No id check: a session loaded with duplicate ids must still be replaceable
                // (re-anchoring it is one of these steps), and the inverse must give it back.
                speakers.sort_by_key(|sp| sp.id);
                annotations.sort_by_key(|a| (a.start, a.end, a.id));
                Ok(Self::ReplaceAll {
                    speakers: std::mem::replace(&mut s.speakers, speakers),
                    annotations: std::mem::replace(&mut s.annotations, annotations),
                })
            }
            Self::SetArticle(article) => {
                Ok(Self::SetArticle(std::mem::replace(&mut s.article, article)))
            }
            Self::SetPublication(p) => Ok(Self::SetPublication(std::mem::replace(
                &mut s.publication,
                p,
            ))),
            Self::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    match e.apply(s) {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            // Roll back what was applied; inverses of applied edits cannot fail.
                            for inv in inverses.into_iter().rev() {
                                let _ = inv.apply(s);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Ok(Self::Batch(inverses))
            }
        }
    }

    /// The edit that turns `from` into `to` (article, speakers and annotations), or `None` if
    /// they are equal: one undo step for a change to the whole session.
    pub fn between(from: &Session, to: &Session) -> Option<Edit> {
        let mut edits = Vec::new();
        if from.article != to.article {
            edits.push(Self::SetArticle(to.article.clone()));
        }
        if from.publication != to.publication {
            edits.push(Self::SetPublication(to.publication.clone()));
        }
        if from.speakers != to.speakers || from.annotations != to.annotations {
            edits.push(Self::ReplaceAll {
                speakers: to.speakers.clone(),
                annotations: to.annotations.clone(),
            });
        }
        match edits.len() {
            0 => None,
            1 => edits.pop(),
            _ => Some(Self::Batch(edits)),
        }
    }

    /// Deletes a speaker, unlinking every annotation that pointed to it.
    pub fn delete_speaker(s: &Session, id: SpeakerId) -> Edit {
        let mut edits = relink(s, id, None);
        edits.push(Self::RemoveSpeaker(id));
        Self::Batch(edits)
    }

    /// Merges speaker `from` into `into`: links move, `from`'s name and aliases become aliases
    /// of `into`, and `from` is removed.
    pub fn merge_speakers(s: &Session, from: SpeakerId, into: SpeakerId) -> Option<Edit> {
        if from == into {
            return None;
        }
        let src = s.speaker(from)?;
        let mut dst = s.speaker(into)?.clone();
        for alias in std::iter::once(&src.name).chain(&src.aliases) {
            dst.add_alias(alias);
        }
        let mut edits = relink(s, from, Some(into));
        edits.push(Self::ReplaceSpeaker(dst));
        edits.push(Self::RemoveSpeaker(from));
        Some(Self::Batch(edits))
    }
}

/// Edits that point every link to `from` at `to` instead.
fn relink(s: &Session, from: SpeakerId, to: Option<SpeakerId>) -> Vec<Edit> {
    s.annotations
        .iter()
        .filter(|a| a.kind.speaker() == Some(from))
        .map(|a| {
            let mut a = a.clone();
            a.kind.set_speaker(to);
            Edit::ReplaceAnnotation(a)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{KindTag, Span};
    use crate::model::session::{ArticleRef, make_annotation};
    use crate::model::text::ArticleText;
    use proptest::prelude::*;

    fn sample() -> (ArticleText, Session) {
        let text =
            ArticleText::new("Stoltenberg said “we regret”. The Norwegian politician left.".into());
        let mut s = Session::new(ArticleRef::default());
        s.speakers
            .push(Speaker::new(SpeakerId(1), "Jens Stoltenberg"));
        s.speakers
            .push(Speaker::new(SpeakerId(2), "the Norwegian politician"));
        (text, s)
    }

    #[test]
    fn merge_moves_links_and_names_and_undoes() {
        let (text, mut s) = sample();
        let m = make_annotation(
            &text,
            AnnotationId(1),
            Span::new(30, 54),
            KindTag::Mention.with_speaker(Some(SpeakerId(2))),
        );
        Edit::InsertAnnotation(m).apply(&mut s).unwrap();
        let before = s.clone();
        let inv = Edit::merge_speakers(&s, SpeakerId(2), SpeakerId(1))
            .unwrap()
            .apply(&mut s)
            .unwrap();
        assert_eq!(s.speakers.len(), 1);
        assert_eq!(s.speakers[0].aliases, ["the Norwegian politician"]);
        assert_eq!(s.annotations[0].kind.speaker(), Some(SpeakerId(1)));
        inv.apply(&mut s).unwrap();
        assert_eq!(s, before);
    }

    #[test]
    fn replace_all_sorts_and_between_undoes_to_the_start() {
        let (text, mut s) = sample();
        let a = make_annotation(
            &text,
            AnnotationId(1),
            Span::new(0, 11),
            KindTag::Mention.with_speaker(None),
        );
        let mut sorted = s.clone();
        Edit::ReplaceAll {
            speakers: s.speakers.iter().rev().cloned().collect(),
            annotations: vec![a.clone()],
        }
        .apply(&mut sorted)
        .unwrap();
        assert_eq!(sorted.speakers, s.speakers, "speakers ordered by id");
        let mut to = s.clone();
        to.annotations.push(a);
        to.article.path = "elsewhere.txt".into();
        let before = s.clone();
        let inv = Edit::between(&s, &to).unwrap().apply(&mut s).unwrap();
        assert_eq!(s, to);
        assert_eq!(Edit::between(&s, &to), None);
        inv.apply(&mut s).unwrap();
        assert_eq!(s, before);
    }

    #[test]
    fn failed_batch_leaves_session_unchanged() {
        let (_, mut s) = sample();
        let before = s.clone();
        let e = Edit::Batch(vec![
            Edit::RemoveSpeaker(SpeakerId(1)),
            Edit::RemoveSpeaker(SpeakerId(9)),
        ]);
        assert_eq!(e.apply(&mut s), Err(EditError::NoSpeaker(9)));
        assert_eq!(s, before);
    }

    #[derive(Clone, Debug)]
    enum Op {
        Add(usize, usize, u8),
        Remove(usize),
        Retag(usize, u8),
        AddSpeaker,
        Merge(usize, usize),
        DeleteSpeaker(usize),
        ReplaceAll(usize, usize, usize),
        SetArticle(u8),
        SetPublication(u8),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0usize..60, 0usize..60, 0u8..3).prop_map(|(a, b, k)| Op::Add(a, b, k)),
            (0usize..20).prop_map(Op::Remove),
            (0usize..20, 0u8..3).prop_map(|(i, k)| Op::Retag(i, k)),
            Just(Op::AddSpeaker),
            (0usize..5, 0usize..5).prop_map(|(a, b)| Op::Merge(a, b)),
            (0usize..5).prop_map(Op::DeleteSpeaker),
            (0usize..20, 0usize..60, 0usize..60).prop_map(|(k, a, b)| Op::ReplaceAll(k, a, b)),
            (0u8..4).prop_map(Op::SetArticle),
            (0u8..3).prop_map(Op::SetPublication),
        ]
    }

    fn to_edit(op: &Op, text: &ArticleText, s: &Session) -> Option<Edit> {
        let pick_speaker = |i: usize| s.speakers.get(i % s.speakers.len().max(1)).map(|sp| sp.id);
        match *op {
            Op::Add(a, b, k) => Some(Edit::InsertAnnotation(make_annotation(
                text,
                s.next_annotation_id(),
                Span::new(a, b),
                KindTag::ALL[k as usize].with_speaker(pick_speaker(a)),
            ))),
            Op::Remove(i) => s.annotations.get(i).map(|a| Edit::RemoveAnnotation(a.id)),
            Op::Retag(i, k) => s.annotations.get(i).map(|a| {
                let mut a = a.clone();
                a.kind = a.kind.retagged(KindTag::ALL[k as usize]);
                Edit::ReplaceAnnotation(a)
            }),
            Op::AddSpeaker => Some(Edit::InsertSpeaker(Speaker::new(s.next_speaker_id(), "x"))),
            Op::Merge(a, b) => Edit::merge_speakers(s, pick_speaker(a)?, pick_speaker(b)?),
            Op::DeleteSpeaker(i) => pick_speaker(i).map(|id| Edit::delete_speaker(s, id)),
            Op::ReplaceAll(keep, a, b) => {
                // Like an import: some annotations kept, one new, the speakers in reverse.
                let mut annotations: Vec<Annotation> =
                    s.annotations.iter().take(keep).cloned().collect();
                annotations.push(make_annotation(
                    text,
                    s.next_annotation_id(),
                    Span::new(a, b),
                    KindTag::Claim.with_speaker(None),
                ));
                Some(Edit::ReplaceAll {
                    speakers: s.speakers.iter().rev().cloned().collect(),
                    annotations,
                })
            }
            Op::SetArticle(n) => Some(Edit::SetArticle(ArticleRef {
                path: format!("moved/{n}.txt"),
                ..ArticleRef::default()
            })),
            Op::SetPublication(n) => Some(Edit::SetPublication(Publication {
                article_url: format!("https://news.example/{n}"),
                ..Publication::default()
            })),
        }
    }

    proptest! {
        #[test]
        fn undo_all_restores_initial_and_redo_all_restores_final(ops in prop::collection::vec(op(), 0..40)) {
            let (text, mut s) = sample();
            let initial = s.clone();
            let mut inverses = Vec::new();
            for op in &ops {
                if let Some(e) = to_edit(op, &text, &s) {
                    inverses.push(e.apply(&mut s).unwrap());
                }
            }
            let fin = s.clone();
            let mut redos = Vec::new();
            for inv in inverses.into_iter().rev() {
                redos.push(inv.apply(&mut s).unwrap());
            }
            prop_assert_eq!(&s, &initial);
            for r in redos.into_iter().rev() {
                r.apply(&mut s).unwrap();
            }
            prop_assert_eq!(&s, &fin);
        }
    }
}
