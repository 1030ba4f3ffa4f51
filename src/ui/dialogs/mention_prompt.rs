//! M on text that names no known speaker while someone is current: instead of silently making
//! it an alias of the current speaker, ask — a new speaker (Enter, the default), an alias of
//! the current speaker (A), a mention of another known speaker (1–9), or nothing (Esc).
//! M on a pronoun ("He") never offers a new speaker "He": Enter makes it a mention of the
//! speaker named last before it.

use egui::{Key, RichText};

use crate::model::annotation::Span;
use crate::model::speaker::SpeakerId;

use crate::io::document::Document;

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

/// Draws the question and reads its keys; returns the answer (or a cancel) as an action.
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
    let digits = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    // What Enter does: for a pronoun, the speaker named last (or nobody); else a new speaker.
    let enter = match (p.pronoun, p.pronoun_of) {
        (true, Some(id)) => MentionChoice::MentionOf(id),
        (true, None) => MentionChoice::Nobody,
        (false, _) => MentionChoice::NewSpeaker,
    };
    ctx.input(|i| {
        if i.key_pressed(Key::Enter) {
            answer = Some(Some(enter));
        } else if i.key_pressed(Key::N) && !p.pronoun {
            answer = Some(Some(MentionChoice::NewSpeaker));
        } else if i.key_pressed(Key::A) && current.is_some() && !p.pronoun {
            answer = Some(Some(MentionChoice::AliasOfCurrent));
        } else if i.key_pressed(Key::Escape) {
            answer = Some(None);
        } else if let Some(n) = digits.iter().position(|k| i.key_pressed(*k))
            && let Some(sp) = s.speakers.get(n)
        {
            answer = Some(Some(MentionChoice::MentionOf(sp.id)));
        }
    });
    let name = isolate(&p.name);
    egui::Window::new("Who is this?")
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(visual_ltr(&if p.pronoun {
                format!("“{name}” is a pronoun: who does it refer to?")
            } else {
                format!("“{name}” is not a known name or alias.")
            }));
            ui.add_space(4.0);
            let enter_text = match enter {
                MentionChoice::MentionOf(id) => format!(
                    "Enter · Mention of {} (named last before it)",
                    isolate(s.speaker_name(Some(id)))
                ),
                MentionChoice::Nobody => "Enter · A mention of nobody yet".to_owned(),
                _ => format!("Enter · New speaker “{name}”"),
            };
            if ui.button(visual_ltr(&enter_text)).clicked() {
                answer = Some(Some(enter));
            }
            if let Some(c) = current.filter(|_| !p.pronoun)
                && ui
                    .button(visual_ltr(&format!("A · Alias of {}", isolate(&c.name))))
                    .clicked()
            {
                answer = Some(Some(MentionChoice::AliasOfCurrent));
            }
            for (n, sp) in s.speakers.iter().enumerate().take(9) {
                if ui
                    .button(visual_ltr(&format!(
                        "{} · Mention of {}",
                        n + 1,
                        isolate(&sp.name)
                    )))
                    .clicked()
                {
                    answer = Some(Some(MentionChoice::MentionOf(sp.id)));
                }
            }
            if ui.button("Esc · Cancel").clicked() {
                answer = Some(None);
            }
            ui.label(
                RichText::new(format!(
                    "Whatever you choose is one step: {} undoes it.",
                    crate::ui::commands::UiCommand::Undo.shortcut_text()
                ))
                .weak()
                .small(),
            );
        });
    if let Some(choice) = answer {
        actions.push(Action::AnswerMention(choice));
    }
}
