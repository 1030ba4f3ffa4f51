//! Highlight sections of one block of the article, from an interval index of the annotations.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use egui::Color32;

use crate::model::annotation::{Annotation, AnnotationId, Kind, KindTag, Span};
use crate::model::index::{Entry, IntervalIndex};
use crate::model::session::Session;

use crate::ui::style;

/// Which part of an annotation a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Part {
    /// The annotation's own span.
    Main,
    /// A further content fragment of a quote.
    More,
    /// A quote's cue ("said").
    Cue,
    /// A possible mention offered by "find other mentions", in its speaker's colour.
    Candidate([u8; 3]),
}

/// Index value: position of the annotation in `session.annotations`, and which part.
pub(super) type Layer = (u32, Part);

/// Builds the index of the painted spans besides search matches: the annotations `shown` lets
/// through (with their cues and further parts) and the offered mention candidates. Search
/// matches stay out of it, so typing in Find does not rebuild it.
pub(super) fn build_index(
    session: &Session,
    shown: impl Fn(&Annotation) -> bool,
    candidates: &[(Span, [u8; 3])],
) -> IntervalIndex<Layer> {
    let mut spans = Vec::with_capacity(session.annotations.len() + candidates.len());
    spans.extend(candidates.iter().map(|&(s, colour)| Entry {
        start: s.start,
        end: s.end,
        value: (u32::MAX, Part::Candidate(colour)),
    }));
    for (i, a) in session.annotations.iter().enumerate() {
        if !shown(a) {
            continue;
        }
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        let entry = |s: Span, part| Entry {
            start: s.start,
            end: s.end,
            value: (i, part),
        };
        spans.push(entry(a.span(), Part::Main));
        if let Kind::Quote(q) = &a.kind {
            spans.extend(q.more.iter().map(|&s| entry(s, Part::More)));
            spans.extend(q.cue.map(|c| entry(c, Part::Cue)));
        }
    }
    IntervalIndex::new(spans)
}

/// Annotations whose own span covers code point `at`, innermost (shortest) first.
pub(super) fn annotations_at(
    index: &IntervalIndex<Layer>,
    session: &Session,
    at: usize,
) -> Vec<AnnotationId> {
    let mut hits: Vec<_> = index
        .at(at)
        .into_iter()
        .filter(|e| e.value.1 == Part::Main)
        .collect();
    hits.sort_by_key(|e| e.end - e.start);
    hits.iter()
        .filter_map(|e| session.annotations.get(e.value.0 as usize))
        .map(|a| a.id)
        .collect()
}

/// Everything besides the annotations that changes how the article looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Look {
    /// Font size in points.
    pub font_size: f32,
    /// The selected annotation, painted stronger.
    pub selected: Option<AnnotationId>,
    /// The kept selection, painted while the article does not have focus.
    pub kept_selection: Option<Span>,
    /// Text colour of unhighlighted text.
    pub text_colour: Color32,
    /// Background the highlights are blended over.
    pub panel: Color32,
}

impl Look {
    /// Height of one row of text.
    pub fn row_height(&self) -> f32 {
        (self.font_size * 1.55).round()
    }

    /// A hash of everything here plus the revisions of the annotations and of the search
    /// matches, and the wrap width.
    pub fn key(&self, revision: u64, matches_revision: u64, wrap: f32) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            revision,
            matches_revision,
            wrap.to_bits(),
            self.font_size.to_bits(),
            self.selected,
            self.kept_selection,
            self.text_colour,
            self.panel,
        )
            .hash(&mut h);
        h.finish()
    }
}

/// What paints one stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct Paint {
    /// Highlight behind the text.
    pub background: Option<Color32>,
    /// Line under the text (an outer annotation, a cue, a candidate).
    pub underline: Option<Color32>,
    /// Slanted (a cue, a candidate).
    pub italics: bool,
}

