//! CSV export: a header and one row per annotation, RFC 4180 (CRLF rows, fields quoted when
//! they hold `"`, `,`, CR or LF, inner quotes doubled), UTF-8; the CLI's `--excel` puts a
//! byte-order mark first so that Excel reads it as UTF-8.
//!
//! Offsets are code points of the normalized text. `start`/`end` are the annotation's main span;
//! `fragments` lists every span as `start-end`, `;`-separated (a quote split around its cue:
//! `12-30;41-60`); `cue-start`/`cue-end` are the quote's cue; `speaker-id` the speaker's id;
//! `source-mentions` the ids of the annotations linked as the quote's or claim's source (`4;9`,
//! each once; links to annotations that do not exist are left out). A cell that begins with `=`,
//! `+`, `-`, `@`, a tab or a CR gets a leading `'`, so that a spreadsheet shows it instead of
//! running it as a formula (OWASP's advice on CSV injection).

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
    let s = &doc.session;
    let text = &doc.text;
    let speakers = speakers_by_id(s);
    let ids: HashSet<AnnotationId> = s.annotations.iter().map(|a| a.id).collect();
    let mut out = row(HEADER.iter().map(|h| (*h).to_owned()));
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
        out.push_str(&row([
            a.id.0.to_string(),
            a.kind.tag().label().to_owned(),
            a.start.to_string(),
            a.end.to_string(),
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

/// One CRLF-terminated record.
fn row(fields: impl IntoIterator<Item = String>) -> String {
    let fields: Vec<String> = fields.into_iter().map(|f| field(&neutralize(f))).collect();
    fields.join(",") + "\r\n"
}

/// `s` with a leading `'` when a spreadsheet would take it for a formula: it begins with `=`,
/// `+`, `-`, `@`, a tab or a CR. `"=HYPERLINK(…)"` becomes `"'=HYPERLINK(…)"`.
pub fn neutralize(s: String) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s
    }
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
    fn formulas_are_neutralized() {
        for s in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralize(s.to_owned()), format!("'{s}"));
        }
        assert_eq!(neutralize("a=1".to_owned()), "a=1");
        assert_eq!(neutralize(String::new()), "");
    }
}
