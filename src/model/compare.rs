//! Comparing two annotators' sessions of one article, item by item, for adjudication.
//!
//! Session A is the curated one being edited; session B is another annotator's session of the
//! same text. [`align`] pairs their annotations:
//! - **agreement**: the same kind and identical fragments ([`super::agreement::fragments`]),
//!   and the same attributes;
//! - **conflict**: identical fragments with different attributes (speaker by name, quote type,
//!   cue, verdict, check-worthiness), or overlapping spans of the same kind;
//! - **one-sided**: what is left, only in A or only in B.
//!
//! Example over "Anna said yes. Bo left.": A marks the quote `10..13` of Anna and the claim
//! `15..22`; B marks the quote `10..13` of Bo and the mention `0..4`. Items in text order: only
//! B's mention `0..4`, a conflict on the quote (speaker), only A's claim `15..22`.
//!
//! A decision on an item ([`decision_edit`]) is one [`super::edit::Edit`] on A's session;
//! [`Decisions`] remembers which items are decided, undo included.

mod decide;

use std::collections::HashMap;

pub use decide::{Decision, Decisions, decision_edit};

use super::agreement::fragments;
use super::annotation::{Annotation, AnnotationId, Kind, KindTag, Span};
use super::session::Session;

/// How the two sessions relate on one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Both have it, alike.
    Agree,
    /// Only A has it.
    OnlyA,
    /// Only B has it.
    OnlyB,
    /// Both mark it, differently.
    Conflict,
}

impl Status {
    /// Every status, in the order counts are shown.
    pub const ALL: [Self; 4] = [Self::Agree, Self::OnlyA, Self::OnlyB, Self::Conflict];

    /// Short name in lists and counts.
    pub fn label(self) -> &'static str {
        match self {
            Self::Agree => "agree",
            Self::OnlyA => "only A",
            Self::OnlyB => "only B",
            Self::Conflict => "conflict",
        }
    }
}

/// One row of a comparison: what each side has there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// How the sides relate.
    pub status: Status,
    /// The kind of annotation (both sides have the same).
    pub kind: KindTag,
    /// A's annotation, if A has one.
    pub a: Option<AnnotationId>,
    /// B's annotation, if B has one.
    pub b: Option<AnnotationId>,
    /// From the first start to the last end of the two main spans: where the item is.
    pub span: Span,
    /// What differs in a conflict: "span", "speaker", "quote type", "cue", "verdict",
    /// "check-worthiness".
    pub differs: Vec<&'static str>,
}

/// Aligns the annotations of `a` and `b` (sessions of the same text) into items in text order.
pub fn align(a: &Session, b: &Session) -> Vec<Item> {
    let key = |x: &Annotation| (x.kind.tag(), fragments(x));
    let mut pool: HashMap<(KindTag, Vec<Span>), Vec<usize>> = HashMap::new();
    for (i, x) in a.annotations.iter().enumerate() {
        pool.entry(key(x)).or_default().push(i);
    }
    let mut used_a = vec![false; a.annotations.len()];
    let mut pair_b: Vec<Option<usize>> = vec![None; b.annotations.len()];
    // Identical fragments: first the pairs that agree in everything, then any.
    for alike in [true, false] {
        for (j, y) in b.annotations.iter().enumerate() {
            if pair_b.get(j).is_some_and(Option::is_some) {
                continue;
            }
            let Some(cands) = pool.get_mut(&key(y)) else {
                continue;
            };
            let fits = |i: &usize| {
                a.annotations
                    .get(*i)
                    .is_some_and(|x| !alike || differences(a, x, b, y).is_empty())
            };
            if let Some(at) = cands.iter().position(fits) {
                let i = cands.remove(at);
                set(&mut used_a, i);
                if let Some(p) = pair_b.get_mut(j) {
                    *p = Some(i);
                }
            }
        }
    }
    // Overlapping spans of the same kind: the largest overlap first.
    let frags_a: Vec<Vec<Span>> = a.annotations.iter().map(fragments).collect();
    for (j, y) in b.annotations.iter().enumerate() {
        if pair_b.get(j).is_some_and(Option::is_some) {
            continue;
        }
        let fy = fragments(y);
        let best = a
            .annotations
            .iter()
            .zip(&frags_a)
            .enumerate()
            .filter(|(i, (x, _))| {
                !used_a.get(*i).copied().unwrap_or(true) && x.kind.tag() == y.kind.tag()
            })
            .map(|(i, (_, fx))| (overlap(fx, &fy), i))
            .filter(|(o, _)| *o > 0)
            .max_by_key(|&(o, i)| (o, std::cmp::Reverse(i)));
        if let Some((_, i)) = best {
            set(&mut used_a, i);
            if let Some(p) = pair_b.get_mut(j) {
                *p = Some(i);
            }
        }
    }
    let mut items = Vec::with_capacity(a.annotations.len() + b.annotations.len());
    for (y, pair) in b.annotations.iter().zip(&pair_b) {
        let x = pair.and_then(|i| a.annotations.get(i));
        items.push(item(a, x, b, Some(y)));
    }
    for (x, used) in a.annotations.iter().zip(&used_a) {
        if !used {
            items.push(item(a, Some(x), b, None));
        }
    }
    items.sort_by_key(|it| (it.span.start, it.span.end, it.a.is_none(), it.a, it.b));
    items
}

