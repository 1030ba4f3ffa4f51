//! Hypothesis's own API JSON (`/api/search` rows): imported as W3C annotations are, with its
//! comments as notes, its tags as tags, and quotes found again when the page's apostrophes or
//! offsets differ from the article's.

use crate::cli_support::{newsmark, stderr, stdout};

/// Curly apostrophes, an emoji and a combining mark before the quoted passages, and CRLF line
/// ends: the page Hypothesis saw had straight apostrophes and other offsets.
const ARTICLE: &str = "\u{feff}Port report 🚢 from Rotterdam\r\n\r\nThe mayor’s office said traffic \
rose 4% in May.\r\n\r\nCafe\u{301} owners weren’t convinced.\r\n";

/// A search result: a claim with a comment and a user tag, a highlight with no kind tag, and
/// a page note (no selector).
const SEARCH: &str = r#"{"total": 3, "rows": [
  {"id": "c1", "uri": "https://news.example/port", "user": "acct:ana@hypothes.is",
   "text": "Check the May figure", "tags": ["claim", "needs-check"],
   "target": [{"source": "https://news.example/port", "selector": [
     {"type": "RangeSelector", "startContainer": "/main/p[2]", "startOffset": 0,
      "endContainer": "/main/p[2]", "endOffset": 40},
     {"type": "TextPositionSelector", "start": 900, "end": 940},
     {"type": "TextQuoteSelector", "exact": "The mayor's office said traffic rose 4% in May.",
      "prefix": "Rotterdam\n", "suffix": "\n"}]}]},
  {"id": "h2", "uri": "https://news.example/port", "user": "acct:ana@hypothes.is",
   "text": "", "tags": [],
   "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "owners weren't convinced"}]}]},
  {"id": "n3", "uri": "https://news.example/port", "user": "acct:ana@hypothes.is",
   "text": "A page note", "tags": [], "target": [{"source": "https://news.example/port"}]}
]}"#;

fn import(d: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let args = [
        &[
            "import",
            "-f",
            "w3c",
            "h.json",
            "--article",
            "a.txt",
            "-o",
            "h.ron",
        ][..],
        extra,
    ]
    .concat();
    newsmark(&args, d)
}

#[test]
fn hypothesis_search_results_import_with_notes_tags_and_normalized_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(d.join("h.json"), SEARCH).unwrap();

    let o = import(d, &[]);
    let said = format!("{}{}", stdout(&o), stderr(&o));
    // Two of three were lost (one has no kind, one is a page note): exit 1, each named.
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(
        said.contains("Hypothesis API JSON: 3 annotation(s)"),
        "{said}"
    );
    assert!(said.contains("--default-kind"), "{said}");
    assert!(said.contains("moved (normalized)"), "{said}");
    let ron = std::fs::read_to_string(d.join("h.ron")).unwrap();
    assert!(ron.contains("Claim("), "{ron}");
    assert!(
        ron.contains("exact: \"The mayor’s office said traffic rose 4% in May.\""),
        "{ron}"
    );
    assert!(ron.contains("note: \"Check the May figure\""), "{ron}");
    assert!(ron.contains("\"needs-check\""), "{ron}");
    assert!(ron.contains("annotator: \"ana\""), "{ron}");

    // With a default kind the highlight is read as well; the page note still cannot be.
    std::fs::remove_file(d.join("h.ron")).unwrap();
    let o = import(d, &["--default-kind", "quote"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("is a whole document"), "{}", stderr(&o));
    let ron = std::fs::read_to_string(d.join("h.ron")).unwrap();
    assert!(ron.contains("exact: \"owners weren’t convinced\""), "{ron}");
    assert!(ron.contains("Quote("), "{ron}");
}

#[test]
fn hypothesis_json_that_is_not_annotations_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(d.join("h.json"), r#"{"total": 0, "rows": "none"}"#).unwrap();
    let o = import(d, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not a W3C Web Annotation document"),
        "{}",
        stderr(&o)
    );
    assert!(!d.join("h.ron").exists());
}
