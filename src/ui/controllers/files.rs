//! The window's file actions: save, save as, the unsaved-changes guard, opening, export,
//! import and locating a moved article.

use std::path::{Path, PathBuf};

use crate::io::document::{Document, OpenError};
use crate::io::formats::files::{self, ExportFormat, ImportFormat};
use crate::model::edit::Edit;
use crate::model::history::History;
use crate::model::session::Session;

use crate::ui::app::NewsmarkApp;
use crate::ui::article_view::ArticleView;
use crate::ui::vocabulary::Pending;

impl NewsmarkApp {
    /// Shows `doc` with a fresh history. If opening re-anchored its annotations, the file's
    /// own annotations are the starting state and the re-anchoring is the first undo step, so
    /// the title shows unsaved changes and autosave keeps them.
    pub(crate) fn set_document(&mut self, doc: Document) {
        let base = stored_base(&doc);
        self.set_document_from(doc, base, "re-anchor annotations".into());
    }

    /// Shows `doc` with a fresh history that starts at `base` (if given) and has the change
    /// from `base` to `doc.session` as its one undo step, called `label`.
    pub(crate) fn set_document_from(
        &mut self,
        mut doc: Document,
        base: Option<Session>,
        label: String,
    ) {
        let target = base.map(|b| std::mem::replace(&mut doc.session, b));
        self.install(doc);
        let opened = self.ui.status.clone();
        if let Some(target) = target
            && let Some(edit) = self
                .work
                .doc
                .as_ref()
                .and_then(|d| Edit::between(&d.session, &target))
            && self.edit(edit, label, None)
        {
            self.ui.status = opened;
        }
        self.start_review();
    }

    /// Shows `doc` as it is, with a fresh history and nothing selected.
    fn install(&mut self, doc: Document) {
        self.ui.status = match doc.notices.is_empty() {
            true => format!("Opened {}", doc.display_name()),
            false => format!("Opened {}: {}", doc.display_name(), doc.notices.join("; ")),
        };
        let missing = crate::ui::text_engine::fonts::system().missing_in(doc.text.as_str());
        if !missing.is_empty() {
            self.ui.status.push_str(&format!(
                " · no installed font for {}: those characters show as boxes",
                missing.join(", ")
            ));
        }
        // Nobody is current until the user names or picks someone: a quote or claim is never
        // credited to whoever happens to be first in the registry.
        self.ui.current_speaker = None;
        self.work.doc = Some(doc);
        self.work.history = History::default();
        self.work.saved_version = 0;
        self.work.saved_revision = 0;
        self.ui.selection = None;
        self.ui.selected = None;
        self.ui.selected_speaker = None;
        self.ui.view = ArticleView::default();
        // The scroll area remembers its offset by id: a new article starts at its top.
        self.ui.view.page = Some(crate::ui::article_view::Page::Top);
        self.ui.candidates.clear();
        self.drop_compare();
        self.ui.suggestions = crate::ui::state::suggestions::SuggestionState::default();
        self.ui.open_quote = None;
        self.work.ask_where = false;
        self.refresh_search();
        self.remember_recent();
        self.check_recovery();
    }

    pub(crate) fn suggested_save_path(&self) -> PathBuf {
        self.work.doc.as_ref().map_or_else(
            || self.work.places.saves.join("session.ron"),
            |d| {
                d.session_path
                    .clone()
                    .unwrap_or_else(|| d.default_save_path(&self.work.places.saves))
            },
        )
    }

    /// Save to the session's file, or to `<saves>/<article>.ron` the first time (never over
    /// another existing file: a number is added instead). The built-in sample asks where.
    pub(crate) fn save(&mut self) {
        let Some(doc) = &self.work.doc else { return };
        if self.work.ask_where {
            let suggested = self.suggested_save_path();
            self.ui.dialogs.save_as(suggested);
            return;
        }
        let (path, taken) = match &doc.session_path {
            Some(p) => (p.clone(), None),
            None => {
                let default = doc.default_save_path(&self.work.places.saves);
                let path = crate::io::disk::unused_path(default.clone());
                (path.clone(), (path != default).then_some(default))
            }
        };
        self.save_to(&path);
        if let Some(other) = taken
            && self
                .work
                .doc
                .as_ref()
                .is_some_and(|d| d.session_path.is_some())
        {
            self.ui.status = format!(
                "Saved {} ({} is the session of another article with the same name)",
                path.display(),
                other.display()
            );
        }
    }

