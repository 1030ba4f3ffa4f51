//! Unique ids: finding annotations and speakers that share an id (a hand-edited or merged
//! session) and renumbering them, with a report of every change.

use std::collections::BTreeSet;

use super::annotation::AnnotationId;
use super::session::Session;
use super::speaker::SpeakerId;

/// Ids that more than one annotation or speaker of a session carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DuplicateIds {
    /// Annotation ids used twice or more, ascending.
    pub annotations: Vec<AnnotationId>,
    /// Speaker ids used twice or more, ascending.
    pub speakers: Vec<SpeakerId>,
}

impl DuplicateIds {
    /// True when every id is unique.
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty() && self.speakers.is_empty()
    }
}

impl std::fmt::Display for DuplicateIds {
    /// `"annotation ids 2, 7 and speaker id 3"`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |what: &str, ids: Vec<u32>| {
            let s = if ids.len() == 1 { "" } else { "s" };
            let ids: Vec<String> = ids.iter().map(u32::to_string).collect();
            format!("{what} id{s} {}", ids.join(", "))
        };
        let mut parts = Vec::new();
        if !self.annotations.is_empty() {
            parts.push(list(
                "annotation",
                self.annotations.iter().map(|i| i.0).collect(),
            ));
        }
        if !self.speakers.is_empty() {
            parts.push(list("speaker", self.speakers.iter().map(|i| i.0).collect()));
        }
        f.write_str(&parts.join(" and "))
    }
}

/// One id changed by [`Session::renumber_duplicates`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Renumbered {
    /// A later annotation that shared an id got a new one.
    Annotation {
        /// The shared id.
        from: AnnotationId,
        /// Its new id.
        to: AnnotationId,
        /// Its kind label and text, for the report.
        what: String,
    },
    /// A later speaker that shared an id got a new one; annotations naming the shared id stay
    /// with the first speaker.
    Speaker {
        /// The shared id.
        from: SpeakerId,
        /// Its new id.
        to: SpeakerId,
        /// Its name.
        name: String,
    },
}

impl std::fmt::Display for Renumbered {
    /// `"annotation #2 (Quote “We regret”) is now #31"`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Annotation { from, to, what } => {
                write!(f, "annotation #{} ({what}) is now #{}", from.0, to.0)
            }
            Self::Speaker { from, to, name } => write!(
                f,
                "speaker {} “{name}” is now speaker {}; annotations that named speaker {} stay with the first speaker {}",
                from.0, to.0, from.0, from.0
            ),
        }
    }
}

/// Hands out new ids (for imported annotations and speakers, and for renumbering repeated ones)
/// without wrapping: first the ids after the largest one in use (`max + 1`, `max + 2`, …), and once those run out at
/// `u32::MAX`, the smallest unused ids from 1 up (0 last). Ids the caller says are used are
/// skipped; every id returned must be marked used by the caller.
#[derive(Clone, Debug)]
pub struct FreshIds {
    above: Option<u32>,
    low: u64,
}

impl FreshIds {
    /// Ids after `max`, the largest id in use (from 1 when nothing is).
    pub fn after(max: Option<u32>) -> Self {
        Self {
            above: max.map_or(Some(1), |m| m.checked_add(1)),
            low: 1,
        }
    }

    /// The next free id, or `None` when all 2³² ids are used.
    pub fn next(&mut self, is_used: impl Fn(u32) -> bool) -> Option<u32> {
        while let Some(id) = self.above {
            self.above = id.checked_add(1);
            if !is_used(id) {
                return Some(id);
            }
        }
        // 1 ..= u32::MAX, then 0 (as 2³²).
        while self.low <= 1 << 32 {
            let id = u32::try_from(self.low).unwrap_or(0);
            self.low += 1;
            if !is_used(id) {
                return Some(id);
            }
        }
        None
    }
}

/// Gives every item whose id repeats an earlier item's a fresh id ([`FreshIds`] over the ids in
/// use); returns (index, old id, new id) for each, in order.
fn reassign_repeats<T>(items: &mut [T], id: impl Fn(&mut T) -> &mut u32) -> Vec<(usize, u32, u32)> {
    let mut used: BTreeSet<u32> = items.iter_mut().map(|t| *id(t)).collect();
    let mut fresh = FreshIds::after(used.last().copied());
    let mut seen = BTreeSet::new();
    let mut changed = Vec::new();
    for (i, t) in items.iter_mut().enumerate() {
        let current = id(t);
        if seen.insert(*current) {
            continue;
        }
        let Some(to) = fresh.next(|n| used.contains(&n)) else {
            break;
        };
        used.insert(to);
        changed.push((i, *current, to));
        *current = to;
    }
    changed
}

