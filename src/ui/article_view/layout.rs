//! Lays out blocks on demand and converts between code points and article coordinates.
//!
//! Article coordinates: x from the left of the reading column, y from the top of the first
//! block (the view adds the scroll position and the top margin).

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::{Rect, Vec2};

use crate::io::document::Document;
use crate::model::annotation::Span;
use crate::model::index::IntervalIndex;

use crate::ui::text_engine::atlas::Atlas;
use crate::ui::text_engine::{fonts, shaped};

use super::blocks::{Blocks, Laid, Metrics};
use super::highlight::{self, Layer, Look};

/// Everything needed to lay out a block this frame.
pub(super) struct Layout<'a> {
    /// The blocks and their cached layouts.
    pub blocks: &'a mut Blocks,
    /// The open document.
    pub doc: &'a Document,
    /// The annotations' interval index.
    pub index: &'a IntervalIndex<Layer>,
    /// The search matches, in text order.
    pub matches: &'a [Span],
    /// Font, colours, selected annotation.
    pub look: Look,
    /// `look.key(revision, matches_revision, wrap)`.
    pub look_key: u64,
    /// Current frame number (for the cache's recency).
    pub frame: u64,
    /// The glyph atlas painting draws from.
    pub atlas: &'a mut Atlas,
    /// .notdef glyphs painted this frame.
    pub notdef: usize,
    /// The margin labels painted this frame: text and screen rectangle.
    pub margin: Vec<(String, egui::Rect)>,
    /// The open quote and its relations, drawn over the text.
    pub relations: Option<super::relations::Relations>,
    /// Connectors drawn this frame.
    pub connectors: usize,
}

impl Layout<'_> {
    /// Makes sure block `i` is laid out for the current look; returns its change in height.
    pub fn ensure(&mut self, _ui: &egui::Ui, i: usize) -> f32 {
        let frame = self.frame;
        if let Some(l) = self.blocks.laid(i)
            && l.look_key == self.look_key
        {
            self.blocks.touch(i, frame);
            return 0.0;
        }
        let wrap = self.blocks.metrics.wrap;
        let chars = self.blocks.range(i);
        let sections = highlight::sections(
            &self.doc.session,
            self.index,
            self.matches,
            &self.look,
            chars.clone(),
        );
        let shape_key = shape_key(wrap, self.look.font_size);
        let shaped = match self.blocks.laid(i) {
            Some(l) if l.shape_key == shape_key => l.shaped.clone(),
            _ => {
                let mut fs = fonts::system().engine();
                Arc::new(shaped::shape(
                    &mut fs,
                    self.doc.text.slice(chars),
                    self.look.font_size,
                    self.look.row_height(),
                    wrap,
                ))
            }
        };
        self.blocks.store(
            i,
            Laid {
                shaped,
                shape_key,
                sections,
                look_key: self.look_key,
                used: frame,
            },
        )
    }

    /// Lays out every block overlapping heights `y0..y1`; returns the blocks.
    pub fn ensure_range(&mut self, ui: &egui::Ui, y0: f32, y1: f32) -> std::ops::Range<usize> {
        self.blocks.refresh_tops();
        let range = self.blocks.blocks_in(y0, y1);
        for i in range.clone() {
            self.ensure(ui, i);
        }
        self.blocks.refresh_tops();
        range
    }

    /// Zero-width rectangle of the cursor before code point `at`, in article coordinates.
    pub fn cursor_rect(&mut self, ui: &egui::Ui, at: usize) -> Rect {
        let b = self.blocks.block_of(at);
        self.ensure(ui, b);
        self.blocks.refresh_tops();
        cursor_rect(self.blocks, b, at).unwrap_or(Rect::NOTHING)
    }

    /// True if the paragraph holding code point `at` runs right to left.
    pub fn is_rtl(&mut self, ui: &egui::Ui, at: usize) -> bool {
        let b = self.blocks.block_of(at);
        self.ensure(ui, b);
        self.blocks.laid(b).is_some_and(|l| l.shaped.rtl())
    }

    /// The code point boundary nearest to `p` (article coordinates).
    pub fn hit(&mut self, ui: &egui::Ui, p: Vec2) -> usize {
        self.hit_both(ui, p).0
    }

    /// The code point boundary nearest to `p`, and the first code point of the grapheme
    /// cluster drawn under `p` (the boundary if no glyph is there).
    pub fn hit_both(&mut self, ui: &egui::Ui, p: Vec2) -> (usize, usize) {
        self.blocks.refresh_tops();
        let b = self.blocks.block_at_y(p.y);
        self.ensure(ui, b);
        self.blocks.refresh_tops();
        let caret = hit(self.blocks, b, p);
        let r = self.blocks.range(b);
        let under = self
            .blocks
            .laid(b)
            .and_then(|l| l.shaped.glyph_at(p.x, p.y - self.blocks.top(b)))
            .map_or(caret, |(s, _)| r.start + s);
        (caret, under)
    }
}

