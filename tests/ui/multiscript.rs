//! Every script drawn and selected right: a multiscript article (LTR, RTL, mixed paragraphs,
//! CJK, Devanagari, emoji, combining marks) where each word is found where it is drawn.
//!
//! Font-dependent checks run for every script an installed font covers; a script without a
//! font is skipped with a printed note, and then the status bar must name it. With
//! `NEWSMARK_REQUIRE_FONTS=1` (CI) a missing font fails instead (`common::font_missing`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use std::path::{Path, PathBuf};

use common::{find, font_missing, mark};
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect};
use egui_kittest::Harness;
use newsmark::model::annotation::Span;
use newsmark::ui::NewsmarkApp;
use newsmark::ui::text_engine::{fonts, script};
use unicode_segmentation::UnicodeSegmentation;

/// The real app on the multiscript fixture, with frames 1/30 s apart so two clicks in
/// successive frames are a double click.
fn harness_for(path: &Path, saves: &Path) -> Harness<'static, NewsmarkApp> {
    let (app, _) = NewsmarkApp::new(saves.to_owned())
        .typed_paths_only()
        .open_now(path);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 30.0)
        .build_eframe(move |_| app);
    h.run_steps(3);
    h
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/multiscript.txt")
}

/// True if an installed font draws every character of `s`; prints a note if not.
fn drawable(s: &str) -> bool {
    let sys = fonts::system();
    let missing: Vec<_> = s
        .chars()
        .filter_map(|c| script::writing_of(c).map(|w| (w, c)))
        .filter(|&(w, c)| !sys.covers(w, c))
        .collect();
    if let Some((w, _)) = missing.first() {
        font_missing(&format!(
            "note: no installed font for {}; {s:?} not checked",
            w.name()
        ));
    }
    missing.is_empty()
}

/// The words of the open article (UAX #29 segments holding a letter or digit; a run of
/// Thai, which has no spaces, is one word), as spans.
fn words(h: &Harness<'_, NewsmarkApp>) -> Vec<(Span, String)> {
    let text = h.state().document().unwrap().text.as_str();
    let mut at = 0;
    let mut out: Vec<(Span, String)> = Vec::new();
    let mut last_unspaced = false;
    for w in text.split_word_bounds() {
        let n = w.chars().count();
        let unspaced = w.chars().next().is_some_and(script::unspaced);
        match out.last_mut() {
            Some((span, word)) if unspaced && last_unspaced && span.end == at => {
                *span = Span::new(span.start, at + n);
                word.push_str(w);
            }
            _ if w.chars().any(char::is_alphanumeric) => {
                out.push((Span::new(at, at + n), w.to_owned()));
            }
            _ => {}
        }
        last_unspaced = unspaced;
        at += n;
    }
    out
}

/// The widest drawn rectangle of `span`.
fn main_rect(h: &Harness<'_, NewsmarkApp>, span: Span) -> Rect {
    let rects = h.state().article_view().span_rects(span);
    assert!(!rects.is_empty(), "{span:?} is drawn");
    rects
        .into_iter()
        .max_by(|a, b| a.width().total_cmp(&b.width()))
        .unwrap()
}

