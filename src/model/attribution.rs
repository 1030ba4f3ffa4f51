//! Who said what: the edits that attach a cue or a source mention to a quote, what already
//! uses a cue or a mention, and who a pronoun or a new claim most likely belongs to.
//!
//! A quote's cue is a span ("said") and its sources are mention annotations ("He", "the
//! minister"). One cue may serve several quotes (PolNeAR writes one "said" for two quoted
//! parts), and one mention may source several quotes, but neither is ever taken from another
//! quote silently: [`cue_users`] and [`source_users`] tell the window whom to ask about, and
//! [`attach_cue`] / [`attach_source`] build the edit for the answer (share or move).

use super::annotation::{Annotation, AnnotationId, Kind, Span};
use super::edit::Edit;
use super::session::Session;
use super::speaker::SpeakerId;
use super::text::ArticleText;

/// What to do with a cue or mention that another quote already uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sharing {
    /// Both quotes use it.
    Share,
    /// It leaves the other quotes and goes to this one only.
    Move,
}

/// The quotes other than `except` whose cue overlaps `span`, in text order.
///
/// With quote 2 cued by "said" at 10..14, `cue_users(s, Span::new(10, 14), q3)` is `[q2]`.
pub fn cue_users(session: &Session, span: Span, except: AnnotationId) -> Vec<AnnotationId> {
    session
        .annotations
        .iter()
        .filter(|a| a.id != except)
        .filter(|a| match &a.kind {
            Kind::Quote(q) => q
                .cue
                .is_some_and(|c| c.start < span.end && span.start < c.end),
            _ => false,
        })
        .map(|a| a.id)
        .collect()
}

/// The quotes and claims other than `except` that give `mention` as a source, in text order.
pub fn source_users(
    session: &Session,
    mention: AnnotationId,
    except: AnnotationId,
) -> Vec<AnnotationId> {
    session
        .annotations
        .iter()
        .filter(|a| a.id != except && a.kind.source_mentions().contains(&mention))
        .map(|a| a.id)
        .collect()
}

/// The mention annotation covering exactly `span`, if there is one.
pub fn mention_at(session: &Session, span: Span) -> Option<&Annotation> {
    session
        .annotations
        .iter()
        .find(|a| a.span() == span && matches!(a.kind, Kind::Mention(_)))
}

/// The speaker of the nearest mention that ends at or before `at`: whom a pronoun at `at`
/// most likely refers to ("Stoltenberg said … He added": "He" → Stoltenberg).
pub fn speaker_named_before(session: &Session, at: usize) -> Option<SpeakerId> {
    session
        .annotations
        .iter()
        .filter(|a| a.end <= at)
        .filter_map(|a| match &a.kind {
            Kind::Mention(m) => m.speaker.map(|s| (a.end, a.start, s)),
            _ => None,
        })
        .max_by_key(|&(end, start, _)| (end, start))
        .map(|(_, _, s)| s)
}

/// The edit that makes `span` the cue of `quote`: with [`Sharing::Move`] the quotes in
/// `others` lose their overlapping cue; with [`Sharing::Share`] they keep it. `None` when
/// `quote` is no quote of the session.
pub fn attach_cue(
    session: &Session,
    quote: AnnotationId,
    span: Span,
    others: &[AnnotationId],
    sharing: Sharing,
) -> Option<Edit> {
    let mut a = session.annotation(quote)?.clone();
    let Kind::Quote(q) = &mut a.kind else {
        return None;
    };
    q.cue = Some(span);
    let mut edits = vec![Edit::ReplaceAnnotation(a)];
    if sharing == Sharing::Move {
        for id in others {
            let Some(mut o) = session.annotation(*id).cloned() else {
                continue;
            };
            if let Kind::Quote(oq) = &mut o.kind {
                oq.cue = None;
                edits.push(Edit::ReplaceAnnotation(o));
            }
        }
    }
    Some(Edit::Batch(edits))
}

