//! Who annotated: the name asked once in the window signs saved sessions, and exports carry it
//! (W3C `creator`, ClaimReview author when no reviewer is set).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use common::{copy_sample, harness_for, mark};
use egui::Key;
use egui_kittest::kittest::Queryable;
use newsmark::io::document::Document;
use newsmark::io::formats::{claimreview, w3c};
use newsmark::model::session::ArticleRef;

#[test]
fn the_name_is_asked_once_and_signs_the_saved_session() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    common::give_name(&mut h, "Ana Lima");
    assert!(h.query_by_label("Use this name").is_none(), "asked once");
    assert!(h.state().prefs().annotator_asked);
    assert_eq!(h.state().prefs().annotator, "Ana Lima");
    mark(&mut h, "the Kremlin", Key::C);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    let saved = std::fs::read_to_string(saves.join("story.ron")).unwrap();
    assert!(saved.contains("annotator: \"Ana Lima\""), "{saved}");
}

#[test]
fn not_now_dismisses_the_question_without_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    h.get_by_label("Not now").click();
    h.run_steps(3);
    assert!(h.query_by_label("Not now").is_none());
    assert!(h.state().prefs().annotator_asked);
    assert!(h.state().prefs().annotator.is_empty());
}

#[test]
fn exports_name_the_annotator() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let mut doc = Document::open(&article).unwrap();
    doc.session.annotator = "Ana Lima".into();
    let text = doc.text.clone();
    let a = newsmark::model::session::make_annotation(
        &text,
        newsmark::model::annotation::AnnotationId(1),
        newsmark::model::annotation::Span::new(0, 4),
        newsmark::model::annotation::KindTag::Claim.with_speaker(None),
    );
    doc.session.annotations.push(a);
    let json = w3c::export(&doc);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let creator = &v["first"]["items"][0]["creator"];
    assert_eq!(creator["type"], "Person");
    assert_eq!(creator["name"], "Ana Lima");
    let (back, warnings) = w3c::import(&json, &text, ArticleRef::default()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back.annotator, "Ana Lima");
    // With no reviewer set, the annotator is the ClaimReview author.
    let missing = claimreview::missing(&doc);
    assert!(
        !missing.iter().any(|m| m.starts_with("author")),
        "{missing:?}"
    );
    doc.session.annotator.clear();
    let missing = claimreview::missing(&doc);
    assert!(
        missing.iter().any(|m| m.starts_with("author")),
        "{missing:?}"
    );
}
