//! Selecting article text across blocks: pointer drags, double- and triple-click, shift-click,
//! keyboard moves, select-all and copy.

use egui::{Event, Key, Modifiers, Response, Vec2};

use crate::model::annotation::Span;
use crate::model::text::ArticleText;

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

/// Updates the selection from the pointer: `hit` is the code point under the pointer now,
/// `press` the one where the primary button went down this frame (press, move and release
/// can all arrive in one frame). Returns true if the user pressed inside the article.
pub(super) fn pointer(
    sel: &mut Option<Selection>,
    ui: &egui::Ui,
    response: &Response,
    hit: Option<usize>,
    press: Option<usize>,
    text: &ArticleText,
    line: impl Fn(usize) -> Span,
) -> bool {
    let Some(at) = hit else { return false };
    let shift = ui.input(|i| i.modifiers.shift);
    if response.double_clicked() && !shift {
        let w = word_at(text, at);
        *sel = Some(Selection {
            anchor: w.start,
            head: w.end,
        });
    } else if response.triple_clicked() && !shift {
        let l = line(at);
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
/// for words), Home/End, Ctrl+A, Ctrl+C. Returns true if the head moved.
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
    Some(match key {
        Key::ArrowLeft if by_word => word_start_before(text, head),
        Key::ArrowRight if by_word => word_end_after(text, head),
        Key::ArrowLeft => head.saturating_sub(1),
        Key::ArrowRight => (head + 1).min(len),
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

fn is_word(text: &ArticleText, i: usize) -> bool {
    text.slice(i..i + 1)
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The word around code point `at` (or the single character there if it is not a word).
pub(super) fn word_at(text: &ArticleText, at: usize) -> Span {
    let len = text.len_chars();
    let at = if !is_word(text, at) && at > 0 && is_word(text, at - 1) {
        at - 1
    } else {
        at
    };
    if !is_word(text, at) {
        return Span::new(at, (at + 1).min(len));
    }
    let (mut start, mut end) = (at, at);
    while start > 0 && is_word(text, start - 1) {
        start -= 1;
    }
    while end < len && is_word(text, end) {
        end += 1;
    }
    Span::new(start, end)
}

fn word_start_before(text: &ArticleText, at: usize) -> usize {
    let mut i = at;
    while i > 0 && !is_word(text, i - 1) {
        i -= 1;
    }
    while i > 0 && is_word(text, i - 1) {
        i -= 1;
    }
    i
}

fn word_end_after(text: &ArticleText, at: usize) -> usize {
    let len = text.len_chars();
    let mut i = at;
    while i < len && !is_word(text, i) {
        i += 1;
    }
    while i < len && is_word(text, i) {
        i += 1;
    }
    i
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
    }
}
