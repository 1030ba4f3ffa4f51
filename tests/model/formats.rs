//! Interchange formats: round trips through brat and W3C on awkward articles, brat byte
//! stability, hand-written brat, CSV quoting, ClaimReview and Citron fields.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use newsmark::io::article::decode;
use newsmark::io::document::Document;
use newsmark::io::formats::{FormatError, brat, citron, claimreview, csv, w3c};
use newsmark::model::annotation::{
    AnnotationId, CheckWorthiness, Claim, Kind, Mention, Quote, QuoteType, Span, Verdict,
};
use newsmark::model::session::{ArticleRef, Publication, ReviewerKind, Session, make_annotation};
use newsmark::model::speaker::{Speaker, SpeakerId, SpeakerKind};
use newsmark::model::text::ArticleText;
use serde_json::Value;

/// Code-point span of the `nth` occurrence of `needle`.
fn find(text: &ArticleText, needle: &str, nth: usize) -> Span {
    let (byte, _) = text
        .as_str()
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", text.as_str()));
    let start = text.char_of(byte);
    Span::new(start, start + needle.chars().count())
}

/// An article body with every feature the session needs; `{E}` is replaced per encoding.
const TEMPLATE: &str = "Jens Stoltenberg, NATO's chief {E}, spoke.\n\n\
“We regret that {E},” Stoltenberg said, “and troops are massing.”\n\
The Kremlin answered “nothing will change”.\n\n\
Tens of thousands of troops are near the border, analysts said.";

fn article(bytes: &[u8]) -> (ArticleText, ArticleRef) {
    let d = decode(bytes).expect("decodes");
    let reference = ArticleRef {
        path: "/articles/test article.txt".into(),
        sha256: newsmark::io::article::sha256_hex(bytes),
        chars: d.text.len_chars(),
        encoding: d.encoding.into(),
        had_bom: d.had_bom,
        had_crlf: d.had_crlf,
    };
    (d.text, reference)
}

/// A session using every kind, attribute and link.
fn session(text: &ArticleText, reference: ArticleRef) -> Session {
    let mut s = Session::new(reference);
    let mut jens = Speaker::new(SpeakerId(3), "Jens Stoltenberg");
    jens.aliases.push("Stoltenberg".into());
    jens.role = "NATO Secretary General".into();
    let mut kremlin = Speaker::new(SpeakerId(7), "the Kremlin");
    kremlin.kind = SpeakerKind::Country;
    s.speakers = vec![jens, kremlin];
    let mut add = |id: u32, span: Span, kind: Kind, note: &str| {
        let mut a = make_annotation(text, AnnotationId(id), span, kind);
        a.note = note.into();
        s.annotations.push(a);
    };
    let q1 = find(text, "“We regret that", 0);
    let q1 = Span::new(q1.start, find(text, ",”", 0).end);
    add(1, find(text, "Jens Stoltenberg", 0), mention(Some(3)), "");
    add(4, find(text, "Stoltenberg", 1), mention(Some(3)), "");
    add(
        2,
        q1,
        Kind::Quote(Quote {
            speaker: Some(SpeakerId(3)),
            cue: Some(find(text, "said", 0)),
            quote_type: QuoteType::Direct,
            more: vec![find(text, "“and troops are massing.”", 0)],
            source_mentions: Vec::new(),
        }),
        "split around the cue, a \"tab\"\there\nand a line",
    );
    add(
        5,
        find(text, "“nothing will change”", 0),
        Kind::Quote(Quote {
            speaker: Some(SpeakerId(7)),
            cue: Some(find(text, "answered", 0)),
            quote_type: QuoteType::Indirect,
            more: Vec::new(),
            source_mentions: Vec::new(),
        }),
        "",
    );
    add(
        6,
        find(text, "Tens of thousands of troops are near the border", 0),
        Kind::Claim(Claim {
            speaker: None,
            check_worthiness: CheckWorthiness::High,
            verdict: Verdict::MostlyTrue,
            sources: vec!["https://example.org/a b".into(), "https://e.org/2".into()],
            in_quote: None,
            source_mentions: Vec::new(),
            review: String::new(),
        }),
        "checked, with commas, and \\backslashes\\n",
    );
    add(
        8,
        find(text, "troops are massing", 0),
        Kind::Claim(Claim {
            speaker: Some(SpeakerId(3)),
            check_worthiness: CheckWorthiness::Low,
            verdict: Verdict::Unverifiable,
            sources: Vec::new(),
            in_quote: Some(AnnotationId(2)),
            source_mentions: Vec::new(),
            review: String::new(),
        }),
        "",
    );
    add(9, find(text, "analysts", 0), mention(None), "");
    add(
        10,
        find(text, "The Kremlin", 0),
        Kind::Claim(Claim {
            speaker: Some(SpeakerId(7)),
            verdict: Verdict::False,
            ..Claim::default()
        }),
        "",
    );
    s.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    s
}

