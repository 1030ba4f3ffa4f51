//! Help ▸ About: the version and commit, the licence, where newsmark keeps its files, and the
//! fonts it found for each writing system. Help ▸ User guide shares its window state.

use std::path::{Path, PathBuf};

use egui::RichText;

use crate::io::places::Places;

/// What Help ▸ About shows, gathered when it is opened.
#[derive(Clone, Debug)]
pub struct AboutInfo {
    /// Where sessions, recovery files and the sample go.
    pub places: Places,
    /// Where the window keeps its preferences (eframe's storage), if the system names one.
    pub preferences: Option<PathBuf>,
    /// Each common writing system and the font family that draws it (`None`: no font).
    pub fonts: Vec<(&'static str, Option<String>)>,
    /// How many font faces the system scan found.
    pub faces: usize,
}

impl AboutInfo {
    /// Reads the fonts found (waiting for the start-up scan if it is still running) and where
    /// files go.
    pub fn gather(places: &Places) -> Self {
        let fonts = crate::ui::text_engine::fonts::system();
        Self {
            places: places.clone(),
            preferences: eframe::storage_dir("newsmark").map(|d| d.join("app.ron")),
            fonts: fonts.coverage(),
            faces: fonts.faces,
        }
    }
}

/// The information window that is open.
#[derive(Clone, Debug)]
pub enum InfoWindow {
    /// Help ▸ About.
    About(Box<AboutInfo>),
    /// Help ▸ User guide.
    Guide,
}

/// Draws the open information window; closes it (sets `None`) when its close button is used.
pub fn info_ui(info: &mut Option<InfoWindow>, ctx: &egui::Context) {
    let open = match info {
        Some(InfoWindow::About(about)) => {
            info_window(ctx, "About newsmark", |ui| about_ui(about, ui))
        }
        Some(InfoWindow::Guide) => info_window(ctx, "User guide", super::guide::guide_ui),
        None => true,
    };
    if !open {
        *info = None;
    }
}

/// A centred window that fits the screen and scrolls; false once closed.
fn info_window(ctx: &egui::Context, title: &str, body: impl FnOnce(&mut egui::Ui)) -> bool {
    let mut open = true;
    let screen = ctx.content_rect();
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(screen.center())
        .default_width(640.0_f32.min(screen.width() - 40.0))
        .max_height((screen.height() - 60.0).max(120.0))
        .show(ctx, |ui| {
            let room = (screen.height() - 120.0).max(80.0);
            // As tall as the text or the screen allows, whichever is less; scrolls beyond.
            egui::ScrollArea::vertical()
                .id_salt(("info_scroll", title))
                .max_height(room)
                .min_scrolled_height(room.min(640.0))
                .show(ui, body);
        });
    open
}

fn about_ui(about: &AboutInfo, ui: &mut egui::Ui) {
    ui.heading(format!("newsmark {}", crate::version::VERSION));
    ui.label(format!("Built from commit {}", crate::version::COMMIT));
    ui.label("Annotate news articles: claims, quotes with their speakers and cues, mentions.");
    ui.add_space(6.0);
    ui.label(format!(
        "Licence: {}, at your choice (the files LICENSE-MIT and LICENSE-APACHE; \
         /usr/share/doc/newsmark/copyright when installed as a package).",
        crate::version::LICENSE.replace(" OR ", " or ")
    ));
    ui.add_space(6.0);
    ui.strong("Where newsmark keeps files");
    let p = &about.places;
    egui::Grid::new("about_places")
        .num_columns(2)
        .show(ui, |ui| {
            place_row(ui, "Sessions (Save)", &p.saves);
            place_row(ui, "Recovery files (unsaved work)", &p.recovery);
            place_row(ui, "The sample article", &p.sample);
            if let Some(prefs) = &about.preferences {
                place_row(ui, "Preferences", prefs);
            }
        });
    ui.label(
        RichText::new(
            "In a project, sessions go to PROJECT/.newsmark/ANNOTATOR/. Save As puts a session \
             anywhere.",
        )
        .weak(),
    );
    ui.add_space(6.0);
    ui.strong(format!("Fonts found: {} faces", about.faces));
    egui::Grid::new("about_fonts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (writing, family) in &about.fonts {
                ui.label(*writing);
                match family {
                    Some(f) => ui.label(f.as_str()),
                    None => ui.label(RichText::new("no font installed").weak()),
                };
                ui.end_row();
            }
        });
    if about.fonts.iter().any(|(_, f)| f.is_none()) {
        ui.label(
            RichText::new(
                "Articles in a script without a font show boxes: on Debian, apt install \
                 fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji.",
            )
            .weak(),
        );
    }
}

fn place_row(ui: &mut egui::Ui, what: &str, path: &Path) {
    ui.label(what);
    ui.monospace(path.display().to_string());
    ui.end_row();
}
