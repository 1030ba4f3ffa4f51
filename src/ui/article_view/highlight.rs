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
    /// A search match.
    Match,
}

/// Index value: position of the annotation in `session.annotations`, and which part.
pub(super) type Layer = (u32, Part);

/// Builds the index of every painted span: the annotations `shown` lets through (with their
/// cues and further parts), the offered mention candidates and the search matches.
pub(super) fn build_index(
    session: &Session,
    shown: impl Fn(&Annotation) -> bool,
    candidates: &[(Span, [u8; 3])],
    matches: &[Span],
) -> IntervalIndex<Layer> {
    let mut spans =
        Vec::with_capacity(session.annotations.len() + candidates.len() + matches.len());
    spans.extend(matches.iter().map(|s| Entry {
        start: s.start,
        end: s.end,
        value: (u32::MAX, Part::Match),
    }));
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

    /// A hash of everything here plus the annotations' revision and the wrap width.
    pub fn key(&self, revision: u64, wrap: f32) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            revision,
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

/// The block `chars` split into stretches painted alike, with the annotations covering them
/// (innermost decides the background, an outer one underlines, a cue is italic + underlined).
pub(super) fn sections(
    session: &Session,
    index: &IntervalIndex<Layer>,
    look: &Look,
    chars: Range<usize>,
) -> Vec<(Range<usize>, Paint)> {
    let (from, to) = (chars.start, chars.end);
    // (span, colour, alpha, is_cue) for every layer touching the block.
    let mut layers: Vec<(Span, [u8; 3], f32, bool)> = Vec::new();
    for e in index.overlapping(from, to) {
        let span = Span::new(e.start, e.end);
        match e.value.1 {
            Part::Candidate(colour) => {
                layers.push((span, colour, 0.0, true));
                continue;
            }
            Part::Match => {
                layers.push((span, style::SELECTION, 0.3, false));
                continue;
            }
            _ => {}
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
            Part::Cue | Part::Candidate(_) | Part::Match => {
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
