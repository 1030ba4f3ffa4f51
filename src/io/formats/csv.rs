//! CSV export: a header and one row per annotation, RFC 4180 (CRLF rows, fields quoted when
//! they hold `"`, `,`, CR or LF, inner quotes doubled), UTF-8.

use crate::io::document::Document;
use crate::io::formats::nearest::speakers_by_id;
use crate::model::annotation::Kind;

/// Column names, in order.
pub const HEADER: [&str; 11] = [
    "id",
    "kind",
    "start",
    "end",
    "text",
    "speaker",
    "cue",
    "type",
    "check-worthiness",
    "verdict",
    "note",
];

/// Exports every annotation as one CSV row; offsets are code points of the normalized text.
/// A quote's further fragments follow its text after ` … `.
pub fn export(doc: &Document) -> String {
    let s = &doc.session;
    let text = &doc.text;
    let speakers = speakers_by_id(s);
    let mut out = row(HEADER.iter().map(|h| (*h).to_owned()));
    for a in &s.annotations {
        let speaker = a
            .kind
            .speaker()
            .and_then(|id| speakers.get(&id))
            .map_or(String::new(), |sp| sp.name.clone());
        let mut body = text.slice(a.start..a.end).to_owned();
        let (mut cue, mut ty, mut cw, mut verdict) =
            (String::new(), String::new(), String::new(), String::new());
        match &a.kind {
            Kind::Quote(q) => {
                for f in &q.more {
                    body.push_str(" … ");
                    body.push_str(text.slice(f.start..f.end));
                }
                if let Some(c) = q.cue {
                    cue = text.slice(c.start..c.end).to_owned();
                }
                ty = q.quote_type.label().to_owned();
            }
            Kind::Claim(c) => {
                cw = c.check_worthiness.label().to_owned();
                verdict = c.verdict.label().to_owned();
            }
            Kind::Mention(_) => {}
        }
        out.push_str(&row([
            a.id.0.to_string(),
            a.kind.tag().label().to_owned(),
            a.start.to_string(),
            a.end.to_string(),
            body,
            speaker,
            cue,
            ty,
            cw,
            verdict,
            a.note.clone(),
        ]));
    }
    out
}

/// One CRLF-terminated record.
fn row(fields: impl IntoIterator<Item = String>) -> String {
    let fields: Vec<String> = fields.into_iter().map(|f| field(&f)).collect();
    fields.join(",") + "\r\n"
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
}