fn mention(speaker: Option<u32>) -> Kind {
    Kind::Mention(Mention {
        speaker: speaker.map(SpeakerId),
    })
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

/// Articles that trip offset code: BOM + CRLF with emoji (ZWJ) and combining marks; Latin-1.
fn articles() -> Vec<(&'static str, Vec<u8>)> {
    let utf8 = TEMPLATE.replace("{E}", "👨\u{200d}👩\u{200d}👧 cafe\u{301} 🇳🇴");
    let crlf = format!("\u{feff}{}", utf8.replace('\n', "\r\n"));
    let latin = TEMPLATE.replace("{E}", "café Müller");
    let (latin1, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&latin);
    assert!(!unmappable);
    let mut latin1 = latin1.into_owned();
    // Curly quotes as Windows-1252 bytes 0x93/0x94 in the last paragraph.
    latin1.extend_from_slice(b"\r\n\x93Quoted\x94 caf\xe9.");
    vec![
        ("utf-8 bom crlf emoji", crlf.into_bytes()),
        ("windows-1252", latin1),
    ]
}

fn speaker_keys(s: &Session) -> Vec<(SpeakerId, String, SpeakerKind)> {
    s.speakers
        .iter()
        .map(|sp| (sp.id, sp.name.clone(), sp.kind))
        .collect()
}

#[test]
fn brat_round_trip_keeps_annotations_speakers_and_bytes() {
    for (name, bytes) in articles() {
        let (text, reference) = article(&bytes);
        let original = session(&text, reference.clone());
        let files = brat::export(&doc(&original, &text));
        assert_eq!(
            files.txt,
            text.as_str(),
            "{name}: .txt is the normalized text"
        );
        assert!(!files.txt.contains('\r') && !files.txt.starts_with('\u{feff}'));
        let (back, warnings) = brat::import(&files.ann, &text, reference).expect(name);
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        assert_eq!(back.annotations, original.annotations, "{name}");
        assert_eq!(speaker_keys(&back), speaker_keys(&original), "{name}");
        let again = brat::export(&doc(&back, &text));
        assert_eq!(
            again, files,
            "{name}: export → import → export is byte-identical"
        );
    }
}

#[test]
fn brat_offsets_are_code_points_of_the_normalized_text() {
    let (name, bytes) = &articles()[0];
    let (text, reference) = article(bytes);
    let files = brat::export(&doc(&session(&text, reference), &text));
    let chars: Vec<char> = files.txt.chars().collect();
    for line in files.ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (_, offsets) = fields[1].split_once(' ').unwrap();
        let pieces: Vec<String> = offsets
            .split(';')
            .map(|f| {
                let (s, e) = f.split_once(' ').unwrap();
                let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
                chars[s..e]
                    .iter()
                    .map(|&c| if c == '\n' { ' ' } else { c })
                    .collect()
            })
            .collect();
        assert_eq!(pieces.join(" "), fields[2], "{name}: {line}");
    }
    assert!(files.ann.contains("\tQuote "), "{}", files.ann);
    assert!(
        files.ann.contains(";"),
        "the split quote is one T line with fragments"
    );
    assert!(files.ann.contains("\tSaid Arg1:T2 Arg2:T"));
    assert!(files.ann.contains("*\tEquiv T1 T4\n"));
    assert!(
        files
            .ann
            .contains("\tReference T1 newsmark:speaker_3\tJens Stoltenberg\n")
    );
    // The Kremlin has no mention: its N line sits on the quote and the claim themselves.
    assert!(
        files
            .ann
            .contains("\tReference T5 newsmark:speaker_7\tthe Kremlin\n")
    );
    assert!(files.ann.contains("\tSpeakerKind T5 Country\n"));
    assert!(
        files
            .ann
            .contains("\tAnnotatorNotes T2\tsplit around the cue, a \"tab\"\\there\\nand a line\n")
    );
}

