//! Value names and escapes of the brat format: attribute values (shared with W3C, see
//! [`names`](crate::io::formats::names)), note escaping.

use std::fmt::Write as _;

use super::is_line_break;
pub(super) use crate::io::formats::names::{
    check_worthiness_name, fold, parse_value, quote_type_name, speaker_kind_name, verdict_name,
};

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
