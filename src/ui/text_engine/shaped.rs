//! One block of text shaped and laid out (cosmic-text: font fallback, HarfBuzz-class shaping,
//! UAX #9 bidi, UAX #14 line breaks), kept as plain lines of glyphs in code points so that
//! hit-testing, carets and highlight rectangles follow what is drawn.
//!
//! Coordinates are points from the block's top-left; positions are code points into the
//! block's text (the caller adds the block's start). A glyph is one cluster: it covers the
//! code points `start..end`, which a ligature or an Indic conjunct makes more than one.

use cosmic_text::{Attrs, Buffer, Family, FontSystem, LayoutGlyph, Metrics, Shaping};
use egui::{Rect, pos2};
use unicode_segmentation::UnicodeSegmentation;

/// The family the article is set in (egui's own, loaded into the engine's font database).
pub const ARTICLE_FAMILY: &str = "Ubuntu";

/// One shaped cluster, placed on its line.
#[derive(Clone, Debug)]
pub struct Glyph {
    /// First code point of the cluster (block-local).
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// Left edge of its advance box.
    pub x: f32,
    /// Advance width.
    pub w: f32,
    /// True if it is in a right-to-left run.
    pub rtl: bool,
    /// What the rasterizer needs (font, glyph id, size, offsets).
    pub raster: LayoutGlyph,
}

/// One visual line of a block.
#[derive(Clone, Debug)]
pub struct Line {
    /// Top of the line box.
    pub top: f32,
    /// Height of the line box.
    pub height: f32,
    /// Baseline, from the block's top.
    pub baseline: f32,
    /// True if the paragraph runs right to left (its first strong character is RTL).
    pub rtl: bool,
    /// First code point on the line.
    pub start: usize,
    /// One past the last code point on the line.
    pub end: usize,
    /// The glyphs, in visual order (left to right).
    pub glyphs: Vec<Glyph>,
}

/// A block of text, shaped and wrapped at a width.
#[derive(Clone, Debug, Default)]
pub struct Shaped {
    /// The visual lines, top to bottom.
    pub lines: Vec<Line>,
    /// Height of all lines.
    pub height: f32,
    /// The width it was wrapped at.
    pub width: f32,
    /// Code points in the block.
    pub chars: usize,
    /// Code points that are not grapheme-cluster boundaries (inside a ZWJ emoji, after a base
    /// that takes a combining mark, …), sorted; empty for plain text.
    inside: Vec<usize>,
    /// Glyphs drawn as .notdef (no font had the character), not counting whitespace.
    pub notdef: usize,
}

/// Shapes `text` (one paragraph, no `\n`) at `font_size` with rows `line_height` apart,
/// wrapped at `width`.
pub fn shape(
    fs: &mut FontSystem,
    text: &str,
    font_size: f32,
    line_height: f32,
    width: f32,
) -> Shaped {
    let mut buffer = Buffer::new(fs, Metrics::new(font_size, line_height));
    buffer.set_size(Some(width), None);
    let attrs = Attrs::new().family(Family::Name(ARTICLE_FAMILY));
    buffer.set_text(text, &attrs, Shaping::Advanced, None);
    buffer.shape_until_scroll(fs, false);

    // Byte offset → code point, for this block only.
    let mut char_of = vec![0usize; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        for slot in char_of.iter_mut().skip(b).take(c.len_utf8()) {
            *slot = n;
        }
        n += 1;
    }
    if let Some(last) = char_of.last_mut() {
        *last = n;
    }
    let to_char = |b: usize| char_of.get(b).copied().unwrap_or(n);

    let mut lines: Vec<Line> = Vec::new();
    let mut notdef = 0;
    for run in buffer.layout_runs() {
        let mut glyphs: Vec<Glyph> = run
            .glyphs
            .iter()
            .map(|g| Glyph {
                start: to_char(g.start),
                end: to_char(g.end).max(to_char(g.start) + 1).min(n),
                x: g.x,
                w: g.w,
                rtl: g.level.is_rtl(),
                raster: g.clone(),
            })
            .collect();
        glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        notdef += run
            .glyphs
            .iter()
            .filter(|g| {
                g.glyph_id == 0
                    && text
                        .get(g.start..g.end)
                        .is_some_and(|s| !s.chars().all(char::is_whitespace))
            })
            .count();
        let start = glyphs.iter().map(|g| g.start).min().unwrap_or(0);
        let end = glyphs.iter().map(|g| g.end).max().unwrap_or(0);
        lines.push(Line {
            top: run.line_top,
            height: run.line_height,
            baseline: run.line_y,
            rtl: run.rtl,
            start,
            end,
            glyphs,
        });
    }
    if lines.is_empty() {
        lines.push(Line {
            top: 0.0,
            height: line_height,
            baseline: line_height * 0.75,
            rtl: false,
            start: 0,
            end: 0,
            glyphs: Vec::new(),
        });
    }
    // Lines tile the block: each starts where the previous one ended.
    let mut prev_end = 0;
    let count = lines.len();
    for (i, line) in lines.iter_mut().enumerate() {
        line.start = prev_end.min(line.start);
        if i + 1 == count {
            line.end = n;
        }
        prev_end = line.end;
    }
    let height = lines.last().map_or(line_height, |l| l.top + l.height);

    let mut inside = Vec::new();
    if !text.is_ascii() {
        let mut at = 0;
        for g in text.graphemes(true) {
            let len = g.chars().count();
            inside.extend(at + 1..at + len);
            at += len;
        }
    }
    Shaped {
        lines,
        height,
        width,
        chars: n,
        inside,
        notdef,
    }
}

