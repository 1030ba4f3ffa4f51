//! File ▸ Compare with…: another annotator's session of the same article beside the open one,
//! decided item by item into the open session, driven through the real window.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

mod common;

use common::{copy_sample, find, harness_for, mark, menu, type_path};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use newsmark::io::document::Document;
use newsmark::io::session_file;
use newsmark::model::annotation::{AnnotationId, KindTag, Span};
use newsmark::model::session::make_annotation;

/// The claims of the open session, as their text.
fn claims(h: &egui_kittest::Harness<'_, newsmark::ui::NewsmarkApp>) -> Vec<String> {
    let s = &h.state().document().unwrap().session;
    s.annotations
        .iter()
        .filter(|a| a.kind.tag() == KindTag::Claim)
        .map(|a| a.exact.clone())
        .collect()
}

#[test]
fn compare_with_another_session_and_decide_item_by_item_with_one_undo_each() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    mark(&mut h, "“risk of conflict”", Key::Q);
    mark(&mut h, "tens of thousands of troops", Key::C);
    mark(&mut h, "the Kremlin wants to dialogue", Key::C);

    // Bob: the same quote, the Kremlin claim longer, no troops claim, a claim on the weapons.
    let doc = h.state().document().unwrap();
    let mut bob = doc.session.clone();
    bob.annotator = "Bob".into();
    bob.annotations.retain(|a| a.kind.tag() == KindTag::Quote);
    for (id, needle) in [
        (20, "heavy weapons"),
        (21, "celebrated that the Kremlin wants to dialogue"),
    ] {
        let (s, e) = find(&h, needle);
        bob.annotations.push(make_annotation(
            &doc.text,
            AnnotationId(id),
            Span::new(s, e),
            KindTag::Claim.with_speaker(None),
        ));
    }
    let bob_file = dir.path().join("bob.ron");
    session_file::save(&bob, &bob_file).unwrap();

    menu(&mut h, &["Compare with…"]);
    type_path(&mut h, &bob_file, "Open");
    h.run_steps(2);
    h.get_by_label("1 agree · 1 only A · 1 only B · 1 conflict");
    h.get_by_label("3 left to decide");
    h.get_by_label("A: this session · B: bob.ron (Bob)");

    // The first open item is A's troops claim; next is Bob's weapons claim: take both.
    h.get_by_label("only A · Claim");
    h.key_press(Key::Period);
    h.run_steps(2);
    h.get_by_label("only B · Claim");
    h.key_press(Key::Backslash);
    h.run_steps(2);
    assert!(claims(&h).contains(&"heavy weapons".to_owned()));
    h.get_by_label("2 left to decide");

    // Now the conflict is selected: take Bob's longer claim.
    h.get_by_label("conflict · Claim — differs in span");
    h.get_by_label("Take B").click();
    h.run_steps(2);
    let now = claims(&h);
    assert!(
        now.contains(&"celebrated that the Kremlin wants to dialogue".to_owned()),
        "{now:?}"
    );
    assert!(!now.contains(&"the Kremlin wants to dialogue".to_owned()));
    assert_eq!(now.len(), 3, "{now:?}");
    h.get_by_label("1 left to decide");
    assert!(
        h.state().status().starts_with("Take B's claim #21"),
        "{}",
        h.state().status()
    );

    // One Ctrl+Z undoes exactly one decision: the Kremlin claim is A's again, the weapons stay.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    let now = claims(&h);
    assert!(
        now.contains(&"the Kremlin wants to dialogue".to_owned()),
        "{now:?}"
    );
    assert!(now.contains(&"heavy weapons".to_owned()));
    h.get_by_label("2 left to decide");
    assert!(h.state().is_dirty());

    // Take A by key keeps A's troops claim as it is, as a step of its own.
    h.get_by_label("only A · Claim");
    h.key_press(Key::OpenBracket);
    h.run_steps(2);
    let status = h.state().status().to_owned();
    assert!(
        status.starts_with("Keep A's claim #2 — 1 left to decide"),
        "{status}"
    );
    assert_eq!(claims(&h).len(), 3);
    h.get_by_label("1 left to decide");
    h.get_by_label("conflict · Claim — differs in span");
}

#[test]
fn a_session_of_another_article_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Another story, told by someone else.\n").unwrap();
    let alien = Document::open_article(&other).unwrap().session;
    let alien_file = dir.path().join("other.ron");
    session_file::save(&alien, &alien_file).unwrap();

    let mut h = harness_for(&article, &dir.path().join("saves"));
    menu(&mut h, &["Compare with…"]);
    type_path(&mut h, &alien_file, "Open");
    h.get_by_label("Something went wrong");
    let message = h.state().error().unwrap().to_owned();
    assert!(
        message.contains("is a session of another article"),
        "{message}"
    );
    assert!(message.contains("other.txt"), "{message}");
    assert!(message.contains("story.txt"), "{message}");
    assert!(h.query_by_label("Compare").is_none(), "no Compare tab");
}
