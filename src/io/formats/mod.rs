//! Interchange formats: brat standoff, W3C Web Annotation, schema.org ClaimReview, CSV and
//! Citron JSON.
//!
//! Every offset written or read here is a Unicode code point index into the normalized article
//! text ([`ArticleText`]: BOM stripped, CRLF turned into LF), start inclusive, end exclusive —
//! the W3C rule, and brat's once line endings are normalized. Exports take a [`Document`] and
//! return strings; the caller writes files. Imports build a [`Session`] against an article's
//! text and return it with warnings (what could not be mapped), failing only when nothing could.
//!
//! [`Document`]: crate::io::document::Document
//! [`Session`]: crate::model::session::Session

pub mod brat;
pub mod citron;
pub mod claimreview;
pub mod csv;
pub mod files;
pub mod names;
pub mod nearest;
pub mod tally;
pub mod w3c;

use std::path::Path;

use crate::model::annotation::{Annotation, Kind};
pub use crate::model::ids::FreshIds;
use crate::model::session::Session;
use crate::model::speaker::SpeakerId;

/// Why an interchange file could not be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// Not one line or item of the input could be mapped to an annotation.
    #[error("nothing in the {format} input could be read: {}", summarize(.problems))]
    NothingParsed {
        /// "brat" or "W3C".
        format: &'static str,
        /// What went wrong, line by line or item by item.
        problems: Vec<String>,
    },
    /// The input is not JSON.
    #[error("not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The input is JSON but not of the expected shape.
    #[error("{0}")]
    Shape(String),
}

/// How many problems a message shows before "… and N more" ([`FormatError::NothingParsed`],
/// the CLI and the window).
pub const SHOWN_PROBLEMS: usize = 20;

/// The first [`SHOWN_PROBLEMS`] problems joined by "; ", then how many were left out.
fn summarize(problems: &[String]) -> String {
    bounded_lines(problems, SHOWN_PROBLEMS).join("; ")
}

/// At most `max` lines of `lines`, then "… and N more": what a message shows of a long list
/// (import problems in the CLI, the window and [`FormatError`]).
pub fn bounded_lines(lines: &[String], max: usize) -> Vec<String> {
    let mut out: Vec<String> = lines.iter().take(max).cloned().collect();
    if lines.len() > max {
        out.push(format!("… and {} more", lines.len() - max));
    }
    out
}

/// Most characters of input that a warning or problem quotes.
pub const QUOTE_CHARS: usize = 80;

/// `s` as a message may quote it: at most [`QUOTE_CHARS`] characters, cut on a character
/// boundary with "…" appended, control characters (tabs, line breaks, terminal escapes) shown
/// as spaces, so that a huge or hostile bad line cannot make a huge or harmful message.
/// `quote_input("short")` is `"short"`; 100 `x`s become 80 `x`s and `…`.
pub fn quote_input(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(QUOTE_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().nth(QUOTE_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// An IRI for the article: a `file://` URI for an absolute path, otherwise the path itself as a
/// relative reference, percent-encoded where IRIs do not allow the character.
/// `"/a/b c.txt"` becomes `"file:///a/b%20c.txt"`.
pub fn article_iri(path: &str) -> String {
    let p = Path::new(path);
    let encoded = percent_encode_path(&path.replace('\\', "/"));
    if p.is_absolute() {
        if encoded.starts_with('/') {
            format!("file://{encoded}")
        } else {
            format!("file:///{encoded}")
        }
    } else {
        encoded
    }
}

fn percent_encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || "/-._~!$&'()*+,;=:@".contains(c) || !c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The mention of `speaker` closest to `a` (0 when they overlap; ties go to the earlier one);
/// the source span of a quote or claim. A linear scan: exporters asking for many annotations use
/// [`nearest::MentionIndex`], which gives the same answers.
pub fn nearest_mention<'s>(
    session: &'s Session,
    speaker: SpeakerId,
    a: &Annotation,
) -> Option<&'s Annotation> {
    session
        .annotations
        .iter()
        .filter(|m| matches!(&m.kind, Kind::Mention(x) if x.speaker == Some(speaker)))
        .filter(|m| m.end > m.start)
        .min_by_key(|m| (distance(m, a), m.start))
}

fn distance(m: &Annotation, a: &Annotation) -> usize {
    if m.end <= a.start {
        a.start - m.end
    } else {
        m.start.saturating_sub(a.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_never_wrap() {
        let mut ids = FreshIds::after(None);
        assert_eq!(
            (ids.next(|_| false), ids.next(|_| false)),
            (Some(1), Some(2))
        );
        let mut ids = FreshIds::after(Some(u32::MAX - 1));
        let used = [0, 1, 2, 4, u32::MAX - 1];
        let mut got = Vec::new();
        for _ in 0..3 {
            let id = ids.next(|id| used.contains(&id) || got.contains(&id));
            got.extend(id);
        }
        assert_eq!(got, [u32::MAX, 3, 5]);
    }

    #[test]
    fn quotes_are_cut_on_char_boundaries() {
        assert_eq!(quote_input("short"), "short");
        let exact = "é".repeat(QUOTE_CHARS);
        assert_eq!(quote_input(&exact), exact);
        let long = "😀".repeat(QUOTE_CHARS + 1);
        assert_eq!(quote_input(&long), format!("{}…", "😀".repeat(QUOTE_CHARS)));
    }

    #[test]
    fn nothing_parsed_shows_twenty_problems() {
        let problems: Vec<String> = (1..=25).map(|i| format!("p{i}")).collect();
        let e = FormatError::NothingParsed {
            format: "brat",
            problems,
        };
        let msg = e.to_string();
        assert!(msg.ends_with("; p20; … and 5 more"), "{msg}");
        assert!(!msg.contains("p21"));
    }

    #[test]
    fn iris() {
        assert_eq!(article_iri("/a/b c.txt"), "file:///a/b%20c.txt");
        assert_eq!(article_iri("x/é#1.txt"), "x/é%231.txt");
    }
}
