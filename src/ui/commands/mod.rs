//! The command table: every user action with its menu text, tooltip and keys, so the menus,
//! the keyboard handling, the tooltips and the help overlay never disagree. The enum, the list
//! of all commands and their texts and keys are generated from one table below.

use egui::{Key, KeyboardShortcut, Modifiers};

mod pressed;
mod trigger;
pub use pressed::{Focus, pressed};
pub use trigger::Trigger;
use trigger::{answer, answer_shift, cmd, cmd_shift, fkey, key, nav, shift};

/// Declares `UiCommand`, `UiCommand::ALL`, and each command's label, tooltip and keys from
/// one table, so nothing is listed twice.
macro_rules! command_table {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident => $label:literal, $tip:literal, [$($key:expr),* $(,)?];
    )*) => {
        /// A user action that needs no argument.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum UiCommand {
            $( $(#[doc = $doc])* $name, )*
        }

        impl UiCommand {
            /// Every command, in help-overlay order.
            pub const ALL: &'static [UiCommand] = &[$(UiCommand::$name),*];

            /// Menu text (and the help overlay's first column).
            pub fn label(self) -> &'static str {
                match self { $(Self::$name => $label,)* }
            }

            /// Tooltip text, without the keys.
            pub fn tooltip(self) -> &'static str {
                match self { $(Self::$name => $tip,)* }
            }

            /// Every key that triggers it; the first is the one menus show.
            pub fn triggers(self) -> &'static [Trigger] {
                match self { $(Self::$name => { const KEYS: &[Trigger] = &[$($key),*]; KEYS })* }
            }
        }
    };
}

