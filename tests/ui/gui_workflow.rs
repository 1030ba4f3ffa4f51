//! Drives the real window headless: select with the pointer, annotate with keys and buttons,
//! save, reopen from the file, and check what was written.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use common::{copy_sample, drag_select, find, harness, harness_for, mark};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use newsmark::model::annotation::{Kind, KindTag};
use newsmark::ui::NewsmarkApp;

#[test]
fn annotate_save_and_reopen_restores_everything() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);

    // A mention of a new speaker, from the keyboard.
    let (s, e) = find(&h, "Jens Stoltenberg");
    drag_select(&mut h, s, e);
    assert_eq!(
        h.state().selection().map(|sp| (sp.start, sp.end)),
        Some((s, e))
    );
    h.key_press(Key::M);
    h.run_steps(2);

    // A quote of that (now current) speaker, from the keyboard, across a line of wrapping.
    let quote = "We regret that, despite calls from the international community for several weeks";
    let (qs, qe) = find(&h, quote);
    drag_select(&mut h, qs, qe);
    h.key_press(Key::Q);
    h.run_steps(2);

    // A claim, from the toolbar button.
    let claim = "tens of thousands of troops and heavy weapons";
    let (cs, ce) = find(&h, claim);
    drag_select(&mut h, cs, ce);
    h.get_by_label("Claim  C").click();
    h.run_steps(2);

    assert!(h.state().title().contains('●'), "unsaved mark in title");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let saved = saves.join("story.ron");
    assert!(saved.is_file(), "status: {}", h.state().status());
    assert!(!h.state().title().contains('●'));
    let ron = std::fs::read_to_string(&saved).unwrap();
    assert!(
        ron.contains("path: \"../story.txt\""),
        "relative article path:\n{ron}"
    );
    assert!(ron.lines().count() > 20, "pretty RON, one field a line");

    // A fresh app from the saved file.
    let (app, err) = NewsmarkApp::with_file(dir.path().join("other"), &saved);
    assert!(err.is_none());
    let h2 = harness(app);
    let doc = h2.state().document().unwrap();
    let s = &doc.session;
    assert_eq!(s.speakers.len(), 1);
    assert_eq!(s.speakers[0].name, "Jens Stoltenberg");
    let by_kind = |t: KindTag| s.annotations.iter().find(|a| a.kind.tag() == t).unwrap();
    let m = by_kind(KindTag::Mention);
    let q = by_kind(KindTag::Quote);
    let c = by_kind(KindTag::Claim);
    assert_eq!(m.exact, "Jens Stoltenberg");
    assert_eq!(q.exact, quote);
    assert_eq!(c.exact, claim);
    assert_eq!((q.start, q.end), (qs, qe));
    assert_eq!(doc.text.slice(c.start..c.end), claim);
    assert_eq!(q.kind.speaker(), Some(s.speakers[0].id));
    assert!(matches!(&c.kind, Kind::Claim(cl) if cl.speaker == Some(s.speakers[0].id)));
}

#[test]
fn mention_of_alias_joins_the_current_speaker_and_undo_reverts_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "a.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    // Tall enough that the whole sample is on screen.
    h.set_size(egui::vec2(1280.0, 2000.0));
    h.run_steps(2);
    mark(&mut h, "Jens Stoltenberg", Key::M);
    // An unknown name while Stoltenberg is current: M asks instead of extending him silently.
    mark(&mut h, "the Norwegian politician", Key::M);
    h.run_steps(2);
    h.get_by_label_contains("is not a known name or alias");
    assert_eq!(h.state().document().unwrap().session.annotations.len(), 1);
    h.key_press(Key::A);
    h.run_steps(2);
    assert!(
        h.state().status().contains("Ctrl+Z undoes it"),
        "{}",
        h.state().status()
    );
    let session = &h.state().document().unwrap().session;
    assert_eq!(session.speakers.len(), 1);
    assert_eq!(
        session.speakers[0].aliases,
        ["the Norwegian politician"],
        "{:#?}",
        session
    );
    assert_eq!(session.count(KindTag::Mention), 2);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    let session = &h.state().document().unwrap().session;
    assert!(session.speakers[0].aliases.is_empty());
    assert_eq!(session.count(KindTag::Mention), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run_steps(2);
    assert_eq!(
        h.state()
            .document()
            .unwrap()
            .session
            .count(KindTag::Mention),
        2
    );
}

