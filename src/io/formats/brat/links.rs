//! Reading the lines of a brat `.ann` that are not `T` lines: relations, `Equiv` groups,
//! attributes, normalizations and notes (see the parent module for the layout).

use std::collections::{HashMap, HashSet};

use super::entity::{Entity, Tag};
use super::{SPEAKER_REF, unescape};
use crate::io::formats::quote_input as q;
use crate::model::speaker::SpeakerId;

/// Everything read from the lines that are not `T` lines, keyed by the `T` id they refer to.
#[derive(Default)]
pub(super) struct Links {
    /// Quote or claim → its source mentions, in file order (several are kept).
    pub(super) source: HashMap<String, Vec<String>>,
    /// `E` lines: (line, the trigger and role:T arguments as (role, T)).
    pub(super) events: Vec<(usize, Vec<(String, String)>)>,
    pub(super) said: HashMap<String, String>,
    pub(super) in_quote: HashMap<String, String>,
    pub(super) equiv: Vec<Vec<String>>,
    /// (line, T, attribute name, value)
    pub(super) attrs: Vec<(usize, String, String, String)>,
    /// (line, T, speaker id, name)
    pub(super) speaker_refs: Vec<(usize, String, SpeakerId, String)>,
    pub(super) sources: HashMap<String, Vec<String>>,
    pub(super) notes: HashMap<String, Vec<String>>,
}

/// What became of a line that was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Linked {
    /// It is part of the session.
    Kept,
    /// It only refers to annotations the type map skips.
    Skipped,
    /// An event, resolved once every line is read.
    Event,
}

/// The type of a non-`T` line for the import's account: `relation Source`, `event
/// Attribution`, `attribute QuoteType`, `normalization`, `note`, `Equiv`.
pub(super) fn line_type(line: &str, entity_type: impl Fn(&str) -> Option<String>) -> String {
    let mut fields = line.splitn(3, '\t');
    let id = fields.next().unwrap_or_default();
    let body = fields.next().unwrap_or_default();
    let first_word = body.split(' ').next().unwrap_or_default();
    match id.chars().next() {
        Some('R') => format!("relation {}", q(first_word)),
        Some('E') => {
            let trigger = first_word.split_once(':').map_or("", |(_, t)| t);
            let ty = entity_type(trigger).unwrap_or_else(|| q(first_word));
            format!("event {ty}")
        }
        Some('A' | 'M') => format!("attribute {}", q(first_word)),
        Some('N') => "normalization".to_owned(),
        Some('#') => "note".to_owned(),
        Some('*') => q(first_word),
        _ => "unreadable line".to_owned(),
    }
}

/// Parses one non-`T` line into `links`.
pub(super) fn parse_link(
    line: &str,
    entities: &HashMap<String, Entity>,
    skipped: &HashSet<String>,
    links: &mut Links,
    no: usize,
) -> Result<Linked, String> {
    let mut fields = line.splitn(3, '\t');
    let id = fields.next().unwrap_or_default();
    let body = fields.next().unwrap_or_default();
    let extra = fields.next();
    let words: Vec<&str> = body.split(' ').filter(|w| !w.is_empty()).collect();
    // A line about an annotation the map skips is skipped with it.
    let refers_to_skipped = words
        .iter()
        .map(|w| w.split_once(':').map_or(*w, |(_, t)| t))
        .any(|t| skipped.contains(t));
    if id.starts_with('E') {
        let args: Vec<(String, String)> = words
            .iter()
            .filter_map(|w| w.split_once(':'))
            .map(|(role, t)| (role.to_owned(), t.to_owned()))
            .collect();
        if args.is_empty() {
            return Err(format!("event “{}” has no ROLE:T arguments", q(body)));
        }
        links.events.push((no, args));
        return Ok(Linked::Event);
    }
    if refers_to_skipped {
        return Ok(Linked::Skipped);
    }
    let tag_of = |t: &str| -> Result<Tag, String> {
        entities.get(t).map(|e| e.tag).ok_or_else(|| {
            format!(
                "{} names no annotation that was read (missing, or dropped above)",
                q(t)
            )
        })
    };
    let Some(first) = id.chars().next() else {
        return Err("empty id".into());
    };
    match (first, words.as_slice()) {
        ('R', [rel, a1, a2]) => {
            let arg = |a: &str| a.split_once(':').map(|(_, t)| t.to_owned());
            let (Some(x), Some(y)) = (arg(a1), arg(a2)) else {
                return Err(format!(
                    "relation arguments “{} {}” are not ROLE:T",
                    q(a1),
                    q(a2)
                ));
            };
            let (tx, ty) = (tag_of(&x)?, tag_of(&y)?);
            match (super::fold(rel).as_str(), tx, ty) {
                ("source", Tag::Quote | Tag::Claim, Tag::Mention) => {
                    let sources = links.source.entry(x).or_default();
                    if !sources.contains(&y) {
                        sources.push(y);
                    }
                }
                ("said", Tag::Quote, Tag::Cue) => {
                    links.said.insert(x, y);
                }
                ("inquote", Tag::Claim, Tag::Quote) => {
                    links.in_quote.insert(x, y);
                }
                _ => {
                    return Err(format!(
                        "relation {} from a {} to a {} has no meaning in newsmark \
                         (known: Source Quote/Claim→Mention, Said Quote→Cue, InQuote Claim→Quote)",
                        q(rel),
                        tx.name(),
                        ty.name()
                    ));
                }
            }
        }
        ('*', [rel, members @ ..]) if super::fold(rel) == "equiv" => {
            let mut group = Vec::new();
            for m in members {
                if tag_of(m)? != Tag::Mention {
                    return Err(format!(
                        "Equiv groups mentions, but {} is not a Mention",
                        q(m)
                    ));
                }
                group.push((*m).to_owned());
            }
            links.equiv.push(group);
        }
        ('A' | 'M', [name, t, value]) => {
            tag_of(t)?;
            links
                .attrs
                .push((no, (*t).to_owned(), (*name).to_owned(), (*value).to_owned()));
        }
        ('N', [_, t, reference]) => {
            tag_of(t)?;
            let name = unescape(extra.unwrap_or_default());
            let speaker = reference
                .strip_prefix(SPEAKER_REF)
                .or_else(|| reference.strip_prefix("newsmark:speaker-"));
            if let Some(n) = speaker {
                let n = n
                    .parse()
                    .map_err(|_| format!("speaker reference “{}” has no number", q(reference)))?;
                links
                    .speaker_refs
                    .push((no, (*t).to_owned(), SpeakerId(n), name));
            } else if (reference.starts_with("source:") || reference.starts_with("url:"))
                && tag_of(t)? == Tag::Claim
            {
                links.sources.entry((*t).to_owned()).or_default().push(name);
            } else {
                return Err(format!(
                    "normalization “{}” is neither {SPEAKER_REF}N nor a claim's source:N",
                    q(reference)
                ));
            }
        }
        ('#', [_, t]) => {
            tag_of(t)?;
            let note = unescape(extra.unwrap_or_default());
            links.notes.entry((*t).to_owned()).or_default().push(note);
        }
        _ => return Err(format!("cannot read “{}”", q(line))),
    }
    Ok(Linked::Kept)
}