/// A double click at `p`, as a user would make it, then time enough that the next click
/// starts afresh.
fn double_click(h: &mut Harness<'_, NewsmarkApp>, p: Pos2) {
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

/// A single click at `p`, then time enough that the next click starts afresh.
fn click(h: &mut Harness<'_, NewsmarkApp>, p: Pos2) {
    h.hover_at(p);
    h.step();
    for pressed in [true, false] {
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
fn double_clicking_the_middle_of_each_drawn_word_selects_exactly_that_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_for(&fixture(), &dir.path().join("saves"));
    let mut checked = 0;
    for (span, word) in words(&h) {
        if !drawable(&word) {
            continue;
        }
        let r = main_rect(&h, span);
        double_click(&mut h, r.center());
        assert_eq!(
            h.state().selection(),
            Some(span),
            "double click on {word:?} drawn at {r:?}"
        );
        checked += 1;
    }
    // Latin, Greek and Cyrillic draw with the bundled font on any machine.
    assert!(checked >= 30, "only {checked} words checked");
}

#[test]
fn rtl_paragraphs_read_right_to_left_and_a_span_over_a_direction_change_is_several_rects() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness_for(&fixture(), &dir.path().join("saves"));
    let view = h.state().article_view();
    let (s, _) = find(&h, "שר החוץ");
    if drawable("שר") {
        let first = main_rect(&h, Span::new(s, s + 2));
        let second = main_rect(&h, Span::new(s + 3, s + 7));
        assert!(first.left() > second.right(), "{first:?} then {second:?}");
        // Right-aligned: the paragraph's first word ends where the Latin lines' column does.
        let (l, _) = find(&h, "Every script");
        let latin = main_rect(&h, Span::new(l, l + 5));
        assert!(
            first.right() > latin.left() + 300.0,
            "{first:?} vs {latin:?}"
        );
    }
    let (a, _) = find(&h, "said the plan");
    let (n, e) = find(&h, "נועה בן");
    if drawable("נועה") {
        // "Noa Ben-David (נועה בן-דוד), said": Latin, then Hebrew right to left, then Latin.
        let noa = main_rect(&h, Span::new(n, n + 4));
        let ben = main_rect(&h, Span::new(n + 5, e));
        assert!(noa.left() > ben.right(), "{noa:?} {ben:?}");
        let across = view.span_rects(Span::new(n - 10, n + 4));
        assert!(across.len() >= 2, "{across:?}");
        let said = main_rect(&h, Span::new(a, a + 4));
        assert!(said.left() > noa.right(), "{said:?} after the Hebrew");
    }
}

#[test]
fn marking_a_name_in_a_mixed_paragraph_moves_no_other_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_for(&fixture(), &dir.path().join("saves"));
    let before: Vec<(Span, Vec<Rect>)> = words(&h)
        .into_iter()
        .map(|(s, _)| (s, h.state().article_view().span_rects(s)))
        .collect();
    mark(&mut h, "Noa Ben-David", Key::M);
    let doc = h.state().document().unwrap();
    assert_eq!(doc.session.annotations.len(), 1);
    assert_eq!(doc.session.annotations[0].exact, "Noa Ben-David");
    // Drag over the Hebrew name that follows: it selects that name, not other text.
    let (s, e) = find(&h, "נועה בן-דוד");
    if drawable("נועה") {
        let first = main_rect(&h, Span::new(s, s + 4));
        let last = main_rect(&h, Span::new(e - 3, e));
        h.hover_at(first.center());
        h.step();
        h.drag_at(first.right_center() - egui::vec2(1.0, 0.0));
        h.step();
        h.hover_at(last.left_center() + egui::vec2(1.0, 0.0));
        h.step();
        h.drop_at(last.left_center() + egui::vec2(1.0, 0.0));
        h.run_steps(2);
        assert_eq!(h.state().selection(), Some(Span::new(s, e)));
    }
    for (span, rects) in before {
        let after = h.state().article_view().span_rects(span);
        assert_eq!(rects, after, "word {span:?} moved");
    }
}

#[test]
fn keys_and_copy_keep_clusters_whole_and_logical_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_for(&fixture(), &dir.path().join("saves"));
    // A caret before the family emoji; Shift+Right takes the whole ZWJ sequence.
    let (s, e) = find(&h, "👨\u{200d}👩\u{200d}👧");
    let family = main_rect(&h, Span::new(s, e));
    click(&mut h, family.left_center() + egui::vec2(1.0, 0.0));
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run_steps(1);
    let sel = h.state().selection().unwrap();
    assert_eq!(sel, Span::new(s, e), "one grapheme cluster");

    // Copy a mixed selection: logical order, as stored.
    let (a, b) = find(&h, "Noa Ben-David (נועה בן-דוד), said");
    if drawable("נועה") {
        let r0 = main_rect(&h, Span::new(a, a + 3));
        let r1 = main_rect(&h, Span::new(b - 4, b));
        h.hover_at(r0.left_center() + egui::vec2(1.0, 0.0));
        h.step();
        h.drag_at(r0.left_center() + egui::vec2(1.0, 0.0));
        h.step();
        h.hover_at(r1.right_center() - egui::vec2(1.0, 0.0));
        h.step();
        h.drop_at(r1.right_center() - egui::vec2(1.0, 0.0));
        h.run_steps(2);
        assert_eq!(h.state().selection(), Some(Span::new(a, b)));
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
        assert_eq!(copied, ["Noa Ben-David (נועה בן-דוד), said"]);
    }
}