#[test]
fn w3c_round_trip_gives_an_equal_session() {
    for (name, bytes) in articles() {
        let (text, reference) = article(&bytes);
        let original = session(&text, reference.clone());
        let json = w3c::export(&doc(&original, &text));
        let (back, warnings) = w3c::import(&json, &text, reference).expect(name);
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        assert_eq!(back, original, "{name}");
    }
}

#[test]
fn w3c_has_the_required_shape() {
    let (_, bytes) = &articles()[0];
    let (text, reference) = article(bytes);
    let source = format!("urn:sha256:{}", reference.sha256);
    let json = w3c::export(&doc(&session(&text, reference), &text));
    assert!(!json.contains("file:"), "no local path leaks");
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["total"], 8);
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(v["first"]["type"], "AnnotationPage");
    for item in items {
        assert_eq!(item["type"], "Annotation");
        let target = if item["target"].is_array() {
            &item["target"][0]
        } else {
            &item["target"]
        };
        assert_eq!(target["type"], "SpecificResource");
        assert_eq!(target["source"], source.as_str());
        let sel = target["selector"].as_array().unwrap();
        assert_eq!(sel[0]["type"], "TextPositionSelector");
        assert_eq!(sel[1]["type"], "TextQuoteSelector");
        let (s, e) = (
            sel[0]["start"].as_u64().unwrap(),
            sel[0]["end"].as_u64().unwrap(),
        );
        assert_eq!(sel[1]["exact"], text.slice(s as usize..e as usize));
    }
}

#[test]
fn w3c_reanchors_by_quote_when_positions_are_off() {
    let text = ArticleText::new("one two three two".into());
    let json = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:annotation-4",
      "type": "Annotation", "body": {"type": "TextualBody", "purpose": "tagging", "value": "Claim"},
      "target": {"source": "a.txt", "selector": [
        {"type": "TextPositionSelector", "start": 0, "end": 3},
        {"type": "TextQuoteSelector", "exact": "two", "prefix": "three ", "suffix": ""}]}}"#;
    let (s, warnings) = w3c::import(json, &text, ArticleRef::default()).unwrap();
    assert_eq!((s.annotations[0].start, s.annotations[0].end), (14, 17));
    assert_eq!(s.annotations[0].id, AnnotationId(4));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(matches!(
        w3c::import("{]", &text, ArticleRef::default()),
        Err(FormatError::Json(_))
    ));
    assert!(matches!(
        w3c::import("{\"type\": \"Thing\"}", &text, ArticleRef::default()),
        Err(FormatError::Shape(_))
    ));
}

#[test]
fn hand_written_brat_with_only_t_lines_imports_with_line_warnings() {
    let text = ArticleText::new("Merkel said: “No.” Scholz agreed.\n".into());
    let ann = "T1\tQuote 13 18\t“No.”\n\
               T2\tmention 0 6\tMerkel\n\
               T3\tPerson 19 25\tScholz\n\
               \n\
               T4\tClaim 19 99\tScholz agreed.\n\
               T5\tClaim 26 32\tagreed\n\
               R1\tSource Arg1:T1 Arg2:T2\n\
               what is this\n";
    let (s, warnings) = brat::import(ann, &text, ArticleRef::default()).unwrap();
    let kinds: Vec<_> = s
        .annotations
        .iter()
        .map(|a| (a.kind.tag(), a.start, a.end))
        .collect();
    use newsmark::model::annotation::KindTag::*;
    assert_eq!(kinds, [(Mention, 0, 6), (Quote, 13, 18), (Claim, 26, 32)]);
    // Three dropped lines, the unmapped types, and the speakers the import made.
    assert_eq!(warnings.len(), 5, "{warnings:?}");
    assert!(warnings[4].starts_with("1 speaker(s)"), "{warnings:?}");
    assert!(warnings[0].starts_with("line 3:") && warnings[0].contains("Person"));
    assert!(warnings[1].starts_with("line 5:") && warnings[1].contains("outside"));
    assert!(warnings[2].starts_with("line 8:"));
    assert!(warnings[3].contains("--map Person="), "{warnings:?}");
    // The Source relation created a speaker named after the mention.
    assert_eq!(s.speakers.len(), 1);
    assert_eq!(s.speakers[0].name, "Merkel");
    assert_eq!(s.annotations[1].kind.speaker(), Some(s.speakers[0].id));
    assert_eq!(s.annotations[0].kind.speaker(), Some(s.speakers[0].id));

    let err = brat::import("hello\nT1\tThing 0 1\tM\n", &text, ArticleRef::default());
    let Err(FormatError::NothingParsed { problems, .. }) = err else {
        panic!("{err:?}");
    };
    assert_eq!(problems.len(), 2);
    let (empty, w) = brat::import("", &text, ArticleRef::default()).unwrap();
    assert!(empty.annotations.is_empty());
    assert_eq!(
        w,
        ["the file holds no annotation line: the session is empty"]
    );
}

