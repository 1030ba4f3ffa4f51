//! What the article's accessibility keeps between frames: each block's runs (grapheme clusters
//! and word starts, made once), and the article cut into chunks of whole blocks. Near the view
//! a chunk is published block by block, with its annotations as marks; far from it, as one run
//! of code points (no word starts, no marks), so that a long article costs a few hundred nodes
//! a frame, not tens of thousands, and its text and offsets stay whole.

use std::ops::Range;
use std::sync::Arc;

use crate::model::text::ArticleText;
use crate::ui::article_view::blocks::Blocks;

use super::runs::{RunText, runs_of_line};

/// A chunk holds whole blocks, about this many code points.
pub(super) const CHUNK_CHARS: usize = 8_000;

/// Runs and chunks of one article, made when first needed.
#[derive(Clone, Default)]
pub(in crate::ui::article_view) struct Cache {
    /// Which text and blocks they were made for: text address and length, block count.
    key: (usize, usize, usize),
    /// The runs of each block.
    blocks: Vec<Option<Arc<[RunText]>>>,
    /// The blocks of each chunk, in order.
    chunks: Vec<Range<usize>>,
    /// Each chunk as one run.
    coarse: Vec<Option<Arc<RunText>>>,
}

impl Cache {
    /// Forgets everything made for another text or other blocks.
    fn check(&mut self, text: &ArticleText, blocks: &Blocks) {
        let key = (
            text.as_str().as_ptr() as usize,
            text.len_chars(),
            blocks.len(),
        );
        if self.key == key {
            return;
        }
        self.key = key;
        self.blocks = vec![None; blocks.len()];
        self.chunks.clear();
        let mut first = 0;
        let mut chars = 0;
        for b in 0..blocks.len() {
            let r = blocks.range(b);
            chars += r.end - r.start + 1;
            if chars >= CHUNK_CHARS || b + 1 == blocks.len() {
                self.chunks.push(first..b + 1);
                first = b + 1;
                chars = 0;
            }
        }
        self.coarse = vec![None; self.chunks.len()];
    }

    /// The chunks: which blocks each holds.
    pub(super) fn chunks(&mut self, text: &ArticleText, blocks: &Blocks) -> Vec<Range<usize>> {
        self.check(text, blocks);
        self.chunks.clone()
    }

    /// The runs of block `b` as one paragraph (cut every 255 characters).
    pub(super) fn runs(&mut self, text: &ArticleText, blocks: &Blocks, b: usize) -> Arc<[RunText]> {
        self.check(text, blocks);
        if let Some(Some(r)) = self.blocks.get(b) {
            return Arc::clone(r);
        }
        let r = blocks.range(b);
        let newline = text.slice(r.end..r.end + 1) == "\n";
        let after_break = r.start == 0 || text.slice(r.start - 1..r.start) == "\n";
        let made: Arc<[RunText]> =
            runs_of_line(text.slice(r.start..r.end), r.start, newline, !after_break).into();
        if let Some(slot) = self.blocks.get_mut(b) {
            *slot = Some(Arc::clone(&made));
        }
        made
    }

    /// Chunk `k` as one run: a character per code point, from its first block's start to the
    /// next chunk's (or the end of the text).
    pub(super) fn coarse(&mut self, text: &ArticleText, blocks: &Blocks, k: usize) -> Arc<RunText> {
        self.check(text, blocks);
        if let Some(Some(r)) = self.coarse.get(k) {
            return Arc::clone(r);
        }
        let start = |c: Option<&Range<usize>>| c.map(|c| blocks.range(c.start).start);
        let from = start(self.chunks.get(k)).unwrap_or_default();
        let to = start(self.chunks.get(k + 1)).unwrap_or_else(|| {
            // The last chunk ends where its last block does, with its line break if any.
            let last = blocks.range(blocks.len().saturating_sub(1)).end;
            last + usize::from(text.slice(last..last + 1) == "\n")
        });
        let value = text.slice(from..to).to_owned();
        let made = Arc::new(RunText {
            lengths: value.chars().map(|c| c.len_utf8() as u8).collect(),
            bounds: (from..=to).collect(),
            word_starts: Vec::new(),
            value,
        });
        if let Some(slot) = self.coarse.get_mut(k) {
            *slot = Some(Arc::clone(&made));
        }
        made
    }
}
