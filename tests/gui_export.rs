//! File ▸ Export and File ▸ Import annotations, driven through the menus of the real window.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

mod common;

use common::{copy_sample, harness_for, mark, menu, type_path};
use egui::Key;
use egui_kittest::kittest::Queryable;

#[test]
fn export_w3c_and_brat_then_import_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    mark(&mut h, "Jens Stoltenberg", Key::M);
    mark(&mut h, "the Kremlin", Key::C);
    let before = h.state().document().unwrap().session.annotations.clone();

    let w3c = dir.path().join("out/story.jsonld");
    menu(&mut h, &["Export", "W3C Web Annotation (JSON-LD)"]);
    type_path(&mut h, &w3c, "Export");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&w3c).unwrap()).unwrap();
    assert_eq!(json["type"], "AnnotationCollection");
    assert_eq!(json["total"], 2);
    assert!(h.state().status().starts_with("Exported 2 annotations"));

    let ann = dir.path().join("out/story.ann");
    menu(&mut h, &["Export", "brat standoff (.ann + .txt)"]);
    type_path(&mut h, &ann, "Export");
    let brat = std::fs::read_to_string(&ann).unwrap();
    assert!(brat.contains("\tMention "), "{brat}");
    assert!(brat.contains("\tthe Kremlin"), "{brat}");
    assert!(dir.path().join("out/story.txt").is_file());

    // Never over the article itself.
    menu(&mut h, &["Export", "CSV"]);
    type_path(&mut h, &article, "Export");
    h.get_by_label("Something went wrong");
    assert!(h.state().error().unwrap().contains("refusing to overwrite"));
    assert_eq!(
        std::fs::read(&article).unwrap(),
        std::fs::read(common::sample_path()).unwrap()
    );
    h.get_by_label("OK").click();
    h.run_steps(2);

    // Import replaces the session's annotations with equal ones, as an undoable step.
    menu(
        &mut h,
        &["Import annotations", "W3C Web Annotation (JSON-LD)…"],
    );
    type_path(&mut h, &w3c, "Import");
    h.run_steps(2);
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