/// Lays out what the next frame shows and keeps the text in view still while estimated
/// heights above it are corrected (or the wrap width changes, or an annotation is revealed).
/// `offset` is the scroll position in article coordinates; returns the new one if it must
/// change.
pub(super) fn plan_scroll(
    layout: &mut Layout<'_>,
    ui: &egui::Ui,
    offset: f32,
    viewport_h: f32,
    metrics: Metrics,
    reveal: Option<usize>,
) -> Option<f32> {
    layout.blocks.refresh_tops();
    let y = offset;
    let at_y = layout.blocks.block_at_y(y);
    let frac = (y - layout.blocks.top(at_y)) / layout.blocks.height(at_y).max(1.0);
    let resized = layout.blocks.metrics != metrics;
    if resized {
        layout.blocks.set_metrics(metrics);
    }
    let (anchor, shift) = if let Some(at) = reveal {
        let r = layout.cursor_rect(ui, at);
        let b = layout.blocks.block_of(at);
        (b, r.center().y - layout.blocks.top(b) - viewport_h / 2.0)
    } else if resized {
        layout.ensure(ui, at_y);
        layout.blocks.refresh_tops();
        (at_y, frac.clamp(0.0, 1.0) * layout.blocks.height(at_y))
    } else {
        (at_y, y - layout.blocks.top(at_y))
    };
    for _ in 0..2 {
        let top = layout.blocks.top(anchor) + shift;
        layout.ensure_range(ui, top, top + viewport_h);
    }
    let new_offset = layout.blocks.top(anchor) + shift;
    ((new_offset - offset).abs() > 0.25).then_some(new_offset)
}

/// What a block's shape depends on besides its text: the wrap width and the font size.
fn shape_key(wrap: f32, font_size: f32) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (wrap.to_bits(), font_size.to_bits()).hash(&mut h);
    h.finish()
}

/// Cursor rectangle of code point `at` in block `b`, if that block is laid out.
pub(super) fn cursor_rect(blocks: &Blocks, b: usize, at: usize) -> Option<Rect> {
    let laid = blocks.laid(b)?;
    let r = blocks.range(b);
    let local = at.clamp(r.start, r.end) - r.start;
    let rect = laid.shaped.caret(local);
    Some(rect.translate(Vec2::new(0.0, blocks.top(b))))
}

/// Code point nearest to `p` within block `b` (its start if it is not laid out); never
/// inside a grapheme cluster.
pub(super) fn hit(blocks: &Blocks, b: usize, p: Vec2) -> usize {
    let r = blocks.range(b);
    let Some(laid) = blocks.laid(b) else {
        return r.start;
    };
    let local = laid.shaped.hit(p.x, p.y - blocks.top(b));
    (r.start + local).min(r.end)
}

/// Rectangles covering code points `start..end` of block `b`, one per line and visual run
/// (a span over a direction boundary gives several), in article coordinates; `past_end`
/// adds a little room after the last row (the selection goes on).
pub(super) fn range_rects(
    blocks: &Blocks,
    b: usize,
    start: usize,
    end: usize,
    past_end: bool,
) -> Vec<Rect> {
    let Some(laid) = blocks.laid(b) else {
        return Vec::new();
    };
    let r = blocks.range(b);
    let (s, e) = (
        start.max(r.start) - r.start,
        end.min(r.end).max(r.start) - r.start,
    );
    let top = Vec2::new(0.0, blocks.top(b));
    laid.shaped
        .rects(s, e, past_end)
        .into_iter()
        .map(|rect| rect.translate(top))
        .collect()
}
