//! Inter-annotator agreement between sessions on the same article: exact-span and
//! character-overlap precision / recall / F1 per kind, attribution agreement, Cohen's kappa
//! and Krippendorff's alpha over per-character labels.
//!
//! **Units.** Each annotation is a unit of its kind — `Claim`, `Quote`, `Mention` — with its
//! fragments (a quote's main span plus its further parts); a quote's cue is a unit of kind
//! `Cue`. Two units match *exactly* when they have the same kind and identical fragments.
//!
//! **Exact P/R/F1** (A is the reference, B the prediction): `tp` = units of B matched one-to-one
//! by an identical unit of A; `P = tp / |B|`, `R = tp / |A|`, `F1 = 2PR / (P + R)`. Example: A
//! marks quotes `0..10` and `20..30`, B marks `0..10` and `21..30`: `tp = 1`, `P = R = F1 = 0.5`.
//!
//! **Overlap F1** compares the sets of code points each side covers with a kind: `P = |A ∩ B| /
//! |B|`, `R = |A ∩ B| / |A|`. In the example A covers 20, B 19, both 19: `P = 1`, `R = 0.95`,
//! `F1 = 0.974`.
//!
//! **Per-character labels.** Each code point gets the set of kinds covering it (none, Quote,
//! Quote+Claim, …) as one nominal label. **Cohen's kappa** for two annotators: `κ = (p_o − p_e)
//! / (1 − p_e)` with `p_o` the share of code points with equal labels and `p_e = Σ_k p_A(k)
//! p_B(k)`. **Krippendorff's alpha** (nominal, any number of annotators, every code point rated
//! by all): `α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k`, from the coincidence matrix
//! `o_ck = Σ_u (number of ordered pairs of values c, k in unit u) / (m − 1)`, `n_c = Σ_k o_ck`.
//!
//! **Attribution**: of the quotes that match exactly, the share whose speakers have the same
//! name (case-insensitive; speaker ids differ between annotators' registries).

use std::collections::HashMap;

use super::annotation::{Annotation, Kind, Span};
use super::session::Session;

/// A unit kind compared by agreement: the annotation kinds plus a quote's cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    /// A claim.
    Claim,
    /// A quote (content), with all its parts.
    Quote,
    /// A mention of a speaker.
    Mention,
    /// A quote's cue ("said").
    Cue,
}

impl UnitKind {
    /// Every kind, in report order.
    pub const ALL: [Self; 4] = [Self::Claim, Self::Quote, Self::Mention, Self::Cue];

    /// Name in reports and JSON.
    pub fn label(self) -> &'static str {
        match self {
            Self::Claim => "Claim",
            Self::Quote => "Quote",
            Self::Mention => "Mention",
            Self::Cue => "Cue",
        }
    }

    fn bit(self) -> u8 {
        match self {
            Self::Claim => 1,
            Self::Quote => 2,
            Self::Mention => 4,
            Self::Cue => 8,
        }
    }
}

/// One unit: its kind and sorted, non-empty fragments.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Unit {
    kind: UnitKind,
    frags: Vec<Span>,
}

/// An annotation's fragments as agreement compares them: its span plus a quote's further
/// parts, non-empty, sorted, each once. Two annotations of one kind match exactly when these
/// are equal.
pub fn fragments(a: &Annotation) -> Vec<Span> {
    let mut frags = vec![a.span()];
    if let Kind::Quote(q) = &a.kind {
        frags.extend(q.more.iter().copied());
    }
    frags.retain(|f| !f.is_empty());
    frags.sort();
    frags.dedup();
    frags
}

fn units(annotations: &[Annotation]) -> Vec<Unit> {
    let mut out = Vec::new();
    for a in annotations {
        let frags = fragments(a);
        let kind = match &a.kind {
            Kind::Claim(_) => UnitKind::Claim,
            Kind::Mention(_) => UnitKind::Mention,
            Kind::Quote(q) => {
                if let Some(cue) = q.cue.filter(|c| !c.is_empty()) {
                    out.push(Unit {
                        kind: UnitKind::Cue,
                        frags: vec![cue],
                    });
                }
                UnitKind::Quote
            }
        };
        if !frags.is_empty() {
            out.push(Unit { kind, frags });
        }
    }
    out
}

/// Precision, recall and F1; `None` where the denominator is zero.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Share of the prediction found in the reference.
    pub precision: Option<f64>,
    /// Share of the reference found in the prediction.
    pub recall: Option<f64>,
    /// Harmonic mean of precision and recall.
    pub f1: Option<f64>,
}

