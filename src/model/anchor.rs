//! Re-anchoring: finding every annotation again after the article text changed.
//!
//! Each annotation keeps a W3C-style selector: its position (`start..end`, code points) and its
//! quote (`exact`, with up to [`CONTEXT_CHARS`] code points of `prefix` and `suffix`).
//! [`reanchor`] tries, in order:
//!
//! 1. **Exact** — `exact` is still at `start` (for a selector shorter than [`CONTEXT_CHARS`],
//!    with its context agreeing, see 2). Nothing moves; only `prefix`/`suffix` are refreshed. With an unchanged text this is the only step taken (a slice comparison per
//!    annotation).
//! 2. **Moved** — `exact` occurs elsewhere: the occurrence nearest the *expected* position wins.
//!    The expected position is the old `start` shifted by as much as the preceding annotation
//!    (in text order) moved, so a paragraph inserted at the top costs one local search per
//!    annotation. The search starts within [`NEAR_CHARS`] code points and widens until something
//!    is found. `candidates` counts the plausible occurrences in that searched window; more than
//!    one means "picked the one nearest the old position". An `exact` shorter than [`CONTEXT_CHARS`]
//!    (a name such as "Stoltenberg" occurs all over an article) is only moved to an occurrence
//!    whose surrounding text still agrees with `prefix` or `suffix` (at least
//!    half similar on one side), and only such occurrences count as candidates; otherwise a
//!    mention from a deleted paragraph would silently jump to another mention, and every moved
//!    "Stoltenberg" would be reported as ambiguous.
//! 3. **Fuzzy** — `exact` matches approximately (edit distance, code points) in a window around
//!    the expected position with score `1 - distance / len(exact)` ≥ [`FUZZY_THRESHOLD`]; ties
//!    are broken by context similarity, then by nearness. The span moves to the match, but
//!    `exact`, `prefix` and `suffix` are **kept** as they were: they are what the user
//!    annotated, the UI can show "was / now" for review, re-anchoring again gives the same
//!    answer, and accepting the match is `reattach(text, a, a.span())`.
//! 4. **Orphan** — nothing found. The annotation stays, its offsets clamped into the text, for
//!    the user to re-attach ([`reattach`]); never a silent guess.
//!
//! The extra spans of a quote (`cue`, `more`) move by the same amount as the main span; those
//! that would end up outside the text are dropped and counted in
//! [`AnchorReport::dropped_spans`].
//!
//! A selector read from another tool may have no position at all (a W3C `TextQuoteSelector`
//! alone): [`find_quote`] is step 2 for it, the context choosing among the occurrences.

pub mod facts;
mod fuzzy;
mod quote;
mod report;
mod validate;

pub use quote::{QuoteMatch, find_quote, find_quote_normalized};
pub use report::{AnchorReport, Outcome};
pub use validate::validate;

pub use fuzzy::FUZZY_SLACK_CHARS;

use memchr::memmem;

use super::annotation::{Annotation, CONTEXT_CHARS, Kind, Span};
use super::text::ArticleText;

/// Lowest score a fuzzy match needs: at most one edit per five code points of `exact`.
///
/// 0.8 accepts a corrected typo, a changed word or two in a sentence-long quote, or re-typed
/// quotation marks, while a different sentence of similar length scores far lower (typically
/// below 0.5). Selectors shorter than five code points are never matched fuzzily.
pub const FUZZY_THRESHOLD: f32 = 0.8;

/// Radius, in code points, of the first window searched for exact occurrences.
pub const NEAR_CHARS: usize = 2048;

/// Finds every annotation again in `text` and updates its offsets (see the module docs for the
/// rules). Annotations are never removed; orphans keep their old offsets, clamped.
pub fn reanchor(text: &ArticleText, annotations: &mut [Annotation]) -> AnchorReport {
    // Work in text order so that each annotation can expect the shift of the one before it.
    let mut order: Vec<usize> = (0..annotations.len()).collect();
    order.sort_by_key(|&i| annotations.get(i).map(|a| (a.start, a.end)));
    let mut outcomes = vec![Outcome::Orphan; annotations.len()];
    let mut report = AnchorReport::default();
    let mut shift: isize = 0;
    for i in order {
        let Some(a) = annotations.get_mut(i) else {
            continue;
        };
        let (outcome, moved_by, dropped) = anchor_one(text, a, shift);
        if let Some(d) = moved_by {
            shift = d;
        }
        report.dropped_spans += dropped;
        if let Some(slot) = outcomes.get_mut(i) {
            *slot = outcome;
        }
    }
    for (a, outcome) in annotations.iter().zip(outcomes) {
        match outcome {
            Outcome::Exact => report.exact += 1,
            Outcome::Moved { .. } => report.moved += 1,
            Outcome::Fuzzy { .. } => report.fuzzy += 1,
            Outcome::Orphan => report.orphan += 1,
        }
        report.outcomes.push((a.id, outcome));
    }
    report
}