#[test]
fn no_box_is_drawn_where_fonts_exist_and_missing_ones_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness_for(&fixture(), &dir.path().join("saves"));
    let text = h.state().document().unwrap().text.as_str().to_owned();
    let missing = fonts::system().missing_in(&text);
    let view = h.state().article_view();
    let painted = view.painted().unwrap();
    assert_eq!(
        painted.end,
        text.chars().count(),
        "the whole fixture is on screen"
    );
    if missing.is_empty() {
        assert_eq!(view.notdef_drawn(), 0, "a .notdef glyph was drawn");
        assert!(!h.state().status().contains("no installed font"));
    } else {
        font_missing(&format!(
            "note: no installed font for {missing:?}; checking the notice instead"
        ));
        assert!(view.notdef_drawn() > 0);
        for name in missing {
            assert!(h.state().status().contains(name), "{}", h.state().status());
        }
    }
}

#[test]
fn panels_get_system_fonts_for_every_script_installed() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_for(&fixture(), &dir.path().join("saves"));
    let samples = [
        "山田太郎",
        "נועה",
        "عمر",
        "प्रधानमंत्री",
        "Переговоры",
        "συνάντηση",
    ];
    let drawn: Vec<&str> = samples.into_iter().filter(|s| drawable(s)).collect();
    if drawn.len() < samples.len() {
        // kittest panics on a box in a label; without the fonts a box is what we expect.
        h.ctx
            .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    }
    // A speaker named in Han: the speakers panel and the toolbar draw the name.
    mark(&mut h, "山田太郎", Key::M);
    h.run_steps(2);
    let mut checked = 0;
    for sample in drawn {
        let font = egui::FontId::proportional(14.0);
        let has = h.ctx.fonts_mut(|f| f.has_glyphs(&font, sample));
        assert!(has, "egui has no font for {sample:?}");
        checked += 1;
    }
    assert!(checked >= 2, "Greek and Cyrillic at least");
}

#[test]
fn shift_click_and_triple_click_in_a_right_to_left_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_for(&fixture(), &dir.path().join("saves"));
    let (s, _) = find(&h, "שר החוץ אמר");
    if !drawable("שר החוץ אמר") {
        return;
    }
    // Click at the right edge of the first word (its logical start), Shift+click at the left
    // edge of the third: the selection is the three words, in logical order.
    let first = main_rect(&h, Span::new(s, s + 2));
    let third = main_rect(&h, Span::new(s + 8, s + 11));
    click(&mut h, first.right_center() - egui::vec2(1.0, 0.0));
    h.hover_at(third.left_center() + egui::vec2(1.0, 0.0));
    h.event(Event::ModifiersChanged(Modifiers::SHIFT));
    h.step();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos: third.left_center() + egui::vec2(1.0, 0.0),
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::SHIFT,
        });
        h.step();
    }
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run_steps(12);
    assert_eq!(h.state().selection(), Some(Span::new(s, s + 11)));

    // Arrows go the way they point: from the paragraph's start (its right edge), Shift+Left
    // twice takes the first word.
    click(&mut h, first.right_center() - egui::vec2(1.0, 0.0));
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    h.run_steps(1);
    assert_eq!(h.state().selection(), Some(Span::new(s, s + 2)));
    h.run_steps(12);

    // Three clicks on the second word take the whole line (the paragraph).
    let second = main_rect(&h, Span::new(s + 3, s + 7));
    h.hover_at(second.center());
    h.step();
    for pressed in [true, false, true, false, true, false] {
        h.event(Event::PointerButton {
            pos: second.center(),
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    let text = h.state().document().unwrap().text.as_str().to_owned();
    let line = text.lines().find(|l| l.starts_with("שר החוץ")).unwrap();
    assert_eq!(
        h.state().selection(),
        Some(Span::new(s, s + line.chars().count()))
    );
}
