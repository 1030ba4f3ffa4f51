//! The fact-checker's helpers: finding a speaker's other mentions, sticky mode, claims inside
//! quotes, recent files and preferences remembered between runs.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::annotation::{AnnotationId, Kind, KindTag, Span};
use crate::model::edit::Edit;
use crate::model::search::find_names;
use crate::model::session::make_annotation;
use crate::model::speaker::SpeakerId;

use crate::ui::app::NewsmarkApp;
use crate::ui::commands::UiCommand;
use crate::ui::vocabulary::Action;

/// Most recent files kept.
const RECENT: usize = 10;

/// Preferences remembered between runs (the window size is remembered by eframe).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Article font size in points.
    pub font_size: f32,
    /// "dark", "light" or "system".
    pub theme: String,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The annotator's name, stamped on the sessions they save (W3C `creator`, ClaimReview
    /// author when no reviewer is set).
    pub annotator: String,
    /// The name was asked for once (answered or declined); the bar does not come back.
    pub annotator_asked: bool,
    /// The annotated sample was shown on a first launch (later launches start empty).
    pub sample_shown: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            font_size: 18.0,
            theme: "system".into(),
            recent: Vec::new(),
            annotator: String::new(),
            annotator_asked: false,
            sample_shown: false,
        }
    }
}

/// How the preferences name a theme.
pub fn theme_name(theme: egui::ThemePreference) -> &'static str {
    match theme {
        egui::ThemePreference::Dark => "dark",
        egui::ThemePreference::Light => "light",
        egui::ThemePreference::System => "system",
    }
}

/// Key of the preferences in eframe's storage.
pub const PREFS_KEY: &str = "newsmark_prefs";

impl NewsmarkApp {
    /// Lists every whole-word occurrence of the speaker's name and aliases that is not yet
    /// marked as a mention, for the user to accept one by one or all at once.
    pub(crate) fn find_mentions(&mut self, speaker: SpeakerId) {
        let Some(doc) = &self.work.doc else { return };
        let Some(sp) = doc.session.speaker(speaker) else {
            return;
        };
        let names = std::iter::once(sp.name.as_str()).chain(sp.aliases.iter().map(String::as_str));
        let marked = |s: &Span| {
            doc.session
                .annotations
                .iter()
                .any(|a| matches!(a.kind, Kind::Mention(_)) && a.start < s.end && s.start < a.end)
        };
        self.ui.candidates = find_names(&doc.text, names)
            .into_iter()
            .filter(|s| !marked(s))
            .map(|s| (s, speaker))
            .collect();
        self.ui.status = format!(
            "{} more place(s) name {} — accept them in the Speakers tab",
            self.ui.candidates.len(),
            sp.name
        );
        self.ui.view.invalidate();
    }

    /// Turns candidate `which` (or all of them) into mentions, as one undoable step.
    pub(crate) fn accept_candidates(&mut self, which: Option<usize>) {
        let Some(doc) = &self.work.doc else { return };
        let chosen: Vec<(Span, SpeakerId)> = match which {
            Some(i) => self.ui.candidates.get(i).copied().into_iter().collect(),
            None => self.ui.candidates.clone(),
        };
        if chosen.is_empty() {
            return;
        }
        let first = doc.session.next_annotation_id().0;
        let edits: Vec<Edit> = chosen
            .iter()
            .zip(first..)
            .map(|(&(span, speaker), id)| {
                Edit::InsertAnnotation(make_annotation(
                    &doc.text,
                    AnnotationId(id),
                    span,
                    KindTag::Mention.with_speaker(Some(speaker)),
                ))
            })
            .collect();
        let n = edits.len();
        self.edit(Edit::Batch(edits), format!("add {n} mention(s)"), None);
        self.ui.candidates.retain(|c| !chosen.contains(c));
        self.ui.view.invalidate();
    }

    /// In sticky mode, the command that marks a new selection with the last kind once the mouse
    /// is released (applied like any other action).
    pub(crate) fn sticky_action(&mut self, ctx: &egui::Context) -> Option<Action> {
        let kind = self.ui.sticky?;
        if self.ui.selection == self.ui.sticky_seen || ctx.input(|i| i.pointer.any_down()) {
            return None;
        }
        self.ui.sticky_seen = self.ui.selection;
        self.ui.selection?;
        self.ui.sticky_seen = None;
        Some(Action::Command(UiCommand::mark(kind)))
    }

    /// Puts the open document's file at the top of the recent files.
    pub(crate) fn remember_recent(&mut self) {
        let Some(doc) = &self.work.doc else { return };
        let path = doc
            .session_path
            .clone()
            .unwrap_or_else(|| PathBuf::from(&doc.session.article.path));
        let path = std::path::absolute(&path).unwrap_or(path);
        self.prefs.recent.retain(|p| *p != path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(RECENT);
    }

    /// The preferences to remember.
    pub fn prefs(&self) -> Prefs {
        self.prefs.clone()
    }

    /// What happens as the window opens: the preferences come back from eframe's `storage`,
    /// then a folder given on the command line opens as a project (signed with the saved
    /// annotator's name, never "anonymous"), and a first launch with no file to open shows the
    /// annotated sample. A file given was opened before (so its errors reach the terminal).
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        file: Option<&std::path::Path>,
    ) {
        if let Some(prefs) = storage.and_then(|s| eframe::get_value::<Prefs>(s, PREFS_KEY)) {
            self.apply_prefs(ctx, prefs);
        }
        if let Some(dir) = file.filter(|f| f.is_dir()) {
            self.open_project(dir);
        }
        if file.is_none() && !self.prefs.sample_shown {
            self.prefs.sample_shown = true;
            self.open_sample();
        }
    }

    /// Applies remembered preferences (the open document's file stays first in the list).
    pub fn apply_prefs(&mut self, ctx: &egui::Context, prefs: Prefs) {
        self.prefs.font_size = prefs.font_size.clamp(10.0, 40.0);
        ctx.set_theme(match prefs.theme.as_str() {
            "dark" => egui::ThemePreference::Dark,
            "light" => egui::ThemePreference::Light,
            _ => egui::ThemePreference::System,
        });
        self.prefs.theme = prefs.theme;
        self.prefs.annotator = prefs.annotator;
        self.prefs.annotator_asked = prefs.annotator_asked;
        self.prefs.sample_shown = prefs.sample_shown;
        self.ui.annotator_field = self.prefs.annotator.clone();
        for p in prefs.recent {
            if !self.prefs.recent.contains(&p) && self.prefs.recent.len() < RECENT {
                self.prefs.recent.push(p);
            }
        }
    }
}