/// Attaches an annotation to a span the user chose (an orphan, or accepting a fuzzy match):
/// sets the offsets and takes `exact`, `prefix` and `suffix` from the text. Quote extra spans
/// are left where they are, except those outside the text, which are dropped.
pub fn reattach(text: &ArticleText, a: &mut Annotation, span: Span) {
    let len = text.len_chars();
    let span = Span::new(span.start.min(len), span.end.min(len));
    a.start = span.start;
    a.end = span.end;
    a.exact = text.slice(span.start..span.end).to_owned();
    refresh_context(text, a);
    shift_extras(&mut a.kind, 0, len);
}

/// Re-anchors one annotation; returns the outcome, how far it moved (if found) and how many
/// extra spans were dropped.
fn anchor_one(
    text: &ArticleText,
    a: &mut Annotation,
    shift: isize,
) -> (Outcome, Option<isize>, usize) {
    let len = text.len_chars();
    let old = a.start;
    if a.exact.is_empty() {
        // Nothing to search for: an empty span is kept where it is if it still fits.
        if a.start == a.end && a.start <= len {
            refresh_context(text, a);
            return (Outcome::Exact, Some(0), shift_extras(&mut a.kind, 0, len));
        }
        return (Outcome::Orphan, None, orphan(a, len));
    }
    let exact_len = a.exact.chars().count();
    // A short selector at its old place could be another "NATO" that slid there: its context
    // must agree too (an equality test when the text is unchanged).
    if a.start <= len
        && text
            .as_str()
            .get(text.byte_of(a.start)..)
            .is_some_and(|rest| rest.starts_with(a.exact.as_str()))
        && (exact_len >= CONTEXT_CHARS
            || fuzzy::context_similarity(text, a.start, a.start + exact_len, &a.prefix, &a.suffix)
                >= fuzzy::CONTEXT_SUPPORT)
    {
        a.end = a.start + exact_len;
        refresh_context(text, a);
        return (Outcome::Exact, Some(0), shift_extras(&mut a.kind, 0, len));
    }
    let expected = old.saturating_add_signed(shift).min(len);
    if let Some((start, candidates)) = nearest_exact(text, a, expected) {
        let moved_by = signed_diff(start, old);
        a.start = start;
        a.end = start + exact_len;
        refresh_context(text, a);
        let dropped = shift_extras(&mut a.kind, moved_by, len);
        return (Outcome::Moved { candidates }, Some(moved_by), dropped);
    }
    if let Some(m) = fuzzy::find(
        text,
        &a.exact,
        &a.prefix,
        &a.suffix,
        expected,
        CONTEXT_CHARS,
    ) {
        let moved_by = signed_diff(m.start, old);
        a.start = m.start;
        a.end = m.end;
        let dropped = shift_extras(&mut a.kind, moved_by, len);
        return (Outcome::Fuzzy { score: m.score }, Some(moved_by), dropped);
    }
    (Outcome::Orphan, None, orphan(a, len))
}

/// `a - b` as a signed shift (saturating; offsets never come near `isize::MAX` in practice).
fn signed_diff(a: usize, b: usize) -> isize {
    if a >= b {
        isize::try_from(a - b).unwrap_or(isize::MAX)
    } else {
        isize::try_from(b - a).map_or(isize::MIN, |d| -d)
    }
}

/// Leaves an orphan where it was, clamped into the text; returns the dropped extra spans.
fn orphan(a: &mut Annotation, len: usize) -> usize {
    a.start = a.start.min(len);
    a.end = a.end.clamp(a.start, len);
    shift_extras(&mut a.kind, 0, len)
}

/// Takes `prefix` and `suffix` from the text around the annotation's current span.
fn refresh_context(text: &ArticleText, a: &mut Annotation) {
    a.prefix = text.prefix_of(a.start, CONTEXT_CHARS).to_owned();
    a.suffix = text.suffix_of(a.end, CONTEXT_CHARS).to_owned();
}

/// Moves a quote's cue and continuation spans by `by`; drops those that end up outside
/// `0..=len` or are reversed. Returns how many were dropped.
fn shift_extras(kind: &mut Kind, by: isize, len: usize) -> usize {
    let Kind::Quote(q) = kind else {
        return 0;
    };
    let mut dropped = 0;
    if let Some(cue) = q.cue {
        q.cue = shift_span(cue, by, len);
        dropped += usize::from(q.cue.is_none());
    }
    let before = q.more.len();
    q.more = q
        .more
        .iter()
        .filter_map(|s| shift_span(*s, by, len))
        .collect();
    dropped + (before - q.more.len())
}

/// `s` moved by `by`, if it is still a forward span inside `0..=len`.
fn shift_span(s: Span, by: isize, len: usize) -> Option<Span> {
    if s.start > s.end {
        return None;
    }
    let start = s.start.checked_add_signed(by)?;
    let end = s.end.checked_add_signed(by)?;
    (end <= len).then_some(Span { start, end })
}

