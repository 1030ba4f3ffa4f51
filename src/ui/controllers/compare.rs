//! File ▸ Compare with…: another annotator's session of the open article, its items, and the
//! decisions that adjudicate them into a curated session.
//!
//! Adjudication never writes either annotator's file: when it starts, the open session (A's,
//! saved first if it has unsaved work) is copied into a curated session of its own — in a
//! project `.newsmark/curation/ARTICLE.ron`, elsewhere `ARTICLE.curated.ron` beside A's file —
//! and the window switches to it, so decisions, undo and Save all go there. A curated session
//! that already exists is resumed as it is; B's file is only read.
//! (The tab is `panels/compare_panel.rs`, the state `state/compare.rs`.)

use crate::io::document::Document;
use crate::io::{project, session_file};
use crate::model::compare::{self, Decision, Decisions};
use crate::ui::app::{NewsmarkApp, SideTab};
use crate::ui::state::compare::*;
use crate::ui::style::count;
use crate::ui::vocabulary::CompareAction;
use std::path::{Path, PathBuf};

impl NewsmarkApp {
    pub(crate) fn compare_action(&mut self, action: CompareAction) {
        match action {
            CompareAction::Open(path) => self.open_compare(&path),
            CompareAction::Select(i) => self.select_item(i),
            CompareAction::Decide(i, d) => self.decide_item(i, d),
            CompareAction::NextOpen => self.next_undecided(),
            CompareAction::Close => {
                self.drop_compare();
                self.ui.status = "Comparison closed".into();
            }
        }
    }

    /// Stops comparing (the decisions made stay in the curated session, which stays open) and
    /// leaves the Compare tab.
    pub(crate) fn drop_compare(&mut self) {
        if self.ui.compare.take().is_some() {
            self.ui.view.invalidate();
        }
        if self.ui.side_tab == SideTab::Compare {
            self.ui.side_tab = SideTab::Annotations;
        }
    }

    /// Loads B's session from `path` and compares it with the open one, switching the window
    /// to the curated session first; a session of another article is refused with a message.
    fn open_compare(&mut self, path: &Path) {
        let Some(doc) = &self.work.doc else { return };
        let mut other = match session_file::load(path) {
            Ok(s) => s,
            Err(e) => {
                self.ui.dialogs.error = Some(e.to_string());
                self.ui.status = format!("Could not compare with {}", path.display());
                return;
            }
        };
        if other.article.sha256 != doc.session.article.sha256 {
            self.ui.dialogs.error = Some(format!(
                "{} is a session of another article ({}), not of {}: only sessions of the same \
                 article can be compared.",
                path.display(),
                other.article.path,
                doc.display_name(),
            ));
            self.ui.status = format!("Could not compare with {}", path.display());
            return;
        }
        let Some(how) = self.enter_curation() else {
            return;
        };
        let Some(doc) = &self.work.doc else { return };
        // Same text; what does not hold its text there (an orphan it kept) cannot be shown.
        let before = other.annotations.len();
        other.annotations.retain(|a| doc.is_anchored(a));
        let dropped = before - other.annotations.len();
        let items = compare::align(&doc.session, &other);
        let curated = doc.session_path.clone().unwrap_or_default();
        let state = CompareState {
            path: path.to_owned(),
            decisions: Decisions::new(items.len()),
            items,
            other,
            depth: self.work.history.undo_len(),
            selected: None,
            curated_from: how.clone(),
        };
        let mut status = format!(
            "Comparing with {}: {} — {} left to decide",
            state.other_name(),
            state.counts_text(),
            state.left()
        );
        if dropped > 0 {
            status.push_str(&format!(
                " ({} not anchored in the article left out)",
                count(dropped, "annotation")
            ));
        }
        status.push_str(&format!(
            " · editing the curated session {} ({how}); neither annotator's file is written",
            curated.display()
        ));
        let first = state.decisions.next_open(&state.items, None, state.depth);
        self.ui.compare = Some(state);
        self.ui.side_tab = SideTab::Compare;
        if let Some(i) = first {
            self.select_item(i);
        }
        self.ui.status = status;
        self.ui.view.invalidate();
    }

