//! Citron JSON export (BBC R&D's quote extractor), in the shape Citron's own reader
//! (`citron/data.py`, `CitronParser.parse`) loads: `{"text", "quotes", "coreference_groups"}`,
//! every span `{start, end, text}` in code points of the normalized text (Python string
//! indices, which Citron uses).
//!
//! - `text`: the normalized article text, so that the offsets can be checked and tokenized;
//! - `quotes`: one per quote **that has a cue** — Citron's reader requires one (a quote without a
//!   cue is left out and listed by [`render`]); each with `cue`, `sources` (the quote's
//!   `source_mentions`, or when it has none the speaker's nearest mention, or nothing),
//!   `contents` (the quote span, then its `more` fragments; content spans include the
//!   quotation marks when the annotator included them, as in Citron's own data) and
//!   `coreferences` (the speaker's other mentions); quotes that **share a cue** (one "said"
//!   for two contents) are two quotes with the same `cue` span, as Citron's own PARC extractor
//!   writes one quote per attribution and its reader and metrics match cues by span;
//! - `coreference_groups`: for each speaker mentioned twice or more, all its mentions.
//!
//! Empty spans are never written (Citron cannot map them to tokens).

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::io::document::Document;
use crate::io::formats::nearest::MentionIndex;
use crate::io::formats::quote_input;
use crate::model::annotation::{Annotation, AnnotationId, Kind, Span};
use crate::model::speaker::SpeakerId;
use crate::model::text::ArticleText;

/// A Citron export: the JSON and the quotes left out, one line each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitronExport {
    /// The JSON document, pretty-printed.
    pub json: String,
    /// `#3 Quote “…”: …` for every quote that could not be written.
    pub left_out: Vec<String>,
}

/// Exports the quotes as Citron JSON; see [`render`] for what is left out.
pub fn export(doc: &Document) -> String {
    render(doc).json
}

/// Exports the quotes as Citron JSON and lists the quotes left out (no cue, or only empty spans).
pub fn render(doc: &Document) -> CitronExport {
    let s = &doc.session;
    let text = &doc.text;
    let nearest = MentionIndex::new(s);
    // Each speaker's non-empty mentions, in text order.
    let mut mentions_of: HashMap<SpeakerId, Vec<&Annotation>> = HashMap::new();
    let mut mentions: HashMap<AnnotationId, &Annotation> = HashMap::new();
    for m in s.annotations.iter().filter(|m| m.end > m.start) {
        if let Kind::Mention(x) = &m.kind {
            mentions.insert(m.id, m);
            if let Some(sp) = x.speaker {
                mentions_of.entry(sp).or_default().push(m);
            }
        }
    }
    for ms in mentions_of.values_mut() {
        ms.sort_by_key(|m| (m.start, m.end, m.id));
    }
    let mut left_out = Vec::new();
    let mut quotes = Vec::new();
    for a in &s.annotations {
        let Kind::Quote(q) = &a.kind else {
            continue;
        };
        let contents: Vec<Value> = std::iter::once(a.span())
            .chain(q.more.iter().copied())
            .filter(|f| !f.is_empty())
            .map(|f| span(text, f))
            .collect();
        let why = match q.cue.filter(|c| !c.is_empty()) {
            None => Some("it has no cue, which Citron requires"),
            Some(_) if contents.is_empty() => Some("its content is empty"),
            Some(_) => None,
        };
        let (Some(cue), None) = (q.cue, why) else {
            let why = why.unwrap_or_default();
            left_out.push(format!(
                "#{} Quote “{}”: {why}",
                a.id.0,
                quote_input(&a.exact)
            ));
            continue;
        };
        let mut sources: Vec<&Annotation> = Vec::new();
        for id in &q.source_mentions {
            if let Some(m) = mentions.get(id)
                && !sources.iter().any(|x| x.id == *id)
            {
                sources.push(m);
            }
        }
        if sources.is_empty() {
            sources.extend(q.speaker.and_then(|sp| nearest.nearest(sp, a)));
        }
        let corefs: Vec<Value> = q
            .speaker
            .and_then(|sp| mentions_of.get(&sp))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|m| !sources.iter().any(|x| x.id == m.id))
            .map(|m| span(text, m.span()))
            .collect();
        quotes.push(json!({
            "cue": span(text, cue),
            "sources": sources.iter().map(|m| span(text, m.span())).collect::<Vec<_>>(),
            "contents": contents,
            "coreferences": corefs,
        }));
    }
    let mut seen = std::collections::HashSet::new();
    let groups: Vec<Value> = s
        .speakers
        .iter()
        .filter(|sp| seen.insert(sp.id))
        .filter_map(|sp| mentions_of.get(&sp.id).filter(|ms| ms.len() >= 2))
        .map(|ms| Value::Array(ms.iter().map(|m| span(text, m.span())).collect()))
        .collect();
    let doc = json!({
        "text": text.as_str(),
        "quotes": quotes,
        "coreference_groups": groups,
    });
    CitronExport {
        json: serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n",
        left_out,
    }
}

fn span(text: &ArticleText, f: Span) -> Value {
    json!({"start": f.start, "end": f.end, "text": text.slice(f.start..f.end)})
}
