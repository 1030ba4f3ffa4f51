//! Mutated session files: every one either loads into a session that is safe to use — every
//! exporter runs and brat and W3C read their output back — or is refused with a message that
//! names the damage (the line, the nesting, the version or the repeated ids); never a panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers may panic: a panic is a failed test"
)]

use std::collections::HashSet;
use std::path::Path;

use newsmark::io::document::Document;
use newsmark::io::formats::{brat, citron, claimreview, csv, w3c};
use newsmark::io::session_file::LoadError;
use newsmark::io::{migrate, session_file};
use newsmark::model::anchor;
use newsmark::model::annotation::{AnnotationId, Kind, KindTag, Span};
use newsmark::model::edit::Edit;
use newsmark::model::history::History;
use newsmark::model::index::{Entry, IntervalIndex};
use newsmark::model::session::{ArticleRef, Session, make_annotation};
use newsmark::model::text::ArticleText;

use crate::rng;
use rng::Rng;

const FIXTURE: &str = include_str!("../fixtures/session_v1.ron");
/// The article the version 1 fixture was saved against (the sample before it was cleaned).
const SAMPLE: &str = include_str!("../fixtures/nato.txt");

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "Some(",
    "None",
    "start: ",
    "end: ",
    "-1",
    "1e308",
    "99999999999999999999",
    "18446744073709551615",
    "Quote((",
    "Claim(())",
    "'x'",
    "//",
    "/*",
    "\\",
    "é",
    "😀",
    "\u{0}",
    "r#\"",
    "format_version: 1,",
    "more: [(start: 5, end: 1)]",
];

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut b = base.to_vec();
    for _ in 0..=rng.below(3) {
        match rng.below(8) {
            0 => b.truncate(rng.below(b.len() + 1)),
            1 => {
                for _ in 0..=rng.below(8) {
                    let i = rng.below(b.len());
                    if let Some(x) = b.get_mut(i) {
                        *x ^= 1 << rng.below(8);
                    }
                }
            }
            2 => {
                // Replace a number with a huge or hostile one.
                let digits: Vec<usize> = (0..b.len()).filter(|&i| b[i].is_ascii_digit()).collect();
                if let Some(&i) = digits.get(rng.below(digits.len())) {
                    let mut j = i;
                    while j < b.len() && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    let n = [
                        "99999999999999999999",
                        "18446744073709551615",
                        "0",
                        "4294967295",
                        "2207",
                        "100000",
                    ][rng.below(6)];
                    b.splice(i..j, n.bytes());
                }
            }
            3 => {
                let at = rng.below(b.len() + 1);
                let deep = if rng.below(2) == 0 { "(" } else { "[" }.repeat(10_000);
                b.splice(at..at, deep.bytes());
            }
            4 => {
                let at = rng.below(b.len() + 1);
                let t = TOKENS[rng.below(TOKENS.len())];
                b.splice(at..at, t.bytes());
            }
            7 => {
                // An annotation, speaker or link id at an end of its range.
                let s = String::from_utf8_lossy(&b).into_owned();
                let at: Vec<usize> = ["id: ", "Some("]
                    .iter()
                    .flat_map(|p| s.match_indices(p).map(|(i, p)| i + p.len()))
                    .collect();
                if let Some(&i) = at.get(rng.below(at.len())) {
                    let digits = s[i..].bytes().take_while(u8::is_ascii_digit).count();
                    let n = ["0", "4294967295"][rng.below(2)];
                    b = format!("{}{n}{}", &s[..i], &s[i + digits..]).into_bytes();
                }
            }
            5 => {
                // Swap two numbers' places: start after end, cue beyond the text…
                let s = String::from_utf8_lossy(&b).replacen("start: ", "end: ", 1);
                b = s.replacen("end: ", "start: ", 2).into_bytes();
            }
            6 => {
                // One "id: N" takes another's number, or 0 or u32::MAX.
                let s = String::from_utf8_lossy(&b).into_owned();
                let at: Vec<usize> = s.match_indices("id: ").map(|(i, _)| i + 4).collect();
                let number = |i: usize| -> String {
                    s[i..].chars().take_while(char::is_ascii_digit).collect()
                };
                let (Some(&to), Some(&from)) =
                    (at.get(rng.below(at.len())), at.get(rng.below(at.len())))
                else {
                    continue;
                };
                let n = match rng.below(3) {
                    0 => number(from),
                    1 => "0".to_owned(),
                    _ => "4294967295".to_owned(),
                };
                let len = number(to).len();
                b = format!("{}{n}{}", &s[..to], &s[to + len..]).into_bytes();
            }
            _ => {
                let (i, j) = (rng.below(b.len() + 1), rng.below(b.len() + 1));
                b.drain(i.min(j)..i.max(j).min(i.min(j) + 40));
            }
        }
    }
    b
}

