//! Session files under stress: failed atomic saves keep the old file, mutated files never
//! panic the loader or anything after it, and recovery files track a long editing session.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers may panic: a panic is a failed test"
)]

use std::collections::HashSet;
use std::path::Path;

use newsmark::io::document::Document;
use newsmark::io::formats::{brat, citron, claimreview, csv, w3c};
use newsmark::io::{recovery, session_file};
use newsmark::model::anchor;
use newsmark::model::annotation::{AnnotationId, Kind, KindTag, Span};
use newsmark::model::edit::Edit;
use newsmark::model::history::History;
use newsmark::model::index::{Entry, IntervalIndex};
use newsmark::model::session::{ArticleRef, Session, make_annotation};
use newsmark::model::speaker::{Speaker, SpeakerId};
use newsmark::model::text::ArticleText;

const FIXTURE: &str = include_str!("fixtures/session_v1.ron");
const SAMPLE: &str = include_str!("../assets/nato_russia_2022-01-07.txt");

/// Tiny deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn fixture_session() -> Session {
    session_file::parse(FIXTURE, Path::new("f.ron")).unwrap()
}

// ---- (a) a failed save leaves the previous file alone ----

fn dir_entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn save_fails_when_the_temp_file_cannot_be_created_and_keeps_old_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let old = b"old session bytes \xff".to_vec();
    std::fs::write(&path, &old).unwrap();
    // A directory squats on the temporary file's name, so creating it fails (even as root).
    let squat = dir
        .path()
        .join(format!(".s.ron.tmp-{}", std::process::id()));
    std::fs::create_dir(&squat).unwrap();
    let err = session_file::save(&fixture_session(), &path).unwrap_err();
    assert!(err.to_string().contains("s.ron"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), old);
    assert!(squat.is_dir() && std::fs::read_dir(&squat).unwrap().next().is_none());
    let squat_name = squat.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(dir_entries(dir.path()), [squat_name, "s.ron".to_owned()]);
}

#[test]
fn save_fails_when_the_parent_is_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not_a_dir");
    std::fs::write(&file, b"x").unwrap();
    assert!(session_file::save(&fixture_session(), &file.join("s.ron")).is_err());
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
    assert_eq!(dir_entries(dir.path()), ["not_a_dir"]);
}

#[test]
fn save_fails_when_the_target_is_a_directory_and_removes_its_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("s.ron");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("inside"), b"kept").unwrap();
    assert!(session_file::save(&fixture_session(), &target).is_err());
    assert_eq!(std::fs::read(target.join("inside")).unwrap(), b"kept");
    assert_eq!(dir_entries(dir.path()), ["s.ron"]);
}

// ---- (b) mutated files: an error or a session that is safe to use, never a panic ----

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

#[test]
fn ten_thousand_mutated_sessions_load_or_fail_cleanly() {
    let text = ArticleText::from_raw(SAMPLE);
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, SAMPLE).unwrap();
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let (mut loaded, mut refused, mut duplicates) = (0, 0, 0);
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
                assert!(!e.to_string().is_empty());
                if let session_file::LoadError::DuplicateIds { ids, .. } = &e {
                    duplicates += 1;
                    assert!(e.to_string().contains(&ids.to_string()));
                }
            }
        }
    }
    assert!(
        loaded > 500 && refused > 500 && duplicates > 10,
        "loaded {loaded}, refused {refused}, duplicate ids {duplicates}"
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

// ---- (c) a long editing session with recovery writes ----

fn random_edit(rng: &mut Rng, text: &ArticleText, s: &Session) -> Option<Edit> {
    let len = text.len_chars();
    let pick_speaker = |r: usize| s.speakers.get(r % s.speakers.len().max(1)).map(|sp| sp.id);
    let pick_ann = |r: usize| s.annotations.get(r % s.annotations.len().max(1));
    match rng.below(7) {
        0 | 1 => {
            let a = rng.below(len);
            let span = Span::new(a, (a + 1 + rng.below(80)).min(len));
            let tag = KindTag::ALL[rng.below(3)];
            Some(Edit::InsertAnnotation(make_annotation(
                text,
                s.next_annotation_id(),
                span,
                tag.with_speaker(pick_speaker(rng.below(9))),
            )))
        }
        2 => pick_ann(rng.below(1000)).map(|a| Edit::RemoveAnnotation(a.id)),
        3 => pick_ann(rng.below(1000)).map(|a| {
            let mut a = a.clone();
            a.kind = a.kind.retagged(KindTag::ALL[rng.below(3)]);
            a.note = format!("note “{}” 😀", rng.below(100));
            Edit::ReplaceAnnotation(a)
        }),
        4 => Some(Edit::InsertSpeaker(Speaker::new(
            s.next_speaker_id(),
            format!("Speaker {}", rng.below(50)),
        ))),
        5 => Edit::merge_speakers(s, pick_speaker(rng.below(9))?, pick_speaker(rng.below(9))?),
        _ => pick_speaker(rng.below(9)).map(|id| Edit::delete_speaker(s, id)),
    }
}

#[test]
fn two_thousand_edits_with_recovery_writes_read_back_equal() {
    let text = ArticleText::from_raw(SAMPLE);
    let dir = tempfile::tempdir().unwrap();
    let key = recovery::key_for(Path::new("/nonexistent/saves/nato.ron"));
    let mut s = fixture_session();
    s.article.path = "/abs/assets/nato_russia_2022-01-07.txt".into();
    let mut history = History::default();
    let mut rng = Rng(42);
    for step in 1..=2_000u64 {
        match rng.below(10) {
            0 => {
                history.undo(&mut s).unwrap();
            }
            1 => {
                history.redo(&mut s).unwrap();
            }
            _ => {
                if let Some(e) = random_edit(&mut rng, &text, &s) {
                    history.apply(&mut s, e, "edit").unwrap();
                }
            }
        }
        if step % 37 == 0 {
            recovery::write(dir.path(), &key, &s, history.version()).unwrap();
            let (back, n) = recovery::read(dir.path(), &key).unwrap().unwrap();
            assert_eq!((&back, n), (&s, history.version()), "step {step}");
        }
    }
    // The app is dropped without saving: only the recovery file is left.
    recovery::write(dir.path(), &key, &s, history.version()).unwrap();
    let expected = s.clone();
    drop((s, history));
    let (back, _) = recovery::read(dir.path(), &key).unwrap().unwrap();
    assert_eq!(back, expected);
    assert!(back.annotations.len() > 10 && !back.speakers.is_empty());
    assert!(
        back.annotations
            .windows(2)
            .all(|w| (w[0].start, w[0].end, w[0].id) < (w[1].start, w[1].end, w[1].id))
    );
    let _ = AnnotationId(0);
    let _ = SpeakerId(0);
    recovery::discard(dir.path(), &key).unwrap();
    assert!(recovery::read(dir.path(), &key).is_none());
}
