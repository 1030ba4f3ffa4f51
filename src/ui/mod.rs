//! egui: reads the model, emits actions, never mutates the session directly.

pub mod app;
pub mod article_view;
pub mod commands;
pub mod controllers;
pub mod dialogs;
mod frame;
mod menus;
pub mod panels;
mod run;
pub mod startup;
pub mod state;
pub mod style;
pub mod text_engine;
pub mod vocabulary;
pub mod workflow;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::NewsmarkApp;

/// Opens the window with `file` (on a first launch without one, the annotated sample) and runs
/// until it is closed.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let started = std::time::Instant::now();
    // Scan the system's fonts while the article is read and decoded (the first user of the
    // scan waits for it to finish).
    std::thread::spawn(|| {
        text_engine::fonts::system();
    });
    // A "Web page, complete" folder is its page, not a project.
    let file = file.map(|f| {
        f.is_dir()
            .then(|| crate::io::page::page_of_folder(&f))
            .flatten()
            .unwrap_or(f)
    });
    let (places, warning) = crate::io::places::Places::platform_or_temporary();
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
            .with_drag_and_drop(true)
            .with_icon(window_icon()),
        // Our own provider (text_engine::fonts) finds system fonts; eframe's would only warn.
        system_font_fallback: false,
        ..Default::default()
    };
    let creator = Box::new(|cc: &eframe::CreationContext<'_>| {
        startup::watch_first_frame(&cc.egui_ctx, started);
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

/// The window's icon: the package's 128-pixel PNG (packaging/icons), compiled in.
fn window_icon() -> egui::IconData {
    let png = include_bytes!("../../packaging/icons/png/128x128/newsmark.png");
    eframe::icon_data::from_png_bytes(png).unwrap_or_default()
}