impl Shaped {
    /// True if the paragraph runs right to left (its first strong character is RTL).
    pub fn rtl(&self) -> bool {
        self.lines.first().is_some_and(|l| l.rtl)
    }

    /// The grapheme-cluster boundary nearest to code point `at` (ties go forward).
    pub fn snap(&self, at: usize) -> usize {
        let at = at.min(self.chars);
        if self.inside.binary_search(&at).is_err() {
            return at;
        }
        let mut before = at;
        while before > 0 && self.inside.binary_search(&before).is_ok() {
            before -= 1;
        }
        let mut after = at;
        while after < self.chars && self.inside.binary_search(&after).is_ok() {
            after += 1;
        }
        if at - before < after - at {
            before
        } else {
            after
        }
    }

    /// The grapheme cluster holding code point `at`.
    pub fn grapheme(&self, at: usize) -> (usize, usize) {
        let mut start = at.min(self.chars);
        while start > 0 && self.inside.binary_search(&start).is_ok() {
            start -= 1;
        }
        let mut end = (at + 1).min(self.chars).max(start);
        while end < self.chars && self.inside.binary_search(&end).is_ok() {
            end += 1;
        }
        (start, end)
    }

    fn line_at(&self, y: f32) -> Option<&Line> {
        self.lines
            .iter()
            .find(|l| y < l.top + l.height)
            .or(self.lines.last())
    }

    fn line_of(&self, at: usize) -> Option<&Line> {
        self.lines
            .iter()
            .find(|l| l.start <= at && at < l.end)
            .or(self.lines.last())
    }

    /// The caret boundary (code point) nearest to `(x, y)`, never inside a grapheme cluster.
    pub fn hit(&self, x: f32, y: f32) -> usize {
        let Some(line) = self.line_at(y) else {
            return 0;
        };
        self.snap(line.hit_x(x))
    }

    /// The grapheme cluster drawn at `(x, y)`, if a glyph is there.
    pub fn glyph_at(&self, x: f32, y: f32) -> Option<(usize, usize)> {
        let line = self.line_at(y)?;
        let g = line.glyphs.iter().find(|g| g.x <= x && x < g.x + g.w)?;
        let (s, _) = self.grapheme(g.start);
        let (_, e) = self.grapheme(g.end.saturating_sub(1).max(g.start));
        Some((s, e))
    }

    /// Zero-width rectangle of the caret before code point `at`.
    pub fn caret(&self, at: usize) -> Rect {
        let Some(line) = self.line_of(at) else {
            return Rect::NOTHING;
        };
        let x = line.caret_x(at, self.width);
        Rect::from_min_max(pos2(x, line.top), pos2(x, line.top + line.height))
    }

