//! The application: state, the frame loop, and the one place where actions change the session.

use std::path::{Path, PathBuf};

use crate::io::document::{Document, OpenError};
use crate::model::annotation::{AnnotationId, Span};
use crate::model::edit::Edit;

use crate::io::places::Places;
use crate::ui::article_view::ArticleView;
use crate::ui::state::{UiState, Work};
use crate::ui::vocabulary::Pending;
pub use crate::ui::vocabulary::{Action, Field, SideTab};
use crate::ui::workflow::Prefs;

/// The newsmark window: the work on the open article, what the window shows, and the
/// preferences. Panels read the parts they need and return [`Action`]s; [`NewsmarkApp::apply`]
/// is the one place where any of it changes.
pub struct NewsmarkApp {
    /// The open document, its history and its recovery file.
    pub(crate) work: Work,
    /// Selection, panels, dialogs and field buffers.
    pub(crate) ui: UiState,
    /// Remembered between runs.
    pub(crate) prefs: Prefs,
}

impl NewsmarkApp {
    /// A window with nothing open; sessions go to `saves_dir` by default, recovery files to
    /// `saves_dir/.recovery` (see [`Places::under`]).
    pub fn new(saves_dir: PathBuf) -> Self {
        Self::with_places(Places::under(&saves_dir))
    }

    /// A window with nothing open that keeps its files in `places`.
    pub fn with_places(places: Places) -> Self {
        Self {
            work: Work::new(places),
            ui: UiState::default(),
            prefs: Prefs::default(),
        }
    }

    /// A window with `path` open, or with the error shown in it (and returned, for stderr)
    /// if it cannot be opened.
    pub fn with_file(saves_dir: PathBuf, path: &Path) -> (Self, Option<OpenError>) {
        Self::new(saves_dir).open_now(path)
    }

    /// Opens `path` in this app now (no unsaved-changes question); returns the error if any.
    pub fn open_now(mut self, path: &Path) -> (Self, Option<OpenError>) {
        match Document::open(path) {
            Ok(doc) => {
                self.set_document(doc);
                (self, None)
            }
            Err(e) => {
                self.report_open_error(path, &e);
                (self, Some(e))
            }
        }
    }

    /// Opens `path` as File ▸ Open does (an article that has a session opens the session);
    /// returns the reason when it cannot be opened.
    pub fn open_as_user_would(&mut self, path: &Path) -> Option<String> {
        self.proceed(Pending::Open(path.to_owned()));
        if self.work.doc.is_some() {
            return None;
        }
        Document::open(path).err().map(|e| e.to_string())
    }

    /// Opens the built-in annotated sample; saving it asks where.
    pub fn open_sample(&mut self) {
        match crate::io::sample::open_annotated(&self.work.places.sample) {
            Ok(doc) => {
                self.set_document(doc);
                self.work.ask_where = true;
                self.ui.status = format!(
                    "The annotated sample: select text and press {}, {} or {} to try; Save asks \
                         where",
                    crate::ui::commands::UiCommand::MarkClaim.shortcut_text(),
                    crate::ui::commands::UiCommand::MarkQuote.shortcut_text(),
                    crate::ui::commands::UiCommand::MarkMention.shortcut_text()
                );
            }
            Err(e) => self.report_open_error(Path::new(crate::io::sample::ARTICLE_NAME), &e),
        }
    }

    /// Sign sessions with `name` (as if it had been given in the name bar).
    pub fn with_annotator(mut self, name: &str) -> Self {
        self.prefs.annotator = name.trim().to_owned();
        self.prefs.annotator_asked = true;
        self
    }

    /// Articles of the open project (0 without one).
    pub fn project_len(&self) -> usize {
        self.work.project.as_ref().map_or(0, |p| p.entries.len())
    }

    /// Use only the typed-path field for choosing files, never the system dialog (tests).
    pub fn typed_paths_only(mut self) -> Self {
        self.ui.dialogs.typed_paths_only = true;
        self
    }

    /// The open document, if any.
    pub fn document(&self) -> Option<&Document> {
        self.work.doc.as_ref()
    }

