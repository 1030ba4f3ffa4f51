//! The article as AccessKit sees it, like a text field: the Document node "Article" holds one
//! text run per visual line (AccessKit's unit of text: characters with their UTF-8 lengths,
//! positions and word starts), and the caret and the selection are the node's text selection
//! over those runs. A screen reader reads the line, word or character at the caret and says
//! what is selected; an assistive tool can move the caret or select (`SetTextSelection`).
//!
//! Published are the blocks on screen, and the blocks between them and the ends of the
//! selection when those are near (so the selected text is whole); a far end gets only its own
//! block. The tree stays small whatever the article's length. A run's characters are grapheme
//! clusters: what the caret steps over. The node's value is the text on screen and its
//! description gives the selected text and the caret's code-point offset, for tools that read
//! no text runs.

use std::ops::Range;
use std::sync::Arc;

use egui::accesskit::{Action, ActionData, NodeId, Role, TextDirection, TextPosition};
use egui::{Id, Pos2, Rect, UiBuilder, pos2};
use unicode_segmentation::UnicodeSegmentation;

use crate::model::annotation::Span;
use crate::model::text::{ArticleText, is_word_char};
use crate::ui::text_engine::shaped::Line;

use super::blocks::Blocks;
use super::layout::Layout;
use super::select::Selection;

/// AccessKit's word starts are `u8` indices: a run holds at most this many characters.
const MAX_RUN_CHARS: usize = 255;
/// A grapheme cluster longer than a `u8` can count (in UTF-8 bytes) is cut into code points.
const MAX_CHAR_BYTES: usize = u8::MAX as usize;
/// At most this much text off screen is published to keep the selected text whole.
const MAX_EXTRA_CHARS: usize = 20_000;
/// At most this much of the selected text is quoted in the description.
const MAX_DESCRIBED_CHARS: usize = 2_000;

/// One text run's characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RunText {
    /// The text; ends with `\n` when a line break ends the run.
    pub value: String,
    /// UTF-8 length of each character.
    pub lengths: Vec<u8>,
    /// Code point where each character starts, then where the last one ends (one entry more
    /// than there are characters).
    pub bounds: Vec<usize>,
    /// Characters that start a word.
    pub word_starts: Vec<u8>,
}

