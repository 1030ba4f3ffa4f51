//! brat import of corpora made elsewhere: type maps, attribution events, offset conventions,
//! and an account of every line (fixtures written here in the PolNeAR style, no corpus text).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use crate::cli_support;
use cli_support::newsmark;

use newsmark::io::formats::brat::{self, TypeMap};
use newsmark::model::annotation::{Kind, Span};
use newsmark::model::session::ArticleRef;
use newsmark::model::text::ArticleText;

const STORY: &str = "Mayor Lima said the bridge would reopen in May. She added that the \
                     budget was fine. She also said, “We are on time.”\n";

/// Offsets of the first occurrence of `needle` at or after `from`, in code points.
fn find(text: &str, needle: &str, from: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let n: Vec<char> = needle.chars().collect();
    let start = (from..chars.len())
        .find(|&i| chars[i..].starts_with(&n))
        .expect(needle);
    (start, start + n.len())
}

/// A PolNeAR-style file: Source, Cue, Content and an Attribution trigger tied by events.
fn polnear_style() -> String {
    let t = |id: &str, ty: &str, needle: &str, from: usize| {
        let (s, e) = find(STORY, needle, from);
        format!("{id}\t{ty} {s} {e}\t{needle}\n")
    };
    let she2 = find(STORY, "She also", 0).0;
    [
        t("T1", "Source", "Mayor Lima", 0),
        t("T2", "Cue", "said", 0),
        t("T3", "Content", "the bridge would reopen in May", 0),
        t("T4", "Attribution", "said", 0),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n".to_owned(),
        t("T5", "Source", "She", 0),
        t("T6", "Cue", "added", 0),
        t("T7", "Content", "that the budget was fine", 0),
        t("T8", "Attribution", "added", 0),
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n".to_owned(),
        t("T9", "Source", "She", she2),
        t("T10", "Cue", "said", she2),
        t("T11", "Content", "“We are on time.”", 0),
        t("T12", "Attribution", "said", she2),
        t("T13", "Source", "Mayor Lima", 0),
        "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9 Source2:T13\n".to_owned(),
    ]
    .concat()
}

const MAP: &str = "Content=Quote,Source=Mention,Cue=Cue,Attribution=skip";

#[test]
fn events_become_quotes_with_cue_and_every_source() {
    let text = ArticleText::new(STORY.into());
    let map = TypeMap::parse(MAP).unwrap();
    let r = brat::import_with(&polnear_style(), &text, ArticleRef::default(), &map).unwrap();
    assert!(r.dropped.is_empty(), "{:?}", r.dropped);
    let s = &r.session;
    let quotes: Vec<_> = s
        .annotations
        .iter()
        .filter_map(|a| match &a.kind {
            Kind::Quote(q) => Some((a, q)),
            _ => None,
        })
        .collect();
    assert_eq!(quotes.len(), 3);
    let exact = |id| s.annotation(id).unwrap().exact.clone();
    let (last, q) = quotes[2];
    assert_eq!(last.exact, "“We are on time.”");
    let cue = q.cue.unwrap();
    assert_eq!(text.slice(cue.start..cue.end), "said");
    // Both sources of E3 are kept, in order.
    let sources: Vec<String> = q.source_mentions.iter().map(|id| exact(*id)).collect();
    assert_eq!(sources, ["She", "Mayor Lima"]);
    // "She" names nobody: no speaker called "She", and the two "She"s stay two mentions.
    assert!(
        s.speakers.iter().all(|sp| sp.name != "She"),
        "{:?}",
        s.speakers
    );
    assert_eq!(s.speakers.len(), 1);
    assert_eq!(s.speakers[0].name, "Mayor Lima");
    let second = quotes[1].1;
    assert_eq!(second.speaker, None);
    assert_eq!(second.source_mentions.len(), 1);
    // The account: every line read, the triggers skipped by the map, nothing dropped.
    let lines = r.tally.lines();
    for want in [
        "Content: read 3, kept 3, skipped 0, dropped 0",
        "Cue: read 3, kept 3, skipped 0, dropped 0",
        "Source: read 4, kept 4, skipped 0, dropped 0",
        "Attribution: read 3, kept 0, skipped 3, dropped 0",
        "event Attribution: read 3, kept 3, skipped 0, dropped 0",
    ] {
        assert!(lines.iter().any(|l| l == want), "{want} not in {lines:?}");
    }
}

