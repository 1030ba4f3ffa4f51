//! Reading the lines of a brat `.ann` that are not `T` lines: relations, `Equiv` groups,
//! attributes, normalizations and notes (see the parent module for the layout).

use std::collections::HashMap;

use super::import::{Entity, Tag};
use super::{SPEAKER_REF, unescape};
use crate::io::formats::quote_input as q;
use crate::model::speaker::SpeakerId;

/// Everything read from the lines that are not `T` lines, keyed by the `T` id they refer to.
#[derive(Default)]
pub(super) struct Links {
    pub(super) source: HashMap<String, String>,
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

/// Parses one non-`T` line into `links`.
pub(super) fn parse_link(
    line: &str,
    entities: &HashMap<String, Entity>,
    links: &mut Links,
    no: usize,
) -> Result<(), String> {
    let mut fields = line.splitn(3, '\t');
    let id = fields.next().unwrap_or_default();
    let body = fields.next().unwrap_or_default();
    let extra = fields.next();
    let words: Vec<&str> = body.split(' ').filter(|w| !w.is_empty()).collect();
    let tag_of = |t: &str| -> Result<Tag, String> {
        entities
            .get(t)
            .map(|e| e.tag)
            .ok_or_else(|| format!("{} is not a readable T annotation", q(t)))
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
                    links.source.insert(x, y);
                }
                ("said", Tag::Quote, Tag::Cue) => {
                    links.said.insert(x, y);
                }
                ("inquote", Tag::Claim, Tag::Quote) => {
                    links.in_quote.insert(x, y);
                }
                _ => {
                    return Err(format!(
                        "relation {} from a {tx:?} to a {ty:?} has no meaning in newsmark \
                         (known: Source Quote/Claim→Mention, Said Quote→Cue, InQuote Claim→Quote)",
                        q(rel)
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
        ('E', _) => return Err("events are not used by newsmark; skipped".into()),
        _ => return Err(format!("cannot read “{}”", q(line))),
    }
    Ok(())
}
