//! Reading W3C Web Annotation JSON-LD back into a session (see the parent module for the
//! shape): [`json`] reads the document into typed parts, [`place`] puts every target and cue on
//! the text with the model's re-anchoring, and this file builds the session with an account of
//! every annotation. Annotations are numbered from 1 in file order in messages.

mod document;
mod hypothesis;
mod item;
mod json;
mod place;

use std::collections::{BTreeMap, HashMap, HashSet};

use item::{read_annotation, tag_of};
use json::Creator;

use crate::io::formats::tally::Tally;
use crate::io::formats::{FormatError, FreshIds, quote_input as q};
use crate::model::annotation::{AnnotationId, Kind, KindTag};
use crate::model::session::{ArticleRef, Session, make_annotation};
use crate::model::speaker::{Speaker, SpeakerId};
use crate::model::text::ArticleText;

/// The result of a W3C import: the session and an account of every annotation.
#[derive(Clone, Debug)]
pub struct W3cImport {
    /// The imported annotations and speakers.
    pub session: Session,
    /// One reason per annotation, part of one (a target or a cue) or link that was lost.
    pub dropped: Vec<String>,
    /// What was done that the user should know: where a target's position and quote disagreed
    /// and where it was placed.
    pub notes: Vec<String>,
    /// Per kind (`untagged` for annotations without a Claim/Quote/Mention tag): read, kept,
    /// dropped.
    pub tally: Tally,
}

/// Reads a Web Annotation document — an `AnnotationCollection` (items in `first.items` or
/// `items`), an `AnnotationPage`, an array of annotations or one annotation — against the
/// article text; returns the session with what was dropped and the notes, in that order.
pub fn import(
    json: &str,
    text: &ArticleText,
    article: ArticleRef,
) -> Result<(Session, Vec<String>), FormatError> {
    import_as(json, text, article, None)
}

/// [`import`], with annotations that carry no `Claim`/`Quote`/`Mention` tag (other tools')
/// read as `default_kind` instead of dropped.
pub fn import_as(
    json: &str,
    text: &ArticleText,
    article: ArticleRef,
    default_kind: Option<KindTag>,
) -> Result<(Session, Vec<String>), FormatError> {
    let r = import_with(json, text, article, default_kind)?;
    Ok((r.session, [r.dropped, r.notes].concat()))
}

/// [`import_as`] with the full account. Each target is placed by its `TextPositionSelector`
/// and `TextQuoteSelector` through the model's re-anchoring (see [`place`]); one with only a
/// quote goes to the occurrence its prefix and suffix fit best. Fails on malformed JSON, on
/// another shape, and when annotations were there but none could be read.
pub fn import_with(
    json: &str,
    text: &ArticleText,
    article: ArticleRef,
    default_kind: Option<KindTag>,
) -> Result<W3cImport, FormatError> {
    // A first pass notes what annotations share (cues described once, the article's address)
    // and the speakers; the second builds each annotation as it is read, keeping nothing else
    // of the file.
    let mut cues = HashMap::new();
    let mut url = None;
    let mut count = 0usize;
    let mut hypothesis = false;
    let parsed = json::parse(json, &mut |slot| {
        count += 1;
        hypothesis |= slot.hypothesis;
        if let Ok(item) = slot.item.into_inner() {
            item::note_shared(item, &mut cues, &mut url);
        }
    })?;
    hypothesis |= parsed.rows;
    let mut log = Log::default();
    if hypothesis {
        log.notes.push(format!(
            "read as Hypothesis API JSON: {count} annotation(s); their text is kept as the note, \
             their tags as tags (a tag claim, quote or mention gives the kind)"
        ));
    }
    let mut registry: BTreeMap<SpeakerId, Speaker> = BTreeMap::new();
    for (i, sp) in parsed.speakers.iter().enumerate() {
        match sp.read() {
            Ok(sp) => {
                registry.insert(SpeakerId(sp.id), sp.to_speaker());
            }
            Err(why) => log
                .dropped
                .push(format!("newsmark:speakers[{i}]: {why}; dropped")),
        }
    }

    // Speakers named without an id get ids after those of newsmark:speakers, never wrapping.
    let mut fresh_speakers = FreshIds::after(registry.keys().next_back().map(|k| k.0));
    let mut built = Vec::new();
    let mut annotator: Option<String> = None;
    let mut i = 0usize;
    json::parse(json, &mut |slot| {
        i += 1;
        let item = match slot.item.read() {
            Ok(item) => item,
            Err(why) => {
                log.tally.read("unreadable");
                log.tally.dropped("unreadable");
                log.dropped.push(format!("annotation {i}: {why}; dropped"));
                return;
            }
        };
        if annotator.is_none() {
            annotator = item.creator.0.iter().find_map(|c| match c.read().ok()? {
                Creator::Agent { name } => name.clone(),
                Creator::Iri(iri) => Some(iri.clone()),
            });
        }
        let who = match &item.id {
            Some(id) => format!("annotation {i} ({})", q(id)),
            None => format!("annotation {i}"),
        };
        let tag = tag_of(item);
        let ty = tag.map_or("untagged", KindTag::label);
        log.tally.read(ty);
        let speakers = (&mut registry, &mut fresh_speakers);
        let read = match tag.or(default_kind) {
            Some(tag) => read_annotation(item, tag, text, speakers, &cues, &who, &mut log),
            None => Err("no tagging body says Claim, Quote or Mention (import with \
                         --default-kind claim, quote or mention to read such annotations)"
                .into()),
        };
        match read {
            Ok(b) => {
                log.tally.kept(ty);
                built.push(b);
            }
            Err(why) => {
                log.tally.dropped(ty);
                log.dropped.push(format!("{who}: {why}; dropped"));
            }
        }
    })?;
    if built.is_empty() && count > 0 {
        return Err(FormatError::NothingParsed {
            format: "W3C",
            problems: log.dropped,
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
    // Who made them: the first `creator` name (newsmark writes one for all).
    session.annotator = annotator.unwrap_or_default().trim().to_owned();
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
                    let iri = q(iri);
                    log.dropped.push(format!(
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
        if let (Kind::Claim(c), Some(quote)) = (&mut kind, &b.in_quote) {
            c.in_quote = by_iri.get(quote.as_str()).copied();
            if c.in_quote.is_none() {
                let quote = q(quote);
                log.dropped.push(format!(
                    "a claim is in quote {quote}, which is not in the file; that link was dropped"
                ));
            }
        }
        let mut a = make_annotation(text, id, b.span, kind);
        a.note = b.note.clone();
        a.tags = b.tags.clone();
        session.annotations.push(a);
    }
    session.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    session.speakers = registry.into_values().collect();
    // The article's address as the file names it, so a re-export names it the same way
    // instead of by the text's hash.
    if session.publication.article_url.trim().is_empty()
        && let Some(Some(url)) = url
    {
        log.notes.push(format!(
            "the article's address {} is kept, and exports name it",
            q(&url)
        ));
        session.publication.article_url = url;
    }
    Ok(W3cImport {
        session,
        dropped: log.dropped,
        notes: log.notes,
        tally: log.tally,
    })
}

/// What an import says as it goes.
#[derive(Default)]
struct Log {
    dropped: Vec<String>,
    notes: Vec<String>,
    tally: Tally,
}
