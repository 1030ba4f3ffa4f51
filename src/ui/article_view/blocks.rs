//! The article as a column of blocks (its lines), each laid out only when it is needed.
//!
//! A block is one line of the text (the characters between two `\n`), or a piece of a very
//! long line. Each block has a height: estimated from its length until it is laid out, then
//! measured. `tops` holds the prefix sums, so finding the block at a height and the height of
//! a block are binary searches and lookups; only blocks on screen are ever laid out.

use std::ops::Range;
use std::sync::Arc;

use crate::model::text::ArticleText;
use crate::ui::text_engine::shaped::Shaped;

use super::highlight::Paint;

/// Lines longer than this many code points are cut (at a space) into several blocks, so that
/// no single layout grows with the article.
const MAX_BLOCK_CHARS: usize = 4000;

/// Layouts of at most about this many code points stay cached; older ones are dropped.
const CACHE_CHARS: usize = 200_000;

/// A laid-out block.
pub(super) struct Laid {
    /// The shaped text, relative to the block's top-left; depends only on the text, the
    /// width and the font size, so highlights never move it.
    pub shaped: Arc<Shaped>,
    /// Hash of what `shaped` was made from (width, font size).
    pub shape_key: u64,
    /// How each stretch of the block is painted (absolute code points).
    pub sections: Vec<(Range<usize>, Paint)>,
    /// Hash of the look and annotations it was made for (see `Look::key`).
    pub look_key: u64,
    /// Frame number it was last used in.
    pub used: u64,
}

/// Geometry shared by all estimates: wrap width, row height, average character width.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Metrics {
    /// Width text is wrapped at.
    pub wrap: f32,
    /// Height of one row.
    pub row_height: f32,
    /// Average advance of a character of this article's text.
    pub char_width: f32,
}

/// The blocks of one article, their heights and the cache of their layouts.
#[derive(Default)]
pub(super) struct Blocks {
    /// Code-point range of each block (without its `\n`).
    ranges: Vec<Range<usize>>,
    /// Height of each block: measured if laid out at the current metrics, else estimated.
    heights: Vec<f32>,
    /// `tops[i]` is the sum of `heights[..i]`; one more entry than blocks.
    tops: Vec<f32>,
    /// True when `heights` changed since `tops` was computed.
    tops_stale: bool,
    /// The layout of each block, if laid out and not evicted.
    laid: Vec<Option<Laid>>,
    /// Indices of the blocks in `laid` that are `Some`.
    cached: Vec<usize>,
    /// Code points held by the cached layouts.
    cached_chars: usize,
    /// What the estimates were made with.
    pub metrics: Metrics,
}

impl Blocks {
    /// Splits the text into blocks; heights are estimated with `metrics`.
    pub fn new(text: &ArticleText, metrics: Metrics) -> Self {
        let ranges = split_blocks(text);
        let n = ranges.len();
        let mut blocks = Self {
            ranges,
            heights: vec![0.0; n],
            tops: Vec::new(),
            tops_stale: true,
            laid: (0..n).map(|_| None).collect(),
            cached: Vec::new(),
            cached_chars: 0,
            metrics,
        };
        blocks.estimate_all();
        blocks
    }

    /// Number of blocks.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Code-point range of block `i`.
    pub fn range(&self, i: usize) -> Range<usize> {
        self.ranges.get(i).cloned().unwrap_or(0..0)
    }

    /// Replaces the metrics (wrap width or font changed): every height becomes an estimate.
    pub fn set_metrics(&mut self, metrics: Metrics) {
        self.metrics = metrics;
        self.estimate_all();
    }

    fn estimate_all(&mut self) {
        let m = self.metrics;
        for (h, r) in self.heights.iter_mut().zip(&self.ranges) {
            *h = estimate(r.len(), m);
        }
        self.tops_stale = true;
    }

    /// Recomputes the prefix sums if any height changed.
    pub fn refresh_tops(&mut self) {
        if !self.tops_stale && self.tops.len() == self.heights.len() + 1 {
            return;
        }
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        self.tops.push(y);
        for h in &self.heights {
            y += h;
            self.tops.push(y);
        }
        self.tops_stale = false;
    }

    /// Top of block `i` relative to the top of the article (the end for `i == len`).
    pub fn top(&self, i: usize) -> f32 {
        self.tops
            .get(i)
            .or(self.tops.last())
            .copied()
            .unwrap_or(0.0)
    }

    /// Height of the whole article.
    pub fn total_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Height of block `i`.
    pub fn height(&self, i: usize) -> f32 {
        self.heights.get(i).copied().unwrap_or(0.0)
    }

    /// Index of the block at height `y` (clamped to the first and last block).
    pub fn block_at_y(&self, y: f32) -> usize {
        let after = self.tops.partition_point(|&t| t <= y);
        after.saturating_sub(1).min(self.len().saturating_sub(1))
    }

    /// Blocks overlapping the heights `y0..y1`.
    pub fn blocks_in(&self, y0: f32, y1: f32) -> Range<usize> {
        if self.ranges.is_empty() {
            return 0..0;
        }
        let first = self.block_at_y(y0);
        let last = self.block_at_y(y1);
        first..last + 1
    }

    /// Index of the block holding code point `at` (a block's end counts as inside it).
    pub fn block_of(&self, at: usize) -> usize {
        self.ranges
            .partition_point(|r| r.end < at)
            .min(self.len().saturating_sub(1))
    }

