//! Making annotations from the selection: whole-word snapping, claims, quotes, mentions (with
//! speakers and aliases), quote parts and cues, speakers, stepping through annotations.

use crate::model::annotation::{AnnotationId, Kind, KindTag, Span};
use crate::model::edit::Edit;
use crate::model::session::make_annotation;
use crate::model::speaker::Speaker;

use crate::ui::app::NewsmarkApp;
use crate::ui::dialogs::mention_prompt::MentionPrompt;
use crate::ui::vocabulary::MentionChoice;

impl NewsmarkApp {
    /// The selection widened to whole words and trimmed of surrounding white space, if any
    /// text is left: a drag from "ral Jens Sto" marks "General Jens Stoltenberg".
    pub(crate) fn trimmed_selection(&self) -> Option<Span> {
        let doc = self.work.doc.as_ref()?;
        let sel = self.ui.selection?;
        let text = &doc.text;
        let word = |i: usize| {
            text.slice(i..i + 1)
                .chars()
                .next()
                .is_some_and(crate::model::text::is_word_char)
        };
        let (mut start, mut end) = (sel.start, sel.end);
        while start > 0 && word(start - 1) && word(start) {
            start -= 1;
        }
        while end < text.len_chars() && end > 0 && word(end - 1) && word(end) {
            end += 1;
        }
        let s = text.slice(start..end);
        let lead = s.chars().take_while(|c| c.is_whitespace()).count();
        let trail = s.chars().rev().take_while(|c| c.is_whitespace()).count();
        let span = Span::new(start + lead, end.saturating_sub(trail));
        (!span.is_empty()).then_some(span)
    }

    pub(crate) fn mark(&mut self, tag: KindTag) {
        let Some(span) = self.trimmed_selection() else {
            self.ui.status = format!(
                "Select some text first, then press {}",
                crate::ui::commands::UiCommand::mark(tag).shortcut_text()
            );
            return;
        };
        let Some(doc) = self.work.doc.as_ref() else {
            return;
        };
        if tag == KindTag::Mention {
            let name = doc.text.slice(span.start..span.end).trim().to_owned();
            let known = doc.session.speaker_called(&name).is_some();
            let current = self
                .ui
                .current_speaker
                .and_then(|c| doc.session.speaker(c))
                .is_some();
            let pronoun = crate::model::speaker::is_pronoun(&name);
            if pronoun && doc.session.speakers.is_empty() {
                // Nobody to refer to yet: a bare mention, never a new speaker "He".
                self.mark_span(tag, span, Some(MentionChoice::Nobody), "");
                return;
            }
            if pronoun || (!known && current) {
                // Never extend a speaker silently, nor make one of a pronoun: ask who this is.
                let pronoun_of = pronoun
                    .then(|| {
                        crate::model::attribution::speaker_named_before(&doc.session, span.start)
                            .or(self.ui.current_speaker)
                    })
                    .flatten();
                self.ui.dialogs.mention = Some(MentionPrompt {
                    span,
                    name,
                    pronoun_of,
                    pronoun,
                });
                return;
            }
        }
        if tag == KindTag::Quote {
            let balanced = crate::model::quotation::take_in_closing_mark(&doc.text, span);
            if balanced != span {
                self.mark_span(tag, balanced, None, " with its closing quotation mark");
                return;
            }
        }
        self.mark_span(tag, span, None, "");
    }

    /// The answer to "who is this?": marks the mention as chosen, or cancels.
    pub(crate) fn answer_mention(&mut self, choice: Option<MentionChoice>) {
        let Some(prompt) = self.ui.dialogs.mention.take() else {
            return;
        };
        match choice {
            None => self.ui.status = format!("Not marked: “{}”", prompt.name),
            Some(c) => {
                self.mark_span(KindTag::Mention, prompt.span, Some(c), "");
                if let Some(label) = self.work.history.undo_label() {
                    self.ui.status = format!(
                        "{} — {} undoes it",
                        capitalize(label),
                        crate::ui::commands::UiCommand::Undo.shortcut_text()
                    );
                }
            }
        }
    }

