//! Bad input gets a clear message in the window and on stderr, never a panic, and the files on
//! disk stay exactly as they were.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use std::path::Path;
use std::process::Command;

use common::{copy_sample, harness};
use egui_kittest::kittest::Queryable;
use newsmark::ui::NewsmarkApp;

/// Opens `path` in the app, checks the window shows `message`, and that nothing was written.
fn assert_refused(path: &Path, message: &str) {
    let before = std::fs::read(path).ok();
    let dir = path.parent().unwrap();
    let listing = || {
        let mut names: Vec<_> = walk(dir);
        names.sort();
        names
    };
    let files_before = listing();
    let saves = dir.join("saves");
    let (app, err) = NewsmarkApp::new(saves.clone())
        .typed_paths_only()
        .open_now(path);
    let err = err.expect("refused").to_string();
    assert!(err.contains(message), "{err}");
    let mut h = harness(app);
    h.get_by_label_contains(message);
    // The app stays usable: saving does nothing without a document, and Open still works.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert_eq!(std::fs::read(path).ok(), before, "file unchanged");
    assert_eq!(listing(), files_before, "no file written");
    assert!(!saves.exists());
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        out.push(e.path().display().to_string());
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        }
    }
    out
}

/// Runs the binary without a display: it must print the reason on stderr, not panic.
fn assert_cli_message(path: &Path, message: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .arg(path)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(message), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.txt");
    std::fs::write(&p, "").unwrap();
    assert_refused(&p, "the file is empty");
    assert_cli_message(&p, "the file is empty");
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("photo.txt");
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    bytes.extend((0u8..=255).cycle().skip(1).take(600).filter(|b| *b != 0));
    std::fs::write(&p, &bytes).unwrap();
    assert_refused(&p, "is not a text article");
    assert_cli_message(&p, "is not a text article");
}

#[test]
fn file_with_nul_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("utf16-without-bom.txt");
    let bytes: Vec<u8> = "Hello".encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(&p, bytes).unwrap();
    assert_refused(&p, "NUL bytes");
    assert_cli_message(&p, "NUL bytes");
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nowhere.txt");
    let (_, err) = NewsmarkApp::with_file(dir.path().join("saves"), &p);
    assert!(err.unwrap().to_string().contains("cannot read article"));
    assert_cli_message(&p, "cannot read article");
}

fn saved_session(dir: &Path) -> std::path::PathBuf {
    let article = copy_sample(dir, "story.txt");
    let mut doc = newsmark::io::document::Document::open(&article).unwrap();
    let session_path = dir.join("story.ron");
    doc.save_to(&session_path).unwrap();
    session_path
}

#[test]
fn truncated_session() {
    let dir = tempfile::tempdir().unwrap();
    let s = saved_session(dir.path());
    let text = std::fs::read_to_string(&s).unwrap();
    std::fs::write(&s, &text[..text.len() / 2]).unwrap();
    assert_refused(&s, "is not a valid newsmark session");
    assert_cli_message(&s, "is not a valid newsmark session");
}

#[test]
fn hand_broken_session() {
    let dir = tempfile::tempdir().unwrap();
    let s = saved_session(dir.path());
    let text = std::fs::read_to_string(&s).unwrap();
    std::fs::write(&s, text.replace("speakers: []", "speakers: [oops]")).unwrap();
    assert_refused(&s, "is not a valid newsmark session");
}

#[test]
fn session_whose_article_moved_asks_to_locate_it() {
    let dir = tempfile::tempdir().unwrap();
    let s = saved_session(dir.path());
    let moved = dir.path().join("moved.txt");
    std::fs::rename(dir.path().join("story.txt"), &moved).unwrap();
    let session_bytes = std::fs::read(&s).unwrap();
    let (app, err) = NewsmarkApp::new(dir.path().join("saves"))
        .typed_paths_only()
        .open_now(&s);
    assert!(err.unwrap().to_string().contains("was not found"));
    assert_cli_message(&s, "was not found");
    let mut h = harness(app);
    h.get_by_label_contains("The article was not found");
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "File:")
        .type_text(moved.to_str().unwrap());
    h.run_steps(2);
    h.get_by_label("Open").click();
    h.run_steps(3);
    let doc = h
        .state()
        .document()
        .expect("session opened with the located article");
    assert!(doc.session.article.path.ends_with("moved.txt"));
    assert!(
        h.state().is_dirty(),
        "the new article place still needs saving"
    );
    assert_eq!(std::fs::read(&s).unwrap(), session_bytes);
}
