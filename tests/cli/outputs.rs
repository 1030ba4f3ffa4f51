//! Where newsmark writes and what it refuses to load, through the built binary: outputs that
//! are not regular files, symbolic links, permissions, exports without `.bak`, and sessions
//! with dangling speakers, merge conflicts or no session at all in them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use crate::cli_support;
use cli_support::{newsmark, stderr, stdout};

use std::os::unix::fs::{PermissionsExt as _, symlink};
use std::path::{Path, PathBuf};

const ARTICLE: &str =
    "Jens Stoltenberg said: “We regret this.”\nOfficials added that troops had left.\n";
const ANN: &str = "T1\tMention 0 16\tJens Stoltenberg\n\
                   T2\tQuote 23 40\t“We regret this.”\n\
                   T3\tCue 17 21\tsaid\n\
                   R1\tSource Arg1:T2 Arg2:T1\n\
                   R2\tSaid Arg1:T2 Arg2:T3\n";

/// A folder with `article.txt`, `in.ann` and the imported `s.ron`.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let (dir, d, o) = cli_support::imported_fixture(ARTICLE, ANN);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (dir, d)
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn mkfifo(p: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(p)
        .status()
        .unwrap();
    assert!(ok.success());
}

#[test]
fn pipes_sockets_and_links_to_them_are_refused_and_stay_what_they_are() {
    let (_keep, d) = setup();
    let fifo = d.join("pipe");
    mkfifo(&fifo);
    let _sock = std::os::unix::net::UnixListener::bind(d.join("sock")).unwrap();
    symlink(&fifo, d.join("to-pipe")).unwrap();
    for out in ["pipe", "sock", "to-pipe"] {
        for args in [
            &["export", "s.ron", "-f", "w3c", "-o", out][..],
            &["suggest", "article.txt", "-o", out],
        ] {
            let o = newsmark(args, &d);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
            let e = stderr(&o);
            assert_eq!(e.lines().count(), 1, "{e}");
            assert!(
                e.contains("not a regular file") && e.contains("-o -"),
                "{e}"
            );
            assert!(!e.contains("wrote"), "{e}");
        }
    }
    let ft = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    use std::os::unix::fs::FileTypeExt as _;
    assert!(ft.is_fifo());
    assert!(
        std::fs::symlink_metadata(d.join("to-pipe"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // `-o -` is standard output.
    let o = newsmark(&["export", "s.ron", "-f", "w3c", "-o", "-"], &d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"@context\""));
    assert!(!d.join("-").exists());
}

#[test]
fn a_symlinked_output_is_written_through_and_keeps_its_mode() {
    let (_keep, d) = setup();
    std::fs::create_dir(d.join("real")).unwrap();
    let target = d.join("real/out.json");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    symlink("real/out.json", d.join("link.json")).unwrap();
    let o = newsmark(&["export", "s.ron", "-f", "w3c", "-o", "link.json"], &d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::symlink_metadata(d.join("link.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("@context")
    );
    assert_eq!(mode(&target), 0o600);
    // Exports keep no .bak unless asked.
    assert!(!d.join("real/out.json.bak").exists());
    assert!(!d.join("link.json.bak").exists());
    let o = newsmark(
        &[
            "export",
            "s.ron",
            "-f",
            "w3c",
            "-o",
            "link.json",
            "--backup",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(d.join("real/out.json.bak").exists());
    let leftovers: Vec<_> = std::fs::read_dir(d.join("real"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_session_opened_through_a_symlink_keeps_the_link_and_its_article() {
    let (_keep, d) = setup();
    // The session lives in d, its link in another folder: the article is found from the file
    // the link points at, and --renumber writes through the link.
    let ron = std::fs::read_to_string(d.join("s.ron")).unwrap();
    std::fs::write(d.join("s.ron"), ron.replace("id: 2,", "id: 1,")).unwrap();
    std::fs::set_permissions(d.join("s.ron"), std::fs::Permissions::from_mode(0o640)).unwrap();
    std::fs::create_dir(d.join("elsewhere")).unwrap();
    symlink(d.join("s.ron"), d.join("elsewhere/link.ron")).unwrap();
    let o = newsmark(&["check", "--renumber", "elsewhere/link.ron"], &d);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("renumbered 1 id(s)"), "{}", stderr(&o));
    let link = d.join("elsewhere/link.ron");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(mode(&d.join("s.ron")), 0o640);
    let saved = std::fs::read_to_string(d.join("s.ron")).unwrap();
    assert!(saved.contains("path: \"article.txt\""), "{saved}");
    let o = newsmark(&["check", "elsewhere/link.ron"], &d);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn a_dangling_speaker_is_refused_naming_the_ids() {
    let (_keep, d) = setup();
    let ron = std::fs::read_to_string(d.join("s.ron")).unwrap();
    assert!(ron.contains("speaker: Some(1)"), "{ron}");
    std::fs::write(
        d.join("s.ron"),
        ron.replace("speaker: Some(1)", "speaker: Some(4294967295)"),
    )
    .unwrap();
    for args in [
        &["check", "s.ron"][..],
        &["export", "s.ron", "-f", "brat", "-o", "x.ann"],
    ] {
        let o = newsmark(args, &d);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert!(
            e.contains("names speakers it does not list: speaker 4294967295 in ")
                && e.contains("(#"),
            "{e}"
        );
    }
    assert!(!d.join("x.ann").exists());
}

#[test]
fn conflicts_and_non_sessions_are_named_in_words() {
    let (_keep, d) = setup();
    let ron = std::fs::read_to_string(d.join("s.ron")).unwrap();
    let conflicted = ron.replacen("    speakers:", "<<<<<<< HEAD\n    speakers:", 1)
        + "=======\n>>>>>>> theirs\n";
    let line = conflicted
        .lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .unwrap()
        + 1;
    std::fs::write(d.join("c.ron"), conflicted).unwrap();
    let o = newsmark(&["check", "c.ron"], &d);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("this file has merge conflicts at line {line}")),
        "{}",
        stderr(&o)
    );
    for (body, words) in [
        (
            "{\"a\": 1}",
            "not a newsmark session (it does not start with '(')",
        ),
        ("(format_version: \"x\")", "at line 1"),
        ("(format_version: 1, article: (path: 3))", "at line 1"),
        (
            "(format_version: 1, article: (), annotations: [(id: 1)])",
            "missing",
        ),
    ] {
        std::fs::write(d.join("bad.ron"), body).unwrap();
        let o = newsmark(&["check", "bad.ron"], &d);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{e}");
        assert!(e.contains(words), "{body}: {e}");
        for rust in [
            "VersionProbe",
            "struct",
            "ArticleRef",
            "Session`",
            "Annotation`",
        ] {
            assert!(!e.contains(rust), "{body}: {e}");
        }
        assert!(e.chars().count() <= 300, "{e}");
    }
}

#[test]
fn recovery_is_private_and_new_files_follow_the_umask() {
    let (_keep, d) = setup();
    let session = newsmark::io::session_file::load(&d.join("s.ron")).unwrap();
    let rec = d.join("recovery");
    newsmark::io::recovery::write(&rec, "k", &session, 3).unwrap();
    newsmark::io::recovery::write(&rec, "k", &session, 4).unwrap();
    assert_eq!(mode(&rec), 0o700);
    let file = newsmark::io::recovery::recovery_path(&rec, "k");
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&newsmark::io::disk::backup_path(&file)), 0o600);
    // A new export is created as any new file is: 0666 less the umask, not 0600.
    let umask = std::process::Command::new("sh")
        .args(["-c", "umask"])
        .output()
        .unwrap();
    let umask = u32::from_str_radix(String::from_utf8_lossy(&umask.stdout).trim(), 8).unwrap();
    let o = newsmark(&["export", "s.ron", "-f", "csv", "-o", "new.csv"], &d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(mode(&d.join("new.csv")), 0o666 & !umask);
    // A session set to 0600 stays 0600 when saved again.
    std::fs::set_permissions(d.join("s.ron"), std::fs::Permissions::from_mode(0o600)).unwrap();
    newsmark::io::session_file::save(&session, &d.join("s.ron")).unwrap();
    assert_eq!(mode(&d.join("s.ron")), 0o600);
    assert_eq!(mode(&d.join("s.ron.bak")), 0o600);
}

#[test]
fn the_streamed_w3c_export_is_the_pretty_printed_collection() {
    let (_keep, d) = setup();
    let o = newsmark(&["export", "s.ron", "-f", "w3c"], &d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let tree: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(out, serde_json::to_string_pretty(&tree).unwrap() + "\n");
    assert_eq!(tree["first"]["items"].as_array().unwrap().len(), 2);
}

#[test]
fn the_wrong_article_gives_short_lines_and_the_convention_once() {
    let (_keep, d) = setup();
    let other = "Completely different article about weather and rain. ".repeat(200);
    std::fs::write(d.join("other.txt"), other).unwrap();
    let mut ann = String::new();
    for i in 0..50 {
        let start = i * 40;
        ann.push_str(&format!(
            "T{i}\tClaim {start} {}\t{}\n",
            start + 150,
            "x".repeat(150)
        ));
    }
    std::fs::write(d.join("big.ann"), ann).unwrap();
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "big.ann",
            "--article",
            "other.txt",
            "-o",
            "x.ron",
        ],
        &d,
    );
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(e.lines().all(|l| l.chars().count() <= 200), "{e}");
    assert_eq!(e.matches("code points").count(), 1, "{e}");
    assert!(
        e.contains("is other.txt the article it was made on?"),
        "{e}"
    );
    assert!(e.contains("… and 30 more"), "{e}");
    assert!(!d.join("x.ron").exists());
}

#[test]
fn import_writes_a_session_to_standard_output_with_dash_and_never_into_a_pipe() {
    let (_keep, d) = setup();
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "in.ann",
            "--article",
            "article.txt",
            "-o",
            "-",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with('('), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("into standard output"),
        "{}",
        stderr(&o)
    );
    assert!(!d.join("-").exists());
    mkfifo(&d.join("pipe"));
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "in.ann",
            "--article",
            "article.txt",
            "-o",
            "pipe",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
    use std::os::unix::fs::FileTypeExt as _;
    assert!(
        std::fs::symlink_metadata(d.join("pipe"))
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

/// A session another user owns keeps its owner and group when it is saved over (only root can
/// give a file away, so elsewhere this says why it checked nothing).
#[test]
fn saving_over_another_users_session_keeps_its_owner() {
    use std::os::unix::fs::MetadataExt as _;
    let (_keep, d) = setup();
    let me = std::fs::metadata(d.join("s.ron")).unwrap().uid();
    if me != 0 {
        eprintln!("not root: cannot give a file to another user, owner keeping not checked");
        return;
    }
    let ron = std::fs::read_to_string(d.join("s.ron")).unwrap();
    std::fs::write(d.join("s.ron"), ron.replace("id: 2,", "id: 1,")).unwrap();
    std::os::unix::fs::chown(d.join("s.ron"), Some(4321), Some(4322)).unwrap();
    std::fs::set_permissions(d.join("s.ron"), std::fs::Permissions::from_mode(0o640)).unwrap();
    let o = newsmark(&["check", "--renumber", "s.ron"], &d);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let after = std::fs::metadata(d.join("s.ron")).unwrap();
    assert_eq!(
        (after.uid(), after.gid()),
        (4321, 4322),
        "owner and group kept"
    );
    assert_eq!(mode(&d.join("s.ron")), 0o640);
    assert!(std::fs::read_to_string(d.join("s.ron")).unwrap() != ron.replace("id: 2,", "id: 1,"));
}
