//! Suggestions as annotations of a session: quotes with their cue, speaker and further
//! content, each source as a mention of its speaker, and the mentions of known speakers.

use crate::model::annotation::{AnnotationId, Kind, Mention, Quote, Span};
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
pub fn add_to_session(session: &mut Session, text: &ArticleText, found: &Suggestions) -> Added {
    let mut added = Added::default();
    // Source and mention spans already added, with their annotation's id.
    let mut taken: Vec<(Span, AnnotationId)> = Vec::new();
    for q in &found.quotes {
        let speaker = q
            .speaker
            .as_deref()
            .map(|name| speaker_id(session, name, &mut added));
        let Some((&first, more)) = q.content.split_first() else {
            continue;
        };
        let source = q.source.map(|source| {
            if let Some(sp) =
                speaker.and_then(|id| session.speakers.iter_mut().find(|s| s.id == id))
            {
                let phrase = text.slice(source.start..source.end);
                if phrase.split_whitespace().count() <= 5 && !is_pronoun(phrase) {
                    sp.add_alias(phrase);
                }
            }
            if let Some((_, id)) = taken.iter().find(|(s, _)| *s == source) {
                return *id;
            }
            let id = insert(session, text, source, Kind::Mention(Mention { speaker }));
            taken.push((source, id));
            added.sources += 1;
            added.mentions += 1;
            id
        });
        let quote = Kind::Quote(Quote {
            speaker,
            cue: q.cue,
            quote_type: q.quote_type,
            more: more.to_vec(),
            source_mentions: source.into_iter().collect(),
        });
        insert(session, text, first, quote);
        added.quotes += 1;
        added.cues += usize::from(q.cue.is_some());
    }
    for m in &found.mentions {
        if taken.iter().any(|(s, _)| *s == m.span) {
            continue;
        }
        let speaker = Some(speaker_id(session, &m.speaker, &mut added));
        let id = insert(session, text, m.span, Kind::Mention(Mention { speaker }));
        taken.push((m.span, id));
        added.mentions += 1;
    }
    added
}

/// The id of the speaker called `name`, adding one if there is none.
fn speaker_id(session: &mut Session, name: &str, added: &mut Added) -> SpeakerId {
    if let Some(s) = session.speaker_called(name) {
        return s.id;
    }
    let id = session.next_speaker_id();
    let mut s = Speaker::new(id, name);
    if !name.starts_with(char::is_uppercase) {
        s.kind = SpeakerKind::Group;
    }
    session.speakers.push(s);
    added.speakers += 1;
    id
}

/// Inserts an annotation in the session's order with the suggestion note.
fn insert(session: &mut Session, text: &ArticleText, span: Span, kind: Kind) -> AnnotationId {
    let id = session.next_annotation_id();
    let mut a = make_annotation(text, id, span, kind);
    a.note = NOTE.to_owned();
    let at = session.insertion_index(&a);
    session.annotations.insert(at, a);
    id
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
