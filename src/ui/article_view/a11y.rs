//! The article as AccessKit sees it, like a text field: the Document node "Article" holds the
//! whole article as text runs (AccessKit's unit of text: characters with their UTF-8 lengths,
//! positions and word starts), so a screen reader's offsets are the article's code points
//! wherever the view is scrolled, and reading goes on past the edge of the screen. The caret
//! and the selection are the node's text selection over those runs; an assistive tool can move
//! the caret or select (`SetTextSelection`), and the view scrolls to it.
//!
//! The blocks on screen (and those up to the selection's ends when near) get one run per
//! visual line, with each character's position; the rest of the article one run per paragraph
//! (cut every 255 characters and chained as one line), made once and kept. Annotations are
//! marks around their runs (`marks`). Nodes are built only while an assistive technology
//! listens.

mod marks;
mod runs;

use std::ops::Range;
use std::sync::Arc;

use egui::accesskit::{Action, ActionData, NodeId, Role, TextDirection, TextPosition};
use egui::{Id, Pos2, Rect, pos2};

use crate::model::annotation::Span;

use super::blocks::Blocks;
use super::layout::Layout;
use super::select::Selection;
pub(in crate::ui) use marks::{describe as describe_annotation, quote_speaker};
pub(super) use runs::RunText;
use runs::{Cache, Piece, carets_x, extent, runs_of_line};

/// At most this much text off screen is published line by line to keep the selection whole.
const MAX_EXTRA_CHARS: usize = 20_000;

/// The runs published last, in text order: each node, its run's character bounds and which
/// of them it holds.
type Published = Vec<(NodeId, Arc<[usize]>, Range<usize>)>;

/// The code points of published run `r`'s characters, and where the last one ends.
fn bounds_of(r: &(NodeId, Arc<[usize]>, Range<usize>)) -> &[usize] {
    r.1.get(r.2.start..=r.2.end).unwrap_or_default()
}

/// Where code point `at` is among `runs` (in text order): in the run that holds it, or at the
/// end of the run that ends there when the next run does not start there (the end of what is
/// published, or a gap).
pub(super) fn position(runs: &Published, at: usize) -> Option<TextPosition> {
    // The first run ending after `at`, or ending at it (an empty run, the end of the text).
    let first = runs.partition_point(|r| bounds_of(r).last().is_some_and(|&l| l < at));
    runs.iter().enumerate().skip(first).find_map(|(i, r)| {
        let bounds = bounds_of(r);
        let (&first, &last) = (bounds.first()?, bounds.last()?);
        let next_starts_here = runs
            .get(i + 1)
            .is_some_and(|n| bounds_of(n).first() == Some(&last));
        let inside = first <= at && (at < last || at == last && !next_starts_here);
        inside.then(|| TextPosition {
            node: r.0,
            character_index: bounds.partition_point(|&b| b <= at).saturating_sub(1),
        })
    })
}

/// The code point at `p`, if it is in a published run.
pub(super) fn code_point(runs: &Published, p: &TextPosition) -> Option<usize> {
    let r = runs.iter().find(|r| r.0 == p.node)?;
    bounds_of(r).get(p.character_index).copied()
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

/// One run to publish: its text, where it is drawn, which line it is on.
struct Laid<'a> {
    /// Made this frame (a line on screen), or kept (a paragraph off screen).
    run: std::borrow::Cow<'a, RunText>,
    rect: Rect,
    /// Caret x before each character and after the last, relative to the screen (left-to-right
    /// lines only).
    xs: Vec<f32>,
    rtl: bool,
    /// Runs with the same key are on one line (a paragraph off screen is one line).
    line: (usize, usize),
}

