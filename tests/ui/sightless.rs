//! Reading and annotating without sight, as a screen reader meets the window through AccessKit:
//! the whole article is text with the article's code points as offsets, annotations are marks
//! that say what they are, the keyboard stays in the article, menus read as menus and the
//! status bar is a live region.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use common::{copy_sample, drag_select, find, harness_for, mark};
use egui::accesskit::{Action, ActionData, ActionRequest, Live, Role, Toggled};
use egui::{Event, Key, Modifiers, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::{AccessKitNode, NodeT as _, Queryable as _};
use newsmark::ui::NewsmarkApp;

fn sample(dir: &std::path::Path) -> Harness<'static, NewsmarkApp> {
    let article = copy_sample(dir, "a.txt");
    harness_for(&article, &dir.join("saves"))
}

fn article_text(h: &Harness<'_, NewsmarkApp>) -> String {
    h.state().document().unwrap().text.as_str().to_owned()
}

/// The caret's offset as a screen reader reads it (AT-SPI's `CaretOffset`), if there is one.
fn caret(h: &Harness<'_, NewsmarkApp>) -> Option<usize> {
    let node = h.get_by_role_and_label(Role::Document, "Article");
    let ak = node.accesskit_node();
    ak.text_selection_focus().map(|p| p.to_global_usv_index())
}

/// Moves the caret to code point `at` the way a screen reader does (`SetTextSelection`).
fn set_caret(h: &mut Harness<'_, NewsmarkApp>, at: usize) {
    {
        let node = h.get_by_role_and_label(Role::Document, "Article");
        let ak = node.accesskit_node();
        let pos = ak.text_position_from_global_usv_index(at).unwrap();
        let (target_node, target_tree) = ak.locate();
        h.event(Event::AccessKitActionRequest(ActionRequest {
            action: Action::SetTextSelection,
            target_node,
            target_tree,
            data: Some(ActionData::SetTextSelection(
                pos.to_degenerate_range().to_text_selection(),
            )),
        }));
    }
    h.run_steps(3);
}

/// Every mark: its description and the text inside it.
fn marks(h: &Harness<'_, NewsmarkApp>) -> Vec<(String, String)> {
    h.root()
        .children_recursive()
        .map(|n| n.accesskit_node())
        .filter(|n| n.role() == Role::Mark)
        .map(|n| (n.description().unwrap_or_default(), text_inside(&n)))
        .collect()
}

fn text_inside(n: &AccessKitNode<'_>) -> String {
    n.children()
        .map(|c| match c.role() {
            Role::TextRun => c.data().value().unwrap_or_default().to_owned(),
            _ => text_inside(&c),
        })
        .collect()
}

#[test]
fn the_whole_article_is_text_whose_offsets_are_its_code_points_wherever_the_view_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(dir.path());
    let text = article_text(&h);
    let last = "the possibility of diplomacy failing";
    let (s, e) = find(&h, last);
    let on_screen = h
        .get_by_role_and_label(Role::Document, "Article")
        .value()
        .unwrap();
    assert!(
        !on_screen.contains(last),
        "the last paragraph is off screen"
    );
    let whole = |h: &Harness<'_, NewsmarkApp>| {
        let node = h.get_by_role_and_label(Role::Document, "Article");
        let ak = node.accesskit_node();
        let doc = ak.document_range().text();
        let mut range = ak
            .text_position_from_global_usv_index(s)
            .unwrap()
            .to_degenerate_range();
        range.set_end(ak.text_position_from_global_usv_index(e).unwrap());
        (doc, range.text())
    };
    assert_eq!(whole(&h), (text.clone(), last.to_owned()));
    // Scrolled a page down: the same text at the same offsets.
    h.key_press(Key::PageDown);
    h.run_steps(3);
    assert!(h.state().article_view().scroll_offset() > 0.0);
    assert_eq!(whole(&h), (text.clone(), last.to_owned()));

    // Moving the caret past the screen brings it on screen.
    h.key_press(Key::PageUp);
    h.run_steps(3);
    set_caret(&mut h, s);
    assert_eq!(caret(&h), Some(s));
    let view = h.state().article_view();
    let p = view.char_pos(s).expect("the caret's line is laid out");
    assert!(
        view.visible_rect().contains(p),
        "{p:?} in {:?}",
        view.visible_rect()
    );
    // A word at the caret, as a reader says it.
    let node = h.get_by_role_and_label(Role::Document, "Article");
    let ak = node.accesskit_node();
    let at = ak.text_position_from_global_usv_index(s).unwrap();
    let mut word = at.to_degenerate_range();
    word.set_end(at.forward_to_word_end());
    assert_eq!(word.text().trim(), "the");
}