/// Everything the app does with a freshly loaded session, which must not panic.
fn use_session(mut s: Session, text: &ArticleText) {
    let len = text.len_chars();
    let _ = anchor::validate(&s.annotations, len);
    anchor::reanchor(text, &mut s.annotations);
    let left = anchor::validate(&s.annotations, len);
    assert!(left.iter().all(|p| p.contains("used twice")), "{left:?}");
    s.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    for a in &s.annotations {
        let _ = (
            a.span().len(),
            text.slice(a.start..a.end),
            s.speaker_name(a.kind.speaker()),
        );
        if let Kind::Quote(q) = &a.kind {
            for p in q.cue.iter().chain(&q.more) {
                let _ = (p.len(), text.slice(p.start..p.end));
            }
        }
    }
    // What the article view builds from the spans: the interval index and its queries.
    let index = IntervalIndex::new(s.annotations.iter().map(|a| Entry {
        start: a.start,
        end: a.end,
        value: a.id,
    }));
    for at in [0, len / 2, len] {
        let _ = (index.at(at), index.overlapping(at, at + 10));
    }
    for tag in KindTag::ALL {
        let _ = s.count(tag);
    }
    let _ = session_file::to_ron(&s);
    exports_read_back(&s, text);
    let id = s.next_annotation_id();
    let a = make_annotation(text, id, Span::new(3, 9), KindTag::Claim.with_speaker(None));
    let mut h = History::default();
    if h.apply(&mut s, Edit::InsertAnnotation(a), "add").is_ok() {
        h.undo(&mut s).unwrap();
    }
}

/// Every exporter runs; brat and W3C output imports again with every annotation it holds.
fn exports_read_back(s: &Session, text: &ArticleText) {
    let doc = Document {
        session: s.clone(),
        text: text.clone(),
        session_path: None,
        notices: Vec::new(),
        anchor_report: None,
    };
    let _ = (csv::export(&doc), citron::export(&doc));
    let _ = claimreview::export(&doc, "2024-05-01");
    let files = brat::export(&doc);
    let (back, _) = brat::import(&files.ann, text, ArticleRef::default()).unwrap();
    // brat leaves out empty spans and keeps the first of two equal ids.
    let ids: HashSet<AnnotationId> = s
        .annotations
        .iter()
        .filter(|a| a.end > a.start)
        .map(|a| a.id)
        .collect();
    assert_eq!(back.annotations.len(), ids.len(), "{}", files.ann);
    let json = w3c::export(&doc);
    let (back, _) = w3c::import(&json, text, ArticleRef::default()).unwrap();
    assert_eq!(back.annotations.len(), s.annotations.len());
}

/// Checks what the user reads about a refused file against the file itself: the line (which
/// exists and, for a misspelt field or variant, holds the name quoted), the nesting depth, the
/// version, or the repeated ids and the command that repairs them. Returns the kind of damage.
fn assert_message_names_the_damage(e: &LoadError, ron_text: &str) -> &'static str {
    let shown = e.to_string();
    assert!(!shown.contains('\n'), "one line: {shown:?}");
    match e {
        LoadError::Parse { message, .. } => {
            let prefix = "fuzz.ron is not a valid newsmark session: ";
            assert_eq!(shown, format!("{prefix}{message}"));
            if message.starts_with("brackets are nested ") {
                let depth = migrate::nesting_depth(ron_text);
                let want = format!(
                    "brackets are nested {depth} deep, more than the 64 a session can have"
                );
                assert_eq!(*message, want);
                return "nesting";
            }
            if message.starts_with("session format version ") {
                assert!(message.ends_with("is not one this newsmark reads (versions 1 to 1)"));
                return "unknown version";
            }
            if message == "not a newsmark session (it does not start with '(')" {
                return "not a session";
            }
            // "at line L, column C: what the parser found there", in words.
            let (at, what) = message
                .strip_prefix("at line ")
                .and_then(|m| m.split_once(": "))
                .unwrap_or_else(|| panic!("{shown}"));
            let (line, column) = at.split_once(", column ").unwrap();
            let (line, column): (usize, usize) = (line.parse().unwrap(), column.parse().unwrap());
            let lines: Vec<&str> = ron_text.split('\n').collect();
            assert!((1..=lines.len()).contains(&line), "no line {line}: {shown}");
            assert!((1..=lines[line - 1].len() + 1).contains(&column), "{shown}");
            for rust in [
                "VersionProbe",
                "struct ",
                "ArticleRef",
                "`Session`",
                "`Annotation`",
            ] {
                assert!(!what.contains(rust), "a Rust type name: {shown}");
            }
            assert!(what.len() > 10, "{shown}");
            let named = ["unexpected field named `", "unexpected variant named `"]
                .iter()
                .find_map(|p| what.strip_prefix(p)?.split('`').next());
            if let Some(name) = named {
                assert!(
                    lines[line - 1].contains(name),
                    "{name} not on line {line}: {shown}"
                );
            }
            "position"
        }
        LoadError::Newer { found, .. } => {
            assert!(*found > 1 && ron_text.contains(&format!("format_version: {found}")));
            let want = format!(
                "uses session format version {found}, but this newsmark reads up to version 1: update newsmark to open it"
            );
            assert!(shown.ends_with(&want), "{shown}");
            "newer"
        }
        LoadError::DuplicateIds { ids, .. } => {
            assert!(
                shown.starts_with(&format!("fuzz.ron has duplicate {ids}: ")),
                "{shown}"
            );
            assert!(
                shown.contains("run `newsmark check --renumber fuzz.ron`"),
                "{shown}"
            );
            "duplicate ids"
        }
        LoadError::DanglingSpeakers { links, .. } => {
            assert!(
                links.starts_with("speaker ") && links.contains(" in "),
                "{shown}"
            );
            assert!(shown.chars().count() <= 220, "one short line: {shown}");
            "dangling speaker"
        }
        LoadError::Conflict { line, .. } => {
            assert!(
                shown.contains("this file has merge conflicts at line"),
                "{shown}"
            );
            let marker = ron_text.split('\n').nth(line - 1).unwrap();
            assert!(
                ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
                    .iter()
                    .any(|m| marker.starts_with(m))
            );
            "merge conflict"
        }
        LoadError::Read(_) => panic!("parsing reads no file: {shown}"),
    }
}

