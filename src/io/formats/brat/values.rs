//! Value names and escapes of the brat format: attribute values, note escaping.

use std::fmt::Write as _;

use super::is_line_break;
use crate::model::annotation::{CheckWorthiness, QuoteType, Verdict};
use crate::model::speaker::SpeakerKind;

/// Escapes a note for one line: `\` → `\\`, LF → `\n`, tab → `\t`, other line breaks → `\u{…}`.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_line_break(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape`]; unknown escapes are kept as written.
pub(super) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let rest: String = chars.clone().skip(1).take_while(|&c| c != '}').collect();
                let decoded = rest
                    .strip_prefix('{')
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32);
                if let Some(d) = decoded {
                    out.push(d);
                    for _ in 0..rest.chars().count() + 2 {
                        chars.next();
                    }
                    continue;
                }
                out.push('\\');
                continue;
            }
            _ => {
                out.push('\\');
                continue;
            }
        }
        chars.next();
    }
    out
}

pub(super) fn quote_type_name(q: QuoteType) -> &'static str {
    match q {
        QuoteType::Direct => "Direct",
        QuoteType::Indirect => "Indirect",
        QuoteType::Mixed => "Mixed",
    }
}

pub(super) fn check_worthiness_name(c: CheckWorthiness) -> &'static str {
    match c {
        CheckWorthiness::Unrated => "Unrated",
        CheckWorthiness::Not => "Not",
        CheckWorthiness::Low => "Low",
        CheckWorthiness::High => "High",
    }
}

pub(super) fn verdict_name(v: Verdict) -> &'static str {
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

pub(super) fn speaker_kind_name(k: SpeakerKind) -> &'static str {
    k.name()
}

/// Lower-case letters and digits only: `"Mostly-true"` → `"mostlytrue"`, for lenient matching.
pub(super) fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds the value among `all` whose variant name or label folds to the same as `s`.
pub(super) fn parse_value<T: Copy>(
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
