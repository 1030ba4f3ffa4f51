//! File ▸ Export and File ▸ Import annotations, driven through the menus of the real window.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

mod common;

use common::{copy_sample, drag_select, find, harness_for};
use egui::Key;
use egui_kittest::kittest::Queryable;

fn menu(h: &mut egui_kittest::Harness<'_, newsmark::ui::NewsmarkApp>, path: &[&str]) {
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

fn choose_path(
    h: &mut egui_kittest::Harness<'_, newsmark::ui::NewsmarkApp>,
    path: &str,
    button: &str,
) {
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "File:");
    // Replace whatever path was suggested.
    field.focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "File:")
        .type_text(path);
    h.run_steps(1);
    h.get_by_label(button).click();
    h.run_steps(3);
}

#[test]
fn export_w3c_and_brat_then_import_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    for (needle, key) in [("Jens Stoltenberg", Key::M), ("the Kremlin", Key::C)] {
        let (s, e) = find(&h, needle);
        drag_select(&mut h, s, e);
        h.key_press(key);
        h.run_steps(2);
    }
    let before = h.state().document().unwrap().session.annotations.clone();

    let w3c = dir.path().join("out/story.jsonld");
    menu(&mut h, &["Export", "W3C Web Annotation (JSON-LD)"]);
    choose_path(&mut h, w3c.to_str().unwrap(), "Export");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&w3c).unwrap()).unwrap();
    assert_eq!(json["type"], "AnnotationCollection");
    assert_eq!(json["total"], 2);
    assert!(h.state().status().starts_with("Exported 2 annotations"));

    let ann = dir.path().join("out/story.ann");
    menu(&mut h, &["Export", "brat standoff (.ann + .txt)"]);
    choose_path(&mut h, ann.to_str().unwrap(), "Export");
    let brat = std::fs::read_to_string(&ann).unwrap();
    assert!(brat.contains("\tMention "), "{brat}");
    assert!(brat.contains("\tthe Kremlin"), "{brat}");
    assert!(dir.path().join("out/story.txt").is_file());

    // Never over the article itself.
    menu(&mut h, &["Export", "CSV"]);
    choose_path(&mut h, article.to_str().unwrap(), "Export");
    h.get_by_label("Something went wrong");
    assert!(h.state().error().unwrap().contains("refusing to overwrite"));
    assert_eq!(
        std::fs::read(&article).unwrap(),
        std::fs::read(common::sample_path()).unwrap()
    );
    h.get_by_label("OK").click();
    h.run_steps(2);

    // Import replaces the session (after the unsaved-changes question) with equal annotations.
    menu(
        &mut h,
        &["Import annotations", "W3C Web Annotation (JSON-LD)…"],
    );
    choose_path(&mut h, w3c.to_str().unwrap(), "Import");
    h.run_steps(2);
    h.get_by_label("Discard").click();
    h.run_steps(3);
    let after = &h.state().document().unwrap().session.annotations;
    assert_eq!(after.len(), 2);
    for (a, b) in before.iter().zip(after) {
        assert_eq!(
            (a.start, a.end, &a.exact, a.kind.tag()),
            (b.start, b.end, &b.exact, b.kind.tag())
        );
    }
    assert!(h.state().is_dirty());
}