/// The sample with a quote of Jens Stoltenberg and its cue, a claim judged False, a mention
/// and a quote nobody is credited with.
fn annotated(dir: &std::path::Path) -> Harness<'static, NewsmarkApp> {
    let mut h = sample(dir);
    h.set_size(egui::vec2(1280.0, 2000.0));
    h.run_steps(2);
    mark(&mut h, "Jens Stoltenberg", Key::M);
    mark(&mut h, "risk of conflict", Key::Q);
    let (s, e) = find(&h, "assured");
    drag_select(&mut h, s, e);
    h.key_press(Key::U);
    h.run_steps(2);
    mark(&mut h, "foreign ministers of the Alliance", Key::C);
    h.get_by_role_and_label(Role::ComboBox, "Verdict").click();
    h.run_steps(3);
    h.get_by_label("False").click();
    h.run_steps(2);
    h.key_press(Key::Num0);
    h.run_steps(1);
    mark(&mut h, "We regret that", Key::Q);
    h
}

#[test]
fn annotations_are_marks_that_say_what_they_are_and_the_margin_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let h = annotated(dir.path());
    let found = marks(&h);
    let has = |d: &str, t: &str| found.iter().any(|(fd, ft)| fd == d && ft == t);
    assert!(
        has("mention of Jens Stoltenberg", "Jens Stoltenberg"),
        "{found:#?}"
    );
    assert!(
        has("quote by Jens Stoltenberg, cue assured", "risk of conflict"),
        "{found:#?}"
    );
    assert!(
        has("cue of quote by Jens Stoltenberg", "assured"),
        "{found:#?}"
    );
    assert!(
        has("claim, verdict False", "foreign ministers of the Alliance"),
        "{found:#?}"
    );
    assert!(
        has("quote by unknown speaker", "We regret that"),
        "{found:#?}"
    );
    // Margin labels and badges: whole, and described as the marks are.
    let labels: Vec<(String, String)> = h
        .root()
        .children_recursive()
        .map(|n| n.accesskit_node())
        .filter(|n| n.role() == Role::Label && n.description().is_some())
        .map(|n| (n.value().unwrap_or_default(), n.description().unwrap()))
        .collect();
    let has_label = |v: &str, d: &str| labels.iter().any(|(lv, ld)| lv == v && ld == d);
    assert!(
        has_label(
            "— Jens Stoltenberg",
            "quote by Jens Stoltenberg, cue assured"
        ),
        "{labels:#?}"
    );
    assert!(has_label("False", "claim, verdict False"), "{labels:#?}");
    assert!(
        has_label("— unknown speaker", "quote by unknown speaker"),
        "{labels:#?}"
    );
    // The side panel's row says "unknown speaker" too, not "—".
    let row = h
        .query_all_by_label_contains("We regret that")
        .find(|n| n.accesskit_node().role() == Role::Button)
        .expect("the quote's row");
    let d = row.accesskit_node().description().unwrap_or_default();
    assert!(d.contains("unknown speaker"), "{d:?}");
}

fn focused_is_article(h: &Harness<'_, NewsmarkApp>) -> bool {
    let article = h.state().article_view().text_id();
    article.is_some() && h.ctx.memory(|m| m.focused()) == article
}

/// A double click on `needle`'s first word, then time enough that the next click is new.
fn double_click(h: &mut Harness<'_, NewsmarkApp>, needle: &str) {
    let (s, e) = find(h, needle);
    let p = h
        .state()
        .article_view()
        .span_rect(newsmark::model::annotation::Span::new(s, e))
        .unwrap()
        .center();
    h.hover_at(p);
    h.step();
    for pressed in [true, false, true, false] {
        h.event(Event::PointerButton {
            pos: p,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run_steps(12);
}

#[test]
fn the_keyboard_starts_in_the_article_and_stays_there_after_annotating() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "a.txt");
    let (app, _) = NewsmarkApp::new(dir.path().join("saves"))
        .typed_paths_only()
        .open_now(&article);
    // Frames 1/30 s apart, so two clicks in successive frames are a double click.
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 30.0)
        .build_eframe(move |_| app);
    h.run_steps(3);
    assert!(focused_is_article(&h), "focus at start-up");
    assert_eq!(caret(&h), Some(0), "a caret at the start");

    double_click(&mut h, "Kremlin");
    let (_, e) = find(&h, "Kremlin");
    assert_eq!(
        h.state().selection().map(|s| (s.start, s.end)),
        Some((e - "Kremlin".len(), e))
    );
    h.key_press(Key::Q);
    h.run_steps(3);
    assert_eq!(h.state().document().unwrap().session.annotations.len(), 1);
    assert!(
        focused_is_article(&h),
        "the quote's editor did not take the keyboard"
    );
    assert_eq!(caret(&h), Some(e), "the caret is where the selection ended");
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(caret(&h), Some(e + 1));

    // Ctrl+I says what is under the caret.
    h.key_press(Key::ArrowLeft);
    h.key_press(Key::ArrowLeft);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run_steps(2);
    let status = h.state().status().to_owned();
    assert!(
        status.contains("quote by unknown speaker"),
        "the read-out: {status:?}"
    );

    // F6 goes to the side panel and back, with the caret where it was.
    h.key_press(Key::F6);
    h.run_steps(3);
    assert!(!focused_is_article(&h));
    let focused = h.ctx.memory(|m| m.focused());
    let tab = h.get_by_role_and_label(Role::Button, "Annotations");
    assert_eq!(
        focused.map(|f| f.accesskit_id()),
        Some(tab.accesskit_node().locate().0)
    );
    h.key_press(Key::F6);
    h.run_steps(3);
    assert!(focused_is_article(&h));
    assert_eq!(caret(&h), Some(e - 1));

    // After opening another article (from a click elsewhere): the keyboard is in it again.
    h.get_by_label("Annotations").click();
    h.run_steps(2);
    assert!(!focused_is_article(&h));
    let other = copy_sample(dir.path(), "b.txt");
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    common::type_path(&mut h, &other, "Open");
    if h.query_by_label("Discard").is_some() {
        h.get_by_label("Discard").click();
    }
    h.run_steps(4);
    assert_eq!(h.state().title(), "newsmark — b.txt");
    assert!(focused_is_article(&h), "focus after opening");
    assert_eq!(caret(&h), Some(0));
}

