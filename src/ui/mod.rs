//! egui: reads the model, emits actions, never mutates the session directly.

mod action;
mod annotate;
mod annotation_editor;
pub mod app;
pub mod article_view;
mod claims_panel;
pub mod commands;
mod compare;
mod compare_panel;
pub mod dialogs;
mod files;
pub mod filter;
mod frame;
mod hands;
pub mod mention_prompt;
mod menus;
pub mod places;
pub mod project;
mod project_panel;
mod publication;
mod quote_panel;
mod quote_parts;
pub mod recovery;
pub mod review;
mod run;
pub mod sample;
pub mod search;
pub mod sharing_prompt;
pub mod side_panel;
pub mod speakers_panel;
pub mod state;
pub mod stats_panel;
pub mod style;
pub mod suggestions;
pub mod text_engine;
pub mod workflow;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::NewsmarkApp;

/// Opens the window with `file` (on a first launch without one, the annotated sample) and runs
/// until it is closed.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    // Scan the system's fonts while the article is read and decoded (the first user of the
    // scan waits for it to finish).
    std::thread::spawn(|| {
        text_engine::fonts::system();
    });
    let (places, warning) = places::Places::platform_or_temporary();
    if let Some(w) = &warning {
        eprintln!("newsmark: {w}");
    }
    // A folder opens once the preferences are back (in `start`): the project is signed with
    // the annotator's saved name, never as "anonymous". A file opens now, so its errors
    // reach the terminal even when no window can open; an article that has a session opens
    // the session.
    let mut app = NewsmarkApp::with_places(places);
    if let Some(path) = file.as_ref().filter(|f| !f.is_dir())
        && let Some(e) = app.open_as_user_would(path)
    {
        eprintln!("newsmark: {e}");
    }
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
        app.start(&cc.egui_ctx, cc.storage, file.as_deref());
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