command_table! {
    /// Open an article or session.
    Open => "Open…",
        "Open an article (.txt, .md), a saved web page (.html) or a session (.ron)",
        [cmd(Key::O)];
    /// Make a new article from the clipboard.
    PasteArticle => "New Article from Clipboard…",
        "Make a new article from what you copied (its HTML when there is some), asking for its URL",
        [cmd_shift(Key::V)];
    /// Open a folder of articles as a project.
    OpenFolder => "Open Folder…",
        "Open a folder of articles as a project: a document list, Done marks, one session per \
         article and annotator in the folder's .newsmark/",
        [cmd_shift(Key::O)];
    /// The project's next article in the list.
    NextDocument => "Next article",
        "Save this article's session and open the next one of the project's list",
        [Trigger::Chord(KeyboardShortcut::new(Modifiers::COMMAND, Key::PageDown))];
    /// The project's previous article in the list.
    PrevDocument => "Previous article",
        "Save this article's session and open the previous one of the project's list",
        [Trigger::Chord(KeyboardShortcut::new(Modifiers::COMMAND, Key::PageUp))];
    /// Mark the open article of the project done (or not).
    ToggleDone => "Done", "Mark this article of the project done, or in progress again",
        [cmd(Key::D)];
    /// Save the session.
    Save => "Save", "Save the session as RON", [cmd(Key::S)];
    /// Save the session under a new name.
    SaveAs => "Save As…", "Save the session to a file you choose", [cmd_shift(Key::S)];
    /// Close the window.
    Quit => "Quit", "Close newsmark (asks about unsaved changes)", [cmd(Key::Q)];
    /// Undo the last change.
    Undo => "Undo", "Undo the last change to the annotations or speakers", [cmd(Key::Z)];
    /// Redo the last undone change.
    Redo => "Redo", "Redo the last undone change", [cmd(Key::Y), cmd_shift(Key::Z)];
    /// Mark the selection as a claim.
    MarkClaim => "Claim", "Mark the selected text as a checkable claim", [key(Key::C)];
    /// Mark the selection as a quote of the current speaker.
    MarkQuote => "Quote", "Mark the selected text as a quote of the current speaker", [key(Key::Q)];
    /// Mark the selection as a mention of a speaker.
    MarkMention => "Mention",
        "Mark the selected text as a mention of the current speaker (asks who it is when the \
         name is new)",
        [key(Key::M)];
    /// Delete the selected annotation.
    DeleteAnnotation => "Delete annotation", "Delete the selected annotation", [key(Key::Delete)];
    /// Select the next annotation in the text.
    NextAnnotation => "Next annotation", "Select the next annotation in reading order",
        [key(Key::N), nav(Key::ArrowDown)];
    /// Select the previous annotation in the text.
    PrevAnnotation => "Previous annotation", "Select the previous annotation in reading order",
        [key(Key::P), nav(Key::ArrowUp)];
    /// Clear the selection, or close the window on top.
    ClearSelection => "Clear selection",
        "Close the window on top, or clear the text selection and the selected annotation",
        [key(Key::Escape)];
    /// Make the n-th speaker current (1 … 9), or none (0).
    Speaker1 => "Current speaker",
        "Make the n-th speaker of the registry current for new quotes and claims (0: none)",
        [key(Key::Num1)];
    /// The second speaker.
    Speaker2 => "Current speaker", "", [key(Key::Num2)];
    /// The third speaker.
    Speaker3 => "Current speaker", "", [key(Key::Num3)];
    /// The fourth speaker.
    Speaker4 => "Current speaker", "", [key(Key::Num4)];
    /// The fifth speaker.
    Speaker5 => "Current speaker", "", [key(Key::Num5)];
    /// The sixth speaker.
    Speaker6 => "Current speaker", "", [key(Key::Num6)];
    /// The seventh speaker.
    Speaker7 => "Current speaker", "", [key(Key::Num7)];
    /// The eighth speaker.
    Speaker8 => "Current speaker", "", [key(Key::Num8)];
    /// The ninth speaker.
    Speaker9 => "Current speaker", "", [key(Key::Num9)];
    /// No current speaker.
    NoSpeaker => "Current speaker", "", [key(Key::Num0)];
    /// Larger article text.
    ZoomIn => "Larger text", "Make the article text larger", [cmd(Key::Plus), cmd(Key::Equals)];
    /// Smaller article text.
    ZoomOut => "Smaller text", "Make the article text smaller", [cmd(Key::Minus)];
    /// Switch between dark and light theme.
    ToggleTheme => "Dark / light theme", "Switch between the dark and the light theme", [];
    /// Show the list of commands and keys.
    Help => "Keyboard shortcuts", "Show every command and its key",
        [fkey(false, Key::F1), nav(Key::Questionmark)];
    /// A short guide to annotating, in the window.
    UserGuide => "User guide", "A short guide: opening, marking, quotes, saving, projects",
        [fkey(true, Key::F1)];
    /// Version, licence, where files go and the fonts found.
    About => "About newsmark",
        "Version and commit, licence, where sessions and recovery files go, and the fonts found",
        [Trigger::Chord(KeyboardShortcut::new(Modifiers::COMMAND, Key::F1))];
    /// Move the keyboard between the article and the side panel.
    SwitchFocus => "Article / side panel",
        "Move the keyboard between the article (with a caret) and the side panel",
        [fkey(false, Key::F6)];
    /// Say what is under the caret.
    WhatIsHere => "What is here",
        "Say the annotations under the caret, with their speaker and verdict (in the status \
         bar, which screen readers announce)",
        [cmd(Key::I)];
    /// Search the article.
    Find => "Find…", "Search the article (case-insensitive); Enter selects the first match",
        [cmd(Key::F)];
    /// Select the next search match.
    FindNext => "Find next", "Select the next match, ready to annotate with one key",
        [fkey(false, Key::F3)];
    /// Select the previous search match.
    FindPrevious => "Find previous", "Select the previous match", [fkey(true, Key::F3)];
    /// Sticky mode: each new selection gets the last kind at once.
    ToggleSticky => "Sticky mode",
        "While on, every new selection is marked at once with the kind used last", [key(Key::S)];
    /// Edit where the article and the fact-check are published.
    Publication => "Publication details…",
        "Article URL, outlet, date, reviewer and review URL: what ClaimReview and W3C exports \
         publish",
        [];
    /// Scroll the article down by a screen.
    PageDown => "Page down", "Scroll the article down by a screen",
        [key(Key::PageDown), key(Key::Space)];
    /// Scroll the article up by a screen.
    PageUp => "Page up", "Scroll the article up by a screen",
        [key(Key::PageUp), shift(Key::Space)];
    /// Scroll to the start of the article.
    ScrollTop => "Start of the article", "Scroll to the start of the article", [cmd(Key::Home)];
    /// Scroll to the end of the article.
    ScrollBottom => "End of the article", "Scroll to the end of the article", [cmd(Key::End)];
    /// Make the selected text the cue of the open quote.
    SetCue => "Cue of the open quote",
        "Make the selected text (\"said\") the cue of the open quote (the one made with Q or \
         selected last, outlined in the article)",
        [key(Key::U)];
    /// Add the selected text as a further part of the open quote.
    AddQuotePart => "Further part of the open quote",
        "Add the selected text as a further part of the open quote (a quote split around its \
         cue)",
        [key(Key::Plus), shift(Key::Plus), key(Key::Equals)];
    /// Make the selected text the source mention of the open quote.
    SetSource => "Source of the open quote",
        "Make the selected text (\"He\", \"the minister\") the source mention of the open \
         quote: who is quoted, as the article names them",
        [key(Key::W)];
    /// Find quotes, cues, sources and mentions offline and list them as suggestions.
    Suggest => "Suggest quotes and mentions",
        "Find quotes (with cue and source) and mentions of known speakers offline; they are \
         underlined in grey until accepted",
        [key(Key::G)];
    /// Learn a model from the project's sessions, on a thread.
    TrainFromProject => "Train from this project",
        "Learn a suggestion model from this project's sessions and the suggestions accepted and \
         rejected in it (runs in the background); Suggest then uses it instead of the rules",
        [];
    /// Accept the first suggestion as ordinary annotations.
    AcceptSuggestion => "Accept suggestion",
        "Make the first suggestion ordinary annotations (one undo step)", [key(Key::A)];
    /// Reject the first suggestion.
    RejectSuggestion => "Reject suggestion", "Drop the first suggestion; it does not come back",
        [key(Key::X)];
    /// Compare the open session with another annotator's session of the same article.
    CompareWith => "Compare with…",
        "Show another annotator's session of this article beside yours, to adjudicate", [];
    /// Keep A's version of the comparison item.
    TakeA => "Take A", "Keep the open session's version of the comparison item (one undo step)",
        [key(Key::OpenBracket)];
    /// Take B's version of the comparison item.
    TakeB => "Take B", "Take the other session's version instead (one undo step)",
        [key(Key::CloseBracket)];
    /// Keep A's version and add B's beside it.
    TakeBoth => "Both", "Keep the open session's version and add the other's beside it",
        [key(Key::Backslash)];
    /// Select the next comparison item still to decide.
    NextUndecided => "Next undecided", "Select the next comparison item still to decide",
        [key(Key::Period)];
    /// Answer the open question with its default.
    AnswerDefault => "Answer: the default",
        "In a question: the answer it marks as the default (a new speaker; for a pronoun, the \
         speaker named last; share a taken cue or source)",
        [answer(Key::Enter)];
    /// Move a taken cue or source to the open quote.
    AnswerMove => "Answer: move it", "When a cue or source is taken: move it to the open quote",
        [answer_shift(Key::Enter)];
    /// A new speaker named after the text.
    AnswerNewSpeaker => "Answer: a new speaker", "Who is this?: a new speaker named after the text",
        [answer(Key::N)];
    /// An alias of the current speaker.
    AnswerAlias => "Answer: an alias", "Who is this?: an alias of the current speaker",
        [answer(Key::A)];
    /// Close the question, changing nothing.
    AnswerCancel => "Answer: cancel", "Close the question without changing anything",
        [answer(Key::Escape)];
    /// A mention of the first speaker.
    AnswerSpeaker1 => "Answer: that speaker", "Who is this?: a mention of the n-th speaker",
        [answer(Key::Num1)];
    /// The second speaker.
    AnswerSpeaker2 => "Answer: that speaker", "", [answer(Key::Num2)];
    /// The third speaker.
    AnswerSpeaker3 => "Answer: that speaker", "", [answer(Key::Num3)];
    /// The fourth speaker.
    AnswerSpeaker4 => "Answer: that speaker", "", [answer(Key::Num4)];
    /// The fifth speaker.
    AnswerSpeaker5 => "Answer: that speaker", "", [answer(Key::Num5)];
    /// The sixth speaker.
    AnswerSpeaker6 => "Answer: that speaker", "", [answer(Key::Num6)];
    /// The seventh speaker.
    AnswerSpeaker7 => "Answer: that speaker", "", [answer(Key::Num7)];
    /// The eighth speaker.
    AnswerSpeaker8 => "Answer: that speaker", "", [answer(Key::Num8)];
    /// The ninth speaker.
    AnswerSpeaker9 => "Answer: that speaker", "", [answer(Key::Num9)];
}