impl Session {
    /// Each annotation linked to a speaker id no speaker of the session has, with that id, in
    /// the order of the annotations.
    pub fn dangling_speakers(&self) -> Vec<(AnnotationId, SpeakerId)> {
        let known: BTreeSet<SpeakerId> = self.speakers.iter().map(|s| s.id).collect();
        self.annotations
            .iter()
            .filter_map(|a| a.kind.speaker().map(|s| (a.id, s)))
            .filter(|(_, s)| !known.contains(s))
            .collect()
    }

    /// The ids carried by more than one annotation or speaker.
    pub fn duplicate_ids(&self) -> DuplicateIds {
        fn dups<T: Ord + Copy>(ids: impl Iterator<Item = T>) -> Vec<T> {
            let mut seen = BTreeSet::new();
            let mut twice = BTreeSet::new();
            for id in ids {
                if !seen.insert(id) {
                    twice.insert(id);
                }
            }
            twice.into_iter().collect()
        }
        DuplicateIds {
            annotations: dups(self.annotations.iter().map(|a| a.id)),
            speakers: dups(self.speakers.iter().map(|s| s.id)),
        }
    }

    /// Gives every annotation and speaker that repeats an earlier one's id a new, unused id
    /// (the first keeps it), and returns what changed. References (a claim's quote, an
    /// annotation's speaker) keep pointing at the first holder of the id.
    pub fn renumber_duplicates(&mut self) -> Vec<Renumbered> {
        let mut changed = Vec::new();
        for (i, from, to) in reassign_repeats(&mut self.annotations, |a| &mut a.id.0) {
            let Some(a) = self.annotations.get(i) else {
                continue;
            };
            let mut excerpt: String = a.exact.chars().take(40).collect();
            if a.exact.chars().count() > 40 {
                excerpt.push('…');
            }
            changed.push(Renumbered::Annotation {
                from: AnnotationId(from),
                to: AnnotationId(to),
                what: format!("{} “{excerpt}”", a.kind.tag().label()),
            });
        }
        for (i, from, to) in reassign_repeats(&mut self.speakers, |s| &mut s.id.0) {
            let Some(sp) = self.speakers.get(i) else {
                continue;
            };
            changed.push(Renumbered::Speaker {
                from: SpeakerId(from),
                to: SpeakerId(to),
                name: sp.name.clone(),
            });
        }
        self.speakers.sort_by_key(|s| s.id);
        self.annotations.sort_by_key(|a| (a.start, a.end, a.id));
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{KindTag, Span};
    use crate::model::session::{ArticleRef, make_annotation};
    use crate::model::speaker::Speaker;
    use crate::model::text::ArticleText;

    #[test]
    fn duplicate_ids_are_found_and_renumbered_past_the_largest() {
        let text = ArticleText::new("Stoltenberg said so.".into());
        let mut s = Session::new(ArticleRef::default());
        s.speakers.push(Speaker::new(SpeakerId(3), "A"));
        s.speakers.push(Speaker::new(SpeakerId(3), "B"));
        for (id, span) in [
            (2, (0, 11)),
            (2, (12, 16)),
            (u32::MAX, (17, 19)),
            (0, (0, 4)),
        ] {
            s.annotations.push(make_annotation(
                &text,
                AnnotationId(id),
                Span::new(span.0, span.1),
                KindTag::Claim.with_speaker(None),
            ));
        }
        let d = s.duplicate_ids();
        assert_eq!(d.to_string(), "annotation id 2 and speaker id 3");
        let changed = s.renumber_duplicates();
        // u32::MAX is taken, so the new id is the smallest free one.
        assert_eq!(
            changed[0].to_string(),
            "annotation #2 (Claim “said”) is now #1"
        );
        assert!(
            changed[1]
                .to_string()
                .starts_with("speaker 3 “B” is now speaker 4")
        );
        assert!(s.duplicate_ids().is_empty());
        assert!(s.renumber_duplicates().is_empty());
    }
}