#[test]
fn clicking_a_highlight_selects_it_and_delete_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "a.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    let (s, e) = find(&h, "Kremlin");
    drag_select(&mut h, s, e);
    h.key_press(Key::C);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().selected(), None);
    let pos = h.state().article_view().char_pos(s + 2).unwrap();
    h.hover_at(pos);
    h.step();
    h.drag_at(pos);
    h.step();
    h.drop_at(pos);
    h.run_steps(2);
    let id = h.state().selected().expect("click selects the claim");
    assert_eq!(
        h.state()
            .document()
            .unwrap()
            .session
            .annotation(id)
            .unwrap()
            .exact,
        "Kremlin"
    );
    h.get_by_label("Delete").click();
    h.run_steps(2);
    assert!(h.state().document().unwrap().session.annotations.is_empty());
}

#[test]
fn selection_snaps_to_whole_words() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "a.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    let (s, e) = find(&h, "Secretary General");
    drag_select(&mut h, s + 3, e - 2);
    h.key_press(Key::C);
    h.run_steps(2);
    let doc = h.state().document().unwrap();
    assert_eq!(doc.session.annotations[0].exact, "Secretary General");
}

/// A file dropped on the window, as the windowing backend hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_on_the_window_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "a.txt");
    let other = copy_sample(dir.path(), "dropped.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(other.clone())));
    h.run_steps(2);
    assert_eq!(h.state().document().unwrap().display_name(), "dropped.txt");
}

#[test]
fn u_and_plus_attach_cue_and_parts_to_the_quote_selected_last() {
    use newsmark::model::annotation::Kind;
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "a.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    let (s, e) = find(&h, "significant consequences and a high price for Russia");
    drag_select(&mut h, s, e);
    h.key_press(Key::Q);
    h.run_steps(2);
    let quote = h.state().selected().expect("the new quote is selected");
    let (cs, ce) = find(&h, "reiterated");
    drag_select(&mut h, cs, ce);
    assert_eq!(
        h.state().selection().map(|s| (s.start, s.end)),
        Some((cs, ce))
    );
    h.key_press(Key::U);
    h.run_steps(2);
    // Deselected (Esc), the quote is still the one + reaches: the one selected last.
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().selected(), None);
    let (ps, pe) = find(&h, "specifying that both the United States");
    drag_select(&mut h, ps, pe);
    h.key_press(Key::Equals);
    h.run_steps(2);
    let doc = h.state().document().unwrap();
    let a = doc.session.annotation(quote).unwrap();
    let Kind::Quote(q) = &a.kind else {
        panic!("{a:?}")
    };
    let cue = q.cue.expect("U set the cue");
    assert_eq!(doc.text.slice(cue.start..cue.end), "reiterated");
    assert_eq!(q.more.len(), 1, "+ added a part");
    assert_eq!(
        doc.text.slice(q.more[0].start..q.more[0].end),
        "specifying that both the United States"
    );
    assert_eq!(
        h.state().selected(),
        Some(quote),
        "the quote stays selected"
    );
}

#[test]
fn a_small_window_wraps_the_toolbar_instead_of_clipping_it() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "a.txt");
    let (app, err) = newsmark::ui::NewsmarkApp::with_file(dir.path().join("saves"), &article);
    assert!(err.is_none());
    let mut h = egui_kittest::Harness::builder()
        .with_size([600.0, 400.0])
        .build_eframe(move |_| app.typed_paths_only());
    h.run_steps(4);
    for label in ["Redo", "Sticky", "A−", "A+"] {
        let r = h.get_by_label(label).rect();
        assert!(
            r.right() <= 600.0 && r.bottom() <= 400.0,
            "{label} is cut off at {r:?}"
        );
    }
}

