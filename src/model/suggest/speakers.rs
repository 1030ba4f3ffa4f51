//! Speakers of suggestions: mentions of known speakers, and a name for every source.
//!
//! A source that names a known speaker (by name or alias) is theirs. Another name joins an
//! earlier one with the same last word (`Caddell` after `Pat Caddell`), else it is new. A
//! pronoun goes to the nearest speaker named before it that it can stand for: "he" or "she"
//! to no organisation, "it" to no person.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::annotation::Span;
use crate::model::speaker::{Speaker, SpeakerKind};

use super::sources::{ORGANISATION_WORDS, looks_like_person, name_of};
use super::tokens::{TokKind, Token, tokenize};
use super::{Doc, MentionSuggestion, QuoteSuggestion};

/// One token of a name to look for: a lower-case word or a punctuation mark.
type Pattern = Vec<(TokKind, String)>;

/// Every place a known speaker's name or alias stands, longest match first, not overlapping.
pub fn known_mentions(doc: &Doc, known: &[Speaker]) -> Vec<MentionSuggestion> {
    let mut by_first: HashMap<String, Vec<(Pattern, &str)>> = HashMap::new();
    for sp in known {
        for name in std::iter::once(&sp.name).chain(&sp.aliases) {
            let chars: Vec<char> = name.chars().collect();
            let pattern: Pattern = tokenize(&chars)
                .into_iter()
                .filter(|t| t.kind != TokKind::Break)
                .map(|t| {
                    let key = if t.is_word() {
                        t.lower
                    } else {
                        chars
                            .get(t.start..t.end)
                            .unwrap_or_default()
                            .iter()
                            .collect()
                    };
                    (t.kind, key)
                })
                .collect();
            if let Some((_, first)) = pattern.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push((pattern.clone(), sp.name.as_str()));
            }
        }
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(t) = doc.tok(i) {
        let key = if t.is_word() {
            t.lower.clone()
        } else {
            doc.chars
                .get(t.start..t.end)
                .unwrap_or_default()
                .iter()
                .collect()
        };
        let hit = by_first.get(&key).and_then(|list| {
            list.iter().find(|(p, _)| {
                p.iter().enumerate().all(|(k, (kind, w))| {
                    doc.tok(i + k)
                        .is_some_and(|d| d.kind == *kind && (!d.is_word() || d.lower == *w))
                })
            })
        });
        match hit.and_then(|(p, name)| Some((doc.span_of(i..i + p.len())?, p.len(), *name))) {
            Some((span, len, name)) => {
                out.push(MentionSuggestion {
                    span,
                    speaker: name.to_owned(),
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// Gives every quote a speaker name from its source (token ranges in `sources`, one per quote).
pub fn resolve(
    doc: &Doc,
    known: &[Speaker],
    mentions: &[MentionSuggestion],
    sources: &[Option<Range<usize>>],
    quotes: &mut [QuoteSuggestion],
) {
    let mut names = Names::default();
    for s in known {
        names.join(s.name.clone());
    }
    let kinds: HashMap<&str, Class> = known
        .iter()
        .map(|s| (s.name.as_str(), Class::of_kind(s.kind)))
        .collect();
    // Speakers named so far, latest last, with what a pronoun may call them.
    let mut recent = Recent::default();
    let mut next_mention = 0;
    for (q, source) in quotes.iter_mut().zip(sources) {
        let (Some(src), Some(span)) = (source, q.source) else {
            continue;
        };
        while let Some(m) = mentions
            .get(next_mention)
            .filter(|m| m.span.end <= span.start)
        {
            let class = kinds
                .get(m.speaker.as_str())
                .copied()
                .unwrap_or(Class::Unknown);
            recent.push(m.speaker.clone(), class);
            next_mention += 1;
        }
        let first = mentions.partition_point(|m| m.span.end <= span.start);
        let known_here = mentions
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|m| m.span.start < span.end)
            .find(|m| overlaps(m.span, span))
            .map(|m| m.speaker.clone());
        let (speaker, class) = match known_here {
            Some(name) => {
                let class = kinds.get(name.as_str()).copied().unwrap_or(Class::Unknown);
                (Some(name), class)
            }
            None => match name_of(&doc.toks, &doc.chars, src.clone()) {
                Some(name) => {
                    let class = Class::of_phrase(doc, src.clone());
                    (Some(names.join(name)), class)
                }
                None => {
                    let pronoun = doc.tok(src.start).map_or("", |t| t.lower.as_str());
                    let found = recent.latest_for(pronoun);
                    (
                        found.as_ref().map(|(n, _)| n.clone()),
                        found.map_or(Class::Unknown, |f| f.1),
                    )
                }
            },
        };
        if let Some(name) = &speaker {
            recent.push(name.clone(), class);
        }
        q.speaker = speaker;
    }
}

/// The speaker named last of each class, and in which order: the latest a pronoun may call
/// is found at once, however many speakers came before (a 15 MB article has tens of
/// thousands).
#[derive(Default)]
struct Recent {
    /// Per class (person, group, unknown): when it was last named, and the name.
    latest: [Option<(usize, String)>; 3],
    named: usize,
}

impl Recent {
    fn push(&mut self, name: String, class: Class) {
        if let Some(slot) = self.latest.get_mut(class as usize) {
            *slot = Some((self.named, name));
        }
        self.named += 1;
    }

    /// The speaker named last whose class the pronoun may call, with its class.
    fn latest_for(&self, pronoun: &str) -> Option<(String, Class)> {
        [Class::Person, Class::Group, Class::Unknown]
            .into_iter()
            .filter(|c| c.answers(pronoun))
            .filter_map(|c| {
                let (at, name) = self.latest.get(c as usize)?.as_ref()?;
                Some((*at, name.clone(), c))
            })
            .max_by_key(|(at, _, _)| *at)
            .map(|(_, name, c)| (name, c))
    }
}

/// What a pronoun may call a speaker: a person, a group or organisation, or either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Person = 0,
    Group = 1,
    Unknown = 2,
}

impl Class {
    fn of_kind(kind: SpeakerKind) -> Self {
        match kind {
            SpeakerKind::Person => Self::Person,
            SpeakerKind::Unknown => Self::Unknown,
            _ => Self::Group,
        }
    }

    /// A source phrase's class: a person's name, a plural or organisation, or one word.
    fn of_phrase(doc: &Doc, phrase: Range<usize>) -> Self {
        let words = doc.toks.get(phrase).unwrap_or_default();
        let caps: Vec<&Token> = words.iter().filter(|t| t.is_word() && t.cap).collect();
        let organisation = words
            .iter()
            .any(|t| ORGANISATION_WORDS.contains(&t.lower.as_str()));
        if organisation || caps.is_empty() {
            // "the union", "officials", "the White House".
            Self::Group
        } else if looks_like_person(words, &doc.chars)
            || words
                .iter()
                .any(|t| super::words::TITLES.contains(&t.lower.as_str()))
        {
            Self::Person
        } else {
            Self::Unknown
        }
    }

    /// True when `pronoun` may stand for a speaker of this class.
    fn answers(self, pronoun: &str) -> bool {
        match pronoun {
            "he" | "she" | "i" => self != Self::Group,
            "it" => self != Self::Person,
            _ => true,
        }
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Registered speaker names, looked up by the whole name and by its last word.
#[derive(Default)]
struct Names {
    /// Lower-case name → name.
    full: HashMap<String, String>,
    /// Lower-case last word → the first name ending with it.
    last: HashMap<String, String>,
    /// Lower-case one-word name → name.
    single: HashMap<String, String>,
}

impl Names {
    /// The registered name `name` stands for ("Caddell" after "Pat Caddell", or "Pat Caddell"
    /// after "Caddell"), registering it if it is new.
    fn join(&mut self, name: String) -> String {
        let lower = name.to_lowercase();
        let last = lower
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_owned();
        let one_word = !lower.contains(' ');
        let found = self.full.get(&lower).or_else(|| {
            if one_word {
                self.last.get(&lower)
            } else {
                self.single.get(&last)
            }
        });
        if let Some(n) = found {
            return n.clone();
        }
        self.full.insert(lower.clone(), name.clone());
        self.last.entry(last).or_insert_with(|| name.clone());
        if one_word {
            self.single.insert(lower, name.clone());
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pronoun_calls_the_latest_speaker_it_may_call() {
        let mut recent = Recent::default();
        assert_eq!(recent.latest_for("he"), None);
        recent.push("Deltalinqs".into(), Class::Group);
        for n in 0..10_000 {
            recent.push(format!("Person {n}"), Class::Person);
        }
        let name_in = |r: &Recent, p: &str| r.latest_for(p).map(|(n, _)| n);
        assert_eq!(name_in(&recent, "it").as_deref(), Some("Deltalinqs"));
        assert_eq!(name_in(&recent, "she").as_deref(), Some("Person 9999"));
        recent.push("someone".into(), Class::Unknown);
        assert_eq!(name_in(&recent, "it").as_deref(), Some("someone"));
        assert_eq!(name_in(&recent, "they").as_deref(), Some("someone"));
        recent.push("Ann Fox".into(), Class::Person);
        assert_eq!(name_in(&recent, "it").as_deref(), Some("someone"));
        assert_eq!(name_in(&recent, "he").as_deref(), Some("Ann Fox"));
    }
}
