//! Learning in the window: Annotate ▸ Train from this project learns a model from the
//! project's sessions on a thread (a progress bar in the status bar; typing goes on), and
//! writes it to `PROJECT/.newsmark/attribution.model`, which Suggest then uses instead of the
//! rules. Accepting or rejecting a suggestion in a project is recorded as training signal
//! (`.newsmark/NAME/.feedback.ron`); the open article counts as it is in the window.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;

use crate::io::learn;
use crate::model::learn::{Example, Model, Options, train};
use crate::ui::app::NewsmarkApp;
use crate::ui::state::suggestions::{LoadedModel, Training, TrainingMessage};

impl NewsmarkApp {
    /// Starts training from the open project on a thread; refuses a second run.
    pub(crate) fn train_from_project(&mut self, ctx: &egui::Context) {
        let Some(project) = &self.work.project else {
            self.ui.status = "Train from this project needs a project: File ▸ Open Folder…".into();
            return;
        };
        if self.ui.suggestions.training.is_some() {
            self.ui.status = "Training is already running".into();
            return;
        }
        let dir = project.dir.clone();
        let current = self.work.doc.as_ref().and_then(|d| {
            let path = d.session_path.clone()?;
            Some((path, learn::example_of(&d.session, d.text.as_str())))
        });
        let (tx, rx) = mpsc::channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let result = run(&dir, current, &tx, &repaint);
            let _ = tx.send(TrainingMessage::Done(result));
            repaint.request_repaint();
        });
        self.ui.suggestions.training = Some(Training {
            rx,
            fraction: 0.0,
            stage: "reading sessions".into(),
        });
        self.ui.status = "Training from this project…".into();
    }

    /// Takes what the training thread sent; called every frame.
    pub(crate) fn poll_training(&mut self, ctx: &egui::Context) {
        let Some(t) = &mut self.ui.suggestions.training else {
            return;
        };
        let mut done = None;
        while let Ok(msg) = t.rx.try_recv() {
            match msg {
                TrainingMessage::Progress(fraction, stage) => {
                    t.fraction = fraction;
                    t.stage = stage;
                }
                TrainingMessage::Done(result) => done = Some(result),
            }
        }
        match done {
            Some(Ok(summary)) => {
                self.ui.suggestions.training = None;
                self.ui.suggestions.model = None;
                self.ui.status = summary;
            }
            Some(Err(e)) => {
                self.ui.suggestions.training = None;
                self.ui.status = format!("Training failed: {e}");
            }
            None => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
        }
    }

    /// The open project's model, loaded once per change of its file; `Err` when it is there
    /// but cannot be used, `Ok(None)` without one.
    pub(crate) fn project_model(&mut self) -> Result<Option<Arc<Model>>, String> {
        let Some(project) = &self.work.project else {
            return Ok(None);
        };
        let path = learn::project_model(&project.dir);
        let Ok(modified) = std::fs::metadata(&path).and_then(|m| m.modified()) else {
            return Ok(None);
        };
        if let Some(m) = &self.ui.suggestions.model
            && m.path == path
            && m.modified == modified
        {
            return Ok(Some(m.model.clone()));
        }
        let model = Arc::new(learn::load_model(&path)?);
        self.ui.suggestions.model = Some(LoadedModel {
            path,
            modified,
            model: model.clone(),
        });
        Ok(Some(model))
    }

    /// The spans of suggestions rejected in the open project article (from the feedback file),
    /// so they do not come back in a later run either.
    pub(crate) fn rejected_here(&self) -> std::collections::HashSet<(usize, usize)> {
        let (Some(project), Some(rel)) = (&self.work.project, self.project_article()) else {
            return Default::default();
        };
        learn::load_feedback(&learn::feedback_path(&project.dir, &project.annotator))
            .into_iter()
            .filter(|v| !v.accepted && v.article == rel)
            .map(|v| (v.start, v.end))
            .collect()
    }

    /// The open article's path inside the open project, `/` between folders.
    fn project_article(&self) -> Option<String> {
        let (project, doc) = (self.work.project.as_ref()?, self.work.doc.as_ref()?);
        let article = Path::new(&doc.session.article.path).canonicalize().ok()?;
        let dir = project.dir.canonicalize().ok()?;
        Some(learn::relative_name(article.strip_prefix(dir).ok()?))
    }

    /// Records an accepted or rejected suggestion at `start..end` of the open project article.
    pub(crate) fn record_verdict(&mut self, accepted: bool, start: usize, end: usize) {
        let (Some(project), Some(article)) = (&self.work.project, self.project_article()) else {
            return;
        };
        let verdict = learn::Verdict {
            article,
            accepted,
            start,
            end,
        };
        let path = learn::feedback_path(&project.dir, &project.annotator);
        if let Err(e) = learn::record(&path, verdict) {
            self.ui.status = format!("Could not record the verdict for training: {e}");
        }
    }
}

/// The training thread's work: read, learn, write; each step reported on `tx`.
fn run(
    dir: &Path,
    current: Option<(PathBuf, Example)>,
    tx: &mpsc::Sender<TrainingMessage>,
    repaint: &egui::Context,
) -> Result<String, String> {
    let send = |fraction: f32, stage: String| {
        let _ = tx.send(TrainingMessage::Progress(fraction, stage));
        repaint.request_repaint();
    };
    let (mut loaded, accepted, rejected) = learn::project_examples(dir, &mut |done, total| {
        send(
            0.2 * done as f32 / total.max(1) as f32,
            "reading sessions".into(),
        );
    })?;
    // The open article counts as it is in the window, saved or not.
    if let Some((path, example)) = current {
        match loaded.paths.iter().position(|p| *p == path) {
            Some(i) => {
                if let Some(slot) = loaded.examples.get_mut(i) {
                    *slot = example;
                }
            }
            None if !example.quotes.is_empty() => loaded.examples.push(example),
            None => {}
        }
    }
    if loaded.examples.is_empty() {
        return Err("no session of this project has a quote to learn from yet".into());
    }
    let opts = Options::default();
    let model = train(&loaded.examples, &opts, &mut |p| {
        // "pass N of M"
        let pass = p.stage.strip_prefix("pass ").and_then(|r| {
            let (n, m) = r.split_once(" of ")?;
            Some((n.parse::<f32>().ok()?, m.parse::<f32>().ok()?))
        });
        let within = p.done as f32 / p.total.max(1) as f32;
        let fraction = match pass {
            Some((n, m)) => 0.3 + 0.7 * ((n - 1.0) + within) / m.max(1.0),
            None => 0.2 + 0.1 * within,
        };
        send(fraction, p.stage);
    });
    let path = learn::project_model(dir);
    learn::save_model(&model, &path)?;
    Ok(format!(
        "Trained on {} session(s) of this project ({accepted} accepted and {rejected} rejected suggestion(s) recorded); Suggest now uses {}",
        loaded.examples.len(),
        path.display()
    ))
}
