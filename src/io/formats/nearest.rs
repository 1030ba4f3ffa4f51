//! Per-speaker indexes over a session's mentions, so that exporters find a quote's or claim's
//! nearest mention by binary search instead of scanning every annotation for every quote.

use std::collections::HashMap;

use crate::model::annotation::{Annotation, Kind};
use crate::model::session::Session;
use crate::model::speaker::{Speaker, SpeakerId};

/// The mentions of one speaker, sorted two ways.
#[derive(Default)]
struct Mentions {
    /// `(start, index)` sorted, with `end` alongside.
    by_start: Vec<(usize, usize, usize)>,
    /// Running maximum of `end` over `by_start`, for the first mention reaching a position.
    max_end: Vec<usize>,
    /// `(end, start, index)` sorted.
    by_end: Vec<(usize, usize, usize)>,
}

/// Answers [`nearest_mention`](super::nearest_mention) for many annotations of one session in
/// O(log n) each, with exactly the same results (ties included).
pub struct MentionIndex<'s> {
    session: &'s Session,
    of: HashMap<SpeakerId, Mentions>,
}

impl<'s> MentionIndex<'s> {
    /// Indexes the non-empty mentions of every speaker in `session`.
    pub fn new(session: &'s Session) -> Self {
        let mut of: HashMap<SpeakerId, Mentions> = HashMap::new();
        for (i, m) in session.annotations.iter().enumerate() {
            if let Kind::Mention(x) = &m.kind
                && let Some(sp) = x.speaker
                && m.end > m.start
            {
                let e = of.entry(sp).or_default();
                e.by_start.push((m.start, i, m.end));
                e.by_end.push((m.end, m.start, i));
            }
        }
        for e in of.values_mut() {
            e.by_start.sort_unstable();
            e.by_end.sort_unstable();
            let mut max = 0;
            e.max_end = e
                .by_start
                .iter()
                .map(|&(_, _, end)| {
                    max = max.max(end);
                    max
                })
                .collect();
        }
        Self { session, of }
    }

    /// The mention of `speaker` closest to `a`: distance 0 when they overlap or touch, then the
    /// earlier start, then the earlier place in the session.
    pub fn nearest(&self, speaker: SpeakerId, a: &Annotation) -> Option<&'s Annotation> {
        let ms = self.of.get(&speaker)?;
        // Distance 0: the first mention (by start) ending at or after a.start, if it starts
        // no later than a.end.
        let first_reaching = ms.max_end.partition_point(|&e| e < a.start);
        if let Some(&(start, i, _)) = ms.by_start.get(first_reaching)
            && start <= a.end
        {
            return self.session.annotations.get(i);
        }
        // Otherwise every mention lies wholly before a.start or wholly after a.end.
        let before = ms.by_end.partition_point(|&(e, _, _)| e < a.start);
        let left = before.checked_sub(1).and_then(|last| {
            let &(end, _, _) = ms.by_end.get(last)?;
            let first = ms.by_end.partition_point(|&(e, _, _)| e < end);
            let &(_, start, i) = ms.by_end.get(first)?;
            Some((a.start - end, start, i))
        });
        let after = ms.by_start.partition_point(|&(s, _, _)| s <= a.end);
        let right = ms
            .by_start
            .get(after)
            .map(|&(start, i, _)| (start - a.end, start, i));
        let (_, _, i) = match (left, right) {
            (Some(l), Some(r)) => l.min(r),
            (l, r) => l.or(r)?,
        };
        self.session.annotations.get(i)
    }
}

/// Speakers by id (the first one where ids repeat, as [`Session::speaker`] finds it).
pub fn speakers_by_id(session: &Session) -> HashMap<SpeakerId, &Speaker> {
    let mut map = HashMap::with_capacity(session.speakers.len());
    for sp in &session.speakers {
        map.entry(sp.id).or_insert(sp);
    }
    map
}

/// How many quotes and claims have a speaker but no source mention of their own, so that brat
/// and Citron exports write their speaker's nearest mention as the source instead: a guess
/// the export reports, never makes silently.
pub fn guessed_sources(session: &Session) -> usize {
    let index = MentionIndex::new(session);
    session
        .annotations
        .iter()
        .filter(|a| matches!(a.kind, Kind::Quote(_) | Kind::Claim(_)))
        .filter(|a| {
            !a.kind
                .source_mentions()
                .iter()
                .any(|m| session.annotation(*m).is_some())
        })
        .filter(|a| {
            a.kind
                .speaker()
                .and_then(|sp| index.nearest(sp, a))
                .is_some()
        })
        .count()
}