fn set(flags: &mut [bool], i: usize) {
    if let Some(f) = flags.get_mut(i) {
        *f = true;
    }
}

/// Code points two lists of fragments have in common.
fn overlap(fx: &[Span], fy: &[Span]) -> usize {
    fx.iter()
        .flat_map(|p| {
            fy.iter()
                .map(move |q| q.end.min(p.end).saturating_sub(q.start.max(p.start)))
        })
        .sum()
}

fn item(a: &Session, x: Option<&Annotation>, b: &Session, y: Option<&Annotation>) -> Item {
    let (status, differs) = match (x, y) {
        (Some(x), Some(y)) => {
            let d = differences(a, x, b, y);
            match d.is_empty() {
                true => (Status::Agree, d),
                false => (Status::Conflict, d),
            }
        }
        (Some(_), None) => (Status::OnlyA, Vec::new()),
        _ => (Status::OnlyB, Vec::new()),
    };
    let spans = x.iter().chain(&y).map(|z| z.span());
    let start = spans.clone().map(|s| s.start).min().unwrap_or(0);
    let end = spans.map(|s| s.end).max().unwrap_or(start);
    Item {
        status,
        kind: x.or(y).map_or(KindTag::Claim, |z| z.kind.tag()),
        a: x.map(|z| z.id),
        b: y.map(|z| z.id),
        span: Span { start, end },
        differs,
    }
}

/// What differs between `x` of session `a` and `y` of session `b` (empty: they agree).
pub fn differences(a: &Session, x: &Annotation, b: &Session, y: &Annotation) -> Vec<&'static str> {
    let mut out = Vec::new();
    if fragments(x) != fragments(y) {
        out.push("span");
    }
    if !same_speaker(a, x, b, y) {
        out.push("speaker");
    }
    match (&x.kind, &y.kind) {
        (Kind::Quote(p), Kind::Quote(q)) => {
            if p.quote_type != q.quote_type {
                out.push("quote type");
            }
            let cue = |c: Option<Span>| c.filter(|c| !c.is_empty());
            if cue(p.cue) != cue(q.cue) {
                out.push("cue");
            }
        }
        (Kind::Claim(p), Kind::Claim(q)) => {
            if p.verdict != q.verdict {
                out.push("verdict");
            }
            if p.check_worthiness != q.check_worthiness {
                out.push("check-worthiness");
            }
        }
        (Kind::Mention(_), Kind::Mention(_)) => {}
        _ => out.push("kind"),
    }
    out
}

/// Both name nobody, or the speakers go by the same name (name or alias, any case): speaker ids
/// differ between annotators' registries.
fn same_speaker(a: &Session, x: &Annotation, b: &Session, y: &Annotation) -> bool {
    let sx = x.kind.speaker().and_then(|id| a.speaker(id));
    let sy = y.kind.speaker().and_then(|id| b.speaker(id));
    match (sx, sy) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is_called(&q.name) || q.is_called(&p.name),
        _ => false,
    }
}

/// How many items have each status, in [`Status::ALL`] order.
pub fn counts(items: &[Item]) -> [usize; 4] {
    let mut n = [0; 4];
    for it in items {
        if let Some(c) = Status::ALL
            .iter()
            .position(|s| *s == it.status)
            .and_then(|i| n.get_mut(i))
        {
            *c += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests;
