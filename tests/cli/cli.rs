//! The headless subcommands through the built binary: exit codes, messages, files written.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use crate::cli_support;
use cli_support::{newsmark, stderr, stdout};

use std::path::PathBuf;

const ARTICLE: &str = "\u{feff}Jens Stoltenberg said: “We regret 😀 this.”\r\nThe end.\r\n";
const ANN: &str = "T1\tMention 0 16\tJens Stoltenberg\n\
                   T2\tQuote 23 42\t“We regret 😀 this.”\n\
                   T3\tCue 17 21\tsaid\n\
                   R1\tSource Arg1:T2 Arg2:T1\n\
                   R2\tSaid Arg1:T2 Arg2:T3\n";

/// A folder with `article.txt`, `in.ann` and the imported `s.ron`.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let (dir, d, o) = cli_support::imported_fixture(ARTICLE, ANN);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("imported 2 annotation(s) and 1 speaker(s)"));
    (dir, d)
}

#[test]
fn check_passes_then_fails_after_the_article_is_edited() {
    let (_keep, d) = setup();
    let o = newsmark(&["check", "s.ron"], &d);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("2 annotation(s), all anchor exactly"));

    std::fs::write(d.join("article.txt"), ARTICLE.replace("Jens", "Mr J.")).unwrap();
    let o = newsmark(&["check", "s.ron"], &d);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("re-anchored: 1 moved, 1 fuzzy"), "{out}");
    // Each annotation's outcome in words, never Rust's debug text.
    assert!(
        out.contains(
            "  #1 Mention matched approximately (81.2 % similar): “Jens Stoltenberg” \
             now 3..17 “J. Stoltenberg”\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "  #2 Quote moved: found elsewhere (1 candidate): ““We regret 😀 this.”” now 24..43"
        ),
        "{out}"
    );
    assert!(stderr(&o).contains("the article changed"), "{}", stderr(&o));

    std::fs::write(d.join("article.txt"), "Nothing of the sort was said.\n").unwrap();
    let o = newsmark(&["check", "s.ron"], &d);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("  #2 Quote not found in the article: ““We regret 😀 this.””\n"),
        "{out}"
    );
    for debug in ["Moved {", "Fuzzy {", "Orphan", "score:", "candidates:"] {
        assert!(!out.contains(debug), "{debug} in {out}");
    }
}

#[test]
fn missing_article_is_exit_2_with_a_message() {
    let (_keep, d) = setup();
    std::fs::remove_file(d.join("article.txt")).unwrap();
    for args in [
        &["check", "s.ron"][..],
        &["export", "s.ron", "--format", "csv"],
    ] {
        let o = newsmark(args, &d);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("was not found"), "{}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "in.ann",
            "--article",
            "nope.txt",
            "-o",
            "x.ron",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot read article nope.txt"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn broken_session_is_exit_2_with_a_message() {
    let (_keep, d) = setup();
    std::fs::write(d.join("broken.ron"), "(format_version: 1, article: (path: ").unwrap();
    for cmd in ["check", "stats"] {
        let o = newsmark(&[cmd, "broken.ron"], &d);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains("is not a valid newsmark session"),
            "{}",
            stderr(&o)
        );
    }
    let o = newsmark(&["check", "absent.ron"], &d);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read session absent.ron"));
}

#[test]
fn unknown_format_is_exit_2_with_the_choices() {
    let (_keep, d) = setup();
    let o = newsmark(&["export", "s.ron", "--format", "docx"], &d);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("invalid value 'docx'") && e.contains("brat"),
        "{e}"
    );
    let o = newsmark(
        &[
            "import",
            "-f",
            "csv",
            "in.ann",
            "--article",
            "article.txt",
            "-o",
            "x.ron",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!d.join("x.ron").exists());
}

