//! AccessKit's unit of text, the run: characters (grapheme clusters) with their UTF-8 lengths,
//! the code points they start at and the characters that start a word. Made per visual line
//! for the blocks on screen, per paragraph for the rest of the article, and cut where an
//! annotation starts or ends so that each piece sits inside its marks.

use std::sync::Arc;

use unicode_segmentation::UnicodeSegmentation;

use crate::model::text::is_word_char;
use egui::{Pos2, Rect, pos2};

use crate::ui::article_view::layout::Layout;
use crate::ui::text_engine::shaped::Line;

/// AccessKit's word starts are `u8` indices: a run holds at most this many characters.
pub(super) const MAX_RUN_CHARS: usize = 255;
/// A grapheme cluster longer than a `u8` can count (in UTF-8 bytes) is cut into code points.
const MAX_CHAR_BYTES: usize = u8::MAX as usize;

/// One text run's characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(in crate::ui::article_view) struct RunText {
    /// The text; ends with `\n` when a line break ends the run.
    pub value: String,
    /// UTF-8 length of each character.
    pub lengths: Vec<u8>,
    /// Code point where each character starts, then where the last one ends (one entry more
    /// than there are characters).
    pub bounds: Arc<[usize]>,
    /// Characters that start a word.
    pub word_starts: Vec<u8>,
}

impl RunText {
    /// The code point the run starts at.
    pub fn start(&self) -> usize {
        self.bounds.first().copied().unwrap_or_default()
    }

    /// The code point the run ends at.
    pub fn end(&self) -> usize {
        self.bounds.last().copied().unwrap_or_default()
    }

    /// The piece of the run from character `from` to character `to` (indices, `to`
    /// exclusive), sharing its bounds.
    pub fn piece(&self, from: usize, to: usize) -> Piece<'_> {
        let byte =
            |i: usize| -> usize { self.lengths.iter().take(i).map(|&l| usize::from(l)).sum() };
        let (b0, b1) = (byte(from), byte(to));
        Piece {
            value: self.value.get(b0..b1).unwrap_or_default(),
            lengths: self.lengths.get(from..to).unwrap_or_default(),
            word_starts: self
                .word_starts
                .iter()
                .map(|&w| usize::from(w))
                .filter(|&w| w >= from && w < to)
                .filter_map(|w| u8::try_from(w - from).ok())
                .collect(),
            bounds: Arc::clone(&self.bounds),
            chars: from..to,
        }
    }

    /// Cuts the run at the code points `cuts` (ascending; those outside it or inside a cluster
    /// are ignored) into pieces.
    pub fn pieces(&self, cuts: &[usize]) -> Vec<Piece<'_>> {
        let n = self.lengths.len();
        let mut at = vec![0];
        for &c in cuts {
            if c <= self.start() || c >= self.end() {
                continue;
            }
            if let Ok(i) = self.bounds.binary_search(&c)
                && at.last().is_some_and(|&l| i > l)
            {
                at.push(i);
            }
        }
        at.push(n);
        at.windows(2)
            .filter_map(|w| match *w {
                [a, b] if b > a || n == 0 => Some(self.piece(a, b)),
                _ => None,
            })
            .collect()
    }
}

/// A piece of a run: what one TextRun node holds.
pub(in crate::ui::article_view) struct Piece<'a> {
    /// Its text.
    pub value: &'a str,
    /// UTF-8 length of each character.
    pub lengths: &'a [u8],
    /// Characters that start a word, counted from the piece's start.
    pub word_starts: Vec<u8>,
    /// The whole run's character bounds.
    pub bounds: Arc<[usize]>,
    /// Which of the run's characters it holds.
    pub chars: std::ops::Range<usize>,
}

impl Piece<'_> {
    /// Code point where each character starts, then where the last one ends.
    pub fn bounds(&self) -> &[usize] {
        self.bounds
            .get(self.chars.start..=self.chars.end)
            .unwrap_or_default()
    }
}

