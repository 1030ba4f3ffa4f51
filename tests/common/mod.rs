//! Shared helpers for the UI tests: a harness around the real app, text positions, drags.

#![allow(dead_code, reason = "each test file uses a different subset")]
#![allow(clippy::unwrap_used, reason = "test helpers fail the test on purpose")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use newsmark::ui::NewsmarkApp;

/// The bundled sample article.
pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/nato_russia_2022-01-07.txt")
}

/// Copies the sample into `dir` under `name`.
pub fn copy_sample(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(sample_path(), &to).unwrap();
    to
}

/// A headless harness running the real app, opened on `path`.
pub fn harness_for(path: &Path, saves: &Path) -> Harness<'static, NewsmarkApp> {
    let (app, _) = NewsmarkApp::new(saves.to_owned())
        .typed_paths_only()
        .open_now(path);
    harness(app)
}

/// A headless harness around an app.
pub fn harness(app: NewsmarkApp) -> Harness<'static, NewsmarkApp> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| app);
    h.run_steps(3);
    h
}

/// Code-point range of the first occurrence of `needle` in the open article.
pub fn find(h: &Harness<'_, NewsmarkApp>, needle: &str) -> (usize, usize) {
    let text = h.state().document().unwrap().text.as_str();
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in article"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Drags the mouse over the article from code point `start` to `end`, like a user selecting.
pub fn drag_select(h: &mut Harness<'_, NewsmarkApp>, start: usize, end: usize) {
    let view = h.state().article_view();
    let a = view.char_pos(start).unwrap() - egui::vec2(2.0, 0.0);
    let b = view.char_pos(end).unwrap() - egui::vec2(2.0, 0.0);
    h.hover_at(a);
    h.step();
    h.drag_at(a);
    h.step();
    h.hover_at(a + (b - a) * 0.5);
    h.step();
    h.hover_at(b);
    h.step();
    h.drop_at(b);
    h.run_steps(2);
}

/// Selects the first `needle` with the pointer and presses `key` (C, Q or M).
pub fn mark(h: &mut Harness<'_, NewsmarkApp>, needle: &str, key: egui::Key) {
    let (s, e) = find(h, needle);
    drag_select(h, s, e);
    h.key_press(key);
    h.run_steps(2);
}

/// Chooses `path` in the open file dialog by typing it over whatever was suggested, then
/// presses the dialog's `button`.
pub fn type_path(h: &mut Harness<'_, NewsmarkApp>, path: &Path, button: &str) {
    use egui_kittest::kittest::Queryable as _;
    let field = || egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(field(), "File:").focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(field(), "File:")
        .type_text(path.to_str().unwrap());
    h.run_steps(1);
    h.get_by_label(button).click();
    // What the button opens is a new window: it shows from its second frame on.
    h.run_steps(4);
}

/// Opens the File menu and clicks through `path` (submenus hovered, the last item clicked).
pub fn menu(h: &mut Harness<'_, NewsmarkApp>, path: &[&str]) {
    use egui_kittest::kittest::Queryable as _;
    h.get_by_label("File").click();
    h.run_steps(2);
    for (i, item) in path.iter().enumerate() {
        if i + 1 < path.len() {
            h.get_by_label(item).hover();
        } else {
            h.get_by_label(item).click();
        }
        // Menus and dialogs are new areas: visible from their second frame.
        h.run_steps(4);
    }
}

/// Saves `saves/story.ron` on `dir/story.txt` with a mention of "Jens Stoltenberg" and a claim
/// on "celebrated that the Kremlin", then edits the article: "Update:" in front and everything
/// from "Nevertheless" on cut off. Reopened, the mention has moved and the claim is an orphan
/// whose saved offsets lie past the end of the text. Returns the session file.
pub fn session_on_edited_article(dir: &Path) -> PathBuf {
    let article = copy_sample(dir, "story.txt");
    let saves = dir.join("saves");
    let mut h = harness_for(&article, &saves);
    mark(&mut h, "Jens Stoltenberg", egui::Key::M);
    mark(&mut h, "celebrated that the Kremlin", egui::Key::C);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    drop(h);
    let session = saves.join("story.ron");
    assert!(session.is_file());
    let text = std::fs::read_to_string(&article).unwrap();
    let cut = text.find("Nevertheless").unwrap();
    std::fs::write(&article, format!("Update:\n\n{}", &text[..cut])).unwrap();
    session
}

/// Code-point ranges of the paragraphs of `text` (runs separated by a blank line).
pub fn paragraphs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        let len = part.chars().count();
        if !part.trim().is_empty() {
            out.push(start..start + len);
        }
        start += len + 2;
    }
    out
}

/// Types `name` into the name bar and presses "Use this name", as a user does once.
pub fn give_name(h: &mut Harness<'_, NewsmarkApp>, name: &str) {
    use egui_kittest::kittest::Queryable as _;
    let field = egui::accesskit::Role::TextInput;
    let label = "Your name, to sign the sessions you save:";
    h.get_by_role_and_label(field, label).focus();
    h.run_steps(1);
    h.get_by_role_and_label(field, label).type_text(name);
    h.run_steps(1);
    h.get_by_label("Use this name").click();
    h.run_steps(3);
}

/// Called where a font-dependent check is about to be skipped because no installed font
/// covers a script: prints `note` and returns, so a machine without the fonts still passes.
/// Under `NEWSMARK_REQUIRE_FONTS=1` (set by `.ci/run`, which installs the fonts) it fails the
/// test instead, so CI cannot pass quietly without checking the scripts.
pub fn font_missing(note: &str) {
    let required = std::env::var("NEWSMARK_REQUIRE_FONTS").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "{note}, and NEWSMARK_REQUIRE_FONTS=1 requires every font"
    );
    println!("{note}");
}
