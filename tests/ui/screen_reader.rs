//! The article is a text field to a screen reader: AccessKit text runs hold the lines on screen,
//! and the caret and the selection are a text selection over them, which the reader can also
//! set. The node's value is the text on screen and its description the selection and caret.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use common::{copy_sample, drag_select, find, harness_for};
use egui::accesskit::{Action, ActionData, ActionRequest, Role, TextDirection};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use newsmark::model::annotation::{KindTag, Span};
use newsmark::ui::NewsmarkApp;

fn sample(dir: &std::path::Path) -> Harness<'static, NewsmarkApp> {
    let article = copy_sample(dir, "a.txt");
    harness_for(&article, &dir.join("saves"))
}

/// What the article's text selection says: its text, and where its anchor and caret are as
/// code points of the published text (the article's, while its top is on screen).
fn text_selection(h: &Harness<'_, NewsmarkApp>) -> (String, usize, usize) {
    let node = h.get_by_role_and_label(Role::Document, "Article");
    let ak = node.accesskit_node();
    assert!(ak.supports_text_ranges(), "the article has text runs");
    let range = ak.text_selection().expect("a text selection");
    let anchor = ak.text_selection_anchor().unwrap().to_global_usv_index();
    let focus = ak.text_selection_focus().unwrap().to_global_usv_index();
    (range.text(), anchor, focus)
}

/// The article's description: how to hear what is under the caret.
const ARTICLE_HINT: &str = "Ctrl+I says the annotations under the caret";

fn description(h: &Harness<'_, NewsmarkApp>) -> Option<String> {
    let node = h.get_by_role_and_label(Role::Document, "Article");
    node.accesskit_node().description()
}

#[test]
fn screen_readers_get_the_visible_text_the_caret_and_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(dir.path());
    let value = h
        .get_by_role_and_label(Role::Document, "Article")
        .value()
        .unwrap();
    assert!(
        value.contains("NATO Secretary General Jens Stoltenberg"),
        "{value}"
    );
    let (s, e) = find(&h, "Jens Stoltenberg");
    drag_select(&mut h, s, e);
    // The description stays put (Orca reads a changed description instead of the text).
    assert_eq!(description(&h).as_deref(), Some(ARTICLE_HINT));
    assert_eq!(text_selection(&h), ("Jens Stoltenberg".into(), s, e));
    // Where it is on screen (what a magnifier follows): where the view draws it.
    let drawn = h.state().article_view().span_rect(Span::new(s, e)).unwrap();
    let node = h.get_by_role_and_label(Role::Document, "Article");
    let boxes = node
        .accesskit_node()
        .text_selection()
        .unwrap()
        .bounding_boxes();
    assert_eq!(boxes.len(), 1, "{boxes:?}");
    let near = |a: f64, b: f32| (a - f64::from(b)).abs() < 1.0;
    assert!(
        near(boxes[0].x0, drawn.left()) && near(boxes[0].x1, drawn.right()),
        "{boxes:?} {drawn:?}"
    );
    assert!(
        near(boxes[0].y0, drawn.top()) && near(boxes[0].y1, drawn.bottom()),
        "{boxes:?} {drawn:?}"
    );

    // Shift+Left takes back a character; the caret moves with it.
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(text_selection(&h), ("Jens Stoltenber".into(), s, e - 1));
    // Right without Shift leaves a caret, one character on.
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(text_selection(&h), (String::new(), e, e));

    // The line at the caret is the visual line, as a reader says it on Up and Down; the word
    // at the caret starts with the name.
    let node = h.get_by_role_and_label(Role::Document, "Article");
    let ak = node.accesskit_node();
    let caret = ak.text_selection_focus().unwrap();
    let mut line = caret.backward_to_line_start().to_degenerate_range();
    line.set_end(caret.forward_to_line_end());
    let line = line.text();
    assert!(
        line.starts_with("NATO Secretary General Jens Stoltenberg,"),
        "{line:?}"
    );
    assert!(
        !line.contains("the two countries"),
        "a wrapped line, not the paragraph: {line:?}"
    );
    let word_start = ak.text_position_from_global_usv_index(s).unwrap();
    assert!(word_start.is_word_start());
}

