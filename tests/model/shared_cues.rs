//! brat ids that are a function of the session (stable across exports, round trips and edits
//! of other annotations), and one cue shared by two quotes through brat, W3C and Citron.
//! Fixtures are written here (no corpus text).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]
#![allow(clippy::indexing_slicing, reason = "tests fail loudly on purpose")]

use std::collections::BTreeMap;

use newsmark::io::document::Document;
use newsmark::io::formats::brat::{self, TypeMap};
use newsmark::io::formats::{citron, w3c};
use newsmark::model::annotation::{AnnotationId, Kind, Span};
use newsmark::model::session::{ArticleRef, Session};
use newsmark::model::text::ArticleText;
use serde_json::Value;

/// One "said" for two contents, then a second speaker with a cue of their own.
const STORY: &str = "“The ferry runs again on Monday,” the harbour master said, “and the fares \
                     stay as they are.” A fisherman told us he would believe it when he saw it.\n";

/// Offsets of the first occurrence of `needle`, in code points.
fn find(needle: &str) -> (usize, usize) {
    let byte = STORY.find(needle).expect(needle);
    let start = STORY[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn t(id: &str, ty: &str, needle: &str) -> String {
    let (s, e) = find(needle);
    format!("{id}\t{ty} {s} {e}\t{needle}\n")
}

/// PolNeAR-style: one Cue (T2) that two Attribution events use, each with its own content.
fn shared_cue_ann() -> String {
    [
        t("T1", "Source", "the harbour master"),
        t("T2", "Cue", "said"),
        t("T3", "Content", "“The ferry runs again on Monday,”"),
        t("T4", "Content", "“and the fares stay as they are.”"),
        t("T5", "Attribution", "said"),
        t("T6", "Attribution", "said"),
        "E1\tAttribution:T5 Content:T3 Cue:T2 Source:T1\n".to_owned(),
        "E2\tAttribution:T6 Content:T4 Cue:T2 Source:T1\n".to_owned(),
        t("T7", "Source", "A fisherman"),
        t("T8", "Cue", "told"),
        t("T9", "Content", "he would believe it when he saw it"),
        t("T10", "Attribution", "told"),
        "E3\tAttribution:T10 Content:T9 Cue:T8 Source:T7\n".to_owned(),
    ]
    .concat()
}

const MAP: &str = "Content=Quote,Source=Mention,Cue=Cue,Attribution=skip";

fn imported() -> (Session, ArticleText) {
    let text = ArticleText::new(STORY.into());
    let map = TypeMap::parse(MAP).unwrap();
    let r = brat::import_with(&shared_cue_ann(), &text, ArticleRef::default(), &map).unwrap();
    assert!(r.dropped.is_empty(), "{:?}", r.dropped);
    (r.session, text)
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

/// Each quote's id and cue.
fn cues(s: &Session) -> Vec<(u32, Option<Span>)> {
    s.annotations
        .iter()
        .filter_map(|a| match &a.kind {
            Kind::Quote(q) => Some((a.id.0, q.cue)),
            _ => None,
        })
        .collect()
}

/// `T` id → the rest of its line (type, offsets, text), from an `.ann`.
fn t_lines(ann: &str) -> BTreeMap<String, String> {
    ann.lines()
        .filter(|l| l.starts_with('T'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(id, rest)| (id.to_owned(), rest.to_owned()))
        .collect()
}

#[test]
fn a_cue_two_events_share_is_imported_on_both_quotes_and_exported_once() {
    let (session, text) = imported();
    let said = find("said");
    let said = Some(Span::new(said.0, said.1));
    let told = find("told");
    assert_eq!(
        cues(&session),
        [(3, said), (4, said), (9, Some(Span::new(told.0, told.1)))]
    );

    let ann = brat::export(&doc(&session, &text)).ann;
    let cue_lines: Vec<&str> = ann.lines().filter(|l| l.contains("\tCue ")).collect();
    assert_eq!(cue_lines.len(), 2, "{ann}");
    let (s, e) = find("said");
    let said_line = format!("T10000000003\tCue {s} {e}\tsaid");
    assert_eq!(cue_lines[0], said_line, "{ann}");
    assert!(cue_lines[1].starts_with("T10000000009\tCue "), "{ann}");
    let to_said: Vec<&str> = ann
        .lines()
        .filter(|l| l.ends_with(" Arg2:T10000000003"))
        .collect();
    assert_eq!(to_said.len(), 2, "{ann}");
    assert!(to_said[0].contains("\tSaid Arg1:T3 "), "{ann}");
    assert!(to_said[1].contains("\tSaid Arg1:T4 "), "{ann}");

    // Round trip: both quotes keep the one cue; the second export is the same bytes.
    let (back, warnings) = brat::import(&ann, &text, ArticleRef::default()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(cues(&back), cues(&session));
    assert_eq!(brat::export(&doc(&back, &text)).ann, ann);
}

#[test]
fn exporting_twice_and_after_a_round_trip_gives_the_same_bytes() {
    let (session, text) = imported();
    let first = brat::export(&doc(&session, &text)).ann;
    assert_eq!(brat::export(&doc(&session, &text)).ann, first);
    // The session's list in another order is the same session: the same file.
    let mut shuffled = session.clone();
    shuffled.annotations.reverse();
    assert_eq!(brat::export(&doc(&shuffled, &text)).ann, first);
    let (back, _) = brat::import(&first, &text, ArticleRef::default()).unwrap();
    assert_eq!(brat::export(&doc(&back, &text)).ann, first);
}

#[test]
fn removing_or_adding_an_annotation_leaves_the_other_ids_as_they_were() {
    let (session, text) = imported();
    let before = t_lines(&brat::export(&doc(&session, &text)).ann);

    // Remove the fisherman's mention: every other T keeps its id and its line.
    let mut fewer = session.clone();
    fewer.annotations.retain(|a| a.id != AnnotationId(7));
    let after = t_lines(&brat::export(&doc(&fewer, &text)).ann);
    let mut expected = before.clone();
    expected.remove("T7");
    assert_eq!(after, expected);

    // Remove the first quote of the shared cue: the cue moves to the other sharer's number,
    // and nothing else changes.
    let mut no_first = session.clone();
    no_first.annotations.retain(|a| a.id != AnnotationId(3));
    let after = t_lines(&brat::export(&doc(&no_first, &text)).ann);
    let mut expected = before.clone();
    expected.remove("T3");
    let cue = expected.remove("T10000000003").unwrap();
    expected.insert("T10000000004".to_owned(), cue);
    assert_eq!(after, expected);

    // A new annotation with the next free id never takes a cue's number (the old scheme
    // numbered cues after the largest id, so the next mention was written with a cue's T).
    let mut more = session.clone();
    let next = more.annotations.iter().map(|a| a.id.0).max().unwrap() + 1;
    let (s, e) = find("fares");
    more.annotations
        .push(newsmark::model::session::make_annotation(
            &text,
            AnnotationId(next),
            Span::new(s, e),
            newsmark::model::annotation::KindTag::Mention.with_speaker(None),
        ));
    let after = t_lines(&brat::export(&doc(&more, &text)).ann);
    let mut expected = before;
    expected.insert(format!("T{next}"), format!("Mention {s} {e}\tfares"));
    assert_eq!(after, expected);
}

#[test]
fn w3c_quotes_sharing_a_cue_name_one_cue_resource_and_import_keeps_it() {
    let (session, text) = imported();
    let json = w3c::export(&doc(&session, &text));
    let v: Value = serde_json::from_str(&json).unwrap();
    let cue_bodies: Vec<&Value> = v["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["body"].as_array().unwrap())
        .filter(|b| b["newsmark:role"] == "cue")
        .collect();
    assert_eq!(cue_bodies.len(), 3, "{json}");
    let ids: Vec<&str> = cue_bodies
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    let (s, e) = find("said");
    assert!(ids[0].ends_with(&format!(":cue-{s}-{e}")), "{ids:?}");
    assert_eq!(ids[0], ids[1], "the two quotes' cue is one resource");
    assert_ne!(ids[1], ids[2]);
    // The same id describes the same node: the two embeddings are identical.
    assert_eq!(cue_bodies[0], cue_bodies[1]);

    let (back, _) = w3c::import(&json, &text, ArticleRef::default()).unwrap();
    assert_eq!(cues(&back), cues(&session));
}

#[test]
fn citron_quotes_sharing_a_cue_carry_the_same_cue_span() {
    let (session, text) = imported();
    let v: Value = serde_json::from_str(&citron::export(&doc(&session, &text))).unwrap();
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 3);
    let (s, e) = find("said");
    for q in &quotes[..2] {
        assert_eq!(q["cue"]["start"], s);
        assert_eq!(q["cue"]["end"], e);
        assert_eq!(q["cue"]["text"], "said");
    }
    assert_eq!(quotes[2]["cue"]["text"], "told");
    let contents: Vec<&str> = quotes[..2]
        .iter()
        .map(|q| q["contents"][0]["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        contents,
        [
            "“The ferry runs again on Monday,”",
            "“and the fares stay as they are.”"
        ]
    );
}

#[test]
fn w3c_import_resolves_a_cue_named_only_by_its_id() {
    let (session, text) = imported();
    let json = w3c::export(&doc(&session, &text));
    let v: Value = serde_json::from_str(&json).unwrap();
    let cue_id = v["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["body"].as_array().unwrap())
        .find(|b| b["newsmark:role"] == "cue")
        .map(|b| b["id"].clone())
        .unwrap();
    // The second quote (annotation 4) names the shared cue by its IRI, then by {"id": …}, as
    // JSON-LD tools write a node they met before; a name of no cue in the file stays a link.
    for reference in [
        cue_id.clone(),
        serde_json::json!({ "id": cue_id }),
        Value::from("urn:example:elsewhere"),
    ] {
        let mut v = v.clone();
        let items = v["first"]["items"].as_array_mut().unwrap();
        let quote = items
            .iter_mut()
            .find(|a| a["id"].as_str().unwrap().ends_with(":annotation-4"))
            .unwrap();
        let body = quote["body"].as_array_mut().unwrap();
        let at = body
            .iter()
            .position(|b| b["newsmark:role"] == "cue")
            .unwrap();
        body[at] = reference.clone();
        let r = w3c::import_with(&v.to_string(), &text, ArticleRef::default(), None).unwrap();
        let got = cues(&r.session);
        if reference == "urn:example:elsewhere" {
            assert_eq!(got[1], (4, None));
            assert!(
                r.notes.iter().any(|n| n.contains("only a link")),
                "{:?}",
                r.notes
            );
        } else {
            assert_eq!(got, cues(&session), "{reference}");
            assert!(r.notes.is_empty(), "{:?}", r.notes);
            assert!(r.dropped.is_empty(), "{:?}", r.dropped);
        }
    }
}
