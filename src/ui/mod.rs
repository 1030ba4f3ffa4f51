//! egui: reads the model, emits actions, never mutates the session directly.

mod action;
mod annotate;
mod annotation_editor;
pub mod app;
pub mod article_view;
mod claims_panel;
pub mod commands;
pub mod dialogs;
mod files;
pub mod filter;
mod frame;
pub mod mention_prompt;
mod publication;
pub mod recovery;
pub mod review;
mod run;
pub mod search;
pub mod side_panel;
pub mod speakers_panel;
pub mod state;
pub mod stats_panel;
pub mod style;
pub mod suggestions;
pub mod text_engine;
pub mod workflow;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use app::NewsmarkApp;

/// The bundled sample article, looked up beside the working directory, then the source tree.
pub fn sample_article() -> Option<PathBuf> {
    let name = "assets/nato_russia_2022-01-07.txt";
    [
        PathBuf::from(name),
        Path::new(env!("CARGO_MANIFEST_DIR")).join(name),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

/// Where sessions are saved by default: `./saves` if it exists, else the source tree's
/// `saves/`, else `$XDG_DATA_HOME/newsmark/saves` (or `~/.local/share/newsmark/saves`).
pub fn default_saves_dir() -> PathBuf {
    let local = PathBuf::from("saves");
    if local.is_dir() {
        return local;
    }
    let tree = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
    if tree.is_dir() {
        return tree;
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("newsmark/saves")
}

/// Opens the window with `file` (or the sample article) and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    // Scan the system's fonts while the article is read and decoded (the first user of the
    // scan waits for it to finish).
    std::thread::spawn(|| {
        text_engine::fonts::system();
    });
    let saves = default_saves_dir();
    let app = match file.or_else(sample_article) {
        Some(path) => {
            let (app, error) = NewsmarkApp::with_file(saves, &path);
            if let Some(e) = error {
                eprintln!("newsmark: {e}");
            }
            app
        }
        None => NewsmarkApp::new(saves),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app.title())
            .with_app_id("newsmark")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        // Our own provider (text_engine::fonts) finds system fonts; eframe's would only warn.
        system_font_fallback: false,
        ..Default::default()
    };
    let creator = Box::new(|cc: &eframe::CreationContext<'_>| {
        let mut app = app;
        if let Some(prefs) = cc
            .storage
            .and_then(|s| eframe::get_value::<workflow::Prefs>(s, workflow::PREFS_KEY))
        {
            app.apply_prefs(&cc.egui_ctx, prefs);
        }
        Ok(Box::new(app) as Box<dyn eframe::App>)
    });
    match eframe::run_native("newsmark", options, creator) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsmark: cannot open a window: {e}");
            ExitCode::FAILURE
        }
    }
}
