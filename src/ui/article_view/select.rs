//! Selecting article text across blocks: pointer drags, double- and triple-click, shift-click,
//! keyboard moves, select-all and copy.

use egui::{Event, Key, Modifiers, Response, Vec2};
use unicode_segmentation::UnicodeSegmentation;

use crate::model::annotation::Span;
use crate::model::text::ArticleText;
use crate::ui::text_engine::script;

use super::layout::Layout;

/// The text selection in code points: where it started (`anchor`) and where it ends (`head`,
/// which moves with the pointer or the arrow keys). Empty when both are equal (a caret).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Selection {
    /// The fixed end.
    pub anchor: usize,
    /// The moving end.
    pub head: usize,
}

impl Selection {
    /// A caret at `at`.
    pub fn caret(at: usize) -> Self {
        Self {
            anchor: at,
            head: at,
        }
    }

    /// The selected range, ordered.
    pub fn span(self) -> Span {
        Span::new(self.anchor, self.head)
    }
}

/// Updates the selection from the pointer: `hit` is the caret boundary nearest the pointer
/// now and the code point of the glyph drawn under it (words and lines are found from that),
/// `press` the one where the primary button went down this frame (press, move and release
/// can all arrive in one frame). Returns true if the user pressed inside the article.
pub(super) fn pointer(
    sel: &mut Option<Selection>,
    ui: &egui::Ui,
    response: &Response,
    hit: Option<(usize, usize)>,
    press: Option<usize>,
    text: &ArticleText,
    line: impl Fn(usize) -> Span,
) -> bool {
    let Some((at, under)) = hit else {
        return false;
    };
    let shift = ui.input(|i| i.modifiers.shift);
    if response.double_clicked() && !shift {
        let w = word_at(text, under);
        *sel = Some(Selection {
            anchor: w.start,
            head: w.end,
        });
    } else if response.triple_clicked() && !shift {
        let l = line(under);
        *sel = Some(Selection {
            anchor: l.start,
            head: l.end,
        });
    } else if let Some(from) =
        press.filter(|_| response.hovered() || response.is_pointer_button_down_on())
    {
        *sel = match (*sel, shift) {
            (Some(s), true) => Some(Selection { head: at, ..s }),
            _ => Some(Selection {
                anchor: from,
                head: at,
            }),
        };
        return true;
    } else if (response.dragged() || response.drag_stopped())
        && let Some(s) = sel
    {
        s.head = at;
    }
    false
}

/// Handles keys while the article has the keyboard: arrows (with Shift to extend, Ctrl/Alt
/// for words; by grapheme cluster; mirrored in right-to-left paragraphs), Home/End, Ctrl+A,
/// Ctrl+C. Returns true if the head moved.
pub(super) fn keyboard(
    sel: &mut Option<Selection>,
    ui: &egui::Ui,
    layout: &mut Layout<'_>,
) -> bool {
    let filter = egui::EventFilter {
        horizontal_arrows: true,
        vertical_arrows: true,
        tab: false,
        escape: false,
    };
    let events = ui.input(|i| i.filtered_events(&filter));
    let text = &layout.doc.text;
    let len = text.len_chars();
    let mut moved = false;
    for event in events {
        match event {
            Event::Copy | Event::Cut => copy(ui, *sel, text),
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => {
                if modifiers.command && key == Key::C {
                    copy(ui, *sel, text);
                } else if modifiers.command && key == Key::A {
                    *sel = Some(Selection {
                        anchor: 0,
                        head: len,
                    });
                } else if let Some(head) = sel.map(|s| s.head)
                    && let Some(to) = step(layout, ui, key, modifiers, head)
                {
                    *sel = match (*sel, modifiers.shift) {
                        (Some(s), true) => Some(Selection { head: to, ..s }),
                        _ => Some(Selection::caret(to)),
                    };
                    moved = true;
                }
            }
            _ => {}
        }
    }
    moved
}

/// Where `key` moves a caret at `head`, if it is a movement key.
fn step(
    layout: &mut Layout<'_>,
    ui: &egui::Ui,
    key: Key,
    modifiers: Modifiers,
    head: usize,
) -> Option<usize> {
    let text = &layout.doc.text;
    let len = text.len_chars();
    let by_word = modifiers.alt || modifiers.command;
    let row = layout.look.row_height();
    // In a right-to-left paragraph the arrows and Home/End go the way they point on screen:
    // Left moves forward in the text.
    let key = match (key, layout.is_rtl(ui, head)) {
        (Key::ArrowLeft, true) => Key::ArrowRight,
        (Key::ArrowRight, true) => Key::ArrowLeft,
        (Key::Home, true) if !modifiers.command => Key::End,
        (Key::End, true) if !modifiers.command => Key::Home,
        (k, _) => k,
    };
    Some(match key {
        Key::ArrowLeft if by_word => word_start_before(text, head),
        Key::ArrowRight if by_word => word_end_after(text, head),
        Key::ArrowLeft => prev_grapheme(text, head),
        Key::ArrowRight => next_grapheme(text, head).min(len),
        Key::Home if modifiers.command => 0,
        Key::End if modifiers.command => len,
        Key::ArrowUp | Key::ArrowDown | Key::Home | Key::End => {
            let r = layout.cursor_rect(ui, head);
            let (dx, dy) = match key {
                Key::ArrowUp => (0.0, -row),
                Key::ArrowDown => (0.0, row),
                Key::Home => (-1e6, 0.0),
                _ => (1e6, 0.0),
            };
            layout.hit(ui, r.center().to_vec2() + Vec2::new(dx, dy))
        }
        _ => return None,
    })
}

