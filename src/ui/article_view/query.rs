//! What the article view drew last frame, for tests, benchmarks and the rest of the UI:
//! positions and rectangles of code points on screen, what is painted, what was missing.

use egui::{Id, Pos2, Rect, Vec2};

use crate::model::annotation::Span;

use super::{ArticleView, layout};

impl ArticleView {
    /// Screen position of the middle of code point `at`, as laid out in the last frame
    /// (`None` if its line has not been laid out).
    pub fn char_pos(&self, at: usize) -> Option<Pos2> {
        let blocks = self.blocks.as_ref()?;
        let r = layout::cursor_rect(blocks, blocks.block_of(at), at)?;
        Some(self.origin + r.center().to_vec2() + Vec2::new(1.0, 0.0))
    }

    /// Screen rectangle of a code-point range (first to last row), from the last frame.
    pub fn span_rect(&self, span: Span) -> Option<Rect> {
        let blocks = self.blocks.as_ref()?;
        let a = layout::cursor_rect(blocks, blocks.block_of(span.start), span.start)?;
        let b = layout::cursor_rect(blocks, blocks.block_of(span.end), span.end)?;
        Some(a.union(b).translate(self.origin.to_vec2()))
    }

    /// The code point nearest to screen position `pos`, as laid out in the last frame.
    pub fn char_at(&self, pos: Pos2) -> Option<usize> {
        let blocks = self.blocks.as_ref()?;
        let p = pos - self.origin;
        Some(layout::hit(blocks, blocks.block_at_y(p.y), p))
    }

    /// Screen rectangles of a code-point range as drawn last frame: one per line and visual
    /// run (a span over a direction boundary gives several); empty where not laid out.
    pub fn span_rects(&self, span: Span) -> Vec<Rect> {
        let Some(blocks) = self.blocks.as_ref() else {
            return Vec::new();
        };
        let (first, last) = (blocks.block_of(span.start), blocks.block_of(span.end));
        (first..=last)
            .flat_map(|b| layout::range_rects(blocks, b, span.start, span.end, false))
            .filter(|r| r.width() > 0.0)
            .map(|r| r.translate(self.origin.to_vec2()))
            .collect()
    }

    /// .notdef glyphs (boxes for characters no installed font has) drawn last frame.
    pub fn notdef_drawn(&self) -> usize {
        self.notdef
    }

    /// Connectors drawn last frame between the open quote and its cue and sources.
    pub fn connectors_drawn(&self) -> usize {
        self.connectors
    }

    /// The code points of the lines painted in the last frame (only those on screen).
    pub fn painted(&self) -> Option<Span> {
        self.painted
    }

    /// The visible part of the article last frame.
    pub fn visible_rect(&self) -> Rect {
        self.clip.unwrap_or(Rect::NOTHING)
    }

    /// Where the caret is (the moving end of the selection), in code points.
    pub fn caret(&self) -> Option<usize> {
        self.sel.map(|s| s.head)
    }

    /// The annotations whose text holds code point `at`, innermost first.
    pub fn annotations_at(
        &self,
        session: &crate::model::session::Session,
        at: usize,
    ) -> Vec<crate::model::annotation::AnnotationId> {
        super::highlight::annotations_at(&self.index, session, at)
    }

    /// The id of the article text widget.
    pub fn text_id(&self) -> Option<Id> {
        self.text_id
    }
}
