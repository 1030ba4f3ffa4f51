//! The open quote drawn with its relations, as brat and INCEpTION draw arcs: the quote's parts
//! outlined in its speaker's colour, its cue and source mentions outlined thinner, and a
//! connector from each of them to the quote. Connectors run only in the gap under a line of
//! text and in the left margin, never over the words.

use egui::{Color32, Pos2, Rect, Stroke, pos2};

use crate::io::document::Document;
use crate::model::annotation::{AnnotationId, Kind, KindTag, Span};
use crate::ui::style;

use super::blocks::Blocks;
use super::layout;

/// What is drawn for the open quote.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Relations {
    /// The quote's content parts, in text order.
    pub quote: Vec<Span>,
    /// Its cue.
    pub cue: Option<Span>,
    /// Its source mentions.
    pub sources: Vec<Span>,
    /// The quote's colour (its speaker's).
    pub colour: [u8; 3],
}

/// The relations of the open quote `open`, if it is a quote of the document.
pub(super) fn of(doc: &Document, open: Option<AnnotationId>) -> Option<Relations> {
    let a = doc.session.annotation(open?)?;
    let Kind::Quote(q) = &a.kind else {
        return None;
    };
    let mut quote = vec![a.span()];
    quote.extend(q.more.iter().copied());
    Some(Relations {
        quote,
        cue: q.cue,
        sources: q
            .source_mentions
            .iter()
            .filter_map(|id| doc.session.annotation(*id))
            .map(|m| m.span())
            .collect(),
        colour: style::kind_colour(&doc.session, KindTag::Quote, q.speaker),
    })
}

/// Screen rectangles of `span` in the visible blocks.
fn rects(blocks: &Blocks, visible: &std::ops::Range<usize>, span: Span, origin: Pos2) -> Vec<Rect> {
    if span.is_empty() || blocks.len() == 0 {
        return Vec::new();
    }
    let (first, last) = (blocks.block_of(span.start), blocks.block_of(span.end - 1));
    (first.max(visible.start)..=last.min(visible.end.saturating_sub(1)))
        .flat_map(|b| layout::range_rects(blocks, b, span.start, span.end, false))
        .map(|r| r.translate(origin.to_vec2()))
        .collect()
}

/// Paints the outlines and connectors over the visible blocks. `panel` is the background,
/// `clip` the visible part of the article. Returns the number of connectors drawn.
pub(super) fn paint(
    ui: &egui::Ui,
    blocks: &Blocks,
    visible: std::ops::Range<usize>,
    origin: Pos2,
    rel: &Relations,
    panel: Color32,
    clip: Rect,
) -> usize {
    let painter = ui.painter();
    let colour = style::legible(rel.colour, panel);
    let quote: Vec<Rect> = rel
        .quote
        .iter()
        .flat_map(|s| rects(blocks, &visible, *s, origin))
        .collect();
    for r in &quote {
        painter.rect_stroke(
            r.expand(1.0),
            2.0,
            Stroke::new(2.0, colour),
            egui::StrokeKind::Outside,
        );
    }
    let thin = Stroke::new(1.25, colour);
    let margin_x = origin.x - 10.0;
    // Where a connector meets the quote: its first visible rect, or the edge of the view the
    // quote lies beyond.
    let first_quote = rel.quote.first().map_or(0, |s| s.start);
    let quote_end = quote.first().map_or_else(
        || {
            let above = blocks.block_of(first_quote) < visible.start;
            let y = if above { clip.top() } else { clip.bottom() };
            (pos2(margin_x, y), false)
        },
        |r| (pos2(r.center().x, r.bottom()), true),
    );
    let parts = rel.cue.iter().chain(rel.sources.iter());
    let mut drawn = 0;
    for span in parts {
        let rs = rects(blocks, &visible, *span, origin);
        for r in &rs {
            painter.rect_stroke(r.expand(1.0), 2.0, thin, egui::StrokeKind::Outside);
        }
        let Some(r) = rs.first() else { continue };
        let from = pos2(r.center().x, r.bottom());
        connector(painter, from, quote_end, margin_x, thin);
        drawn += 1;
    }
    drawn
}

/// A connector from `from` (the bottom of a cue or source) to the quote: along the gap under
/// the line, and through the left margin when the two are on different lines.
fn connector(painter: &egui::Painter, from: Pos2, to: (Pos2, bool), margin_x: f32, s: Stroke) {
    let (to, to_text) = to;
    let gap = 1.5;
    let a = pos2(from.x, from.y - gap);
    let points = if to_text && (to.y - from.y).abs() < 1.0 {
        let b = pos2(to.x, to.y - gap);
        vec![from, a, b, to]
    } else if to_text {
        let b = pos2(to.x, to.y - gap);
        vec![from, a, pos2(margin_x, a.y), pos2(margin_x, b.y), b, to]
    } else {
        vec![from, a, pos2(margin_x, a.y), to]
    };
    painter.add(egui::Shape::line(points, s));
    painter.circle_filled(to, 2.5, s.color);
}
