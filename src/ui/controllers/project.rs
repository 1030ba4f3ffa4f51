//! A folder of articles open as a project: the document list, moving from one article to the
//! next (the one left is saved first), Done marks, and a search across every article.
//! (The tab is `panels/project_panel.rs`, the state `state/project.rs`.)

use crate::io::document::Document;
use crate::io::project::{self, ProjectState, Status};
use crate::io::project_search;
use crate::ui::app::NewsmarkApp;
use crate::ui::state::project::*;
use std::path::Path;

impl NewsmarkApp {
    /// Opens the folder `dir` as a project and the article read last (or the first).
    pub fn open_project(&mut self, dir: &Path) {
        let annotator = project::annotator_folder(&self.prefs.annotator);
        let (state, state_note) = ProjectState::load_noting(dir, &annotator);
        let entries = match project::scan(dir, &annotator, &state) {
            Ok(entries) => entries,
            Err(e) => {
                self.ui.dialogs.error = Some(format!(
                    "Cannot open the folder {} as a project: {}",
                    dir.display(),
                    crate::io::disk::describe(&e)
                ));
                return;
            }
        };
        if entries.is_empty() {
            self.ui.dialogs.error = Some(format!(
                "{} holds no article (.txt files, in sub-folders too): nothing to annotate",
                dir.display()
            ));
            return;
        }
        let p = Project {
            dir: dir.to_owned(),
            annotator,
            state,
            entries,
            current: None,
        };
        let first = p
            .state
            .last
            .as_ref()
            .and_then(|last| p.entries.iter().position(|e| &e.name == last))
            .unwrap_or(0);
        let summary = format!(
            "Project {}: {} articles, {} done — sessions in {}",
            dir.display(),
            p.entries.len(),
            p.entries
                .iter()
                .filter(|e| e.status == Status::Done)
                .count(),
            ProjectState::path(dir, &p.annotator)
                .parent()
                .unwrap_or(dir)
                .display()
        );
        self.work.project = Some(p);
        self.ui.side_tab = crate::ui::vocabulary::SideTab::Project;
        self.open_in_project(first);
        self.ui.status = format!("{summary} · {}", self.ui.status);
        if state_note.is_some() {
            self.ui.dialogs.error = state_note;
        }
    }

    /// The answer to "open this folder as a project?": open it (after the usual question
    /// about unsaved work), or leave it untouched.
    pub(crate) fn answer_folder(&mut self, dir: Option<std::path::PathBuf>) {
        self.ui.dialogs.folder = None;
        match dir {
            Some(dir) => self.guard(crate::ui::vocabulary::Pending::Open(dir)),
            None => self.ui.status = "Not opened: nothing was written in the folder".into(),
        }
    }

    /// Opens the project's article `i` with the annotator's session of it (a new one if there
    /// is none yet, saved to its place in the project). The article left is saved first.
    pub(crate) fn open_in_project(&mut self, i: usize) {
        let Some(p) = &self.work.project else { return };
        let Some(entry) = p.entries.get(i) else {
            return;
        };
        let article = entry.article.clone();
        let session = project::session_path(&p.dir, &p.annotator, &article);
        if self.is_dirty() {
            self.save();
            if self.is_dirty() {
                // The save failed and says why; the work stays open.
                return;
            }
        }
        let opened = if session.is_file() {
            Document::open(&session)
        } else {
            Document::open(&article).map(|mut doc| {
                doc.session_path = Some(session.clone());
                doc
            })
        };
        match opened {
            Ok(doc) => {
                self.set_document(doc);
                if let Some(p) = &mut self.work.project {
                    p.current = Some(i);
                    // A page's text was just written beside it: the list names that text
                    // from now on, as a rescan would (Done marks and sessions follow it).
                    let text = crate::io::page::open::text_path(&article);
                    if (crate::io::page::is_page(&article)
                        || crate::io::page::is_markdown(&article))
                        && text.is_file()
                        && let Some(e) = p.entries.get_mut(i)
                    {
                        *e = project::entry(&p.dir, &p.annotator, &p.state, &text);
                    }
                }
                self.remember_in_project(i);
            }
            Err(e) => self.report_open_error(&article, &e),
        }
    }

    /// The annotator gave their name while a project was open under "anonymous": from now on
    /// the project is theirs — their sessions and Done marks are read, and the open article's
    /// work, if not saved yet, is saved under their name.
    pub(crate) fn project_annotator_named(&mut self) {
        let folder = project::annotator_folder(&self.prefs.annotator);
        let Some(p) = &mut self.work.project else {
            return;
        };
        if p.annotator == folder || p.annotator != project::annotator_folder("") {
            return;
        }
        p.annotator = folder;
        p.state = ProjectState::load(&p.dir, &p.annotator);
        if let Ok(entries) = project::scan(&p.dir, &p.annotator, &p.state) {
            p.entries = entries;
        }
        let Some(i) = p.current else { return };
        let Some(new_path) = p
            .entries
            .get(i)
            .map(|e| project::session_path(&p.dir, &p.annotator, &e.article))
        else {
            return;
        };
        if new_path.is_file() {
            // They already have a session of this article: it opens (any unsaved work is saved
            // first where it was), never overwritten by what was open.
            self.open_in_project(i);
        } else if let Some(doc) = &mut self.work.doc
            && doc.session_path.as_ref().is_none_or(|p| !p.is_file())
            // A curated session is nobody's own: it stays in the curation folder.
            && !doc.session_path.as_deref().is_some_and(project::is_curated)
        {
            doc.session_path = Some(new_path);
        }
    }