#[test]
fn suggestions_are_underlined_until_accepted_and_rejected_ones_do_not_come_back() {
    use newsmark::model::annotation::Kind;
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "a.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    h.key_press(Key::G);
    h.run_steps(3);
    let status = h.state().status().to_owned();
    assert!(status.contains("suggestion(s)"), "{status}");
    let n: usize = status.split_whitespace().next().unwrap().parse().unwrap();
    assert!(n >= 2, "the sample has several quotes: {status}");
    assert!(
        h.state().document().unwrap().session.annotations.is_empty(),
        "suggestions are not annotations"
    );
    // Accept the first: ordinary annotations (a quote, no "suggested" note), one undo step.
    h.key_press(Key::A);
    h.run_steps(2);
    let s = &h.state().document().unwrap().session;
    assert!(
        s.annotations
            .iter()
            .any(|a| matches!(a.kind, Kind::Quote(_)))
    );
    assert!(s.annotations.iter().all(|a| a.note.is_empty()));
    let accepted = s.annotations.len();
    // Reject the next one, then ask again: it is not offered, the accepted one neither.
    h.key_press(Key::X);
    h.run_steps(2);
    h.key_press(Key::G);
    h.run_steps(3);
    let again: usize = h
        .state()
        .status()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(again, n - 2, "{}", h.state().status());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(h.state().document().unwrap().session.annotations.len() < accepted);
}

#[test]
fn all_suggested_quotes_are_accepted_in_one_undo_step() {
    use egui_kittest::kittest::Queryable as _;
    use newsmark::model::annotation::Kind;
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "a.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    h.key_press(Key::G);
    h.run_steps(3);
    h.get_by_label("Accept all quotes").click();
    h.run_steps(3);
    let s = &h.state().document().unwrap().session;
    let quotes = s
        .annotations
        .iter()
        .filter(|a| matches!(a.kind, Kind::Quote(_)))
        .count();
    assert!(quotes >= 2, "{quotes}");
    assert!(h.query_by_label("Accept all quotes").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(h.state().document().unwrap().session.annotations.is_empty());
}

#[test]
fn m_on_an_unknown_name_asks_new_speaker_another_speaker_or_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "a.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    h.set_size(egui::vec2(1280.0, 2000.0));
    h.run_steps(2);
    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.key_press(Key::Num0);
    h.run_steps(1);
    mark(&mut h, "the Kremlin", Key::M); // nobody current: a new speaker, no question
    h.key_press(Key::Num1);
    h.run_steps(1);
    let speakers = |h: &egui_kittest::Harness<'_, newsmark::ui::NewsmarkApp>| {
        h.state().document().unwrap().session.speakers.len()
    };
    assert_eq!(speakers(&h), 2);
    // Esc: nothing marked, nobody extended.
    mark(&mut h, "Washington", Key::M);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().document().unwrap().session.annotations.len(), 2);
    assert!(h.state().status().starts_with("Not marked"));
    // 2: a mention of the second speaker; the text does not become an alias.
    mark(&mut h, "Moscow", Key::M);
    h.key_press(Key::Num2);
    h.run_steps(2);
    let s = &h.state().document().unwrap().session;
    let kremlin = &s.speakers[1];
    let moscow = s.annotations.iter().find(|a| a.exact == "Moscow").unwrap();
    assert_eq!(moscow.kind.speaker(), Some(kremlin.id));
    assert!(kremlin.aliases.is_empty());
    // Enter: a new speaker named after the text.
    mark(&mut h, "Brussels", Key::M);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(speakers(&h), 3);
}
