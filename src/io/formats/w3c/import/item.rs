//! Reading one annotation: its kind, its targets placed on the text, its speaker, attributes,
//! note, cue and links, with a note or a reason for whatever did not fit.

use std::collections::{BTreeMap, HashMap};

use super::Log;
use super::json::{Annotation as Item, Node, Resource};
use super::place::{Placed, place};
use crate::io::formats::names::{
    check_worthiness_name, parse_value, quote_type_name, verdict_name,
};
use crate::io::formats::{FreshIds, quote_input as q};
use crate::model::annotation::{
    CheckWorthiness, Claim, Kind, KindTag, Mention, Quote, QuoteType, Span, Verdict,
};
use crate::model::speaker::{Speaker, SpeakerId};
use crate::model::text::ArticleText;

/// An annotation read from JSON, before ids are settled.
pub(super) struct Built {
    pub(super) number: Option<u32>,
    pub(super) iri: Option<String>,
    pub(super) span: Span,
    pub(super) kind: Kind,
    pub(super) note: String,
    /// `tagging` bodies that name no kind ("needs-check"), in order.
    pub(super) tags: Vec<String>,
    pub(super) in_quote: Option<String>,
    /// IRIs of the mention annotations that are the source span(s).
    pub(super) source_mentions: Vec<String>,
}

/// The bodies that are resources (not IRIs), in order.
fn resources(item: &Item) -> impl Iterator<Item = &Resource> {
    item.body.0.iter().filter_map(|b| match b {
        Node::Resource(r) => Some(r.as_ref()),
        Node::Iri(_) => None,
    })
}

/// What one annotation tells about the others, noted in a first pass over the file: its cue
/// bodies described in place with an id, by id (a quote may name a cue it shares with another
/// only by that id: an IRI body, or an object with the id and no selector, as JSON-LD tools
/// write a node met twice; the first description of an id wins), and the first web address a
/// target names as its `source` (the article's, in `url`; `Some(None)` once a first address
/// that is not `http:`/`https:` was met).
pub(super) fn note_shared(
    item: Item,
    cues: &mut HashMap<String, Resource>,
    url: &mut Option<Option<String>>,
) {
    if url.is_none() {
        *url = item
            .target
            .0
            .iter()
            .find_map(|t| match t {
                Node::Resource(r) => r.link(),
                Node::Iri(_) => None,
            })
            .map(|u| (u.starts_with("https://") || u.starts_with("http://")).then(|| u.to_owned()));
    }
    for b in item.body.0 {
        if let Node::Resource(b) = b
            && is_cue(&b)
            && !b.selector.0.is_empty()
            && let Some(id) = b.id.clone()
        {
            cues.entry(id).or_insert(*b);
        }
    }
}

/// True for newsmark's cue body (`newsmark:role: "cue"`).
fn is_cue(b: &Resource) -> bool {
    b.role.as_deref() == Some("cue")
}

/// The cue of `item`: its cue body with selectors, or the shared cue (in `cues`) that a cue
/// body without selectors, an IRI body or a bare `{"id": …}` body names.
fn cue_of<'a>(item: &'a Item, cues: &'a HashMap<String, Resource>) -> Option<&'a Resource> {
    let shared = |id: Option<&str>| id.and_then(|id| cues.get(id));
    item.body.0.iter().find_map(|b| match b {
        Node::Iri(iri) => shared(Some(iri)),
        Node::Resource(r) if is_cue(r) && !r.selector.0.is_empty() => Some(r.as_ref()),
        // Without selectors: the shared cue it names, else (a cue body) itself, to be
        // dropped with the reason.
        Node::Resource(r) if r.selector.0.is_empty() && (is_cue(r) || r.value.is_none()) => {
            shared(r.id.as_deref()).or_else(|| is_cue(r).then_some(r.as_ref()))
        }
        Node::Resource(_) => None,
    })
}

/// The kind a `tagging` body names, or `Mention` for the `identifying` motivation.
pub(super) fn tag_of(item: &Item) -> Option<KindTag> {
    resources(item)
        .filter(|b| b.has_purpose("tagging"))
        .filter_map(|b| b.value.as_deref())
        .find_map(|v| {
            KindTag::ALL
                .into_iter()
                .find(|t| t.label().eq_ignore_ascii_case(v))
        })
        .or_else(|| {
            item.motivation
                .0
                .iter()
                .any(|m| m == "identifying")
                .then_some(KindTag::Mention)
        })
}