    /// Marks `span` as `tag`. For a mention, `choice` says who it names when the text is no
    /// known name: a new speaker, an alias of the current speaker, or a known speaker; without
    /// a choice, a known name's speaker, else a new speaker. A mention makes its speaker current.
    /// The status bar says what was made, who it is credited to, and `extra`.
    fn mark_span(&mut self, tag: KindTag, span: Span, choice: Option<MentionChoice>, extra: &str) {
        let Some(doc) = self.work.doc.as_ref() else {
            return;
        };
        let session = &doc.session;
        let id = session.next_annotation_id();
        let mut edits = Vec::new();
        let mut speaker = self.ui.current_speaker;
        let mut speaker_name = session.speaker_name(speaker).to_owned();
        if tag == KindTag::Mention {
            let name = doc.text.slice(span.start..span.end).trim().to_owned();
            let current = self.ui.current_speaker.and_then(|c| session.speaker(c));
            if let Some(existing) = session.speaker_called(&name) {
                speaker = Some(existing.id);
                speaker_name = existing.name.clone();
            } else if let Some(MentionChoice::MentionOf(id)) = choice
                && let Some(other) = session.speaker(id)
            {
                speaker = Some(other.id);
                speaker_name = other.name.clone();
            } else if choice == Some(MentionChoice::Nobody) {
                speaker = None;
                speaker_name = String::new();
            } else if let (Some(MentionChoice::AliasOfCurrent), Some(current)) = (choice, current) {
                let mut updated = current.clone();
                speaker = Some(current.id);
                speaker_name = current.name.clone();
                if updated.add_alias(&name) {
                    edits.push(Edit::ReplaceSpeaker(updated));
                }
            } else {
                let new = Speaker::new(session.next_speaker_id(), name);
                speaker = Some(new.id);
                speaker_name = new.name.clone();
                edits.push(Edit::InsertSpeaker(new));
            }
        }
        // A claim inside a quote is the quoted speaker's, whoever is current.
        let in_quote = (tag == KindTag::Claim)
            .then(|| session.enclosing_quote(span))
            .flatten();
        let quoted = in_quote
            .and_then(|q| session.annotation(q))
            .map(|q| q.kind.speaker());
        if let Some(quoted) = quoted {
            speaker = quoted;
            speaker_name = session.speaker_name(speaker).to_owned();
        }
        let mut annotation = make_annotation(&doc.text, id, span, tag.with_speaker(speaker));
        if let Kind::Claim(c) = &mut annotation.kind {
            c.in_quote = in_quote;
        }
        edits.push(Edit::InsertAnnotation(annotation));
        let who = speaker.map(|_| format!(" ({speaker_name})"));
        let label = format!(
            "add {}{}",
            tag.label().to_lowercase(),
            who.unwrap_or_default()
        );
        let credit = match (tag, speaker) {
            (KindTag::Mention, _) => String::new(),
            (_, Some(_)) if quoted.is_some() => {
                format!(": credited to {speaker_name}, the quote's speaker")
            }
            (_, None) if quoted.is_some() => {
                ": inside a quote whose speaker is not set yet, so credited to nobody".into()
            }
            (_, Some(_)) => format!(": credited to {speaker_name}"),
            (KindTag::Claim, None) => ": credited to the outlet (no current speaker)".into(),
            (_, None) => ": no speaker yet (pick one in the editor, or W on the source)".into(),
        };
        if self.edit(Edit::Batch(edits), label.clone(), None) {
            let made = match tag {
                KindTag::Mention => capitalize(&label),
                _ => format!("Added a {}", tag.label().to_lowercase()),
            };
            self.ui.status = format!(
                "{made}{extra}{credit} — {} undoes it",
                crate::ui::commands::UiCommand::Undo.shortcut_text()
            );
        }
        if tag == KindTag::Mention {
            self.ui.current_speaker = speaker;
        }
        self.ui.last_kind = tag;
        if self.ui.sticky.is_some() {
            self.ui.sticky = Some(tag);
        }
        self.ui.selected = Some(id);
        if tag == KindTag::Quote {
            self.ui.open_quote = Some(id);
        }
        self.ui.selection = None;
        self.ui.view.clear_cursor = true;
    }

    /// True if `id` is a quote of the open session.
    pub(crate) fn is_quote(&self, id: AnnotationId) -> bool {
        self.work
            .doc
            .as_ref()
            .and_then(|d| d.session.annotation(id))
            .is_some_and(|a| matches!(a.kind, Kind::Quote(_)))
    }

    pub(crate) fn add_speaker(&mut self, name: String) {
        let name = name.trim().to_owned();
        let Some(doc) = &self.work.doc else { return };
        if name.is_empty() {
            return;
        }
        let sp = Speaker::new(doc.session.next_speaker_id(), name);
        let id = sp.id;
        self.edit(Edit::InsertSpeaker(sp), "add speaker".into(), None);
        self.ui.selected_speaker = Some(id);
        self.ui.current_speaker = Some(id);
    }

    pub(crate) fn step_annotation(&mut self, forward: bool) {
        let Some(doc) = &self.work.doc else { return };
        let list = &doc.session.annotations;
        let pos = self
            .ui
            .selected
            .and_then(|id| doc.session.annotation_index(id));
        let next = match (pos, forward) {
            (None, true) => list.first(),
            (None, false) => list.last(),
            (Some(i), true) => list.get(i + 1).or(list.first()),
            (Some(i), false) => i.checked_sub(1).and_then(|j| list.get(j)).or(list.last()),
        };
        if let Some(id) = next.map(|a| a.id) {
            self.ui.selected = Some(id);
            self.ui.view.scroll_to = Some(id);
            self.open_if_quote(Some(id));
        }
    }
}

/// `s` with its first letter upper-case ("add mention" → "Add mention").
fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