impl UiCommand {
    /// The key menus and tooltips show ("Ctrl+S", "C"); empty when it has none.
    pub fn shortcut_text(self) -> String {
        self.triggers()
            .first()
            .map(|t| t.text())
            .unwrap_or_default()
    }

    /// Every key, as the help overlay lists them: "N, ↓".
    pub fn all_keys_text(self) -> String {
        let keys: Vec<String> = self.triggers().iter().map(|t| t.text()).collect();
        keys.join(", ")
    }

    /// The tooltip with the key in brackets: "Undo the last change… (Ctrl+Z)".
    pub fn hover_text(self) -> String {
        match self.shortcut_text() {
            k if k.is_empty() => self.tooltip().to_owned(),
            k => format!("{} ({k})", self.tooltip()),
        }
    }

    /// The command that marks the selection as `tag` (C, Q or M).
    pub fn mark(tag: crate::model::annotation::KindTag) -> Self {
        use crate::model::annotation::KindTag;
        match tag {
            KindTag::Claim => Self::MarkClaim,
            KindTag::Quote => Self::MarkQuote,
            KindTag::Mention => Self::MarkMention,
        }
    }

    /// The command that attaches the selection to the open quote as `part` (U, + or W).
    pub fn attach(part: crate::ui::vocabulary::QuotePart) -> Self {
        use crate::ui::vocabulary::QuotePart;
        match part {
            QuotePart::Cue => Self::SetCue,
            QuotePart::More => Self::AddQuotePart,
            QuotePart::Source => Self::SetSource,
        }
    }

