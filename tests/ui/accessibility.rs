//! Every control a user can act on has a name a screen reader can say: the real window is
//! driven into each of its main states, and in each the whole AccessKit tree is walked for
//! buttons, fields, check boxes, combo boxes, links, radio buttons, sliders, menu items… that
//! have none.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use common::{
    copy_sample, drag_select, find, harness, harness_for, mark, menu, session_on_edited_article,
    type_path,
};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{AccessKitNode, NodeT as _, Queryable as _};
use newsmark::ui::NewsmarkApp;

/// The controls in the frame shown last that have no usable name, one line each.
///
/// A control is what `egui::accessibility::is_input` counts (buttons, check boxes, text fields,
/// combo boxes, links, radio buttons, sliders, menu items, tabs…), visible, enabled or not. Its
/// name is its own label or that of the widget it is labelled by. Stricter than egui_kittest's
/// `unnamed_widgets`:
/// - a name needs a letter or a digit: "×" or "+" does not say what the button does;
/// - a hint text is no name: it is gone as soon as the field holds text;
/// - a tooltip is no name: egui names an unnamed widget after its tooltip, and then the name is
///   the same text as the description.
fn unnamed<S>(h: &Harness<'_, S>) -> Vec<String> {
    h.root()
        .children_recursive()
        .map(|n| n.accesskit_node())
        .filter(|n| egui::accessibility::is_input(n.role()) && !n.is_hidden())
        .filter(|n| !has_name(n))
        .map(|n| describe(&n))
        .collect()
}

fn has_name(n: &AccessKitNode<'_>) -> bool {
    let Some(name) = n.label() else {
        return false;
    };
    let says_something = name.chars().any(char::is_alphanumeric);
    let from_tooltip =
        n.data().labelled_by().is_empty() && n.description().is_some_and(|d| d == name);
    says_something && !from_tooltip
}

/// "TextInput "" (hint "add alias") at (x, y) in "Speakers"": enough to find it in the code.
fn describe(n: &AccessKitNode<'_>) -> String {
    let mut s = format!("{:?} {:?}", n.role(), n.label().unwrap_or_default());
    if let Some(hint) = n.data().placeholder().filter(|h| !h.is_empty()) {
        s.push_str(&format!(" (hint {hint:?})"));
    }
    if let Some(tip) = n.description() {
        s.push_str(&format!(" (tooltip {tip:?})"));
    }
    if let Some(b) = n.raw_bounds() {
        s.push_str(&format!(" at ({:.0}, {:.0})", b.x0, b.y0));
    }
    let inside = std::iter::successors(n.parent(), AccessKitNode::parent)
        .find_map(|p| p.label().filter(|l| !l.trim().is_empty()));
    if let Some(inside) = inside {
        s.push_str(&format!(" inside {inside:?}"));
    }
    s
}

/// The unnamed controls met in each state, checked at the end so one run lists them all.
#[derive(Default)]
struct Audit {
    found: Vec<String>,
    states: usize,
}

impl Audit {
    /// Lets the frame settle (a `Grid`'s first frame is a sizing pass), then walks the tree.
    fn check(&mut self, h: &mut Harness<'_, NewsmarkApp>, state: &str) {
        h.run_steps(2);
        self.states += 1;
        self.found
            .extend(unnamed(h).into_iter().map(|c| format!("{state}: {c}")));
    }

    fn assert_all_named(self, expected_states: usize) {
        assert_eq!(self.states, expected_states, "every state was visited");
        assert!(
            self.found.is_empty(),
            "{} control(s) without a name:\n{}",
            self.found.len(),
            self.found.join("\n")
        );
    }
}

fn open_sample(dir: &std::path::Path) -> Harness<'static, NewsmarkApp> {
    let article = copy_sample(dir, "story.txt");
    harness_for(&article, &dir.join("saves"))
}

/// Clicks the only button whose name contains `text`.
fn click_button(h: &mut Harness<'_, NewsmarkApp>, text: &str) {
    {
        let buttons: Vec<_> = h
            .query_all_by_label_contains(text)
            .filter(|n| n.accesskit_node().role() == Role::Button)
            .collect();
        assert_eq!(buttons.len(), 1, "one button {text:?}: {buttons:#?}");
        buttons[0].click();
    }
    h.run_steps(3);
}

