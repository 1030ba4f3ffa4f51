//! The side panel's editors and the quit question, through the real window: what the user
//! types lands in the session, one undo step per field, and closing never drops work silently.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use common::{copy_sample, harness_for, mark};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsmark::model::annotation::Kind;
use newsmark::model::session::Session;
use newsmark::ui::NewsmarkApp;

fn open() -> (tempfile::TempDir, Harness<'static, NewsmarkApp>) {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    h.set_size(egui::vec2(1400.0, 1600.0));
    h.run_steps(3);
    (dir, h)
}

fn session<'h>(h: &'h Harness<'_, NewsmarkApp>) -> &'h Session {
    &h.state().document().unwrap().session
}

/// Puts the keyboard in the field labelled `label` (of `role`) and types `text` at its end.
fn type_into(h: &mut Harness<'_, NewsmarkApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run_steps(1);
    h.key_press(Key::End);
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.event(egui::Event::Text(text.into()));
    h.run_steps(2);
}

#[test]
fn the_speaker_editor_renames_adds_and_removes_aliases_each_as_one_step() {
    let (_dir, mut h) = open();
    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.get_by_label("Speakers").click();
    h.run_steps(2);
    h.get_by_label_contains("1 Jens Stoltenberg").click();
    h.run_steps(2);

    type_into(&mut h, Role::TextInput, "Name", " (NATO)");
    assert_eq!(session(&h).speakers[0].name, "Jens Stoltenberg (NATO)");
    type_into(&mut h, Role::TextInput, "Role", "Secretary General");
    assert_eq!(session(&h).speakers[0].role, "Secretary General");

    type_into(
        &mut h,
        Role::TextInput,
        "Aliases",
        "the Norwegian politician",
    );
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(
        session(&h).speakers[0].aliases,
        ["the Norwegian politician"]
    );
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Aliases")
            .value()
            .as_deref(),
        Some(""),
        "the field is emptied for the next alias"
    );
    h.get_by_label("Remove alias the Norwegian politician")
        .click();
    h.run_steps(2);
    assert!(session(&h).speakers[0].aliases.is_empty());

    // Undo: the alias comes back, then is gone, then the role, then the whole rename (typed
    // letters were one step).
    for expected in [1, 0] {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run_steps(2);
        assert_eq!(session(&h).speakers[0].aliases.len(), expected);
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(session(&h).speakers[0].role, "");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(session(&h).speakers[0].name, "Jens Stoltenberg");
}

#[test]
fn enter_at_the_end_of_the_sources_starts_a_new_line_for_the_next_url() {
    let (_dir, mut h) = open();
    mark(&mut h, "the Kremlin", Key::C);
    let sources = Role::MultilineTextInput;
    type_into(&mut h, sources, "Checked against", "https://a.example/1");
    h.key_press(Key::Enter);
    h.run_steps(2);
    h.event(egui::Event::Text("https://b.example/2".into()));
    h.run_steps(2);
    let claim = &session(&h).annotations[0];
    match &claim.kind {
        Kind::Claim(c) => assert_eq!(c.sources, ["https://a.example/1", "https://b.example/2"]),
        k => panic!("{k:?}"),
    }
    assert_eq!(
        h.get_by_role_and_label(sources, "Checked against")
            .value()
            .as_deref(),
        Some("https://a.example/1\nhttps://b.example/2")
    );
}

#[test]
fn quitting_with_unsaved_work_asks_and_cancel_save_and_discard_do_what_they_say() {
    let (dir, mut h) = open();
    mark(&mut h, "the Kremlin", Key::C);
    let question = "Before closing: save your annotations to the session for story.txt";

    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run_steps(3);
    h.get_by_label_contains(question);
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    assert!(
        !h.state().is_closing(),
        "Cancel keeps the window and the work"
    );
    assert!(h.state().is_dirty());

    // Asked again, Save writes the work, then the window closes.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run_steps(3);
    h.get_by_label("Save").click();
    h.run_steps(3);
    assert!(h.state().is_closing());
    let saved = dir.path().join("saves/story.ron");
    let on_disk = newsmark::io::session_file::load(&saved).unwrap();
    assert_eq!(
        on_disk.annotations.len(),
        1,
        "Save wrote the work before closing"
    );

    let (dir2, mut h) = open();
    mark(&mut h, "the Kremlin", Key::C);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run_steps(3);
    h.get_by_label("Discard").click();
    h.run_steps(3);
    assert!(h.state().is_closing(), "Discard closes");
    assert!(
        !dir2.path().join("saves/story.ron").exists(),
        "without saving"
    );
}

/// A quote selected with its opening quotation mark but not the closing one takes it in.
#[test]
fn a_quote_selected_from_its_opening_mark_takes_in_the_closing_one() {
    let (_dir, mut h) = open();
    mark(&mut h, "“risk of conflict", Key::Q);
    let quote = &session(&h).annotations[0];
    assert_eq!(quote.exact, "“risk of conflict”");
    assert!(
        h.state()
            .status()
            .contains("with its closing quotation mark")
    );
}
