//! The command table: every user action with its menu text, tooltip and shortcut, so the menus,
//! the keyboard handling and the help overlay never disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A user action that needs no argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// Open an article or session.
    Open,
    /// Save the session.
    Save,
    /// Save the session under a new name.
    SaveAs,
    /// Close the window.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Mark the selection as a claim.
    MarkClaim,
    /// Mark the selection as a quote of the current speaker.
    MarkQuote,
    /// Mark the selection as a mention of a speaker.
    MarkMention,
    /// Delete the selected annotation.
    DeleteAnnotation,
    /// Select the next annotation in the text.
    NextAnnotation,
    /// Select the previous annotation in the text.
    PrevAnnotation,
    /// Clear the selection and the selected annotation.
    ClearSelection,
    /// Larger article text.
    ZoomIn,
    /// Smaller article text.
    ZoomOut,
    /// Switch between dark and light theme.
    ToggleTheme,
    /// Show the list of commands and keys.
    Help,
    /// Search the article.
    Find,
    /// Select the next search match.
    FindNext,
    /// Select the previous search match.
    FindPrevious,
    /// Sticky mode: each new selection gets the last kind at once.
    ToggleSticky,
    /// Edit where the article and the fact-check are published.
    Publication,
    /// Scroll the article down by a screen (also Space).
    PageDown,
    /// Scroll the article up by a screen (also Shift+Space).
    PageUp,
    /// Scroll to the start of the article.
    ScrollTop,
    /// Scroll to the end of the article.
    ScrollBottom,
    /// Make the selected text the cue of the quote being edited.
    SetCue,
    /// Add the selected text as a further part of the quote being edited.
    AddQuotePart,
    /// Find quotes, cues, sources and mentions offline and list them as suggestions.
    Suggest,
    /// Accept the first suggestion as ordinary annotations.
    AcceptSuggestion,
    /// Reject the first suggestion.
    RejectSuggestion,
}

/// How a command is triggered from the keyboard.
#[derive(Clone, Copy, Debug)]
pub enum Trigger {
    /// A chord such as Ctrl+S; works everywhere.
    Chord(KeyboardShortcut),
    /// A single key; only when no text field has the keyboard.
    Single(Key),
}

impl UiCommand {
    /// Every command, in help-overlay order.
    pub const ALL: [Self; 31] = [
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::MarkClaim,
        Self::MarkQuote,
        Self::MarkMention,
        Self::DeleteAnnotation,
        Self::NextAnnotation,
        Self::PrevAnnotation,
        Self::ClearSelection,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ToggleTheme,
        Self::Help,
        Self::Find,
        Self::FindNext,
        Self::FindPrevious,
        Self::ToggleSticky,
        Self::Publication,
        Self::PageDown,
        Self::PageUp,
        Self::ScrollTop,
        Self::ScrollBottom,
        Self::SetCue,
        Self::AddQuotePart,
        Self::Suggest,
        Self::AcceptSuggestion,
        Self::RejectSuggestion,
    ];