#[test]
fn the_walk_finds_an_unnamed_field_an_icon_button_and_a_field_named_by_its_tooltip() {
    let mut text = String::new();
    let mut hinted = String::new();
    let mut tipped = String::new();
    let mut named = String::new();
    let mut h = Harness::builder()
        .with_accessibility_check(false)
        .build_ui(|ui| {
            ui.text_edit_singleline(&mut text);
            ui.add(egui::TextEdit::singleline(&mut hinted).hint_text("only a hint"));
            ui.text_edit_singleline(&mut tipped)
                .on_hover_text("only a tooltip");
            let _ = ui.button("×");
            let label = ui.label("Name");
            ui.text_edit_singleline(&mut named).labelled_by(label.id);
            let _ = ui.button("Delete");
        });
    h.run_steps(2);
    let found = unnamed(&h);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found[0].starts_with("TextInput \"\""), "{found:#?}");
    assert!(found[1].contains("(hint \"only a hint\")"), "{found:#?}");
    assert!(
        found[2].contains("(tooltip \"only a tooltip\")"),
        "{found:#?}"
    );
    assert!(found[3].starts_with("Button \"×\""), "{found:#?}");
}

#[test]
fn the_article_and_every_annotation_editor_name_their_controls() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_sample(dir.path());
    // Tall enough that the whole sample is on screen, so any of it can be selected.
    h.set_size(egui::vec2(1280.0, 2000.0));
    let mut audit = Audit::default();
    audit.check(&mut h, "article open, nothing selected");

    mark(&mut h, "Jens Stoltenberg", Key::M);
    audit.check(&mut h, "mention editor");

    // A quote with a cue and a second part: the cue and each part get a remove button.
    mark(
        &mut h,
        "We regret that, despite calls from the international community",
        Key::Q,
    );
    let (s, _) = find(&h, "said at a press conference");
    drag_select(&mut h, s, s + "said".len());
    h.key_press(Key::U);
    h.run_steps(2);
    let (s, e) = find(&h, "Russia has not taken steps to de-escalate");
    drag_select(&mut h, s, e);
    h.key_press(Key::Equals);
    h.run_steps(2);
    // Each remove button says what it removes.
    h.get_by_label("Remove cue");
    h.get_by_label("Remove part 2");
    audit.check(&mut h, "quote editor with cue and part");

    // A claim inside the quote is linked to it: a link to the quote and a remove button;
    // unlinked, a button offers to link it again.
    mark(&mut h, "international community", Key::C);
    audit.check(&mut h, "claim editor linked to its quote");
    click_button(&mut h, "Unlink from quote");
    h.get_by_label("Link to the quote around it");
    audit.check(&mut h, "claim editor");

    // M on a name nobody has while Stoltenberg is current: the question who it is.
    mark(&mut h, "the Norwegian politician", Key::M);
    h.get_by_label_contains("is not a known name or alias");
    audit.check(&mut h, "who-is-this question");
    h.key_press(Key::Escape);
    h.run_steps(2);

    // Suggestions listed above the annotations.
    h.key_press(Key::Escape);
    h.key_press(Key::G);
    h.run_steps(3);
    h.get_by_label("Dismiss all");
    audit.check(&mut h, "suggestions");

    // The search bar with a query and its match counter.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    type_into(&mut h, "Find:", "NATO");
    h.key_press(Key::Enter);
    h.run_steps(2);
    h.get_by_label_contains("1 / ");
    audit.check(&mut h, "search bar with a query");
    audit.assert_all_named(8);
}

/// The sample with a mention of Jens Stoltenberg, his alias "the Secretary General of NATO", a
/// second speaker "NATO" (both through the who-is-this question) and a claim.
fn two_speakers(dir: &std::path::Path) -> Harness<'static, NewsmarkApp> {
    let mut h = open_sample(dir);
    mark(&mut h, "Jens Stoltenberg", Key::M);
    mark(&mut h, "the Secretary General of NATO", Key::M);
    h.key_press(Key::A);
    h.run_steps(2);
    mark(&mut h, "NATO", Key::M);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().document().unwrap().session.speakers.len(), 2);
    mark(&mut h, "tens of thousands of troops", Key::C);
    h
}

#[test]
fn the_side_tabs_name_their_controls() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_speakers(dir.path());
    let mut audit = Audit::default();

    h.get_by_label("Speakers").click();
    h.run_steps(2);
    audit.check(&mut h, "Speakers tab");
    click_button(&mut h, "1 Jens Stoltenberg");
    h.get_by_label("Remove alias the Secretary General of NATO");
    audit.check(&mut h, "speaker editor");
    h.get_by_role(Role::ColorWell).click();
    h.run_steps(3);
    audit.check(&mut h, "speaker colour picker");
    h.key_press(Key::Escape);
    h.run_steps(3);
    click_button(&mut h, "2 NATO");
    h.get_by_label("Find other mentions").click();
    h.run_steps(2);
    h.get_by_label("Accept all");
    audit.check(&mut h, "speaker editor with candidates");

    h.get_by_label("Worklist").click();
    h.run_steps(2);
    audit.check(&mut h, "Worklist tab");
    h.get_by_label("Stats").click();
    h.run_steps(2);
    audit.check(&mut h, "Stats tab");
    audit.assert_all_named(6);
}

