//! Rebuilding the speaker registry of a brat import from `N` lines, `Equiv` groups and `Source`
//! relations.

use std::collections::{BTreeMap, HashMap};

use super::entity::{Entity, Tag};
use super::links::Links;
use super::{fragments_text, one_line, parse_value, speaker_kind_name};
use crate::io::formats::{FreshIds, quote_input as q};
use crate::model::speaker::{Speaker, SpeakerId, SpeakerKind};
use crate::model::text::ArticleText;

/// The speaker registry rebuilt from `N` lines, `Equiv` groups and `Source` relations.
pub(super) struct Speakers {
    pub(super) registry: BTreeMap<SpeakerId, Speaker>,
    /// Speaker of each T (mentions, quotes, claims).
    pub(super) of: HashMap<String, SpeakerId>,
}

impl Speakers {
    pub(super) fn resolve(
        text: &ArticleText,
        entities: &HashMap<String, Entity>,
        order: &[String],
        links: &Links,
        warnings: &mut Vec<String>,
    ) -> Self {
        let mut registry: BTreeMap<SpeakerId, Speaker> = BTreeMap::new();
        let mut direct: HashMap<String, SpeakerId> = HashMap::new();
        for (no, t, id, name) in &links.speaker_refs {
            match registry.get(id) {
                Some(s) if s.name != *name => warnings.push(format!(
                    "line {no}: speaker {} is called “{}” earlier; “{}” ignored",
                    id.0,
                    q(&s.name),
                    q(name)
                )),
                Some(_) => {}
                None => {
                    registry.insert(*id, Speaker::new(*id, name.clone()));
                }
            }
            direct.entry(t.clone()).or_insert(*id);
        }

        // Mention groups: each mention alone, then joined by Equiv lines.
        let mentions: Vec<&String> = order
            .iter()
            .filter(|t| entities.get(*t).is_some_and(|e| e.tag == Tag::Mention))
            .collect();
        let mut group: HashMap<&str, usize> = mentions
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), i))
            .collect();
        // Union-find over mention indexes: relabelling every mention per Equiv line was
        // quadratic in the number of mentions.
        let mut parent: Vec<usize> = (0..mentions.len()).collect();
        for members in &links.equiv {
            let Some(&first) = members.first().and_then(|m| group.get(m.as_str())) else {
                continue;
            };
            let target = root(&mut parent, first);
            for m in members.iter().filter_map(|m| group.get(m.as_str())) {
                let r = root(&mut parent, *m);
                if let Some(slot) = parent.get_mut(r) {
                    *slot = target;
                }
            }
        }
        for g in group.values_mut() {
            *g = root(&mut parent, *g);
        }
        let mut group_size: HashMap<usize, usize> = HashMap::new();
        for &g in group.values() {
            *group_size.entry(g).or_default() += 1;
        }
        let mut group_speaker: HashMap<usize, SpeakerId> = HashMap::new();
        for t in &mentions {
            let (Some(&g), Some(&id)) = (group.get(t.as_str()), direct.get(*t)) else {
                continue;
            };
            let prev = *group_speaker.entry(g).or_insert(id);
            if prev != id {
                warnings.push(format!(
                    "{} is marked as speaker {} but its Equiv group as speaker {}; kept {}",
                    q(t),
                    id.0,
                    prev.0,
                    prev.0
                ));
            }
        }

        // New speakers get ids after the largest one named in N lines, never wrapping past
        // u32::MAX (then the smallest unused).
        let mut fresh = FreshIds::after(registry.keys().next_back().map(|k| k.0));
        let mut new_speaker = |t: &str, registry: &mut BTreeMap<SpeakerId, Speaker>| {
            let name = entities
                .get(t)
                .map(|e| one_line(&fragments_text(text, &e.frags)).trim().to_owned())
                .unwrap_or_default();
            // A pronoun or a common noun ("she", "officials", "a source") names nobody by
            // itself: such mentions stay source spans of their quotes without a speaker, so
            // nine "she"s never become one person.
            if !is_name_like(&name) {
                return None;
            }
            if let Some(s) = registry.values().find(|s| s.is_called(&name)) {
                return Some(s.id);
            }
            let id = SpeakerId(fresh.next(|n| registry.contains_key(&SpeakerId(n)))?);
            let mut speaker = Speaker::new(id, name);
            speaker.kind = kind_of_name(&speaker.name);
            registry.insert(id, speaker);
            Some(id)
        };

        let mut of: HashMap<String, SpeakerId> = HashMap::new();
        for t in order {
            let Some(e) = entities.get(t) else { continue };
            if !matches!(e.tag, Tag::Quote | Tag::Claim) {
                continue;
            }
            let via_mention = links.source.get(t).and_then(|ms| ms.first()).and_then(|m| {
                let g = *group.get(m.as_str())?;
                let id = match group_speaker.get(&g) {
                    Some(&id) => id,
                    None => {
                        let id = new_speaker(m, &mut registry)?;
                        group_speaker.insert(g, id);
                        id
                    }
                };
                Some(id)
            });
            match (direct.get(t).copied(), via_mention) {
                (Some(d), Some(m)) if d != m => {
                    warnings.push(format!(
                        "line {}: {} names speaker {} but its Source mention speaker {}; kept {}",
                        e.line,
                        q(t),
                        d.0,
                        m.0,
                        d.0
                    ));
                    of.insert(t.clone(), d);
                }
                (Some(id), _) | (None, Some(id)) => {
                    of.insert(t.clone(), id);
                }
                (None, None) => {}
            }
        }
        // Equiv groups without any N line still name one speaker.
        for t in &mentions {
            let Some(&g) = group.get(t.as_str()) else {
                continue;
            };
            if group_size.get(&g).is_some_and(|&n| n >= 2)
                && !group_speaker.contains_key(&g)
                && let Some(id) = new_speaker(t, &mut registry)
            {
                group_speaker.insert(g, id);
            }
            if let Some(&id) = group_speaker.get(&g) {
                of.insert((*t).clone(), id);
            }
        }

        for (_, t, _, value) in links.attrs.iter().filter(|a| a.2 == "SpeakerKind") {
            let kind = parse_value(
                &SpeakerKind::ALL,
                speaker_kind_name,
                SpeakerKind::label,
                value,
            );
            if let (Some(kind), Some(id)) = (kind, of.get(t))
                && let Some(s) = registry.get_mut(id)
            {
                s.kind = kind;
            }
        }
        Self { registry, of }
    }
}

