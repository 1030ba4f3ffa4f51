//! W3C import places every target with the model's re-anchoring and says what it did: quotes
//! without positions found by their context, positions that no longer hold their quote moved
//! to it (or dropped), whole-document targets dropped with the reason, offsets in code points
//! of the normalized text whatever the emoji, combining marks, CRLF and BOM.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
#![allow(clippy::indexing_slicing, reason = "tests fail loudly on purpose")]

use newsmark::io::article::decode;
use newsmark::io::document::Document;
use newsmark::io::formats::files::{ImportFormat, ImportOptions, Imported, import_str};
use newsmark::io::formats::{FormatError, w3c};
use newsmark::model::annotation::{AnnotationId, Claim, Kind, KindTag, Quote, Span};
use newsmark::model::session::{ArticleRef, Session, make_annotation};
use newsmark::model::text::ArticleText;
use serde_json::json;

fn import(json: &str, text: &ArticleText, default_kind: Option<KindTag>) -> Imported {
    let options = ImportOptions {
        default_kind,
        ..ImportOptions::default()
    };
    let article = ArticleRef::default();
    let mut r = import_str(ImportFormat::W3c, json, text, article, &options).unwrap();
    // The note that the article's web address is kept comes with every file naming one; the
    // tests here are about placing (the address has a test of its own).
    r.notes.retain(|n| !n.starts_with("the article's address"));
    r
}

/// Code-point span of the `nth` occurrence of `needle`, counted without the text's index.
fn span(text: &ArticleText, needle: &str, nth: usize) -> Span {
    let (byte, _) = text.as_str().match_indices(needle).nth(nth).unwrap();
    let start = text.as_str()[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

/// What each annotation covers: its kind, its text and its note.
fn covered(s: &Session) -> Vec<(KindTag, &str, &str)> {
    s.annotations
        .iter()
        .map(|a| (a.kind.tag(), a.exact.as_str(), a.note.as_str()))
        .collect()
}

fn quote_selector(exact: &str, prefix: Option<&str>, suffix: Option<&str>) -> serde_json::Value {
    let mut s = json!({"type": "TextQuoteSelector", "exact": exact});
    if let Some(p) = prefix {
        s["prefix"] = p.into();
    }
    if let Some(p) = suffix {
        s["suffix"] = p.into();
    }
    s
}

#[test]
fn a_quote_alone_goes_where_its_prefix_and_suffix_fit() {
    let text =
        ArticleText::new("Stoltenberg said no. Lavrov said no. Blinken said no again.".into());
    let one = |selector: serde_json::Value| {
        json!({"type": "Annotation",
               "body": {"type": "TextualBody", "purpose": "tagging", "value": "Claim"},
               "target": {"source": "https://news.example/a", "selector": selector}})
    };
    let items = json!([
        one(quote_selector("said no", Some("Lavrov "), None)),
        one(quote_selector("said no", None, Some(" again"))),
        one(quote_selector(
            "said no",
            Some("Stoltenberg "),
            Some(". Lavrov")
        )),
        one(quote_selector("said no", None, None)),
    ]);
    let r = import(&items.to_string(), &text, None);
    let starts: Vec<usize> = r.session.annotations.iter().map(|a| a.start).collect();
    let at = |nth| span(&text, "said no", nth).start;
    // Sorted by position; the one without context shares the first place.
    assert_eq!(starts, [at(0), at(0), at(1), at(2)]);
    assert!(r.dropped.is_empty(), "{:?}", r.dropped);
    assert_eq!(
        r.notes,
        [format!(
            "annotation 4: its quote “said no” occurs 3 times that its prefix and suffix do not \
             tell apart; it was placed on the first, at {}..{}",
            at(0),
            at(0) + 7
        )]
    );
    assert_eq!(r.summary, ["Claim: read 4, kept 4, skipped 0, dropped 0"]);
}

/// A quote a browser rewrote (straight apostrophes, a paragraph break collapsed) is placed by
/// normalized matching and reported as such, on the article's own text.
#[test]
fn a_quote_with_changed_apostrophes_is_placed_by_normalized_matching_and_reported() {
    let text = ArticleText::new("Intro.\n\nIt’s over — he said.\n\nShips wait.".into());
    let item = json!([{"type": "Annotation",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "Claim"},
        "target": {"source": "https://news.example/a",
                   "selector": quote_selector("It's over - he said. Ships", None, None)}}]);
    let r = import(&item.to_string(), &text, None);
    assert!(r.dropped.is_empty(), "{:?}", r.dropped);
    let a = &r.session.annotations[0];
    assert_eq!(a.exact, "It’s over — he said.\n\nShips");
    assert_eq!(r.notes.len(), 1, "{:?}", r.notes);
    assert!(
        r.notes[0].starts_with("annotation 1: moved (normalized):"),
        "{:?}",
        r.notes
    );
}

/// Other tools' tags (a Hypothesis "needs-check", the W3C example's "strike") are kept on the
/// annotation and written back as `tagging` bodies; the kind's own tag is not one of them.
#[test]
fn tags_from_other_tools_are_kept_and_exported_back() {
    let text = ArticleText::new("Troops are massing near the border.".into());
    let item = json!([{"id": "https://hypothes.is/a/1", "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "needs-check"},
                 {"type": "TextualBody", "purpose": "tagging", "value": "strike"},
                 {"type": "TextualBody", "value": "Source?"}],
        "target": {"source": "https://news.example/a",
                   "selector": quote_selector("Troops are massing", None, None)}}]);
    let r = import(&item.to_string(), &text, Some(KindTag::Claim));
    let a = &r.session.annotations[0];
    assert_eq!(a.tags, ["needs-check", "strike"]);
    assert_eq!(r.session.publication.article_url, "https://news.example/a");
    assert_eq!(a.note, "Source?");
    let doc = Document {
        session: r.session.clone(),
        text: text.clone(),
        session_path: None,
        notices: Vec::new(),
        anchor_report: None,
    };
    let out = w3c::export(&doc);
    assert!(out.contains("\"value\": \"needs-check\""), "{out}");
    // The target keeps the address the file gave, not the text's hash.
    assert!(
        out.contains("\"source\": \"https://news.example/a\""),
        "{out}"
    );
    assert!(!out.contains("urn:sha256"), "{out}");
    // Read back (its kind tag now says Claim): the same tags, no more.
    let back = import(&out, &text, None);
    assert_eq!(back.session.annotations[0].tags, ["needs-check", "strike"]);
}