/// The edit that adds `mention` to the sources of `quote` (a quote or a claim); the source
/// decides who is quoted, so the quote takes the mention's speaker when the mention has one
/// (PARC's source is the speaker); with [`Sharing::Move`] the annotations in
/// `others` lose it from their sources. `new_mention` is inserted first when the mention is
/// being created. `None` when `quote` has no sources to set (a mention) or does not exist.
pub fn attach_source(
    session: &Session,
    quote: AnnotationId,
    mention: &Annotation,
    new_mention: bool,
    others: &[AnnotationId],
    sharing: Sharing,
) -> Option<Edit> {
    let mut a = session.annotation(quote)?.clone();
    let speaker = mention.kind.speaker();
    let (sources, own) = match &mut a.kind {
        Kind::Quote(q) => (&mut q.source_mentions, &mut q.speaker),
        Kind::Claim(c) => (&mut c.source_mentions, &mut c.speaker),
        Kind::Mention(_) => return None,
    };
    if !sources.contains(&mention.id) {
        sources.push(mention.id);
    }
    if speaker.is_some() {
        *own = speaker;
    }
    let mut edits = Vec::new();
    if new_mention {
        edits.push(Edit::InsertAnnotation(mention.clone()));
    }
    edits.push(Edit::ReplaceAnnotation(a));
    if sharing == Sharing::Move {
        for id in others {
            let Some(mut o) = session.annotation(*id).cloned() else {
                continue;
            };
            match &mut o.kind {
                Kind::Quote(q) => q.source_mentions.retain(|m| *m != mention.id),
                Kind::Claim(c) => c.source_mentions.retain(|m| *m != mention.id),
                Kind::Mention(_) => continue,
            }
            edits.push(Edit::ReplaceAnnotation(o));
        }
    }
    Some(Edit::Batch(edits))
}

/// The edit that removes `mention` from the sources of `of`.
pub fn detach_source(session: &Session, of: AnnotationId, mention: AnnotationId) -> Option<Edit> {
    let mut a = session.annotation(of)?.clone();
    match &mut a.kind {
        Kind::Quote(q) => q.source_mentions.retain(|m| *m != mention),
        Kind::Claim(c) => c.source_mentions.retain(|m| *m != mention),
        Kind::Mention(_) => return None,
    }
    Some(Edit::ReplaceAnnotation(a))
}

/// The mentions within `radius` code points of `a` (before or after), nearest first: the
/// candidates a quote's source is picked from.
pub fn mentions_near(session: &Session, a: &Annotation, radius: usize) -> Vec<AnnotationId> {
    let mut near: Vec<(usize, AnnotationId)> = session
        .annotations
        .iter()
        .filter(|m| matches!(m.kind, Kind::Mention(_)))
        .filter_map(|m| {
            // Zero when they overlap.
            let gap = a
                .start
                .saturating_sub(m.end)
                .max(m.start.saturating_sub(a.end));
            (gap <= radius).then_some((gap, m.id))
        })
        .collect();
    near.sort();
    near.into_iter().map(|(_, id)| id).collect()
}

/// How the window names an annotation in a message: `quote #3 “We are not going back…”`
/// (its first words, at most `max` code points).
pub fn short_name(a: &Annotation, max: usize) -> String {
    let kind = a.kind.tag().label().to_lowercase();
    format!("{kind} #{} “{}”", a.id.0, excerpt(&a.exact, max))
}

/// `text` cut to at most `max` code points at a word boundary, with "…" when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let ends_word = text.chars().nth(max).is_some_and(char::is_whitespace);
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if i > 0 && !ends_word => cut.get(..i).unwrap_or(&cut).trim_end().to_owned(),
        _ => cut,
    };
    format!("{at_word}…")
}