/// Cuts one visual line into runs of at most 255 characters. `text` starts at code point
/// `start`; `newline` adds the `\n` that ends its paragraph; `continues` says the line goes on
/// from the one before (a wrap), so a word at its start is a new word. For example
/// `runs_of_line("Hi yo", 7, true, false)` is one run "Hi yo\n" with bounds 7, 8, …, 13 and
/// word starts `[3]` (AccessKit takes a paragraph's start as a word start itself).
pub(super) fn runs_of_line(
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
            bounds: vec![start],
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

/// The runs published last, in text order: each node and its character bounds.
type Published = Vec<(NodeId, Vec<usize>)>;

/// Where code point `at` is among `runs` (in text order): in the run that holds it, or at the
/// end of the run that ends there when the next run does not start there (the end of what is
/// published, or a gap).
pub(super) fn position(runs: &Published, at: usize) -> Option<TextPosition> {
    runs.iter().enumerate().find_map(|(i, (node, bounds))| {
        let (&first, &last) = (bounds.first()?, bounds.last()?);
        let next_starts_here = runs
            .get(i + 1)
            .is_some_and(|(_, n)| n.first() == Some(&last));
        let inside = first <= at && (at < last || at == last && !next_starts_here);
        inside.then(|| TextPosition {
            node: *node,
            character_index: bounds.partition_point(|&b| b <= at).saturating_sub(1),
        })
    })
}

/// The code point at `p`, if it is in a published run.
pub(super) fn code_point(runs: &Published, p: &TextPosition) -> Option<usize> {
    let (_, bounds) = runs.iter().find(|(node, _)| *node == p.node)?;
    bounds.get(p.character_index).copied()
}

/// What the description says: "selected: Jens Stoltenberg; caret at code point 56", or
/// "caret at code point 56" for a caret alone; a long selection is quoted in part.
pub(super) fn describe(text: &ArticleText, sel: Selection) -> String {
    let span = sel.span();
    let caret = format!("caret at code point {}", sel.head);
    if span.is_empty() {
        return caret;
    }
    let n = span.end - span.start;
    let shown = text.slice(span.start..span.end.min(span.start + MAX_DESCRIBED_CHARS));
    let more = if n > MAX_DESCRIBED_CHARS {
        format!("… ({n} code points)")
    } else {
        String::new()
    };
    format!("selected: {shown}{more}; {caret}")
}

/// The selection an assistive tool asked for this frame (`SetTextSelection` on the article).
pub(super) fn requested_selection(ui: &egui::Ui, id: Id) -> Option<Selection> {
    let runs: Arc<Published> = ui.data(|d| d.get_temp(runs_key(id)))?;
    let wanted = ui.input(|i| {
        i.accesskit_action_requests(id, Action::SetTextSelection)
            .filter_map(|r| match &r.data {
                Some(ActionData::SetTextSelection(s)) => Some(*s),
                _ => None,
            })
            .last()
    })?;
    Some(Selection {
        anchor: code_point(&runs, &wanted.anchor)?,
        head: code_point(&runs, &wanted.focus)?,
    })
}

fn runs_key(id: Id) -> Id {
    id.with("accesskit runs")
}

/// Fills the article's node (`id`, placed at `origin`) for this frame: the text on screen as
/// its value, the text runs of the blocks to publish, the selection. Does nothing while no
/// assistive technology listens.
pub(super) fn publish(
    ui: &mut egui::Ui,
    layout: &mut Layout<'_>,
    id: Id,
    origin: Pos2,
    visible: Range<usize>,
    sel: Option<Selection>,
) {
    let doc = layout.doc;
    let painted = (!visible.is_empty()).then(|| {
        let b = &layout.blocks;
        Span::new(b.range(visible.start).start, b.range(visible.end - 1).end)
    });
    let listening = ui.ctx().accesskit_node_builder(id, |node| {
        node.add_action(Action::SetTextSelection);
        if let Some(span) = painted {
            node.set_value(doc.text.slice(span.start..span.end));
        }
        if let Some(s) = sel {
            node.set_description(describe(&doc.text, s));
        }
    });
    if listening.is_none() {
        return;
    }
    let wanted = blocks_to_publish(layout.blocks, visible, sel);
    for &b in &wanted {
        layout.ensure(ui, b);
    }
    layout.blocks.refresh_tops();
    let mut runs: Published = Vec::new();
    for &b in &wanted {
        publish_block(ui, layout, id, origin, b, &mut runs);
    }
    if let Some(s) = sel
        && let (Some(anchor), Some(focus)) = (position(&runs, s.anchor), position(&runs, s.head))
    {
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_text_selection(egui::accesskit::TextSelection { anchor, focus });
        });
    }
    ui.data_mut(|d| d.insert_temp(runs_key(id), Arc::new(runs)));
}