const OLD: &str = "NATO and Russia met in Geneva.\n\n“We regret that Russia walks away from the \
                   talks,” Stoltenberg said.\nTroops are massing near the border, analysts said.\n\
                   The talks ended early.";

/// An export made on [`OLD`]: a quote, a claim and a mention of the last sentence.
fn old_export() -> (String, [AnnotationId; 3]) {
    let text = ArticleText::new(OLD.into());
    let mut s = Session::new(ArticleRef::default());
    let ids = [AnnotationId(1), AnnotationId(2), AnnotationId(3)];
    for (id, needle, kind) in [
        (
            ids[0],
            "“We regret that Russia walks away from the talks,”",
            Kind::Quote(Quote::default()),
        ),
        (
            ids[1],
            "Troops are massing near the border",
            Kind::Claim(Claim::default()),
        ),
        (
            ids[2],
            "The talks ended early.",
            KindTag::Mention.with_speaker(None),
        ),
    ] {
        s.annotations
            .push(make_annotation(&text, id, span(&text, needle, 0), kind));
    }
    let doc = Document {
        session: s,
        text,
        session_path: None,
        notices: Vec::new(),
        anchor_report: None,
    };
    (w3c::export(&doc), ids)
}

#[test]
fn positions_that_no_longer_hold_their_quote_are_moved_to_it_or_dropped_and_reported() {
    let (json, _) = old_export();
    // The article was corrected: a headline added, a word changed inside the claim, the last
    // sentence deleted.
    let new = format!(
        "UPDATE 😀: talks collapse\n\n{}",
        OLD.replace("massing near", "massing nearer")
            .replace("\nThe talks ended early.", "")
    );
    let text = ArticleText::new(new);
    let r = import(&json, &text, None);
    let got: Vec<(KindTag, &str)> = r
        .session
        .annotations
        .iter()
        .map(|a| {
            (
                a.kind.tag(),
                &text.as_str()[text.byte_range(a.start..a.end)],
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                KindTag::Quote,
                "“We regret that Russia walks away from the talks,”"
            ),
            (KindTag::Claim, "Troops are massing nearer the border"),
        ]
    );
    let quote = span(&text, "“We regret", 0);
    let claim = span(&text, "Troops are massing nearer the border", 0);
    let old = ArticleText::new(OLD.into());
    let was = |needle| span(&old, needle, 0);
    let q_was = was("“We regret that Russia walks away from the talks,”");
    let c_was = was("Troops are massing near the border");
    assert_eq!(r.notes.len(), 2, "{:?}", r.notes);
    assert!(
        r.notes[0].starts_with(&format!(
            "annotation 1 (urn:newsmark:article:annotation-1): its position {}..{} holds “",
            q_was.start, q_was.end
        )) && r.notes[0].ends_with(&format!(
            "; it was moved to {}..{}, where the quote is",
            quote.start,
            quote.start + q_was.len()
        )),
        "{}",
        r.notes[0]
    );
    assert!(
        r.notes[1].starts_with(&format!(
            "annotation 2 (urn:newsmark:article:annotation-2): its position {}..{} holds",
            c_was.start, c_was.end
        )) && r.notes[1].contains(&format!(
            "not its quote “Troops are massing near the border”; the quote is nowhere as \
             written, so it was placed at {}..{}, which matches it 94 %",
            claim.start, claim.end
        )),
        "{}",
        r.notes[1]
    );
    assert_eq!(r.dropped.len(), 1, "{:?}", r.dropped);
    assert!(
        r.dropped[0].starts_with("annotation 3 (urn:newsmark:article:annotation-3): its position")
            && r.dropped[0].ends_with(
                "not its quote “The talks ended early.”, and the quote is nowhere near it; dropped"
            ),
        "{}",
        r.dropped[0]
    );
    assert_eq!(
        r.summary,
        [
            "Claim: read 1, kept 1, skipped 0, dropped 0",
            "Mention: read 1, kept 0, skipped 0, dropped 1",
            "Quote: read 1, kept 1, skipped 0, dropped 0",
        ]
    );
    // Against the text it was made on, the same file is all kept, nothing said.
    let r = import(&json, &old, None);
    assert!(r.notes.is_empty() && r.dropped.is_empty(), "{:?}", r.notes);
    assert_eq!(r.session.annotations.len(), 3);
}

