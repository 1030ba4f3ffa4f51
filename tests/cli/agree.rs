//! `newsmark agree` through the built binary, against values computed by hand.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use crate::cli_support;
use cli_support::newsmark;

use std::path::Path;

const ARTICLE: &str =
    "Jens Stoltenberg said: “We regret 😀 this.” He added that troops had left.\n";
const RELATIONS: &str = "R1\tSource Arg1:T2 Arg2:T1\nR2\tSaid Arg1:T2 Arg2:T3\n";
/// Alice: the name, the quote, its cue, the claim "troops had left".
const ALICE: &str = "T1\tMention 0 16\tJens Stoltenberg\n\
                     T2\tQuote 23 42\t“We regret 😀 this.”\n\
                     T3\tCue 17 21\tsaid\n\
                     T4\tClaim 57 72\ttroops had left\n";
/// Bob: the same, plus the mention "He", and a longer claim "that troops had left".
const BOB: &str = "T1\tMention 0 16\tJens Stoltenberg\n\
                   T2\tQuote 23 42\t“We regret 😀 this.”\n\
                   T3\tCue 17 21\tsaid\n\
                   T4\tClaim 52 72\tthat troops had left\n\
                   T5\tMention 43 45\tHe\n";

fn import(d: &Path, ann: &str, name: &str, out: &str) {
    std::fs::write(d.join(name), format!("{ann}{RELATIONS}")).unwrap();
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            name,
            "--article",
            "story.txt",
            "-o",
            out,
        ],
        d,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn close(v: &serde_json::Value, x: f64) -> bool {
    v.as_f64().is_some_and(|v| (v - x).abs() < 1e-9)
}

#[test]
fn two_sessions_agree_as_computed_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("story.txt"), ARTICLE).unwrap();
    import(d, ALICE, "alice.ann", "alice.ron");
    import(d, BOB, "bob.ann", "bob.ron");
    let o = newsmark(&["agree", "alice.ron", "bob.ron", "--json"], d);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let pair = &v["pairs"][0];
    assert_eq!(pair["a"], "alice.ron");
    let k = &pair["kinds"];
    for kind in ["Quote", "Cue"] {
        assert!(close(&k[kind]["exact_f1"], 1.0), "{kind}: {k}");
        assert!(close(&k[kind]["overlap_f1"], 1.0), "{kind}");
    }
    // Mentions: A 1, B 2, one identical. Overlap: A covers 16, B 18, both 16.
    assert!(close(&k["Mention"]["exact_p"], 0.5));
    assert!(close(&k["Mention"]["exact_r"], 1.0));
    assert!(close(&k["Mention"]["exact_f1"], 2.0 / 3.0));
    assert!(close(&k["Mention"]["overlap_f1"], 16.0 / 17.0));
    // Claims: no exact match; overlap A 15, B 20, both 15: P 0.75, R 1.
    assert!(close(&k["Claim"]["exact_f1"], 0.0));
    assert!(close(&k["Claim"]["overlap_p"], 0.75));
    assert!(close(&k["Claim"]["overlap_f1"], 6.0 / 7.0));
    // 74 code points; labels differ on "He" (2) and "that " (5): p_o = 67/74,
    // p_e = (20·13 + 16·18 + 4·4 + 19·19 + 15·20) / 74² = 1225/5476, κ = 3733/4251.
    assert!(close(&pair["kappa"], 3733.0 / 4251.0), "{}", pair["kappa"]);
    assert_eq!(pair["attribution"]["matched_quotes"], 1);
    assert_eq!(pair["attribution"]["attributed_alike"], 1);
    assert!(v["alpha"].as_f64().is_some_and(|a| a > 0.8 && a < 0.9));

    let o = newsmark(&["agree", "alice.ron", "bob.ron"], d);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Cohen's kappa (per code point): 0.878"),
        "{text}"
    );
    assert!(
        text.contains("1 of 1 matching quotes are attributed alike"),
        "{text}"
    );
}

#[test]
fn a_project_compares_every_shared_article_and_refuses_different_texts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("story.txt"), ARTICLE).unwrap();
    std::fs::write(d.join("other.txt"), ARTICLE.replace("left.", "left!")).unwrap();
    import(d, ALICE, "a.ann", ".newsmark/alice/story.ron");
    import(d, BOB, "b.ann", ".newsmark/bob/story.ron");
    // Only alice did `other`: it is not compared.
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "a.ann",
            "--article",
            "other.txt",
            "-o",
            ".newsmark/alice/other.ron",
        ],
        d,
    );
    assert!(o.status.success());
    let o = newsmark(&["agree", ".", "--annotators", "alice,bob", "--json"], d);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(close(&v["pairs"][0]["kappa"], 3733.0 / 4251.0), "{v}");

    let o = newsmark(
        &[
            "agree",
            ".newsmark/alice/other.ron",
            ".newsmark/bob/story.ron",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("annotate different articles"));
    let o = newsmark(&["agree", "."], d);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--annotators"));
}

/// The curated sessions adjudication writes (`.newsmark/curation/`) are no annotator's: agreement
/// never reads them, even when asked for an annotator of that name.
#[test]
fn a_project_agreement_ignores_the_curation_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("story.txt"), ARTICLE).unwrap();
    import(d, ALICE, "a.ann", ".newsmark/alice/story.ron");
    import(d, BOB, "b.ann", ".newsmark/bob/story.ron");
    let o = newsmark(&["agree", ".", "--annotators", "alice,bob", "--json"], d);
    assert_eq!(o.status.code(), Some(0));
    let before: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    import(d, ALICE, "a.ann", ".newsmark/curation/story.ron");
    let o = newsmark(&["agree", ".", "--annotators", "alice,bob", "--json"], d);
    assert_eq!(o.status.code(), Some(0));
    let after: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(before, after, "the curated session changes nothing");
    let o = newsmark(&["agree", ".", "--annotators", "alice,curation"], d);
    assert_eq!(
        o.status.code(),
        Some(2),
        "the curated session is not an annotator's"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no article of . has a session by every one of alice, curation"),
        "{err}"
    );
}

/// Over several shared articles the text output heads each article and ends with the means.
#[test]
fn a_project_of_several_articles_ends_with_the_means() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("story.txt"), ARTICLE).unwrap();
    import(d, ALICE, "a.ann", ".newsmark/alice/story.ron");
    import(d, BOB, "b.ann", ".newsmark/bob/story.ron");
    // The same article under a second name, annotated alike.
    std::fs::write(d.join("again.txt"), ARTICLE).unwrap();
    for who in ["alice", "bob"] {
        let session = std::fs::read_to_string(d.join(format!(".newsmark/{who}/story.ron")))
            .unwrap()
            .replace("story.txt", "again.txt");
        std::fs::write(d.join(format!(".newsmark/{who}/again.ron")), session).unwrap();
    }
    let o = newsmark(&["agree", ".", "--annotators", "alice,bob"], d);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("again.txt\nA (reference)"), "{out}");
    assert!(
        out.contains("== all 2 articles: means over 2 pairs"),
        "{out}"
    );
    assert!(
        out.contains("attribution 2 of 2 matching quotes alike"),
        "{out}"
    );
}
