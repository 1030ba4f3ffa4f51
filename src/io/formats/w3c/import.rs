//! Reading W3C Web Annotation JSON-LD back into a session (see the parent module for the shape).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

use crate::io::formats::names::{
    check_worthiness_name, parse_value, quote_type_name, verdict_name,
};
use crate::io::formats::{FormatError, FreshIds, quote_input};
use crate::model::annotation::{
    AnnotationId, CheckWorthiness, Claim, Kind, KindTag, Mention, Quote, QuoteType, Span, Verdict,
};
use crate::model::session::{ArticleRef, Session, make_annotation};
use crate::model::speaker::{Speaker, SpeakerId, SpeakerKind};
use crate::model::text::ArticleText;

/// Reads a Web Annotation document — an `AnnotationCollection` (items in `first.items` or
/// `items`), an array of annotations or one annotation — against the article text. Spans come
/// from the `TextPositionSelector` when it matches the `TextQuoteSelector`'s `exact`, otherwise
/// from where `exact` occurs (nearest its old place, preferring matching prefix/suffix).
pub fn import(
    json: &str,
    text: &ArticleText,
    article: ArticleRef,
) -> Result<(Session, Vec<String>), FormatError> {
    import_as(json, text, article, None)
}

/// [`import`], with annotations that carry no `Claim`/`Quote`/`Mention` tag (other tools')
/// read as `default_kind` instead of skipped.
pub fn import_as(
    json: &str,
    text: &ArticleText,
    article: ArticleRef,
    default_kind: Option<KindTag>,
) -> Result<(Session, Vec<String>), FormatError> {
    let doc: Value = serde_json::from_str(json)?;
    let (items, collection) = annotations_in(&doc)?;
    let mut warnings = Vec::new();
    let mut registry: BTreeMap<SpeakerId, Speaker> = BTreeMap::new();
    if let Some(list) = collection.and_then(|c| c.get("newsmark:speakers")?.as_array()) {
        for (i, sp) in list.iter().enumerate() {
            match read_speaker(sp) {
                Some(sp) => {
                    registry.insert(sp.id, sp);
                }
                None => warnings.push(format!("newsmark:speakers[{i}] is not a speaker; skipped")),
            }
        }
    }

    // Speakers named without an id get ids after those of newsmark:speakers, never wrapping.
    let mut fresh_speakers = FreshIds::after(registry.keys().next_back().map(|k| k.0));
    let mut built = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let speakers = (&mut registry, &mut fresh_speakers);
        match read_annotation(item, text, speakers, default_kind, &mut warnings, i) {
            Ok(a) => built.push(a),
            Err(why) => warnings.push(format!("annotation {i}: {why}; skipped")),
        }
    }
    if built.is_empty() && !items.is_empty() {
        return Err(FormatError::NothingParsed {
            format: "W3C",
            problems: warnings,
        });
    }

    let mut used = HashSet::new();
    let mut ids: Vec<Option<AnnotationId>> = built
        .iter()
        .map(|b| b.number.filter(|n| used.insert(*n)).map(AnnotationId))
        .collect();
    let mut fresh = FreshIds::after(used.iter().max().copied());
    for id in ids.iter_mut().filter(|i| i.is_none()) {
        *id = fresh.next(|n| used.contains(&n)).map(AnnotationId);
        if let Some(AnnotationId(n)) = *id {
            used.insert(n);
        }
    }
    let by_iri: HashMap<&str, AnnotationId> = built
        .iter()
        .zip(&ids)
        .filter_map(|(b, id)| Some((b.iri.as_deref()?, (*id)?)))
        .collect();

    let mut session = Session::new(article);
    // Who made them: the first annotation's `creator` name (newsmark writes one for all).
    if let Some(name) = items.iter().find_map(|it| {
        let c = it.get("creator")?;
        c.get("name").and_then(Value::as_str).or_else(|| c.as_str())
    }) {
        session.annotator = name.trim().to_owned();
    }
    for (b, id) in built.iter().zip(&ids) {
        // Only when all 2³² ids are taken, which no file can reach.
        let Some(id) = *id else { continue };
        let mut kind = b.kind.clone();
        let sources: Vec<AnnotationId> = b
            .source_mentions
            .iter()
            .filter_map(|iri| {
                let id = by_iri.get(iri.as_str()).copied();
                if id.is_none() {
                    let iri = quote_input(iri);
                    warnings.push(format!(
                        "a source mention {iri} is not in the file; that link was dropped"
                    ));
                }
                id
            })
            .collect();
        match &mut kind {
            Kind::Quote(q) => q.source_mentions = sources,
            Kind::Claim(c) => c.source_mentions = sources,
            Kind::Mention(_) => {}
        }
        if let (Kind::Claim(c), Some(q)) = (&mut kind, &b.in_quote) {
            c.in_quote = by_iri.get(q.as_str()).copied();
            if c.in_quote.is_none() {
                let q = quote_input(q);
                warnings.push(format!("a claim is in quote {q}, which is not in the file"));
            }
        }
        let mut a = make_annotation(text, id, b.span, kind);
        a.note = b.note.clone();
        session.annotations.push(a);
    }
    session.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    session.speakers = registry.into_values().collect();
    Ok((session, warnings))
}