    /// The speaker an answer digit picks in "who is this?" (from 0), `None` for other commands.
    pub fn answer_speaker_index(self) -> Option<usize> {
        const DIGITS: [UiCommand; 9] = [
            UiCommand::AnswerSpeaker1,
            UiCommand::AnswerSpeaker2,
            UiCommand::AnswerSpeaker3,
            UiCommand::AnswerSpeaker4,
            UiCommand::AnswerSpeaker5,
            UiCommand::AnswerSpeaker6,
            UiCommand::AnswerSpeaker7,
            UiCommand::AnswerSpeaker8,
            UiCommand::AnswerSpeaker9,
        ];
        DIGITS.iter().position(|&c| c == self)
    }

    /// The speaker a digit command picks: `Some(Some(n))` for the n-th (from 0), `Some(None)`
    /// for "none", `None` for commands that are not digits.
    pub fn speaker_index(self) -> Option<Option<usize>> {
        const DIGITS: [UiCommand; 9] = [
            UiCommand::Speaker1,
            UiCommand::Speaker2,
            UiCommand::Speaker3,
            UiCommand::Speaker4,
            UiCommand::Speaker5,
            UiCommand::Speaker6,
            UiCommand::Speaker7,
            UiCommand::Speaker8,
            UiCommand::Speaker9,
        ];
        if self == Self::NoSpeaker {
            return Some(None);
        }
        DIGITS.iter().position(|&c| c == self).map(Some)
    }
}

/// One row of the help overlay: commands that share a label (the ten speaker digits) are one
/// row with all their keys.
pub fn help_rows() -> Vec<(&'static str, String, &'static str)> {
    let mut rows: Vec<(&'static str, String, &'static str)> = Vec::new();
    for &c in UiCommand::ALL {
        let keys = c.all_keys_text();
        match rows.last_mut() {
            Some((label, k, _)) if *label == c.label() => {
                if !keys.is_empty() {
                    k.push_str(", ");
                    k.push_str(&keys);
                }
            }
            _ => rows.push((c.label(), keys, c.tooltip())),
        }
    }
    rows
}

#[cfg(test)]
mod tests;
