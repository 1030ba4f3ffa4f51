//! The phase of a brat import that builds the annotations from the placed entities and the
//! lines that refer to them.

use std::collections::{HashMap, HashSet};

use super::super::links::Links;
use super::super::{check_worthiness_name, parse_value, quote_type_name, verdict_name};
use super::{Entity, Report, Tag};
use crate::io::formats::nearest::MentionIndex;
use crate::io::formats::quote_input as q;
use crate::io::formats::tally::Tally;
use crate::model::annotation::{
    Annotation, AnnotationId, CheckWorthiness, Claim, Kind, Mention, Quote, QuoteType, Span,
    Verdict,
};
use crate::model::session::{Session, make_annotation};
use crate::model::speaker::SpeakerId;
use crate::model::text::ArticleText;

/// What the annotations are built from, all keyed by `T` id.
pub(super) struct Parts<'a> {
    /// The article the offsets count in.
    pub(super) text: &'a ArticleText,
    /// The entities placed on the article.
    pub(super) entities: &'a HashMap<String, Entity>,
    /// The entity type of every `T` line, for the tally.
    pub(super) types: &'a HashMap<String, String>,
    /// The other lines, events resolved.
    pub(super) links: &'a Links,
    /// Content entities absorbed into another → that one.
    pub(super) absorbed: &'a HashMap<String, String>,
    /// The speaker of each entity that has one.
    pub(super) speaker_of: &'a HashMap<String, SpeakerId>,
    /// The annotation id of each entity that becomes an annotation.
    pub(super) ids: &'a HashMap<String, AnnotationId>,
    /// The first value of each (T, attribute) ([`first_attrs`]).
    pub(super) attrs: HashMap<(&'a str, &'a str), &'a str>,
}

/// The first value of each (T, attribute) in `links`, to be looked up once per annotation.
pub(super) fn first_attrs(links: &Links) -> HashMap<(&str, &str), &str> {
    let mut attrs = HashMap::new();
    for (_, t, name, value) in &links.attrs {
        attrs
            .entry((t.as_str(), name.as_str()))
            .or_insert(value.as_str());
    }
    attrs
}

/// The annotations of the `T` ids in `annotated` (in that order), counted as kept in the tally
/// together with the parts absorbed into them; a note for each non-quote whose fragments were
/// joined into one span.
pub(super) fn annotations(
    parts: &Parts,
    annotated: &[&String],
    report: &mut Report,
) -> Vec<Annotation> {
    let mut out = Vec::new();
    for t in annotated {
        let (Some(e), Some(&id)) = (parts.entities.get(*t), parts.ids.get(*t)) else {
            continue;
        };
        let kind = parts.kind(t, e);
        let span = span(t, e, &mut report.notes);
        parts.count_kept(t, &mut report.tally);
        let mut a = make_annotation(parts.text, id, span, kind);
        a.note = parts
            .links
            .notes
            .get(*t)
            .map(|n| n.join("\n"))
            .unwrap_or_default();
        out.push(a);
    }
    out
}

/// The span an annotation keeps: a quote its first fragment (the others are its `more`), any
/// other kind all its fragments cover, with a note when there were several.
fn span(t: &str, e: &Entity, notes: &mut Vec<String>) -> Span {
    if e.tag == Tag::Quote {
        return e.frags.first().copied().unwrap_or_default();
    }
    if e.frags.len() > 1 {
        notes.push(format!(
            "line {}: {} has {} fragments; a {} keeps one span, so they were joined",
            e.line,
            q(t),
            e.frags.len(),
            e.tag.name()
        ));
    }
    e.covering()
}

