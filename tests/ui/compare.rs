//! File ▸ Compare with…: another annotator's session of the same article beside the open one,
//! decided item by item into the open session, driven through the real window.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use std::path::Path;

use common::{copy_sample, find, harness, harness_for, mark, menu, type_path};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use newsmark::io::document::Document;
use newsmark::io::session_file;
use newsmark::model::annotation::{AnnotationId, KindTag, Span};
use newsmark::model::session::make_annotation;

/// Lets a glyph no font of this window has (the "✓" of a decided item) draw as a box instead
/// of failing the test: the system fallback fonts are handed out once per process
/// (`text_engine::fonts::system()` remembers what it gave), so only the first harness of a
/// test binary receives the font with "✓". These tests assert on state and files, not pixels.
fn allow_missing_glyphs(h: &mut egui_kittest::Harness<'_, newsmark::ui::NewsmarkApp>) {
    h.ctx
        .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
}

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
    allow_missing_glyphs(&mut h);
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
    h.get_by_label(
        "A: curated session (a copy of story.ron, whose changes were saved first) · \
         B: bob.ron (Bob)",
    );

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
    allow_missing_glyphs(&mut h);
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

/// Bob's session: `base` with a claim on "heavy weapons" added (id 50).
fn bob_with_weapons(base: &Path, text_of: &Document, to: &Path) {
    let mut bob = session_file::load(base).unwrap();
    bob.annotator = "Bob".into();
    let text = text_of.text.as_str();
    let byte = text.find("heavy weapons").unwrap();
    let start = text[..byte].chars().count();
    bob.annotations.push(make_annotation(
        &text_of.text,
        AnnotationId(50),
        Span::new(start, start + "heavy weapons".chars().count()),
        KindTag::Claim.with_speaker(None),
    ));
    bob.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    session_file::save(&bob, to).unwrap();
}

#[test]
fn adjudication_saves_a_curated_session_and_leaves_both_annotators_files_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    allow_missing_glyphs(&mut h);
    mark(&mut h, "tens of thousands of troops", Key::C);
    // Unsaved work of A's own is saved to A's file before adjudication starts from it.
    let mine = saves.join("story.ron");
    assert!(!mine.exists());
    let doc = h.state().document().unwrap().clone();
    let bob_file = dir.path().join("bob.ron");
    session_file::save(&doc.session, &bob_file).unwrap();
    bob_with_weapons(&bob_file, &doc, &bob_file);
    menu(&mut h, &["Compare with…"]);
    type_path(&mut h, &bob_file, "Open");
    h.run_steps(2);
    let a_bytes = std::fs::read(&mine).unwrap();
    let b_bytes = std::fs::read(&bob_file).unwrap();
    let curated = saves.join("story.curated.ron");
    assert_eq!(
        h.state().document().unwrap().session_path.as_deref(),
        Some(curated.as_path())
    );
    assert!(
        h.state().status().contains("editing the curated session"),
        "{}",
        h.state().status()
    );
    assert!(
        h.state()
            .title()
            .starts_with("newsmark — story.curated.ron"),
        "{}",
        h.state().title()
    );
    h.get_by_label(
        "A: curated session (a copy of story.ron, whose changes were saved first) · \
         B: bob.ron (Bob)",
    );

    // Take Bob's claim and save: the curated file gets it, A's and B's files stay as they were.
    h.get_by_label("only B · Claim");
    h.key_press(Key::Backslash);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(!h.state().is_dirty());
    assert_eq!(
        std::fs::read(&mine).unwrap(),
        a_bytes,
        "A's session untouched"
    );
    assert_eq!(
        std::fs::read(&bob_file).unwrap(),
        b_bytes,
        "B's session untouched"
    );
    let saved = session_file::load(&curated).unwrap();
    let claims: Vec<&str> = saved
        .annotations
        .iter()
        .filter(|a| a.kind.tag() == KindTag::Claim)
        .map(|a| a.exact.as_str())
        .collect();
    assert_eq!(claims, ["tens of thousands of troops", "heavy weapons"]);
    let a_claims = session_file::load(&mine).unwrap().annotations.len();
    assert_eq!(a_claims, 1, "A still has only their own claim");

    // Comparing again resumes the curated session: the decision is already there.
    menu(&mut h, &["Compare with…"]);
    type_path(&mut h, &bob_file, "Open");
    h.run_steps(2);
    h.get_by_label("2 agree · 0 only A · 0 only B · 0 conflicts");
    h.get_by_label_contains("A: curated session (resumed)");
    assert_eq!(std::fs::read(&mine).unwrap(), a_bytes);
}