#[test]
fn menus_and_dialogs_name_their_controls() {
    let dir = tempfile::tempdir().unwrap();
    let other = copy_sample(dir.path(), "other.txt");
    let mut h = open_sample(dir.path());
    let mut audit = Audit::default();

    h.get_by_label("File").click();
    h.run_steps(3);
    audit.check(&mut h, "File menu");
    h.get_by_label("Export").hover();
    h.run_steps(4);
    audit.check(&mut h, "File ▸ Export");
    h.get_by_label("File").click();
    h.run_steps(3);
    assert!(h.query_by_label("Save As…").is_none(), "the menu is closed");

    h.key_press(Key::F1);
    h.run_steps(3);
    h.get_by_role_and_label(Role::Window, "Keyboard shortcuts");
    audit.check(&mut h, "help overlay");
    h.key_press(Key::F1);
    h.run_steps(3);

    menu(&mut h, &["Publication details…"]);
    h.get_by_label("Reviewer is");
    audit.check(&mut h, "publication details");
    h.get_by_label("Cancel").click();
    h.run_steps(3);

    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(3);
    audit.check(&mut h, "file dialog");
    h.get_by_label("Cancel").click();
    h.run_steps(3);

    mark(&mut h, "Kremlin", Key::C);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    type_path(&mut h, &other, "Open");
    h.get_by_label_contains("Before opening other.txt");
    audit.check(&mut h, "unsaved-changes question");
    h.get_by_label("Cancel").click();
    h.run_steps(2);

    type_path_error(&mut h, dir.path());
    audit.check(&mut h, "error message");
    audit.assert_all_named(7);
}

/// Opens a file that does not exist (after discarding the unsaved work): an error is shown.
fn type_path_error(h: &mut Harness<'_, NewsmarkApp>, dir: &std::path::Path) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    type_path(h, &dir.join("missing.txt"), "Open");
    if h.query_by_label("Discard").is_some() {
        h.get_by_label("Discard").click();
        h.run_steps(4);
    }
    assert!(
        h.state().error().is_some(),
        "status: {}",
        h.state().status()
    );
}

#[test]
fn the_welcome_screen_the_recovery_offer_and_the_review_name_their_controls() {
    let dir = tempfile::tempdir().unwrap();
    let mut audit = Audit::default();
    let mut h = harness(NewsmarkApp::new(dir.path().join("empty")).typed_paths_only());
    audit.check(&mut h, "welcome screen");
    drop(h);

    let session = session_on_edited_article(dir.path());
    let mut h = harness_for(&session, &dir.path().join("saves"));
    h.get_by_label_contains("Review re-anchored annotations");
    audit.check(&mut h, "review of re-anchored annotations");
    // Unsaved work (the re-anchoring is an undo step) left behind by a crash.
    h.run_steps(150);
    drop(h);
    let mut h = harness_for(&session, &dir.path().join("saves"));
    h.get_by_label_contains("Unsaved work found");
    audit.check(&mut h, "recovery offer");
    audit.assert_all_named(3);
}

/// Types `text` into the text field named `name`, as a screen reader user would reach it.
fn type_into(h: &mut Harness<'_, NewsmarkApp>, name: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, name).focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, name)
        .type_text(text);
    h.run_steps(1);
}

#[test]
fn the_speaker_fields_without_a_label_beside_them_are_reached_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_speakers(dir.path());
    h.get_by_label("Speakers").click();
    h.run_steps(2);
    type_into(&mut h, "New speaker name", "Dmitry Peskov");
    h.get_by_label("Add speaker").click();
    h.run_steps(2);
    click_button(&mut h, "1 Jens Stoltenberg");
    type_into(&mut h, "Aliases", "Stoltenberg");
    h.get_by_label("Add").click();
    h.run_steps(2);
    let session = &h.state().document().unwrap().session;
    let names: Vec<&str> = session.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Jens Stoltenberg", "NATO", "Dmitry Peskov"]);
    assert_eq!(
        session.speakers[0].aliases,
        ["the Secretary General of NATO", "Stoltenberg"]
    );
    // The colour swatch is named by its row ("Colour"), not egui's generic "Color".
    h.get_by_role_and_label(Role::ColorWell, "Colour");
}

#[test]
fn the_project_tab_names_its_controls() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    copy_sample(&root, "a.txt");
    std::fs::write(
        root.join("b.txt"),
        "The minister said the talks would go on.\n",
    )
    .unwrap();
    let mut app = NewsmarkApp::new(dir.path().join("saves")).typed_paths_only();
    app.open_project(&root);
    let mut h = common::harness(app);
    let mut audit = Audit::default();
    audit.check(&mut h, "Project tab");
    let search = h.get_by_role_and_label(Role::TextInput, "Search the project:");
    search.focus();
    search.type_text("minister");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    audit.check(&mut h, "Project tab with search hits");
    audit.assert_all_named(2);
}