    /// Makes the open document the curated session of its article: already one, it stays;
    /// else the session is saved if it has unsaved work (it is the annotator's own), and the
    /// window switches to the curated session — the existing one, or a copy of this one.
    /// Returns how the curated session came about ("a copy of story.ron", "resumed"); `None`
    /// when it could not (the status or a dialog says why).
    fn enter_curation(&mut self) -> Option<String> {
        let doc = self.work.doc.as_ref()?;
        if doc.session_path.as_deref().is_some_and(project::is_curated) {
            return Some("resumed".to_owned());
        }
        let saved_first = self.is_dirty();
        if saved_first {
            self.save();
            if self.is_dirty() {
                let why = "Save this session first: adjudication starts from it as saved";
                self.ui.status = format!("{why} (not compared). {}", self.ui.status);
                return None;
            }
        }
        let doc = self.work.doc.as_ref()?;
        let mine = doc.display_name();
        let target = self.curated_path(doc);
        if target.is_file() {
            match Document::open_session(&target) {
                Ok(curated) => self.set_document(curated),
                Err(e) => {
                    self.ui.dialogs.error = Some(format!(
                        "The curated session {} cannot be opened: {e}",
                        target.display()
                    ));
                    self.ui.status = format!("Could not open {}", target.display());
                    return None;
                }
            }
            return Some("resumed from an earlier adjudication".to_owned());
        }
        let mut curated = doc.clone();
        curated.session_path = Some(target);
        curated.anchor_report = None;
        curated.notices.clear();
        // The curated session is the adjudicator's work, signed with their name when saved.
        curated.session.annotator = self.prefs.annotator.trim().to_owned();
        self.set_document(curated);
        Some(match saved_first {
            true => format!("a copy of {mine}, whose changes were saved first"),
            false => format!("a copy of {mine}"),
        })
    }

    /// Where the curated session of `doc` goes: the project's curation folder when `doc` is
    /// the project's open article, else beside its session file (or in the saves folder).
    fn curated_path(&self, doc: &Document) -> PathBuf {
        let in_project = self.work.project.as_ref().and_then(|p| {
            let entry = p.entries.get(p.current?)?;
            Some(project::curation_path(&p.dir, &entry.article))
        });
        in_project.unwrap_or_else(|| {
            let mine = doc
                .session_path
                .clone()
                .unwrap_or_else(|| doc.default_save_path(&self.work.places.saves));
            project::curated_beside(&mine)
        })
    }

    /// Selects item `i`: A's annotation, if any, and the item's place in the article.
    fn select_item(&mut self, i: usize) {
        let Some(c) = &mut self.ui.compare else {
            return;
        };
        let Some(item) = c.items.get(i) else { return };
        c.selected = Some(i);
        let doc = self.work.doc.as_ref();
        self.ui.selected = item
            .a
            .filter(|id| doc.is_some_and(|d| d.session.annotation(*id).is_some()));
        self.ui.view.scroll_to_span = Some(item.span);
        self.ui.selection = Some(item.span);
    }

    /// Decides the selected item (else the first one still open) by key.
    pub(crate) fn decide(&mut self, decision: Decision) {
        let Some(c) = &self.ui.compare else {
            self.ui.status = "Nothing to decide: File ▸ Compare with… first".into();
            return;
        };
        let open = c.decisions.next_open(&c.items, None, c.depth);
        match c.selected.filter(|&i| c.is_open(i)).or(open) {
            Some(i) => self.decide_item(i, decision),
            None => self.ui.status = "Nothing left to decide".into(),
        }
    }

    /// Carries out `decision` on item `i` as one undo step, then selects the next open item.
    fn decide_item(&mut self, i: usize, decision: Decision) {
        let (Some(c), Some(doc)) = (&self.ui.compare, &self.work.doc) else {
            return;
        };
        let Some(item) = c.items.get(i).filter(|_| c.is_open(i)) else {
            self.ui.status = format!(
                "Already decided ({} undoes the decision)",
                crate::ui::commands::UiCommand::Undo.shortcut_text()
            );
            return;
        };
        let Some((edit, label)) = compare::decision_edit(&doc.session, &c.other, item, decision)
        else {
            self.ui.status = "Both sessions agree here: nothing to decide".into();
            return;
        };
        if !self.edit(edit, label, None) {
            return;
        }
        let depth = self.work.history.undo_len();
        let Some(c) = &mut self.ui.compare else {
            return;
        };
        c.decisions.record(i, decision, depth);
        c.depth = depth;
        let left = c.left();
        let next = c.decisions.next_open(&c.items, Some(i), depth);
        self.ui
            .status
            .push_str(&format!(" — {left} left to decide"));
        match next {
            Some(n) => self.select_item(n),
            None => c.selected = Some(i),
        }
        self.ui.view.invalidate();
    }

    /// Selects the next item still to decide after the selected one.
    pub(crate) fn next_undecided(&mut self) {
        let Some(c) = &self.ui.compare else { return };
        match c.decisions.next_open(&c.items, c.selected, c.depth) {
            Some(i) => self.select_item(i),
            None => self.ui.status = "Nothing left to decide".into(),
        }
    }
}
