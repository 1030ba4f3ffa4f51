//! Who said what, at a glance: the margin names each quote's speaker beside the line where it
//! ends and shows each checked claim's verdict, without moving the text.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use common::{copy_sample, drag_select, find, harness_for, mark};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsmark::model::annotation::Span;
use newsmark::ui::NewsmarkApp;

fn open(width: f32) -> (tempfile::TempDir, Harness<'static, NewsmarkApp>) {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    h.set_size(egui::vec2(width, 1400.0));
    h.run_steps(3);
    (dir, h)
}

fn labels(h: &Harness<'_, NewsmarkApp>) -> Vec<(String, egui::Rect)> {
    h.state().article_view().margin_labels().to_vec()
}

/// Code points of the `n`-th occurrence of `needle`.
fn nth(h: &Harness<'_, NewsmarkApp>, needle: &str, n: usize) -> (usize, usize) {
    let text = h.state().document().unwrap().text.as_str();
    let byte = text.match_indices(needle).nth(n).unwrap().0;
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

const QUOTE: &str =
    "We regret that, despite calls from the international community for several weeks";

#[test]
fn a_quote_is_signed_by_its_speaker_and_a_checked_claim_shows_its_verdict() {
    let (_dir, mut h) = open(1600.0);
    mark(&mut h, "Jens Stoltenberg", Key::M);
    let before: Vec<_> = labels(&h);
    assert!(before.is_empty(), "mentions get no label: {before:?}");
    mark(&mut h, QUOTE, Key::Q);
    h.run_steps(2);
    let quote_labels = labels(&h);
    assert_eq!(
        quote_labels
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>(),
        ["— Jens Stoltenberg"]
    );
    let (s, e) = find(&h, QUOTE);
    let text_right = h
        .state()
        .article_view()
        .span_rects(Span::new(s, e))
        .iter()
        .map(|r| r.right())
        .fold(0.0, f32::max);
    assert!(
        quote_labels[0].1.left() > text_right,
        "in the margin, not over the text"
    );

    mark(&mut h, "the Kremlin wants to dialogue", Key::C);
    h.run_steps(2);
    assert_eq!(labels(&h).len(), 1, "an unchecked claim has no badge");
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Verdict")
        .click();
    h.run_steps(3);
    h.get_by_label("Mostly false").click();
    h.run_steps(3);
    let texts: Vec<String> = labels(&h).into_iter().map(|(t, _)| t).collect();
    assert!(texts.contains(&"Mostly false".to_owned()), "{texts:?}");
}

#[test]
fn a_narrow_margin_uses_a_shorter_name_and_none_at_all_when_there_is_no_room() {
    let (_dir, mut h) = open(1600.0);
    mark(&mut h, "Jens Stoltenberg", Key::M);
    // Stoltenberg also goes by a shorter name: M on it, A for an alias of the current speaker.
    let (s, e) = nth(&h, "Stoltenberg", 1);
    drag_select(&mut h, s, e);
    h.key_press(Key::M);
    h.run_steps(2);
    h.key_press(Key::A);
    h.run_steps(2);
    mark(&mut h, QUOTE, Key::Q);
    h.set_size(egui::vec2(1250.0, 1400.0));
    h.run_steps(4);
    let narrow = labels(&h);
    assert_eq!(narrow.len(), 1, "{narrow:?}");
    assert_eq!(
        narrow[0].0, "— Stoltenberg",
        "the full name does not fit, the alias does"
    );
    assert!(narrow[0].1.right() <= 1250.0);
    h.set_size(egui::vec2(700.0, 1400.0));
    h.run_steps(4);
    assert!(
        labels(&h).is_empty(),
        "no room: hovering still tells who said it"
    );
}

/// The side panel keeps its width whichever editor it shows, so the article does not jump.
#[test]
fn the_side_panel_keeps_its_width_while_editors_change() {
    let (_dir, mut h) = open(1400.0);
    let left = |h: &Harness<'_, NewsmarkApp>| h.get_by_label("Annotations").rect().left();
    let start = left(&h);
    mark(&mut h, "Jens Stoltenberg", Key::M);
    mark(&mut h, QUOTE, Key::Q);
    let (s, _) = nth(&h, "said Stoltenberg", 0);
    drag_select(&mut h, s, s + 4);
    h.get_by_label("Set from selection").click();
    h.run_steps(2);
    assert_eq!(left(&h), start, "quote editor");
    mark(
        &mut h,
        "the Kremlin wants to dialogue with the United States and NATO",
        Key::C,
    );
    assert_eq!(left(&h), start, "claim editor");
    h.get_by_label("Speakers").click();
    h.run_steps(2);
    h.get_by_label_contains("1 Jens Stoltenberg").click();
    h.run_steps(2);
    assert_eq!(left(&h), start, "speaker editor");
}

/// A verdict badge and a speaker's name ending on the same line share the margin: the badge
/// first, then the name chosen for the room it leaves (cut with "…", or none), never a name
/// drawn past the margin's edge or under the side panel.
#[test]
fn a_name_beside_a_verdict_badge_fits_the_room_left_or_is_not_drawn() {
    for width in [1250.0, 1400.0, 1600.0] {
        let (_dir, mut h) = open(width);
        mark(&mut h, "the Secretary General of NATO", Key::M);
        let claim = "Russia has not taken steps to de-escalate";
        mark(&mut h, claim, Key::C);
        h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Verdict")
            .click();
        h.run_steps(3);
        h.get_by_label("Mostly false").click();
        h.run_steps(3);
        mark(
            &mut h,
            "despite calls from the international community for several weeks, Russia has not taken steps to de-escalate",
            Key::Q,
        );
        h.run_steps(3);
        let panel_left = h.get_by_label("Annotations").rect().left();
        let drawn = labels(&h);
        assert!(
            drawn.iter().any(|(t, _)| t == "Mostly false"),
            "{width}: {drawn:?}"
        );
        for (i, (t, r)) in drawn.iter().enumerate() {
            assert!(
                r.right() < panel_left,
                "{width}: {t:?} {r:?} reaches the side panel"
            );
            for (u, q) in &drawn[i + 1..] {
                assert!(!r.intersects(*q), "{width}: {t:?} and {u:?} overlap");
            }
        }
    }
}
