//! The open quote and its parts. Q, or selecting a quote anywhere, makes it *the open quote*
//! (outlined in the article, named in the side panel); U makes the text selection its cue, +
//! a further part, W its source mention. The status bar names the quote each time, and a cue
//! or mention another quote uses is never taken without asking.

use crate::model::annotation::{AnnotationId, Kind, Mention, Span};
use crate::model::attribution::{self, Sharing};
use crate::model::edit::Edit;
use crate::model::session::make_annotation;
use crate::model::speaker::{Speaker, is_pronoun};

use crate::ui::app::NewsmarkApp;
use crate::ui::commands::UiCommand;
use crate::ui::dialogs::sharing_prompt::SharingPrompt;
use crate::ui::vocabulary::QuotePart;

/// How many code points of a quote messages show.
const NAME_CHARS: usize = 32;

impl NewsmarkApp {
    /// The open quote, if it still exists.
    pub fn open_quote(&self) -> Option<AnnotationId> {
        self.ui.open_quote.filter(|id| self.is_quote(*id))
    }

    /// Makes `id` the open quote when it is a quote (other annotations leave it as it is).
    pub(crate) fn open_if_quote(&mut self, id: Option<AnnotationId>) {
        if let Some(q) = id.filter(|i| self.is_quote(*i)) {
            self.ui.open_quote = Some(q);
        }
    }

    /// `quote #3 “We are not going back…”`, for messages.
    pub(crate) fn quote_name(&self, id: AnnotationId) -> String {
        self.work
            .doc
            .as_ref()
            .and_then(|d| d.session.annotation(id))
            .map(|a| attribution::short_name(a, NAME_CHARS))
            .unwrap_or_else(|| format!("#{}", id.0))
    }

    /// U, + or W: the text selection becomes that part of the open quote.
    pub(crate) fn quote_part_by_key(&mut self, part: QuotePart) {
        let Some(id) = self.open_quote() else {
            let key = UiCommand::attach(part);
            self.ui.status = format!(
                "No open quote: mark one with {} or click one, then select its {} and press {}",
                UiCommand::MarkQuote.shortcut_text(),
                part.noun(),
                key.shortcut_text()
            );
            return;
        };
        self.set_quote_part(id, part);
    }

    /// The text selection becomes `part` of quote `id` (asking first when another quote uses
    /// it); the quote becomes the open one.
    pub(crate) fn set_quote_part(&mut self, id: AnnotationId, part: QuotePart) {
        let Some(span) = self.trimmed_selection() else {
            self.ui.status = format!(
                "Select the {} in the article first, then press {}",
                part.noun(),
                UiCommand::attach(part).shortcut_text()
            );
            return;
        };
        let Some(doc) = self.work.doc.as_ref() else {
            return;
        };
        if doc.session.annotation(id).is_none() {
            return;
        }
        self.ui.open_quote = Some(id);
        self.ui.selected = Some(id);
        let text = attribution::span_text(&doc.text, span);
        let session = &doc.session;
        match part {
            QuotePart::More => {
                let Some(mut a) = session.annotation(id).cloned() else {
                    return;
                };
                let Kind::Quote(q) = &mut a.kind else { return };
                q.more.push(span);
                q.more.sort();
                let n = q.more.len() + 1;
                let target = self.quote_name(id);
                self.edit(Edit::ReplaceAnnotation(a), "add quote part".into(), None);
                self.ui.status = format!(
                    "Part {n} “{}” of {target}",
                    attribution::excerpt(&text, NAME_CHARS)
                );
            }
            QuotePart::Cue => {
                let others = attribution::cue_users(session, span, id);
                self.attach_or_ask(id, part, span, None, others, &text);
            }
            QuotePart::Source => match attribution::mention_at(session, span).map(|m| m.id) {
                Some(mention) => self.pick_source(id, mention),
                None => self.attach(id, part, span, None, &[], Sharing::Share),
            },
        }
        self.ui.selection = None;
        self.ui.view.clear_cursor = true;
    }

    /// Makes the existing `mention` a source of `quote`, asking first when another quote uses
    /// it.
    pub(crate) fn pick_source(&mut self, quote: AnnotationId, mention: AnnotationId) {
        let Some(doc) = self.work.doc.as_ref() else {
            return;
        };
        let Some(m) = doc.session.annotation(mention) else {
            return;
        };
        let (span, text) = (m.span(), m.exact.clone());
        let others = attribution::source_users(&doc.session, mention, quote);
        let part = QuotePart::Source;
        self.attach_or_ask(quote, part, span, Some(mention), others, &text);
    }

    /// Attaches `part` (`span`, or the existing `mention`) to `quote` at once when no other
    /// quote uses it (`others` empty), else asks whether to share it, move it or cancel.
    fn attach_or_ask(
        &mut self,
        quote: AnnotationId,
        part: QuotePart,
        span: Span,
        mention: Option<AnnotationId>,
        others: Vec<AnnotationId>,
        text: &str,
    ) {
        if others.is_empty() {
            self.attach(quote, part, span, mention, &[], Sharing::Share);
            return;
        }
        let question = format!(
            "“{text}” is already the {} of {}.",
            part.noun(),
            self.names(&others).join(", ")
        );
        let target = self.quote_name(quote);
        self.ask(SharingPrompt {
            quote,
            part,
            span,
            mention,
            others,
            question,
            target,
        });
    }

