//! The system's fonts: one scan at start-up (fontdb, headers only), shared by the article's
//! text engine and by egui, which is handed a font for a script only when it first meets a
//! character it has no glyph for (so only the few files needed are ever read).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use cosmic_text::FontSystem;
use cosmic_text::fontdb::{self, Database, ID};
use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

use super::script::{self, Writing};

/// Families tried first for a writing system, best first (the Noto fonts Debian packages).
fn preferred(w: Writing) -> &'static [&'static str] {
    use unicode_script::Script as S;
    match w {
        Writing::Script(S::Arabic) => &["Noto Sans Arabic", "Noto Naskh Arabic"],
        Writing::Script(S::Hebrew) => &["Noto Sans Hebrew"],
        Writing::Script(S::Han | S::Hiragana | S::Katakana | S::Bopomofo) => {
            &["Noto Sans CJK SC", "Noto Sans CJK JP"]
        }
        Writing::Script(S::Hangul) => &["Noto Sans CJK KR"],
        Writing::Script(S::Devanagari) => &["Noto Sans Devanagari"],
        Writing::Script(S::Thai) => &["Noto Sans Thai"],
        Writing::Script(S::Latin | S::Greek | S::Cyrillic) => &["Noto Sans", "DejaVu Sans"],
        Writing::Emoji => &["Noto Color Emoji", "Symbola"],
        Writing::Script(_) => &[],
    }
}

/// The system's fonts and what was found in them.
pub struct SystemFonts {
    /// The text engine's font system (owns the database of system fonts).
    engine: Mutex<FontSystem>,
    /// The face chosen for each writing system met so far (`None`: no font has it).
    chosen: Mutex<HashMap<Writing, Option<ID>>>,
    /// Faces already handed to egui, by name.
    given_to_egui: Mutex<Vec<String>>,
    /// How long the scan took.
    pub scan_time: Duration,
    /// Number of faces found.
    pub faces: usize,
}

static SYSTEM: OnceLock<SystemFonts> = OnceLock::new();

