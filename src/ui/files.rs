//! The window's file actions: save, save as, the unsaved-changes guard, opening, export,
//! import and locating a moved article.

use std::path::{Path, PathBuf};

use crate::io::document::{Document, OpenError};
use crate::io::formats::files::{self, ExportFormat, ImportFormat};

use super::app::NewsmarkApp;
use super::dialogs::Pending;

impl NewsmarkApp {
    pub(crate) fn suggested_save_path(&self) -> PathBuf {
        self.doc.as_ref().map_or_else(
            || self.saves_dir.join("session.ron"),
            |d| {
                d.session_path
                    .clone()
                    .unwrap_or_else(|| d.default_save_path(&self.saves_dir))
            },
        )
    }

    /// Save to the session's file, or to `saves/<article>.ron` the first time (never over
    /// another existing file: a number is added instead).
    pub(crate) fn save(&mut self) {
        let Some(doc) = &self.doc else { return };
        let path = match &doc.session_path {
            Some(p) => p.clone(),
            None => unused_path(doc.default_save_path(&self.saves_dir)),
        };
        self.save_to(&path);
    }

    pub(crate) fn save_to(&mut self, path: &Path) {
        let Some(doc) = self.doc.as_mut() else { return };
        match doc.save_to(path) {
            Ok(()) => {
                self.saved_version = self.history.version();
                self.unsaved_outside_history = 0;
                self.history.seal();
                let discarded = self.discard_recovery();
                self.remember_recent();
                self.status = match discarded {
                    Ok(()) => format!("Saved {}", path.display()),
                    Err(e) => format!("Saved {}, but {e}", path.display()),
                };
            }
            Err(e) => {
                self.status = format!("Save failed: {e}");
                self.dialogs.error = Some(format!("{e}\n\nThe previous file was not changed."));
            }
        }
    }

    /// Runs `pending` now, or asks Save / Discard / Cancel first if there are unsaved changes.
    pub(crate) fn guard(&mut self, pending: Pending) {
        if self.is_dirty() {
            self.dialogs.confirm = Some(pending);
        } else {
            self.proceed(pending);
        }
    }

    /// Carries out an action the user confirmed.
    pub(crate) fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::Open(path) => match Document::open(&path) {
                Ok(doc) => self.set_document(doc),
                Err(e) => self.report_open_error(&path, &e),
            },
            Pending::Import(format, path) => self.import(format, &path),
            Pending::Quit => self.dialogs.quit_confirmed = true,
        }
    }

    pub(crate) fn export(&mut self, format: ExportFormat, path: &Path) {
        let Some(doc) = &self.doc else { return };
        match files::write_export(doc, format, path, &files::today_utc()) {
            Ok(written) => {
                let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
                self.status = format!(
                    "Exported {} annotations to {}",
                    doc.session.annotations.len(),
                    names.join(" and ")
                );
            }
            Err(e) => {
                self.status = format!("Export failed: {e}");
                self.dialogs.error = Some(e.to_string());
            }
        }
    }

    /// Replaces the session by annotations imported from `path` for the open article.
    pub(crate) fn import(&mut self, format: ImportFormat, path: &Path) {
        let Some(doc) = &self.doc else { return };
        let input = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8(bytes)
                .map_err(|_| format!("{} is not UTF-8 text", path.display())),
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        };
        let result = input.and_then(|input| {
            files::import_str(format, &input, &doc.text, doc.session.article.clone())
                .map_err(|e| format!("cannot import {}: {e}", path.display()))
        });
        match result {
            Ok((session, warnings)) => {
                let mut imported = Document {
                    session,
                    text: doc.text.clone(),
                    session_path: None,
                    notices: Vec::new(),
                    anchor_report: None,
                };
                imported.notices.extend(warnings.iter().take(3).cloned());
                let n = imported.session.annotations.len();
                self.set_document(imported);
                self.unsaved_outside_history = 1;
                self.status = format!(
                    "Imported {n} annotations from {} ({} warning(s)) — save to keep them",
                    path.display(),
                    warnings.len()
                );
                if !warnings.is_empty() {
                    self.dialogs.error = Some(format!(
                        "Imported {n} annotations. Some lines could not be mapped:\n\n{}",
                        warnings.join("\n")
                    ));
                }
            }
            Err(e) => {
                self.status = e.clone();
                self.dialogs.error = Some(e);
            }
        }
    }

    /// Joins the session at `session_path` with the article the user located at `article`.
    pub(crate) fn locate_article(&mut self, session_path: &Path, article: &Path) {
        let result = crate::io::session_file::load(session_path)
            .map_err(OpenError::from)
            .and_then(|s| Document::with_article(s, article, Some(session_path.to_owned())));
        match result {
            Ok(doc) => {
                self.set_document(doc);
                // The new article path is not saved yet.
                self.unsaved_outside_history += 1;
                self.status = format!("{} — save to remember the article's new place", self.status);
            }
            Err(e) => self.report_open_error(article, &e),
        }
    }
}

/// `path`, or `name-2.ron`, `name-3.ron`… if it exists.
fn unused_path(path: PathBuf) -> PathBuf {
    if !path.exists() {
        return path;
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}.{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(path)
}