impl Prf {
    /// From true positives and the sizes of reference and prediction.
    pub fn new(tp: usize, reference: usize, predicted: usize) -> Self {
        let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
        let precision = ratio(tp, predicted);
        let recall = ratio(tp, reference);
        let f1 = match (precision, recall) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

/// Agreement on one kind between a reference and a prediction.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct KindAgreement {
    /// Units in the reference (A).
    pub in_a: usize,
    /// Units in the prediction (B).
    pub in_b: usize,
    /// Exact matches.
    pub exact_matches: usize,
    /// Exact-span precision / recall / F1.
    pub exact: Prf,
    /// Character-overlap precision / recall / F1.
    pub overlap: Prf,
}

/// Agreement between two sessions on the same text.
#[derive(Clone, Debug, PartialEq)]
pub struct PairAgreement {
    /// Per kind, in [`UnitKind::ALL`] order.
    pub kinds: Vec<(UnitKind, KindAgreement)>,
    /// Cohen's kappa over per-character labels (`None` when chance agreement is total).
    pub kappa: Option<f64>,
    /// Exactly matched quotes, and how many of them name the same speaker.
    pub attribution: (usize, usize),
}

/// Compares session `b` (prediction) with `a` (reference) over a text of `len` code points.
pub fn compare(a: &Session, b: &Session, len: usize) -> PairAgreement {
    let (ua, ub) = (units(&a.annotations), units(&b.annotations));
    let kinds = UnitKind::ALL
        .iter()
        .map(|&kind| (kind, kind_agreement(kind, &ua, &ub, len)))
        .collect();
    let (la, lb) = (labels(&ua, len), labels(&ub, len));
    PairAgreement {
        kinds,
        kappa: cohen_kappa(&la, &lb),
        attribution: attribution(a, b),
    }
}

fn kind_agreement(kind: UnitKind, ua: &[Unit], ub: &[Unit], len: usize) -> KindAgreement {
    let of_kind =
        |u: &[Unit]| -> Vec<Unit> { u.iter().filter(|x| x.kind == kind).cloned().collect() };
    let (ua, ub) = (of_kind(ua), of_kind(ub));
    let mut pool: HashMap<&Unit, usize> = HashMap::new();
    for u in &ua {
        *pool.entry(u).or_default() += 1;
    }
    let mut tp = 0;
    for u in &ub {
        if let Some(n) = pool.get_mut(u).filter(|n| **n > 0) {
            *n -= 1;
            tp += 1;
        }
    }
    let (ca, cb) = (coverage(&ua, len), coverage(&ub, len));
    let both = ca.iter().zip(&cb).filter(|(x, y)| **x && **y).count();
    let count = |c: &[bool]| c.iter().filter(|x| **x).count();
    KindAgreement {
        in_a: ua.len(),
        in_b: ub.len(),
        exact_matches: tp,
        exact: Prf::new(tp, ua.len(), ub.len()),
        overlap: Prf::new(both, count(&ca), count(&cb)),
    }
}

/// Which code points the units cover.
fn coverage(units: &[Unit], len: usize) -> Vec<bool> {
    let mut c = vec![false; len];
    for f in units.iter().flat_map(|u| &u.frags) {
        for x in c.iter_mut().take(f.end.min(len)).skip(f.start) {
            *x = true;
        }
    }
    c
}

/// The per-code-point label: a bit per kind covering it.
fn labels(units: &[Unit], len: usize) -> Vec<u8> {
    let mut l = vec![0u8; len];
    for u in units {
        for f in &u.frags {
            for x in l.iter_mut().take(f.end.min(len)).skip(f.start) {
                *x |= u.kind.bit();
            }
        }
    }
    l
}

/// Cohen's kappa of two equally long label sequences.
fn cohen_kappa(a: &[u8], b: &[u8]) -> Option<f64> {
    let n = a.len().min(b.len());
    if n == 0 {
        return None;
    }
    let (mut fa, mut fb) = ([0usize; 16], [0usize; 16]);
    let mut same = 0usize;
    for (x, y) in a.iter().zip(b) {
        let (x, y) = (usize::from(*x & 15), usize::from(*y & 15));
        if let (Some(ca), Some(cb)) = (fa.get_mut(x), fb.get_mut(y)) {
            *ca += 1;
            *cb += 1;
        }
        same += usize::from(x == y);
    }
    let n = n as f64;
    let po = same as f64 / n;
    let pe: f64 = fa
        .iter()
        .zip(&fb)
        .map(|(x, y)| (*x as f64 / n) * (*y as f64 / n))
        .sum();
    (pe < 1.0).then(|| (po - pe) / (1.0 - pe))
}

/// Krippendorff's alpha (nominal) over per-code-point labels of every session; `None` with
/// fewer than two sessions or when there is no variation at all.
pub fn krippendorff_alpha(sessions: &[&Session], len: usize) -> Option<f64> {
    if sessions.len() < 2 || len == 0 {
        return None;
    }
    let all: Vec<Vec<u8>> = sessions
        .iter()
        .map(|s| labels(&units(&s.annotations), len))
        .collect();
    alpha_of_labels(&all, len)
}

fn alpha_of_labels(all: &[Vec<u8>], len: usize) -> Option<f64> {
    let m = all.len() as f64;
    let mut o = [[0f64; 16]; 16];
    let mut counts = [0usize; 16];
    for u in 0..len {
        counts.fill(0);
        for labels in all {
            if let Some(c) = labels
                .get(u)
                .and_then(|l| counts.get_mut(usize::from(*l & 15)))
            {
                *c += 1;
            }
        }
        for (c, &nc) in counts.iter().enumerate() {
            if nc == 0 {
                continue;
            }
            for (k, &nk) in counts.iter().enumerate() {
                let pairs = if c == k { nc * (nc - 1) } else { nc * nk };
                if let Some(cell) = o.get_mut(c).and_then(|row| row.get_mut(k)) {
                    *cell += pairs as f64 / (m - 1.0);
                }
            }
        }
    }
    let n_c: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = n_c.iter().sum();
    let mut disagree = 0.0;
    let mut expected = 0.0;
    for c in 0..16 {
        for k in 0..16 {
            if c != k {
                disagree += o.get(c).and_then(|r| r.get(k)).copied().unwrap_or(0.0);
                expected += n_c.get(c).copied().unwrap_or(0.0) * n_c.get(k).copied().unwrap_or(0.0);
            }
        }
    }
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * disagree / expected)
}

