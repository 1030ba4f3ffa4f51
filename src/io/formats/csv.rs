//! CSV export: a header and one row per annotation, RFC 4180 (CRLF rows, fields quoted when
//! they hold `"`, `,`, CR or LF, inner quotes doubled), UTF-8; the CLI's `--excel` puts a
//! byte-order mark first so that Excel reads it as UTF-8.
//!
//! Offsets are code points of the normalized text;
//! `fragments` lists every span as `start-end`, `;`-separated (a quote split around its cue:
//! `12-30;41-60`); `cue-start`/`cue-end` are the quote's cue; `speaker-id` the speaker's id;
//! `source-mentions` the ids of the annotations linked as the quote's or claim's source (`4;9`,
//! each once; links to annotations that do not exist are left out). `start`/`end` span the whole
//! annotation: a split quote's first start and last end. A cell a spreadsheet would run as a
//! formula (`=…`, `@…`, a leading tab or CR, or a sign followed by operators: `-2+3`) gets a
//! leading `'` (OWASP's advice on CSV injection); `-5 degrees` stays as it is, and
//! `--no-formula-guard` writes every cell as it is.

use std::collections::HashSet;

use crate::io::document::Document;
use crate::io::formats::nearest::speakers_by_id;
use crate::model::annotation::{AnnotationId, Kind, Span};

/// Column names, in order.
pub const HEADER: [&str; 16] = [
    "id",
    "kind",
    "start",
    "end",
    "fragments",
    "text",
    "speaker-id",
    "speaker",
    "cue-start",
    "cue-end",
    "cue",
    "source-mentions",
    "type",
    "check-worthiness",
    "verdict",
    "note",
];

/// Exports every annotation as one CSV row. A quote's further fragments follow its text after
/// ` … `.
pub fn export(doc: &Document) -> String {
    export_with(doc, true)
}

/// [`export`], with the formula guard (`guard`) or without it (cells exactly as they are).
pub fn export_with(doc: &Document, guard: bool) -> String {
    let s = &doc.session;
    let text = &doc.text;
    let speakers = speakers_by_id(s);
    let ids: HashSet<AnnotationId> = s.annotations.iter().map(|a| a.id).collect();
    let row = |fields| row(fields, guard);
    let mut out = row(HEADER.map(str::to_owned));
    for a in &s.annotations {
        let speaker = a.kind.speaker().and_then(|id| speakers.get(&id));
        let mut body = text.slice(a.start..a.end).to_owned();
        let mut frags = vec![a.span()];
        let (mut cue, mut cue_start, mut cue_end) = (String::new(), String::new(), String::new());
        let (mut ty, mut cw, mut verdict) = (String::new(), String::new(), String::new());
        let mut sources: &[AnnotationId] = &[];
        match &a.kind {
            Kind::Quote(q) => {
                for f in &q.more {
                    body.push_str(" … ");
                    body.push_str(text.slice(f.start..f.end));
                    frags.push(*f);
                }
                if let Some(c) = q.cue {
                    cue = text.slice(c.start..c.end).to_owned();
                    cue_start = c.start.to_string();
                    cue_end = c.end.to_string();
                }
                if q.quote_type != crate::model::annotation::QuoteType::Unspecified {
                    ty = q.quote_type.label().to_owned();
                }
                sources = &q.source_mentions;
            }
            Kind::Claim(c) => {
                cw = c.check_worthiness.label().to_owned();
                verdict = c.verdict.label().to_owned();
                sources = &c.source_mentions;
            }
            Kind::Mention(_) => {}
        }
        let mut seen = HashSet::new();
        let sources: Vec<String> = sources
            .iter()
            .filter(|m| ids.contains(m) && seen.insert(**m))
            .map(|m| m.0.to_string())
            .collect();
        // The whole quote: its first start and its last end (each part is in `fragments`).
        let start = frags.iter().map(|f| f.start).min().unwrap_or(a.start);
        let end = frags.iter().map(|f| f.end).max().unwrap_or(a.end);
        out.push_str(&row([
            a.id.0.to_string(),
            a.kind.tag().label().to_owned(),
            start.to_string(),
            end.to_string(),
            fragments(&frags),
            body,
            speaker.map_or(String::new(), |sp| sp.id.0.to_string()),
            speaker.map_or(String::new(), |sp| sp.name.clone()),
            cue_start,
            cue_end,
            cue,
            sources.join(";"),
            ty,
            cw,
            verdict,
            a.note.clone(),
        ]));
    }
    out
}

/// `12-30;41-60`.
fn fragments(frags: &[Span]) -> String {
    let parts: Vec<String> = frags
        .iter()
        .map(|f| format!("{}-{}", f.start, f.end))
        .collect();
    parts.join(";")
}

/// One CRLF-terminated record, its cells guarded against formulas when `guard`.
fn row(fields: [String; 16], guard: bool) -> String {
    let fields: Vec<String> = fields
        .into_iter()
        .map(|f| field(&if guard { neutralize(f) } else { f }))
        .collect();
    fields.join(",") + "\r\n"
}

/// `s` with a leading `'` when a spreadsheet would run it as a formula: it begins with `=`,
/// `@`, a tab or a CR, or with `+` or `-` followed by something with a formula's operators
/// (`-2+3`, `+cmd|' /C calc'!A0`). Text that only starts with a sign (`-5 degrees`, `-1`) is
/// left as it is. `"=HYPERLINK(…)"` becomes `"'=HYPERLINK(…)"`.
pub fn neutralize(s: String) -> String {
    let formula = match s.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => s.chars().skip(1).any(|c| "=()+-*/^&|!@\";:".contains(c)),
        _ => false,
    };
    if formula { format!("'{s}") } else { s }
}

/// A field, quoted if it holds a quote, comma, CR or LF.
pub fn field(s: &str) -> String {
    if s.contains(['"', ',', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("a\nb"), "\"a\nb\"");
        assert_eq!(field("a\rb"), "\"a\rb\"");
        assert_eq!(field("“curly”"), "“curly”");
    }

    #[test]
    fn formulas_are_neutralized_and_text_that_starts_with_a_sign_is_not() {
        for s in [
            "=1+1",
            "-2+3",
            "+cmd|' /C calc'!A0",
            "-SUM(A1)",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralize(s.to_owned()), format!("'{s}"));
        }
        for s in ["a=1", "-5 degrees", "-1", "+31 20 555 0100", ""] {
            assert_eq!(neutralize(s.to_owned()), s);
        }
    }
}