    /// True if the session has changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.work.is_dirty()
    }

    /// True once the user agreed to close the window (it closes at the end of the frame).
    pub fn is_closing(&self) -> bool {
        self.ui.dialogs.quit_confirmed
    }

    /// The status bar's message (last action or error).
    pub fn status(&self) -> &str {
        &self.ui.status
    }

    /// The error dialog's text, if one is shown.
    pub fn error(&self) -> Option<&str> {
        self.ui.dialogs.error.as_deref()
    }

    /// The kept text selection, as code points.
    pub fn selection(&self) -> Option<Span> {
        self.ui.selection
    }

    /// The selected annotation.
    pub fn selected(&self) -> Option<AnnotationId> {
        self.ui.selected
    }

    /// The article view (layout details for tests and benchmarks).
    pub fn article_view(&self) -> &ArticleView {
        &self.ui.view
    }

    /// Gives egui the system fonts as fallbacks (once), so panels draw every script.
    pub(crate) fn install_fonts(&mut self, ctx: &egui::Context) {
        if !std::mem::replace(&mut self.ui.fonts_installed, true) {
            ctx.add_font_provider(std::sync::Arc::new(
                crate::ui::text_engine::fonts::EguiFallback,
            ));
        }
    }

    pub(crate) fn report_open_error(&mut self, path: &Path, e: &OpenError) {
        if let OpenError::ArticleMissing { session, article } = e {
            self.ui.dialogs.locate_article(session.clone(), article);
        } else {
            self.ui.dialogs.error = Some(e.to_string());
        }
        self.ui.status = format!("Could not open {}", path.display());
    }

    /// Applies one action: the only place where the session changes.
    pub(crate) fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Command(cmd) => self.command(ctx, cmd),
            Action::Edit {
                edit,
                label,
                coalesce,
            } => {
                self.edit(*edit, label, coalesce);
            }
            Action::SetSelection(span) => self.ui.selection = span,
            Action::Select(id, scroll) => {
                self.ui.selected = id;
                self.open_if_quote(id);
                if scroll {
                    self.ui.view.scroll_to = id;
                }
            }
            Action::SelectSpeaker(id) => self.ui.selected_speaker = id,
            Action::SetCurrentSpeaker(id) => self.ui.current_speaker = id,
            // A folder where a file was expected becomes a project only when the user says so.
            Action::Open(path)
                if crate::ui::dialogs::folder_prompt::would_create_project(&path) =>
            {
                self.ui.dialogs.folder = Some(path);
            }
            Action::Open(path) => self.guard(Pending::Open(path)),
            Action::CreatePasted(clip, url) => self.create_pasted(&clip, &url),
            Action::SaveTo(path) => self.save_to(&path),
            Action::OpenSample => self.open_sample(),
            Action::OpenProject(dir) => self.guard(Pending::Open(dir)),
            Action::OpenInProject(i) => self.open_in_project(i),
            Action::SortProject(sort) => self.ui.project.sort = sort,
            Action::SearchProject(query) => self.search_project(query),
            Action::OpenHit(n) => self.open_hit(n),
            Action::SetProjectStats(whole) => self.ui.project_stats = whole,
            Action::SetField(Field::ProjectFilter, text) => self.ui.project.filter = text,
            Action::SetField(Field::ProjectQuery, text) => self.ui.project.query = text,
            Action::PartFromSelection(id, part) => self.set_quote_part(id, part),
            Action::AnswerSharing(choice) => self.answer_sharing(choice),
            Action::AnswerFolder(choice) => self.answer_folder(choice),
            Action::AnswerHeld(open) => self.answer_held(open),
            Action::PickSource(quote, mention) => self.pick_source(quote, mention),
            Action::CloseOpenQuote => {
                self.ui.open_quote = None;
                self.ui.status = "No open quote".into();
            }
            Action::AddSpeaker(name) => self.add_speaker(name),
            Action::AnswerMention(choice) => self.answer_mention(choice),
            Action::AcceptSuggestion(i) => self.accept_suggestion(Some(i)),
            Action::RejectSuggestion(i) => self.reject_suggestion(Some(i)),
            Action::AcceptAllSuggestions(quotes) => self.accept_all_suggestions(quotes),
            Action::SortClaims(order) => self.ui.claim_order = order,
            Action::DismissSuggestions => {
                self.ui.suggestions.pending.clear();
                self.ui.view.invalidate();
            }
            Action::SetAnnotator(name) => {
                self.prefs.annotator_asked = true;
                if let Some(name) = name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()) {
                    self.ui.status = format!("Sessions you save are now signed “{name}”");
                    self.ui.annotator_field = name.clone();
                    self.prefs.annotator = name;
                    self.project_annotator_named();
                }
            }
            Action::Export(format, path) => {
                if !self.hold_export(format, path.clone()) {
                    self.export(format, &path, false);
                }
            }
            Action::ExportAnchored(format, path) => {
                self.work.recovery.export = None;
                self.export(format, &path, true);
            }
            // An undoable step like any other edit: no unsaved-changes question.
            Action::Import(format, path) => self.import(format, &path),
            Action::ChooseExport(format) => {
                let stem = self
                    .work
                    .doc
                    .as_ref()
                    .map(|d| d.default_save_path(&self.work.places.saves));
                let suggested = stem
                    .unwrap_or_else(|| self.work.places.saves.join("export"))
                    .with_extension(format.extension());
                self.ui.dialogs.export(format, suggested);
            }
            Action::ChooseImport(format) => self.ui.dialogs.import(format),
            Action::SetSearch(query) => {
                self.ui.search.query = query;
                self.refresh_search();
            }
            Action::SetFilter(filter) => {
                self.ui.filter = filter;
                self.ui.view.invalidate();
            }
            Action::FindMentions(speaker) => self.find_mentions(speaker),
            Action::AcceptCandidate(i) => self.accept_candidates(Some(i)),
            Action::AcceptAllCandidates => self.accept_candidates(None),
            Action::ClearCandidates => {
                self.ui.candidates.clear();
                self.ui.view.invalidate();
            }
            Action::ShowSpan(span) => {
                self.ui.selection = Some(span);
                self.ui.view.scroll_to_span = Some(span);
            }
            Action::SetTab(tab) => self.ui.side_tab = tab,
            Action::SetField(Field::NewSpeaker, text) => self.ui.new_speaker_name = text,
            Action::SetField(Field::NewAlias, text) => self.ui.new_alias = text,
            Action::SetField(Field::Sources(id), text) => self.ui.sources_field = Some((id, text)),
            Action::Confirm(pending, save) => self.confirmed(pending, save),
            Action::LocateArticle { session, article } => self.locate_article(&session, &article),
            Action::AnswerRecovery(restore) => self.answer_recovery(restore),
            Action::DiskChanged(choice) => self.answer_disk_change(choice),
            Action::Reviewed(id) => self.work.recovery.review.retain(|r| *r != id),
            Action::CloseReview => {
                self.work.recovery.review.clear();
                self.work.recovery.export = None;
                // Orphans were hidden while under review.
                self.ui.view.invalidate();
            }
            Action::Compare(c) => self.compare_action(c),
        }
    }

    /// Applies `edit` through the history; true if it applied (the status says what happened).
    pub(crate) fn edit(&mut self, edit: Edit, label: String, coalesce: Option<String>) -> bool {
        let Some(doc) = self.work.doc.as_mut() else {
            return false;
        };
        let depth = self.work.history.undo_len();
        let applied = match self.work.history.apply_coalescing(
            &mut doc.session,
            edit,
            label.clone(),
            coalesce,
        ) {
            Ok(()) => {
                // The steps that were undone can no longer be redone, nor their decisions.
                if let Some(c) = &mut self.ui.compare {
                    c.decisions.forget_above(depth);
                }
                self.ui.status = capitalized(&label);
                true
            }
            Err(e) => {
                self.ui.status = format!("Could not {label}: {e}");
                false
            }
        };
        self.after_change();
        applied
    }

    /// Drops references to things that no longer exist after a change.
    pub(crate) fn after_change(&mut self) {
        if let Some(c) = &mut self.ui.compare {
            c.depth = self.work.history.undo_len();
        }
        let Some(doc) = &self.work.doc else { return };
        let review = &mut self.work.recovery.review;
        review.retain(|id| doc.session.annotation(*id).is_some());
        if review.is_empty() {
            self.work.recovery.export = None;
        }
        if self
            .ui
            .selected
            .is_some_and(|id| doc.session.annotation(id).is_none())
        {
            self.ui.selected = None;
        }
        if self
            .ui
            .current_speaker
            .is_some_and(|id| doc.session.speaker(id).is_none())
        {
            self.ui.current_speaker = None;
        }
        if self
            .ui
            .selected_speaker
            .is_some_and(|id| doc.session.speaker(id).is_none())
        {
            self.ui.selected_speaker = None;
        }
        self.ui.view.invalidate();
    }

    /// The window title: file name, unsaved mark, app name.
    pub fn title(&self) -> String {
        match &self.work.doc {
            Some(d) => format!(
                "newsmark — {}{}",
                d.display_name(),
                if self.is_dirty() { " ●" } else { "" }
            ),
            None => "newsmark".into(),
        }
    }

    pub(crate) fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.ui.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.ui.title = title;
        }
    }
}

/// "add claim" → "Add claim".
fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
