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

/// The smallest id above every id in `used` that is not in it, else the smallest free one.
fn free_id(used: &BTreeSet<u32>) -> Option<u32> {
    let above = used.last().map_or(Some(1), |m| m.checked_add(1));
    above.or_else(|| (0..=u32::MAX).find(|i| !used.contains(i)))
}

impl Session {
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
        let mut used: BTreeSet<u32> = self.annotations.iter().map(|a| a.id.0).collect();
        let mut seen = BTreeSet::new();
        for a in &mut self.annotations {
            if seen.insert(a.id.0) {
                continue;
            }
            let Some(to) = free_id(&used) else { break };
            used.insert(to);
            let mut excerpt: String = a.exact.chars().take(40).collect();
            if a.exact.chars().count() > 40 {
                excerpt.push('…');
            }
            changed.push(Renumbered::Annotation {
                from: a.id,
                to: AnnotationId(to),
                what: format!("{} “{excerpt}”", a.kind.tag().label()),
            });
            a.id = AnnotationId(to);
        }
        let mut used: BTreeSet<u32> = self.speakers.iter().map(|s| s.id.0).collect();
        let mut seen = BTreeSet::new();
        for sp in &mut self.speakers {
            if seen.insert(sp.id.0) {
                continue;
            }
            let Some(to) = free_id(&used) else { break };
            used.insert(to);
            changed.push(Renumbered::Speaker {
                from: sp.id,
                to: SpeakerId(to),
                name: sp.name.clone(),
            });
            sp.id = SpeakerId(to);
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