#[test]
fn ten_thousand_mutated_sessions_load_or_fail_cleanly() {
    let text = ArticleText::from_raw(SAMPLE);
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, SAMPLE).unwrap();
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let (mut loaded, mut refused) = (0, 0);
    let mut damage: std::collections::BTreeMap<&str, usize> = Default::default();
    for round in 0..10_000 {
        let bytes = mutate(&mut rng, FIXTURE.as_bytes());
        let Ok(ron_text) = std::str::from_utf8(&bytes) else {
            refused += 1; // session_file::load refuses non-UTF-8 before parsing
            continue;
        };
        match session_file::parse(ron_text, Path::new("fuzz.ron")) {
            Ok(s) => {
                loaded += 1;
                // Repeated ids (a number mutated into 0 or u32::MAX) are refused, never loaded.
                assert!(s.duplicate_ids().is_empty(), "round {round}");
                if round % 20 == 0 {
                    let doc = Document::with_article(s.clone(), &article, None).unwrap();
                    use_session(doc.session, &doc.text);
                }
                use_session(s, &text);
            }
            Err(e) => {
                refused += 1;
                *damage
                    .entry(assert_message_names_the_damage(&e, ron_text))
                    .or_default() += 1;
            }
        }
    }
    let count = |kind| damage.get(kind).copied().unwrap_or(0);
    assert!(
        loaded > 500
            && refused > 500
            && count("position") > 500
            && count("duplicate ids") > 10
            && count("nesting") > 10
            && count("newer") > 0,
        "loaded {loaded}, refused {refused}: {damage:?}"
    );
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    for deep in [
        "(".repeat(10_000),
        format!("(format_version: 1, article: {}", "[".repeat(100_000)),
    ] {
        let msg = session_file::parse(&deep, Path::new("bomb.ron"))
            .unwrap_err()
            .to_string();
        assert!(msg.contains("nested"), "{msg}");
    }
}

#[test]
fn out_of_range_offsets_are_repaired_on_open() {
    let hostile = FIXTURE
        .replacen("start: 69,", "start: 18446744073709551615,", 1)
        .replacen("end: 443,", "end: 3,", 1)
        .replacen(
            "cue: Some((start: 581, end: 585))",
            "cue: Some((start: 900000, end: 5))",
            1,
        );
    let s = session_file::parse(&hostile, Path::new("h.ron")).unwrap();
    assert!(anchor::validate(&s.annotations, SAMPLE.chars().count()).len() >= 3);
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, SAMPLE).unwrap();
    let doc = Document::with_article(s, &article, None).unwrap();
    let report = doc.anchor_report.as_ref().unwrap();
    assert!(anchor::validate(&doc.session.annotations, doc.text.len_chars()).is_empty());
    // The hostile offsets were found again from their text; the bad cue was dropped.
    // (The reversed 319..3 still has its text at 319: exact, with its end recomputed.)
    assert_eq!(
        (report.moved, report.orphan),
        (1, 0),
        "{}",
        report.summary()
    );
    assert_eq!(report.dropped_spans, 1);
    use_session(doc.session, &doc.text);
}
