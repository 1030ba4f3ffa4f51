//! What re-anchoring did: one [`Outcome`] per annotation and an [`AnchorReport`] with counts.

use super::super::annotation::AnnotationId;

/// What re-anchoring did with one annotation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// `exact` was still at the old position.
    Exact,
    /// `exact` was found elsewhere; `candidates` occurrences were in the searched window and the
    /// one nearest the old position was taken.
    Moved {
        /// Occurrences of `exact` seen near the old position (1 = unambiguous).
        candidates: usize,
    },
    /// Only an approximate match was found; `exact` keeps the old text for review.
    Fuzzy {
        /// Similarity of the match, in `FUZZY_THRESHOLD..1`.
        score: f32,
    },
    /// Not found; the annotation keeps its (clamped) old offsets.
    Orphan,
}

impl Outcome {
    /// True when the user should look at the annotation (fuzzy, orphan or an ambiguous move).
    pub fn needs_review(self) -> bool {
        match self {
            Self::Exact => false,
            Self::Moved { candidates } => candidates > 1,
            Self::Fuzzy { .. } | Self::Orphan => true,
        }
    }
}

/// In words, for people: `moved: found elsewhere (1 candidate)`, `matched approximately
/// (98.7 % similar)`, `not found in the article`.
impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Self::Exact => f.write_str("found where it was"),
            Self::Moved { candidates: 1 } => f.write_str("moved: found elsewhere (1 candidate)"),
            Self::Moved { candidates } => write!(
                f,
                "moved: found elsewhere ({candidates} candidates, the nearest taken)"
            ),
            Self::Fuzzy { score } => {
                // A match short of 1 never reads as 100 %.
                let percent = (f64::from(score) * 100.0).min(99.9);
                write!(f, "matched approximately ({percent:.1} % similar)")
            }
            Self::Orphan => f.write_str("not found in the article"),
        }
    }
}

/// Result of [`reanchor`](super::reanchor): counts and the outcome of every annotation, in slice order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnchorReport {
    /// Annotations found at their old position.
    pub exact: usize,
    /// Annotations found verbatim elsewhere.
    pub moved: usize,
    /// Annotations found approximately.
    pub fuzzy: usize,
    /// Annotations not found.
    pub orphan: usize,
    /// Quote cue / continuation spans dropped because they fell outside the text.
    pub dropped_spans: usize,
    /// Every annotation's id and outcome, in the order of the slice given to [`reanchor`](super::reanchor).
    pub outcomes: Vec<(AnnotationId, Outcome)>,
    /// Fuzzy matches whose numbers or names changed; claims among them lost their verdict
    /// (filled by [`facts::flag_changed_facts`](super::facts::flag_changed_facts)).
    pub fact_changes: Vec<super::facts::FactChange>,
}

impl AnchorReport {
    /// One line for the status bar: `"12 exact, 1 moved, 1 fuzzy (0.86), 1 orphan"`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if self.exact > 0 {
            parts.push(format!("{} exact", self.exact));
        }
        if self.moved > 0 {
            let ambiguous = self
                .outcomes
                .iter()
                .filter(|(_, o)| matches!(o, Outcome::Moved { candidates } if *candidates > 1))
                .count();
            if ambiguous > 0 {
                parts.push(format!("{} moved ({ambiguous} ambiguous)", self.moved));
            } else {
                parts.push(format!("{} moved", self.moved));
            }
        }
        if self.fuzzy > 0 {
            let scores = self.outcomes.iter().filter_map(|(_, o)| match o {
                Outcome::Fuzzy { score } => Some(*score),
                _ => None,
            });
            let (lo, hi) = scores.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), s| {
                (lo.min(s), hi.max(s))
            });
            if (hi - lo).abs() < 0.005 {
                parts.push(format!("{} fuzzy ({lo:.2})", self.fuzzy));
            } else {
                parts.push(format!("{} fuzzy ({lo:.2}–{hi:.2})", self.fuzzy));
            }
        }
        if self.orphan > 0 {
            parts.push(format!("{} orphan", self.orphan));
        }
        if self.dropped_spans > 0 {
            parts.push(format!("{} cue/part span(s) dropped", self.dropped_spans));
        }
        if parts.is_empty() {
            "no annotations".to_owned()
        } else {
            parts.join(", ")
        }
    }

    /// The outcome for one annotation.
    pub fn outcome(&self, id: AnnotationId) -> Option<Outcome> {
        self.outcomes
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, o)| *o)
    }

    /// True when every annotation was found at its old position.
    pub fn all_exact(&self) -> bool {
        self.moved == 0 && self.fuzzy == 0 && self.orphan == 0 && self.dropped_spans == 0
    }

    /// Ids of the annotations the user should review, in slice order.
    pub fn to_review(&self) -> Vec<AnnotationId> {
        self.outcomes
            .iter()
            .filter(|(_, o)| o.needs_review())
            .map(|(id, _)| *id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lists_every_outcome() {
        let r = AnchorReport {
            exact: 12,
            moved: 1,
            fuzzy: 1,
            orphan: 1,
            dropped_spans: 0,
            outcomes: vec![
                (AnnotationId(1), Outcome::Moved { candidates: 1 }),
                (AnnotationId(2), Outcome::Fuzzy { score: 0.86 }),
            ],
            fact_changes: Vec::new(),
        };
        assert_eq!(r.summary(), "12 exact, 1 moved, 1 fuzzy (0.86), 1 orphan");
        assert_eq!(r.to_review(), [AnnotationId(2)]);
    }

    #[test]
    fn outcomes_read_as_words() {
        let words = |o: Outcome| o.to_string();
        assert_eq!(words(Outcome::Exact), "found where it was");
        assert_eq!(
            words(Outcome::Moved { candidates: 1 }),
            "moved: found elsewhere (1 candidate)"
        );
        assert_eq!(
            words(Outcome::Moved { candidates: 3 }),
            "moved: found elsewhere (3 candidates, the nearest taken)"
        );
        assert_eq!(
            words(Outcome::Fuzzy { score: 0.987_013 }),
            "matched approximately (98.7 % similar)"
        );
        assert_eq!(
            words(Outcome::Fuzzy { score: 0.999_99 }),
            "matched approximately (99.9 % similar)"
        );
        assert_eq!(words(Outcome::Orphan), "not found in the article");
    }
}
