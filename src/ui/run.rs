//! Carrying out the commands of the table (keys, menus, toolbar).

use crate::model::annotation::KindTag;
use crate::model::compare::Decision;
use crate::model::edit::Edit;

use crate::ui::app::NewsmarkApp;
use crate::ui::article_view::Page;
use crate::ui::commands::UiCommand;
use crate::ui::dialogs::about::{AboutInfo, InfoWindow};
use crate::ui::vocabulary::Pending;
use crate::ui::vocabulary::QuotePart;

impl NewsmarkApp {
    pub(crate) fn command(&mut self, ctx: &egui::Context, cmd: UiCommand) {
        match cmd {
            UiCommand::Open => self.ui.dialogs.open_file(),
            UiCommand::OpenFolder => self.ui.dialogs.open_folder(),
            UiCommand::NextDocument => self.step_document(true),
            UiCommand::PrevDocument => self.step_document(false),
            UiCommand::ToggleDone => self.toggle_done(),
            UiCommand::Save => self.save(),
            UiCommand::SaveAs => {
                let suggested = self.suggested_save_path();
                self.ui.dialogs.save_as(suggested);
            }
            UiCommand::Quit => self.guard(Pending::Quit),
            UiCommand::Undo => self.undo_redo(true),
            UiCommand::Redo => self.undo_redo(false),
            UiCommand::MarkClaim => self.mark(KindTag::Claim),
            UiCommand::MarkQuote => self.mark(KindTag::Quote),
            UiCommand::MarkMention => self.mark(KindTag::Mention),
            UiCommand::DeleteAnnotation => {
                if let Some(id) = self.ui.selected {
                    self.edit(Edit::RemoveAnnotation(id), "delete annotation".into(), None);
                    self.ui.selected = None;
                }
            }
            UiCommand::NextAnnotation => self.step_annotation(true),
            UiCommand::PrevAnnotation => self.step_annotation(false),
            UiCommand::ClearSelection => {
                // Escape closes the window on top first: help, about or guide, publication details,
                // review.
                if std::mem::take(&mut self.ui.dialogs.help) {
                    return;
                }
                if self.ui.dialogs.info.take().is_some() {
                    return;
                }
                if self.ui.dialogs.publication.take().is_some() {
                    return;
                }
                if !self.work.recovery.review.is_empty() {
                    self.work.recovery.review.clear();
                    // Orphans were hidden while under review.
                    self.ui.view.invalidate();
                    return;
                }
                self.ui.selection = None;
                self.ui.selected = None;
                self.ui.view.clear_cursor = true;
            }
            UiCommand::Suggest => self.suggest(),
            UiCommand::TrainFromProject => self.train_from_project(ctx),
            UiCommand::AcceptSuggestion => self.accept_suggestion(None),
            UiCommand::RejectSuggestion => self.reject_suggestion(None),
            UiCommand::SetCue => self.quote_part_by_key(QuotePart::Cue),
            UiCommand::AddQuotePart => self.quote_part_by_key(QuotePart::More),
            UiCommand::SetSource => self.quote_part_by_key(QuotePart::Source),
            UiCommand::PageDown => self.ui.view.page = Some(Page::Down),
            UiCommand::PageUp => self.ui.view.page = Some(Page::Up),
            UiCommand::ScrollTop => self.ui.view.page = Some(Page::Top),
            UiCommand::ScrollBottom => self.ui.view.page = Some(Page::Bottom),
            UiCommand::ZoomIn => self.prefs.font_size = (self.prefs.font_size + 2.0).min(40.0),
            UiCommand::ZoomOut => self.prefs.font_size = (self.prefs.font_size - 2.0).max(10.0),
            UiCommand::ToggleTheme => {
                let dark = ctx.global_style().visuals.dark_mode;
                ctx.set_theme(if dark {
                    egui::Theme::Light
                } else {
                    egui::Theme::Dark
                });
            }
            UiCommand::Help => self.ui.dialogs.help = !self.ui.dialogs.help,
            UiCommand::UserGuide => self.ui.dialogs.info = Some(InfoWindow::Guide),
            UiCommand::About => {
                let about = AboutInfo::gather(&self.work.places);
                self.ui.dialogs.info = Some(InfoWindow::About(Box::new(about)));
            }
            UiCommand::SwitchFocus => self.switch_focus(ctx),
            UiCommand::WhatIsHere => self.what_is_here(),
            UiCommand::Find => self.ui.search.focus = true,
            UiCommand::FindNext => self.find_step(true),
            UiCommand::FindPrevious => self.find_step(false),
            UiCommand::ToggleSticky => {
                self.ui.sticky = match self.ui.sticky {
                    Some(_) => None,
                    None => Some(self.ui.last_kind),
                };
                self.ui.sticky_seen = self.ui.selection;
                self.ui.status = match self.ui.sticky {
                    Some(k) => format!("Sticky mode: every new selection becomes a {}", k.label()),
                    None => "Sticky mode off".into(),
                };
            }
            UiCommand::Speaker1
            | UiCommand::Speaker2
            | UiCommand::Speaker3
            | UiCommand::Speaker4
            | UiCommand::Speaker5
            | UiCommand::Speaker6
            | UiCommand::Speaker7
            | UiCommand::Speaker8
            | UiCommand::Speaker9
            | UiCommand::NoSpeaker => self.pick_speaker(cmd.speaker_index().flatten()),
            UiCommand::CompareWith => {
                if self.work.doc.is_some() {
                    self.ui.dialogs.compare();
                }
            }
            UiCommand::TakeA => self.decide(Decision::TakeA),
            UiCommand::TakeB => self.decide(Decision::TakeB),
            UiCommand::TakeBoth => self.decide(Decision::Both),
            UiCommand::NextUndecided => self.next_undecided(),
            UiCommand::AnswerDefault
            | UiCommand::AnswerMove
            | UiCommand::AnswerNewSpeaker
            | UiCommand::AnswerAlias
            | UiCommand::AnswerCancel
            | UiCommand::AnswerSpeaker1
            | UiCommand::AnswerSpeaker2
            | UiCommand::AnswerSpeaker3
            | UiCommand::AnswerSpeaker4
            | UiCommand::AnswerSpeaker5
            | UiCommand::AnswerSpeaker6
            | UiCommand::AnswerSpeaker7
            | UiCommand::AnswerSpeaker8
            | UiCommand::AnswerSpeaker9 => self.answer_by_key(cmd),
            UiCommand::PasteArticle => self.paste_article(),
            UiCommand::Publication => {
                self.ui.dialogs.publication = self
                    .work
                    .doc
                    .as_ref()
                    .map(|d| d.session.publication.clone());
            }
        }
    }