    /// Menu text.
    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save As…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::MarkClaim => "Claim",
            Self::MarkQuote => "Quote",
            Self::MarkMention => "Mention",
            Self::DeleteAnnotation => "Delete annotation",
            Self::NextAnnotation => "Next annotation",
            Self::PrevAnnotation => "Previous annotation",
            Self::ClearSelection => "Clear selection",
            Self::ZoomIn => "Larger text",
            Self::ZoomOut => "Smaller text",
            Self::ToggleTheme => "Dark / light theme",
            Self::Help => "Keyboard shortcuts",
            Self::Find => "Find…",
            Self::FindNext => "Find next",
            Self::FindPrevious => "Find previous",
            Self::ToggleSticky => "Sticky mode",
            Self::Publication => "Publication details…",
            Self::PageDown => "Page down",
            Self::PageUp => "Page up",
            Self::ScrollTop => "Start of the article",
            Self::ScrollBottom => "End of the article",
            Self::SetCue => "Cue of the quote",
            Self::AddQuotePart => "Further part of the quote",
            Self::Suggest => "Suggest quotes and mentions",
            Self::AcceptSuggestion => "Accept suggestion",
            Self::RejectSuggestion => "Reject suggestion",
        }
    }

    /// Tooltip text.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::Open => "Open an article (.txt) or a session (.ron)",
            Self::Save => "Save the session as RON (first time: saves/<article>.ron)",
            Self::SaveAs => "Save the session to a file you choose",
            Self::Quit => "Close newsmark (asks about unsaved changes)",
            Self::Undo => "Undo the last change to the annotations or speakers",
            Self::Redo => "Redo the last undone change",
            Self::MarkClaim => "Mark the selected text as a checkable claim",
            Self::MarkQuote => "Mark the selected text as a quote of the current speaker",
            Self::MarkMention => {
                "Mark the selected text as a mention of a speaker (a new speaker if none is current); the text becomes an alias"
            }
            Self::DeleteAnnotation => "Delete the selected annotation",
            Self::NextAnnotation => "Select the next annotation in reading order",
            Self::PrevAnnotation => "Select the previous annotation in reading order",
            Self::ClearSelection => "Clear the text selection and the selected annotation",
            Self::ZoomIn => "Make the article text larger",
            Self::ZoomOut => "Make the article text smaller",
            Self::ToggleTheme => "Switch between the dark and the light theme",
            Self::Help => "Show every command and its key",
            Self::Find => "Search the article (case-insensitive); Enter selects the first match",
            Self::FindNext => "Select the next match, ready to annotate with one key",
            Self::FindPrevious => "Select the previous match",
            Self::ToggleSticky => {
                "While on, every new selection is marked at once with the kind used last"
            }
            Self::Publication => {
                "Article URL, outlet, date, reviewer and review URL: what ClaimReview and W3C exports publish"
            }
            Self::PageDown => "Scroll the article down by a screen (Space does the same)",
            Self::PageUp => "Scroll the article up by a screen (Shift+Space does the same)",
            Self::ScrollTop => "Scroll to the start of the article",
            Self::ScrollBottom => "Scroll to the end of the article",
            Self::SetCue => {
                "Make the selected text (\"said\") the cue of the quote last selected, which stays selected"
            }
            Self::AddQuotePart => {
                "Add the selected text as a further part of the quote last selected (a quote split around its cue)"
            }
            Self::Suggest => {
                "Find quotes (with cue and source) and mentions of known speakers offline; they are underlined in grey until accepted"
            }
            Self::AcceptSuggestion => {
                "Make the first suggestion ordinary annotations (one undo step)"
            }
            Self::RejectSuggestion => "Drop the first suggestion; it does not come back",
        }
    }

    /// The key that triggers it.
    pub fn trigger(self) -> Option<Trigger> {
        use Trigger::{Chord, Single};
        let cmd = |k| Some(Chord(KeyboardShortcut::new(Modifiers::COMMAND, k)));
        match self {
            Self::Open => cmd(Key::O),
            Self::Save => cmd(Key::S),
            Self::SaveAs => Some(Chord(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::S,
            ))),
            Self::Quit => cmd(Key::Q),
            Self::Undo => cmd(Key::Z),
            Self::Redo => cmd(Key::Y),
            Self::MarkClaim => Some(Single(Key::C)),
            Self::MarkQuote => Some(Single(Key::Q)),
            Self::MarkMention => Some(Single(Key::M)),
            Self::DeleteAnnotation => Some(Single(Key::Delete)),
            Self::NextAnnotation => Some(Single(Key::N)),
            Self::PrevAnnotation => Some(Single(Key::P)),
            Self::ClearSelection => Some(Single(Key::Escape)),
            Self::ZoomIn => cmd(Key::Plus),
            Self::ZoomOut => cmd(Key::Minus),
            Self::ToggleTheme => None,
            Self::Help => Some(Single(Key::F1)),
            Self::Find => cmd(Key::F),
            Self::FindNext => Some(Single(Key::F3)),
            Self::FindPrevious => Some(Chord(KeyboardShortcut::new(Modifiers::SHIFT, Key::F3))),
            Self::ToggleSticky => Some(Single(Key::S)),
            Self::Publication => None,
            Self::PageDown => Some(Single(Key::PageDown)),
            Self::PageUp => Some(Single(Key::PageUp)),
            Self::ScrollTop => cmd(Key::Home),
            Self::ScrollBottom => cmd(Key::End),
            Self::SetCue => Some(Single(Key::U)),
            Self::AddQuotePart => Some(Single(Key::Plus)),
            Self::Suggest => Some(Single(Key::G)),
            Self::AcceptSuggestion => Some(Single(Key::A)),
            Self::RejectSuggestion => Some(Single(Key::X)),
        }
    }

    /// The tooltip with the key in brackets, from the table: "Undo the last change… (Ctrl+Z)".
    pub fn hover_text(self, ctx: &egui::Context) -> String {
        match self.shortcut_text(ctx) {
            k if k.is_empty() => self.tooltip().to_owned(),
            k => format!("{} ({k})", self.tooltip()),
        }
    }

    /// The key as users read it ("Ctrl+S", "C").
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        match self.trigger() {
            Some(Trigger::Chord(s)) => ctx.format_shortcut(&s),
            Some(Trigger::Single(k)) => k.name().to_owned(),
            None => String::new(),
        }
    }
}

