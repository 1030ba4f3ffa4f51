//! The virtualized article view: what is painted at a scroll position, selections across
//! paragraphs, keyboard selection, copy, and scrolling to an annotation.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use std::path::{Path, PathBuf};

use common::{drag_select, harness_for};
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use newsmark::io::document::Document;
use newsmark::model::annotation::{AnnotationId, KindTag, Span};
use newsmark::model::session::make_annotation;

/// An article of `n` numbered paragraphs of about 300 characters, with a “quote” in each.
fn write_article(dir: &Path, n: usize) -> PathBuf {
    let body = "Officials said the talks would continue, and “we regret that” was the reply \
                of the minister, who added that tens of thousands of troops were near the \
                border. Analysts in Geneva and Brussels disagreed about what comes next.";
    let text: Vec<String> = (0..n).map(|i| format!("Paragraph {i}: {body}")).collect();
    let path = dir.join("long.txt");
    std::fs::write(&path, text.join("\n\n")).unwrap();
    path
}

#[test]
fn only_the_paragraphs_on_screen_are_painted_and_they_fill_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path(), 400);
    let mut h = harness_for(&article, &dir.path().join("saves"));
    let len = h.state().document().unwrap().text.len_chars();
    let painted = h.state().article_view().painted().unwrap();
    assert_eq!(painted.start, 0, "the top of the article is shown first");
    assert!(painted.end < len / 20, "not the whole article: {painted:?}");

    // Scroll down with the wheel, far into the article.
    let clip = h.state().article_view().visible_rect();
    h.hover_at(clip.center());
    h.step();
    for _ in 0..40 {
        h.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run_steps(30);
    let view = h.state().article_view();
    let text = &h.state().document().unwrap().text;
    let painted = view.painted().unwrap();
    let clip = view.visible_rect();
    assert!(
        painted.start > len / 10,
        "scrolled away from the top: {painted:?}"
    );
    assert!(painted.len() < len / 20, "only a screenful: {painted:?}");
    // The painted lines cover the screen from top to bottom, and each one is on screen.
    let first = view
        .span_rect(Span::new(painted.start, painted.start))
        .unwrap();
    let last = view.span_rect(Span::new(painted.end, painted.end)).unwrap();
    assert!(first.top() <= clip.top() + 1.0, "{first:?} vs {clip:?}");
    assert!(last.bottom() >= clip.bottom() - 1.0, "{last:?} vs {clip:?}");
    let paras = common::paragraphs(text.as_str());
    for p in &paras {
        if p.start >= painted.start && p.end <= painted.end {
            let r = view.span_rect(Span::new(p.start, p.end)).unwrap();
            assert!(
                r.intersects(clip.expand(60.0)),
                "painted but off screen: {r:?}"
            );
        }
    }
    // The paragraph at the top of the screen is one of the painted ones, and its number is
    // what the text there says.
    let top = view
        .char_at(clip.center_top() + egui::vec2(0.0, 30.0))
        .unwrap();
    assert!(painted.start <= top && top <= painted.end);
    let para = paras.iter().position(|p| top < p.end).unwrap();
    let words = text.slice(paras[para].clone());
    assert!(words.starts_with(&format!("Paragraph {para}:")), "{words}");
}

#[test]
fn a_drag_from_paragraph_2_into_paragraph_5_selects_that_range_and_copies_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path(), 40);
    let mut h = harness_for(&article, &dir.path().join("saves"));
    let paras = common::paragraphs(h.state().document().unwrap().text.as_str());
    let (start, end) = (paras[1].start + 13, paras[4].start + 22);
    drag_select(&mut h, start, end);
    assert_eq!(h.state().selection(), Some(Span::new(start, end)));

    // Shift+Right extends it by one code point; Shift+Left takes it back.
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run_steps(1);
    assert_eq!(h.state().selection(), Some(Span::new(start, end + 1)));
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    h.run_steps(1);
    assert_eq!(h.state().selection(), Some(Span::new(start, end)));

    // Ctrl+C, one event a frame, so the copy is in the output of the key's frame.
    h.event(Event::ModifiersChanged(Modifiers::COMMAND));
    h.step();
    h.event(Event::Key {
        key: Key::C,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND,
    });
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let text = &h.state().document().unwrap().text;
    assert_eq!(copied, [text.slice(start..end).to_owned()]);
    assert!(
        copied[0].contains("\n\nParagraph 2:"),
        "spans the blank lines"
    );
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.step();
}

