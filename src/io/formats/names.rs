//! The names newsmark writes for attribute values in every interchange format: the Rust variant
//! names (`MostlyTrue`, `High`, `Direct`, `Country` — no spaces, one casing), and a lenient
//! reader that also takes the labels users see (`Mostly true`, `mostly-true`).

use crate::model::annotation::{CheckWorthiness, QuoteType, Verdict};
use crate::model::speaker::SpeakerKind;

/// `Direct`, `Indirect`, `Mixed`, `Unspecified` (which exports do not write).
pub fn quote_type_name(q: QuoteType) -> &'static str {
    match q {
        QuoteType::Direct => "Direct",
        QuoteType::Indirect => "Indirect",
        QuoteType::Mixed => "Mixed",
        QuoteType::Unspecified => "Unspecified",
    }
}

/// `Unrated`, `Not`, `Low`, `High`.
pub fn check_worthiness_name(c: CheckWorthiness) -> &'static str {
    match c {
        CheckWorthiness::Unrated => "Unrated",
        CheckWorthiness::Not => "Not",
        CheckWorthiness::Low => "Low",
        CheckWorthiness::High => "High",
    }
}

/// `Unchecked`, `True`, `MostlyTrue`, … `Unverifiable`.
pub fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Unchecked => "Unchecked",
        Verdict::True => "True",
        Verdict::MostlyTrue => "MostlyTrue",
        Verdict::Mixed => "Mixed",
        Verdict::MostlyFalse => "MostlyFalse",
        Verdict::False => "False",
        Verdict::Unverifiable => "Unverifiable",
    }
}

/// `Person`, `Organization`, `Country`, `Group`, `Unknown`.
pub fn speaker_kind_name(k: SpeakerKind) -> &'static str {
    k.name()
}

/// Lower-case letters and digits only: `"Mostly-true"` → `"mostlytrue"`, for lenient matching.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds the value among `all` whose variant name or label folds to the same as `s`.
pub fn parse_value<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    s: &str,
) -> Option<T> {
    let f = fold(s);
    all.iter()
        .copied()
        .find(|&v| fold(name(v)) == f || fold(label(v)) == f)
}
