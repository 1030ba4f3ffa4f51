use super::*;
use crate::model::annotation::{Quote, QuoteType, Verdict};
use crate::model::edit::Edit;
use crate::model::history::History;
use crate::model::session::{ArticleRef, make_annotation};
use crate::model::speaker::{Speaker, SpeakerId};
use crate::model::text::ArticleText;

/// Emoji, a flag and combining marks before the spans, so byte offsets would be wrong.
const TEXT: &str = "Zoë 😀 said “we regret 🇳🇴 that”. Ана\u{301} noted it. A claim stands here.";

fn text() -> ArticleText {
    ArticleText::new(TEXT.into())
}

/// Code-point span of the first `needle` in [`TEXT`].
fn span(needle: &str) -> Span {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

fn session(speakers: &[(u32, &str)]) -> Session {
    let mut s = Session::new(ArticleRef::default());
    for &(id, name) in speakers {
        s.speakers.push(Speaker::new(SpeakerId(id), name));
    }
    s
}

fn add(s: &mut Session, id: u32, needle: &str, kind: Kind) -> AnnotationId {
    let a = make_annotation(&text(), AnnotationId(id), span(needle), kind);
    Edit::InsertAnnotation(a).apply(s).unwrap();
    AnnotationId(id)
}

fn quote(speaker: Option<u32>, cue: Option<&str>) -> Kind {
    Kind::Quote(Quote {
        speaker: speaker.map(SpeakerId),
        cue: cue.map(span),
        ..Quote::default()
    })
}

/// A: Zoë's quote with cue "said", a claim, a mention of Zoë. B (other ids, other registry):
/// the same quote by "zoë" (same person) with cue "said", the claim with a verdict, a shorter
/// mention, and a quote A does not have.
fn pair() -> (Session, Session) {
    let mut a = session(&[(1, "Zoë")]);
    add(
        &mut a,
        1,
        "“we regret 🇳🇴 that”",
        quote(Some(1), Some("said")),
    );
    add(
        &mut a,
        2,
        "A claim stands here",
        KindTag::Claim.with_speaker(None),
    );
    add(
        &mut a,
        3,
        "Zoë 😀",
        KindTag::Mention.with_speaker(Some(SpeakerId(1))),
    );
    let mut b = session(&[(7, "zoë"), (8, "Ана\u{301}")]);
    add(
        &mut b,
        10,
        "“we regret 🇳🇴 that”",
        quote(Some(7), Some("said")),
    );
    let mut claim = KindTag::Claim.with_speaker(None);
    if let Kind::Claim(c) = &mut claim {
        c.verdict = Verdict::True;
    }
    add(&mut b, 11, "A claim stands here", claim);
    add(
        &mut b,
        12,
        "Zoë",
        KindTag::Mention.with_speaker(Some(SpeakerId(7))),
    );
    add(&mut b, 13, "noted it", quote(Some(8), None));
    (a, b)
}

fn status_of(items: &[Item]) -> Vec<(Status, Option<u32>, Option<u32>)> {
    items
        .iter()
        .map(|i| (i.status, i.a.map(|x| x.0), i.b.map(|x| x.0)))
        .collect()
}

#[test]
fn aligns_agreements_conflicts_and_one_sided_items_in_text_order() {
    let (a, b) = pair();
    let items = align(&a, &b);
    assert_eq!(
        status_of(&items),
        [
            (Status::Conflict, Some(3), Some(12)),
            (Status::Agree, Some(1), Some(10)),
            (Status::OnlyB, None, Some(13)),
            (Status::Conflict, Some(2), Some(11)),
        ]
    );
    assert_eq!(items[0].differs, ["span"]);
    assert_eq!(items[0].span, span("Zoë 😀"));
    assert_eq!(items[0].span, Span::new(0, 5), "code points, not bytes");
    assert_eq!(items[3].differs, ["verdict"]);
    assert_eq!(counts(&items), [1, 0, 1, 2]);
}

#[test]
fn identical_spans_with_another_speaker_or_cue_conflict_and_other_kinds_are_one_sided() {
    let mut a = session(&[(1, "Zoë"), (2, "Bo")]);
    add(
        &mut a,
        1,
        "“we regret 🇳🇴 that”",
        quote(Some(2), Some("said")),
    );
    add(&mut a, 2, "noted it", KindTag::Claim.with_speaker(None));
    let mut b = session(&[(1, "Zoë")]);
    let mut q = quote(Some(1), None);
    if let Kind::Quote(q) = &mut q {
        q.quote_type = QuoteType::Indirect;
    }
    add(&mut b, 1, "“we regret 🇳🇴 that”", q);
    add(&mut b, 2, "noted it", KindTag::Mention.with_speaker(None));
    let items = align(&a, &b);
    assert_eq!(items[0].status, Status::Conflict);
    assert_eq!(items[0].differs, ["speaker", "quote type", "cue"]);
    assert_eq!(
        status_of(&items)[1..],
        [
            (Status::OnlyA, Some(2), None),
            (Status::OnlyB, None, Some(2)),
        ]
    );
}

#[test]
fn an_exact_agreement_is_preferred_over_a_conflicting_twin() {
    let mut a = session(&[(1, "Zoë"), (2, "Bo")]);
    add(&mut a, 1, "noted it", quote(Some(2), None));
    add(&mut a, 2, "noted it", quote(Some(1), None));
    let mut b = session(&[(5, "Zoë")]);
    add(&mut b, 9, "noted it", quote(Some(5), None));
    let items = align(&a, &b);
    assert_eq!(
        status_of(&items),
        [
            (Status::OnlyA, Some(1), None),
            (Status::Agree, Some(2), Some(9))
        ]
    );
}

/// Applies the decision on item `i` through a history, as the window does.
fn decide(a: &mut Session, b: &Session, h: &mut History, item: &Item, d: Decision) -> String {
    let (edit, label) = decision_edit(a, b, item, d).unwrap();
    h.apply(a, edit, label.clone()).unwrap();
    label
}

#[test]
fn take_b_replaces_a_version_and_one_undo_restores_it() {
    let (mut a, b) = pair();
    let items = align(&a, &b);
    let before = a.clone();
    let mut h = History::default();
    let label = decide(&mut a, &b, &mut h, &items[3], Decision::TakeB);
    assert_eq!(label, "take B's claim #11");
    let claim = a.annotation(AnnotationId(2)).unwrap();
    assert!(matches!(&claim.kind, Kind::Claim(c) if c.verdict == Verdict::True));
    assert_eq!(align(&a, &b)[3].status, Status::Agree);
    h.undo(&mut a).unwrap();
    assert_eq!(a, before);
}

#[test]
fn take_b_of_a_quote_by_someone_new_adds_the_speaker_and_both_keeps_a_version() {
    let (mut a, b) = pair();
    let items = align(&a, &b);
    let mut h = History::default();
    // Only B's quote of Ана́: A has no such speaker yet.
    let label = decide(&mut a, &b, &mut h, &items[2], Decision::TakeB);
    assert_eq!(label, "take B's quote #13");
    let new = a.speaker_called("Ана\u{301}").unwrap().id;
    assert_eq!(new, SpeakerId(2));
    let q = a.annotation(AnnotationId(4)).unwrap();
    assert_eq!((q.span(), q.kind.speaker()), (span("noted it"), Some(new)));
    assert_eq!(q.exact, "noted it");
    // Both on the mention conflict: A's stays, B's comes beside it with Zoë of A.
    let label = decide(&mut a, &b, &mut h, &items[0], Decision::Both);
    assert_eq!(label, "add B's mention #12 beside A's #3");
    assert_eq!(
        a.annotation(AnnotationId(3)).unwrap().span(),
        span("Zoë 😀")
    );
    let m = a.annotation(AnnotationId(5)).unwrap();
    assert_eq!(
        (m.span(), m.kind.speaker()),
        (span("Zoë"), Some(SpeakerId(1)))
    );
    assert_eq!(a.speakers.len(), 2);
    // Each decision is one undo step.
    h.undo(&mut a).unwrap();
    assert!(a.annotation(AnnotationId(5)).is_none());
    assert!(a.annotation(AnnotationId(4)).is_some());
    h.undo(&mut a).unwrap();
    assert_eq!(a, pair().0);
}

#[test]
fn take_a_changes_nothing_and_take_b_of_only_a_removes_it() {
    let mut a = session(&[]);
    add(&mut a, 1, "noted it", KindTag::Claim.with_speaker(None));
    let b = session(&[]);
    let items = align(&a, &b);
    let (edit, label) = decision_edit(&a, &b, &items[0], Decision::TakeA).unwrap();
    assert_eq!(label, "keep A's claim #1");
    let mut kept = a.clone();
    edit.apply(&mut kept).unwrap();
    assert_eq!(kept, a);
    let (edit, label) = decision_edit(&a, &b, &items[0], Decision::TakeB).unwrap();
    assert_eq!(label, "drop A's claim #1");
    edit.apply(&mut kept).unwrap();
    assert!(kept.annotations.is_empty());
}

#[test]
fn an_agreement_has_nothing_to_decide() {
    let (a, b) = pair();
    let items = align(&a, &b);
    assert_eq!(decision_edit(&a, &b, &items[1], Decision::TakeB), None);
}

#[test]
fn decisions_follow_undo_and_redo_and_are_forgotten_when_a_new_step_replaces_them() {
    let (a, b) = pair();
    let items = align(&a, &b);
    let mut d = Decisions::new(items.len());
    assert_eq!(d.left(&items, 0), 3);
    assert_eq!(d.next_open(&items, None, 0), Some(0));
    d.record(0, Decision::TakeA, 1);
    d.record(2, Decision::Both, 2);
    assert_eq!(d.left(&items, 2), 1);
    assert_eq!(d.next_open(&items, Some(0), 2), Some(3));
    // Undo one step: item 2 is open again; redo: decided again.
    assert_eq!(d.get(2, 1), None);
    assert_eq!(d.left(&items, 1), 2);
    assert_eq!(d.get(2, 2), Some(Decision::Both));
    // Undo, then another edit: the undone decision is gone for good.
    d.forget_above(1);
    assert_eq!(d.get(2, 2), None);
    assert_eq!(d.get(0, 2), Some(Decision::TakeA));
}