#[test]
fn brat_text_mismatch_is_dropped_with_its_reason_not_kept_at_a_guess() {
    let text = ArticleText::new("é and more".into());
    // Offsets counted in bytes (é is 2 bytes): the text field does not match.
    let (s, warnings) = brat::import(
        "T1\tMention 3 6\tand\nT2\tMention 6 10\tmore\n",
        &text,
        ArticleRef::default(),
    )
    .unwrap();
    assert_eq!(s.annotations.len(), 1);
    assert_eq!(s.annotations[0].exact, "more");
    assert!(
        warnings[0].contains("says “and” but the article has “nd ”")
            // The convention is stated once per run (by the CLI), not on every line.
            && !warnings[0].contains("code points"),
        "{warnings:?}"
    );
    let err = brat::import("T1\tMention 3 6\tand\n", &text, ArticleRef::default());
    assert!(
        matches!(err, Err(FormatError::NothingParsed { .. })),
        "{err:?}"
    );
}

#[test]
fn csv_quotes_fields_per_rfc_4180() {
    let (_, bytes) = &articles()[0];
    let (text, reference) = article(bytes);
    let out = csv::export(&doc(&session(&text, reference), &text));
    let mut lines = out.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "id,kind,start,end,fragments,text,speaker-id,speaker,cue-start,cue-end,cue,\
         source-mentions,type,check-worthiness,verdict,note"
    );
    assert!(out.ends_with("\r\n"));
    let cue = find(&text, "said", 0);
    assert!(out.contains(&format!(
        ",3,Jens Stoltenberg,{},{},said,,direct,,,\"split around the cue, a \"\"tab\"\"\there\nand a line\"\r\n",
        cue.start, cue.end
    )), "{out}");
    assert!(out.contains(",high,Mostly true,\"checked, with commas, and \\backslashes\\n\"\r\n"));
    assert_eq!(out.matches("\r\n").count(), 1 + 8);
}

