//! How a command is triggered from the keyboard, and how its keys are named.

use egui::{Key, KeyboardShortcut, Modifiers};

/// How a command is triggered from the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A chord such as Ctrl+S, or a function key: works even while a text field has the
    /// keyboard.
    Chord(KeyboardShortcut),
    /// A key (maybe with Shift) that types nothing useful in the article: only while no text
    /// field has the keyboard, so typing a "c" in a note does not create a claim.
    Key(Modifiers, Key),
    /// A key the article uses to move its text cursor (arrows, `?`): only while nothing at all
    /// has the keyboard.
    Nav(Key),
    /// A key that answers the question on screen ("who is this?", "this cue is taken"): only
    /// while one is open.
    Answer(Modifiers, Key),
}

impl Trigger {
    /// How specific the trigger is: more specific ones are matched first, because egui lets a
    /// chord without Shift also match with Shift held.
    pub(super) fn specificity(self) -> u8 {
        let mods = match self {
            Self::Chord(s) => s.modifiers,
            Self::Key(m, _) | Self::Answer(m, _) => m,
            Self::Nav(_) => Modifiers::NONE,
        };
        u8::from(mods.shift) + u8::from(mods.alt) + u8::from(mods.command || mods.ctrl)
    }

    /// The key as users read it ("Ctrl+S", "C", "Shift+Space"; "⌘S" on a Mac).
    pub fn text(self) -> String {
        match self {
            Self::Chord(s) => s.format(
                &egui::ModifierNames::NAMES,
                cfg!(any(target_os = "macos", target_os = "ios")),
            ),
            Self::Key(m, k) | Self::Answer(m, k) if m.shift => format!("Shift+{}", key_name(k)),
            Self::Key(_, k) | Self::Nav(k) | Self::Answer(_, k) => key_name(k).to_owned(),
        }
    }

    /// A name that tells two triggers apart (for the test that no key is taken twice): an
    /// answer key lives apart from the others, since it works only while a question is open.
    #[cfg(test)]
    pub(super) fn identity(self) -> (bool, Modifiers, Key) {
        match self {
            Self::Chord(s) => (false, s.modifiers, s.logical_key),
            Self::Key(m, k) => (false, m, k),
            Self::Nav(k) => (false, Modifiers::NONE, k),
            Self::Answer(m, k) => (true, m, k),
        }
    }
}

fn key_name(k: Key) -> &'static str {
    match k {
        Key::ArrowDown => "↓",
        Key::ArrowUp => "↑",
        Key::Questionmark => "?",
        Key::Plus => "+",
        Key::Equals => "=",
        Key::OpenBracket => "[",
        Key::CloseBracket => "]",
        Key::Backslash => "\\",
        Key::Period => ".",
        Key::Minus => "-",
        Key::PageDown => "Page Down",
        Key::PageUp => "Page Up",
        Key::Escape => "Esc",
        k => k.name(),
    }
}

pub(super) const fn cmd(k: Key) -> Trigger {
    Trigger::Chord(KeyboardShortcut::new(Modifiers::COMMAND, k))
}
pub(super) const fn cmd_shift(k: Key) -> Trigger {
    Trigger::Chord(KeyboardShortcut::new(
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        k,
    ))
}
/// A function key, alone or with Shift: works everywhere.
pub(super) const fn fkey(shift: bool, k: Key) -> Trigger {
    let mods = if shift {
        Modifiers::SHIFT
    } else {
        Modifiers::NONE
    };
    Trigger::Chord(KeyboardShortcut::new(mods, k))
}
pub(super) const fn key(k: Key) -> Trigger {
    Trigger::Key(Modifiers::NONE, k)
}
pub(super) const fn shift(k: Key) -> Trigger {
    Trigger::Key(Modifiers::SHIFT, k)
}
pub(super) const fn nav(k: Key) -> Trigger {
    Trigger::Nav(k)
}
/// A key that answers the open question.
pub(super) const fn answer(k: Key) -> Trigger {
    Trigger::Answer(Modifiers::NONE, k)
}
/// Shift and a key that answers the open question.
pub(super) const fn answer_shift(k: Key) -> Trigger {
    Trigger::Answer(Modifiers::SHIFT, k)
}
