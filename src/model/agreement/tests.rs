//! Tests of `agreement`.
use super::*;
use crate::model::annotation::{AnnotationId, KindTag, Quote};
use crate::model::session::ArticleRef;
use crate::model::speaker::{Speaker, SpeakerId};

fn ann(id: u32, start: usize, end: usize, kind: Kind) -> Annotation {
    Annotation {
        id: AnnotationId(id),
        start,
        end,
        exact: String::new(),
        prefix: String::new(),
        suffix: String::new(),
        kind,
        note: String::new(),
        tags: Vec::new(),
    }
}

fn quote(speaker: u32, cue: Option<(usize, usize)>) -> Kind {
    Kind::Quote(Quote {
        speaker: Some(SpeakerId(speaker)),
        cue: cue.map(|(s, e)| Span::new(s, e)),
        ..Quote::default()
    })
}

fn session(speakers: &[(u32, &str)], anns: Vec<Annotation>) -> Session {
    let mut s = Session::new(ArticleRef::default());
    s.speakers = speakers
        .iter()
        .map(|(id, n)| Speaker::new(SpeakerId(*id), *n))
        .collect();
    s.annotations = anns;
    s
}

fn close(x: Option<f64>, y: f64) -> bool {
    x.is_some_and(|x| (x - y).abs() < 1e-9)
}

/// The module doc's example, by hand: quotes 0..10 and 20..30 against 0..10 and 21..30 in
/// a 40-code-point text; cues 11..15 in both.
#[test]
fn worked_example() {
    let a = session(
        &[(1, "Jens Stoltenberg")],
        vec![
            ann(1, 0, 10, quote(1, Some((11, 15)))),
            ann(2, 20, 30, quote(1, None)),
        ],
    );
    let b = session(
        &[(7, "jens stoltenberg")],
        vec![
            ann(1, 0, 10, quote(7, Some((11, 15)))),
            ann(2, 21, 30, quote(7, None)),
        ],
    );
    let r = compare(&a, &b, 40);
    let q = r
        .kinds
        .iter()
        .find(|(k, _)| *k == UnitKind::Quote)
        .unwrap()
        .1;
    assert_eq!((q.in_a, q.in_b, q.exact_matches), (2, 2, 1));
    assert!(close(q.exact.f1, 0.5));
    assert!(close(q.overlap.precision, 1.0));
    assert!(close(q.overlap.recall, 0.95));
    assert!(close(q.overlap.f1, 2.0 * 0.95 / 1.95));
    let cue = r.kinds.iter().find(|(k, _)| *k == UnitKind::Cue).unwrap().1;
    assert!(close(cue.exact.f1, 1.0));
    let claim = r
        .kinds
        .iter()
        .find(|(k, _)| *k == UnitKind::Claim)
        .unwrap()
        .1;
    assert_eq!(claim.exact, Prf::default());
    assert_eq!(r.attribution, (1, 1));
    // Labels: A = Q×20 (0..10, 20..30), Cue×4, none×16; B = Q×19, Cue×4, none×17.
    // Equal on 39 of 40 (code point 20). p_o = 39/40;
    // p_e = (20·19 + 4·4 + 16·17) / 1600 = 668/1600.
    let pe = 668.0 / 1600.0;
    assert!(close(r.kappa, (39.0 / 40.0 - pe) / (1.0 - pe)));
}

#[test]
fn alpha_by_hand() {
    // Two coders, four units: labels (0,0), (1,1), (0,1), (1,1).
    // Coincidences: o00 = 2, o11 = 4, o01 = o10 = 1; n0 = 3, n1 = 5, n = 8.
    // α = 1 − (8 − 1)·2 / (3·5 + 5·3) = 1 − 14/30.
    let all = vec![vec![0u8, 1, 0, 1], vec![0u8, 1, 1, 1]];
    assert!(close(alpha_of_labels(&all, 4), 1.0 - 14.0 / 30.0));
    // Perfect agreement with variation is 1; no variation at all is undefined.
    assert!(close(alpha_of_labels(&[vec![0, 1], vec![0, 1]], 2), 1.0));
    assert_eq!(alpha_of_labels(&[vec![0, 0], vec![0, 0]], 2), None);
}

#[test]
fn identical_sessions_agree_fully() {
    let a = session(
        &[],
        vec![
            ann(1, 2, 8, KindTag::Claim.with_speaker(None)),
            ann(2, 5, 12, KindTag::Mention.with_speaker(None)),
        ],
    );
    let r = compare(&a, &a, 20);
    assert!(close(r.kappa, 1.0));
    for (_, k) in &r.kinds {
        if k.in_a > 0 {
            assert!(close(k.exact.f1, 1.0) && close(k.overlap.f1, 1.0));
        }
    }
    assert!(close(krippendorff_alpha(&[&a, &a, &a], 20), 1.0));
}

/// A quote sourced to a pronoun has no speaker, only a source mention: two annotators who
/// link the same mention agree, and a session always agrees with itself.
#[test]
fn quotes_sourced_to_the_same_pronoun_are_attributed_alike() {
    let pronoun =
        |id: u32, start: usize| ann(id, start, start + 3, KindTag::Mention.with_speaker(None));
    let sourced = |id: u32, mention: u32| {
        ann(
            id,
            10,
            30,
            Kind::Quote(Quote {
                source_mentions: vec![AnnotationId(mention)],
                ..Quote::default()
            }),
        )
    };
    let a = session(&[], vec![pronoun(1, 0), sourced(2, 1)]);
    assert_eq!(
        compare(&a, &a, 40).attribution,
        (1, 1),
        "a session agrees with itself"
    );
    // B links the same span under other ids.
    let b = session(&[], vec![pronoun(7, 0), sourced(8, 7)]);
    assert_eq!(compare(&a, &b, 40).attribution, (1, 1));
    // C links another "she".
    let c = session(&[], vec![pronoun(7, 33), sourced(8, 7)]);
    assert_eq!(compare(&a, &c, 40).attribution, (1, 0));
}