#[test]
fn going_to_an_annotation_far_down_brings_it_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path(), 300);
    let mut doc = Document::open_article(&article).unwrap();
    let text = doc.text.as_str().to_owned();
    let needle = "Paragraph 280: ";
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count() + needle.chars().count();
    let span = Span::new(start, start + 9);
    let a = make_annotation(
        &doc.text,
        AnnotationId(1),
        span,
        KindTag::Claim.with_speaker(None),
    );
    doc.session.annotations.push(a);
    let session = dir.path().join("long.ron");
    doc.save_to(&session).unwrap();

    let mut h = harness_for(&session, &dir.path().join("saves"));
    assert!(
        h.state()
            .article_view()
            .span_rect(span)
            .is_none_or(|r| { !h.state().article_view().visible_rect().contains_rect(r) })
    );
    // P goes to the previous (here: the last) annotation and scrolls to it.
    h.key_press(Key::P);
    h.run_steps(4);
    assert_eq!(h.state().selected(), Some(AnnotationId(1)));
    let view = h.state().article_view();
    let r = view.span_rect(span).expect("laid out");
    assert!(
        view.visible_rect().contains_rect(r),
        "{r:?} in {:?}",
        view.visible_rect()
    );
}

#[test]
fn page_keys_space_and_ctrl_home_end_scroll_and_escape_closes_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path(), 200);
    let mut h = harness_for(&article, &dir.path().join("saves"));
    let height = h.state().article_view().visible_rect().height();
    let offset = |h: &egui_kittest::Harness<'_, newsmark::ui::NewsmarkApp>| {
        h.state().article_view().scroll_offset()
    };
    assert_eq!(offset(&h), 0.0);
    h.key_press(Key::PageDown);
    h.run_steps(3);
    let one = offset(&h);
    assert!(
        (one - height * 0.9).abs() < 2.0,
        "a page is most of a screen: {one} of {height}"
    );
    h.key_press(Key::Space);
    h.run_steps(3);
    assert!((offset(&h) - 2.0 * one).abs() < 2.0, "{}", offset(&h));
    h.key_press_modifiers(Modifiers::SHIFT, Key::Space);
    h.run_steps(3);
    assert!((offset(&h) - one).abs() < 2.0, "Shift+Space goes back up");
    h.key_press(Key::PageUp);
    h.run_steps(3);
    assert_eq!(offset(&h), 0.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.run_steps(5);
    let len = h.state().document().unwrap().text.len_chars();
    let painted = h.state().article_view().painted().unwrap();
    assert_eq!(painted.end, len, "the end of the article is on screen");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.run_steps(5);
    assert_eq!(offset(&h), 0.0);

    // Escape closes the shortcut help before it clears anything else.
    use egui_kittest::kittest::Queryable as _;
    let helps = |h: &egui_kittest::Harness<'_, newsmark::ui::NewsmarkApp>| {
        h.query_all_by_label("Keyboard shortcuts").count()
    };
    let closed = helps(&h);
    h.key_press(Key::F1);
    h.run_steps(3);
    assert!(helps(&h) > closed, "the help window is open");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert_eq!(helps(&h), closed, "Escape closed it");
}

/// An article opened after another one was scrolled far down starts at its own top, and the
/// path field of File ▸ Open takes the keyboard when the dialog comes from the menu.
#[test]
fn an_article_opened_after_a_long_one_starts_at_its_top() {
    let dir = tempfile::tempdir().unwrap();
    let long = write_article(dir.path(), 200);
    let other = dir.path().join("other.txt");
    std::fs::copy(&long, &other).unwrap();
    let mut h = harness_for(&long, &dir.path().join("saves"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.run_steps(4);
    assert!(h.state().article_view().scroll_offset() > 1000.0);

    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label_contains("Open…").click();
    h.run_steps(4);
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "File:");
    assert!(field.is_focused(), "typing goes to the path at once");
    h.event(Event::Text(other.to_str().unwrap().to_owned()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(4);
    assert_eq!(h.state().document().unwrap().display_name(), "other.txt");
    assert_eq!(h.state().article_view().scroll_offset(), 0.0);
}