#[test]
fn a_body_array_gives_the_kind_the_speaker_and_the_comments() {
    let text = ArticleText::new("“We regret it,” Stoltenberg said.".into());
    let items = json!({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
        "id": "https://tool.example/anno/7", "motivation": ["tagging", "commenting"],
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": "quote"},
            {"type": "TextualBody", "purpose": ["commenting"], "value": "Said in Brussels"},
            {"type": "TextualBody", "purpose": "identifying", "value": "Stoltenberg"},
            "https://tool.example/related/1",
            {"type": "TextualBody", "value": "second comment", "format": "text/plain"}],
        "target": {"source": "https://news.example/a", "type": "SpecificResource",
                   "selector": [{"type": "FragmentSelector", "value": "para=1"},
                                quote_selector("“We regret it,”", Some(""), Some(" Stolt"))]}});
    let r = import(&items.to_string(), &text, None);
    assert_eq!(
        covered(&r.session),
        [(
            KindTag::Quote,
            "“We regret it,”",
            "Said in Brussels\nsecond comment"
        )]
    );
    let speaker = r.session.annotations[0].kind.speaker();
    assert_eq!(r.session.speaker_name(speaker), "Stoltenberg");
    assert_eq!(
        r.notes,
        [
            "annotation 1 (https://tool.example/anno/7): a body is only a link, \
             https://tool.example/related/1, which newsmark does not keep"
        ]
    );
    assert!(r.dropped.is_empty(), "{:?}", r.dropped);
}

