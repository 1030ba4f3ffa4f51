//! Ids at the ends of their range: annotation and speaker ids 0 and u32::MAX survive brat and
//! W3C round trips, brat cues are numbered past u32::MAX, and imports that must make up ids
//! pick free ones instead of wrapping (or panicking in a debug build).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use std::collections::HashSet;

use newsmark::io::document::Document;
use newsmark::io::formats::{brat, w3c};
use newsmark::model::annotation::{
    AnnotationId, CheckWorthiness, Claim, Kind, Mention, Quote, QuoteType, Span, Verdict,
};
use newsmark::model::session::{ArticleRef, Session, make_annotation};
use newsmark::model::speaker::{Speaker, SpeakerId, SpeakerKind};
use newsmark::model::text::ArticleText;

use crate::rng;
use rng::Rng;

const MAX: u32 = u32::MAX;
const SAMPLE: &str = include_str!("../../assets/nato_russia_2022-01-07.txt");
const TEXT: &str = "Jens Stoltenberg said: “We regret it.” He added that NATO is open. \
                    The Kremlin answered.";

fn find(text: &ArticleText, needle: &str) -> Span {
    let byte = text.as_str().find(needle).expect(needle);
    let start = text.char_of(byte);
    Span::new(start, start + needle.chars().count())
}

fn doc(session: &Session, text: &ArticleText) -> Document {
    Document {
        session: session.clone(),
        text: text.clone(),
        session_path: None,
        notices: Vec::new(),
        anchor_report: None,
    }
}

/// Annotation ids 0 and u32::MAX; a speaker u32::MAX with two mentions, a quote with a cue and
/// claims; a speaker 0 with no mention.
fn extreme_session(text: &ArticleText) -> Session {
    let mut s = Session::new(ArticleRef::default());
    let mut kremlin = Speaker::new(SpeakerId(0), "the Kremlin");
    kremlin.kind = SpeakerKind::Country;
    s.speakers = vec![kremlin, Speaker::new(SpeakerId(MAX), "Jens Stoltenberg")];
    let jens = Some(SpeakerId(MAX));
    let mut add = |id: u32, span: Span, kind: Kind| {
        s.annotations
            .push(make_annotation(text, AnnotationId(id), span, kind));
    };
    add(0, find(text, "Jens Stoltenberg"), mention(jens));
    add(1, find(text, "He"), mention(jens));
    let quote = Quote {
        speaker: jens,
        cue: Some(find(text, "said")),
        quote_type: QuoteType::Direct,
        ..Quote::default()
    };
    add(MAX, find(text, "“We regret it.”"), Kind::Quote(quote));
    add(
        MAX - 1,
        find(text, "regret it"),
        Kind::Claim(Claim {
            speaker: jens,
            in_quote: Some(AnnotationId(MAX)),
            ..Claim::default()
        }),
    );
    add(
        2,
        find(text, "NATO is open"),
        Kind::Claim(Claim {
            speaker: jens,
            check_worthiness: CheckWorthiness::High,
            verdict: Verdict::True,
            ..Claim::default()
        }),
    );
    add(
        3,
        find(text, "The Kremlin answered"),
        Kind::Claim(Claim {
            speaker: Some(SpeakerId(0)),
            ..Claim::default()
        }),
    );
    s.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    s
}

fn mention(speaker: Option<SpeakerId>) -> Kind {
    Kind::Mention(Mention { speaker })
}