/// An annotation read from JSON, before ids are settled.
struct Built {
    number: Option<u32>,
    iri: Option<String>,
    span: Span,
    kind: Kind,
    note: String,
    in_quote: Option<String>,
    /// IRIs of the mention annotations that are the source span(s).
    source_mentions: Vec<String>,
}

/// The annotations and, for a collection, the collection object.
fn annotations_in(doc: &Value) -> Result<(&[Value], Option<&Value>), FormatError> {
    if let Some(list) = doc.as_array() {
        return Ok((list, None));
    }
    let types = as_list(doc.get("type"));
    let has = |t: &str| types.iter().any(|x| x.as_str() == Some(t));
    if has("AnnotationCollection") {
        let items = doc
            .get("first")
            .and_then(|f| f.get("items"))
            .or_else(|| doc.get("items"));
        return match items.and_then(Value::as_array) {
            Some(items) => Ok((items, Some(doc))),
            None if doc.get("total").and_then(Value::as_u64) == Some(0) => Ok((&[], Some(doc))),
            None => Err(FormatError::Shape(
                "the AnnotationCollection does not embed its first page's items \
                 (linked pages are not fetched)"
                    .into(),
            )),
        };
    }
    if has("Annotation") {
        return Ok((std::slice::from_ref(doc), None));
    }
    Err(FormatError::Shape(
        "not a W3C Web Annotation document: expected an AnnotationCollection, an Annotation or \
         an array of annotations"
            .into(),
    ))
}

/// A JSON value as a list: arrays as they are, a single value as one item, null/absent as none.
fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(v) => vec![v],
    }
}

fn str_of<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

fn read_speaker(v: &Value) -> Option<Speaker> {
    let id = SpeakerId(u32::try_from(v.get("newsmark:id")?.as_u64()?).ok()?);
    let mut sp = Speaker::new(id, str_of(v, "newsmark:name")?);
    if let Some(k) = str_of(v, "newsmark:kind") {
        sp.kind = parse_value(&SpeakerKind::ALL, SpeakerKind::name, SpeakerKind::label, k)
            .unwrap_or_default();
    }
    sp.aliases = as_list(v.get("newsmark:aliases"))
        .into_iter()
        .filter_map(|a| a.as_str().map(str::to_owned))
        .collect();
    sp.role = str_of(v, "newsmark:role").unwrap_or_default().to_owned();
    if let Some(c) = str_of(v, "newsmark:colour").and_then(|c| c.strip_prefix('#'))
        && c.len() == 6
        && let Ok(n) = u32::from_str_radix(c, 16)
    {
        let [_, r, g, b] = n.to_be_bytes();
        sp.colour = [r, g, b];
    }
    Some(sp)
}

fn read_annotation(
    item: &Value,
    text: &ArticleText,
    (registry, fresh): (&mut BTreeMap<SpeakerId, Speaker>, &mut FreshIds),
    default_kind: Option<KindTag>,
    warnings: &mut Vec<String>,
    i: usize,
) -> Result<Built, String> {
    let iri = str_of(item, "id").map(str::to_owned);
    let number = iri
        .as_deref()
        .and_then(|id| id.rsplit_once("annotation-"))
        .and_then(|(_, n)| n.parse().ok());
    let bodies = as_list(item.get("body"));
    let purpose_is = |b: &Value, p: &str| as_list(b.get("purpose")).iter().any(|x| *x == p);

    let tag = bodies
        .iter()
        .filter(|b| purpose_is(b, "tagging"))
        .filter_map(|b| str_of(b, "value"))
        .find_map(|v| {
            KindTag::ALL
                .into_iter()
                .find(|t| t.label().eq_ignore_ascii_case(v))
        })
        .or_else(|| {
            as_list(item.get("motivation"))
                .iter()
                .any(|m| *m == "identifying")
                .then_some(KindTag::Mention)
        })
        .or(default_kind)
        .ok_or(
            "no tagging body says Claim, Quote or Mention (import with --default-kind \
             claim, quote or mention to read such annotations)",
        )?;

    let mut main = None;
    let mut more = Vec::new();
    for t in as_list(item.get("target")) {
        let span = resolve(t, text, warnings, i)?;
        if str_of(t, "newsmark:role") == Some("more") || main.is_some() {
            more.push(span);
        } else {
            main = Some(span);
        }
    }
    let span = main.ok_or("no target with a text selector")?;

    let speaker = bodies
        .iter()
        .find(|b| purpose_is(b, "identifying"))
        .and_then(|b| {
            let name = str_of(b, "value").unwrap_or_default();
            let given = b
                .get("newsmark:speaker")
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .map(SpeakerId);
            let id = match given
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
            .filter(|b| purpose_is(b, "classifying"))
            .find(|b| str_of(b, "newsmark:attribute") == Some(name))
            .and_then(|b| str_of(b, "value"))
    };
    let note: Vec<&str> = bodies
        .iter()
        .filter(|b| is_comment(b))
        .filter_map(|b| str_of(b, "value"))
        .chain(str_of(item, "bodyValue"))
        .collect();

    let kind = match tag {
        KindTag::Mention => Kind::Mention(Mention { speaker }),
        KindTag::Quote => {
            let cue = bodies
                .iter()
                .find(|b| str_of(b, "newsmark:role") == Some("cue"))
                .map(|b| resolve(b, text, warnings, i))
                .transpose()?;
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
                .filter(|b| purpose_is(b, "linking"))
                .filter_map(|b| str_of(b, "source").or_else(|| str_of(b, "id")))
                .map(str::to_owned)
                .collect(),
            in_quote: None,
            source_mentions: Vec::new(),
        }),
    };
    Ok(Built {
        number,
        iri,
        span,
        kind,
        note: note.join("\n"),
        in_quote: str_of(item, "newsmark:inQuote").map(str::to_owned),
        source_mentions: as_list(item.get("newsmark:sourceMentions"))
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
    })
}

