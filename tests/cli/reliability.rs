//! Nothing silently wrong in what leaves newsmark: unanchored annotations, repeated ids, bounded
//! messages, files that are not regular, size limits, failed writes and file names — through
//! the built binary, asserting exit codes, messages and what lands on disk.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use crate::cli_support;
use cli_support::{newsmark, stderr, stdout};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ARTICLE: &str = "\u{feff}Jens Stoltenberg said: “We regret 😀 this.”\r\n\
                       Officials added that e\u{301}lite troops had left the border.\r\n";
const ANN: &str = "T1\tMention 0 16\tJens Stoltenberg\n\
                   T2\tQuote 23 42\t“We regret 😀 this.”\n\
                   T3\tCue 17 21\tsaid\n\
                   T4\tClaim 64 97\te\u{301}lite troops had left the border\n\
                   R1\tSource Arg1:T2 Arg2:T1\n\
                   R2\tSaid Arg1:T2 Arg2:T3\n";

/// A folder with `article.txt`, `in.ann` and the imported `s.ron` (3 annotations).
fn setup() -> (tempfile::TempDir, PathBuf) {
    let (dir, d, o) = cli_support::imported_fixture(ARTICLE, ANN);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("imported 3 annotation(s)"),
        "{}",
        stdout(&o)
    );
    (dir, d)
}

fn import(d: &Path, ann: &str, article: &str, out: &str) -> Output {
    newsmark(
        &["import", "-f", "brat", ann, "--article", article, "-o", out],
        d,
    )
}

/// Names of the files in `d` (hidden ones included).
fn files_in(d: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn orphans_are_never_exported_at_stale_offsets() {
    let (_keep, d) = setup();
    // The claim's sentence is rewritten: it becomes an orphan.
    let edited = ARTICLE.replace(
        "Officials added that e\u{301}lite troops had left the border.",
        "A spokesperson declined to comment on any of it, twice over.",
    );
    std::fs::write(d.join("article.txt"), edited).unwrap();
    for format in ["brat", "w3c", "csv", "claimreview", "citron"] {
        let out = format!("out-{format}.x");
        let o = newsmark(&["export", "s.ron", "-f", format, "-o", &out], &d);
        assert_eq!(o.status.code(), Some(1), "{format}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(e.contains("1 of 3 annotation(s) are not anchored"), "{e}");
        assert!(
            e.contains("#4 Claim “e\u{301}lite troops had left the border”"),
            "{e}"
        );
        assert!(e.contains("--skip-unanchored"), "{e}");
        assert!(!d.join(&out).exists(), "{format} wrote a file");
    }
    let o = newsmark(
        &[
            "export",
            "s.ron",
            "-f",
            "brat",
            "-o",
            "b.ann",
            "--skip-unanchored",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("left out 1 of 3"), "{}", stderr(&o));
    assert!(stderr(&o).contains("#4 Claim"), "{}", stderr(&o));
    let ann = std::fs::read_to_string(d.join("b.ann")).unwrap();
    assert!(
        ann.contains("T2\tQuote 23 42\t“We regret 😀 this.”"),
        "{ann}"
    );
    assert!(!ann.contains("Claim"), "{ann}");
    // Stdout export obeys the same rule.
    let o = newsmark(&["export", "s.ron", "-f", "csv"], &d);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
}

#[test]
fn a_session_on_another_article_says_so() {
    let (_keep, d) = setup();
    std::fs::write(
        d.join("article.txt"),
        "An unrelated text about the weather in the mountains.\n",
    )
    .unwrap();
    for extra in [&[][..], &["--skip-unanchored"]] {
        let mut args = vec!["export", "s.ron", "-f", "w3c", "-o", "w.json"];
        args.extend_from_slice(extra);
        let o = newsmark(&args, &d);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("none of the 3 annotation(s) is found")
                && stderr(&o).contains("not this session's article"),
            "{}",
            stderr(&o)
        );
        assert!(!d.join("w.json").exists());
    }
}

#[test]
fn duplicate_ids_are_refused_and_renumbered_on_request() {
    let (_keep, d) = setup();
    let ron = std::fs::read_to_string(d.join("s.ron")).unwrap();
    // The claim takes the quote's id 2.
    assert!(ron.contains("id: 4,"));
    let dup = ron.replace("id: 4,", "id: 2,");
    std::fs::write(d.join("s.ron"), &dup).unwrap();
    for args in [
        &["check", "s.ron"][..],
        &["export", "s.ron", "-f", "brat", "-o", "x.ann"],
        &["stats", "s.ron"],
    ] {
        let o = newsmark(args, &d);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert!(e.contains("duplicate annotation id 2"), "{e}");
        assert!(e.contains("newsmark check --renumber s.ron"), "{e}");
    }
    assert!(!d.join("x.ann").exists());

    let o = newsmark(&["check", "--renumber", "s.ron"], &d);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("renumbered 1 id(s)"), "{e}");
    assert!(
        e.contains("annotation #2 (Claim “e\u{301}lite troops had left the border”) is now #3"),
        "{e}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("s.ron.bak")).unwrap(),
        dup,
        "the file as it was is kept"
    );
    let o = newsmark(&["export", "s.ron", "-f", "brat", "-o", "x.ann"], &d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ann = std::fs::read_to_string(d.join("x.ann")).unwrap();
    let t_ids: Vec<&str> = ann
        .lines()
        .filter_map(|l| l.split('\t').next())
        .filter(|t| t.starts_with('T'))
        .collect();
    let mut unique = t_ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), t_ids.len(), "{ann}");
}

