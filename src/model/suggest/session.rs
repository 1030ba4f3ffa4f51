//! Suggestions as annotations of a session: quotes with their cue, speaker and further
//! content, each source as a mention of its speaker, and the mentions of known speakers.

use std::collections::{HashMap, HashSet};

use crate::model::annotation::{Annotation, AnnotationId, Kind, Mention, Quote, Span};
use crate::model::session::{Session, make_annotation};
use crate::model::speaker::{Speaker, SpeakerId, SpeakerKind, is_pronoun};
use crate::model::text::ArticleText;

use super::Suggestions;

/// The note every suggested annotation carries, so a reviewer can tell them apart.
pub const NOTE: &str = "suggested";

/// What [`add_to_session`] added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// Quote annotations.
    pub quotes: usize,
    /// Quotes with a cue.
    pub cues: usize,
    /// Source spans, added as mentions.
    pub sources: usize,
    /// Mention annotations in all (sources and known names).
    pub mentions: usize,
    /// Speakers added to the registry.
    pub speakers: usize,
}

/// Adds the suggestions to `session` as annotations over `text`; a speaker named by a
/// suggestion and not yet in the registry is added, with the source phrases as aliases.
///
/// Linear in the suggestions and the session: names are looked up in a table, new ids are
/// counted up, and the new annotations are merged into the session's order once at the end.
pub fn add_to_session(session: &mut Session, text: &ArticleText, found: &Suggestions) -> Added {
    let mut add = Adder::new(session, text);
    for q in &found.quotes {
        let speaker = q.speaker.as_deref().map(|name| add.speaker_id(name));
        let Some((&first, more)) = q.content.split_first() else {
            continue;
        };
        let source = q.source.map(|source| {
            if let Some(id) = speaker {
                let phrase = text.slice(source.start..source.end);
                if phrase.split_whitespace().count() <= 5 && !is_pronoun(phrase) {
                    add.alias(id, phrase);
                }
            }
            if let Some(id) = add.taken.get(&source) {
                return *id;
            }
            let id = add.insert(source, Kind::Mention(Mention { speaker }));
            add.taken.insert(source, id);
            add.added.sources += 1;
            add.added.mentions += 1;
            id
        });
        let quote = Kind::Quote(Quote {
            speaker,
            cue: q.cue,
            quote_type: q.quote_type,
            more: more.to_vec(),
            source_mentions: source.into_iter().collect(),
        });
        add.insert(first, quote);
        add.added.quotes += 1;
        add.added.cues += usize::from(q.cue.is_some());
    }
    for m in &found.mentions {
        if add.taken.contains_key(&m.span) {
            continue;
        }
        let speaker = Some(add.speaker_id(&m.speaker));
        let id = add.insert(m.span, Kind::Mention(Mention { speaker }));
        add.taken.insert(m.span, id);
        add.added.mentions += 1;
    }
    add.finish()
}

/// The state of one [`add_to_session`]: tables for names and spans, new annotations.
struct Adder<'a> {
    session: &'a mut Session,
    text: &'a ArticleText,
    added: Added,
    /// Source and mention spans already added, with their annotation's id.
    taken: HashMap<Span, AnnotationId>,
    /// Lower-case name or alias → the first speaker called so.
    names: HashMap<String, SpeakerId>,
    /// (speaker, lower-case name or alias) pairs that exist.
    called: HashSet<(SpeakerId, String)>,
    next_id: AnnotationId,
    new: Vec<Annotation>,
}

impl<'a> Adder<'a> {
    fn new(session: &'a mut Session, text: &'a ArticleText) -> Self {
        let mut names = HashMap::new();
        let mut called = HashSet::new();
        for s in &session.speakers {
            for n in std::iter::once(&s.name).chain(&s.aliases) {
                let lower = n.trim().to_lowercase();
                names.entry(lower.clone()).or_insert(s.id);
                called.insert((s.id, lower));
            }
        }
        let next_id = session.next_annotation_id();
        Self {
            session,
            text,
            added: Added::default(),
            taken: HashMap::new(),
            names,
            called,
            next_id,
            new: Vec::new(),
        }
    }

    /// The id of the speaker called `name`, adding one if there is none.
    fn speaker_id(&mut self, name: &str) -> SpeakerId {
        let lower = name.trim().to_lowercase();
        if let Some(id) = self.names.get(&lower) {
            return *id;
        }
        let id = self.session.next_speaker_id();
        let mut s = Speaker::new(id, name);
        if !name.starts_with(char::is_uppercase) {
            s.kind = SpeakerKind::Group;
        }
        self.session.speakers.push(s);
        self.names.insert(lower.clone(), id);
        self.called.insert((id, lower));
        self.added.speakers += 1;
        id
    }

    /// Gives speaker `id` the alias `phrase` unless they are already called so.
    fn alias(&mut self, id: SpeakerId, phrase: &str) {
        let lower = phrase.trim().to_lowercase();
        if lower.is_empty() || self.called.contains(&(id, lower.clone())) {
            return;
        }
        if let Some(sp) = self.session.speakers.iter_mut().rev().find(|s| s.id == id)
            && sp.add_alias(phrase)
        {
            self.names.entry(lower.clone()).or_insert(id);
            self.called.insert((id, lower));
        }
    }

    /// A new annotation with the suggestion note.
    fn insert(&mut self, span: Span, kind: Kind) -> AnnotationId {
        let id = self.next_id;
        self.next_id = AnnotationId(id.0.saturating_add(1));
        let mut a = make_annotation(self.text, id, span, kind);
        a.note = NOTE.to_owned();
        self.new.push(a);
        id
    }

    /// Merges the new annotations into the session's order (start, end, id).
    fn finish(self) -> Added {
        let anns = &mut self.session.annotations;
        anns.extend(self.new);
        anns.sort_by_key(|a| (a.start, a.end, a.id));
        self.added
    }
}

#[cfg(test)]
mod tests {
    use super::super::suggest;
    use super::*;
    use crate::model::annotation::KindTag;
    use crate::model::session::ArticleRef;

    #[test]
    fn quotes_sources_and_known_names_become_annotations() {
        let raw = "“We stay,” said Mayor Jane Doe. Later NATO said it agreed.";
        let text = ArticleText::new(raw.to_owned());
        let mut session = Session::new(ArticleRef::default());
        session.speakers.push(Speaker::new(SpeakerId(4), "NATO"));
        let found = suggest(raw, &session.speakers.clone());
        let added = add_to_session(&mut session, &text, &found);
        assert_eq!(
            added,
            Added {
                quotes: 2,
                cues: 2,
                sources: 2,
                mentions: 2,
                speakers: 1
            }
        );
        let names: Vec<&str> = session.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["NATO", "Jane Doe"]);
        assert_eq!(session.speakers[1].aliases, ["Mayor Jane Doe"]);
        let quote = &session.annotations[0];
        assert_eq!(quote.exact, "“We stay,”");
        assert_eq!(quote.note, NOTE);
        let Kind::Quote(q) = &quote.kind else {
            panic!("a quote first")
        };
        assert_eq!(
            (q.speaker, q.cue),
            (Some(SpeakerId(5)), Some(Span::new(11, 15)))
        );
        assert_eq!(session.count(KindTag::Mention), 2);
        assert_eq!(session.speaker_counts(SpeakerId(4)), (1, 1, 0));
    }
}
