//! Painting the visible blocks (highlights, glyphs from the atlas, underlines) and the
//! selection over them.

use cosmic_text::CacheKeyFlags;
use egui::{Color32, Mesh, Pos2, Rect, Stroke, pos2, vec2};

use crate::ui::style;
use crate::ui::text_engine::atlas::Atlas;
use crate::ui::text_engine::fonts;

use super::blocks::Laid;
use super::highlight::Line;
use super::layout::{self, Layout};

use super::select::Selection;

/// Paints the visible blocks, then the selection (or the caret) over them. Returns the
/// number of .notdef glyphs drawn (characters no font has).
pub(super) fn paint(
    ui: &egui::Ui,
    layout: &mut Layout<'_>,
    visible: std::ops::Range<usize>,
    origin: Pos2,
    sel: Option<Selection>,
) -> usize {
    let painter = ui.painter();
    let blocks = &*layout.blocks;
    let atlas = &mut *layout.atlas;
    let mut notdef = 0;
    for i in visible.clone() {
        if let Some(l) = blocks.laid(i) {
            let pos = origin + vec2(0.0, blocks.top(i));
            block(
                ui,
                atlas,
                l,
                blocks.range(i).start,
                pos,
                layout.look.text_colour,
            );
            notdef += l.shaped.notdef;
        }
    }
    let Some(s) = sel else { return notdef };
    let span = s.span();
    if span.is_empty() {
        let b = blocks.block_of(s.head);
        if visible.contains(&b)
            && let Some(r) = layout::cursor_rect(blocks, b, s.head)
        {
            let r = r.translate(origin.to_vec2());
            let stroke = Stroke::new(1.5, layout.look.text_colour);
            painter.line_segment([r.center_top(), r.center_bottom()], stroke);
        }
        return notdef;
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
    notdef
}

/// Paints one block at `pos`: highlight backgrounds, then its glyphs as one textured mesh,
/// then underlines. `first` is the block's first code point.
fn block(ui: &egui::Ui, atlas: &mut Atlas, laid: &Laid, first: usize, pos: Pos2, text: Color32) {
    let painter = ui.painter();
    let shaped = &laid.shaped;
    let local = |r: &std::ops::Range<usize>| (r.start - first, r.end - first);
    for (range, paint) in &laid.sections {
        if let Some(bg) = paint.background {
            let (s, e) = local(range);
            for r in shaped.rects(s, e, false) {
                painter.rect_filled(r.translate(pos.to_vec2()), 0.0, bg);
            }
        }
    }

    let ctx = ui.ctx();
    let ppp = ctx.pixels_per_point();
    let mut mesh = Mesh::with_texture(atlas.texture_id(ctx));
    let mut fs = fonts::system().engine();
    for line in &shaped.lines {
        for g in &line.glyphs {
            let at = first + g.start;
            // Sections are in logical order, glyphs in visual: look the glyph's one up.
            let paint = laid
                .sections
                .iter()
                .find(|(r, _)| r.start <= at && at < r.end)
                .map(|(_, p)| *p);
            let colour = paint
                .and_then(|p| p.background)
                .map_or(text, style::text_on);
            let mut raster = g.raster.clone();
            if paint.is_some_and(|p| p.italics) {
                raster.cache_key_flags |= CacheKeyFlags::FAKE_ITALIC;
            }
            let phys = raster.physical((pos.x * ppp, (pos.y + line.baseline) * ppp), ppp);
            let Some(p) = atlas.get(ctx, &mut fs, phys.cache_key) else {
                continue;
            };
            let min = pos2(
                (phys.x + p.left) as f32 / ppp,
                (phys.y - p.top) as f32 / ppp,
            );
            let rect =
                Rect::from_min_size(min, vec2(p.size[0] as f32 / ppp, p.size[1] as f32 / ppp));
            let tint = if p.colour { Color32::WHITE } else { colour };
            mesh.add_rect_with_uv(rect, p.uv, tint);
        }
    }
    drop(fs);
    painter.add(mesh);

    for (range, paint) in &laid.sections {
        if let Some((colour, line)) = paint.underline {
            let (s, e) = local(range);
            for r in shaped.rects(s, e, false) {
                let r = r.translate(pos.to_vec2());
                let y = r.bottom() - 3.0;
                let ends = [pos2(r.left(), y), pos2(r.right(), y)];
                match line {
                    Line::Solid => {
                        painter.line_segment(ends, Stroke::new(2.0, colour));
                    }
                    Line::Dotted => {
                        painter.extend(egui::Shape::dotted_line(&ends, colour, 4.0, 1.3))
                    }
                    Line::Dashed => {
                        let top = [
                            pos2(r.left(), r.top() + 1.0),
                            pos2(r.right(), r.top() + 1.0),
                        ];
                        for l in [ends, top] {
                            painter.extend(egui::Shape::dashed_line(
                                &l,
                                Stroke::new(1.5, colour),
                                6.0,
                                3.0,
                            ));
                        }
                    }
                }
            }
        }
    }
}