#[test]
fn brat_round_trip_with_ids_0_and_u32_max_is_byte_identical() {
    let text = ArticleText::new(TEXT.into());
    let original = extreme_session(&text);
    let files = brat::export(&doc(&original, &text));
    // The cue is numbered 10¹⁰ past its quote's id, beyond every annotation id (u32).
    assert!(files.ann.contains("T0\tMention 0 16\t"), "{}", files.ann);
    assert!(files.ann.contains("T14294967295\tCue "), "{}", files.ann);
    assert!(
        files
            .ann
            .contains("\tSaid Arg1:T4294967295 Arg2:T14294967295\n")
    );
    assert!(
        files
            .ann
            .contains("\tInQuote Arg1:T4294967294 Arg2:T4294967295\n")
    );
    assert!(
        files
            .ann
            .contains("newsmark:speaker_4294967295\tJens Stoltenberg\n")
    );
    assert!(files.ann.contains("newsmark:speaker_0\tthe Kremlin\n"));
    let (back, warnings) = brat::import(&files.ann, &text, ArticleRef::default()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back.annotations, original.annotations);
    let ids: Vec<(u32, &str)> = back
        .speakers
        .iter()
        .map(|s| (s.id.0, s.name.as_str()))
        .collect();
    assert_eq!(ids, [(0, "the Kremlin"), (MAX, "Jens Stoltenberg")]);
    assert_eq!(brat::export(&doc(&back, &text)), files);
}

#[test]
fn w3c_round_trip_with_ids_0_and_u32_max_is_equal_and_stable() {
    let text = ArticleText::new(TEXT.into());
    let original = extreme_session(&text);
    let json = w3c::export(&doc(&original, &text));
    assert!(json.contains(":annotation-4294967295\""), "{json}");
    assert!(json.contains(":annotation-0\""));
    let (back, warnings) = w3c::import(&json, &text, ArticleRef::default()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back, original);
    assert_eq!(w3c::export(&doc(&back, &text)), json);
}

#[test]
fn brat_import_makes_up_free_ids_when_u32_max_is_taken() {
    let text = ArticleText::new(TEXT.into());
    // T4294967295 is taken, Tx needs an id; the Source mention and the Equiv group have no
    // N line, so each needs a new speaker while speaker u32::MAX exists.
    let ann = "T4294967295\tQuote 23 38\t“We regret it.”\n\
               Tx\tClaim 53 65\tNATO is open\n\
               T2\tMention 39 41\tHe\n\
               T5\tMention 0 16\tJens Stoltenberg\n\
               T6\tMention 67 78\tThe Kremlin\n\
               T7\tMention 79 87\tanswered\n\
               T4294967296\tClaim 0 4\tJens\n\
               R1\tSource Arg1:T4294967295 Arg2:T2\n\
               *\tEquiv T6 T7\n\
               N1\tReference T5 newsmark:speaker_4294967295\tJens Stoltenberg\n\
               N2\tReference T5 newsmark:speaker_4294967296\tToo big\n";
    let (s, warnings) = brat::import(ann, &text, ArticleRef::default()).unwrap();
    let ids: Vec<(u32, &str)> = s
        .speakers
        .iter()
        .map(|s| (s.id.0, s.name.as_str()))
        .collect();
    // "He" is a pronoun: it stays the quote's source mention but names no speaker.
    assert_eq!(ids, [(1, "The Kremlin"), (MAX, "Jens Stoltenberg")]);
    let by_text = |t: &str| s.annotations.iter().find(|a| a.exact == t).unwrap();
    assert_eq!(by_text("“We regret it.”").id, AnnotationId(MAX));
    assert_eq!(by_text("“We regret it.”").kind.speaker(), None);
    assert_eq!(
        by_text("“We regret it.”").kind.source_mentions(),
        [by_text("He").id]
    );
    // The ids after u32::MAX are taken, so the smallest unused ones are used: 1, then 3.
    assert_eq!(by_text("NATO is open").id, AnnotationId(1));
    assert_eq!(by_text("Jens").id, AnnotationId(3));
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].starts_with("line 11:"), "{warnings:?}");
    assert!(
        warnings[1].starts_with("2 speaker(s): 1 named in N lines"),
        "{warnings:?}"
    );
}

