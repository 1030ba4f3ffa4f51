//! File ▸ Export and File ▸ Import annotations, driven through the menus of the real window.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use common::{copy_sample, harness_for, mark, menu, session_on_edited_article, type_path};
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

#[test]
fn export_with_unanchored_annotations_shows_the_review_and_can_leave_them_out() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_on_edited_article(dir.path());
    let mut h = harness_for(&session, &dir.path().join("saves"));
    let out = dir.path().join("out/story.jsonld");
    menu(&mut h, &["Export", "W3C Web Annotation (JSON-LD)"]);
    type_path(&mut h, &out, "Export");
    assert!(
        !out.exists(),
        "nothing written while an orphan is unreviewed"
    );
    h.get_by_label_contains("Review re-anchored annotations");
    h.get_by_label("1 annotation is not anchored in this article; review them before exporting.");
    assert!(h.state().status().contains("review them before exporting"));

    h.get_by_label("Export without them").click();
    h.run_steps(2);
    let json = std::fs::read_to_string(&out).unwrap();
    assert!(json.contains("Jens Stoltenberg"), "{json}");
    assert!(!json.contains("celebrated that the Kremlin"), "{json}");
    let status = h.state().status();
    assert!(status.starts_with("Exported 1 annotations"), "{status}");
    assert!(status.contains("left out 1 not anchored"), "{status}");
}

#[test]
fn export_when_no_annotation_is_anchored_says_it_is_another_article() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_on_edited_article(dir.path());
    // Another article entirely under the session's article name.
    std::fs::write(
        dir.path().join("story.txt"),
        "A different story altogether.\n",
    )
    .unwrap();
    let mut h = harness_for(&session, &dir.path().join("saves"));
    let out = dir.path().join("out/story.csv");
    menu(&mut h, &["Export", "CSV"]);
    type_path(&mut h, &out, "Export");
    assert!(!out.exists());
    h.get_by_label(
        "None of the 2 annotations is anchored in this article: it is not this session's \
         article. Nothing was exported.",
    );
    assert!(h.state().status().contains("not this session's article"));
}

#[test]
fn claimreview_names_missing_details_which_a_window_sets_as_one_undo_step() {
    use newsmark::model::session::ReviewerKind;
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    mark(&mut h, "the Kremlin", Key::C);
    // Without details, ClaimReview is refused, naming what is missing.
    let review = dir.path().join("out/story.claimreview.jsonld");
    menu(&mut h, &["Export", "ClaimReview (JSON-LD)"]);
    type_path(&mut h, &review, "Export");
    assert!(!review.exists());
    let error = h.state().error().unwrap_or_default().to_owned();
    assert!(
        error.contains("review URL") || error.contains("url"),
        "{error}"
    );
    h.get_by_label("OK").click();
    h.run_steps(4);
    assert!(h.state().error().is_none());
    menu(&mut h, &["Publication details…"]);
    let field = egui::accesskit::Role::TextInput;
    for (label, value) in [
        ("Article URL", "https://news.example/nato"),
        ("Reviewer", "Factcheck Desk"),
        ("Review URL", "https://factcheck.example/kremlin"),
    ] {
        h.get_by_role_and_label(field, label).focus();
        h.run_steps(1);
        h.get_by_role_and_label(field, label).type_text(value);
        h.run_steps(1);
    }
    h.get_by_label("an organisation").click();
    h.run_steps(1);
    h.get_by_label("Apply").click();
    h.run_steps(3);
    let p = h.state().document().unwrap().session.publication.clone();
    assert_eq!(p.article_url, "https://news.example/nato");
    assert_eq!(p.review_url, "https://factcheck.example/kremlin");
    assert_eq!(p.reviewer_kind, ReviewerKind::Organization);
    assert!(h.query_by_label("Publication details").is_none(), "closed");

    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(h.state().document().unwrap().session.publication.is_empty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Y);
    h.run_steps(2);
    assert_eq!(
        h.state().document().unwrap().session.publication.reviewer,
        "Factcheck Desk"
    );
}
