//! Re-anchoring on real edits of the sample article, and a property test for edits outside
//! every span.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers may panic: a panic is a failed test"
)]

use newsmark::model::anchor::{Outcome, reanchor};
use newsmark::model::annotation::{Annotation, AnnotationId, Kind, KindTag, Quote, Span};
use newsmark::model::session::make_annotation;
use newsmark::model::text::ArticleText;
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../../assets/nato_russia_2022-01-07.txt");

/// Code-point span of the `nth` occurrence of `needle`.
fn span_of(text: &ArticleText, needle: &str, nth: usize) -> Span {
    let (byte, _) = text.as_str().match_indices(needle).nth(nth).unwrap();
    let start = text.char_of(byte);
    Span::new(start, start + needle.chars().count())
}

const REGRET: &str = "We regret that, despite calls from the international community for several weeks, Russia has not taken steps to de-escalate.";
const AGGRESSIVE: &str =
    "The aggressive actions of Russia seriously undermine the security order in Europe";
const TROOPS: &str = "tens of thousands of troops and heavy weapons";

fn annotate(text: &ArticleText) -> Vec<Annotation> {
    let mention = |id, needle, nth| {
        make_annotation(
            text,
            AnnotationId(id),
            span_of(text, needle, nth),
            KindTag::Mention.with_speaker(None),
        )
    };
    let claim = |id, needle| {
        make_annotation(
            text,
            AnnotationId(id),
            span_of(text, needle, 0),
            KindTag::Claim.with_speaker(None),
        )
    };
    let mut regret = make_annotation(
        text,
        AnnotationId(2),
        span_of(text, REGRET, 0),
        KindTag::Quote.with_speaker(None),
    );
    regret.kind = Kind::Quote(Quote {
        cue: Some(span_of(text, "said at a press", 0)).map(|s| Span::new(s.start, s.start + 4)),
        more: vec![span_of(text, "Russia’s military deployment continues", 0)],
        ..Quote::default()
    });
    let mut anns = vec![
        mention(1, "Jens Stoltenberg", 0),
        regret,
        claim(3, TROOPS),
        mention(4, "the Secretary General of NATO", 0),
        claim(5, AGGRESSIVE),
        mention(6, "the Norwegian politician", 0),
        mention(7, "Stoltenberg", 2),
    ];
    anns.sort_by_key(|a| (a.start, a.end, a.id));
    anns
}

fn outcome(report: &newsmark::model::anchor::AnchorReport, id: u32) -> Outcome {
    report.outcome(AnnotationId(id)).unwrap()
}

fn assert_found(text: &ArticleText, anns: &[Annotation]) {
    for a in anns {
        assert_eq!(text.slice(a.start..a.end), a.exact, "annotation {:?}", a.id);
        assert_eq!(a.end - a.start, a.exact.chars().count());
    }
}

#[test]
fn unchanged_and_crlf_resaved_text_is_all_exact() {
    let text = ArticleText::from_raw(SAMPLE);
    let mut anns = annotate(&text);
    let before = anns.clone();
    let report = reanchor(&text, &mut anns);
    assert!(report.all_exact(), "{}", report.summary());
    assert_eq!(anns, before);

    let crlf = ArticleText::from_raw(&format!("\u{feff}{}", SAMPLE.replace('\n', "\r\n")));
    let report = reanchor(&crlf, &mut anns);
    assert_eq!(report.summary(), "7 exact");
    assert_eq!(anns, before);
}

#[test]
fn paragraph_inserted_before_moves_everything_with_its_cue() {
    let old = ArticleText::from_raw(SAMPLE);
    let mut anns = annotate(&old);
    let before = anns.clone();
    let inserted =
        "Editor’s note: this article was updated on 8 January with reactions from Moscow.\n\n";
    let new = ArticleText::new(format!("{inserted}{SAMPLE}"));
    let report = reanchor(&new, &mut anns);
    assert_eq!(report.moved, 7, "{}", report.summary());
    let shift = inserted.chars().count();
    for (a, b) in anns.iter().zip(&before) {
        assert_eq!((a.start, a.end), (b.start + shift, b.end + shift));
        assert_eq!(a.suffix, b.suffix);
    }
    assert_found(&new, &anns);
    let Kind::Quote(q) = &anns[1].kind else {
        panic!("not a quote")
    };
    let cue = q.cue.unwrap();
    assert_eq!(new.slice(cue.start..cue.end), "said");
    assert_eq!(
        new.slice(q.more[0].start..q.more[0].end),
        "Russia’s military deployment continues"
    );
}

