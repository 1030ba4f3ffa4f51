//! Painting the visible blocks and the selection over them.

use egui::{Pos2, vec2};

use super::layout::{self, Layout};
use super::select::Selection;

/// Paints the visible blocks, then the selection (or the caret) over them.
pub(super) fn paint(
    ui: &egui::Ui,
    layout: &Layout<'_>,
    visible: std::ops::Range<usize>,
    origin: Pos2,
    sel: Option<Selection>,
) {
    let painter = ui.painter();
    let blocks = &*layout.blocks;
    for i in visible.clone() {
        if let Some(l) = blocks.laid(i) {
            let pos = origin + vec2(0.0, blocks.top(i));
            painter.galley(pos, l.galley.clone(), layout.look.text_colour);
        }
    }
    let Some(s) = sel else { return };
    let span = s.span();
    if span.is_empty() {
        let b = blocks.block_of(s.head);
        if visible.contains(&b)
            && let Some(r) = layout::cursor_rect(blocks, b, s.head)
        {
            let r = r.translate(origin.to_vec2());
            let stroke = egui::Stroke::new(1.5, layout.look.text_colour);
            painter.line_segment([r.center_top(), r.center_bottom()], stroke);
        }
        return;
    }
    let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.45);
    for i in visible {
        let r = blocks.range(i);
        if span.end < r.start || span.start > r.end {
            continue;
        }
        for rect in layout::range_rects(blocks, i, span.start, span.end, span.end > r.end) {
            painter.rect_filled(rect.translate(origin.to_vec2()), 0.0, fill);
        }
    }
}