#[test]
fn menus_read_as_menus_toggles_say_their_state_and_the_window_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(dir.path());
    h.get_by_role_and_label(Role::MenuBar, "Menu bar");
    let root = h.root().accesskit_node();
    assert_eq!(root.label().as_deref(), Some("newsmark — a.txt"));
    let file = h.get_by_role_and_label(Role::MenuItem, "Annotate");
    file.click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::Menu, "Annotate menu");
    let sticky = |h: &Harness<'_, NewsmarkApp>| {
        let n = h.get_by_role(Role::MenuItemCheckBox);
        let ak = n.accesskit_node();
        let label = ak.label().unwrap_or_default();
        assert!(label.starts_with("Sticky mode"), "{label:?}");
        ak.data().toggled()
    };
    assert_eq!(sticky(&h), Some(Toggled::False));
    let quote = h
        .query_all_by_role(Role::MenuItem)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("Quote"))
        })
        .expect("a menu item Quote");
    assert!(quote.accesskit_node().is_disabled(), "nothing selected");
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.key_press(Key::S);
    h.run_steps(2);
    if h.query_by_label("Annotate menu").is_none() {
        h.get_by_role_and_label(Role::MenuItem, "Annotate").click();
        h.run_steps(3);
    }
    assert_eq!(sticky(&h), Some(Toggled::True));
}

#[test]
fn the_status_bar_is_a_polite_live_region_that_says_what_was_done() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(dir.path());
    mark(&mut h, "the Kremlin", Key::C);
    let status = h.state().status().to_owned();
    assert!(status.starts_with("Added a claim"), "{status:?}");
    let node = h
        .root()
        .children_recursive()
        .map(|n| n.accesskit_node())
        .find(|n| n.value().as_deref() == Some(status.as_str()))
        .expect("the status message is in the tree");
    assert_eq!(node.live(), Live::Polite);
}

#[test]
fn a_long_article_is_whole_too_with_marks_near_the_view_and_words_where_the_caret_goes() {
    let dir = tempfile::tempdir().unwrap();
    // About 90,000 code points: far more than is published paragraph by paragraph.
    let text: String = (0..600)
        .map(|i| {
            format!(
                "Paragraph {i}: the minister said the port handled more containers than ever, \
                 and the unions said otherwise in a statement on the {i}th day.\n"
            )
        })
        .collect();
    let article = dir.path().join("long.txt");
    std::fs::write(&article, &text).unwrap();
    let mut h = harness_for(&article, &dir.path().join("saves"));
    mark(&mut h, "the minister", Key::C);
    let node = h.get_by_role_and_label(Role::Document, "Article");
    let ak = node.accesskit_node();
    assert_eq!(ak.document_range().text(), text, "the whole article");
    let last = "Paragraph 599: the minister";
    let (s, e) = find(&h, last);
    let mut range = ak
        .text_position_from_global_usv_index(s)
        .unwrap()
        .to_degenerate_range();
    range.set_end(ak.text_position_from_global_usv_index(e).unwrap());
    assert_eq!(range.text(), last);
    let nodes = h.root().children_recursive().count();
    // 600 paragraphs: one run each would be over 600 nodes.
    assert!(nodes < 450, "{nodes} nodes: the far text is a few runs");
    assert_eq!(marks(&h).len(), 1, "{:?}", marks(&h));

    // The caret far down: the view follows, and the text there has its words and marks.
    set_caret(&mut h, s + "Paragraph 599: ".len());
    // The claim at the top is far from the view now: its text is there, its mark is not.
    assert!(marks(&h).is_empty(), "{:?}", marks(&h));
    let node = h.get_by_role_and_label(Role::Document, "Article");
    let ak = node.accesskit_node();
    let at = ak.text_position_from_global_usv_index(s + 16).unwrap();
    let mut word = at.to_degenerate_range();
    word.set_start(at.backward_to_word_start());
    word.set_end(at.forward_to_word_end());
    assert_eq!(word.text().trim(), "the");
    assert!(h.state().article_view().scroll_offset() > 1000.0);
}
