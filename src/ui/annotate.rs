//! Making annotations from the selection: whole-word snapping, claims, quotes, mentions (with
//! speakers and aliases), quote parts and cues, speakers, stepping through annotations.

use crate::model::annotation::{AnnotationId, Kind, KindTag, Span};
use crate::model::edit::Edit;
use crate::model::session::make_annotation;
use crate::model::speaker::Speaker;

use super::app::NewsmarkApp;

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
            self.ui.status = format!("Select some text first, then press {}", &tag.label()[..1]);
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
            if !known && current {
                // Never extend a speaker silently: ask who this is.
                self.ui.dialogs.mention = Some(super::mention_prompt::MentionPrompt { span, name });
                return;
            }
        }
        if tag == KindTag::Quote {
            let balanced = crate::model::quotation::take_in_closing_mark(&doc.text, span);
            if balanced != span {
                self.mark_span(tag, balanced, None);
                self.ui.status = format!(
                    "{} (with its closing quotation mark)",
                    self.ui.status.trim_end_matches('.')
                );
                return;
            }
        }
        self.mark_span(tag, span, None);
    }

    /// The answer to "who is this?": marks the mention as chosen, or cancels.
    pub(crate) fn answer_mention(&mut self, choice: Option<super::mention_prompt::MentionChoice>) {
        let Some(prompt) = self.ui.dialogs.mention.take() else {
            return;
        };
        match choice {
            None => self.ui.status = format!("Not marked: “{}”", prompt.name),
            Some(c) => {
                self.mark_span(KindTag::Mention, prompt.span, Some(c));
                if let Some(label) = self.work.history.undo_label() {
                    self.ui.status = format!(
                        "{} — {} undoes it",
                        capitalize(label),
                        super::commands::UiCommand::Undo.shortcut_text()
                    );
                }
            }
        }
    }

    /// Marks `span` as `tag`. For a mention, `choice` says who it names when the text is no
    /// known name: a new speaker, an alias of the current speaker, or a known speaker; without
    /// a choice, a known name's speaker, else a new speaker. A mention makes its speaker current.
    fn mark_span(
        &mut self,
        tag: KindTag,
        span: Span,
        choice: Option<super::mention_prompt::MentionChoice>,
    ) {
        use super::mention_prompt::MentionChoice;
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
        let mut annotation = make_annotation(&doc.text, id, span, tag.with_speaker(speaker));
        if let Kind::Claim(c) = &mut annotation.kind {
            c.in_quote = session.enclosing_quote(span);
        }
        edits.push(Edit::InsertAnnotation(annotation));
        let who = speaker.map(|_| format!(" ({speaker_name})"));
        let label = format!(
            "add {}{}",
            tag.label().to_lowercase(),
            who.unwrap_or_default()
        );
        self.edit(Edit::Batch(edits), label, None);
        if tag == KindTag::Mention {
            self.ui.current_speaker = speaker;
        }
        self.ui.last_kind = tag;
        if self.ui.sticky.is_some() {
            self.ui.sticky = Some(tag);
        }
        self.ui.selected = Some(id);
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

    /// U / +: the text selection becomes the cue or a further part of the selected quote, or
    /// of the quote selected last; the quote stays selected.
    pub(crate) fn quote_part_by_key(&mut self, cue: bool) {
        let target = self
            .ui
            .selected
            .filter(|id| self.is_quote(*id))
            .or(self.ui.quote_target.filter(|id| self.is_quote(*id)));
        let Some(id) = target else {
            self.ui.status = if cue {
                "Click a quote first, then select its cue (\"said\") and press U".into()
            } else {
                "Click a quote first, then select its further part and press +".into()
            };
            return;
        };
        self.set_quote_part(id, cue);
        self.ui.selected = Some(id);
        self.ui.quote_target = Some(id);
    }

    pub(crate) fn set_quote_part(&mut self, id: AnnotationId, cue: bool) {
        let Some(span) = self.trimmed_selection() else {
            self.ui.status = "Select the text in the article first".into();
            return;
        };
        let Some(mut a) = self
            .work
            .doc
            .as_ref()
            .and_then(|d| d.session.annotation(id))
            .cloned()
        else {
            return;
        };
        let Kind::Quote(q) = &mut a.kind else {
            return;
        };
        let label = if cue {
            q.cue = Some(span);
            "set cue"
        } else {
            q.more.push(span);
            q.more.sort();
            "add quote part"
        };
        self.edit(Edit::ReplaceAnnotation(a), label.into(), None);
        self.ui.selection = None;
        self.ui.view.clear_cursor = true;
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
        if let Some(a) = next {
            self.ui.selected = Some(a.id);
            self.ui.view.scroll_to = Some(a.id);
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
