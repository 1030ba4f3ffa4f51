//! Import messages stay small however large the bad input: each quotes at most 80 characters
//! of it, and the "nothing could be read" error lists 20 problems and counts the rest.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use newsmark::io::formats::{FormatError, QUOTE_CHARS, brat, w3c};
use newsmark::model::session::ArticleRef;
use newsmark::model::text::ArticleText;

/// Longest message any import may produce: three quotes of input plus the fixed wording.
const MAX_MESSAGE: usize = 4 * (QUOTE_CHARS + 1) + 250;
const MB: usize = 1 << 20;

fn text() -> ArticleText {
    ArticleText::new("Merkel said: “No.” Scholz agreed.\n".into())
}

fn assert_small(messages: &[String]) {
    for m in messages {
        let n = m.chars().count();
        assert!(
            n <= MAX_MESSAGE,
            "{n} chars: {}…",
            m.get(..300).unwrap_or(m)
        );
    }
}

fn nothing_parsed(ann: &str) -> (Vec<String>, String) {
    let err = brat::import(ann, &text(), ArticleRef::default()).unwrap_err();
    let shown = err.to_string();
    let FormatError::NothingParsed { problems, .. } = err else {
        panic!("{shown}");
    };
    (problems, shown)
}

#[test]
fn a_one_megabyte_garbage_line_gives_one_short_problem() {
    let (problems, shown) = nothing_parsed(&"é".repeat(MB));
    assert_eq!(problems.len(), 1);
    assert_small(&problems);
    assert!(problems[0].contains(&format!("{}…", "é".repeat(QUOTE_CHARS))));
    assert!(shown.len() < 1000, "{} bytes", shown.len());
}

#[test]
fn a_hundred_thousand_garbage_lines_give_short_problems_and_a_short_error() {
    let line = "?".repeat(150);
    let ann = vec![line.as_str(); 100_000].join("\n");
    let (problems, shown) = nothing_parsed(&ann);
    assert_eq!(problems.len(), 100_000);
    assert_small(&problems);
    let total: usize = problems.iter().map(String::len).sum();
    assert!(total <= 100_000 * MAX_MESSAGE);
    assert!(shown.ends_with("; … and 99980 more"), "{shown}");
    assert!(
        shown.chars().count() <= 20 * (MAX_MESSAGE + 2) + 100,
        "{shown}"
    );
}

#[test]
fn every_brat_warning_quotes_at_most_eighty_characters_of_a_huge_field() {
    let big = "x".repeat(MB);
    let ann = [
        "T1\tMention 0 6\tMerkel".to_owned(),
        "T2\tQuote 13 18\t“No.”".to_owned(),
        format!("T{big}\tMention 0 6\tMerkel"),
        format!("T{big}\tMention 0 6\tMerkel"),
        format!("T{big}2\tMention 0 3;3 6\tMer kel"),
        format!("T3\t{big} 0 6\tMerkel"),
        format!("T4\tMention 0 6 {big}\tMerkel"),
        format!("T5\tMention 0 6;{}\tMerkel", "0 1;".repeat(MB / 4)),
        format!("T6\tMention 0 6\t{big}"),
        format!("T1\tMention 0 6\tMerkel {big}"),
        format!("R1\tSource Arg1:T2 Arg2:X{big}"),
        format!("R2\tSource Arg1:T2 {big}"),
        format!("R3\t{big} Arg1:T2 Arg2:T1"),
        format!("*\tEquiv T1 T2{big}"),
        "*\tEquiv T1 T2".to_owned(),
        format!("A1\t{big} T2 {big}"),
        format!("N1\tReference T1 newsmark:speaker_{big}\tMerkel"),
        format!("N2\tReference T1 {big}\tMerkel"),
        "N3\tReference T1 newsmark:speaker_1\tAngela".to_owned(),
        format!("N4\tReference T1 newsmark:speaker_1\t{big}"),
        format!("X{big}"),
    ]
    .join("\n");
    let (s, warnings) = brat::import(&ann, &text(), ArticleRef::default()).unwrap();
    assert_eq!(
        s.annotations.len(),
        4,
        "T1, T2, two huge ids (T6's text does not match the article: dropped)"
    );
    assert_eq!(
        warnings.len(),
        18,
        "17 problems and the unmapped-type hint: {warnings:?}"
    );
    assert_small(&warnings);
    assert!(
        warnings
            .iter()
            .all(|w| !w.contains(&"x".repeat(QUOTE_CHARS + 1)))
    );
}

#[test]
fn w3c_warnings_quote_at_most_eighty_characters() {
    let big = "y".repeat(MB);
    let json = serde_json::json!([
        {"type": "Annotation", "id": "urn:x:annotation-1",
         "body": {"type": "TextualBody", "purpose": "tagging", "value": "Claim"},
         "newsmark:inQuote": big,
         "target": {"source": "a.txt", "selector":
            {"type": "TextQuoteSelector", "exact": "Scholz agreed"}}},
        {"type": "Annotation",
         "body": {"type": "TextualBody", "purpose": "tagging", "value": "Claim"},
         "target": {"source": "a.txt", "selector":
            {"type": "TextQuoteSelector", "exact": big}}},
    ]);
    let (s, warnings) = w3c::import(&json.to_string(), &text(), ArticleRef::default()).unwrap();
    assert_eq!(s.annotations.len(), 1);
    // The missing quote and the unknown quote link; a quote without a position is no warning.
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_small(&warnings);
}

#[test]
fn w3c_errors_are_one_short_line_with_the_cause() {
    let message = |json: &str| {
        let e = w3c::import(json, &text(), ArticleRef::default()).unwrap_err();
        let shown = e.to_string();
        assert!(
            !shown.contains('\n') && shown.chars().count() <= MAX_MESSAGE,
            "{shown}"
        );
        (e, shown)
    };
    // Malformed JSON: serde_json's cause, with its line and column.
    let (e, shown) = message("[\n  {\"type\": \"Annotation\",\n   \"target\": [1,]}\n]");
    assert!(matches!(e, FormatError::Json(_)));
    assert_eq!(shown, "not valid JSON: trailing comma at line 3 column 17");
    let (_, shown) = message(&format!("[{}", "{\"a\": [".repeat(MB / 8)));
    assert!(
        shown.starts_with("not valid JSON: recursion limit exceeded at line 1 column "),
        "{shown}"
    );
    // JSON of another shape, however large: what was expected, not the input.
    let big = "z".repeat(MB);
    let (e, shown) = message(&serde_json::json!(big).to_string());
    assert!(matches!(e, FormatError::Shape(_)));
    assert!(
        shown.starts_with("not a W3C Web Annotation document: expected"),
        "{shown}"
    );
    // An annotation with a huge string where a number belongs: serde's words, the string cut.
    let json = serde_json::json!({"type": "Annotation", "id": big, "target": {"selector":
        {"type": "TextPositionSelector", "start": big, "end": 3}}});
    let (e, shown) = message(&json.to_string());
    let FormatError::NothingParsed { problems, .. } = e else {
        panic!("{shown}");
    };
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("annotation 1: invalid type: string \"zzz")
            && problems[0].ends_with("zzz\", expected usize; dropped"),
        "{}",
        problems[0]
    );
}