/// The occurrence of `a.exact` nearest `expected` (code points) and the number of plausible
/// occurrences in the searched window. For a short selector only occurrences whose context
/// agrees are plausible, so the other mentions of the same name do not count as candidates.
fn nearest_exact(text: &ArticleText, a: &Annotation, expected: usize) -> Option<(usize, usize)> {
    let hay = text.as_str().as_bytes();
    let needle = a.exact.as_bytes();
    let finder = memmem::Finder::new(needle);
    let len = text.len_chars();
    let short = a.exact.chars().count() < CONTEXT_CHARS;
    let mut radius = NEAR_CHARS;
    loop {
        let lo_c = expected.saturating_sub(radius);
        let hi_c = expected.saturating_add(radius).min(len);
        let lo = text.byte_of(lo_c);
        let hi = text.byte_of(hi_c);
        let end = hi.saturating_add(needle.len()).min(hay.len());
        let window = hay.get(lo..end).unwrap_or_default();
        // Every occurrence starting in lo..=hi, overlapping ones included, by distance.
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut from = 0;
        while let Some(off) = window.get(from..).and_then(|w| finder.find(w)) {
            let b = lo + from + off;
            if b > hi {
                break;
            }
            let c = text.char_of(b);
            found.push((c.abs_diff(expected), c));
            from += off + 1;
        }
        found.sort_unstable();
        let exact_len = a.exact.chars().count();
        let plausible: Vec<usize> = found
            .iter()
            .map(|&(_, c)| c)
            .filter(|&c| {
                !short
                    || fuzzy::context_similarity(text, c, c + exact_len, &a.prefix, &a.suffix)
                        >= fuzzy::CONTEXT_SUPPORT
            })
            .collect();
        if let Some(&c) = plausible.first() {
            return Some((c, plausible.len()));
        }
        if lo_c == 0 && hi_c == len {
            return None;
        }
        radius = radius.saturating_mul(4);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{AnnotationId, KindTag, Quote};
    use crate::model::session::make_annotation;

    fn quote(text: &ArticleText, id: u32, span: Span, cue: Span) -> Annotation {
        let mut a = make_annotation(
            text,
            AnnotationId(id),
            span,
            KindTag::Quote.with_speaker(None),
        );
        a.kind = Kind::Quote(Quote {
            cue: Some(cue),
            more: vec![Span::new(cue.end + 1, cue.end + 3)],
            ..Quote::default()
        });
        a
    }

    #[test]
    fn unchanged_text_is_all_exact() {
        let text = ArticleText::new("“We regret that,” Stoltenberg said. Yes.".into());
        let mut anns = vec![quote(&text, 1, Span::new(0, 17), Span::new(30, 34))];
        let report = reanchor(&text, &mut anns);
        assert!(report.all_exact(), "{report:?}");
        assert_eq!(report.summary(), "1 exact");
    }

    #[test]
    fn insertion_moves_main_and_extra_spans_by_the_same_amount() {
        let old = ArticleText::new("“We regret that,” Stoltenberg said. Yes.".into());
        let mut anns = vec![quote(&old, 1, Span::new(0, 17), Span::new(30, 34))];
        let new = ArticleText::new(format!("Headline 😀\n\n{}", old.as_str()));
        let report = reanchor(&new, &mut anns);
        assert_eq!(
            report.outcomes,
            [(AnnotationId(1), Outcome::Moved { candidates: 1 })]
        );
        let a = &anns[0];
        assert_eq!((a.start, a.end), (12, 29));
        let Kind::Quote(q) = &a.kind else { panic!() };
        assert_eq!(
            q.cue
                .map(|c| new.slice(c.start..c.end).to_owned())
                .as_deref(),
            Some("said")
        );
        assert_eq!(q.more, [Span::new(47, 49)]);
        assert_eq!(a.prefix, "Headline 😀\n\n");
    }

    #[test]
    fn out_of_range_offsets_become_clamped_orphans_and_extras_are_dropped() {
        let text = ArticleText::new("short".into());
        let mut a = quote(&text, 1, Span::new(0, 5), Span::new(0, 1));
        a.exact = "something else entirely".into();
        a.start = 1000;
        a.end = 10;
        a.kind = Kind::Quote(Quote {
            cue: Some(Span {
                start: 900,
                end: 901,
            }),
            more: vec![Span { start: 3, end: 1 }, Span::new(1, 2)],
            ..Quote::default()
        });
        let mut anns = vec![a];
        let report = reanchor(&text, &mut anns);
        assert_eq!(report.orphan, 1);
        assert_eq!(report.dropped_spans, 2);
        assert_eq!((anns[0].start, anns[0].end), (5, 5));
        assert_eq!(report.summary(), "1 orphan, 2 cue/part span(s) dropped");
    }

    #[test]
    fn reattach_takes_text_and_context() {
        let text = ArticleText::new("Stoltenberg said so.".into());
        let mut a = make_annotation(
            &text,
            AnnotationId(1),
            Span::new(0, 3),
            KindTag::Mention.with_speaker(None),
        );
        reattach(&text, &mut a, Span::new(99, 12));
        assert_eq!((a.start, a.end, a.exact.as_str()), (12, 20, "said so."));
        assert_eq!((a.prefix.as_str(), a.suffix.as_str()), ("Stoltenberg ", ""));
    }
}
