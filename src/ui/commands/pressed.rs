//! Which commands' keys were pressed in a frame, given what has the keyboard.

use egui::Modifiers;

use super::{Trigger, UiCommand};

/// Which keys may trigger commands in this frame.
#[derive(Clone, Copy, Debug)]
pub struct Focus {
    /// No dialog is open and no text field has the keyboard (the article may).
    pub single_keys: bool,
    /// Nothing has the keyboard at all (the article uses arrows for its cursor).
    pub nothing_focused: bool,
    /// A question is open ("who is this?", "this cue is taken"): its answer keys work.
    pub answering: bool,
}

/// Commands whose keys were pressed this frame (each key press taken once).
pub fn pressed(ctx: &egui::Context, focus: Focus) -> Vec<UiCommand> {
    let mut live: Vec<(Trigger, UiCommand)> = UiCommand::ALL
        .iter()
        .flat_map(|&c| c.triggers().iter().map(move |&t| (t, c)))
        .filter(|(t, _)| match t {
            Trigger::Chord(_) => true,
            Trigger::Key(..) => focus.single_keys,
            Trigger::Nav(_) => focus.single_keys && focus.nothing_focused,
            Trigger::Answer(..) => focus.answering,
        })
        .collect();
    // Most specific first, so Ctrl+Shift+S is not taken as Ctrl+S, nor Shift+Space as Space.
    live.sort_by_key(|(t, _)| std::cmp::Reverse(t.specificity()));
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        // A single key never fires with Ctrl, Alt or Cmd held (Ctrl+A selects all).
        let plain = !(i.modifiers.command || i.modifiers.ctrl || i.modifiers.alt);
        for (t, c) in live {
            let hit = match t {
                Trigger::Chord(s) => i.consume_shortcut(&s),
                Trigger::Key(m, k) | Trigger::Answer(m, k) => plain && i.consume_key(m, k),
                Trigger::Nav(k) => plain && i.consume_key(Modifiers::NONE, k),
            };
            if hit && !out.contains(&c) {
                out.push(c);
            }
        }
    });
    out
}
