//! Citron JSON export (BBC R&D's quote extractor): one entry per quote with its cue, sources and
//! content spans, as `{start, end, text}` in code points of the normalized text.
//!
//! `sources` holds the speaker's mention nearest to the quote (empty when the quote has no
//! speaker or the speaker is never mentioned); `contents` is the quote span and then its `more`
//! fragments.

use serde_json::{Value, json};

use crate::io::document::Document;
use crate::io::formats::nearest::MentionIndex;
use crate::model::annotation::{Kind, Span};
use crate::model::text::ArticleText;

/// Exports the quotes as Citron JSON (`{"quotes": [...]}`), pretty-printed.
pub fn export(doc: &Document) -> String {
    let s = &doc.session;
    let text = &doc.text;
    let nearest = MentionIndex::new(s);
    let quotes: Vec<Value> = s
        .annotations
        .iter()
        .filter_map(|a| {
            let Kind::Quote(q) = &a.kind else {
                return None;
            };
            let sources: Vec<Value> = q
                .speaker
                .and_then(|sp| nearest.nearest(sp, a))
                .map(|m| span(text, m.span()))
                .into_iter()
                .collect();
            let contents: Vec<Value> = std::iter::once(a.span())
                .chain(q.more.iter().copied())
                .map(|f| span(text, f))
                .collect();
            Some(json!({
                "cue": q.cue.map(|c| span(text, c)),
                "sources": sources,
                "contents": contents,
            }))
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "quotes": quotes })).unwrap_or_default() + "\n"
}

fn span(text: &ArticleText, f: Span) -> Value {
    json!({"start": f.start, "end": f.end, "text": text.slice(f.start..f.end)})
}