/// The blocks whose runs are published: those on screen, and those up to the selection's ends
/// (all of them while that is at most `MAX_EXTRA_CHARS` more text, else only the ends' own).
fn blocks_to_publish(blocks: &Blocks, visible: Range<usize>, sel: Option<Selection>) -> Vec<usize> {
    if blocks.len() == 0 || visible.is_empty() {
        return Vec::new();
    }
    let ends: Vec<usize> = sel
        .map(|s| vec![blocks.block_of(s.anchor), blocks.block_of(s.head)])
        .unwrap_or_default();
    let lo = ends.iter().copied().fold(visible.start, usize::min);
    let hi = ends.iter().map(|b| b + 1).fold(visible.end, usize::max);
    let chars = |r: Range<usize>| {
        if r.is_empty() {
            0
        } else {
            blocks.range(r.end - 1).end - blocks.range(r.start).start
        }
    };
    if chars(lo..visible.start.max(lo)) + chars(visible.end.min(hi)..hi) <= MAX_EXTRA_CHARS {
        return (lo..hi).collect();
    }
    let mut out: Vec<usize> = visible.chain(ends).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Publishes the runs of block `b` (laid out) as children of the article's node.
fn publish_block(
    ui: &mut egui::Ui,
    layout: &Layout<'_>,
    id: Id,
    origin: Pos2,
    b: usize,
    runs: &mut Published,
) {
    let Some(shaped) = layout.blocks.laid(b).map(|l| l.shaped.clone()) else {
        return;
    };
    let text = &layout.doc.text;
    let r = layout.blocks.range(b);
    let top = origin.y + layout.blocks.top(b);
    let newline = text.slice(r.end..r.end + 1) == "\n";
    let after_break = r.start == 0 || text.slice(r.start - 1..r.start) == "\n";
    let count = shaped.lines.len();
    for (li, line) in shaped.lines.iter().enumerate() {
        let (s, e) = (r.start + line.start, r.start + line.end);
        let continues = li > 0 || !after_break;
        let line_runs = runs_of_line(text.slice(s..e), s, newline && li + 1 == count, continues);
        let ltr = !line.rtl && line.glyphs.iter().all(|g| !g.rtl);
        for (k, run) in line_runs.into_iter().enumerate() {
            let RunText {
                value,
                lengths,
                bounds,
                word_starts,
            } = run;
            let run_id = id.with(("accesskit run", b, li, k));
            // Caret x at each character boundary: known for left-to-right lines only.
            let xs = if ltr {
                carets_x(line, &bounds, r.start)
            } else {
                Vec::new()
            };
            let (x0, x1) = match (xs.first(), xs.last()) {
                (Some(&a), Some(&z)) => (a, z),
                _ => extent(line),
            };
            let y0 = top + line.top;
            let rect = Rect::from_min_max(
                pos2(origin.x + x0, y0),
                pos2(origin.x + x1, y0 + line.height),
            );
            // Only a `Ui` can be given an accessibility parent: an empty one per run.
            drop(
                ui.new_child(
                    UiBuilder::new()
                        .scope_id(run_id)
                        .accessibility_parent(id)
                        .accessibility_role(Role::TextRun)
                        .max_rect(rect),
                ),
            );
            ui.ctx().accesskit_node_builder(run_id, |node| {
                node.set_role(Role::TextRun);
                node.set_text_direction(if line.rtl {
                    TextDirection::RightToLeft
                } else {
                    TextDirection::LeftToRight
                });
                node.set_bounds(egui::accesskit::Rect {
                    x0: rect.min.x.into(),
                    y0: rect.min.y.into(),
                    x1: rect.max.x.into(),
                    y1: rect.max.y.into(),
                });
                if ltr {
                    let positions = xs.iter().take(lengths.len()).map(|x| x - x0);
                    node.set_character_positions(positions.collect::<Vec<f32>>());
                    let widths = xs.windows(2).map(|w| match w {
                        [a, b] => b - a,
                        _ => 0.0,
                    });
                    node.set_character_widths(widths.collect::<Vec<f32>>());
                }
                node.set_value(value);
                node.set_character_lengths(lengths);
                node.set_word_starts(word_starts);
                if k > 0 {
                    let prev = id.with(("accesskit run", b, li, k - 1));
                    node.set_previous_on_line(prev.accesskit_id());
                }
            });
            if k > 0 {
                let prev = id.with(("accesskit run", b, li, k - 1));
                ui.ctx().accesskit_node_builder(prev, |node| {
                    node.set_next_on_line(run_id.accesskit_id());
                });
            }
            runs.push((run_id.accesskit_id(), bounds));
        }
    }
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

#[cfg(test)]
mod tests;