#[test]
fn a_whole_document_target_is_dropped_with_its_reason() {
    let text = ArticleText::new("Troops are massing.".into());
    let whole = json!({"type": "Annotation", "id": "urn:x:9",
        "body": {"type": "TextualBody", "value": "Is this article biased?"},
        "target": "https://news.example/a"});
    let object = json!({"type": "Annotation",
        "body": {"type": "TextualBody", "value": "and this?"},
        "target": {"source": "https://news.example/a"}});
    let span = json!({"type": "Annotation",
        "body": {"type": "TextualBody", "value": "How many?"},
        "target": {"source": "https://news.example/a",
                   "selector": {"type": "TextPositionSelector", "start": 0, "end": 6}}});
    let r = import(
        &json!([whole, object, span]).to_string(),
        &text,
        Some(KindTag::Claim),
    );
    assert_eq!(
        covered(&r.session),
        [(KindTag::Claim, "Troops", "How many?")]
    );
    assert_eq!(
        r.dropped,
        [
            "annotation 1 (urn:x:9): its target https://news.example/a is a whole document (it \
             has no selector), and newsmark annotates spans of text; dropped",
            "annotation 2: its target https://news.example/a is a whole document (it has no \
             selector), and newsmark annotates spans of text; dropped",
        ]
    );
    assert_eq!(
        r.summary,
        ["untagged: read 3, kept 1, skipped 0, dropped 2"]
    );
    // Alone, it is an import that read nothing, and says why.
    let only = json!([whole]).to_string();
    let e = w3c::import_as(&only, &text, ArticleRef::default(), Some(KindTag::Claim));
    let Err(e @ FormatError::NothingParsed { .. }) = e else {
        panic!("{e:?}");
    };
    assert!(e.to_string().contains("is a whole document"), "{e}");
}

#[test]
fn offsets_are_code_points_of_the_normalized_text_whatever_the_script() {
    let raw = "\u{feff}Re\u{301}sume\u{301} 👨\u{200d}👩\u{200d}👧 🇳🇴\r\n“Nous regrettons,” a dit \
               Stoltenberg 👍🏽.\r\nTroops are massing.";
    let decoded = decode(raw.as_bytes()).unwrap();
    assert!(decoded.had_bom && decoded.had_crlf);
    let text = decoded.text;
    let quote = span(&text, "“Nous regrettons,”", 0);
    let thumbs = span(&text, "👍🏽", 0);
    // By hand: "Résumé" with combining accents is 8 code points, the family 5, the flag 2,
    // spaces 2 and the line break (CRLF made LF) 1; the BOM is gone.
    assert_eq!(quote.start, 8 + 1 + 5 + 1 + 2 + 1);
    let target = |selector: serde_json::Value| json!({"type": "Annotation", "target": {"source": "urn:x", "selector": selector}});
    // A tool counting UTF-16 code units (as JavaScript does) puts "👍🏽" 5 units after where it
    // is (the family and the flag before it are 5 characters beyond the BMP), and makes it 4
    // long: its position misses, its quote is found just before it.
    let utf16 = |s: usize| {
        text.as_str()
            .chars()
            .take(s)
            .map(char::len_utf16)
            .sum::<usize>()
    };
    let items = json!([
        target(
            json!([{"type": "TextPositionSelector", "start": quote.start, "end": quote.end},
                      quote_selector("“Nous regrettons,”", None, None)])
        ),
        target(quote_selector("👍🏽", Some("Stoltenberg "), None)),
        target(
            json!([{"type": "TextPositionSelector", "start": utf16(thumbs.start),
                       "end": utf16(thumbs.end)},
                      quote_selector("👍🏽", None, None)])
        ),
        target(json!({"type": "TextPositionSelector", "start": 0, "end": 8})),
    ]);
    let r = import(&items.to_string(), &text, Some(KindTag::Mention));
    let spans: Vec<(usize, usize, &str)> = r
        .session
        .annotations
        .iter()
        .map(|a| (a.start, a.end, a.exact.as_str()))
        .collect();
    assert_eq!(
        spans,
        [
            (0, 8, "Re\u{301}sume\u{301}"),
            (quote.start, quote.end, "“Nous regrettons,”"),
            (thumbs.start, thumbs.end, "👍🏽"),
            (thumbs.start, thumbs.end, "👍🏽"),
        ]
    );
    assert_eq!(
        r.notes,
        [format!(
            "annotation 3: its position {}..{} holds “{}”, not its quote “👍🏽”; it was moved to \
             {}..{}, where the quote is",
            utf16(thumbs.start),
            utf16(thumbs.end),
            text.slice(utf16(thumbs.start)..utf16(thumbs.end)),
            thumbs.start,
            thumbs.end
        )]
    );
    assert!(r.dropped.is_empty(), "{:?}", r.dropped);
}
