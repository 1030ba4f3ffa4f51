//! Several hands on one project: import never lands two inputs in one session, never replaces
//! an annotator's session unless asked, and the CLI writers respect a window's lock.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

mod cli_support;
use cli_support::{newsmark, stderr, stdout};

use std::path::{Path, PathBuf};

const ARTICLE: &str =
    "Jens Stoltenberg said: “We regret this.”\nOfficials added that troops had left.\n";
const ANN: &str = "T1\tMention 0 16\tJens Stoltenberg\nT2\tQuote 23 40\t“We regret this.”\n";

/// A project `p` with `story.txt`, and an empty folder `anns` for annotation files.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_owned();
    std::fs::create_dir_all(d.join("p")).unwrap();
    std::fs::create_dir_all(d.join("anns")).unwrap();
    std::fs::write(d.join("p/story.txt"), ARTICLE).unwrap();
    (dir, d)
}

fn import(d: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["import", "-f", "brat", "anns", "--project", "p"];
    args.extend_from_slice(extra);
    newsmark(&args, d)
}

fn sessions(d: &Path) -> Vec<String> {
    let root = d.join("p/.newsmark");
    let mut out = Vec::new();
    for a in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(a.path()).unwrap().flatten() {
            out.push(format!(
                "{}/{}",
                a.file_name().to_string_lossy(),
                f.file_name().to_string_lossy()
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn annotator_names_that_are_no_names_are_refused() {
    let (_keep, d) = setup();
    for name in ["story_..ann", "story_ .ann", "story_.ann", "story_a\\b.ann"] {
        std::fs::write(d.join("anns").join(name), ANN).unwrap();
    }
    let o = import(&d, &[]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(e.contains("is . or .."), "{e}");
    assert!(e.contains("is empty or blank"), "{e}");
    assert!(e.contains("path separator"), "{e}");
    assert!(e.contains("imported 0 of 4"), "{e}");
    assert!(sessions(&d).is_empty(), "{:?}", sessions(&d));
    let o = import(&d, &["--annotator", ".."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--annotator \"..\" is . or .."),
        "{}",
        stderr(&o)
    );
    assert!(e.lines().all(|l| l.chars().count() <= 300), "{e}");
}

#[test]
fn two_inputs_for_one_session_are_both_refused_naming_both() {
    let (_keep, d) = setup();
    std::fs::write(d.join("anns/story_ana.ann"), ANN).unwrap();
    std::fs::write(d.join("anns/story_.ana.ann"), ANN).unwrap();
    std::fs::write(d.join("anns/story_bob.ann"), ANN).unwrap();
    let o = import(&d, &[]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    let line = e
        .lines()
        .find(|l| l.contains("would both be written"))
        .unwrap();
    assert!(
        line.contains("story_.ana.ann") && line.contains("story_ana.ann"),
        "{line}"
    );
    assert_eq!(sessions(&d), ["bob/story.ron"]);
}

#[test]
fn an_existing_session_is_kept_unless_replace_then_its_bak_is_reported() {
    let (_keep, d) = setup();
    std::fs::write(d.join("anns/story_ana.ann"), ANN).unwrap();
    let o = import(&d, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let session = d.join("p/.newsmark/ana/story.ron");
    let mine = std::fs::read_to_string(&session)
        .unwrap()
        .replace("Officials", "Officials")
        + "\n";
    std::fs::write(&session, &mine).unwrap();
    let o = import(&d, &[]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("kept") && e.contains("--replace"), "{e}");
    assert_eq!(std::fs::read_to_string(&session).unwrap(), mine);
    let o = import(&d, &["--replace"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{e}{}", stdout(&o));
    assert!(e.contains("replaced") && e.contains("story.ron.bak"), "{e}");
    assert_eq!(
        std::fs::read_to_string(session.with_extension("ron.bak")).unwrap(),
        mine
    );
}

#[test]
fn cli_writers_respect_a_window_lock() {
    let (_keep, d) = setup();
    std::fs::write(d.join("anns/story_ana.ann"), ANN).unwrap();
    assert_eq!(import(&d, &[]).status.code(), Some(0));
    let session = d.join("p/.newsmark/ana/story.ron");
    let before = std::fs::read_to_string(&session).unwrap();
    // A window of Bob's, on this host, in a process that runs (pid 1 always does).
    let host = newsmark::io::lock::host_name();
    std::fs::write(
        d.join("p/.newsmark/ana/.story.ron.lock"),
        format!("newsmark lock\nannotator: Bob\nhost: {host}\npid: 1\n"),
    )
    .unwrap();
    let o = import(&d, &["--replace"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(e.contains("is open in newsmark by Bob on"), "{e}");
    let o = newsmark(&["check", "--renumber", "p/.newsmark/ana/story.ron"], &d);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("by Bob"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&session).unwrap(), before);
}