    pub(crate) fn save_to(&mut self, path: &Path) {
        // Never over another window's session, nor over a file someone changed meanwhile.
        if self.work.doc.is_none() || !self.may_write(path) {
            return;
        }
        let Some(doc) = self.work.doc.as_mut() else {
            return;
        };
        // A session records who made it: the name from the preferences, unless it has one.
        if doc.session.annotator.is_empty() && !self.prefs.annotator.trim().is_empty() {
            doc.session.annotator = self.prefs.annotator.trim().to_owned();
        }
        match doc.save_to(path) {
            Ok(()) => {
                self.saved_here(path);
                self.work.ask_where = false;
                self.refresh_project_entry();
                self.work.saved_version = self.work.history.version();
                self.work.saved_revision = self.work.history.revision();
                self.work.history.seal();
                let discarded = self.discard_recovery();
                self.remember_recent();
                self.ui.status = match discarded {
                    Ok(()) => format!("Saved {}", path.display()),
                    Err(e) => format!("Saved {}, but {e}", path.display()),
                };
            }
            Err(e) => {
                self.ui.status = format!("Save failed: {e}");
                self.ui.dialogs.error = Some(format!("{e}\n\nThe previous file was not changed."));
            }
        }
    }

    /// Runs `pending` now, or asks Save / Discard / Cancel first if there are unsaved changes.
    pub(crate) fn guard(&mut self, pending: Pending) {
        if self.is_dirty() {
            self.ui.dialogs.confirm = Some(pending);
        } else {
            self.proceed(pending);
        }
    }

    /// Carries out an action the user confirmed.
    /// After "save the changes first?": saves if asked, then goes on only if nothing unsaved
    /// is left behind (the save worked, or the user discarded).
    pub(crate) fn confirmed(&mut self, pending: Pending, save: bool) {
        if save {
            self.save();
        }
        if save && self.is_dirty() {
            return;
        }
        let discarded = self.discard_recovery();
        self.proceed(pending);
        if let Err(e) = discarded {
            self.ui.status = format!("{} — but {e}", self.ui.status);
        }
    }

