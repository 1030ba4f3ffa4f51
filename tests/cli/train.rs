//! `newsmark train` and `suggest --model`.

use crate::cli_support::{newsmark, stderr};

const ARTICLE: &str = "The mayor said the bridge would open in May.\n\n\
“We have waited long enough,” said Ann Fox.\n\n\
Tom Hall told reporters that the plan was dead.\n";

const ANN: &str = "T1\tSource 0 9\tThe mayor\n\
T2\tCue 10 14\tsaid\n\
T3\tContent 15 43\tthe bridge would open in May\n\
T10\tAttribution 10 14\tsaid\n\
E1\tAttribution:T10 Content:T3 Cue:T2 Source:T1\n\
T4\tContent 46 75\t“We have waited long enough,”\n\
T5\tCue 76 80\tsaid\n\
T6\tSource 81 88\tAnn Fox\n\
T11\tAttribution 76 80\tsaid\n\
E2\tAttribution:T11 Content:T4 Cue:T5 Source:T6\n\
T7\tSource 91 99\tTom Hall\n\
T8\tCue 100 104\ttold\n\
T9\tContent 120 137\tthe plan was dead\n\
T12\tAttribution 100 104\ttold\n\
E3\tAttribution:T12 Content:T9 Cue:T8 Source:T7\n";

#[test]
fn train_writes_a_model_that_suggest_uses_and_a_damaged_model_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), ARTICLE).unwrap();
    std::fs::write(d.join("in.ann"), ANN).unwrap();
    std::fs::create_dir(d.join("corpus")).unwrap();
    let map = "Content=Quote,Source=Mention,Attribution=skip";
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "in.ann",
            "--article",
            "article.txt",
            "-o",
            "corpus/s.ron",
            "--map",
            map,
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A folder is searched recursively.
    let o = newsmark(&["train", ".", "-o", "m.model", "--seed", "7"], d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(
        e.contains("pass 15 of 15") && e.contains("trained on 1 session(s)"),
        "{e}"
    );
    let first = std::fs::read(d.join("m.model")).unwrap();
    assert!(first.starts_with(b"newsmark-model\n"));
    // The same seed gives the same file.
    let o = newsmark(&["train", "corpus", "-o", "m2.model", "--seed", "7"], d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read(d.join("m2.model")).unwrap(), first);
    let o = newsmark(
        &[
            "suggest",
            "article.txt",
            "--model",
            "m.model",
            "-o",
            "out.ron",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = std::fs::read_to_string(d.join("out.ron")).unwrap();
    assert!(out.contains("the plan was dead"), "{out}");
    // Truncated: a clear one-line error, exit 2, nothing written.
    std::fs::write(d.join("short.model"), &first[..first.len() / 2]).unwrap();
    let o = newsmark(
        &[
            "suggest",
            "article.txt",
            "--model",
            "short.model",
            "-o",
            "x.ron",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("short.model") && e.contains("truncated"), "{e}");
    assert!(!d.join("x.ron").exists());
    // Not a model at all.
    let o = newsmark(&["suggest", "article.txt", "--model", "article.txt"], d);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a newsmark model file"),
        "{}",
        stderr(&o)
    );
    // No sessions: an error, not an empty model.
    std::fs::create_dir(d.join("empty")).unwrap();
    let o = newsmark(&["train", "empty", "-o", "e.model"], d);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no session files"), "{}", stderr(&o));
    assert!(!d.join("e.model").exists());
}
