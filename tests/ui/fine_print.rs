//! Small things a daily user trips over: Escape closes an open menu, undoing Accept all lists
//! the suggestions again, and the suggestion list stays inside the side panel.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use crate::common;

use common::{copy_sample, harness_for};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use newsmark::ui::NewsmarkApp;

fn sample(dir: &std::path::Path) -> Harness<'static, NewsmarkApp> {
    let article = copy_sample(dir, "a.txt");
    let mut h = harness_for(&article, &dir.join("saves"));
    h.set_size(egui::vec2(1280.0, 900.0));
    h.run_steps(2);
    h
}

#[test]
fn escape_closes_an_open_menu_and_marks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(dir.path());
    h.get_by_label("File").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("Save As").is_some(),
        "the menu is open"
    );
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("Save As").is_none(),
        "Escape closed it"
    );
    // A letter typed while a menu is open never marks the article behind it.
    h.get_by_label("Annotate").click();
    h.run_steps(2);
    h.key_press(Key::C);
    h.run_steps(2);
    assert!(h.state().document().unwrap().session.annotations.is_empty());
}

/// The count the suggestion list's heading shows ("7 suggestion(s)"), 0 when none is listed.
fn listed_count(h: &Harness<'_, NewsmarkApp>) -> usize {
    use egui_kittest::kittest::NodeT as _;
    h.query_all_by_label_contains(" suggestion(s)")
        .filter_map(|n| {
            let n = n.accesskit_node();
            n.label().or_else(|| n.value())
        })
        .find_map(|l| l.strip_suffix(" suggestion(s)")?.parse().ok())
        .unwrap_or(0)
}

#[test]
fn undoing_accept_all_lists_the_suggestions_again_and_redo_takes_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(dir.path());
    h.key_press(Key::G);
    h.run_steps(3);
    let listed = listed_count(&h);
    assert!(listed >= 2, "{listed}: {}", h.state().status());
    h.get_by_label("Accept all quotes").click();
    h.run_steps(3);
    let after_accept = listed_count(&h);
    assert!(after_accept < listed);
    assert!(h.query_by_label("Accept all quotes").is_none());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert!(h.state().document().unwrap().session.annotations.is_empty());
    assert_eq!(listed_count(&h), listed);
    assert!(
        h.state().status().contains("listed again"),
        "{}",
        h.state().status()
    );
    h.get_by_label("Accept all quotes");

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(3);
    assert!(!h.state().document().unwrap().session.annotations.is_empty());
    assert_eq!(listed_count(&h), after_accept);
}

#[test]
fn the_suggestion_list_stays_inside_a_narrow_side_panel() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(dir.path());
    h.set_size(egui::vec2(900.0, 900.0));
    h.key_press(Key::G);
    h.run_steps(3);
    let panel_right = 900.0;
    for label in ["Accept all quotes", "Dismiss all"] {
        let r = h.get_by_label(label).rect();
        assert!(r.right() <= panel_right - 4.0, "{label}: {r:?}");
    }
    for node in h.query_all_by_label("Reject") {
        let r = node.rect();
        assert!(r.right() <= panel_right - 4.0, "Reject: {r:?}");
    }
}

/// The quote editor's remove buttons are whole inside the side panel, however long the cue or
/// the further part.
#[test]
fn the_editors_remove_buttons_are_never_cut_off() {
    use common::{drag_select, find, mark};
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(dir.path());
    mark(
        &mut h,
        "We regret that, despite calls from the international community",
        Key::Q,
    );
    let long_cue = "Stoltenberg said at a press conference";
    let (s, e) = find(&h, long_cue);
    drag_select(&mut h, s, e);
    h.key_press(Key::U);
    h.run_steps(2);
    let part =
        "Russia’s military deployment continues with tens of thousands of troops and heavy weapons";
    let (s, e) = find(&h, part);
    drag_select(&mut h, s, e);
    h.key_press(Key::Equals);
    h.run_steps(3);
    for name in ["Remove cue", "Remove part 2"] {
        let r = h.get_by_label(name).rect();
        assert!(r.right() <= 1280.0 - 4.0, "{name}: {r:?} is cut off");
        assert!(r.width() > 30.0, "{name}: {r:?}");
    }
}

/// The claim editor's In quote and Source rows keep their buttons whole too: the unlink button
/// before the quote's link, the mention picker on a line of its own when the panel is narrow.
#[test]
fn the_claim_editors_in_quote_and_source_buttons_are_never_cut_off() {
    use common::mark;
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(dir.path());
    mark(
        &mut h,
        "We regret that, despite calls from the international community",
        Key::Q,
    );
    mark(&mut h, "international community", Key::C);
    h.run_steps(2);
    let unlink = h.get_by_label("Unlink from quote").rect();
    assert!(unlink.right() <= 1280.0 - 4.0, "{unlink:?} is cut off");
    assert!(unlink.width() > 30.0, "{unlink:?}");
    let picker = h.get_by_label("Pick a source mention near it").rect();
    assert!(picker.right() <= 1280.0 - 4.0, "{picker:?} is cut off");
}
