//! Placing a target's (or cue's) selectors on the article with the model's re-anchoring: a
//! position with its quote through [`anchor::reanchor`] (exact at the position → nearest exact
//! occurrence → fuzzy → not found), a quote alone through [`anchor::find_quote`]. Wherever the
//! selectors do not agree, the result says what was done.

use crate::io::formats::quote_input as q;
use crate::model::anchor::{self, Outcome};
use crate::model::annotation::{Annotation, AnnotationId, CONTEXT_CHARS, Kind, Mention, Span};
use crate::model::text::ArticleText;

use super::json::Selector;

/// Where a target landed.
pub(super) enum Placed {
    /// Where its selectors agree: nothing to report.
    Kept(Span),
    /// Placed although its selectors did not agree; the note says where and why.
    Noted(Span, String),
    /// Not placed; why.
    Dropped(String),
}

/// Places a resource's first `TextPositionSelector` and first `TextQuoteSelector` (the
/// selectors of one resource describe the same text). A position that ends before it starts or
/// beyond the text counts as none; so does an empty quote.
pub(super) fn place(text: &ArticleText, selectors: &[Selector]) -> Placed {
    let mut position = None;
    let mut quote = None;
    for s in selectors {
        match s {
            Selector::Position { refined, .. } | Selector::Quote { refined, .. }
                if refined.is_some() =>
            {
                return Placed::Dropped(
                    "its selector is refined by another (refinedBy), which newsmark does not \
                     read"
                        .into(),
                );
            }
            Selector::Position { start, end, .. } => {
                position = position.or(Some((*start, *end)));
            }
            Selector::Quote {
                exact,
                prefix,
                suffix,
                ..
            } if !exact.is_empty() => {
                quote = quote.or(Some((exact.as_str(), prefix.as_deref(), suffix.as_deref())));
            }
            _ => {}
        }
    }
    let len = text.len_chars();
    let bad = position.filter(|&(s, e)| s > e || e > len).map(|(s, e)| {
        if s > e {
            format!("its position {s}..{e} ends before it starts")
        } else {
            format!("its position {s}..{e} lies outside the article ({len} code points)")
        }
    });
    let position = position
        .filter(|&(s, e)| s <= e && e <= len)
        .map(|(start, end)| Span { start, end });
    match (position, quote, bad) {
        (Some(p), None, _) => Placed::Kept(p),
        (Some(p), Some(quote), _) => reanchored(text, p, quote),
        (None, Some(quote), bad) => by_quote(text, quote, bad),
        (None, None, Some(bad)) => Placed::Dropped(bad),
        (None, None, None) => Placed::Dropped(
            "it has neither a TextPositionSelector nor a TextQuoteSelector with text (other \
             selectors are not read)"
                .into(),
        ),
    }
}

/// A quote selector's `exact`, `prefix` and `suffix`.
type QuoteParts<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

/// A quote alone, or beside a position that is none (`bad` says why).
fn by_quote(
    text: &ArticleText,
    (exact, prefix, suffix): QuoteParts,
    bad: Option<String>,
) -> Placed {
    let (prefix, suffix) = (prefix.unwrap_or_default(), suffix.unwrap_or_default());
    let and = bad.map(|b| format!("{b}, and ")).unwrap_or_default();
    let found = anchor::find_quote(text, exact, prefix, suffix);
    let normalized = found.is_none();
    let Some(m) = found.or_else(|| anchor::find_quote_normalized(text, exact, prefix, suffix))
    else {
        let context = if prefix.is_empty() && suffix.is_empty() {
            ""
        } else {
            " where its prefix or suffix fits"
        };
        return Placed::Dropped(format!(
            "{and}its quote “{}” is not in the article{context}",
            q(exact)
        ));
    };
    let at = format!("{}..{}", m.span.start, m.span.end);
    if normalized {
        return Placed::Noted(
            m.span,
            format!(
                "{and}moved (normalized): its quote “{}” matched only with quotation marks, \
                 dashes and white space made plain, at {at}",
                q(exact)
            ),
        );
    }
    Placed::Noted(
        m.span,
        match m.ties {
            1 if and.is_empty() => return Placed::Kept(m.span),
            1 => format!("{and}it was placed by its quote, at {at}"),
            n => format!(
                "{and}its quote “{}” occurs {n} times that its prefix and suffix do not tell apart; \
             it was placed on the first, at {at}",
                q(exact)
            ),
        },
    )
}

/// A position with its quote, through the model's re-anchoring. A quote with neither prefix
/// nor suffix borrows the position's context, so that a short quote is still found near its
/// position (one whose position is a little off, say) but not at the far end of the text.
fn reanchored(text: &ArticleText, p: Span, (exact, prefix, suffix): QuoteParts) -> Placed {
    let (prefix, suffix) = match (prefix, suffix) {
        (None, None) => (
            text.prefix_of(p.start, CONTEXT_CHARS),
            text.suffix_of(p.end, CONTEXT_CHARS),
        ),
        (p, s) => (p.unwrap_or_default(), s.unwrap_or_default()),
    };
    let mut a = Annotation {
        id: AnnotationId(0),
        start: p.start,
        end: p.end,
        exact: exact.to_owned(),
        prefix: prefix.to_owned(),
        suffix: suffix.to_owned(),
        kind: Kind::Mention(Mention::default()),
        note: String::new(),
        tags: Vec::new(),
    };
    let outcome = anchor::reanchor(text, std::slice::from_mut(&mut a)).outcome(a.id);
    let span = a.span();
    let holds = format!(
        "its position {}..{} holds “{}”, not its quote “{}”",
        p.start,
        p.end,
        q(text.slice(p.start..p.end)),
        q(exact)
    );
    let now = format!("{}..{}", span.start, span.end);
    Placed::Noted(
        span,
        match outcome {
            Some(Outcome::Exact) if span == p => return Placed::Kept(span),
            Some(Outcome::Exact | Outcome::Moved { candidates: 1 }) => {
                format!("{holds}; it was moved to {now}, where the quote is")
            }
            Some(Outcome::Moved { candidates }) => format!(
                "{holds}; it was moved to {now}, the nearest of {candidates} places where the quote is"
            ),
            Some(Outcome::Fuzzy { score }) => format!(
                "{holds}; the quote is nowhere as written, so it was placed at {now}, which matches \
             it {:.0} %",
                score * 100.0
            ),
            Some(Outcome::Orphan) | None => {
                return Placed::Dropped(format!("{holds}, and the quote is nowhere near it"));
            }
        },
    )
}