/// Cuts one visual line into runs of at most 255 characters. `text` starts at code point
/// `start`; `newline` adds the `\n` that ends its paragraph; `continues` says the line goes on
/// from the one before (a wrap), so a word at its start is a new word. For example
/// `runs_of_line("Hi yo", 7, true, false)` is one run "Hi yo\n" with bounds 7, 8, …, 13 and
/// word starts `[3]` (AccessKit takes a paragraph's start as a word start itself).
pub(in crate::ui::article_view) fn runs_of_line(
    text: &str,
    start: usize,
    newline: bool,
    continues: bool,
) -> Vec<RunText> {
    let mut chars: Vec<(usize, &str)> = Vec::new();
    let mut at = start;
    for g in text.graphemes(true) {
        if g.len() > MAX_CHAR_BYTES {
            for (i, c) in g.char_indices() {
                chars.push((at, g.get(i..i + c.len_utf8()).unwrap_or_default()));
                at += 1;
            }
        } else {
            chars.push((at, g));
            at += g.chars().count();
        }
    }
    if newline {
        chars.push((at, "\n"));
        at += 1;
    }
    let mut after_word_end = continues;
    let word_start: Vec<bool> = chars
        .iter()
        .map(|(_, c)| {
            let word = c.chars().next().is_some_and(is_word_char);
            let starts = word && after_word_end;
            after_word_end = !word;
            starts
        })
        .collect();
    if chars.is_empty() {
        return vec![RunText {
            value: String::new(),
            lengths: Vec::new(),
            bounds: Arc::from([start]),
            word_starts: Vec::new(),
        }];
    }
    chars
        .chunks(MAX_RUN_CHARS)
        .zip(word_start.chunks(MAX_RUN_CHARS))
        .enumerate()
        .map(|(k, (chunk, starts))| {
            let end = chars.get((k + 1) * MAX_RUN_CHARS).map_or(at, |c| c.0);
            RunText {
                value: chunk.iter().map(|c| c.1).collect(),
                lengths: chunk.iter().map(|c| c.1.len() as u8).collect(),
                bounds: chunk.iter().map(|c| c.0).chain([end]).collect(),
                word_starts: (0..chunk.len())
                    .filter(|&i| starts.get(i).copied().unwrap_or(false))
                    .map(|i| i as u8)
                    .collect(),
            }
        })
        .collect()
}

/// One run to publish: its text, where it is drawn, which line it is on.
pub(super) struct Laid<'a> {
    /// Made this frame (a line on screen), or kept (a paragraph off screen).
    pub run: std::borrow::Cow<'a, RunText>,
    pub rect: Rect,
    /// Caret x before each character and after the last, relative to the screen (left-to-right
    /// lines only).
    pub xs: Vec<f32>,
    pub rtl: bool,
    /// Runs with the same key are on one line (a paragraph off screen is one line).
    pub line: (usize, usize),
}

/// The runs of block `b` (laid out), one or more per visual line, placed on screen.
pub(super) fn runs_of_laid_block(
    layout: &Layout<'_>,
    origin: Pos2,
    b: usize,
) -> Vec<Laid<'static>> {
    let Some(shaped) = layout.blocks.laid(b).map(|l| Arc::clone(&l.shaped)) else {
        return Vec::new();
    };
    let text = &layout.doc.text;
    let r = layout.blocks.range(b);
    let top = origin.y + layout.blocks.top(b);
    let newline = text.slice(r.end..r.end + 1) == "\n";
    let after_break = r.start == 0 || text.slice(r.start - 1..r.start) == "\n";
    let count = shaped.lines.len();
    let mut out = Vec::new();
    for (li, line) in shaped.lines.iter().enumerate() {
        let (s, e) = (r.start + line.start, r.start + line.end);
        let continues = li > 0 || !after_break;
        let line_runs = runs_of_line(text.slice(s..e), s, newline && li + 1 == count, continues);
        let ltr = !line.rtl && line.glyphs.iter().all(|g| !g.rtl);
        for run in line_runs {
            // Caret x at each character boundary: known for left-to-right lines only.
            let xs: Vec<f32> = if ltr {
                carets_x(line, &run.bounds, r.start)
                    .into_iter()
                    .map(|x| origin.x + x)
                    .collect()
            } else {
                Vec::new()
            };
            let (x0, x1) = match (xs.first(), xs.last()) {
                (Some(&a), Some(&z)) => (a, z),
                _ => {
                    let (a, z) = extent(line);
                    (origin.x + a, origin.x + z)
                }
            };
            let y0 = top + line.top;
            out.push(Laid {
                run: std::borrow::Cow::Owned(run),
                rect: Rect::from_min_max(pos2(x0, y0), pos2(x1, y0 + line.height)),
                xs,
                rtl: line.rtl,
                line: (b, li),
            });
        }
    }
    out
}

/// The x of the caret before each of `bounds` (code points, ascending; the block starts at
/// `block_start`) on a left-to-right line, whose glyphs are then in text order: one pass.
fn carets_x(line: &Line, bounds: &[usize], block_start: usize) -> Vec<f32> {
    let mut glyphs = line.glyphs.iter().peekable();
    let end_x = line.glyphs.last().map_or(0.0, |g| g.x + g.w);
    bounds
        .iter()
        .map(|&b| {
            let at = b.saturating_sub(block_start);
            while glyphs.next_if(|g| g.end <= at).is_some() {}
            match glyphs.peek() {
                Some(g) if at > g.start => {
                    g.x + g.w * (at - g.start) as f32 / (g.end - g.start).max(1) as f32
                }
                Some(g) => g.x,
                None => end_x,
            }
        })
        .collect()
}

/// Left and right edges of a line's glyphs.
fn extent(line: &Line) -> (f32, f32) {
    match (line.glyphs.first(), line.glyphs.last()) {
        (Some(a), Some(z)) => (a.x, z.x + z.w),
        _ => (0.0, 0.0),
    }
}