/// True for a body that is a comment: a `TextualBody` (or a body with a `value` and no type)
/// whose purpose is `commenting` or `describing`, or that has no purpose (Hypothesis writes
/// comments so). newsmark's cue body is a `SpecificResource` and never a comment.
fn is_comment(b: &Value) -> bool {
    let textual = match str_of(b, "type") {
        Some(t) => t == "TextualBody",
        None => b.get("value").is_some(),
    };
    let purposes = as_list(b.get("purpose"));
    textual
        && (purposes.is_empty()
            || purposes
                .iter()
                .any(|p| *p == "commenting" || *p == "describing"))
}

/// The span a `SpecificResource`'s selectors point at.
fn resolve(
    resource: &Value,
    text: &ArticleText,
    warnings: &mut Vec<String>,
    i: usize,
) -> Result<Span, String> {
    let selectors = as_list(resource.get("selector"));
    let of_type = |t: &str| {
        selectors
            .iter()
            .copied()
            .find(|s| str_of(s, "type") == Some(t))
    };
    let position = of_type("TextPositionSelector").and_then(|s| {
        let start = usize::try_from(s.get("start")?.as_u64()?).ok()?;
        let end = usize::try_from(s.get("end")?.as_u64()?).ok()?;
        (start <= end && end <= text.len_chars()).then_some(Span { start, end })
    });
    let quote = of_type("TextQuoteSelector");
    let exact = quote.and_then(|q| str_of(q, "exact"));
    match (position, exact) {
        (Some(p), None) => Ok(p),
        (Some(p), Some(e)) if text.slice(p.start..p.end) == e => Ok(p),
        (p, Some(e)) if !e.is_empty() => {
            let prefix = quote.and_then(|q| str_of(q, "prefix")).unwrap_or_default();
            let suffix = quote.and_then(|q| str_of(q, "suffix")).unwrap_or_default();
            let found =
                find_quote(text, e, prefix, suffix, p.map_or(0, |p| p.start)).ok_or_else(|| {
                    format!("the quoted text “{}” is not in the article", quote_input(e))
                })?;
            // Only a quote is the usual W3C way; a position that disagrees is worth a word.
            if of_type("TextPositionSelector").is_some() {
                warnings.push(format!(
                    "annotation {i}: position did not match its quote; anchored at {}..{} by the \
                     quote",
                    found.start, found.end
                ));
            }
            Ok(found)
        }
        _ => Err("no usable TextPositionSelector or TextQuoteSelector".into()),
    }
}

/// Where `exact` occurs: best context match first, then nearest to `near`.
fn find_quote(
    text: &ArticleText,
    exact: &str,
    prefix: &str,
    suffix: &str,
    near: usize,
) -> Option<Span> {
    let s = text.as_str();
    let len = exact.chars().count();
    s.match_indices(exact)
        .map(|(b, _)| {
            let start = text.char_of(b);
            let end = start + len;
            let context = usize::from(s.get(..b).is_some_and(|p| p.ends_with(prefix)))
                + usize::from(text.suffix_of(end, suffix.chars().count()) == suffix);
            (
                std::cmp::Reverse(context),
                start.abs_diff(near),
                Span { start, end },
            )
        })
        .min()
        .map(|(_, _, span)| span)
}