/// The sentence reporting [`guessed_sources`], if there are any (for the formats that guess:
/// see `ExportFormat::guesses_sources`).
pub fn guessed_note(session: &Session) -> Option<String> {
    let n = guessed_sources(session);
    (n > 0).then(|| {
        format!(
            "{n} quote(s) or claim(s) have no source mention: their speaker's nearest mention \
             was written as the source (set sources with W to be exact)"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::formats::nearest_mention;
    use crate::model::annotation::{AnnotationId, Mention, Quote};
    use crate::model::session::ArticleRef;

    #[test]
    fn a_source_guessed_from_the_nearest_mention_is_counted_and_a_set_one_is_not() {
        use crate::model::text::ArticleText;
        let text = ArticleText::new("Ana said “yes”. Ana said “no”.".into());
        let mut s = Session::new(ArticleRef::default());
        s.speakers.push(Speaker::new(SpeakerId(1), "Ana"));
        let mention = |id, start| {
            crate::model::session::make_annotation(
                &text,
                AnnotationId(id),
                crate::model::annotation::Span::new(start, start + 3),
                Kind::Mention(Mention {
                    speaker: Some(SpeakerId(1)),
                }),
            )
        };
        let quote = |id, start, sources: Vec<AnnotationId>| {
            crate::model::session::make_annotation(
                &text,
                AnnotationId(id),
                crate::model::annotation::Span::new(start, start + 5),
                Kind::Quote(Quote {
                    speaker: Some(SpeakerId(1)),
                    source_mentions: sources,
                    ..Quote::default()
                }),
            )
        };
        s.annotations = vec![
            mention(1, 0),
            quote(2, 9, vec![AnnotationId(1)]),
            mention(3, 16),
            quote(4, 25, vec![]),
        ];
        assert_eq!(guessed_sources(&s), 1);
        let note = guessed_note(&s).unwrap_or_default();
        assert!(
            note.starts_with("1 quote(s) or claim(s) have no source mention"),
            "{note}"
        );
    }

    /// xorshift64*, so a failure reproduces.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1) as u64) as usize
        }
    }

    fn ann(id: u32, start: usize, end: usize, kind: Kind) -> Annotation {
        Annotation {
            id: AnnotationId(id),
            start,
            end,
            exact: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            kind,
            note: String::new(),
            tags: Vec::new(),
        }
    }

    #[test]
    fn index_agrees_with_the_linear_scan_on_random_spans() {
        let mut rng = Rng(0x1234_5678_9abc_def1);
        for round in 0..3000 {
            let len = 5 + rng.below(60);
            let mut s = Session::new(ArticleRef::default());
            let count = rng.below(12);
            for i in 0..count {
                let start = rng.below(len);
                // Some long mentions, some empty, many short; duplicates happen.
                let end = match rng.below(4) {
                    0 => start,
                    1 => start + rng.below(len),
                    _ => start + 1 + rng.below(4),
                };
                let speaker = (rng.below(5) != 0).then(|| SpeakerId(rng.below(3) as u32));
                let kind = if rng.below(6) == 0 {
                    Kind::Quote(Quote::default())
                } else {
                    Kind::Mention(Mention { speaker })
                };
                s.annotations.push(ann(i as u32, start, end, kind));
            }
            if round % 2 == 0 {
                s.annotations.sort_by_key(|a| (a.start, a.end, a.id));
            }
            let index = MentionIndex::new(&s);
            for _ in 0..10 {
                let start = rng.below(len + 2);
                let end = start + rng.below(8);
                let q = ann(999, start, end, Kind::Quote(Quote::default()));
                for sp in 0..4 {
                    let fast = index.nearest(SpeakerId(sp), &q).map(|m| m as *const _);
                    let slow = nearest_mention(&s, SpeakerId(sp), &q).map(|m| m as *const _);
                    assert_eq!(fast, slow, "round {round}, speaker {sp}, {start}..{end}");
                }
            }
        }
    }
}