    /// The laid-out block `i`, if cached.
    pub fn laid(&self, i: usize) -> Option<&Laid> {
        self.laid.get(i).and_then(Option::as_ref)
    }

    /// Marks block `i` as used in frame `frame`.
    pub fn touch(&mut self, i: usize, frame: u64) {
        if let Some(Some(l)) = self.laid.get_mut(i) {
            l.used = frame;
        }
    }

    /// Stores a new layout of block `i`; its height becomes measured. Returns the change in
    /// height.
    pub fn store(&mut self, i: usize, laid: Laid) -> f32 {
        let new_h = laid.shaped.height.max(self.metrics.row_height);
        let Some(slot) = self.laid.get_mut(i) else {
            return 0.0;
        };
        if slot.is_none() {
            self.cached.push(i);
            self.cached_chars += self.ranges.get(i).map_or(0, ExactSizeIterator::len);
        }
        *slot = Some(laid);
        let Some(h) = self.heights.get_mut(i) else {
            return 0.0;
        };
        let delta = new_h - *h;
        if delta != 0.0 {
            *h = new_h;
            self.tops_stale = true;
        }
        delta
    }

    /// Drops the least recently used layouts (not used in `frame`) beyond the cache budget.
    pub fn evict(&mut self, frame: u64) {
        if self.cached_chars <= CACHE_CHARS {
            return;
        }
        let laid = &self.laid;
        let used = |i: usize| laid.get(i).and_then(Option::as_ref).map_or(0, |l| l.used);
        let mut by_age: Vec<(u64, usize)> = self.cached.iter().map(|&i| (used(i), i)).collect();
        by_age.sort_unstable_by_key(|&(u, _)| std::cmp::Reverse(u));
        while self.cached_chars > CACHE_CHARS / 2 {
            let Some(&(u, i)) = by_age.last() else { break };
            if u >= frame {
                break;
            }
            by_age.pop();
            if let Some(slot) = self.laid.get_mut(i) {
                *slot = None;
            }
            self.cached_chars -= self.ranges.get(i).map_or(0, ExactSizeIterator::len);
        }
        self.cached = by_age.into_iter().map(|(_, i)| i).collect();
    }
}

/// Estimated height of a block of `chars` code points.
pub(super) fn estimate(chars: usize, m: Metrics) -> f32 {
    let width = chars as f32 * m.char_width;
    let rows = if m.wrap > 0.0 {
        // Wrapping at word boundaries leaves some room at the end of most rows.
        (width / (m.wrap * 0.94)).ceil().max(1.0)
    } else {
        1.0
    };
    rows * m.row_height
}

/// The lines of the text, long ones cut at a space near every `MAX_BLOCK_CHARS` code points.
fn split_blocks(text: &ArticleText) -> Vec<Range<usize>> {
    let s = text.as_str();
    let mut out = Vec::new();
    let mut line_start_byte = 0;
    let push_line = |from_byte: usize, to_byte: usize, out: &mut Vec<Range<usize>>| {
        let (mut a, b) = (text.char_of(from_byte), text.char_of(to_byte));
        while b - a > MAX_BLOCK_CHARS {
            let limit = a + MAX_BLOCK_CHARS;
            let piece = text.slice(a + MAX_BLOCK_CHARS / 2..limit);
            let cut = piece
                .char_indices()
                .rev()
                .find(|(_, c)| *c == ' ')
                .map_or(limit, |(byte, _)| {
                    text.char_of(text.byte_of(a + MAX_BLOCK_CHARS / 2) + byte) + 1
                });
            out.push(a..cut);
            a = cut;
        }
        out.push(a..b);
    };
    for nl in memchr::memchr_iter(b'\n', s.as_bytes()) {
        push_line(line_start_byte, nl, &mut out);
        line_start_byte = nl + 1;
    }
    push_line(line_start_byte, s.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_lines_and_long_lines_are_cut_at_spaces() {
        let t = ArticleText::new("One.\n\nTwo “b”.\n".into());
        let b = Blocks::new(&t, Metrics::default());
        let ranges: Vec<_> = (0..b.len()).map(|i| b.range(i)).collect();
        assert_eq!(ranges, [0..4, 5..5, 6..14, 15..15]);

        let long = "word ".repeat(2000);
        let t = ArticleText::new(long.clone());
        let b = Blocks::new(&t, Metrics::default());
        assert!(b.len() >= 3);
        let mut at = 0;
        for i in 0..b.len() {
            let r = b.range(i);
            assert_eq!(r.start, at, "blocks tile the text");
            assert!(r.len() <= MAX_BLOCK_CHARS);
            if i + 1 < b.len() {
                assert!(t.slice(r.clone()).ends_with(' '), "cut after a space");
            }
            at = r.end;
        }
        assert_eq!(at, long.len());
    }

    #[test]
    fn heights_are_estimated_then_measured_and_blocks_found_by_height() {
        let t = ArticleText::new("a\nb\nc".into());
        let m = Metrics {
            wrap: 100.0,
            row_height: 10.0,
            char_width: 5.0,
        };
        let mut b = Blocks::new(&t, m);
        b.refresh_tops();
        assert_eq!(b.total_height(), 30.0);
        assert_eq!(b.block_at_y(15.0), 1);
        assert_eq!(b.blocks_in(5.0, 25.0), 0..3);
        assert_eq!(b.block_of(2), 1);
        assert_eq!(b.block_of(3), 1);
        assert_eq!(b.block_of(4), 2);
        assert_eq!(estimate(45, m), 30.0);
    }
}
