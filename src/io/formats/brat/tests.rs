//! Tests of `brat`.
use super::*;
use crate::model::annotation::{AnnotationId, KindTag, Quote, Verdict};
use crate::model::session::{ArticleRef, Session, make_annotation};
use crate::model::speaker::Speaker;

fn export_session(session: &Session, text: &ArticleText) -> BratFiles {
    export(&Document {
        session: session.clone(),
        text: text.clone(),
        session_path: None,
        notices: Vec::new(),
        anchor_report: None,
    })
}

#[test]
fn escape_round_trips() {
    let s = "a\\b\nc\td\u{2028}e\\q";
    assert_eq!(escape(s), "a\\\\b\\nc\\td\\u{2028}e\\\\q");
    assert_eq!(unescape(&escape(s)), s);
    assert_eq!(unescape("C:\\x \\u{zz}"), "C:\\x \\u{zz}");
}

#[test]
fn quote_with_fragments_cue_and_unmentioned_speaker() {
    let text = ArticleText::new("“We regret,” he said, “that it came to this.”".into());
    let mut s = Session::new(ArticleRef::default());
    s.speakers.push(Speaker::new(SpeakerId(4), "Jens"));
    let kind = Kind::Quote(Quote {
        speaker: Some(SpeakerId(4)),
        cue: Some(Span::new(16, 20)),
        more: vec![Span::new(22, 45)],
        ..Quote::default()
    });
    s.annotations.push(make_annotation(
        &text,
        AnnotationId(2),
        Span::new(0, 12),
        kind,
    ));
    let mention = KindTag::Mention.with_speaker(None);
    s.annotations.push(make_annotation(
        &text,
        AnnotationId(5),
        Span::new(13, 15),
        mention,
    ));
    let ann = export_session(&s, &text).ann;
    assert_eq!(
        ann,
        "T2\tQuote 0 12;22 45\t“We regret,” “that it came to this.”\n\
         T5\tMention 13 15\the\n\
         T10000000002\tCue 16 20\tsaid\n\
         R1\tSaid Arg1:T2 Arg2:T10000000002\n\
         A1\tQuoteType T2 Direct\n\
         N1\tReference T2 newsmark:speaker_4\tJens\n"
    );
}

#[test]
fn chained_equiv_lines_make_one_speaker() {
    let text = ArticleText::new("Ann Bo Cy Di Ed".into());
    let ann = "T1\tMention 0 3\tAnn\nT2\tMention 4 6\tBo\nT3\tMention 7 9\tCy\n\
               T4\tMention 10 12\tDi\nT5\tMention 13 15\tEd\n\
               *\tEquiv T3 T4\n*\tEquiv T1 T2\n*\tEquiv T2 T4\n";
    let (s, warnings) = import(ann, &text, ArticleRef::default()).unwrap_or_else(|e| {
        panic!("{e}");
    });
    // The only note says what speakers the import made, and that "Ed" names nobody.
    assert_eq!(
        warnings,
        [
            "1 speaker(s): 0 named in N lines, 1 from mentions that look like names (0 of them \
          organisations); 1 mention(s) name no speaker (pronouns and descriptions stay source \
          spans without one)"
        ]
    );
    let names: Vec<&str> = s.speakers.iter().map(|sp| sp.name.as_str()).collect();
    assert_eq!(names, ["Ann"]);
    let speakers: Vec<Option<SpeakerId>> = s.annotations.iter().map(|a| a.kind.speaker()).collect();
    let one = Some(s.speakers[0].id);
    assert_eq!(speakers, [one, one, one, one, None]);
}

#[test]
fn values_parse_leniently() {
    let v = parse_value(&Verdict::ALL, verdict_name, Verdict::label, "mostly-true");
    assert_eq!(v, Some(Verdict::MostlyTrue));
    let v = parse_value(&Verdict::ALL, verdict_name, Verdict::label, "Mostly true");
    assert_eq!(v, Some(Verdict::MostlyTrue));
    assert_eq!(
        parse_value(&Verdict::ALL, verdict_name, Verdict::label, "x"),
        None
    );
}

/// A claim imported without CheckWorthiness or Verdict is exported without them (they would
/// read back the same, but a corpus should get back what it gave); a rated, checked claim keeps
/// both.
#[test]
fn absent_claim_attributes_stay_absent_on_export() {
    let text = ArticleText::new("Troops are massing. Talks ended.".into());
    let ann = "T1\tClaim 0 18\tTroops are massing\nT2\tClaim 20 31\tTalks ended\n\
               A1\tVerdict T2 False\nA2\tCheckWorthiness T2 High\n";
    let (s, warnings) = import(ann, &text, ArticleRef::default()).unwrap_or_else(|e| {
        panic!("{e}");
    });
    assert!(warnings.is_empty(), "{warnings:?}");
    let out = export_session(&s, &text).ann;
    assert!(
        !out.contains("T1 Unrated") && !out.contains("T1 Unchecked"),
        "{out}"
    );
    assert!(out.contains("\tVerdict T2 False\n"), "{out}");
    assert!(out.contains("\tCheckWorthiness T2 High\n"), "{out}");
    assert_eq!(out.matches("\tVerdict ").count(), 1, "{out}");
}