#[test]
fn a_split_content_and_a_cue_without_a_quote_are_accounted_for() {
    let text = ArticleText::new(STORY.into());
    let (a, b) = (find(STORY, "the bridge", 0), find(STORY, "in May", 0));
    let cue = find(STORY, "added", 0);
    let ann = format!(
        "T1\tContent {} {}\tthe bridge\nT2\tContent {} {}\tin May\nT3\tAttribution 10 14\tsaid\n\
         E1\tAttribution:T3 Content:T1 Content2:T2\nT4\tCue {} {}\tadded\n",
        a.0, a.1, b.0, b.1, cue.0, cue.1
    );
    let map = TypeMap::parse(MAP).unwrap();
    let r = brat::import_with(&ann, &text, ArticleRef::default(), &map).unwrap();
    let quotes: Vec<_> = r
        .session
        .annotations
        .iter()
        .filter_map(|x| match &x.kind {
            Kind::Quote(q) => Some((x.span(), q.more.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(quotes, [(Span::new(a.0, a.1), vec![Span::new(b.0, b.1)])]);
    assert_eq!(r.dropped.len(), 1, "{:?}", r.dropped);
    assert!(r.dropped[0].contains("cue T4 belongs to no quote"));
    assert!(
        r.tally
            .lines()
            .contains(&"Cue: read 1, kept 0, skipped 0, dropped 1".to_owned())
    );
}

#[test]
fn the_cli_maps_types_reports_each_type_and_exits_1_on_loss() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("story.txt"), STORY).unwrap();
    std::fs::write(d.join("story.ann"), polnear_style()).unwrap();
    let args = [
        "import",
        "-f",
        "brat",
        "story.ann",
        "--article",
        "story.txt",
        "-o",
    ];
    // Without a map nothing of PolNeAR's types is ours: dropped with a hint, exit 2.
    let o = newsmark(&[&args[..], &["s.ron"]].concat(), d);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(
        e.contains("entity type “Content” is not Claim, Quote, Mention or Cue"),
        "{e}"
    );
    assert!(e.contains("--map"), "{e}");
    // With the map: everything kept or deliberately skipped, exit 0, one line per type.
    let o = newsmark(&[&args[..], &["s.ron", "--map", MAP]].concat(), d);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(
        e.contains("  Attribution: read 3, kept 0, skipped 3, dropped 0"),
        "{e}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("imported 7 annotation(s)"));
    // A malformed line makes it exit 1, with the reason.
    let mut broken = polnear_style();
    broken.push_str("T99\tContent 5 900\tnowhere\n");
    std::fs::write(d.join("broken.ann"), broken).unwrap();
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "broken.ann",
            "--article",
            "story.txt",
            "-o",
            "b.ron",
            "--map",
            MAP,
        ],
        d,
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("T99: offsets lie outside the article"), "{e}");
    assert!(
        e.contains("  Content: read 4, kept 3, skipped 0, dropped 1"),
        "{e}"
    );
}

#[test]
fn offsets_that_count_a_bom_and_crlf_are_converted_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // INCEpTION / bratly style: offsets into the raw file with its BOM and CR LF.
    let raw = "\u{feff}Geneva, 3 May\r\nTedros Adhanom Ghebreyesus told reporters 😀 “é\u{301}” today.\r\n";
    std::fs::write(d.join("who.txt"), raw).unwrap();
    let raw_chars: Vec<char> = raw.chars().collect();
    let span = |needle: &str| {
        let n: Vec<char> = needle.chars().collect();
        let s = (0..raw_chars.len())
            .find(|&i| raw_chars[i..].starts_with(&n))
            .unwrap();
        (s, s + n.len())
    };
    let (a, b) = (span("Tedros Adhanom Ghebreyesus"), span("told"));
    std::fs::write(
        d.join("who.ann"),
        format!(
            "T1\tMention {} {}\tTedros Adhanom Ghebreyesus\nT2\tClaim {} {}\ttold\n",
            a.0, a.1, b.0, b.1
        ),
    )
    .unwrap();
    let o = newsmark(
        &[
            "import",
            "-f",
            "brat",
            "who.ann",
            "--article",
            "who.txt",
            "-o",
            "w.ron",
        ],
        d,
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(
        e.contains("the offsets count the byte-order mark and CR LF line endings as characters"),
        "{e}"
    );
    let o = newsmark(&["export", "w.ron", "-f", "brat"], d);
    let ann = String::from_utf8_lossy(&o.stdout);
    // Normalized: no BOM, LF — "Tedros" starts right after "Geneva, 3 May\n" (14).
    assert!(
        ann.starts_with("T1\tMention 14 40\tTedros Adhanom Ghebreyesus\n"),
        "{ann}"
    );
    let o = newsmark(&["check", "w.ron"], d);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn source_mentions_survive_brat_and_w3c_round_trips() {
    use newsmark::io::document::Document;
    use newsmark::io::formats::w3c;
    let text = ArticleText::new(STORY.into());
    let map = TypeMap::parse(MAP).unwrap();
    let r = brat::import_with(&polnear_style(), &text, ArticleRef::default(), &map).unwrap();
    let doc = Document {
        session: r.session.clone(),
        text: text.clone(),
        session_path: None,
        notices: Vec::new(),
        anchor_report: None,
    };
    let sources = |s: &newsmark::model::session::Session| -> Vec<Vec<String>> {
        s.annotations
            .iter()
            .filter(|a| matches!(a.kind, Kind::Quote(_)))
            .map(|a| {
                a.kind
                    .source_mentions()
                    .iter()
                    .map(|id| s.annotation(*id).unwrap().exact.clone())
                    .collect()
            })
            .collect()
    };
    let want = [
        vec!["Mayor Lima".to_owned()],
        vec!["She".into()],
        vec!["She".into(), "Mayor Lima".into()],
    ];
    // The first quote's one source is its speaker's nearest mention: implied, not stored.
    let stored = sources(&r.session);
    assert_eq!(stored[1..], want[1..], "{stored:?}");
    let files = brat::export(&doc);
    let (back, warnings) = brat::import(&files.ann, &text, ArticleRef::default()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(sources(&back), stored);
    assert_eq!(
        brat::export(&Document {
            session: back,
            ..doc.clone()
        })
        .ann,
        files.ann
    );
    let json = w3c::export(&doc);
    assert!(json.contains("newsmark:sourceMentions"));
    let (back, warnings) = w3c::import(&json, &text, ArticleRef::default()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(sources(&back), stored);
}

#[test]
fn an_absent_quote_type_stays_absent() {
    use newsmark::io::document::Document;
    use newsmark::model::annotation::QuoteType;
    let text = ArticleText::new(STORY.into());
    let map = TypeMap::parse(MAP).unwrap();
    let r = brat::import_with(&polnear_style(), &text, ArticleRef::default(), &map).unwrap();
    assert!(r.session.annotations.iter().all(|a| match &a.kind {
        Kind::Quote(q) => q.quote_type == QuoteType::Unspecified,
        _ => true,
    }));
    let doc = Document {
        session: r.session,
        text,
        session_path: None,
        notices: Vec::new(),
        anchor_report: None,
    };
    let ann = brat::export(&doc).ann;
    assert!(!ann.contains("QuoteType"), "{ann}");
    assert!(!newsmark::io::formats::w3c::export(&doc).contains("quoteType"));
}

/// A quote in four parts comes out with its further parts in text order, every time: the
/// same file always gives the same session.
#[test]
fn the_parts_of_a_quote_come_in_text_order_every_time() {
    let text = ArticleText::new(STORY.into());
    let parts = ["the bridge", "would reopen", "in May", "the budget"];
    let spans: Vec<(usize, usize)> = parts.iter().map(|p| find(STORY, p, 0)).collect();
    let mut ann = String::new();
    for (i, (p, s)) in parts.iter().zip(&spans).enumerate() {
        ann.push_str(&format!("T{}\tContent {} {}\t{p}\n", i + 1, s.0, s.1));
    }
    // The event lists the parts out of order.
    ann.push_str("E1\tContent:T1 Content2:T4 Content3:T2 Content4:T3\n");
    let map = TypeMap::parse(MAP).unwrap();
    let expected: Vec<Span> = spans[1..].iter().map(|s| Span::new(s.0, s.1)).collect();
    for _ in 0..20 {
        let r = brat::import_with(&ann, &text, ArticleRef::default(), &map).unwrap();
        let more: Vec<Vec<Span>> = r
            .session
            .annotations
            .iter()
            .filter_map(|x| match &x.kind {
                Kind::Quote(q) => Some(q.more.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(more, std::slice::from_ref(&expected));
    }
}

/// A corpus folder named ARTICLE_ANNOTATOR.ann (PolNeAR) imported into a project: each
/// annotator's sessions land in PROJECT/.newsmark/ANNOTATOR/, ready for the window and agree.
#[test]
fn a_corpus_folder_imports_into_a_project_one_folder_per_annotator() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("project")).unwrap();
    std::fs::create_dir_all(d.join("ann")).unwrap();
    std::fs::write(d.join("project/story.txt"), STORY).unwrap();
    for annotator in ["ana", "bob"] {
        std::fs::write(
            d.join(format!("ann/story_{annotator}.ann")),
            polnear_style(),
        )
        .unwrap();
    }
    let o = newsmark(
        &[
            "import",
            "ann",
            "-f",
            "brat",
            "--project",
            "project",
            "--map",
            MAP,
        ],
        d,
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{e}");
    assert!(
        e.contains("imported 2 of 2 file(s) completely into the project project"),
        "{e}"
    );
    for annotator in ["ana", "bob"] {
        let path = d.join(format!("project/.newsmark/{annotator}/story.ron"));
        let s = newsmark::io::session_file::load(&path).unwrap();
        assert_eq!(s.count(newsmark::model::annotation::KindTag::Quote), 3);
    }
    let o = newsmark(&["agree", "project", "--annotators", "ana,bob"], d);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("attribution: 3 of 3 matching quotes"));
    // An article outside the project is refused, not silently written elsewhere.
    std::fs::write(d.join("other.txt"), STORY).unwrap();
    std::fs::write(d.join("ann/other.ann"), polnear_style()).unwrap();
    let o = newsmark(
        &[
            "import",
            "ann",
            "-f",
            "brat",
            "--project",
            "project",
            "--article-dir",
            ".",
            "--map",
            MAP,
        ],
        d,
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not inside the project"));
    assert_ne!(o.status.code(), Some(0));
}