/// True when a mention's text looks like a name: not a pronoun, and after a leading article
/// or determiner, every word is capitalised or a small joining word ("The New York Post",
/// "Clinton", "President Obama", "Bank of America"; not "she", "a source", "officials", "a GOP
/// strategist monitoring the race", "new filings with the Federal Election Commission"): a
/// description stays a source mention without a speaker.
pub(super) fn is_name_like(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() == 1
        && crate::model::speaker::is_pronoun(words.first().copied().unwrap_or_default())
    {
        return false;
    }
    let determiners = [
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
    ];
    let joining = [
        "of", "de", "du", "des", "la", "le", "van", "von", "der", "den", "and", "for", "the", "al",
        "bin", "y", "&", "on", "in",
    ];
    let rest: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| determiners.contains(&w.to_lowercase().as_str()))
        .collect();
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    rest.first().is_some_and(|w| capital(w))
        && rest.iter().all(|w| capital(w) || joining.contains(w))
}

/// The kind a new speaker's name suggests: an organisation when it says so ("the company",
/// "Acme Inc.", "Labour Party", "Ministry of Defence"), else a person.
pub(super) fn kind_of_name(name: &str) -> SpeakerKind {
    const ORGANISATION: [&str; 22] = [
        "company",
        "inc",
        "ltd",
        "llc",
        "corp",
        "corporation",
        "group",
        "party",
        "ministry",
        "department",
        "agency",
        "union",
        "association",
        "council",
        "committee",
        "commission",
        "bank",
        "university",
        "institute",
        "foundation",
        "authority",
        "office",
    ];
    let lower = name.to_lowercase();
    let organisation = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ORGANISATION.contains(&w));
    if organisation {
        SpeakerKind::Organization
    } else {
        SpeakerKind::Person
    }
}

/// The representative of mention `i`'s group in a union-find `parent` table (path halving).
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let grand = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = grand;
        }
        i = grand;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_told_from_descriptions_and_pronouns() {
        for name in [
            "Clinton",
            "President Obama",
            "The New York Post",
            "Bank of America",
            "FNV Havens",
            "Jean de la Fontaine",
        ] {
            assert!(is_name_like(name), "{name}");
        }
        for phrase in [
            "she",
            "a source",
            "officials",
            "the company",
            "a GOP strategist monitoring the race",
            "new filings with the Federal Election Commission",
            "Obama's campaign",
        ] {
            assert!(!is_name_like(phrase), "{phrase}");
        }
    }

    #[test]
    fn a_name_that_says_organisation_makes_an_organisation() {
        assert_eq!(kind_of_name("Acme Inc."), SpeakerKind::Organization);
        assert_eq!(kind_of_name("Labour Party"), SpeakerKind::Organization);
        assert_eq!(
            kind_of_name("Ministry of Defence"),
            SpeakerKind::Organization
        );
        assert_eq!(kind_of_name("Marieke Jansen"), SpeakerKind::Person);
    }
}
