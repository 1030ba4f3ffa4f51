//! One exported annotation as typed structs that serde writes: the same shapes the import
//! reads (`import/json.rs`: `Annotation`, `Resource`, `Node`, selectors), so the format is
//! defined once per side and a field added to one is looked for in the other. Fields are
//! declared in the order JSON-LD readers see them (alphabetical, as before), so an export's
//! bytes do not depend on how it is built.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::io::document::Document;
use crate::io::formats::names::{check_worthiness_name, quote_type_name, verdict_name};
use crate::model::annotation::{Annotation, AnnotationId, CONTEXT_CHARS, Kind, QuoteType, Span};
use crate::model::speaker::{Speaker, SpeakerId};
use crate::model::text::ArticleText;

/// An annotation of the collection's page.
#[derive(Serialize)]
pub(super) struct Item<'a> {
    body: Vec<Body<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Creator<'a>>,
    id: String,
    motivation: &'static str,
    #[serde(rename = "newsmark:inQuote", skip_serializing_if = "Option::is_none")]
    in_quote: Option<String>,
    #[serde(
        rename = "newsmark:sourceMentions",
        skip_serializing_if = "Vec::is_empty"
    )]
    source_mentions: Vec<String>,
    target: OneOrMany<Target<'a>>,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// A body: text (kind, speaker, attribute, tag, note), a link (a claim's source) or the cue.
#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Text(Textual<'a>),
    Link(Link<'a>),
    Cue(Target<'a>),
}

/// A `TextualBody`.
#[derive(Serialize)]
struct Textual<'a> {
    #[serde(rename = "newsmark:attribute", skip_serializing_if = "Option::is_none")]
    attribute: Option<&'static str>,
    #[serde(rename = "newsmark:speaker", skip_serializing_if = "Option::is_none")]
    speaker: Option<u32>,
    purpose: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
}

/// A `SpecificResource` body that links to a claim's source.
#[derive(Serialize)]
struct Link<'a> {
    purpose: &'static str,
    source: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// A `SpecificResource` on the article: a target, or (with `id` and `purpose`) the cue.
#[derive(Serialize)]
struct Target<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(rename = "newsmark:role", skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    purpose: Option<&'static str>,
    selector: (Position, Quote<'a>),
    source: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// A `TextPositionSelector`: code points of the normalized text.
#[derive(Serialize)]
struct Position {
    end: usize,
    start: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// A `TextQuoteSelector`.
#[derive(Serialize)]
struct Quote<'a> {
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// The annotator.
#[derive(Serialize)]
struct Creator<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// One value, or a list of them (a single target is written alone).
#[derive(Serialize)]
#[serde(untagged)]
enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

/// What every item of one export shares.
pub(super) struct Context<'a> {
    /// The open document.
    pub doc: &'a Document,
    /// Speakers by id.
    pub speakers: &'a HashMap<SpeakerId, &'a Speaker>,
    /// The annotations that exist (links to others are left out).
    pub present: &'a HashSet<AnnotationId>,
    /// The IRI targets name as their `source`.
    pub source: &'a str,
    /// The stem of every id.
    pub base: &'a str,
}

/// The id of annotation `n`: `<base>:annotation-<n>`.
pub(super) fn annotation_id(base: &str, n: u32) -> String {
    format!("{base}:annotation-{n}")
}

/// The id of the cue resource at `span`: `<base>:cue-<start>-<end>`, the same for every quote
/// whose cue it is.
fn cue_id(base: &str, span: Span) -> String {
    format!("{base}:cue-{}-{}", span.start, span.end)
}

fn text<'a>(purpose: &'static str, value: &'a str) -> Body<'a> {
    Body::Text(Textual {
        attribute: None,
        speaker: None,
        purpose,
        kind: "TextualBody",
        value,
    })
}

fn attribute(name: &'static str, value: &'static str) -> Body<'static> {
    Body::Text(Textual {
        attribute: Some(name),
        speaker: None,
        purpose: "classifying",
        kind: "TextualBody",
        value,
    })
}

/// A `SpecificResource` on the article with position and quote selectors for `span`.
fn target<'a>(text: &'a ArticleText, source: &'a str, span: Span) -> Target<'a> {
    Target {
        id: None,
        role: None,
        purpose: None,
        selector: (
            Position {
                end: span.end,
                start: span.start,
                kind: "TextPositionSelector",
            },
            Quote {
                exact: text.slice(span.start..span.end),
                prefix: text.prefix_of(span.start, CONTEXT_CHARS),
                suffix: text.suffix_of(span.end, CONTEXT_CHARS),
                kind: "TextQuoteSelector",
            },
        ),
        source,
        kind: "SpecificResource",
    }
}

/// Annotation `a` as an item of the collection.
pub(super) fn item<'a>(cx: &Context<'a>, a: &'a Annotation) -> Item<'a> {
    let article = &cx.doc.text;
    let mut body = vec![text_body_kind(a)];
    body.extend(a.tags.iter().map(|t| text("tagging", t)));
    if let Some(sp) = a.kind.speaker().and_then(|id| cx.speakers.get(&id)) {
        body.push(Body::Text(Textual {
            attribute: None,
            speaker: Some(sp.id.0),
            purpose: "identifying",
            kind: "TextualBody",
            value: &sp.name,
        }));
    }
    let mut targets = vec![target(article, cx.source, a.span())];
    let mut in_quote = None;
    match &a.kind {
        Kind::Claim(c) => {
            let cw = check_worthiness_name(c.check_worthiness);
            body.push(attribute("checkWorthiness", cw));
            body.push(attribute("verdict", verdict_name(c.verdict)));
            body.extend(c.sources.iter().map(|src| {
                Body::Link(Link {
                    purpose: "linking",
                    source: src,
                    kind: "SpecificResource",
                })
            }));
            in_quote = c.in_quote.map(|q| annotation_id(cx.base, q.0));
        }
        Kind::Quote(q) => {
            if q.quote_type != QuoteType::Unspecified {
                body.push(attribute("quoteType", quote_type_name(q.quote_type)));
            }
            if let Some(span) = q.cue {
                let mut cue = target(article, cx.source, span);
                cue.id = Some(cue_id(cx.base, span));
                cue.role = Some("cue");
                cue.purpose = Some("describing");
                body.push(Body::Cue(cue));
            }
            targets.extend(q.more.iter().map(|f| {
                let mut more = target(article, cx.source, *f);
                more.role = Some("more");
                more
            }));
        }
        Kind::Mention(_) => {}
    }
    if !a.note.is_empty() {
        body.push(text("commenting", &a.note));
    }
    let source_mentions = a
        .kind
        .source_mentions()
        .iter()
        .filter(|id| cx.present.contains(*id))
        .map(|id| annotation_id(cx.base, id.0))
        .collect();
    let annotator = cx.doc.session.annotator.trim();
    Item {
        body,
        creator: (!annotator.is_empty()).then_some(Creator {
            name: annotator,
            kind: "Person",
        }),
        id: annotation_id(cx.base, a.id.0),
        motivation: match a.kind {
            Kind::Mention(_) => "identifying",
            _ => "classifying",
        },
        in_quote,
        source_mentions,
        target: if targets.len() == 1 {
            OneOrMany::One(targets.remove(0))
        } else {
            OneOrMany::Many(targets)
        },
        kind: "Annotation",
    }
}

/// The body that says the annotation's kind: `Claim`, `Quote` or `Mention`.
fn text_body_kind(a: &Annotation) -> Body<'static> {
    text("tagging", a.kind.tag().label())
}