#[test]
fn changed_word_inside_a_span_is_a_fuzzy_match_that_keeps_the_old_exact() {
    let old = ArticleText::from_raw(SAMPLE);
    let mut anns = annotate(&old);
    let new = ArticleText::new(SAMPLE.replace("seriously undermine", "gravely undermine"));
    let report = reanchor(&new, &mut anns);
    let Outcome::Fuzzy { score } = outcome(&report, 5) else {
        panic!("{:?}", report.outcomes)
    };
    assert!((0.9..1.0).contains(&score), "{score}");
    let a = anns.iter().find(|a| a.id == AnnotationId(5)).unwrap();
    assert_eq!(
        new.slice(a.start..a.end),
        AGGRESSIVE.replace("seriously", "gravely")
    );
    assert_eq!(a.exact, AGGRESSIVE, "old text kept for review");
    assert!(
        report.summary().contains("1 fuzzy (0.9"),
        "{}",
        report.summary()
    );
    // The annotations before the edit stay exact; those after it move (the text got shorter).
    assert_eq!(outcome(&report, 3), Outcome::Exact);
    assert_eq!(outcome(&report, 6), Outcome::Moved { candidates: 1 });
    // Accepting the match refreshes the selector; then everything is exact again.
    let i = anns.iter().position(|a| a.id == AnnotationId(5)).unwrap();
    let span = anns[i].span();
    newsmark::model::anchor::reattach(&new, &mut anns[i], span);
    assert!(reanchor(&new, &mut anns).all_exact());
}

#[test]
fn deleted_paragraph_leaves_its_annotations_as_orphans() {
    let old = ArticleText::from_raw(SAMPLE);
    let mut anns = annotate(&old);
    // The paragraph holding AGGRESSIVE: between the blank lines around it.
    let text = old.as_str();
    let at = text.find(AGGRESSIVE).unwrap();
    let from = text[..at].rfind("\n\n").map_or(0, |b| b + 2);
    let to = text[at..].find("\n\n").map_or(text.len(), |b| at + b);
    let para = text[..from].chars().count()..text[..to].chars().count();
    let removed = old.slice(para.start..para.end + 2).to_owned();
    let new = ArticleText::new(SAMPLE.replacen(&removed, "", 1));
    let report = reanchor(&new, &mut anns);
    assert_eq!(
        outcome(&report, 4),
        Outcome::Orphan,
        "{:?}",
        report.outcomes
    );
    assert_eq!(outcome(&report, 5), Outcome::Orphan);
    assert_eq!(report.summary(), "3 exact, 2 moved, 2 orphan");
    // The later mention of Stoltenberg is moved to its own occurrence, not to another one.
    let removed_chars = removed.chars().count();
    let before = annotate(&old);
    for id in [6, 7] {
        let a = anns.iter().find(|a| a.id == AnnotationId(id)).unwrap();
        let b = before.iter().find(|b| b.id == AnnotationId(id)).unwrap();
        assert_eq!(a.start, b.start - removed_chars);
        assert_eq!(outcome(&report, id), Outcome::Moved { candidates: 1 });
    }
    // Orphans are kept, with offsets inside the text.
    assert_eq!(anns.len(), 7);
    assert!(
        anns.iter()
            .all(|a| a.start <= a.end && a.end <= new.len_chars())
    );
}

#[test]
fn duplicated_sentence_picks_the_occurrence_nearest_the_old_position() {
    let old = ArticleText::from_raw(SAMPLE);
    let mut anns = annotate(&old);
    let troops = anns
        .iter()
        .find(|a| a.id == AnnotationId(3))
        .unwrap()
        .clone();
    // A heading is added and, further down, the sentence was pasted a second time.
    let sentence = "Russia’s military deployment continues with tens of thousands of troops and heavy weapons, as well as threatening rhetoric.";
    let heading = "UPDATED\n\n";
    let new = ArticleText::new(format!(
        "{heading}{}",
        SAMPLE.replacen("Nevertheless,", &format!("{sentence}\n\nNevertheless,"), 1)
    ));
    let report = reanchor(&new, &mut anns);
    assert_eq!(outcome(&report, 3), Outcome::Moved { candidates: 2 });
    let a = anns.iter().find(|a| a.id == AnnotationId(3)).unwrap();
    assert_eq!(a.start, troops.start + heading.chars().count());
    assert!(
        report.summary().contains("(1 ambiguous)"),
        "{}",
        report.summary()
    );
    assert_eq!(report.to_review(), [AnnotationId(3)]);
}

// ---- property: edits outside every span never lose an annotation ----

const ALPHABET: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u',
    ' ', ' ', '\n', 'é', '“', '”', '😀',
];
/// Inserted text never contains the annotated alphabet, so it cannot create a new occurrence.
const INSERTED: &[char] = &['Ж', 'Ω', '日', '\u{301}', '0'];

#[derive(Clone, Debug)]
enum TextEdit {
    Insert(usize, Vec<char>),
    Delete(usize, usize),
}

fn text_strategy() -> impl Strategy<Value = Vec<char>> {
    prop::collection::vec(prop::sample::select(ALPHABET), 100..600)
}

