//! The session file format: the version 1 fixture keeps loading, newer versions are refused,
//! and opening a session re-anchors against a changed article.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers may panic: a panic is a failed test"
)]

use std::path::Path;

use newsmark::io::document::Document;
use newsmark::io::session_file::{self, LoadError};
use newsmark::model::anchor::Outcome;
use newsmark::model::annotation::KindTag;

const FIXTURE: &str = include_str!("../fixtures/session_v1.ron");
/// The article the version 1 fixture was saved against (the sample before it was cleaned).
const SAMPLE: &str = include_str!("../fixtures/nato.txt");

#[test]
fn v1_fixture_loads_with_all_kinds_and_round_trips() {
    let s = session_file::parse(FIXTURE, Path::new("session_v1.ron")).unwrap();
    assert_eq!(s.format_version, 1);
    assert_eq!(s.speakers.len(), 2);
    for tag in KindTag::ALL {
        assert!(s.count(tag) >= 2, "{tag:?}");
    }
    // Written by this build, read by this build: byte for byte the same.
    assert_eq!(session_file::to_ron(&s).unwrap(), FIXTURE);
}

#[test]
fn v1_fixture_opens_as_a_document_with_its_article() {
    let doc = Document::open(Path::new("tests/fixtures/session_v1.ron")).unwrap();
    assert!(doc.anchor_report.is_none(), "{:?}", doc.notices);
    assert!(doc.notices.is_empty(), "{:?}", doc.notices);
    for a in &doc.session.annotations {
        assert_eq!(doc.text.slice(a.start..a.end), a.exact);
    }
}

#[test]
fn newer_version_is_refused_naming_both_versions() {
    let newer = FIXTURE.replacen("format_version: 1,", "format_version: 2,", 1);
    let e = session_file::parse(&newer, Path::new("future.ron")).unwrap_err();
    assert!(
        matches!(
            e,
            LoadError::Newer {
                found: 2,
                supported: 1,
                ..
            }
        ),
        "{e:?}"
    );
    let msg = e.to_string();
    assert!(
        msg.contains("version 2") && msg.contains("version 1"),
        "{msg}"
    );
}

#[test]
fn version_zero_is_refused() {
    let zero = FIXTURE.replacen("format_version: 1,", "format_version: 0,", 1);
    let msg = session_file::parse(&zero, Path::new("old.ron"))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("version 0"), "{msg}");
}

/// Copies the fixture and its article (as `article`) into a temporary folder, and opens the
/// session.
fn open_with_article(article: &str) -> Document {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = dir.path().join("tests/fixtures");
    std::fs::create_dir_all(&fixtures).unwrap();
    std::fs::write(fixtures.join("nato.txt"), article).unwrap();
    std::fs::write(fixtures.join("session_v1.ron"), FIXTURE).unwrap();
    Document::open(&fixtures.join("session_v1.ron")).unwrap()
}

#[test]
fn crlf_resaved_article_reanchors_all_exact() {
    let doc = open_with_article(&SAMPLE.replace('\n', "\r\n"));
    let report = doc.anchor_report.as_ref().unwrap();
    assert!(report.all_exact(), "{}", report.summary());
    assert!(
        doc.notices.iter().any(|n| n.contains("8 exact")),
        "{:?}",
        doc.notices
    );
    assert!(doc.session.article.had_crlf);
}

#[test]
fn edited_article_reanchors_and_says_what_to_review() {
    let edited = format!(
        "Correction appended.\n\n{}",
        SAMPLE.replace("positive sign", "positiv sign")
    );
    let doc = open_with_article(&edited);
    let report = doc.anchor_report.as_ref().unwrap();
    assert_eq!(report.moved, 7, "{}", report.summary());
    assert!(matches!(
        report
            .outcomes
            .iter()
            .find(|(_, o)| !matches!(o, Outcome::Moved { .. })),
        Some((_, Outcome::Fuzzy { .. }))
    ));
    let notice = doc.notices.last().unwrap();
    assert!(
        notice.contains("the article changed") && notice.contains("1 to review"),
        "{notice}"
    );
    // Annotations stay sorted by position for the rest of the app.
    assert!(
        doc.session
            .annotations
            .windows(2)
            .all(|w| (w[0].start, w[0].end) <= (w[1].start, w[1].end))
    );
}

#[test]
fn source_mentions_annotator_and_publication_round_trip_and_stay_absent_when_unset() {
    use newsmark::model::annotation::{AnnotationId, Kind};
    use newsmark::model::session::ReviewerKind;
    let mut s = session_file::parse(FIXTURE, Path::new("session_v1.ron")).unwrap();
    s.annotator = "Ana Lima".into();
    s.publication.article_url = "https://news.example/nato".into();
    s.publication.reviewer = "Factcheck Desk".into();
    s.publication.reviewer_kind = ReviewerKind::Organization;
    let quote = s
        .annotations
        .iter_mut()
        .find(|a| matches!(a.kind, Kind::Quote(_)))
        .unwrap();
    if let Kind::Quote(q) = &mut quote.kind {
        q.source_mentions = vec![AnnotationId(2), AnnotationId(9)];
    }
    let ron = session_file::to_ron(&s).unwrap();
    assert!(ron.contains("annotator: \"Ana Lima\""), "{ron}");
    assert!(ron.contains("source_mentions: [2, 9]"), "{ron}");
    assert!(ron.contains("reviewer_kind: Organization"), "{ron}");
    assert!(
        !ron.contains("outlet:") && !ron.contains("review_url:"),
        "empty fields are not written"
    );
    let back = session_file::parse(&ron, Path::new("s.ron")).unwrap();
    assert_eq!(back, s);
}

#[test]
fn the_built_in_sample_is_a_clean_article_its_session_fits_exactly() {
    use newsmark::io::sample;
    // No scraping debris ("date 2022-01-07 01/07/2022", "On at 18:50 CET") before the story.
    assert!(
        sample::ARTICLE.starts_with("NATO Secretary General Jens Stoltenberg"),
        "{}",
        &sample::ARTICLE[..80]
    );
    for debris in ["01/07/2022", "On at", "CET"] {
        assert!(!sample::ARTICLE.contains(debris), "{debris}");
    }
    let dir = tempfile::tempdir().unwrap();
    let doc = sample::open_annotated(dir.path()).unwrap();
    assert!(doc.anchor_report.is_none(), "{:?}", doc.notices);
    assert!(doc.notices.is_empty(), "{:?}", doc.notices);
    assert!(doc.session.annotations.len() >= 20);
    for a in &doc.session.annotations {
        assert_eq!(doc.text.slice(a.start..a.end), a.exact);
    }
}

#[test]
fn a_session_of_a_web_page_keeps_its_provenance_and_older_sessions_have_none() {
    let old = session_file::parse(FIXTURE, Path::new("session_v1.ron")).unwrap();
    assert_eq!(old.source, None);
    let mut s = old.clone();
    s.source = Some(newsmark::model::session::PageSource {
        page: "story.html".into(),
        sha256: "ab".repeat(32),
        url: "https://outlet.example/story".into(),
        title: "A headline".into(),
        extractor: "dom_smoothie".into(),
        extractor_version: "0.19.0".into(),
    });
    let ron = session_file::to_ron(&s).unwrap();
    assert!(ron.contains("page: \"story.html\""), "{ron}");
    assert!(ron.contains("extractor: \"dom_smoothie\""), "{ron}");
    assert_eq!(session_file::parse(&ron, Path::new("s.ron")).unwrap(), s);
}