#[test]
fn claimreview_has_one_review_per_checked_claim() {
    let (_, bytes) = &articles()[0];
    let (text, reference) = article(bytes);
    let mut s = session(&text, reference);
    s.publication = Publication {
        article_url: "https://news.example/nato".into(),
        outlet: "News Example".into(),
        article_date: "2022-01-07".into(),
        reviewer: "Fact Desk".into(),
        reviewer_kind: ReviewerKind::Organization,
        review_url: "https://factcheck.example/nato".into(),
    };
    for a in &mut s.annotations {
        if let Kind::Claim(c) = &mut a.kind
            && a.exact == "The Kremlin"
        {
            c.review = "Satellite images show no withdrawal.".into();
            a.note = "-2+3 ask the desk".into();
        }
    }
    let out = claimreview::export(&doc(&s, &text), "2024-05-01");
    let v: Value = serde_json::from_str(&out).unwrap();
    let reviews = v.as_array().unwrap();
    assert_eq!(reviews.len(), 3, "three claims, all with a verdict");
    assert!(
        !out.contains("ask the desk"),
        "a note is never published: {out}"
    );
    let unverifiable = &reviews[0];
    assert_eq!(unverifiable["claimReviewed"], "troops are massing");
    assert_eq!(
        unverifiable["reviewRating"]["alternateName"],
        "Unverifiable"
    );
    assert!(unverifiable["reviewRating"].get("ratingValue").is_none());
    assert_eq!(unverifiable["itemReviewed"]["author"]["@type"], "Person");
    let r = &reviews[1];
    assert_eq!(r["@context"], "https://schema.org");
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(r["datePublished"], "2024-05-01");
    assert_eq!(r["claimReviewed"], "The Kremlin");
    assert_eq!(r["reviewRating"]["ratingValue"], 1);
    assert_eq!(r["reviewRating"]["bestRating"], 5);
    assert_eq!(r["reviewRating"]["worstRating"], 1);
    assert_eq!(r["reviewRating"]["alternateName"], "False");
    assert_eq!(r["itemReviewed"]["@type"], "Claim");
    assert_eq!(
        r["itemReviewed"]["author"]["@type"],
        "GovernmentOrganization"
    );
    assert_eq!(r["itemReviewed"]["author"]["name"], "the Kremlin");
    assert_eq!(r["url"], "https://factcheck.example/nato");
    assert_eq!(r["author"]["@type"], "Organization");
    assert_eq!(r["author"]["name"], "Fact Desk");
    assert_eq!(r["reviewRating"]["name"], "False");
    assert_eq!(r["itemReviewed"]["datePublished"], "2022-01-07");
    let appearance = &r["itemReviewed"]["appearance"];
    assert_eq!(appearance["@type"], "NewsArticle");
    assert_eq!(appearance["url"], "https://news.example/nato");
    assert_eq!(appearance["publisher"]["name"], "News Example");
    assert!(!out.contains("file:"), "{out}");
    // Only the text marked for publication is a review's body.
    assert_eq!(r["reviewBody"], "Satellite images show no withdrawal.");
    let bodies = reviews
        .iter()
        .filter(|r| r.get("reviewBody").is_some())
        .count();
    assert_eq!(bodies, 1, "{out}");
    assert_eq!(reviews[2]["reviewRating"]["ratingValue"], 4);
    assert_eq!(reviews[2]["reviewRating"]["name"], "Mostly true");
    // A claim without a speaker is the outlet's own.
    assert_eq!(reviews[2]["itemReviewed"]["author"]["name"], "News Example");
}

#[test]
fn citron_lists_quotes_with_cue_sources_and_contents() {
    let (_, bytes) = &articles()[0];
    let (text, reference) = article(bytes);
    let out = citron::export(&doc(&session(&text, reference), &text));
    let v: Value = serde_json::from_str(&out).unwrap();
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0]["cue"]["text"], "said");
    assert_eq!(quotes[0]["sources"][0]["text"], "Stoltenberg");
    assert_eq!(quotes[0]["contents"].as_array().unwrap().len(), 2);
    assert_eq!(
        quotes[0]["contents"][1]["text"],
        "“and troops are massing.”"
    );
    assert_eq!(quotes[1]["sources"].as_array().unwrap().len(), 0);
    let c = &quotes[0]["contents"][0];
    let (s, e) = (
        c["start"].as_u64().unwrap() as usize,
        c["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(c["text"], text.slice(s..e));
}

/// A quote split around its cue spans its first start to its last end in `start`/`end`, with
/// each part in `fragments`; `--no-formula-guard`'s cells are written as they are.
#[test]
fn csv_start_and_end_span_a_split_quote_and_the_guard_can_be_left_off() {
    let text = ArticleText::new("“We stay,” she said, “and fight.” -2+3".into());
    let mut s = Session::new(ArticleRef::default());
    let mut q = make_annotation(
        &text,
        AnnotationId(1),
        Span::new(0, 10),
        Kind::Quote(Quote {
            more: vec![Span::new(21, 33)],
            ..Quote::default()
        }),
    );
    q.note = "-2+3".into();
    s.annotations.push(q);
    let d = doc(&s, &text);
    let out = csv::export(&d);
    assert!(out.contains("\r\n1,Quote,0,33,0-10;21-33,"), "{out}");
    assert!(out.contains(",'-2+3\r\n"), "guarded: {out}");
    let raw = csv::export_with(&d, false);
    assert!(raw.contains(",-2+3\r\n"), "as it is: {raw}");
}
