//! The article as AccessKit sees it, like a text field: the Document node "Article" holds the
//! whole article as text runs (AccessKit's unit of text: characters with their UTF-8 lengths,
//! positions and word starts), so a screen reader's offsets are the article's code points
//! wherever the view is scrolled, and reading goes on past the edge of the screen. The caret
//! and the selection are the node's text selection over those runs; an assistive tool can move
//! the caret or select (`SetTextSelection`), and the view scrolls to it.
//!
//! The blocks on screen (and those up to the selection's ends when near) get one run per
//! visual line, with each character's position; the other blocks of their chunk and of the
//! chunks beside it one run per paragraph (cut every 255 characters and chained as one line),
//! made once and kept, with the annotations as marks around their runs (`marks`); the chunks
//! farther away one run each (`cache`), so a long article costs a few hundred nodes a frame.
//! Nodes are built only while an assistive technology listens.

mod cache;
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
use cache::Cache;
pub(in crate::ui) use marks::{describe as describe_annotation, quote_speaker};
use runs::{Laid, Piece, runs_of_laid_block};

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
    let session = &doc.session;
    let blocks = &*layout.blocks;
    let chunks = cache.chunks(&doc.text, blocks);
    // Chunks near the view (those holding a laid block, and their neighbours) are published
    // block by block with their marks; the others as one run each.
    let mut near = vec![false; chunks.len()];
    for &b in &wanted {
        let k = chunks.partition_point(|c| c.end <= b);
        for n in k.saturating_sub(1)..=k + 1 {
            if let Some(x) = near.get_mut(n) {
                *x = true;
            }
        }
    }
    let mut wanted = wanted.into_iter().peekable();
    for (k, chunk) in chunks.iter().enumerate() {
        let coarse;
        let mut kept = Vec::new();
        let mut laid: Vec<Laid<'_>> = Vec::new();
        if near.get(k).copied().unwrap_or(false) {
            for b in chunk.clone() {
                if wanted.next_if_eq(&b).is_some() {
                    laid.extend(runs_of_laid_block(layout, origin, b));
                } else {
                    kept.push((b, cache.runs(&doc.text, blocks, b)));
                }
            }
        } else {
            coarse = cache.coarse(&doc.text, blocks, k);
            let (first, last) = (chunk.start, chunk.end.saturating_sub(1));
            let top = origin.y + blocks.top(first);
            let bottom = origin.y + blocks.top(last) + blocks.height(last);
            laid.push(Laid {
                run: std::borrow::Cow::Borrowed(&*coarse),
                rect: Rect::from_x_y_ranges(
                    origin.x..=origin.x + blocks.metrics.wrap,
                    top..=bottom,
                ),
                xs: Vec::new(),
                rtl: false,
                line: (first, usize::MAX - 1),
            });
        }
        for (b, runs) in &kept {
            let rect = Rect::from_min_size(
                pos2(origin.x, origin.y + blocks.top(*b)),
                egui::vec2(blocks.metrics.wrap, blocks.height(*b)),
            );
            laid.extend(runs.iter().map(|run| Laid {
                run: std::borrow::Cow::Borrowed(run),
                rect,
                xs: Vec::new(),
                rtl: false,
                line: (*b, usize::MAX),
            }));
        }
        laid.sort_by_key(|l| l.run.start());
        let marked = near.get(k).copied().unwrap_or(false);
        for l in laid {
            let entries = if marked {
                layout.index.overlapping(l.run.start(), l.run.end())
            } else {
                Vec::new()
            };
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

#[cfg(test)]
mod tests;