/// Fills the article's node (`id`, placed at `origin`) for this frame: the text on screen as
/// its value, the whole article as text runs inside marks, the selection. Does nothing while
/// no assistive technology listens.
pub(super) fn publish(
    ui: &mut egui::Ui,
    layout: &mut Layout<'_>,
    id: Id,
    (origin, visible): (Pos2, Range<usize>),
    sel: Option<Selection>,
    margin: &[super::margin::Drawn],
) {
    let doc = layout.doc;
    let painted = (!visible.is_empty()).then(|| {
        let b = &layout.blocks;
        Span::new(b.range(visible.start).start, b.range(visible.end - 1).end)
    });
    let ctx = ui.ctx().clone();
    let listening = ctx.accesskit_node_builder(id, |node| {
        node.add_action(Action::SetTextSelection);
        if let Some(span) = painted {
            node.set_value(doc.text.slice(span.start..span.end));
        }
        // Fixed: Orca reads a changed description aloud instead of the text at the caret.
        node.set_description(format!(
            "{} says the annotations under the caret",
            crate::ui::commands::UiCommand::WhatIsHere.shortcut_text()
        ));
    });
    if listening.is_none() {
        return;
    }
    let wanted = blocks_to_publish(layout.blocks, visible, sel);
    for &b in &wanted {
        layout.ensure(ui, b);
    }
    layout.blocks.refresh_tops();
    // Nodes made here have no parent in egui's map, so egui also lists them under the root:
    // they are taken off again below.
    let root = egui::accesskit_root_id();
    let root_children = ctx
        .accesskit_node_builder(root, |n| n.children().len())
        .unwrap_or_default();
    // The paragraph runs live in egui's memory between frames, taken out while in use.
    let cache_key = id.with("accesskit paragraph runs");
    let mut cache: Cache = ctx.data_mut(|d| std::mem::take(d.get_temp_mut_or_default(cache_key)));
    let mut tree = marks::Tree::new(id);
    let mut runs: Published = Vec::new();
    let mut previous: Option<(Id, (usize, usize))> = None;
    let mut wanted = wanted.into_iter().peekable();
    let session = &doc.session;
    for b in 0..layout.blocks.len() {
        let kept;
        let laid = if wanted.next_if_eq(&b).is_some() {
            runs_of_laid_block(layout, origin, b)
        } else {
            let top = origin.y + layout.blocks.top(b);
            let rect = Rect::from_min_size(
                pos2(origin.x, top),
                egui::vec2(layout.blocks.metrics.wrap, layout.blocks.height(b)),
            );
            kept = cache.runs(&doc.text, layout.blocks, b);
            kept.iter()
                .map(|run| Laid {
                    run: std::borrow::Cow::Borrowed(run),
                    rect,
                    xs: Vec::new(),
                    rtl: false,
                    line: (b, usize::MAX),
                })
                .collect()
        };
        for l in laid {
            let entries = layout.index.overlapping(l.run.start(), l.run.end());
            let mut cuts: Vec<usize> = entries.iter().flat_map(|e| [e.start, e.end]).collect();
            cuts.sort_unstable();
            cuts.dedup();
            for piece in l.run.pieces(&cuts) {
                let bounds = piece.bounds();
                let (start, end) = (
                    bounds.first().copied().unwrap_or_default(),
                    bounds.last().copied().unwrap_or_default(),
                );
                tree.enter(&marks::covering(&entries, start, end), start);
                let run_id = id.with(("accesskit run", start, end));
                let rect = publish_piece(&ctx, run_id, &l, &piece);
                tree.add(run_id.accesskit_id(), rect);
                if let Some((prev, line)) = previous
                    && line == l.line
                {
                    ctx.accesskit_node_builder(prev, |node| {
                        node.set_next_on_line(run_id.accesskit_id());
                    });
                    ctx.accesskit_node_builder(run_id, |node| {
                        node.set_previous_on_line(prev.accesskit_id());
                    });
                }
                previous = Some((run_id, l.line));
                runs.push((run_id.accesskit_id(), piece.bounds, piece.chars));
            }
        }
    }
    tree.finish();
    ctx.data_mut(|d| d.insert_temp(cache_key, cache));
    for mark in &tree.done {
        let description = marks::describe_span(session, &doc.text, mark.span);
        ctx.accesskit_node_builder(mark.id, |node| {
            node.set_role(Role::Mark);
            node.set_description(description);
            node.set_children(mark.children.clone());
            if mark.rect.is_positive() {
                node.set_bounds(ak_rect(mark.rect));
            }
        });
    }
    // The margin's labels and badges say what they stand for whole, and what it is.
    for d in margin {
        let Some(a) = session.annotations.get(d.annotation) else {
            continue;
        };
        let label_id = id.with(("accesskit margin", d.annotation));
        let description = marks::describe(session, &doc.text, a);
        ctx.accesskit_node_builder(label_id, |node| {
            node.set_role(Role::Label);
            node.set_value(d.full.as_str());
            node.set_description(description);
            node.set_bounds(ak_rect(d.rect));
        });
        tree.top.push(label_id.accesskit_id());
    }
    ctx.accesskit_node_builder(id, |node| {
        let mut children = node.children().to_vec();
        children.extend(tree.top.iter().copied());
        node.set_children(children);
    });
    ctx.accesskit_node_builder(root, |n| {
        let mut kept = n.children().to_vec();
        kept.truncate(root_children);
        n.set_children(kept);
    });
    if let Some(s) = sel
        && let (Some(anchor), Some(focus)) = (position(&runs, s.anchor), position(&runs, s.head))
    {
        ctx.accesskit_node_builder(id, |node| {
            node.set_text_selection(egui::accesskit::TextSelection { anchor, focus });
        });
    }
    ui.data_mut(|d| d.insert_temp(runs_key(id), Arc::new(runs)));
}

fn ak_rect(r: Rect) -> egui::accesskit::Rect {
    egui::accesskit::Rect {
        x0: r.min.x.into(),
        y0: r.min.y.into(),
        x1: r.max.x.into(),
        y1: r.max.y.into(),
    }
}

/// Publishes one piece of a run as a TextRun node; returns its rectangle.
fn publish_piece(ctx: &egui::Context, run_id: Id, l: &Laid<'_>, piece: &Piece<'_>) -> Rect {
    let xs = l.xs.get(piece.chars.start..=piece.chars.end);
    let rect = match xs.and_then(|xs| Some((xs.first()?, xs.last()?))) {
        Some((&x0, &x1)) => Rect::from_x_y_ranges(x0..=x1, l.rect.y_range()),
        None => l.rect,
    };
    ctx.accesskit_node_builder(run_id, |node| {
        node.set_role(Role::TextRun);
        node.set_text_direction(if l.rtl {
            TextDirection::RightToLeft
        } else {
            TextDirection::LeftToRight
        });
        node.set_bounds(ak_rect(rect));
        if let Some(xs) = xs {
            let x0 = rect.min.x;
            let positions = xs.iter().take(piece.lengths.len()).map(|x| x - x0);
            node.set_character_positions(positions.collect::<Vec<f32>>());
            let widths = xs.windows(2).map(|w| match w {
                [a, b] => b - a,
                _ => 0.0,
            });
            node.set_character_widths(widths.collect::<Vec<f32>>());
        }
        node.set_value(piece.value);
        node.set_character_lengths(piece.lengths);
        node.set_word_starts(piece.word_starts.as_slice());
    });
    rect
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

/// The runs of block `b` (laid out), one or more per visual line, placed on screen.
fn runs_of_laid_block(layout: &Layout<'_>, origin: Pos2, b: usize) -> Vec<Laid<'static>> {
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

#[cfg(test)]
mod tests;