#[test]
fn garbage_input_gives_bounded_messages() {
    let (_keep, d) = setup();
    let mut garbage = String::from(ANN);
    for i in 0..50_000 {
        garbage.push_str(&format!("Z{i}\t{}\n", "nonsense ".repeat(40)));
    }
    garbage.push_str(&"x".repeat(1 << 20));
    garbage.push('\n');
    std::fs::write(d.join("g.ann"), garbage).unwrap();
    let o = import(&d, "g.ann", "article.txt", "g.ron");
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "lines were dropped: {e}");
    // At most 20 problems and a count, then at most 20 per-type lines and a count.
    assert!(e.lines().count() <= 43, "{} lines", e.lines().count());
    assert!(e.len() < 4_000, "{} bytes of messages", e.len());
    assert!(e.contains("… and 49981 more"), "{e}");
    assert!(stdout(&o).contains("imported 3 annotation(s)"));
}

#[test]
fn only_regular_files_are_read() {
    let (_keep, d) = setup();
    std::fs::create_dir(d.join("folder.ron")).unwrap();
    let o = newsmark(&["check", "folder.ron"], &d);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("folder.ron: it is not a regular file but a folder"),
        "{}",
        stderr(&o)
    );
    // A device as the article, a FIFO as the annotation file: refused at once, never read.
    let o = import(&d, "in.ann", "/dev/zero", "z.ron");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/dev/zero: it is not a regular file but a device"),
        "{}",
        stderr(&o)
    );
    let fifo = d.join("pipe.ann");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let o = import(&d, "pipe.ann", "article.txt", "p.ron");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("pipe.ann: it is not a regular file but a named pipe (FIFO)"),
        "{}",
        stderr(&o)
    );
    // An article past the 64 MiB cap (sparse, so the test writes nothing).
    let big = std::fs::File::create(d.join("big.txt")).unwrap();
    big.set_len((64 << 20) + 1).unwrap();
    let o = import(&d, "in.ann", "big.txt", "b.ron");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("it is 67108865 bytes, more than the 67108864 bytes"),
        "{}",
        stderr(&o)
    );
    assert!(!d.join("b.ron").exists() && !d.join("p.ron").exists());
}

#[test]
fn the_article_in_place_of_a_folder_or_a_loop_is_not_called_missing() {
    let (_keep, d) = setup();
    std::fs::remove_file(d.join("article.txt")).unwrap();
    std::fs::create_dir(d.join("article.txt")).unwrap();
    let o = newsmark(&["check", "s.ron"], &d);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("it is not a regular file but a folder"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir(d.join("article.txt")).unwrap();
    std::os::unix::fs::symlink("article.txt", d.join("article.txt")).unwrap();
    let o = newsmark(&["check", "s.ron"], &d);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("a symbolic link loops back on itself"), "{e}");
    assert!(!e.contains("not found"), "{e}");
}

#[test]
fn messages_are_one_line_with_the_cause_once() {
    let (_keep, d) = setup();
    std::fs::create_dir(d.join("somedir")).unwrap();
    for args in [
        &["export", "s.ron", "-f", "csv", "-o", "somedir"][..],
        &[
            "import",
            "-f",
            "brat",
            "in.ann",
            "--article",
            "article.txt",
            "-o",
            "somedir",
        ],
    ] {
        let o = newsmark(args, &d);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert_eq!(e.matches("error").count(), 1, "{e}");
        assert!(e.contains("somedir: it is a folder"), "{e}");
        assert!(!e.contains(".bak") && !e.contains("os error"), "{e}");
    }
    assert!(files_in(&d.join("somedir")).is_empty());
}

#[test]
fn a_write_over_the_file_size_limit_is_an_error_and_leaves_nothing() {
    let (_keep, d) = setup();
    // The W3C export of the session is over 1 KiB; `ulimit -f 1` allows 1 KiB (bash) or 512 B.
    let bin = env!("CARGO_BIN_EXE_newsmark");
    let o = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -f 1; exec '{bin}' export s.ron -f w3c -o w.json"
        ))
        .current_dir(&d)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot write w.json: the file size limit was reached"),
        "{}",
        stderr(&o)
    );
    let left: Vec<String> = files_in(&d)
        .into_iter()
        .filter(|f| f.contains("w.json"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_crashed_save_leaves_no_temporary_forever() {
    let (_keep, d) = setup();
    let stale = d.join(".s.ron.tmp-4194999");
    std::fs::write(&stale, "half a session").unwrap();
    let o = newsmark(&["check", "--renumber", "s.ron"], &d);
    assert_eq!(o.status.code(), Some(0));
    // Nothing to renumber, nothing saved: the temporary is cleaned at the next save.
    assert!(stale.exists());
    let o = import(&d, "in.ann", "article.txt", "s.ron");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stale.exists(), "{:?}", files_in(&d));
    assert!(d.join("s.ron.bak").is_file());
}

#[test]
fn a_file_name_that_is_not_utf8_is_refused_not_mangled() {
    use std::os::unix::ffi::OsStrExt as _;
    let (_keep, d) = setup();
    let name = std::ffi::OsStr::from_bytes(b"a\xff.txt");
    std::fs::write(d.join(name), ARTICLE).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(["import", "-f", "brat", "in.ann", "--article"])
        .arg(name)
        .args(["-o", "n.ron"])
        .current_dir(&d)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not valid UTF-8"), "{}", stderr(&o));
    assert!(!d.join("n.ron").exists());
}