/// The text of `span` in `text`, for messages.
pub fn span_text(text: &ArticleText, span: Span) -> String {
    text.slice(span.start..span.end).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Mention, Quote};
    use crate::model::session::{ArticleRef, make_annotation};

    fn session_on(text: &str) -> (ArticleText, Session) {
        (
            ArticleText::new(text.to_owned()),
            Session::new(ArticleRef::default()),
        )
    }

    fn quote(text: &ArticleText, id: u32, span: Span, cue: Option<Span>) -> Annotation {
        make_annotation(
            text,
            AnnotationId(id),
            span,
            Kind::Quote(Quote {
                cue,
                ..Quote::default()
            }),
        )
    }

    #[test]
    fn a_shared_cue_is_kept_by_share_and_taken_by_move() {
        let (text, mut s) = session_on("“Yes,” she said. “No,” he said, “never.”");
        let said = Span::new(12, 16);
        s.annotations
            .push(quote(&text, 1, Span::new(0, 6), Some(said)));
        s.annotations.push(quote(&text, 2, Span::new(17, 22), None));
        let users = cue_users(&s, said, AnnotationId(2));
        assert_eq!(users, [AnnotationId(1)]);
        let Some(Edit::Batch(share)) =
            attach_cue(&s, AnnotationId(2), said, &users, Sharing::Share)
        else {
            panic!("no edit");
        };
        assert_eq!(share.len(), 1, "sharing leaves quote 1 alone");
        let Some(Edit::Batch(moved)) = attach_cue(&s, AnnotationId(2), said, &users, Sharing::Move)
        else {
            panic!("no edit");
        };
        assert_eq!(moved.len(), 2);
        let Edit::ReplaceAnnotation(one) = &moved[1] else {
            panic!("quote 1 not replaced");
        };
        assert!(matches!(&one.kind, Kind::Quote(q) if q.cue.is_none()));
    }

    #[test]
    fn a_pronoun_belongs_to_the_speaker_named_last_before_it() {
        let (text, mut s) = session_on("Stoltenberg met Lavrov. He said no.");
        let mention = |id, span, sp| {
            make_annotation(
                &text,
                AnnotationId(id),
                span,
                Kind::Mention(Mention {
                    speaker: Some(SpeakerId(sp)),
                }),
            )
        };
        s.annotations.push(mention(1, Span::new(0, 11), 1));
        s.annotations.push(mention(2, Span::new(16, 22), 2));
        assert_eq!(speaker_named_before(&s, 24), Some(SpeakerId(2)));
        assert_eq!(speaker_named_before(&s, 12), Some(SpeakerId(1)));
        assert_eq!(speaker_named_before(&s, 5), None);
    }

    #[test]
    fn a_source_gives_its_speaker_to_a_quote_without_one_and_move_takes_it_from_others() {
        let (text, mut s) = session_on("“Yes,” he said. “No,” he said.");
        let he = make_annotation(
            &text,
            AnnotationId(3),
            Span::new(7, 9),
            Kind::Mention(Mention {
                speaker: Some(SpeakerId(4)),
            }),
        );
        s.annotations.push(quote(&text, 1, Span::new(0, 6), None));
        s.annotations.push(quote(&text, 2, Span::new(16, 21), None));
        s.annotations.push(he.clone());
        let Some(Edit::Batch(edits)) =
            attach_source(&s, AnnotationId(1), &he, false, &[], Sharing::Share)
        else {
            panic!("no edit");
        };
        let Edit::ReplaceAnnotation(q) = &edits[0] else {
            panic!("quote not replaced");
        };
        assert_eq!(q.kind.speaker(), Some(SpeakerId(4)));
        assert_eq!(q.kind.source_mentions(), [AnnotationId(3)]);
        s.annotations[0] = q.clone();
        assert_eq!(source_users(&s, he.id, AnnotationId(2)), [AnnotationId(1)]);
        let Some(Edit::Batch(moved)) = attach_source(
            &s,
            AnnotationId(2),
            &he,
            false,
            &[AnnotationId(1)],
            Sharing::Move,
        ) else {
            panic!("no edit");
        };
        let Edit::ReplaceAnnotation(one) = &moved[1] else {
            panic!("quote 1 not replaced");
        };
        assert!(one.kind.source_mentions().is_empty());
    }

    #[test]
    fn names_in_messages_are_cut_at_a_word() {
        assert_eq!(
            excerpt("We are not going back to work", 16),
            "We are not going…"
        );
        assert_eq!(excerpt("short", 16), "short");
        assert_eq!(excerpt("Überraschung", 4), "Über…");
    }
}