fn edits_strategy() -> impl Strategy<Value = Vec<TextEdit>> {
    let edit = prop_oneof![
        (
            0usize..600,
            prop::collection::vec(prop::sample::select(INSERTED), 1..40)
        )
            .prop_map(|(at, s)| TextEdit::Insert(at, s)),
        (0usize..600, 1usize..40).prop_map(|(at, n)| TextEdit::Delete(at, n)),
    ];
    prop::collection::vec(edit, 0..12)
}

/// Applies the edits that stay clear of `protected` (char ranges of the old text where no
/// insertion point may fall strictly inside and no deletion may overlap) and do not overlap each
/// other; returns the new text and a map old position -> new position for kept positions.
fn apply_outside(
    old: &[char],
    edits: &[TextEdit],
    protected: &[(usize, usize)],
) -> (Vec<char>, impl Fn(usize) -> usize) {
    let mut kept: Vec<(usize, usize, Vec<char>)> = Vec::new(); // (at, deleted, inserted)
    for e in edits {
        let (at, del, ins) = match e {
            TextEdit::Insert(at, s) => (*at % (old.len() + 1), 0, s.clone()),
            TextEdit::Delete(at, n) => {
                let at = *at % (old.len() + 1);
                (at, (*n).min(old.len() - at), Vec::new())
            }
        };
        let clash_protected = protected.iter().any(|&(s, e)| {
            if del == 0 {
                s < at && at < e
            } else {
                at < e && s < at + del
            }
        });
        let clash_other = kept
            .iter()
            .any(|(a, d, _)| at < a + d.max(&1) && *a < at + del.max(1));
        if !clash_protected && !clash_other {
            kept.push((at, del, ins));
        }
    }
    kept.sort_by_key(|k| k.0);
    let mut new = Vec::new();
    let mut pos = 0;
    for (at, del, ins) in &kept {
        new.extend_from_slice(&old[pos..*at]);
        new.extend_from_slice(ins);
        pos = at + del;
    }
    new.extend_from_slice(&old[pos..]);
    let map = move |p: usize| {
        let mut q = p as isize;
        for (at, del, ins) in &kept {
            // Edits wholly before p (an insertion at p goes before it) shift it.
            if at + del <= p {
                q += ins.len() as isize - *del as isize;
            }
        }
        q as usize
    };
    (new, map)
}

fn occurrences(hay: &str, needle: &str) -> usize {
    (0..hay.len())
        .filter(|&i| hay.is_char_boundary(i) && hay[i..].starts_with(needle))
        .count()
}

fn check(
    old: Vec<char>,
    spans: Vec<(usize, usize)>,
    edits: Vec<TextEdit>,
    min_len: usize,
    suffix_margin: usize,
) {
    let old_text = ArticleText::new(old.iter().collect());
    let mut anns: Vec<Annotation> = spans
        .iter()
        .enumerate()
        .map(|(i, &(s, n))| {
            let s = s % old.len();
            let span = Span::new(s, (s + n).min(old.len()));
            make_annotation(
                &old_text,
                AnnotationId(i as u32 + 1),
                span,
                KindTag::Claim.with_speaker(None),
            )
        })
        .filter(|a| a.exact.chars().count() >= min_len.max(1))
        .collect();
    let protected: Vec<(usize, usize)> = anns
        .iter()
        .map(|a| {
            (
                a.start,
                a.end + suffix_margin + usize::from(suffix_margin > 0),
            )
        })
        .collect();
    let (new, map) = apply_outside(&old, &edits, &protected);
    let new_text = ArticleText::new(new.iter().collect());
    let expected: Vec<usize> = anns.iter().map(|a| map(a.start)).collect();
    let report = reanchor(&new_text, &mut anns);
    for (a, want) in anns.iter().zip(expected) {
        let o = report.outcome(a.id).unwrap();
        assert!(
            matches!(o, Outcome::Exact | Outcome::Moved { .. }),
            "{:?} {o:?} {:?}",
            a.id,
            a.exact
        );
        assert_eq!(new_text.slice(a.start..a.end), a.exact);
        if occurrences(new_text.as_str(), &a.exact) == 1 {
            assert_eq!(a.start, want, "{:?}", a.exact);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Long selectors (≥ 32 code points) are found whatever happens around them.
    #[test]
    fn long_spans_survive_any_edit_outside_them(
        old in text_strategy(),
        spans in prop::collection::vec((0usize..600, 32usize..90), 1..8),
        edits in edits_strategy(),
    ) {
        check(old, spans, edits, newsmark::model::annotation::CONTEXT_CHARS, 0);
    }

    /// Short selectors are trusted on their context: edits keep clear of the text right after.
    #[test]
    fn short_spans_survive_edits_that_keep_one_side_of_context(
        old in text_strategy(),
        spans in prop::collection::vec((0usize..600, 3usize..32), 1..8),
        edits in edits_strategy(),
    ) {
        check(old, spans, edits, 1, newsmark::model::annotation::CONTEXT_CHARS);
    }
}