/// Extra chords that do the same as a command (Ctrl+Shift+Z for Redo).
pub fn alias_chords() -> [(KeyboardShortcut, UiCommand); 1] {
    [(
        KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
        UiCommand::Redo,
    )]
}

/// Extra single keys: ↓/↑ step through annotations, ? opens the help (only while the article
/// does not have the keyboard, where arrows move the text cursor).
pub const ALIAS_KEYS: [(Key, UiCommand); 3] = [
    (Key::ArrowDown, UiCommand::NextAnnotation),
    (Key::ArrowUp, UiCommand::PrevAnnotation),
    (Key::Questionmark, UiCommand::Help),
];

/// Commands whose keys were pressed this frame. `single_keys` is false while a text field has
/// the keyboard, so typing a "c" in a note does not create a claim; `alias_keys` (arrows) only
/// when nothing has the keyboard.
pub fn pressed(ctx: &egui::Context, single_keys: bool, alias_keys: bool) -> Vec<UiCommand> {
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        // Longer chords first, so Ctrl+Shift+S is not taken as Ctrl+S.
        for (chord, cmd) in alias_chords() {
            if i.consume_shortcut(&chord) {
                out.push(cmd);
            }
        }
        let mut chords: Vec<(KeyboardShortcut, UiCommand)> = UiCommand::ALL
            .iter()
            .filter_map(|&c| match c.trigger() {
                Some(Trigger::Chord(s)) => Some((s, c)),
                _ => None,
            })
            .collect();
        chords.sort_by_key(|(s, _)| std::cmp::Reverse(s.modifiers.shift));
        for (s, c) in chords {
            if i.consume_shortcut(&s) {
                out.push(c);
            }
        }
        if single_keys && i.modifiers.is_none() {
            for c in UiCommand::ALL {
                if let Some(Trigger::Single(k)) = c.trigger()
                    && i.consume_key(Modifiers::NONE, k)
                {
                    out.push(c);
                }
            }
        }
        if single_keys {
            // Space pages like in a browser (not while a text field has the keyboard). Shift
            // first: a plain-Space match would also take Shift+Space.
            if i.consume_key(Modifiers::SHIFT, Key::Space) {
                out.push(UiCommand::PageUp);
            }
            if i.consume_key(Modifiers::NONE, Key::Space) {
                out.push(UiCommand::PageDown);
            }
            // "+" is Shift+= on many keyboards: take it with or without Shift, and "=" too.
            if i.consume_key(Modifiers::SHIFT, Key::Plus)
                || i.consume_key(Modifiers::NONE, Key::Equals)
            {
                out.push(UiCommand::AddQuotePart);
            }
        }
        if single_keys && alias_keys {
            for (k, c) in ALIAS_KEYS {
                if i.consume_key(Modifiers::NONE, k) || i.consume_key(Modifiers::SHIFT, k) {
                    out.push(c);
                }
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two commands on one key would make one of them unreachable.
    #[test]
    fn no_two_commands_share_a_key() {
        let mut seen: Vec<(String, UiCommand)> = Vec::new();
        for c in UiCommand::ALL {
            let key = match c.trigger() {
                Some(Trigger::Chord(s)) => format!("{:?}+{:?}", s.modifiers, s.logical_key),
                Some(Trigger::Single(k)) => format!("{k:?}"),
                None => continue,
            };
            if let Some((_, other)) = seen.iter().find(|(k, _)| *k == key) {
                panic!("{c:?} and {other:?} share {key}");
            }
            seen.push((key, c));
        }
        for (k, c) in ALIAS_KEYS {
            assert!(
                !seen.iter().any(|(s, _)| *s == format!("{k:?}")),
                "alias {k:?} of {c:?} is a command's key"
            );
        }
    }
}
