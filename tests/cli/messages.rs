//! Every command's messages on hostile input are in words: no Rust type names, one short line
//! each, and a non-zero exit. The cases of a reliability review, folded into one battery.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use std::path::Path;

use crate::cli_support::{newsmark, stderr, stdout};

/// The sample session and article, and damaged sessions, JSON and brat files beside them.
fn battery(d: &Path) {
    let article = include_str!("../../assets/nato_russia_2022-01-07.txt");
    let good = include_str!("../../saves/nato_russia_2022-01-07.ron")
        .replace("../assets/nato_russia_2022-01-07.txt", "art.txt");
    let write = |name: &str, bytes: &[u8]| std::fs::write(d.join(name), bytes).unwrap();
    write("art.txt", article.as_bytes());
    write("good.ron", good.as_bytes());
    write("empty.ron", b"");
    write("bin.ron", &[0xff, 0xfe, 0, 1, 2, 0x80, 0x90]);
    write("trunc.ron", &good.as_bytes()[..700]);
    write("wrong.ron", b"(format_version: 1, article: 5)");
    write("json.ron", b"{\"a\": 1}");
    let conflict = format!("<<<<<<< HEAD\n{good}=======\n{good}>>>>>>> theirs\n");
    write("conflict.ron", conflict.as_bytes());
    write(
        "newer.ron",
        good.replace("format_version: 1", "format_version: 99")
            .as_bytes(),
    );
    write(
        "dangling.ron",
        good.replace("speaker: Some(1)", "speaker: Some(4294967295)")
            .as_bytes(),
    );
    write("bad.json", b"[1,2");
    write("shape.json", br#"{"type":"Annotation","target":5}"#);
    write(
        "select.json",
        br#"{"type":"Annotation","target":{"selector":"x"}}"#,
    );
    write(
        "bad.ann",
        b"T1\tQuote 0 5\tNATO\nR1\tSource Arg1:T1 Arg2:T9\nX garbage\n",
    );
    write("long.ann", "x".repeat(100_000).as_bytes());
}

/// What a user must never read: the names of newsmark's Rust types.
fn names_a_type(line: &str) -> bool {
    ["struct ", "enum ", "Probe", "Resource", "SpeakerEntry"]
        .iter()
        .any(|t| line.contains(t))
}

#[test]
fn hostile_inputs_get_one_short_line_in_words_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    battery(d);
    let sessions = [
        "empty.ron",
        "bin.ron",
        "trunc.ron",
        "wrong.ron",
        "json.ron",
        "conflict.ron",
        "newer.ron",
        "dangling.ron",
        "missing.ron",
    ];
    let mut runs: Vec<Vec<String>> = Vec::new();
    for s in sessions {
        for cmd in [
            &["check"][..],
            &["stats"],
            &["export", "-f", "brat", "-o", "o.ann"],
            &["export", "-f", "w3c", "-o", "o.json"],
            &["agree", "good.ron"],
        ] {
            runs.push(
                [cmd, &[s]]
                    .concat()
                    .iter()
                    .map(|a| (*a).to_owned())
                    .collect(),
            );
        }
    }
    for (format, file) in [
        ("w3c", "bad.json"),
        ("w3c", "shape.json"),
        ("w3c", "select.json"),
        ("w3c", "bin.ron"),
        ("brat", "bad.ann"),
        ("brat", "long.ann"),
    ] {
        let args = [
            "import",
            "-f",
            format,
            file,
            "--article",
            "art.txt",
            "-o",
            "i.ron",
        ];
        runs.push(args.iter().map(|a| (*a).to_owned()).collect());
    }
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = newsmark(&args, d);
        let said = format!("{}{}", stderr(&o), stdout(&o));
        assert_ne!(o.status.code(), Some(0), "{args:?}: {said}");
        assert_ne!(o.status.code(), None, "{args:?} was killed: {said}");
        for line in said.lines() {
            assert!(!names_a_type(line), "{args:?}: {line}");
            assert!(line.chars().count() <= 220, "{args:?}: a long line: {line}");
        }
        assert!(
            !d.join("o.ann").exists() && !d.join("o.json").exists(),
            "{args:?}"
        );
        let _ = std::fs::remove_file(d.join("i.ron"));
    }
    // The dangling id is named once, with how many annotations use it.
    let o = newsmark(&["check", "dangling.ron"], d);
    assert!(
        stderr(&o).contains("speaker 4294967295 in "),
        "{}",
        stderr(&o)
    );
    // A relation to a dropped entity says so.
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "bad.ann",
            "--article",
            "art.txt",
            "-o",
            "i.ron",
        ],
        d,
    );
    assert!(
        stderr(&o).contains("names no annotation that was read"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_empty_ann_imports_to_an_empty_session_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    battery(d);
    std::fs::write(d.join("none.ann"), "\n\n").unwrap();
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "none.ann",
            "--article",
            "art.txt",
            "-o",
            "i.ron",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("holds no annotation line: the session is empty"),
        "{}",
        stderr(&o)
    );
}
