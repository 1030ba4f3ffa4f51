//! W3C Web Annotation with other tools: the article named by its URL (never a local path),
//! values in one casing, and annotations written by other tools (the Web Annotation model's
//! examples, Hypothesis) read with a default kind and their comments.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
#![allow(clippy::indexing_slicing, reason = "tests fail loudly on purpose")]

use newsmark::io::document::Document;
use newsmark::io::formats::w3c;
use newsmark::model::annotation::{
    AnnotationId, CheckWorthiness, Claim, Kind, KindTag, Quote, Span, Verdict,
};
use newsmark::model::session::{ArticleRef, Session, make_annotation};
use newsmark::model::text::ArticleText;
use serde_json::Value;

const TEXT: &str = "Jens\nStoltenberg spoke on Friday:\n“We regret\nthat Russia\n\nwalks away,” he\nsaid.\nTroops are\nmassing.";

fn span(text: &ArticleText, needle: &str) -> Span {
    let byte = text.as_str().find(needle).unwrap();
    let start = text.char_of(byte);
    Span::new(start, start + needle.chars().count())
}

/// A quote and a claim over [`TEXT`].
fn document() -> Document {
    let text = ArticleText::new(TEXT.into());
    let mut s = Session::new(ArticleRef::default());
    let quote = Kind::Quote(Quote::default());
    let claim = Kind::Claim(Claim::default());
    for (id, needle, kind) in [
        (2, "“We regret\nthat Russia\n\nwalks away,”", quote),
        (4, "Troops are\nmassing.", claim),
    ] {
        let a = make_annotation(&text, AnnotationId(id), span(&text, needle), kind);
        s.annotations.push(a);
    }
    Document {
        session: s,
        text,
        session_path: None,
        notices: Vec::new(),
        anchor_report: None,
    }
}

#[test]
fn w3c_names_the_article_by_its_url_and_writes_values_in_one_casing() {
    let mut doc = document();
    doc.session.publication.article_url = "https://news.example/nato".into();
    doc.session.article.path = "/home/me/secret folder/a.txt".into();
    for a in &mut doc.session.annotations {
        if let Kind::Claim(c) = &mut a.kind {
            c.verdict = Verdict::MostlyTrue;
        }
    }
    let json = w3c::export(&doc);
    assert!(
        !json.contains("secret") && !json.contains("file:"),
        "{json}"
    );
    let v: Value = serde_json::from_str(&json).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    let target = |i: &Value| {
        if i["target"].is_array() {
            i["target"][0]["source"].clone()
        } else {
            i["target"]["source"].clone()
        }
    };
    assert!(
        items
            .iter()
            .all(|i| target(i) == "https://news.example/nato")
    );
    assert!(json.contains("\"value\": \"MostlyTrue\""), "{json}");
    assert!(json.contains("\"value\": \"Direct\""), "{json}");
    assert!(json.contains("\"value\": \"Unrated\""), "{json}");
}

/// Two annotations as other tools write them: the Web Annotation model's TextQuoteSelector
/// example with a comment, and a Hypothesis-style one with a body without purpose and a tag
/// that is not newsmark's.
const FOREIGN: &str = r#"[
  {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno23",
   "type": "Annotation", "motivation": "commenting",
   "body": {"type": "TextualBody", "purpose": "commenting", "value": "Is this true?"},
   "target": {"source": "http://example.org/page1",
              "selector": {"type": "TextQuoteSelector", "exact": "Troops are\nmassing."}}},
  {"id": "https://hypothes.is/a/abc", "type": "Annotation",
   "body": [{"type": "TextualBody", "value": "Check the figures", "format": "text/markdown"},
            {"type": "TextualBody", "purpose": "tagging", "value": "politics"},
            {"type": "TextualBody", "purpose": "describing", "value": "a figure"}],
   "target": [{"source": "https://news.example/nato",
               "selector": [{"type": "TextPositionSelector", "start": 0, "end": 4},
                            {"type": "TextQuoteSelector", "exact": "Jens"}]}]}
]"#;

#[test]
fn w3c_import_reads_other_tools_annotations_as_the_default_kind_with_their_comments() {
    let text = ArticleText::new(TEXT.into());
    let refused = w3c::import(FOREIGN, &text, ArticleRef::default());
    let Err(e) = refused else {
        panic!("untagged annotations were read without a default kind");
    };
    assert!(e.to_string().contains("--default-kind"), "{e}");
    let (s, warnings) =
        w3c::import_as(FOREIGN, &text, ArticleRef::default(), Some(KindTag::Claim)).unwrap();
    // The one note: the article's web address is kept, so exports name it as the file did.
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("the article's address http"),
        "{warnings:?}"
    );
    let got: Vec<(KindTag, &str, &str)> = s
        .annotations
        .iter()
        .map(|a| (a.kind.tag(), a.exact.as_str(), a.note.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (KindTag::Claim, "Jens", "Check the figures\na figure"),
            (KindTag::Claim, "Troops are\nmassing.", "Is this true?"),
        ]
    );
}

#[test]
fn w3c_import_takes_variant_names_and_labels() {
    let text = ArticleText::new(TEXT.into());
    for (verdict, worth) in [("MostlyTrue", "High"), ("Mostly true", "high")] {
        let json = format!(
            r#"{{"type": "Annotation", "body": [
                {{"type": "TextualBody", "purpose": "tagging", "value": "claim"}},
                {{"type": "TextualBody", "purpose": "classifying",
                  "newsmark:attribute": "verdict", "value": "{verdict}"}},
                {{"type": "TextualBody", "purpose": "classifying",
                  "newsmark:attribute": "checkWorthiness", "value": "{worth}"}}],
              "target": {{"source": "urn:x", "selector":
                {{"type": "TextPositionSelector", "start": 0, "end": 4}}}}}}"#
        );
        let (s, warnings) = w3c::import(&json, &text, ArticleRef::default()).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let Kind::Claim(c) = &s.annotations[0].kind else {
            panic!("not a claim");
        };
        assert_eq!(c.verdict, Verdict::MostlyTrue);
        assert_eq!(c.check_worthiness, CheckWorthiness::High);
    }
}