/// Who a quote is attributed to: its speaker's name, and the spans of its source mentions
/// (a pronoun or "a spokesman" is a source mention without a speaker).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Source {
    speaker: Option<String>,
    mentions: Vec<Span>,
}

impl Source {
    fn of(s: &Session, x: &Annotation) -> Self {
        let speaker = x
            .kind
            .speaker()
            .and_then(|id| s.speaker(id))
            .map(|sp| sp.name.trim().to_lowercase());
        let mut mentions: Vec<Span> = match &x.kind {
            Kind::Quote(q) => q
                .source_mentions
                .iter()
                .filter_map(|id| s.annotation(*id))
                .map(Annotation::span)
                .collect(),
            _ => Vec::new(),
        };
        mentions.sort();
        mentions.dedup();
        Self { speaker, mentions }
    }

    /// The same speaker by name; or, where a side names none, the same source mentions; two
    /// quotes both left unattributed agree too.
    fn agrees(&self, other: &Self) -> bool {
        match (&self.speaker, &other.speaker) {
            (Some(a), Some(b)) => a == b,
            _ => self.mentions == other.mentions,
        }
    }
}

/// Exactly matched quotes, and how many of those are attributed alike ([`Source::agrees`]).
fn attribution(a: &Session, b: &Session) -> (usize, usize) {
    let quote_key = |x: &Annotation| -> Option<Vec<Span>> {
        matches!(x.kind, Kind::Quote(_)).then(|| fragments(x))
    };
    let mut in_a: HashMap<Vec<Span>, Vec<Source>> = HashMap::new();
    for x in &a.annotations {
        if let Some(k) = quote_key(x) {
            in_a.entry(k).or_default().push(Source::of(a, x));
        }
    }
    let (mut matched, mut same) = (0, 0);
    for y in &b.annotations {
        let Some(k) = quote_key(y) else { continue };
        let Some(sources) = in_a.get_mut(&k).filter(|v| !v.is_empty()) else {
            continue;
        };
        matched += 1;
        let sb = Source::of(b, y);
        // Prefer pairing with a reference quote attributed alike.
        let at = sources.iter().position(|s| s.agrees(&sb)).unwrap_or(0);
        let sa = sources.remove(at);
        same += usize::from(sa.agrees(&sb));
    }
    (matched, same)
}

#[cfg(test)]
mod tests;