    pub(crate) fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::Open(path) if path.is_dir() => match crate::io::page::page_of_folder(&path) {
                // A "Web page, complete" folder is its page, not a project.
                Some(page) => self.proceed(Pending::Open(page)),
                None => self.open_project(&path),
            },
            // An article of the open project opens with the annotator's session there.
            Pending::Open(path) if self.project_entry_of(&path).is_some() => {
                if let Some(i) = self.project_entry_of(&path) {
                    self.open_in_project(i);
                }
            }
            Pending::Open(path) => match Document::open(&path) {
                Ok(doc) => {
                    // An article that already has a session opens with it: never a second,
                    // empty session beside the real one.
                    if doc.session_path.is_none()
                        && let Some((session, true)) =
                            doc.existing_session(&self.work.places.saves, &path)
                    {
                        match Document::open(&session) {
                            Ok(existing) => {
                                let notes: String =
                                    existing.notices.iter().map(|n| format!("; {n}")).collect();
                                self.set_document(existing);
                                self.ui.status = format!(
                                    "{} has a session already: opened {} (Save As starts \
                                     another){notes}",
                                    path.display(),
                                    session.display()
                                );
                            }
                            Err(e) => self.report_open_error(&session, &e),
                        }
                        if let Some(p) = &mut self.work.project {
                            p.current = None;
                        }
                        return;
                    }
                    self.set_document(doc);
                    // A file from elsewhere: no article of the project is open now.
                    if let Some(p) = &mut self.work.project {
                        p.current = None;
                    }
                }
                Err(e) => self.report_open_error(&path, &e),
            },
            Pending::Quit => self.ui.dialogs.quit_confirmed = true,
        }
    }

    /// The index of the open project's article at `path`, if it is one.
    fn project_entry_of(&self, path: &Path) -> Option<usize> {
        let p = self.work.project.as_ref()?;
        p.entries
            .iter()
            .position(|e| files::same_file(&e.article, path))
    }

    /// Writes the export; with `anchored_only`, without the annotations that are not anchored.
    pub(crate) fn export(&mut self, format: ExportFormat, path: &Path, anchored_only: bool) {
        let Some(doc) = &self.work.doc else { return };
        let anchored;
        let (doc, left_out) = if anchored_only {
            anchored = doc.anchored_only();
            let left_out =
                (doc.session.annotations.len()).saturating_sub(anchored.session.annotations.len());
            (&anchored, left_out)
        } else {
            (doc, 0)
        };
        match files::write_export(doc, format, path, &files::today_utc()) {
            Ok(written) => {
                let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
                self.ui.status = format!(
                    "Exported {} annotations to {}",
                    doc.session.annotations.len(),
                    names.join(" and ")
                );
                if left_out > 0 {
                    self.ui.status.push_str(&format!(
                        "; left out {left_out} not anchored in the article"
                    ));
                }
                if let Some(note) = format
                    .guesses_sources()
                    .then(|| crate::io::formats::nearest::guessed_note(&doc.session))
                    .flatten()
                {
                    self.ui.status.push_str(&format!("; {note}"));
                }
            }
            Err(e) => {
                self.ui.status = format!("Export failed: {e}");
                self.ui.dialogs.error = Some(e.to_string());
            }
        }
    }

    /// Replaces the session by annotations imported from `path` for the open article.
    pub(crate) fn import(&mut self, format: ImportFormat, path: &Path) {
        let Some(doc) = &self.work.doc else { return };
        let input = files::read_input(path).map_err(|e| e.to_string());
        let result = input.and_then(|input| {
            files::import_str(
                format,
                &input,
                &doc.text,
                doc.session.article.clone(),
                &files::ImportOptions::default(),
            )
            .map(|i| (i.session, [i.dropped, i.notes].concat()))
            .map_err(|e| format!("cannot import {}: {e}", path.display()))
        });
        match result {
            Ok((session, warnings)) => {
                let n = session.annotations.len();
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |f| f.to_string_lossy().into(),
                );
                // Imported for this article: only speakers and annotations change.
                let applied = Edit::between(&doc.session, &session).is_none_or(|edit| {
                    self.edit(edit, format!("import {n} annotations from {name}"), None)
                });
                if !applied {
                    return;
                }
                // What was under review or offered belongs to the replaced annotations.
                self.work.recovery.review.clear();
                self.ui.candidates.clear();
                self.ui.status = format!(
                    "Imported {n} annotations from {} ({} warning(s)) — save to keep them, \
                     undo to go back",
                    path.display(),
                    warnings.len()
                );
                if !warnings.is_empty() {
                    self.ui.dialogs.error = Some(format!(
                        "Imported {n} annotations. Some lines could not be mapped:\n\n{}",
                        crate::io::formats::bounded_lines(
                            &warnings,
                            crate::io::formats::SHOWN_PROBLEMS
                        )
                        .join("\n")
                    ));
                }
            }
            Err(e) => {
                self.ui.status = e.clone();
                self.ui.dialogs.error = Some(e);
            }
        }
    }

    /// Joins the session at `session_path` with the article the user located at `article`;
    /// the new place (and any re-anchoring) is one undo step, unsaved until saved.
    pub(crate) fn locate_article(&mut self, session_path: &Path, article: &Path) {
        let result = crate::io::session_file::load(session_path)
            .map_err(OpenError::from)
            .and_then(|stored| {
                let doc =
                    Document::with_article(stored.clone(), article, Some(session_path.to_owned()))?;
                Ok((doc, stored))
            });
        match result {
            Ok((doc, stored)) => {
                let mut base = doc.session.clone();
                base.article = stored.article;
                base.annotations = stored.annotations;
                base.annotations.sort_by_key(|a| (a.start, a.end, a.id));
                let label = format!("locate the article at {}", article.display());
                self.set_document_from(doc, Some(base), label);
                self.ui.status = format!(
                    "{} — save to remember the article's new place",
                    self.ui.status
                );
            }
            Err(e) => self.report_open_error(article, &e),
        }
    }
}

/// The session as its file stores it, when opening `doc` re-anchored the annotations: the same
/// session with the file's annotations (offsets and text as saved) in session order.
fn stored_base(doc: &Document) -> Option<Session> {
    doc.anchor_report.as_ref()?;
    let stored = crate::io::session_file::load(doc.session_path.as_deref()?).ok()?;
    let mut base = doc.session.clone();
    base.annotations = stored.annotations;
    base.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    Some(base)
}
