//! `newsmark suggest` through the built binary: the session it writes, and its brat export.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = "“The numbers moved,” said pollster Pat Caddell, “and fast.”\r\n\
                       Caddell told reporters that the race was close. \
                       According to the alliance, talks failed.\r\n";

fn newsmark(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn suggestions_land_in_a_session_that_exports_to_brat() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), ARTICLE).unwrap();
    let o = newsmark(&["suggest", "a.txt", "-o", "s.ron"], d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("CRLF"), "the decoding is told: {err}");
    assert_eq!(
        err.lines().last(),
        Some("suggested 3 quotes, 3 cues, 3 sources, 3 mentions")
    );
    let ron = std::fs::read_to_string(d.join("s.ron")).unwrap();
    assert!(ron.contains("name: \"Pat Caddell\""), "{ron}");
    assert!(ron.contains("note: \"suggested\""), "{ron}");

    let o = newsmark(&["export", "--format", "brat", "s.ron", "-o", "out.ann"], d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ann = std::fs::read_to_string(d.join("out.ann")).unwrap();
    let lines: Vec<&str> = ann.lines().collect();
    // Offsets are code points of the text with CRLF read as LF.
    for expected in [
        "Quote 0 20;48 59\t“The numbers moved,” “and fast.”",
        "Cue 21 25\tsaid",
        "Mention 26 46\tpollster Pat Caddell",
        "Quote 83 106\tthat the race was close",
        "Cue 108 120\tAccording to",
        "Mention 121 133\tthe alliance",
        "Quote 135 147\ttalks failed",
    ] {
        assert!(
            lines.iter().any(|l| l.ends_with(expected)),
            "{expected} not in\n{ann}"
        );
    }
    assert!(ann.contains("Source Arg1:"), "{ann}");
}

#[test]
fn known_speakers_come_from_a_session_and_are_found_by_alias() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(
        d.join("known.ron"),
        "[(id: 7, name: \"NATO\", kind: Organization, aliases: [\"the alliance\"], colour: (1, 2, 3))]",
    )
    .unwrap();
    let o = newsmark(&["suggest", "a.txt", "--speakers", "known.ron"], d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ron = String::from_utf8(o.stdout).unwrap();
    assert!(ron.contains("exact: \"the alliance\""), "{ron}");
    assert!(ron.contains("speaker: Some(7)"), "{ron}");

    let o = newsmark(&["suggest", "missing.txt"], d);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.txt"), "{}", stderr(&o));
}