    /// An answer key, for whichever question is open: "this cue is taken" (share, move,
    /// cancel) or "who is this?" (the default, a new speaker, an alias, a known speaker,
    /// cancel). A key the question does not offer does nothing.
    fn answer_by_key(&mut self, cmd: UiCommand) {
        use crate::model::attribution::Sharing;
        use crate::ui::vocabulary::MentionChoice;
        if self.ui.dialogs.folder.is_some() {
            match cmd {
                UiCommand::AnswerDefault => {
                    let dir = self.ui.dialogs.folder.clone();
                    self.answer_folder(dir);
                }
                UiCommand::AnswerCancel => self.answer_folder(None),
                _ => {}
            }
            return;
        }
        if self.ui.dialogs.sharing.is_some() {
            match cmd {
                UiCommand::AnswerDefault => self.answer_sharing(Some(Sharing::Share)),
                UiCommand::AnswerMove => self.answer_sharing(Some(Sharing::Move)),
                UiCommand::AnswerCancel => self.answer_sharing(None),
                _ => {}
            }
            return;
        }
        let Some(prompt) = &self.ui.dialogs.mention else {
            return;
        };
        let has_current = self
            .ui
            .current_speaker
            .and_then(|c| self.work.doc.as_ref()?.session.speaker(c))
            .is_some();
        let choice = match cmd {
            UiCommand::AnswerDefault => Some(Some(prompt.default_choice())),
            UiCommand::AnswerNewSpeaker if !prompt.pronoun => Some(Some(MentionChoice::NewSpeaker)),
            UiCommand::AnswerAlias if !prompt.pronoun && has_current => {
                Some(Some(MentionChoice::AliasOfCurrent))
            }
            UiCommand::AnswerCancel => Some(None),
            _ => cmd.answer_speaker_index().and_then(|n| {
                let doc = self.work.doc.as_ref()?;
                let sp = doc.session.speakers.get(n)?;
                Some(Some(MentionChoice::MentionOf(sp.id)))
            }),
        };
        if let Some(choice) = choice {
            self.answer_mention(choice);
        }
    }

    /// Makes the `n`-th speaker of the registry current (`None`, or a number past the end:
    /// nobody).
    fn pick_speaker(&mut self, n: Option<usize>) {
        let Some(doc) = &self.work.doc else { return };
        let speaker = n.and_then(|i| doc.session.speakers.get(i));
        self.ui.current_speaker = speaker.map(|s| s.id);
        self.ui.status = match speaker {
            Some(s) => format!("New quotes and claims are attributed to {}", s.name),
            None => "No current speaker: new quotes and claims are attributed to nobody".into(),
        };
    }
}