#[test]
fn a_selection_that_runs_off_screen_is_published_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(dir.path());
    let (s, e) = find(&h, "Jens Stoltenberg");
    drag_select(&mut h, s, e);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(2);
    let text = h.state().document().unwrap().text.as_str().to_owned();
    let n = text.chars().count();
    let on_screen = h
        .get_by_role_and_label(Role::Document, "Article")
        .value()
        .unwrap();
    assert!(
        !on_screen.contains("diplomacy failing"),
        "the end is off screen"
    );
    let (selected, anchor, head) = text_selection(&h);
    assert_eq!((anchor, head), (0, n));
    assert!(selected == text, "the whole article, line breaks included");
    let offset = h.state().article_view().scroll_offset();
    assert_eq!(offset, 0.0, "the view stayed at the top");
}

#[test]
fn a_screen_reader_can_select_text_to_annotate() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(dir.path());
    let (s, e) = find(&h, "tens of thousands of troops");
    {
        let node = h.get_by_role_and_label(Role::Document, "Article");
        let ak = node.accesskit_node();
        let mut range = ak
            .text_position_from_global_usv_index(s)
            .unwrap()
            .to_degenerate_range();
        range.set_end(ak.text_position_from_global_usv_index(e).unwrap());
        let (target_node, target_tree) = ak.locate();
        h.event(egui::Event::AccessKitActionRequest(ActionRequest {
            action: Action::SetTextSelection,
            target_node,
            target_tree,
            data: Some(ActionData::SetTextSelection(range.to_text_selection())),
        }));
    }
    h.run_steps(2);
    assert_eq!(h.state().selection(), Some(Span::new(s, e)));
    assert_eq!(text_selection(&h).0, "tens of thousands of troops");
    h.key_press(Key::C);
    h.run_steps(2);
    let session = &h.state().document().unwrap().session;
    assert_eq!(session.count(KindTag::Claim), 1);
    assert_eq!(session.annotations[0].exact, "tens of thousands of troops");
}

#[test]
fn every_script_reads_back_as_written_and_right_to_left_lines_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/multiscript.txt");
    let article = dir.path().join("multi.txt");
    std::fs::copy(fixture, &article).unwrap();
    let mut h = harness_for(&article, &dir.path().join("saves"));
    let text = h.state().document().unwrap().text.as_str().to_owned();
    let (s, _) = find(&h, "שר החוץ");
    // A caret in the Hebrew paragraph, set the way a screen reader sets it.
    {
        let node = h.get_by_role_and_label(Role::Document, "Article");
        let ak = node.accesskit_node();
        assert_eq!(
            ak.document_range().text(),
            text,
            "the whole article is on screen"
        );
        let caret = ak.text_position_from_global_usv_index(s).unwrap();
        let (target_node, target_tree) = ak.locate();
        h.event(egui::Event::AccessKitActionRequest(ActionRequest {
            action: Action::SetTextSelection,
            target_node,
            target_tree,
            data: Some(ActionData::SetTextSelection(
                caret.to_degenerate_range().to_text_selection(),
            )),
        }));
    }
    h.run_steps(2);
    assert_eq!(text_selection(&h), (String::new(), s, s));
    let node = h.get_by_role_and_label(Role::Document, "Article");
    let ak = node.accesskit_node();
    let caret = ak.text_selection_focus().unwrap();
    let run = caret.inner_node();
    assert_eq!(
        run.data().text_direction(),
        Some(TextDirection::RightToLeft)
    );
    let mut line = caret.to_degenerate_range();
    line.set_end(caret.forward_to_line_end());
    assert!(line.text().starts_with("שר החוץ אמר"), "{:?}", line.text());
}
