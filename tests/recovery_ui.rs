//! Work is never lost: autosave and the restore offer after a crash, the unsaved-changes
//! question, and the review of annotations after the article changed — driven through the UI.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

mod common;

use std::path::Path;

use common::{copy_sample, drag_select, find, harness_for, mark, type_path};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use newsmark::model::annotation::KindTag;

fn recovery_files(saves: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(saves.join(".recovery"))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".recovery.ron"))
                .collect()
        })
        .unwrap_or_default()
}

/// Annotates a claim and lets the autosave delay pass (frames advance egui's clock).
fn annotate_and_wait(h: &mut egui_kittest::Harness<'_, newsmark::ui::NewsmarkApp>, needle: &str) {
    let (s, e) = find(h, needle);
    drag_select(h, s, e);
    h.key_press(Key::C);
    h.run_steps(2);
    // 1/60 s a step: 2 seconds of frames.
    h.run_steps(120);
}

#[test]
fn crash_then_restart_offers_the_unsaved_work() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    annotate_and_wait(&mut h, "Kremlin");
    assert_eq!(recovery_files(&saves).len(), 1, "autosaved within 2 s");
    // The process dies: no save, no exit handler.
    drop(h);

    let mut h = harness_for(&article, &saves);
    h.get_by_label_contains("Unsaved work found");
    h.get_by_label_contains("1 annotation(s)");
    h.get_by_label("Restore").click();
    h.run_steps(2);
    let doc = h.state().document().unwrap();
    assert_eq!(doc.session.annotations.len(), 1);
    assert_eq!(doc.session.annotations[0].exact, "Kremlin");
    assert!(h.state().is_dirty(), "restored work still needs a save");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(saves.join("story.ron").is_file());
    assert!(
        recovery_files(&saves).is_empty(),
        "a clean save removes the recovery file"
    );
}

#[test]
fn discarding_the_offer_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    annotate_and_wait(&mut h, "Kremlin");
    drop(h);
    let mut h = harness_for(&article, &saves);
    h.get_by_label("Discard").click();
    h.run_steps(2);
    assert!(h.state().document().unwrap().session.annotations.is_empty());
    assert!(recovery_files(&saves).is_empty());
}

#[test]
fn opening_another_file_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let other = copy_sample(dir.path(), "other.txt");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    annotate_and_wait(&mut h, "Kremlin");
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    type_path(&mut h, &other, "Open");
    h.get_by_label_contains("save the changes to story.txt?");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert_eq!(h.state().document().unwrap().display_name(), "story.txt");
    assert_eq!(h.state().document().unwrap().session.annotations.len(), 1);

    // Again, and this time discard: the other file opens and the unsaved work is gone for good.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    type_path(&mut h, &other, "Open");
    h.get_by_label("Discard").click();
    h.run_steps(2);
    assert_eq!(h.state().document().unwrap().display_name(), "other.txt");
    assert!(recovery_files(&saves).is_empty());
}

#[test]
fn after_the_article_changed_orphans_are_listed_for_review_and_kept_until_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    mark(&mut h, "Jens Stoltenberg", Key::M);
    annotate_and_wait(&mut h, "celebrated that the Kremlin");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    drop(h);

    // The outlet corrects the article: the "Nevertheless…" paragraph is gone.
    let text = std::fs::read_to_string(&article).unwrap();
    let start = text.find("Nevertheless").unwrap();
    let end = start + text[start..].find("\n\n").unwrap() + 2;
    std::fs::write(&article, format!("{}{}", &text[..start], &text[end..])).unwrap();

    let mut h = harness_for(&saves.join("story.ron"), &saves);
    h.get_by_label_contains("Review re-anchored annotations");
    h.get_by_label_contains("orphan: not found in the new text");
    assert_eq!(
        h.state().document().unwrap().session.annotations.len(),
        2,
        "orphan kept"
    );
    h.get_by_label("Delete").click();
    h.run_steps(2);
    let session = &h.state().document().unwrap().session;
    assert_eq!(session.annotations.len(), 1);
    assert_eq!(session.annotations[0].kind.tag(), KindTag::Mention);
    assert_eq!(session.annotations[0].exact, "Jens Stoltenberg");
}

#[test]
fn a_recovery_file_that_cannot_be_removed_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    annotate_and_wait(&mut h, "Kremlin");
    let files = recovery_files(&saves);
    assert_eq!(files.len(), 1, "autosaved within 2 s");
    // A folder where the recovery file's backup goes: removing it as a file fails.
    let bak = std::path::PathBuf::from(format!("{}.bak", files[0].display()));
    std::fs::create_dir_all(bak.join("blocker")).unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(saves.join("story.ron").is_file(), "the save itself worked");
    let status = h.state().status();
    assert!(status.starts_with("Saved "), "{status}");
    assert!(
        status.contains("could not remove the recovery file"),
        "{status}"
    );
}