fn copy(ui: &egui::Ui, sel: Option<Selection>, text: &ArticleText) {
    if let Some(s) = sel.map(Selection::span).filter(|s| !s.is_empty()) {
        ui.ctx().copy_text(text.slice(s.start..s.end).to_owned());
    }
}

/// Code points either side of a position that word and grapheme look-ups read.
const WINDOW: usize = 256;

/// The UAX #29 word segments around `at` (absolute code points), with whether each is a
/// word (holds a letter or digit) rather than spaces or punctuation.
fn segments(text: &ArticleText, at: usize) -> Vec<(usize, usize, bool)> {
    let len = text.len_chars();
    let from = at.saturating_sub(WINDOW);
    let to = (at + WINDOW).min(len);
    let mut pos = from;
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    let mut last_unspaced = false;
    for w in text.slice(from..to).split_word_bounds() {
        let n = w.chars().count();
        let unspaced = w.chars().next().is_some_and(script::unspaced);
        match out.last_mut() {
            Some(prev) if unspaced && last_unspaced => prev.1 = pos + n,
            _ => out.push((pos, pos + n, w.chars().any(char::is_alphanumeric))),
        }
        last_unspaced = unspaced;
        pos += n;
    }
    out
}

/// The grapheme cluster holding code point `at`, or the last one if `at` is the end.
fn grapheme_at(text: &ArticleText, at: usize) -> Span {
    let from = at.saturating_sub(WINDOW);
    let to = (at + WINDOW).min(text.len_chars());
    let mut pos = from;
    for g in text.slice(from..to).graphemes(true) {
        let n = g.chars().count();
        if at < pos + n {
            return Span::new(pos, pos + n);
        }
        pos += n;
    }
    Span::new(at, at)
}

/// The caret position one grapheme cluster after `at`.
fn next_grapheme(text: &ArticleText, at: usize) -> usize {
    grapheme_at(text, at).end.max(at)
}

/// The caret position one grapheme cluster before `at`.
fn prev_grapheme(text: &ArticleText, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    grapheme_at(text, at - 1).start
}

/// The word around code point `at` (UAX #29, so combining marks, conjuncts and joined emoji
/// stay whole), or the grapheme cluster there if it is not in a word.
pub(super) fn word_at(text: &ArticleText, at: usize) -> Span {
    let segs = segments(text, at);
    let here = segs.iter().find(|s| s.0 <= at && at < s.1);
    if let Some(&(s, e, true)) = here {
        return Span::new(s, e);
    }
    if let Some(&(s, e, true)) = segs.iter().find(|s| s.1 == at) {
        return Span::new(s, e);
    }
    grapheme_at(text, at)
}

fn word_start_before(text: &ArticleText, at: usize) -> usize {
    segments(text, at)
        .into_iter()
        .filter(|s| s.2 && s.0 < at)
        .map(|s| s.0)
        .next_back()
        .unwrap_or(0)
}

fn word_end_after(text: &ArticleText, at: usize) -> usize {
    segments(text, at)
        .into_iter()
        .find(|s| s.2 && s.1 > at)
        .map_or(text.len_chars(), |s| s.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_around_a_position() {
        let t = ArticleText::new("Jens Stoltenberg, “said”".into());
        assert_eq!(word_at(&t, 7), Span::new(5, 16));
        assert_eq!(word_at(&t, 16), Span::new(5, 16), "just after a word");
        assert_eq!(word_at(&t, 18), Span::new(18, 19), "a quote mark alone");
        assert_eq!(word_start_before(&t, 16), 5);
        assert_eq!(word_end_after(&t, 16), 23);

        // A combining accent, a Devanagari conjunct and a ZWJ family stay whole.
        let t = ArticleText::new("cafe\u{301} क्षत्रिय 👨\u{200d}👩\u{200d}👧!".into());
        assert_eq!(word_at(&t, 1), Span::new(0, 5));
        assert_eq!(word_at(&t, 7), Span::new(6, 14));
        assert_eq!(word_at(&t, 16), Span::new(15, 20));
        assert_eq!(next_grapheme(&t, 15), 20);
        assert_eq!(prev_grapheme(&t, 20), 15);
        assert_eq!(prev_grapheme(&t, 5), 3);
        // Thai has no spaces: a run of it is one word.
        let t = ArticleText::new("ok การเจรจา ok".into());
        assert_eq!(word_at(&t, 5), Span::new(3, 11));
    }
}