/// The system's fonts, scanned on first use.
pub fn system() -> &'static SystemFonts {
    SYSTEM.get_or_init(SystemFonts::scan)
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl SystemFonts {
    fn scan() -> Self {
        let t = Instant::now();
        let mut db = Database::new();
        db.load_system_fonts();
        // egui's own fonts, so the article is set as before and Latin text works on a
        // machine without any system font.
        db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
        let faces = db.len();
        let locale = std::env::var("LANG")
            .ok()
            .and_then(|l| l.split('.').next().map(|s| s.replace('_', "-")))
            .filter(|l| l.len() >= 2 && l != "C" && l != "POSIX")
            .unwrap_or_else(|| "en-US".to_owned());
        let engine = FontSystem::new_with_locale_and_db(locale, db);
        Self {
            engine: Mutex::new(engine),
            chosen: Mutex::new(HashMap::new()),
            given_to_egui: Mutex::new(Vec::new()),
            scan_time: t.elapsed(),
            faces,
        }
    }

    /// The text engine's font system, locked.
    pub fn engine(&self) -> MutexGuard<'_, FontSystem> {
        lock(&self.engine)
    }

    /// The face chosen for `w` (found by its sample character `c`), if any font has it.
    fn face_for(&self, w: Writing, c: char) -> Option<ID> {
        if let Some(found) = lock(&self.chosen).get(&w) {
            return *found;
        }
        let engine = self.engine();
        let found = find_face(engine.db(), w, c);
        drop(engine);
        lock(&self.chosen).insert(w, found);
        found
    }

    /// True if some installed font has a glyph for `c` (of writing system `w`).
    pub fn covers(&self, w: Writing, c: char) -> bool {
        self.face_for(w, c).is_some()
    }

    /// For each common writing system, the font family that draws it, or `None` when no
    /// installed font has it (what Help ▸ About lists).
    pub fn coverage(&self) -> Vec<(&'static str, Option<String>)> {
        const SAMPLES: [char; 10] = ['a', 'α', 'ж', 'ب', 'א', 'क', 'ก', '山', '한', '😀'];
        SAMPLES
            .iter()
            .filter_map(|&c| Some((script::writing_of(c)?, c)))
            .map(|(w, c)| {
                let family = self.face_for(w, c).and_then(|id| {
                    let engine = self.engine();
                    let face = engine.db().face(id)?;
                    face.families.first().map(|(name, _)| name.clone())
                });
                (w.name(), family)
            })
            .collect()
    }

    /// The writing systems in `text` that no installed font covers, by name.
    pub fn missing_in(&self, text: &str) -> Vec<&'static str> {
        script::writings_in(text)
            .into_iter()
            .filter(|&(w, c)| !self.covers(w, c))
            .map(|(w, _)| w.name())
            .collect()
    }

    /// A font for egui that has the first character of `cluster`, appended to the
    /// proportional and monospace families; `None` if none has it or it was given already.
    pub fn egui_font_for(&self, cluster: &str) -> Option<FontInsert> {
        let c = cluster.chars().next()?;
        let w = script::writing_of(c)?;
        let id = self.face_for(w, c)?;
        let engine = self.engine();
        let db = engine.db();
        let info = db.face(id)?;
        // egui draws outlines only: a colour-bitmap emoji font would draw nothing there (its
        // built-in emoji font covers most emoji already), so take an outline font instead.
        let id = if w == Writing::Emoji && !has_outlines(db, id) {
            db.faces()
                .find(|f| has_outlines(db, f.id) && face_has(db, f.id, c))?
                .id
        } else {
            id
        };
        let info = db.face(id).unwrap_or(info);
        let name = format!("system:{}#{}", info.post_script_name, info.index);
        let mut given = lock(&self.given_to_egui);
        if given.contains(&name) {
            return None;
        }
        let (bytes, index) = db.with_face_data(id, |data, index| (data.to_vec(), index))?;
        given.push(name.clone());
        let families = [FontFamily::Proportional, FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            })
            .collect();
        Some(FontInsert::new(
            &name,
            FontData::from_blob(Arc::new(bytes), index),
            families,
        ))
    }
}

/// Finds a face for writing system `w` that has a glyph for `c`: a preferred family first,
/// then any upright regular face, then any face.
fn find_face(db: &Database, w: Writing, c: char) -> Option<ID> {
    let pref = preferred(w);
    let rank = |f: &fontdb::FaceInfo| {
        let family = f.families.first().map_or("", |(n, _)| n.as_str());
        let p = pref.iter().position(|n| *n == family).unwrap_or(pref.len());
        let upright = u8::from(f.style != fontdb::Style::Normal);
        let weight = f.weight.0.abs_diff(400);
        (p, upright, weight, f.index)
    };
    let mut faces: Vec<&fontdb::FaceInfo> = db.faces().collect();
    faces.sort_by_key(|f| rank(f));
    faces
        .into_iter()
        .find(|f| face_has(db, f.id, c))
        .map(|f| f.id)
}

/// True if face `id` maps `c` to a glyph.
fn face_has(db: &Database, id: ID, c: char) -> bool {
    db.with_face_data(id, |data, index| {
        ttf_parser::Face::parse(data, index)
            .ok()
            .and_then(|f| f.glyph_index(c))
            .is_some()
    })
    .unwrap_or(false)
}

/// True if face `id` has vector outlines (not only colour bitmaps).
fn has_outlines(db: &Database, id: ID) -> bool {
    db.with_face_data(id, |data, index| {
        ttf_parser::Face::parse(data, index).ok().is_some_and(|f| {
            let t = f.tables();
            t.glyf.is_some() || t.cff.is_some() || t.cff2.is_some()
        })
    })
    .unwrap_or(false)
}

/// egui's font provider: system fonts for what its own fonts lack.
pub struct EguiFallback;

impl egui::FontProvider for EguiFallback {
    fn font_for(&self, request: &egui::FallbackRequest<'_>) -> Option<FontInsert> {
        system().egui_font_for(request.cluster)
    }
}