    /// Makes entry `i` the one reopened next time.
    fn remember_in_project(&mut self, i: usize) {
        let Some(p) = &mut self.work.project else {
            return;
        };
        let Some(name) = p.entries.get(i).map(|e| e.name.clone()) else {
            return;
        };
        p.state.last = Some(name);
        if let Err(e) = p.state.save(&p.dir, &p.annotator) {
            self.ui.status = format!("Could not remember the project's state: {e}");
        }
    }

    /// The index of the open article in the project.
    pub(crate) fn project_current(&self) -> Option<usize> {
        self.work.project.as_ref()?.current
    }

    /// Moves to the next (or previous) article in the list's order.
    pub(crate) fn step_document(&mut self, forward: bool) {
        let Some(p) = &self.work.project else {
            self.ui.status = "Open a folder as a project first (File ▸ Open Folder…)".into();
            return;
        };
        let order = self.ui.project.order(&p.entries);
        let at = self
            .project_current()
            .and_then(|c| order.iter().position(|&i| i == c));
        let next = match (at, forward) {
            (None, _) => order.first(),
            (Some(k), true) => order.get(k + 1),
            (Some(k), false) => k.checked_sub(1).and_then(|k| order.get(k)),
        };
        match next.copied() {
            Some(i) => self.open_in_project(i),
            None => {
                self.ui.status = if forward {
                    "This is the last article of the list".into()
                } else {
                    "This is the first article of the list".into()
                };
            }
        }
    }

    /// Marks the open article done, or not done any more.
    pub(crate) fn toggle_done(&mut self) {
        let Some(i) = self.project_current() else {
            self.ui.status = "Only an article of an open project can be marked done".into();
            return;
        };
        let Some(p) = &mut self.work.project else {
            return;
        };
        let name = p.entries[i].name.clone();
        let done = !p.state.done.remove(&name);
        if done {
            p.state.done.insert(name.clone());
        }
        let saved = p.state.save(&p.dir, &p.annotator);
        self.refresh_project_entry();
        self.ui.status = match (saved, done) {
            (Err(e), _) => format!("Could not save the Done mark: {e}"),
            (Ok(()), true) => format!("{name} is done"),
            (Ok(()), false) => format!("{name} is in progress again"),
        };
    }

    /// Reads the open article's entry again (after a save or a Done mark).
    pub(crate) fn refresh_project_entry(&mut self) {
        let Some(i) = self.project_current() else {
            return;
        };
        let Some(p) = &mut self.work.project else {
            return;
        };
        let article = p.entries[i].article.clone();
        p.entries[i] = project::entry(&p.dir, &p.annotator, &p.state, &article);
    }

    /// Searches every article of the project (case-insensitive, like Find).
    pub(crate) fn search_project(&mut self, query: String) {
        self.ui.project.query = query;
        self.ui.project.hits.clear();
        self.ui.project.hit_count = 0;
        let Some(p) = &self.work.project else { return };
        let q = self.ui.project.query.clone();
        if q.trim().is_empty() {
            return;
        }
        let articles: Vec<&Path> = p.entries.iter().map(|e| e.article.as_path()).collect();
        let found = project_search::search_articles(&articles, &q, MAX_HITS);
        let (unread, files) = (found.unread.len(), found.articles_matched);
        self.ui.project.hit_count = found.matches;
        self.ui.project.hits = (found.hits.into_iter())
            .map(|h| Hit {
                entry: h.article,
                span: h.span,
                context: h.context,
            })
            .collect();
        let n = self.ui.project.hit_count;
        self.ui.status = format!(
            "“{}”: {n} {} in {} article(s){}",
            q.trim(),
            if n == 1 { "match" } else { "matches" },
            files,
            if unread > 0 {
                format!("; {unread} article(s) could not be read")
            } else {
                String::new()
            }
        );
    }

    /// Opens the article of hit `n` and selects the match there.
    pub(crate) fn open_hit(&mut self, n: usize) {
        let Some(hit) = self.ui.project.hits.get(n).cloned() else {
            return;
        };
        if self.project_current() != Some(hit.entry) {
            self.open_in_project(hit.entry);
        }
        if self.project_current() == Some(hit.entry) {
            self.ui.selection = Some(hit.span);
            self.ui.view.scroll_to_span = Some(hit.span);
        }
    }
}