#[test]
fn adjudication_in_a_project_writes_the_curation_folder_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    copy_sample(&root, "a_nato.txt");
    let mut app = newsmark::ui::NewsmarkApp::new(dir.path().join("saves")).typed_paths_only();
    app.open_project(&root);
    let mut h = harness(app);
    allow_missing_glyphs(&mut h);
    h.set_size(egui::vec2(1400.0, 1300.0));
    h.run_steps(3);
    mark(&mut h, "tens of thousands of troops", Key::C);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let mine = root.join(".newsmark/anonymous/a_nato.ron");
    let bob_file = root.join(".newsmark/bob/a_nato.ron");
    let doc = h.state().document().unwrap().clone();
    bob_with_weapons(&mine, &doc, &bob_file);
    let (a_bytes, b_bytes) = (
        std::fs::read(&mine).unwrap(),
        std::fs::read(&bob_file).unwrap(),
    );
    h.run_steps(2);
    h.get_by_label("bob").click();
    h.run_steps(3);
    h.get_by_label("1 agree · 0 only A · 1 only B · 0 conflicts");
    let curated = root.join(".newsmark/curation/a_nato.ron");
    assert!(
        h.state()
            .title()
            .starts_with("newsmark — a_nato.ron (curated)"),
        "{}",
        h.state().title()
    );
    h.get_by_label("only B · Claim");
    h.key_press(Key::Backslash);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert_eq!(
        std::fs::read(&mine).unwrap(),
        a_bytes,
        "A's session untouched"
    );
    assert_eq!(
        std::fs::read(&bob_file).unwrap(),
        b_bytes,
        "B's session untouched"
    );
    let saved = session_file::load(&curated).unwrap();
    assert!(saved.annotations.iter().any(|a| a.exact == "heavy weapons"));
    // The curation folder is no annotator: not offered to compare with, not in the list.
    assert_eq!(
        newsmark::io::project::annotators(&root),
        ["anonymous", "bob"]
    );
    assert!(h.query_by_label("curation").is_none());
}

/// Naming oneself in the middle of an adjudication (a project opened as "anonymous") moves
/// the annotator's own unsaved work to their named folder, never the curated session.
#[test]
fn a_name_given_while_adjudicating_leaves_the_curated_session_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    copy_sample(&root, "a_nato.txt");
    let mut app = newsmark::ui::NewsmarkApp::new(dir.path().join("saves")).typed_paths_only();
    app.open_project(&root);
    let mut h = harness(app);
    allow_missing_glyphs(&mut h);
    h.set_size(egui::vec2(1400.0, 1300.0));
    h.run_steps(3);
    mark(&mut h, "tens of thousands of troops", Key::C);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let mine = root.join(".newsmark/anonymous/a_nato.ron");
    let doc = h.state().document().unwrap().clone();
    bob_with_weapons(&mine, &doc, &root.join(".newsmark/bob/a_nato.ron"));
    h.run_steps(2);
    h.get_by_label("bob").click();
    h.run_steps(3);
    h.get_by_label("only B · Claim");
    h.key_press(Key::Backslash);
    h.run_steps(2);
    common::give_name(&mut h, "Ana Lima");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let curated = root.join(".newsmark/curation/a_nato.ron");
    assert_eq!(
        h.state().document().unwrap().session_path.as_deref(),
        Some(curated.as_path())
    );
    let saved = session_file::load(&curated).unwrap();
    assert!(saved.annotations.iter().any(|a| a.exact == "heavy weapons"));
    assert!(
        !root.join(".newsmark/Ana Lima/a_nato.ron").exists(),
        "the curated work is not Ana's own session"
    );
}
