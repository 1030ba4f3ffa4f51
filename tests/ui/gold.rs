//! The hand-annotated sample (`saves/nato_russia_2022-01-07.ron`, made through the window by
//! `examples/annotate_sample.rs`) is the gold standard later features are measured against.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use std::path::Path;

use newsmark::io::document::Document;
use newsmark::model::annotation::{CheckWorthiness, Kind, KindTag};
use newsmark::model::search::find_names;

fn gold() -> Document {
    Document::open_session(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/nato_russia_2022-01-07.ron"),
    )
    .unwrap()
}

#[test]
fn gold_session_anchors_exactly_on_the_bundled_article() {
    let doc = gold();
    assert!(doc.anchor_report.as_ref().is_none_or(|r| r.all_exact()));
    for a in &doc.session.annotations {
        assert_eq!(doc.text.slice(a.start..a.end), a.exact, "#{}", a.id.0);
    }
}

#[test]
fn every_mention_of_stoltenberg_is_marked_and_linked() {
    let doc = gold();
    let s = &doc.session;
    let jens = s.speaker_called("Jens Stoltenberg").unwrap();
    assert_eq!(jens.role, "NATO Secretary General");
    for alias in [
        "Stoltenberg",
        "the Norwegian politician",
        "the Secretary General of NATO",
    ] {
        assert!(jens.is_called(alias), "{alias}");
    }
    let names = std::iter::once(jens.name.as_str()).chain(jens.aliases.iter().map(String::as_str));
    let occurrences = find_names(&doc.text, names);
    // "Jens Stoltenberg", three more "Stoltenberg", and the two descriptions.
    assert_eq!(occurrences.len(), 6);
    for span in occurrences {
        let m = s
            .annotations
            .iter()
            .find(|a| a.start == span.start && a.end == span.end)
            .unwrap_or_else(|| panic!("{:?} not marked", doc.text.slice(span.start..span.end)));
        assert!(matches!(&m.kind, Kind::Mention(x) if x.speaker == Some(jens.id)));
    }
    // Pronouns refer to him too, without becoming aliases.
    let he = s.annotations.iter().filter(|a| a.exact == "he").count();
    assert_eq!(he, 2);
    assert!(!jens.is_called("he"));
}

#[test]
fn every_quote_has_a_speaker_and_the_attributed_ones_a_cue() {
    let doc = gold();
    let quotes: Vec<_> = doc
        .session
        .annotations
        .iter()
        .filter_map(|a| match &a.kind {
            Kind::Quote(q) => Some((a, q)),
            _ => None,
        })
        .collect();
    assert_eq!(quotes.len(), 11);
    assert!(quotes.iter().all(|(_, q)| q.speaker.is_some()));
    let cued = quotes.iter().filter(|(_, q)| q.cue.is_some()).count();
    assert_eq!(cued, 10, "all but the “for whom” phrase have a verb");
    let cues: Vec<&str> = quotes
        .iter()
        .filter_map(|(_, q)| q.cue.map(|c| doc.text.slice(c.start..c.end)))
        .collect();
    for verb in [
        "assured",
        "said",
        "celebrated",
        "reiterated",
        "specifying",
        "noted",
        "wished",
    ] {
        assert!(cues.contains(&verb), "{verb}");
    }
    let split = quotes.iter().find(|(_, q)| !q.more.is_empty()).unwrap();
    assert!(split.0.exact.starts_with("We are always prepared"));
    let part = split.1.more[0];
    assert!(
        doc.text
            .slice(part.start..part.end)
            .starts_with("the dialogue to be meaningful")
    );
}

#[test]
fn checkable_claims_are_rated_and_linked_to_their_quotes() {
    let doc = gold();
    let s = &doc.session;
    let claims: Vec<_> = s
        .annotations
        .iter()
        .filter_map(|a| match &a.kind {
            Kind::Claim(c) => Some((a, c)),
            _ => None,
        })
        .collect();
    assert_eq!(claims.len(), 8);
    assert!(
        claims
            .iter()
            .all(|(_, c)| c.check_worthiness != CheckWorthiness::Unrated)
    );
    let high = claims
        .iter()
        .filter(|(_, c)| c.check_worthiness == CheckWorthiness::High)
        .count();
    assert_eq!(high, 5);
    let troops = claims
        .iter()
        .find(|(a, _)| a.exact.contains("tens of thousands"))
        .unwrap();
    let quote = s.annotation(troops.1.in_quote.unwrap()).unwrap();
    assert!(quote.exact.starts_with("We regret that"));
    let outlet = claims
        .iter()
        .find(|(a, _)| a.exact.contains("moratorium"))
        .unwrap();
    assert_eq!(outlet.1.speaker, None, "the outlet's own claim");
    assert_eq!(s.count(KindTag::Mention), 10);
}

#[test]
fn gold_session_opens_in_the_window_and_passes_check() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/nato_russia_2022-01-07.ron");
    let dir = tempfile::tempdir().unwrap();
    let h = common::harness_for(&path, dir.path());
    assert_eq!(h.state().document().unwrap().session.annotations.len(), 29);
    assert!(!h.state().is_dirty());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
