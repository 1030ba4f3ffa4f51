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
pub(in crate::ui::article_view) enum Part {
    /// The annotation's own span.
    Main,
    /// A further content fragment of a quote.
    More,
    /// A quote's cue ("said").
    Cue,
}

/// What a span of the index paints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(in crate::ui::article_view) enum Layer {
    /// A part of the annotation at this position in `session.annotations`.
    Annotation(u32, Part),
    /// A possible mention offered by "find other mentions" (in its speaker's colour) or a
    /// suggestion (grey): a dotted underline, never drawn like an annotation.
    Candidate([u8; 3]),
    /// Another annotator's annotation under comparison that the open session lacks or marks
    /// differently: a dashed box, never drawn like an annotation.
    Theirs([u8; 3]),
}

/// Builds the index of the painted spans besides search matches: the annotations `shown` lets
/// through (with their cues and further parts), the offered mention candidates and the spans of
/// a compared session (`theirs`). Search matches stay out of it, so typing in Find does not
/// rebuild it.
pub(super) fn build_index(
    session: &Session,
    shown: impl Fn(&Annotation) -> bool,
    candidates: &[(Span, [u8; 3])],
    theirs: &[(Span, [u8; 3])],
) -> IntervalIndex<Layer> {
    let entry = |s: Span, value| Entry {
        start: s.start,
        end: s.end,
        value,
    };
    let mut spans = Vec::with_capacity(session.annotations.len() + candidates.len());
    spans.extend(
        candidates
            .iter()
            .map(|&(s, colour)| entry(s, Layer::Candidate(colour))),
    );
    spans.extend(
        theirs
            .iter()
            .map(|&(s, colour)| entry(s, Layer::Theirs(colour))),
    );
    for (i, a) in session.annotations.iter().enumerate() {
        // An index past u32 would need four billion annotations; such a one is not painted.
        let Ok(i) = u32::try_from(i) else { break };
        if !shown(a) {
            continue;
        }
        let part = |p| Layer::Annotation(i, p);
        spans.push(entry(a.span(), part(Part::Main)));
        if let Kind::Quote(q) = &a.kind {
            spans.extend(q.more.iter().map(|&s| entry(s, part(Part::More))));
            spans.extend(q.cue.map(|c| entry(c, part(Part::Cue))));
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
        .filter_map(|e| match e.value {
            Layer::Annotation(i, Part::Main) => Some((e.end - e.start, i)),
            _ => None,
        })
        .collect();
    hits.sort_by_key(|&(len, _)| len);
    hits.iter()
        .filter_map(|&(_, i)| session.annotations.get(i as usize))
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

/// How a line under the text is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Line {
    /// An outer annotation, or a cue (with slanted text).
    Solid,
    /// A candidate or a suggestion: only offered, not an annotation.
    Dotted,
    /// A compared session's annotation: dashed lines above and below, a box around the text.
    Dashed,
}

/// What paints one stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct Paint {
    /// Highlight behind the text.
    pub background: Option<Color32>,
    /// Line under the text (an outer annotation, a cue, a candidate), legible on what is
    /// under it.
    pub underline: Option<(Color32, Line)>,
    /// Slanted (a cue).
    pub italics: bool,
}

/// One thing touching a block: its span, colour, opacity and how it is drawn.
#[derive(Clone, Copy, Debug)]
struct Painted {
    span: Span,
    colour: [u8; 3],
    /// Opacity of the background; `None` for what is drawn as a line.
    alpha: Option<f32>,
    line: Line,
    italics: bool,
}

/// The block `chars` split into stretches painted alike, with the annotations and search
/// `matches` (in text order, not overlapping) covering them (innermost decides the background,
/// an outer one underlines, a cue is slanted and underlined, a candidate dotted-underlined).
pub(super) fn sections(
    session: &Session,
    index: &IntervalIndex<Layer>,
    matches: &[Span],
    look: &Look,
    chars: Range<usize>,
) -> Vec<(Range<usize>, Paint)> {
    let (from, to) = (chars.start, chars.end);
    let first = matches.partition_point(|m| m.end <= from);
    let mut layers: Vec<Painted> = matches
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|m| m.start < to)
        .map(|&m| fill(m, style::SELECTION, style::ALPHA_MATCH))
        .collect();
    layers.extend(
        index
            .overlapping(from, to)
            .into_iter()
            .filter_map(|e| painted(session, look, Span::new(e.start, e.end), e.value)),
    );
    if let Some(sel) = look.kept_selection
        && sel.start < to
        && sel.end > from
    {
        layers.push(fill(sel, style::SELECTION, style::ALPHA_KEPT_SELECTION));
    }
    let mut cuts: Vec<usize> = vec![from, to];
    for l in &layers {
        cuts.push(l.span.start.clamp(from, to));
        cuts.push(l.span.end.clamp(from, to));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<(Range<usize>, Paint)> = Vec::new();
    for w in cuts.windows(2) {
        let [a, b] = [w[0], w[1]];
        let mut covering: Vec<&Painted> = layers
            .iter()
            .filter(|l| l.span.start <= a && l.span.end >= b)
            .collect();
        covering.sort_by_key(|l| std::cmp::Reverse(l.span.len()));
        let paint = paint_of(&covering, look.panel);
        match out.last_mut() {
            Some((range, p)) if *p == paint => range.end = b,
            _ => out.push((a..b, paint)),
        }
    }
    if out.is_empty() {
        out.push((from..to, paint_of(&[], look.panel)));
    }
    out
}

fn fill(span: Span, colour: [u8; 3], alpha: f32) -> Painted {
    Painted {
        span,
        colour,
        alpha: Some(alpha),
        line: Line::Solid,
        italics: false,
    }
}

/// How one index entry is painted (`None`: an annotation that no longer exists).
fn painted(session: &Session, look: &Look, span: Span, layer: Layer) -> Option<Painted> {
    let line = |colour, line, italics| Painted {
        span,
        colour,
        alpha: None,
        line,
        italics,
    };
    let (i, part) = match layer {
        Layer::Candidate(colour) => return Some(line(colour, Line::Dotted, false)),
        Layer::Theirs(colour) => return Some(line(colour, Line::Dashed, false)),
        Layer::Annotation(i, part) => (i, part),
    };
    let a = session.annotations.get(i as usize)?;
    let colour = style::kind_colour(session, a.kind.tag(), a.kind.speaker());
    let alpha = match (a.kind.tag(), look.selected == Some(a.id)) {
        (_, true) => style::ALPHA_SELECTED,
        (KindTag::Mention, false) => style::ALPHA_MENTION,
        _ => style::ALPHA_ANNOTATION,
    };
    Some(match part {
        Part::Main | Part::More => fill(span, colour, alpha),
        Part::Cue => line(colour, Line::Solid, true),
    })
}

/// The paint of a stretch covered by `covering` (outermost first).
fn paint_of(covering: &[&Painted], panel: Color32) -> Paint {
    let fills: Vec<_> = covering.iter().filter(|l| l.alpha.is_some()).collect();
    let background = fills
        .last()
        .and_then(|l| l.alpha.map(|alpha| style::blend(panel, l.colour, alpha)));
    // A compared session's span shows through whatever else covers the text.
    let theirs = covering.iter().find(|l| l.line == Line::Dashed);
    let under = if let Some(l) = theirs {
        Some((l.colour, Line::Dashed))
    } else if fills.len() > 1 {
        fills.first().map(|l| (l.colour, Line::Solid))
    } else {
        covering
            .iter()
            .find(|l| l.alpha.is_none())
            .map(|l| (l.colour, l.line))
    };
    Paint {
        background,
        underline: under.map(|(c, line)| (style::legible(c, background.unwrap_or(panel)), line)),
        italics: covering.iter().any(|l| l.italics),
    }
}

#[cfg(test)]
mod tests;