    fn names(&self, ids: &[AnnotationId]) -> Vec<String> {
        ids.iter().map(|id| self.quote_name(*id)).collect()
    }

    fn ask(&mut self, prompt: SharingPrompt) {
        self.ui.status = prompt.question.clone();
        self.ui.dialogs.sharing = Some(prompt);
    }

    /// The answer to "this cue (or source) is taken": share it, move it, or cancel.
    pub(crate) fn answer_sharing(&mut self, choice: Option<Sharing>) {
        let Some(p) = self.ui.dialogs.sharing.take() else {
            return;
        };
        match choice {
            None => {
                self.ui.status =
                    format!("Nothing changed: {} keeps its {}", p.target, p.part.noun())
            }
            Some(sharing) => self.attach(p.quote, p.part, p.span, p.mention, &p.others, sharing),
        }
    }

    /// Attaches the cue at `span`, or the source `mention` (made from `span` when `None`), to
    /// `quote`, and says so in the status bar.
    fn attach(
        &mut self,
        quote: AnnotationId,
        part: QuotePart,
        span: Span,
        mention: Option<AnnotationId>,
        others: &[AnnotationId],
        sharing: Sharing,
    ) {
        let Some(doc) = self.work.doc.as_ref() else {
            return;
        };
        let session = &doc.session;
        let Some(quote_ann) = session.annotation(quote) else {
            return;
        };
        let text = attribution::span_text(&doc.text, span);
        let target = self.quote_name(quote);
        let with = match (sharing, others.is_empty()) {
            (_, true) => String::new(),
            (Sharing::Share, false) => format!(", shared with {}", self.names(others).join(", ")),
            (Sharing::Move, false) => format!(", moved from {}", self.names(others).join(", ")),
        };
        let (edit, message) = match part {
            QuotePart::Cue | QuotePart::More => {
                let old = match &quote_ann.kind {
                    Kind::Quote(q) => q.cue.filter(|c| *c != span),
                    _ => None,
                };
                let was = old
                    .map(|c| format!(" (was “{}”)", attribution::span_text(&doc.text, c)))
                    .unwrap_or_default();
                let Some(edit) = attribution::attach_cue(session, quote, span, others, sharing)
                else {
                    return;
                };
                (edit, format!("Cue “{text}” for {target}{was}{with}"))
            }
            QuotePart::Source => {
                let (m, new_speaker) = match mention.and_then(|m| session.annotation(m)) {
                    Some(m) => (m.clone(), None),
                    None => {
                        let (speaker, new_speaker) = self.source_speaker(quote_ann, span, &text);
                        let id = session.next_annotation_id();
                        let kind = Kind::Mention(Mention { speaker });
                        (make_annotation(&doc.text, id, span, kind), new_speaker)
                    }
                };
                let new = mention.is_none();
                let Some(attach) =
                    attribution::attach_source(session, quote, &m, new, others, sharing)
                else {
                    return;
                };
                let who = match (&new_speaker, m.kind.speaker()) {
                    (Some(s), _) => format!(" (new speaker {})", s.name),
                    (None, Some(s)) => format!(" ({})", session.speaker_name(Some(s))),
                    (None, None) => " (no speaker)".to_owned(),
                };
                let mut keeps = String::new();
                let now = new_speaker.as_ref().map(|s| s.id).or(m.kind.speaker());
                if let (Some(own), Some(now)) = (quote_ann.kind.speaker(), now)
                    && own != now
                {
                    keeps = format!(
                        "; the speaker follows the source (was {})",
                        session.speaker_name(Some(own))
                    );
                }
                let edit = match new_speaker {
                    Some(s) => Edit::Batch(vec![Edit::InsertSpeaker(s), attach]),
                    None => attach,
                };
                (
                    edit,
                    format!("Source “{text}”{who} for {target}{with}{keeps}"),
                )
            }
        };
        let label = format!("set {}", part.noun());
        if self.edit(edit, label, None) {
            self.ui.status = format!("{message} — {} undoes it", UiCommand::Undo.shortcut_text());
        }
        self.ui.open_quote = Some(quote);
        self.ui.selected = Some(quote);
    }

    /// Who a new source mention `text` at `span` names: a known name's speaker; else the
    /// quote's speaker; else, for a pronoun, the speaker named last before it; else, for a
    /// capitalised name, a new speaker; else nobody (a common noun stays a bare mention).
    fn source_speaker(
        &self,
        quote: &crate::model::annotation::Annotation,
        span: Span,
        text: &str,
    ) -> (Option<crate::model::speaker::SpeakerId>, Option<Speaker>) {
        let Some(doc) = self.work.doc.as_ref() else {
            return (None, None);
        };
        let s = &doc.session;
        if let Some(known) = s.speaker_called(text.trim()) {
            return (Some(known.id), None);
        }
        if let Some(own) = quote.kind.speaker() {
            return (Some(own), None);
        }
        if is_pronoun(text) {
            return (attribution::speaker_named_before(s, span.start), None);
        }
        if text.chars().next().is_some_and(char::is_uppercase) {
            let new = Speaker::new(s.next_speaker_id(), text.trim());
            return (Some(new.id), Some(new));
        }
        (None, None)
    }
}
