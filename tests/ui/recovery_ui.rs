//! Work is never lost: autosave and the restore offer after a crash, the unsaved-changes
//! question, and the review of annotations after the article changed — driven through the UI.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use std::path::Path;

use common::{
    copy_sample, drag_select, find, harness_for, mark, menu, session_on_edited_article, type_path,
};
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
    h.get_by_label_contains("unsaved: 1 annotation and 0 speakers.");
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
    // It names the session, not the article: the article is never written.
    h.get_by_label_contains(
        "Before opening other.txt: save your annotations to the session for story.txt (not saved yet)?",
    );
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

fn annotations(h: &egui_kittest::Harness<'_, newsmark::ui::NewsmarkApp>) -> Vec<(String, usize)> {
    let doc = h.state().document().unwrap();
    doc.session
        .annotations
        .iter()
        .map(|a| (a.exact.clone(), a.start))
        .collect()
}

fn undo(h: &mut egui_kittest::Harness<'_, newsmark::ui::NewsmarkApp>, redo: bool) {
    let key = if redo { Key::Y } else { Key::Z };
    h.key_press_modifiers(Modifiers::COMMAND, key);
    h.run_steps(3);
}

#[test]
fn import_is_one_undo_step_and_is_autosaved() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(!h.state().is_dirty() && recovery_files(&saves).is_empty());
    let before = annotations(&h);

    let (s1, e1) = find(&h, "the Kremlin");
    let (s2, e2) = find(&h, "heavy weapons");
    let ann = dir.path().join("x.ann");
    let brat = format!("T1\tClaim {s1} {e1}\tthe Kremlin\nT2\tClaim {s2} {e2}\theavy weapons\n");
    std::fs::write(&ann, brat).unwrap();
    menu(&mut h, &["Import annotations", "brat standoff (.ann)…"]);
    type_path(&mut h, &ann, "Import");
    let imported = annotations(&h);
    assert_eq!(imported.len(), 2, "{imported:?}");
    assert!(h.state().title().contains('●'), "{}", h.state().title());
    h.run_steps(120);
    assert_eq!(recovery_files(&saves).len(), 1, "autosaved within 2 s");

    undo(&mut h, false);
    assert_eq!(annotations(&h), before);
    assert_eq!(h.state().status(), "Undid import 2 annotations from x.ann");
    undo(&mut h, true);
    assert_eq!(annotations(&h), imported);
}

#[test]
fn restore_is_one_undo_step_and_is_autosaved_again() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    annotate_and_wait(&mut h, "Kremlin");
    drop(h);

    let mut h = harness_for(&article, &saves);
    h.get_by_label_contains("Unsaved work found");
    // The offer is in memory now; the file must come back from the autosave of the restore.
    for f in recovery_files(&saves) {
        std::fs::remove_file(f).unwrap();
    }
    h.get_by_label("Restore").click();
    h.run_steps(2);
    assert_eq!(annotations(&h).len(), 1);
    assert!(h.state().title().contains('●'));
    h.run_steps(120);
    assert_eq!(recovery_files(&saves).len(), 1, "autosaved within 2 s");

    undo(&mut h, false);
    assert!(
        annotations(&h).is_empty(),
        "undo brings back the file as saved"
    );
    assert_eq!(h.state().status(), "Undid restore unsaved work");
    undo(&mut h, true);
    assert_eq!(annotations(&h).len(), 1);
}

#[test]
fn opening_on_an_edited_article_makes_re_anchoring_an_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_on_edited_article(dir.path());
    let saves = dir.path().join("saves");
    let stored: Vec<(String, usize)> = newsmark::io::session_file::load(&session)
        .unwrap()
        .annotations
        .iter()
        .map(|a| (a.exact.clone(), a.start))
        .collect();
    let mut h = harness_for(&session, &saves);
    let reanchored = annotations(&h);
    assert_ne!(reanchored, stored);
    assert!(h.state().title().contains('●'), "{}", h.state().title());
    h.get_by_label_contains("orphan: not found in the new text");
    h.run_steps(120);
    assert_eq!(recovery_files(&saves).len(), 1, "autosaved within 2 s");

    // Back to the offsets as saved: the claim's lie past the end of the text now.
    undo(&mut h, false);
    assert_eq!(annotations(&h), stored);
    assert_eq!(h.state().status(), "Undid re-anchor annotations");
    let len = h.state().document().unwrap().text.len_chars();
    assert!(stored.iter().any(|(_, start)| *start > len));
    // Drawing it, listing it and reviewing it must not panic.
    h.run_steps(5);
    h.get_by_label_contains("orphan: not found in the new text");
    undo(&mut h, true);
    assert_eq!(annotations(&h), reanchored);
}