/// Reads `item` as a `tag` annotation; `Err` says why it was dropped.
pub(super) fn read_annotation(
    item: &Item,
    tag: KindTag,
    text: &ArticleText,
    (registry, fresh): (&mut BTreeMap<SpeakerId, Speaker>, &mut FreshIds),
    cues: &HashMap<String, Resource>,
    who: &str,
    log: &mut Log,
) -> Result<Built, String> {
    let targets = &item.target.0;
    let part = |k: usize| match targets.len() {
        1 => who.to_owned(),
        _ => format!("{who}, target {}", k + 1),
    };
    let mut main = None;
    let mut more = Vec::new();
    let mut lost = Vec::new();
    for (k, t) in targets.iter().enumerate() {
        let (placed, is_more) = match t {
            Node::Iri(iri) => (Placed::Dropped(whole(Some(iri))), false),
            Node::Resource(r) if r.selector.0.is_empty() => {
                (Placed::Dropped(whole(r.link())), false)
            }
            Node::Resource(r) => (
                place(text, &r.selector.0),
                r.role.as_deref() == Some("more"),
            ),
        };
        let span = match placed {
            Placed::Kept(s) => s,
            Placed::Noted(s, note) => {
                log.notes.push(format!("{}: {note}", part(k)));
                s
            }
            Placed::Dropped(why) => {
                lost.push((k, why));
                continue;
            }
        };
        if is_more || main.is_some() {
            more.push(span);
        } else {
            main = Some(span);
        }
    }
    if main.is_none() && !more.is_empty() {
        main = Some(more.remove(0));
    }
    let Some(span) = main else {
        return Err(match lost.as_slice() {
            [] => "it has no target".into(),
            [(_, why)] => why.clone(),
            [(k, why), rest @ ..] => format!(
                "no target could be placed (target {}: {why}; and {} more)",
                k + 1,
                rest.len()
            ),
        });
    };
    for (k, why) in lost {
        log.dropped
            .push(format!("{}: {why}; that part was dropped", part(k)));
    }
    for iri in item.body.0.iter().filter_map(|b| match b {
        Node::Iri(iri) if !cues.contains_key(iri.as_str()) => Some(q(iri)),
        Node::Iri(_) | Node::Resource(_) => None,
    }) {
        log.notes.push(format!(
            "{who}: a body is only a link, {iri}, which newsmark does not keep"
        ));
    }
    let bodies: Vec<&Resource> = resources(item).collect();

    let speaker = bodies
        .iter()
        .find(|b| b.has_purpose("identifying"))
        .and_then(|b| {
            let name = b.value.as_deref().unwrap_or_default();
            let id = match b
                .speaker
                .map(SpeakerId)
                .or_else(|| registry.values().find(|s| s.is_called(name)).map(|s| s.id))
            {
                Some(id) => id,
                None => SpeakerId(fresh.next(|n| registry.contains_key(&SpeakerId(n)))?),
            };
            registry.entry(id).or_insert_with(|| Speaker::new(id, name));
            Some(id)
        });
    let attr = |name: &str| {
        bodies
            .iter()
            .filter(|b| b.has_purpose("classifying"))
            .find(|b| b.attribute.as_deref() == Some(name))
            .and_then(|b| b.value.as_deref())
    };
    let is_kind = |v: &str| {
        KindTag::ALL
            .iter()
            .any(|t| t.label().eq_ignore_ascii_case(v))
    };
    let tags: Vec<String> = bodies
        .iter()
        .filter(|b| b.has_purpose("tagging"))
        .filter_map(|b| b.value.as_deref())
        .map(str::trim)
        .filter(|v| !v.is_empty() && !is_kind(v))
        .map(str::to_owned)
        .collect();
    let note: Vec<&str> = bodies
        .iter()
        .filter(|b| is_comment(b))
        .filter_map(|b| b.value.as_deref())
        .chain(item.body_value.as_deref())
        .collect();

    let kind = match tag {
        KindTag::Mention => Kind::Mention(Mention { speaker }),
        KindTag::Quote => {
            let cue = cue_of(item, cues).and_then(|b| match place(text, &b.selector.0) {
                Placed::Kept(s) => Some(s),
                Placed::Noted(s, note) => {
                    log.notes.push(format!("{who}: its cue: {note}"));
                    Some(s)
                }
                Placed::Dropped(why) => {
                    let why = format!("{who}: its cue: {why}; the cue was dropped");
                    log.dropped.push(why);
                    None
                }
            });
            Kind::Quote(Quote {
                speaker,
                cue,
                quote_type: attr("quoteType")
                    .and_then(|v| {
                        parse_value(&QuoteType::ALL, quote_type_name, QuoteType::label, v)
                    })
                    .unwrap_or(QuoteType::Unspecified),
                more,
                source_mentions: Vec::new(),
            })
        }
        KindTag::Claim => Kind::Claim(Claim {
            speaker,
            check_worthiness: attr("checkWorthiness")
                .and_then(|v| {
                    let all = &CheckWorthiness::ALL;
                    parse_value(all, check_worthiness_name, CheckWorthiness::label, v)
                })
                .unwrap_or_default(),
            verdict: attr("verdict")
                .and_then(|v| parse_value(&Verdict::ALL, verdict_name, Verdict::label, v))
                .unwrap_or_default(),
            sources: bodies
                .iter()
                .filter(|b| b.has_purpose("linking"))
                .filter_map(|b| b.link())
                .map(str::to_owned)
                .collect(),
            in_quote: None,
            source_mentions: Vec::new(),
            review: String::new(),
        }),
    };
    let iri = item.id.clone();
    Ok(Built {
        number: iri
            .as_deref()
            .and_then(|id| id.rsplit_once("annotation-"))
            .and_then(|(_, n)| n.parse().ok()),
        iri,
        span,
        kind,
        note: note.join("\n"),
        tags,
        in_quote: item.in_quote.clone(),
        source_mentions: item.source_mentions.0.clone(),
    })
}

/// Why a target without a selector (`iri` names its document) is dropped.
fn whole(iri: Option<&str>) -> String {
    let iri = iri.map(|i| format!(" {}", q(i))).unwrap_or_default();
    format!(
        "its target{iri} is a whole document (it has no selector), and newsmark annotates spans \
         of text"
    )
}

/// True for a body that is a comment: a `TextualBody` (or a body with a `value` and no type)
/// whose purpose is `commenting` or `describing`, or that has no purpose (Hypothesis writes
/// comments so). newsmark's cue body is a `SpecificResource` and never a comment.
fn is_comment(b: &Resource) -> bool {
    let textual = if b.types.0.is_empty() {
        b.value.is_some()
    } else {
        b.types.0.iter().any(|t| t == "TextualBody")
    };
    let purposes = &b.purpose.0;
    textual
        && (purposes.is_empty()
            || purposes
                .iter()
                .any(|p| p == "commenting" || p == "describing"))
}
