//! What the painter is given for each kind of span, on both themes.

use egui::Color32;

use super::*;
use crate::model::session::{ArticleRef, make_annotation};
use crate::model::speaker::{Speaker, SpeakerId};
use crate::model::text::ArticleText;

const TEXT: &str = "“We will talk,” said Ana Lima. Lima said prices rose. Lima again.";

fn at(needle: &str) -> Span {
    let byte = TEXT.find(needle).unwrap_or(0);
    let start = TEXT[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

/// A quote with a cue, a claim and a mention, plus a candidate "Lima" offered as a mention.
fn session() -> (Session, IntervalIndex<Layer>) {
    let text = ArticleText::new(TEXT.into());
    let mut s = Session::new(ArticleRef::default());
    let ana = SpeakerId(1);
    s.speakers.push(Speaker::new(ana, "Ana Lima"));
    let mut quote = make_annotation(
        &text,
        AnnotationId(1),
        at("We will talk,"),
        KindTag::Quote.with_speaker(Some(ana)),
    );
    if let Kind::Quote(q) = &mut quote.kind {
        q.cue = Some(at("said"));
    }
    s.annotations.push(quote);
    let claim = KindTag::Claim.with_speaker(None);
    s.annotations.push(make_annotation(
        &text,
        AnnotationId(2),
        at("prices rose"),
        claim,
    ));
    let mention = KindTag::Mention.with_speaker(Some(ana));
    s.annotations.push(make_annotation(
        &text,
        AnnotationId(3),
        at("Ana Lima"),
        mention,
    ));
    let again = at("Lima again").start;
    let candidate = Span::new(again, again + 4);
    let index = build_index(&s, |_| true, &[(candidate, s.speakers[0].colour)], &[]);
    (s, index)
}

fn paint_at(sections: &[(Range<usize>, Paint)], span: Span) -> Paint {
    sections
        .iter()
        .find(|(r, _)| r.start <= span.start && span.start < r.end)
        .map_or_else(|| paint_of(&[], Color32::BLACK), |(_, p)| *p)
}

fn look(visuals: &egui::Visuals) -> Look {
    Look {
        font_size: 18.0,
        selected: None,
        kept_selection: None,
        text_colour: visuals.text_color(),
        panel: visuals.panel_fill,
    }
}

#[test]
fn a_cue_and_a_candidate_never_look_alike() {
    let (s, index) = session();
    for visuals in [egui::Visuals::dark(), egui::Visuals::light()] {
        let sections = sections(&s, &index, &[], &look(&visuals), 0..TEXT.chars().count());
        let cue = paint_at(&sections, at("said"));
        let candidate = paint_at(&sections, at("Lima again"));
        assert!(cue.italics && matches!(cue.underline, Some((_, Line::Solid))));
        assert!(!candidate.italics && matches!(candidate.underline, Some((_, Line::Dotted))));
        assert_eq!(
            candidate.background, None,
            "a candidate is not an annotation"
        );
    }
}

#[test]
fn painted_highlights_and_lines_are_legible_on_both_themes() {
    let (s, index) = session();
    for visuals in [egui::Visuals::dark(), egui::Visuals::light()] {
        let look = look(&visuals);
        let sections = sections(
            &s,
            &index,
            &[at("Lima again")],
            &look,
            0..TEXT.chars().count(),
        );
        let mut highlighted = 0;
        for (range, paint) in &sections {
            let under = paint.background.unwrap_or(look.panel);
            if let Some(bg) = paint.background {
                highlighted += 1;
                // Text drawn on a highlight is the one the painter picks for it.
                assert!(style::contrast(style::text_on(bg), bg) >= 4.5, "{range:?}");
                // And the highlight is visible against the page.
                assert!(style::contrast(bg, look.panel) >= 1.15, "{range:?}: {bg:?}");
            }
            if let Some((line, _)) = paint.underline {
                assert!(
                    style::contrast(line, under) >= style::LINE_CONTRAST,
                    "{range:?}"
                );
            }
        }
        assert!(highlighted >= 4);
        for painted in ["We will talk,", "prices rose", "Ana Lima", "Lima again"] {
            let p = paint_at(&sections, at(painted));
            assert!(p.background.is_some(), "{painted} is highlighted");
        }
    }
}

/// (range, has a background) of every stretch of block `chars`, with only search matches.
fn stretches(matches: &[Span], chars: Range<usize>) -> Vec<(Range<usize>, bool)> {
    let session = Session::new(ArticleRef::default());
    let index = IntervalIndex::default();
    sections(
        &session,
        &index,
        matches,
        &look(&egui::Visuals::light()),
        chars,
    )
    .into_iter()
    .map(|(r, p)| (r, p.background.is_some()))
    .collect()
}

#[test]
fn a_block_paints_the_search_matches_that_reach_into_it_and_no_others() {
    let matches = [
        Span::new(2, 5),
        Span::new(8, 12),
        Span::new(14, 16),
        Span::new(20, 24),
    ];
    // The match from 8 reaches into the block at 10; the one at 20 starts where it ends.
    assert_eq!(
        stretches(&matches, 10..20),
        [
            (10..12, true),
            (12..14, false),
            (14..16, true),
            (16..20, false)
        ]
    );
    assert_eq!(stretches(&matches, 5..8), [(5..8, false)]);
    assert_eq!(stretches(&[], 0..4), [(0..4, false)]);
}

#[test]
fn a_compared_session_span_is_dashed_over_text_and_over_an_annotation_alike() {
    let (s, _) = session();
    let theirs = [
        (at("Lima said"), [0xd6, 0x3a, 0x3a]),
        (at("prices"), [0xd6, 0x3a, 0x3a]),
    ];
    let index = build_index(&s, |_| true, &[], &theirs);
    for visuals in [egui::Visuals::dark(), egui::Visuals::light()] {
        // The kept selection over the claim: two fills, and B's span still shows.
        let look = Look {
            kept_selection: Some(at("prices rose")),
            ..look(&visuals)
        };
        let sections = sections(&s, &index, &[], &look, 0..TEXT.chars().count());
        let bare = paint_at(&sections, at("Lima said"));
        assert!(matches!(bare.underline, Some((_, Line::Dashed))));
        assert_eq!(bare.background, None, "B's span is no annotation of A");
        let over = paint_at(&sections, at("prices"));
        assert!(matches!(over.underline, Some((_, Line::Dashed))));
        assert!(over.background.is_some(), "A's claim stays as it is");
    }
}
