//! Session files under stress: failed atomic saves keep the old file, and recovery files track
//! a long editing session (mutated files: `session_mutations.rs`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers may panic: a panic is a failed test"
)]

use std::path::Path;

use newsmark::io::{recovery, session_file};
use newsmark::model::annotation::{AnnotationId, KindTag, Span};
use newsmark::model::edit::Edit;
use newsmark::model::history::History;
use newsmark::model::session::{Session, make_annotation};
use newsmark::model::speaker::{Speaker, SpeakerId};
use newsmark::model::text::ArticleText;

use crate::rng;
use rng::Rng;

const FIXTURE: &str = include_str!("../fixtures/session_v1.ron");
const SAMPLE: &str = include_str!("../../assets/nato_russia_2022-01-07.txt");

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
fn temporaries_are_unpredictable_and_never_follow_a_planted_link() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::write(&path, b"old").unwrap();
    // What an attacker could plant at the names temporaries used to have: a folder and a link
    // to a victim file. Neither blocks the save, and the victim is untouched.
    let victim = dir.path().join("victim");
    std::fs::write(&victim, b"precious").unwrap();
    let pid = std::process::id();
    let squat = dir.path().join(format!(".s.ron.tmp-{pid}"));
    std::fs::create_dir(&squat).unwrap();
    let link = dir.path().join(format!(".s.ron.bak-tmp-{pid}"));
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    session_file::save(&fixture_session(), &path).unwrap();
    assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
    assert_eq!(
        std::fs::read(path.with_extension("ron.bak")).unwrap(),
        b"old"
    );
    assert!(squat.is_dir() && std::fs::read_dir(&squat).unwrap().next().is_none());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let names = dir_entries(dir.path());
    assert_eq!(names.len(), 5, "{names:?}");
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