#[test]
fn export_writes_files() {
    let (_keep, d) = setup();
    let o = newsmark(
        &["export", "s.ron", "--format", "brat", "-o", "out/doc.ann"],
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ann = std::fs::read_to_string(d.join("out/doc.ann")).unwrap();
    let txt = std::fs::read_to_string(d.join("out/doc.txt")).unwrap();
    assert_eq!(
        txt,
        "Jens Stoltenberg said: “We regret 😀 this.”\nThe end.\n"
    );
    assert!(ann.starts_with("T1\tMention 0 16\tJens Stoltenberg\nT2\tQuote 23 42\t"));

    let review = [
        "--url",
        "https://factcheck.example/r1",
        "--author",
        "Fact Desk",
        "--author-kind",
        "organization",
        "--article-url",
        "https://news.example/a",
    ];
    for (format, file, extra) in [
        ("w3c", "a.json", &[][..]),
        ("csv", "a.csv", &[]),
        ("claimreview", "r.json", &review[..]),
        ("citron", "c.json", &[]),
    ] {
        let mut args = vec!["export", "s.ron", "-f", format, "-o", file];
        args.extend(extra);
        let o = newsmark(&args, &d);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(d.join(file).is_file(), "{format}");
    }
    let w3c = std::fs::read_to_string(d.join("a.json")).unwrap();
    assert!(w3c.contains("\"TextQuoteSelector\""));
    let o = newsmark(
        &[
            "import",
            "-f",
            "w3c",
            "a.json",
            "--article",
            "article.txt",
            "-o",
            "w.ron",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = newsmark(&["check", "w.ron"], &d);
    assert_eq!(o.status.code(), Some(0));

    let o = newsmark(&["export", "s.ron", "-f", "csv"], &d);
    assert!(stdout(&o).starts_with("id,kind,start,end,fragments,text,"));
    let o = newsmark(&["stats", "s.ron", "--json"], &d);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["kinds"]["quote"], 1);
}

#[test]
fn never_overwrites_the_article() {
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
            "article.txt",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("refusing"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(d.join("article.txt")).unwrap(),
        ARTICLE
    );
    let o = newsmark(&["export", "s.ron", "-f", "w3c", "-o", "article.txt"], &d);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(d.join("article.txt")).unwrap(),
        ARTICLE
    );
}

#[test]
fn every_subcommand_has_help() {
    let d = std::env::temp_dir();
    for cmd in ["check", "stats", "export", "import"] {
        let o = newsmark(&[cmd, "--help"], &d);
        assert_eq!(o.status.code(), Some(0), "{cmd}");
        assert!(stdout(&o).contains("Usage: newsmark"), "{cmd}");
    }
    // The import help gives PolNeAR's whole type map, ready to paste.
    let o = newsmark(&["import", "--help"], &d);
    assert!(
        stdout(&o).contains(newsmark::io::formats::brat::POLNEAR_MAP),
        "{}",
        stdout(&o)
    );
}

#[test]
fn citron_lists_quotes_without_a_cue_and_excel_csv_begins_with_a_bom() {
    let (_keep, d) = setup();
    std::fs::write(
        d.join("nocue.ann"),
        "T1\tQuote 23 42\t“We regret 😀 this.”\n",
    )
    .unwrap();
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "nocue.ann",
            "--article",
            "article.txt",
            "-o",
            "n.ron",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = newsmark(&["export", "n.ron", "-f", "citron", "-o", "c.json"], &d);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("  #1 Quote ““We regret 😀 this.””: it has no cue"));
    let citron = std::fs::read_to_string(d.join("c.json")).unwrap();
    assert!(citron.contains("\"quotes\": []"), "{citron}");

    let o = newsmark(
        &["export", "s.ron", "-f", "csv", "--excel", "-o", "x.csv"],
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read(d.join("x.csv"))
            .unwrap()
            .starts_with(b"\xef\xbb\xbfid,")
    );
}

#[test]
fn claimreview_names_the_missing_fields_and_takes_them_from_flags() {
    let (_keep, d) = setup();
    let o = newsmark(
        &["export", "s.ron", "-f", "claimreview", "-o", "r.json"],
        &d,
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    for field in ["  url: ", "  author: ", "  itemReviewed.appearance: "] {
        assert!(e.contains(field), "{field:?} not in {e}");
    }
    assert!(!d.join("r.json").exists(), "nothing is written");

    let flags = [
        "--url",
        "https://factcheck.example/r1",
        "--author",
        "Ann Checker",
        "--article-url",
        "https://news.example/a",
        "--outlet",
        "News Example",
        "--article-date",
        "2022-01-07",
    ];
    let claim = "T1\tClaim 23 42\t“We regret 😀 this.”\nA1\tVerdict T1 False\n";
    std::fs::write(d.join("claim.ann"), claim).unwrap();
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "claim.ann",
            "--article",
            "article.txt",
            "-o",
            "cr.ron",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut args = vec!["export", "cr.ron", "-f", "claimreview", "-o", "r.json"];
    args.extend(flags);
    let o = newsmark(&args, &d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let review = std::fs::read_to_string(d.join("r.json")).unwrap();
    for needle in [
        "\"url\": \"https://factcheck.example/r1\"",
        "\"name\": \"Ann Checker\"",
        "\"url\": \"https://news.example/a\"",
        "\"datePublished\": \"2022-01-07\"",
    ] {
        assert!(review.contains(needle), "{needle} not in {review}");
    }
}

#[test]
fn w3c_names_the_article_by_its_url_never_a_local_path() {
    let (_keep, d) = setup();
    let args = ["export", "s.ron", "-f", "w3c", "-o", "a.json"];
    let o = newsmark(&args, &d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let w3c = std::fs::read_to_string(d.join("a.json")).unwrap();
    assert!(w3c.contains("\"source\": \"urn:sha256:"), "{w3c}");
    assert!(!w3c.contains("file:"), "{w3c}");
    let url = ["--article-url", "https://news.example/a"];
    let o = newsmark(&[&args[..], &url[..]].concat(), &d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let w3c = std::fs::read_to_string(d.join("a.json")).unwrap();
    assert!(
        w3c.contains("\"source\": \"https://news.example/a\""),
        "{w3c}"
    );
    assert!(!w3c.contains("urn:sha256:"), "{w3c}");
}

#[test]
fn w3c_import_reads_other_tools_annotations_with_default_kind() {
    let (_keep, d) = setup();
    let foreign = r#"{"type": "Annotation", "id": "https://hypothes.is/a/1",
        "body": [{"type": "TextualBody", "value": "Who said this?"}],
        "target": {"source": "https://news.example/a",
                   "selector": {"type": "TextQuoteSelector", "exact": "We regret"}}}"#;
    std::fs::write(d.join("h.json"), foreign).unwrap();
    let import = [
        "import",
        "-f",
        "w3c",
        "h.json",
        "--article",
        "article.txt",
        "-o",
    ];
    let o = newsmark(&[&import[..], &["h.ron"]].concat(), &d);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--default-kind"), "{}", stderr(&o));
    assert!(!d.join("h.ron").exists());
    let o = newsmark(
        &[&import[..], &["h.ron", "--default-kind", "quote"]].concat(),
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ron = std::fs::read_to_string(d.join("h.ron")).unwrap();
    assert!(
        ron.contains("Quote(") && ron.contains("note: \"Who said this?\""),
        "{ron}"
    );
}