/// The block `chars` split into stretches painted alike, with the annotations and search
/// `matches` (in text order, not overlapping) covering them (innermost decides the background,
/// an outer one underlines, a cue is italic + underlined).
pub(super) fn sections(
    session: &Session,
    index: &IntervalIndex<Layer>,
    matches: &[Span],
    look: &Look,
    chars: Range<usize>,
) -> Vec<(Range<usize>, Paint)> {
    let (from, to) = (chars.start, chars.end);
    // (span, colour, alpha, is_cue) for every layer touching the block.
    let mut layers: Vec<(Span, [u8; 3], f32, bool)> = Vec::new();
    let first = matches.partition_point(|m| m.end <= from);
    for &m in matches.get(first..).unwrap_or_default() {
        if m.start >= to {
            break;
        }
        layers.push((m, style::SELECTION, 0.3, false));
    }
    for e in index.overlapping(from, to) {
        let span = Span::new(e.start, e.end);
        if let Part::Candidate(colour) = e.value.1 {
            layers.push((span, colour, 0.0, true));
            continue;
        }
        let Some(a) = session.annotations.get(e.value.0 as usize) else {
            continue;
        };
        let colour = style::kind_colour(session, a.kind.tag(), a.kind.speaker());
        let alpha = match (a.kind.tag(), look.selected == Some(a.id)) {
            (_, true) => 0.75,
            (KindTag::Mention, false) => 0.3,
            _ => 0.45,
        };
        match e.value.1 {
            Part::Main | Part::More => layers.push((span, colour, alpha, false)),
            Part::Cue | Part::Candidate(_) => {
                layers.push((span, colour, 0.0, true));
            }
        }
    }
    if let Some(sel) = look.kept_selection
        && sel.start < to
        && sel.end > from
    {
        layers.push((sel, style::SELECTION, 0.5, false));
    }
    let mut cuts: Vec<usize> = vec![from, to];
    for (s, ..) in &layers {
        cuts.push(s.start.clamp(from, to));
        cuts.push(s.end.clamp(from, to));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<(Range<usize>, Paint)> = Vec::new();
    for w in cuts.windows(2) {
        let [a, b] = [w[0], w[1]];
        let mut covering: Vec<&(Span, [u8; 3], f32, bool)> = layers
            .iter()
            .filter(|l| l.0.start <= a && l.0.end >= b)
            .collect();
        covering.sort_by_key(|l| std::cmp::Reverse(l.0.len()));
        let fills: Vec<_> = covering.iter().filter(|l| !l.3).collect();
        let paint = Paint {
            background: fills.last().map(|l| style::blend(look.panel, l.1, l.2)),
            underline: if fills.len() > 1 {
                fills.first().map(|l| style::rgb(l.1))
            } else {
                covering.iter().find(|l| l.3).map(|l| style::rgb(l.1))
            },
            italics: covering.iter().any(|l| l.3),
        };
        match out.last_mut() {
            Some((range, p)) if *p == paint => range.end = b,
            _ => out.push((a..b, paint)),
        }
    }
    if out.is_empty() {
        out.push((
            from..to,
            Paint {
                background: None,
                underline: None,
                italics: false,
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look() -> Look {
        Look {
            font_size: 16.0,
            selected: None,
            kept_selection: None,
            text_colour: Color32::BLACK,
            panel: Color32::WHITE,
        }
    }

    /// (range, has a background) of every stretch of block `chars`.
    fn stretches(matches: &[Span], chars: Range<usize>) -> Vec<(Range<usize>, bool)> {
        let session = Session::new(crate::model::session::ArticleRef::default());
        let index = IntervalIndex::default();
        sections(&session, &index, matches, &look(), chars)
            .into_iter()
            .map(|(r, p)| (r, p.background.is_some()))
            .collect()
    }

    #[test]
    fn a_block_paints_the_search_matches_that_reach_into_it_and_no_others() {
        let matches = [
            Span::new(2, 5),
            Span::new(8, 12),
            Span::new(14, 16),
            Span::new(20, 24),
        ];
        // The match from 8 reaches into the block at 10; the one at 20 starts where it ends.
        assert_eq!(
            stretches(&matches, 10..20),
            [
                (10..12, true),
                (12..14, false),
                (14..16, true),
                (16..20, false)
            ]
        );
        assert_eq!(stretches(&matches, 5..8), [(5..8, false)]);
        assert_eq!(stretches(&[], 0..4), [(0..4, false)]);
    }
}
