//! The fact-checker's worklist: the claims in the order to check them (most check-worthy
//! first, or unchecked first, or in text order).

use super::annotation::{Annotation, CheckWorthiness, Kind, Verdict};
use super::session::Session;

/// How the worklist is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClaimOrder {
    /// Most check-worthy first, then in text order.
    #[default]
    Worthiness,
    /// Unchecked first, then by verdict, then in text order.
    Verdict,
    /// In text order.
    Text,
}

fn worthiness_rank(c: CheckWorthiness) -> u8 {
    match c {
        CheckWorthiness::High => 0,
        CheckWorthiness::Low => 1,
        CheckWorthiness::Unrated => 2,
        CheckWorthiness::Not => 3,
    }
}

fn verdict_rank(v: Verdict) -> usize {
    Verdict::ALL
        .iter()
        .position(|x| *x == v)
        .unwrap_or(usize::MAX)
}

/// The claims of `session` in `order`.
pub fn worklist(session: &Session, order: ClaimOrder) -> Vec<&Annotation> {
    let mut claims: Vec<&Annotation> = session
        .annotations
        .iter()
        .filter(|a| matches!(a.kind, Kind::Claim(_)))
        .collect();
    let key = |a: &Annotation| match &a.kind {
        Kind::Claim(c) => match order {
            ClaimOrder::Worthiness => (usize::from(worthiness_rank(c.check_worthiness)), a.start),
            ClaimOrder::Verdict => (verdict_rank(c.verdict), a.start),
            ClaimOrder::Text => (0, a.start),
        },
        _ => (usize::MAX, a.start),
    };
    claims.sort_by_key(|a| key(a));
    claims
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{AnnotationId, Claim, Span};
    use crate::model::session::{ArticleRef, make_annotation};
    use crate::model::text::ArticleText;

    #[test]
    fn the_worklist_puts_the_most_worth_checking_and_the_unchecked_first() {
        let text = ArticleText::new("one two three four".into());
        let mut session = Session::new(ArticleRef::default());
        for (id, span, worth, verdict) in [
            (1, (0, 3), CheckWorthiness::Low, Verdict::False),
            (2, (4, 7), CheckWorthiness::High, Verdict::True),
            (3, (8, 13), CheckWorthiness::Not, Verdict::Unchecked),
        ] {
            session.annotations.push(make_annotation(
                &text,
                AnnotationId(id),
                Span::new(span.0, span.1),
                Kind::Claim(Claim {
                    check_worthiness: worth,
                    verdict,
                    ..Claim::default()
                }),
            ));
        }
        let ids =
            |order| -> Vec<u32> { worklist(&session, order).iter().map(|a| a.id.0).collect() };
        assert_eq!(ids(ClaimOrder::Worthiness), [2, 1, 3]);
        assert_eq!(ids(ClaimOrder::Verdict), [3, 2, 1]);
        assert_eq!(ids(ClaimOrder::Text), [1, 2, 3]);
    }
}