#[test]
fn w3c_import_makes_up_free_ids_when_u32_max_is_taken() {
    let text = ArticleText::new(TEXT.into());
    let target = |start: usize, end: usize| {
        serde_json::json!({"source": "a.txt", "selector":
            {"type": "TextPositionSelector", "start": start, "end": end}})
    };
    let body = |tag: &str, speaker: &str| {
        serde_json::json!([
            {"type": "TextualBody", "purpose": "tagging", "value": tag},
            {"type": "TextualBody", "purpose": "identifying", "value": speaker},
        ])
    };
    let json = serde_json::json!({
        "type": "AnnotationCollection",
        "newsmark:speakers": [{"newsmark:id": MAX, "newsmark:name": "Jens Stoltenberg"}],
        "first": {"items": [
            {"id": "urn:x:annotation-4294967295", "type": "Annotation",
             "body": body("Mention", "Jens Stoltenberg"), "target": target(0, 16)},
            {"id": "urn:x:annotation-4294967296", "type": "Annotation",
             "body": body("Claim", "NATO"), "target": target(53, 65)},
            {"type": "Annotation", "body": body("Mention", "the Kremlin"),
             "target": target(67, 78)},
        ]},
    });
    let (s, warnings) = w3c::import(&json.to_string(), &text, ArticleRef::default()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let ids: Vec<(u32, &str)> = s
        .speakers
        .iter()
        .map(|s| (s.id.0, s.name.as_str()))
        .collect();
    assert_eq!(
        ids,
        [(1, "NATO"), (2, "the Kremlin"), (MAX, "Jens Stoltenberg")]
    );
    let ids: Vec<(u32, Option<SpeakerId>)> = s
        .annotations
        .iter()
        .map(|a| (a.id.0, a.kind.speaker()))
        .collect();
    assert_eq!(
        ids,
        [
            (MAX, Some(SpeakerId(MAX))),
            (1, Some(SpeakerId(1))),
            (2, Some(SpeakerId(2)))
        ]
    );
}

impl Rng {
    /// Mostly ids at the ends of the range, sometimes any id.
    fn id(&mut self) -> u32 {
        const EDGES: [u32; 8] = [0, 1, 2, 3, MAX - 2, MAX - 1, MAX, 1 << 31];
        match EDGES.get(self.below(EDGES.len() + 2)) {
            Some(&id) => id,
            None => self.next() as u32,
        }
    }
    fn span(&mut self, len: usize) -> Span {
        let start = self.below(len - 40);
        Span::new(start, start + 1 + self.below(30))
    }
}

/// A session with hostile ids (distinct), every kind, links and speakers with and without
/// mentions.
fn random_session(rng: &mut Rng, text: &ArticleText) -> Session {
    let len = text.len_chars();
    let mut s = Session::new(ArticleRef::default());
    let mut used = HashSet::new();
    for i in 0..1 + rng.below(4) {
        let id = rng.id();
        if used.insert(id) {
            s.speakers
                .push(Speaker::new(SpeakerId(id), format!("Speaker {i}")));
        }
    }
    s.speakers.sort_by_key(|sp| sp.id);
    let speaker = |rng: &mut Rng, s: &Session| {
        let i = rng.below(s.speakers.len() + 1);
        s.speakers.get(i).map(|sp| sp.id)
    };
    let mut ids = HashSet::new();
    let mut quotes = Vec::new();
    for _ in 0..rng.below(12) {
        let id = rng.id();
        if !ids.insert(id) {
            continue;
        }
        let kind = match rng.below(3) {
            0 => mention(speaker(rng, &s)),
            1 => {
                quotes.push(AnnotationId(id));
                Kind::Quote(Quote {
                    speaker: speaker(rng, &s),
                    cue: (rng.below(2) == 0).then(|| rng.span(len)),
                    quote_type: QuoteType::ALL[rng.below(3)],
                    more: (0..rng.below(2)).map(|_| rng.span(len)).collect(),
                    ..Quote::default()
                })
            }
            _ => Kind::Claim(Claim {
                speaker: speaker(rng, &s),
                verdict: Verdict::ALL[rng.below(7)],
                in_quote: quotes.get(rng.below(quotes.len() + 1)).copied(),
                ..Claim::default()
            }),
        };
        let span = rng.span(len);
        s.annotations
            .push(make_annotation(text, AnnotationId(id), span, kind));
    }
    s.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    s
}

#[test]
fn random_sessions_with_edge_ids_round_trip_through_brat_and_w3c() {
    let text = ArticleText::from_raw(SAMPLE);
    let mut rng = Rng(0x1d50_fe0d);
    for round in 0..500 {
        let s = random_session(&mut rng, &text);
        let files = brat::export(&doc(&s, &text));
        let (back, mut warnings) = brat::import(&files.ann, &text, ArticleRef::default()).unwrap();
        // A session with nothing brat can hold writes an empty file, which import says.
        warnings.retain(|w| !w.contains("holds no annotation line"));
        assert!(
            warnings.is_empty(),
            "round {round}: {warnings:?}\n{}",
            files.ann
        );
        let again = brat::export(&doc(&back, &text));
        assert_eq!(again, files, "round {round}: brat is not stable");
        assert_eq!(
            back.annotations,
            as_brat_holds_it(&s, &text),
            "round {round}"
        );

        let json = w3c::export(&doc(&s, &text));
        let (back, warnings) = w3c::import(&json, &text, ArticleRef::default()).unwrap();
        assert!(warnings.is_empty(), "round {round}: {warnings:?}");
        assert_eq!(back, s, "round {round}: W3C changed the session");
    }
}

/// A quote's parts as brat carries them: each split at its line breaks (empty pieces dropped),
/// the first piece first and the rest in text order, then pieces that exactly one line break
/// separates joined again, as import does.
fn quote_parts_as_brat_holds_them(text: &ArticleText, parts: &[Span]) -> Vec<Span> {
    let mut pieces: Vec<Span> = Vec::new();
    for p in parts {
        let mut start = p.start;
        for (i, c) in text.slice(p.start..p.end).chars().enumerate() {
            if c == '\n' {
                if p.start + i > start {
                    pieces.push(Span::new(start, p.start + i));
                }
                start = p.start + i + 1;
            }
        }
        if p.end > start {
            pieces.push(Span::new(start, p.end));
        }
    }
    if let Some(rest) = pieces.get_mut(1..) {
        rest.sort();
    }
    let mut out: Vec<Span> = Vec::new();
    for f in pieces {
        if let Some(last) = out.last_mut()
            && last.end + 1 == f.start
            && text.slice(last.end..f.start) == "\n"
        {
            last.end = f.end;
            continue;
        }
        out.push(f);
    }
    if let Some(rest) = out.get_mut(1..) {
        rest.sort();
    }
    out
}

/// The annotations as brat carries them: line breaks at either end of a span (main, `more`,
/// cue) are not covered by any fragment, so they are not read back; an annotation of line
/// breaks only is not written, and neither is a claim's link to such a quote.
fn as_brat_holds_it(
    s: &Session,
    text: &ArticleText,
) -> Vec<newsmark::model::annotation::Annotation> {
    let trim = |sp: Span| {
        let chars: Vec<char> = text.slice(sp.start..sp.end).chars().collect();
        let lead = chars.iter().take_while(|c| **c == '\n').count();
        let trail = chars.iter().rev().take_while(|c| **c == '\n').count();
        (lead < chars.len()).then(|| Span::new(sp.start + lead, sp.end - trail))
    };
    let kept: HashSet<AnnotationId> = s
        .annotations
        .iter()
        .filter(|a| trim(a.span()).is_some())
        .map(|a| a.id)
        .collect();
    let mut out: Vec<_> = s
        .annotations
        .iter()
        .filter_map(|a| {
            let mut span = trim(a.span())?;
            let mut kind = a.kind.clone();
            match &mut kind {
                Kind::Quote(q) => {
                    q.cue = q.cue.and_then(trim);
                    let mut parts = std::iter::once(a.span()).chain(q.more.iter().copied());
                    let all: Vec<Span> = parts.by_ref().collect();
                    let mut held = quote_parts_as_brat_holds_them(text, &all).into_iter();
                    span = held.next()?;
                    q.more = held.collect();
                }
                Kind::Claim(c) => c.in_quote = c.in_quote.filter(|q| kept.contains(q)),
                Kind::Mention(_) => {}
            }
            let mut b = make_annotation(text, a.id, span, kind);
            b.note = a.note.clone();
            Some(b)
        })
        .collect();
    out.sort_by_key(|a| (a.start, a.end, a.id));
    out
}
