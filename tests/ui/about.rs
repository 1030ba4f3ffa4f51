//! Help ▸ About and Help ▸ User guide: reachable from the menu and from the keyboard, named
//! for screen readers, showing the version, licence, where files go and the fonts found.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common::{copy_sample, harness_for};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use newsmark::ui::NewsmarkApp;

fn window() -> (tempfile::TempDir, Harness<'static, NewsmarkApp>) {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let h = harness_for(&article, &dir.path().join("saves"));
    (dir, h)
}

/// The Help menu's entry that begins `label` (its accessible name ends with its key).
fn menu_item<'h>(h: &'h Harness<'_, NewsmarkApp>, label: &str) -> egui_kittest::Node<'h> {
    h.get_all_by_role(Role::MenuItem)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(label))
        })
        .unwrap_or_else(|| panic!("no menu entry {label:?}"))
}

fn shown(h: &Harness<'_, NewsmarkApp>, label: &str) -> bool {
    h.query_all_by_label(label).next().is_some()
}

fn contains(h: &Harness<'_, NewsmarkApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn help_about_shows_version_licence_places_and_fonts() {
    let (dir, mut h) = window();
    h.get_by_label("Help").click();
    h.run_steps(3);
    menu_item(&h, "About newsmark").click();
    h.run_steps(4);
    let version = format!("newsmark {}", env!("CARGO_PKG_VERSION"));
    assert!(shown(&h, &version), "the version is the heading");
    assert!(contains(&h, "Built from commit "), "and the commit");
    assert!(contains(&h, "MIT or Apache-2.0"), "the licence");
    // The places this window writes to, as they are: here the test's folder.
    let saves = dir.path().join("saves");
    assert!(shown(&h, &saves.display().to_string()), "sessions folder");
    assert!(
        shown(&h, &saves.join(".recovery").display().to_string()),
        "recovery folder"
    );
    assert!(shown(&h, "Recovery files (unsaved work)"));
    // Every writing system is listed with the font that draws it or the lack of one; Latin
    // always has one (egui's own font is part of the scan).
    assert!(contains(&h, "Fonts found: "));
    for writing in ["Latin", "Arabic", "Han", "Emoji"] {
        assert!(shown(&h, writing), "{writing} is listed");
    }
    assert!(!shown(&h, "no font installed") || contains(&h, "apt install fonts-noto"));
}

#[test]
fn about_and_guide_open_from_the_keyboard_and_escape_closes_them() {
    let (_dir, mut h) = window();
    let version = format!("newsmark {}", env!("CARGO_PKG_VERSION"));
    assert!(!shown(&h, &version));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F1);
    h.run_steps(4);
    assert!(shown(&h, &version), "Ctrl+F1 opens About");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(!shown(&h, &version), "Escape closes it");

    h.key_press_modifiers(Modifiers::SHIFT, Key::F1);
    h.run_steps(4);
    assert!(shown(&h, "1. Open an article"), "Shift+F1 opens the guide");
    assert!(contains(&h, "then press C for a checkable claim"));
    // The document is untouched by Escape while a window is on top.
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(!shown(&h, "1. Open an article"), "Escape closes it");
    assert!(h.state().document().is_some());
}

#[test]
fn the_guide_opens_from_the_help_menu_and_closes_with_its_button() {
    let (_dir, mut h) = window();
    h.get_by_label("Help").click();
    h.run_steps(3);
    // Each entry says its key, for those who look for it there (and to a screen reader).
    assert_eq!(
        menu_item(&h, "User guide")
            .accesskit_node()
            .label()
            .unwrap(),
        "User guide Shift+F1"
    );
    assert_eq!(
        menu_item(&h, "About newsmark")
            .accesskit_node()
            .label()
            .unwrap(),
        "About newsmark Ctrl+F1"
    );
    menu_item(&h, "User guide").click();
    h.run_steps(4);
    assert!(shown(&h, "3. Who said it"));
    // The window's close button.
    h.get_by_label("Close window").click();
    h.run_steps(3);
    assert!(!shown(&h, "3. Who said it"));
}