impl Parts<'_> {
    /// The kind of annotation the entity `t` becomes.
    fn kind(&self, t: &str, e: &Entity) -> Kind {
        let speaker = self.speaker_of.get(t).copied();
        match e.tag {
            Tag::Mention | Tag::Cue => Kind::Mention(Mention { speaker }),
            Tag::Quote => Kind::Quote(self.quote(t, e, speaker)),
            Tag::Claim => Kind::Claim(self.claim(t, speaker)),
        }
    }

    /// The quote `t`: its cue, type, further fragments (its own and those of the parts absorbed
    /// into it) and source mentions.
    fn quote(&self, t: &str, e: &Entity, speaker: Option<SpeakerId>) -> Quote {
        Quote {
            speaker,
            cue: self
                .links
                .said
                .get(t)
                .and_then(|c| self.entities.get(c))
                .map(Entity::covering),
            quote_type: self
                .attr(t, "QuoteType")
                .and_then(|v| parse_value(&QuoteType::ALL, quote_type_name, QuoteType::label, v))
                .unwrap_or(QuoteType::Unspecified),
            more: self.further_parts(t, e),
            source_mentions: self.source_ids(t),
        }
    }

    /// The claim `t`: its check-worthiness, verdict, sources, quote and source mentions.
    fn claim(&self, t: &str, speaker: Option<SpeakerId>) -> Claim {
        Claim {
            speaker,
            check_worthiness: self
                .attr(t, "CheckWorthiness")
                .and_then(|v| {
                    parse_value(
                        &CheckWorthiness::ALL,
                        check_worthiness_name,
                        CheckWorthiness::label,
                        v,
                    )
                })
                .unwrap_or_default(),
            verdict: self
                .attr(t, "Verdict")
                .and_then(|v| parse_value(&Verdict::ALL, verdict_name, Verdict::label, v))
                .unwrap_or_default(),
            sources: self.links.sources.get(t).cloned().unwrap_or_default(),
            in_quote: self
                .links
                .in_quote
                .get(t)
                .and_then(|q| self.ids.get(q))
                .copied(),
            source_mentions: self.source_ids(t),
            review: String::new(),
        }
    }

    /// The first value of the attribute `name` on `t`.
    fn attr(&self, t: &str, name: &str) -> Option<&str> {
        self.attrs.get(&(t, name)).copied()
    }

    /// The annotation ids of the source mentions of `t` that became annotations.
    fn source_ids(&self, t: &str) -> Vec<AnnotationId> {
        self.links
            .source
            .get(t)
            .into_iter()
            .flatten()
            .filter_map(|m| self.ids.get(m).copied())
            .collect()
    }

    /// The quote's fragments after its first, with those of the parts absorbed into it, in
    /// text order (never in the order a hash map happens to give).
    fn further_parts(&self, t: &str, e: &Entity) -> Vec<Span> {
        let mut more: Vec<Span> = e
            .frags
            .iter()
            .skip(1)
            .chain(
                self.absorbed_into(t)
                    .filter_map(|other| self.entities.get(other))
                    .flat_map(|o| o.frags.iter()),
            )
            .copied()
            .collect();
        more.sort_by_key(|s| (s.start, s.end));
        more.dedup();
        more
    }

    /// The `T` ids of the content parts absorbed into `t`.
    fn absorbed_into<'s>(&'s self, t: &'s str) -> impl Iterator<Item = &'s String> {
        self.absorbed
            .iter()
            .filter(move |(_, main)| main.as_str() == t)
            .map(|(other, _)| other)
    }

    /// Counts `t` and the parts absorbed into it as kept.
    fn count_kept(&self, t: &str, tally: &mut Tally) {
        if let Some(ty) = self.types.get(t) {
            tally.kept(ty);
        }
        for other in self.absorbed_into(t) {
            if let Some(ty) = self.types.get(other) {
                tally.kept(ty);
            }
        }
    }
}

/// A single source that is exactly the mention the exporter would pick for the speaker (its
/// nearest mention) carries nothing beyond the speaker: it is not stored, so a session without
/// explicit sources survives export → import unchanged.
pub(super) fn forget_implicit_sources(session: &mut Session) {
    let index = MentionIndex::new(session);
    let implicit: HashSet<AnnotationId> = session
        .annotations
        .iter()
        .filter(|a| {
            let [only] = a.kind.source_mentions() else {
                return false;
            };
            a.kind
                .speaker()
                .is_some_and(|sp| index.nearest(sp, a).map(|m| m.id) == Some(*only))
        })
        .map(|a| a.id)
        .collect();
    for a in session
        .annotations
        .iter_mut()
        .filter(|a| implicit.contains(&a.id))
    {
        match &mut a.kind {
            Kind::Quote(q) => q.source_mentions.clear(),
            Kind::Claim(c) => c.source_mentions.clear(),
            Kind::Mention(_) => {}
        }
    }
}
