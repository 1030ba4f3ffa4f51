//! M on text that names no known speaker while someone is current: instead of silently making
//! it an alias of the current speaker, ask — a new speaker (Enter, the default), an alias of
//! the current speaker (A), a mention of another known speaker (1–9), or nothing (Esc).
//! M on a pronoun ("He") never offers a new speaker "He": Enter makes it a mention of the
//! speaker named last before it.

use crate::model::annotation::Span;
use crate::model::speaker::SpeakerId;

use crate::io::document::Document;

use crate::ui::commands::UiCommand;
use crate::ui::text_engine::bidi::{isolate, visual_ltr};
use crate::ui::vocabulary::Action;
use crate::ui::vocabulary::MentionChoice;

/// The question waiting for an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionPrompt {
    /// The span to mark.
    pub span: Span,
    /// Its text.
    pub name: String,
    /// For a pronoun: the speaker named last before it, whom Enter picks (never a new
    /// speaker named "He").
    pub pronoun_of: Option<SpeakerId>,
    /// The text is a pronoun.
    pub pronoun: bool,
}

/// Draws the question; returns the answer clicked (or a cancel) as an action. Its keys are in
/// the command table (the `Answer…` commands).
pub fn mention_prompt_ui(
    p: &MentionPrompt,
    doc: &Document,
    current_speaker: Option<SpeakerId>,
    ctx: &egui::Context,
    actions: &mut Vec<Action>,
) {
    let s = &doc.session;
    let current = current_speaker.and_then(|id| s.speaker(id));
    let mut answer: Option<Option<MentionChoice>> = None;
    let keys = |c: UiCommand| c.shortcut_text();
    let enter = p.default_choice();
    let name = isolate(&p.name);
    crate::ui::dialogs::question_window("Who is this?", ctx).show(ctx, |ui| {
        ui.label(visual_ltr(&if p.pronoun {
            format!("“{name}” is a pronoun: who does it refer to?")
        } else {
            format!("“{name}” is not a known name or alias.")
        }));
        ui.add_space(4.0);
        let enter_text = match enter {
            MentionChoice::MentionOf(id) => format!(
                "{} · Mention of {} (named last before it)",
                keys(UiCommand::AnswerDefault),
                isolate(s.speaker_name(Some(id)))
            ),
            MentionChoice::Nobody => format!(
                "{} · A mention of nobody yet",
                keys(UiCommand::AnswerDefault)
            ),
            _ => format!("{} · New speaker “{name}”", keys(UiCommand::AnswerDefault)),
        };
        if ui.button(visual_ltr(&enter_text)).clicked() {
            answer = Some(Some(enter));
        }
        if let Some(c) = current.filter(|_| !p.pronoun)
            && ui
                .button(visual_ltr(&format!(
                    "{} · Alias of {}",
                    keys(UiCommand::AnswerAlias),
                    isolate(&c.name)
                )))
                .clicked()
        {
            answer = Some(Some(MentionChoice::AliasOfCurrent));
        }
        for (n, sp) in s.speakers.iter().enumerate().take(9) {
            if ui
                .button(visual_ltr(&format!(
                    "{} · Mention of {}",
                    answer_key(n),
                    isolate(&sp.name)
                )))
                .clicked()
            {
                answer = Some(Some(MentionChoice::MentionOf(sp.id)));
            }
        }
        if crate::ui::dialogs::cancel_and_undo_hint(ui) {
            answer = Some(None);
        }
    });
    if let Some(choice) = answer {
        actions.push(Action::AnswerMention(choice));
    }
}

/// The key of the answer "a mention of the n-th speaker" (from 0).
fn answer_key(n: usize) -> String {
    UiCommand::ALL
        .iter()
        .find(|c| c.answer_speaker_index() == Some(n))
        .map(|c| c.shortcut_text())
        .unwrap_or_default()
}

impl MentionPrompt {
    /// What Enter answers: for a pronoun, a mention of the speaker named last (or of nobody);
    /// otherwise a new speaker named after the text.
    pub fn default_choice(&self) -> MentionChoice {
        match (self.pronoun, self.pronoun_of) {
            (true, Some(id)) => MentionChoice::MentionOf(id),
            (true, None) => MentionChoice::Nobody,
            (false, _) => MentionChoice::NewSpeaker,
        }
    }
}
