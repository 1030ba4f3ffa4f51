//! Project folders through the built binary: `newsmark search DIR QUERY`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use crate::cli_support;
use cli_support::newsmark;

#[test]
fn search_lists_code_point_offsets_in_every_article_and_skips_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("wire/.newsmark")).unwrap();
    // BOM and CRLF are normalized away; the emoji and the curly quote count one each.
    std::fs::write(
        d.join("wire/a.txt"),
        "\u{feff}Stoltenberg 😀 said “NATO”\r\nand NATO again.\r\n",
    )
    .unwrap();
    std::fs::write(d.join("b.txt"), "Nothing here about the alliance.\n").unwrap();
    std::fs::write(d.join("wire/.newsmark/c.txt"), "NATO in a hidden folder\n").unwrap();
    let o = newsmark(&["search", ".", "nato"], d);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "wire/a.txt:20: Stoltenberg 😀 said “[NATO]” and NATO again. ",
            "wire/a.txt:30: Stoltenberg 😀 said “NATO” and [NATO] again. ",
        ]
    );
    let o = newsmark(&["search", ".", "absent words"], d);
    assert_eq!(o.status.code(), Some(1));
    std::fs::write(d.join("bin.txt"), b"\x00\x01\x02").unwrap();
    let o = newsmark(&["search", ".", "nato"], d);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bin.txt is not a text article"));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
}

#[test]
fn project_stats_list_every_article_and_annotator_with_totals() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("story.txt"), "Jens Stoltenberg said “no” today.\n").unwrap();
    std::fs::write(d.join("other.txt"), "Nobody said anything at all.\n").unwrap();
    std::fs::write(
        d.join("a.ann"),
        "T1\tMention 0 16\tJens Stoltenberg\nT2\tQuote 22 26\t“no”\n",
    )
    .unwrap();
    std::fs::write(d.join("b.ann"), "T1\tClaim 17 26\tsaid “no”\n").unwrap();
    for (ann, who) in [("a.ann", "alice"), ("b.ann", "bob")] {
        let out = format!(".newsmark/{who}/story.ron");
        let o = newsmark(
            &[
                "import",
                "-f",
                "brat",
                ann,
                "--article",
                "story.txt",
                "-o",
                &out,
            ],
            d,
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let o = newsmark(&["stats", "."], d);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    let row = |name: &str| out.lines().find(|l| l.starts_with(name)).map(str::to_owned);
    assert!(row("other.txt").unwrap().contains("(new)"), "{out}");
    let alice = out
        .lines()
        .find(|l| l.contains("alice"))
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>();
    assert_eq!(alice, ["story.txt", "5", "alice", "2", "0", "1", "1"]);
    assert!(
        out.contains("total: 2 article(s), 10 words, 2 session(s), 3 annotation(s): 1 claim(s), 1 quote(s), 1 mention(s)"),
        "{out}"
    );
    let o = newsmark(&["stats", ".", "--json"], d);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["total"]["kinds"]["claim"], 1);
    assert_eq!(v["articles"][1]["sessions"][1]["annotator"], "bob");
}

#[test]
fn whole_folders_import_and_export_with_one_summary() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("ann")).unwrap();
    std::fs::create_dir_all(d.join("text")).unwrap();
    std::fs::write(
        d.join("text/story.txt"),
        "Jens Stoltenberg said “no” today.\n",
    )
    .unwrap();
    // Corpus naming: ARTICLE_ANNOTATOR.ann beside ARTICLE.txt.
    std::fs::write(d.join("ann/story_alice.ann"), "T1\tQuote 22 26\t“no”\n").unwrap();
    std::fs::write(d.join("ann/story_bob.ann"), "T1\tClaim 17 26\tsaid “no”\n").unwrap();
    std::fs::write(d.join("ann/lost.ann"), "T1\tClaim 0 4\tJens\n").unwrap();
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "ann",
            "--article-dir",
            "text",
            "-o",
            "sessions",
        ],
        d,
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(e.contains("no article"), "{e}");
    assert!(
        e.contains(
            "imported 2 of 3 file(s) completely into sessions; 0 with lines dropped, 1 failed"
        ),
        "{e}"
    );
    assert!(d.join("sessions/story_alice.ron").is_file());
    assert!(d.join("sessions/story_bob.ron").is_file());

    let o = newsmark(&["export", "sessions", "-f", "brat", "-o", "out"], d);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(e.contains("exported 2 of 2 session(s) completely"), "{e}");
    let ann = std::fs::read_to_string(d.join("out/story_alice.ann")).unwrap();
    assert!(ann.starts_with("T1\tQuote 22 26\t“no”\n"), "{ann}");
    assert!(d.join("out/story_bob.txt").is_file());
    let o = newsmark(&["export", "sessions", "-f", "csv"], d);
    assert_eq!(o.status.code(), Some(2));
}

/// A project exports one annotator's sessions; its hidden state file is never taken for a
/// session, and the project folder itself says where the sessions are.
#[test]
fn a_project_exports_an_annotators_sessions_and_never_its_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("p")).unwrap();
    std::fs::write(d.join("p/story.txt"), "Ana said the plan works.\n").unwrap();
    std::fs::write(d.join("story_ana.ann"), "T1\tMention 0 3\tAna\n").unwrap();
    std::fs::create_dir_all(d.join("anns")).unwrap();
    std::fs::rename(d.join("story_ana.ann"), d.join("anns/story_ana.ann")).unwrap();
    let o = newsmark(&["import", "anns", "-f", "brat", "--project", "p"], d);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut state = newsmark::io::project::ProjectState::default();
    state.done.insert("story.txt".into());
    state.save(&d.join("p"), "ana").unwrap();
    assert!(d.join("p/.newsmark/ana/.project.ron").is_file());

    let o = newsmark(&["export", "p", "-f", "csv", "-o", "out"], d);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is a project: its sessions are in"));

    let o = newsmark(&["export", "p/.newsmark/ana", "-f", "csv", "-o", "out"], d);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(e.contains("exported 1 of 1 session(s) completely"), "{e}");
    let o = newsmark(&["agree", "p", "--annotators", "ana,bob"], d);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("no article of p has a session by every one")
    );
}

/// A folder exported to brat gets brat's configuration once: no `.bak` copies of it.
#[test]
fn a_folder_brat_export_writes_the_configuration_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("p")).unwrap();
    std::fs::create_dir_all(d.join("anns")).unwrap();
    for name in ["one", "two"] {
        std::fs::write(
            d.join(format!("p/{name}.txt")),
            "Ana said the plan works.\n",
        )
        .unwrap();
        std::fs::write(d.join(format!("anns/{name}.ann")), "T1\tMention 0 3\tAna\n").unwrap();
    }
    let o = newsmark(
        &[
            "import",
            "anns",
            "-f",
            "brat",
            "--project",
            "p",
            "--annotator",
            "ana",
        ],
        d,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = newsmark(&["export", "p/.newsmark/ana", "-f", "brat", "-o", "out"], d);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut names: Vec<String> = std::fs::read_dir(d.join("out"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "annotation.conf",
            "one.ann",
            "one.txt",
            "two.ann",
            "two.txt",
            "visual.conf"
        ]
    );
}