    /// Rectangles covering code points `start..end`: one per line and visual run, so a span
    /// over a direction boundary gives several. `past_end` adds room after the last line's
    /// visual end (the selection goes on into the next block).
    pub fn rects(&self, start: usize, end: usize, past_end: bool) -> Vec<Rect> {
        let mut out = Vec::new();
        let count = self.lines.len();
        for (n, line) in self.lines.iter().enumerate() {
            let last = n + 1 == count;
            let overlaps = line.start < end && line.end > start;
            if !(overlaps || past_end && last && start <= line.end) {
                continue;
            }
            let (top, bottom) = (line.top, line.top + line.height);
            let mut cur: Option<Rect> = None;
            for g in &line.glyphs {
                let (a, b) = (g.start.max(start), g.end.min(end));
                if a >= b {
                    if let Some(r) = cur.take() {
                        out.push(r);
                    }
                    continue;
                }
                let (x0, x1) = g.span_x(a, b);
                cur = match cur {
                    Some(r) if (r.max.x - x0).abs() < 0.5 => {
                        Some(Rect::from_min_max(r.min, pos2(x1, bottom)))
                    }
                    Some(r) => {
                        out.push(r);
                        Some(Rect::from_min_max(pos2(x0, top), pos2(x1, bottom)))
                    }
                    None => Some(Rect::from_min_max(pos2(x0, top), pos2(x1, bottom))),
                };
            }
            out.extend(cur);
            if past_end && last {
                let (l, r) = line.extent(self.width);
                let x = if line.rtl { l } else { r };
                let room = if line.rtl { x - 4.0..=x } else { x..=x + 4.0 };
                out.push(Rect::from_min_max(
                    pos2(*room.start(), top),
                    pos2(*room.end(), bottom),
                ));
            }
        }
        out
    }
}

impl Line {
    /// Left and right edges of the glyphs (the paragraph side's edge if it has none).
    fn extent(&self, width: f32) -> (f32, f32) {
        match (self.glyphs.first(), self.glyphs.last()) {
            (Some(a), Some(b)) => (a.x, b.x + b.w),
            _ if self.rtl => (width, width),
            _ => (0.0, 0.0),
        }
    }

    /// The caret boundary nearest to `x` on this line.
    fn hit_x(&self, x: f32) -> usize {
        let (Some(first), Some(last)) = (self.glyphs.first(), self.glyphs.last()) else {
            return self.start;
        };
        if x < first.x {
            return if first.rtl { first.end } else { first.start };
        }
        for g in &self.glyphs {
            if x < g.x + g.w {
                let n = g.end - g.start;
                let f = ((x - g.x) / g.w.max(0.01)).clamp(0.0, 1.0);
                let k = ((f * n as f32).round() as usize).min(n);
                return if g.rtl { g.end - k } else { g.start + k };
            }
        }
        if last.rtl { last.start } else { last.end }
    }

    /// The x of the caret before code point `at` on this line.
    fn caret_x(&self, at: usize, width: f32) -> f32 {
        if let Some(g) = self.glyphs.iter().find(|g| g.start <= at && at < g.end) {
            // The part of the glyph before `at` ends at the caret: on its right in LTR, on
            // its left in RTL.
            let (x0, x1) = g.span_x(g.start, at);
            return if g.rtl { x0 } else { x1 };
        }
        if let Some(g) = self.glyphs.iter().find(|g| g.end == at) {
            return if g.rtl { g.x } else { g.x + g.w };
        }
        self.extent(width).0
    }
}

impl Glyph {
    /// Left and right x of the part of this glyph that draws code points `a..b` (a share of
    /// its width for a cluster of several).
    fn span_x(&self, a: usize, b: usize) -> (f32, f32) {
        let n = (self.end - self.start).max(1) as f32;
        let fa = (a.saturating_sub(self.start)) as f32 / n;
        let fb = (b.saturating_sub(self.start)) as f32 / n;
        if self.rtl {
            (self.x + self.w * (1.0 - fb), self.x + self.w * (1.0 - fa))
        } else {
            (self.x + self.w * fa, self.x + self.w * fb)
        }
    }
}

#[cfg(test)]
mod tests;
