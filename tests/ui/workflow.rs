//! The fact-checker's workflow through the real window: search, keyboard-only annotation,
//! two-part quotes with cues, claims, speakers (find mentions, merge, undo), sticky mode,
//! filters, statistics, help and remembered preferences.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use common::{copy_sample, drag_select, find, harness_for, mark};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsmark::model::annotation::{CheckWorthiness, Kind, KindTag, QuoteType, Verdict};
use newsmark::ui::NewsmarkApp;

/// The sample article in a window tall enough to show all of it.
fn tall() -> (tempfile::TempDir, Harness<'static, NewsmarkApp>) {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    h.set_size(egui::vec2(1400.0, 2000.0));
    h.run_steps(3);
    (dir, h)
}

fn session<'h>(h: &'h Harness<'_, NewsmarkApp>) -> &'h newsmark::model::session::Session {
    &h.state().document().unwrap().session
}

/// Code-point range of the `n`-th (0-based) occurrence of `needle`.
fn nth(h: &Harness<'_, NewsmarkApp>, needle: &str, n: usize) -> (usize, usize) {
    let text = h.state().document().unwrap().text.as_str();
    let byte = text.match_indices(needle).nth(n).unwrap().0;
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

#[test]
fn search_then_annotate_the_second_match_from_the_keyboard_only() {
    let (_dir, mut h) = tall();
    // Typed right after Ctrl+F: the field has the keyboard and nothing is lost.
    h.event_modifiers(
        egui::Event::Key {
            key: Key::F,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::COMMAND,
        },
        Modifiers::COMMAND,
    );
    h.event(egui::Event::Text("stoltenberg".into()));
    h.run_steps(2);
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find:");
    assert!(
        field.is_focused(),
        "Ctrl+F puts the cursor in the search field"
    );
    assert_eq!(field.value().as_deref(), Some("stoltenberg"));
    h.get_by_label_contains("found");
    h.key_press(Key::Enter);
    h.run_steps(2);
    h.key_press(Key::F3);
    h.run_steps(2);
    h.get_by_label("2 / 4");
    h.key_press(Key::M);
    h.run_steps(2);
    let s = session(&h);
    assert_eq!(s.annotations.len(), 1);
    let a = &s.annotations[0];
    assert_eq!(a.exact, "Stoltenberg");
    assert_eq!((a.start, a.end), nth(&h, "Stoltenberg", 1));
    assert_eq!(s.speakers[0].name, "Stoltenberg");
}

/// F3 and Shift+F3 step through the matches while the search field still has the keyboard,
/// the same way both ways.
#[test]
fn f3_and_shift_f3_work_inside_the_search_field() {
    let (_dir, mut h) = tall();
    h.event_modifiers(
        egui::Event::Key {
            key: Key::F,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::COMMAND,
        },
        Modifiers::COMMAND,
    );
    h.event(egui::Event::Text("stoltenberg".into()));
    h.run_steps(2);
    for (shift, expected) in [
        (false, "1 / 4"),
        (false, "2 / 4"),
        (true, "1 / 4"),
        (true, "4 / 4"),
    ] {
        let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find:");
        assert!(field.is_focused(), "the field keeps the keyboard");
        let modifiers = if shift {
            Modifiers::SHIFT
        } else {
            Modifiers::NONE
        };
        h.key_press_modifiers(modifiers, Key::F3);
        h.run_steps(2);
        h.get_by_label(expected);
    }
    assert_eq!(
        h.state().selection().map(|s| (s.start, s.end)),
        Some(nth(&h, "Stoltenberg", 3))
    );
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find:");
    assert_eq!(
        field.value().as_deref(),
        Some("stoltenberg"),
        "F3 typed nothing"
    );
}

/// The digit keys come from the command table: 1 makes the first speaker current, 0 nobody.
#[test]
fn digit_keys_pick_the_current_speaker() {
    let (_dir, mut h) = tall();
    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.key_press(Key::Escape);
    h.key_press(Key::Num0);
    h.run_steps(2);
    assert!(
        h.state().status().contains("No current speaker"),
        "{}",
        h.state().status()
    );
    h.key_press(Key::Num1);
    h.run_steps(2);
    assert!(
        h.state()
            .status()
            .contains("attributed to Jens Stoltenberg"),
        "{}",
        h.state().status()
    );
    mark(&mut h, "Russia", Key::C);
    let claim = session(&h).annotations.last().unwrap();
    let speaker = session(&h).speakers[0].id;
    match &claim.kind {
        Kind::Claim(c) => assert_eq!(c.speaker, Some(speaker)),
        k => panic!("{k:?}"),
    }
}

#[test]
fn two_part_quote_with_a_cue_and_a_type() {
    let (_dir, mut h) = tall();
    mark(&mut h, "Jens Stoltenberg", Key::M);
    let part1 = "We are always prepared to listen to the concerns of Russia and NATO will make every effort to advance politically";
    mark(&mut h, part1, Key::Q);
    let (s, e) = nth(&h, "said Stoltenberg", 0);
    drag_select(&mut h, s, s + 4);
    h.get_by_label("Set from selection").click();
    h.run_steps(2);
    let (s2, e2) = find(
        &h,
        "the dialogue to be meaningful, it must also address concerns about Russia’s actions",
    );
    drag_select(&mut h, s2, e2);
    h.get_by_label("Add selection as part").click();
    h.run_steps(2);
    h.get_by_label("mixed").click();
    h.run_steps(2);
    let s_ = session(&h);
    let q = s_
        .annotations
        .iter()
        .find(|a| a.kind.tag() == KindTag::Quote)
        .unwrap();
    let Kind::Quote(quote) = &q.kind else {
        unreachable!()
    };
    assert_eq!(q.exact, part1);
    let cue = quote.cue.unwrap();
    assert_eq!((cue.start, cue.end), (s, s + 4));
    assert!(e > cue.end);
    assert_eq!(quote.more.len(), 1);
    assert_eq!((quote.more[0].start, quote.more[0].end), (s2, e2));
    assert_eq!(quote.quote_type, QuoteType::Mixed);
    assert_eq!(q.kind.speaker(), Some(s_.speakers[0].id));
}

#[test]
fn claim_inside_a_quote_links_to_it_and_gets_a_verdict() {
    let (_dir, mut h) = tall();
    mark(
        &mut h,
        "We regret that, despite calls from the international community for several weeks",
        Key::Q,
    );
    mark(
        &mut h,
        "despite calls from the international community for several weeks",
        Key::C,
    );
    h.get_by_label("high").click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Verdict")
        .click();
    h.run_steps(3);
    h.get_by_label("Mostly true").click();
    h.run_steps(2);
    let s = session(&h);
    let quote = s
        .annotations
        .iter()
        .find(|a| a.kind.tag() == KindTag::Quote)
        .unwrap();
    let claim = s
        .annotations
        .iter()
        .find(|a| a.kind.tag() == KindTag::Claim)
        .unwrap();
    let Kind::Claim(c) = &claim.kind else {
        unreachable!()
    };
    assert_eq!(c.in_quote, Some(quote.id));
    assert_eq!(c.check_worthiness, CheckWorthiness::High);
    assert_eq!(c.verdict, Verdict::MostlyTrue);
}

#[test]
fn merge_two_speakers_then_undo_and_redo_the_merge() {
    let (_dir, mut h) = tall();
    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.key_press(Key::Num0); // no current speaker: the next mention is someone new
    h.run_steps(1);
    mark(&mut h, "the Norwegian politician", Key::M);
    assert_eq!(session(&h).speakers.len(), 2);

    h.get_by_label("Speakers").click();
    h.run_steps(2);
    h.get_by_label_contains("2 the Norwegian politician")
        .click();
    h.run_steps(2);
    h.get_by_label("Merge into…").click();
    h.run_steps(3);
    h.get_by_label("Jens Stoltenberg").click();
    h.run_steps(2);
    let s = session(&h);
    assert_eq!(s.speakers.len(), 1);
    assert_eq!(s.speakers[0].aliases, ["the Norwegian politician"]);
    assert!(
        s.annotations
            .iter()
            .all(|a| a.kind.speaker() == Some(s.speakers[0].id))
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(session(&h).speakers.len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(session(&h).speakers.len(), 1);
}

#[test]
fn find_other_mentions_offers_every_name_and_alias_and_accepts_them_all() {
    let (_dir, mut h) = tall();
    mark(&mut h, "Jens Stoltenberg", Key::M);
    // Unknown names while Stoltenberg is current: M asks, A makes them his aliases.
    mark(&mut h, "the Norwegian politician", Key::M);
    h.key_press(Key::A);
    h.run_steps(2);
    let (s, e) = nth(&h, "Stoltenberg", 1);
    drag_select(&mut h, s, e);
    h.key_press(Key::M);
    h.run_steps(2);
    h.key_press(Key::A);
    h.run_steps(2);
    let speaker = session(&h).speakers[0].id;
    assert!(
        session(&h).speakers[0]
            .aliases
            .contains(&"Stoltenberg".to_owned())
    );
    h.get_by_label("Speakers").click();
    h.run_steps(2);
    h.get_by_label_contains("1 Jens Stoltenberg").click();
    h.run_steps(2);
    h.get_by_label("Find other mentions").click();
    h.run_steps(2);
    // Four "Stoltenberg" in the text: one inside "Jens Stoltenberg", one marked already.
    h.get_by_label("2 possible mention(s)");
    h.get_by_label("Accept all").click();
    h.run_steps(2);
    let s = session(&h);
    assert_eq!(s.count(KindTag::Mention), 5);
    assert!(
        s.annotations
            .iter()
            .all(|a| a.kind.speaker() == Some(speaker))
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        session(&h).count(KindTag::Mention),
        3,
        "accept all is one undo step"
    );
}

#[test]
fn sticky_mode_marks_each_new_selection_with_the_last_kind() {
    let (_dir, mut h) = tall();
    mark(&mut h, "the Kremlin", Key::C);
    h.key_press(Key::Escape);
    h.key_press(Key::S);
    h.run_steps(2);
    let (s, e) = find(&h, "heavy weapons");
    drag_select(&mut h, s, e);
    h.run_steps(2);
    let (s, e) = find(&h, "economic sanctions");
    drag_select(&mut h, s, e);
    h.run_steps(2);
    // Listed in text order.
    let texts: Vec<&str> = session(&h)
        .annotations
        .iter()
        .map(|a| a.exact.as_str())
        .collect();
    assert_eq!(
        texts,
        ["heavy weapons", "the Kremlin", "economic sanctions"]
    );
    assert!(
        session(&h)
            .annotations
            .iter()
            .all(|a| a.kind.tag() == KindTag::Claim)
    );
}

#[test]
fn arrows_step_through_annotations_and_delete_removes_the_selected_one() {
    let (_dir, mut h) = tall();
    mark(&mut h, "the Kremlin", Key::C);
    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.key_press(Key::Escape);
    h.run_steps(1);
    // Clicking the tab leaves the keyboard to nothing, as after clicking outside the text:
    // then the arrows step through annotations instead of moving the text cursor.
    h.get_by_label("Annotations").click();
    h.run_steps(2);
    assert_eq!(h.ctx.memory(|m| m.focused()), None);
    h.key_press(Key::ArrowDown);
    h.run_steps(2);
    let first = session(&h).annotations[0].id;
    assert_eq!(h.state().selected(), Some(first));
    h.key_press(Key::ArrowDown);
    h.run_steps(2);
    assert_eq!(h.state().selected(), Some(session(&h).annotations[1].id));
    h.key_press(Key::Delete);
    h.run_steps(2);
    assert_eq!(session(&h).annotations.len(), 1);
    assert_eq!(session(&h).annotations[0].id, first);
}

#[test]
fn filters_hide_kinds_and_stats_count_them() {
    let (_dir, mut h) = tall();
    mark(&mut h, "Jens Stoltenberg", Key::M);
    mark(&mut h, "the Kremlin", Key::C);
    mark(&mut h, "We regret that", Key::Q);
    h.key_press(Key::Escape);
    h.run_steps(1);
    h.get_by_label("Claims").click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("— the Kremlin").is_none());
    // Rows name the speaker before the text.
    h.get_by_label_contains("Quote · Jens Stoltenberg — We regret that");
    h.get_by_label("Stats").click();
    h.run_steps(4);
    h.get_by_label("1 q · 1 c · 1 m");
    h.get_by_label_contains("3 annotations: 1 claim, 1 quote, 1 mention");
    // The worklist: who makes each claim, how worth checking it is, its verdict.
    h.get_by_label("Worklist").click();
    h.run_steps(3);
    h.get_by_label("unrated · Unchecked");
    h.get_by_label("the Kremlin").click();
    h.run_steps(2);
    let claim = session(&h)
        .annotations
        .iter()
        .find(|a| a.exact == "the Kremlin")
        .unwrap()
        .id;
    assert_eq!(h.state().selected(), Some(claim));
}

#[test]
fn help_overlay_lists_the_command_table() {
    let (_dir, mut h) = tall();
    h.key_press(Key::F1);
    h.run_steps(3);
    assert!(h.get_all_by_label("Keyboard shortcuts").count() >= 1);
    h.get_by_label("Find…");
    h.get_by_label("Ctrl+F");
    h.get_by_label("Sticky mode");
}

#[test]
fn preferences_and_recent_files_are_remembered() {
    let (dir, mut h) = tall();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run_steps(2);
    let prefs = h.state().prefs();
    assert_eq!(prefs.font_size, 20.0);
    assert_eq!(prefs.recent[0].file_name().unwrap(), "story.txt");
    // A later run: the preferences come back.
    let other = copy_sample(dir.path(), "other.txt");
    let (mut app, _) = NewsmarkApp::new(dir.path().join("saves")).open_now(&other);
    app.apply_prefs(&egui::Context::default(), prefs);
    let h2 = common::harness(app);
    let again = h2.state().prefs();
    assert_eq!(again.font_size, 20.0);
    let names: Vec<_> = again
        .recent
        .iter()
        .map(|p| p.file_name().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["other.txt", "story.txt"]);
}

/// "Unsaved" follows the session's state, not a count of edits: undoing back to what was
/// saved reads as saved again, and redoing reads as unsaved.
#[test]
fn undoing_back_to_the_saved_state_reads_as_saved() {
    let dir = tempfile::tempdir().unwrap();
    let article = common::copy_sample(dir.path(), "story.txt");
    let mut h = common::harness_for(&article, &dir.path().join("saves"));
    common::mark(&mut h, "Jens Stoltenberg", egui::Key::C);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert!(!h.state().is_dirty());
    common::mark(&mut h, "NATO", egui::Key::C);
    assert!(h.state().is_dirty());
    assert!(h.state().title().contains('●'), "{}", h.state().title());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert!(!h.state().is_dirty(), "back to the saved state");
    assert!(!h.state().title().contains('●'), "{}", h.state().title());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run_steps(2);
    assert!(h.state().is_dirty());
}
