//! Who said what, in the window: the open quote takes the cue (U), a further part (+) and the
//! source mention (W), by keyboard alone too; a cue another quote uses is never taken
//! silently; a pronoun is a mention of the speaker named last; a claim inside a quote is the
//! quote's speaker's; an article that has a session opens it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use std::path::Path;

use common::{drag_select, find, harness_for, mark};
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsmark::model::annotation::{Annotation, Kind, Span};
use newsmark::ui::NewsmarkApp;

/// Two quotes in separate paragraphs, each with its own "said", a pronoun and a claim inside
/// a quote; curly quotes, an emoji and a combining mark before them, so code points and
/// bytes differ.
const ARTICLE: &str = "Rotterdam 🚢 café\u{301} — Marieke Jansen spoke first.\n\n\
“We are not going back to work until 40 million euros are paid,” Jansen said on Monday.\n\n\
“The port is closed,” a spokesman said in a statement. He added: “Ships wait at sea.”\n";

fn write_article(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("port_strike.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    path
}

fn ctrl(h: &mut Harness<'_, NewsmarkApp>, key: Key) {
    h.event_modifiers(
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::COMMAND,
        },
        Modifiers::COMMAND,
    );
    h.run_steps(2);
}

/// Ctrl+F, types `query` into the search field, Enter: the first match becomes the selection.
fn find_by_keyboard(h: &mut Harness<'_, NewsmarkApp>, query: &str) {
    ctrl(h, Key::F);
    ctrl(h, Key::A);
    h.event(Event::Text(query.to_owned()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(2);
}

fn key(h: &mut Harness<'_, NewsmarkApp>, k: Key) {
    h.key_press(k);
    h.run_steps(3);
}

fn annotation_at<'a>(h: &'a Harness<'_, NewsmarkApp>, needle: &str) -> &'a Annotation {
    let (s, e) = find(h, needle);
    h.state()
        .document()
        .unwrap()
        .session
        .annotations
        .iter()
        .find(|a| a.start == s && a.end == e)
        .unwrap_or_else(|| panic!("no annotation on {needle:?}"))
}

fn cue_of(a: &Annotation) -> Option<Span> {
    match &a.kind {
        Kind::Quote(q) => q.cue,
        _ => None,
    }
}

#[test]
fn keyboard_only_find_q_find_u_w_sets_the_cue_and_source_of_the_quote_just_made() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path());
    let mut h = harness_for(&article, &dir.path().join("saves"));
    // An earlier quote with its cue, clicked last: the old trap sent U there.
    let first = "“We are not going back to work until 40 million euros are paid,”";
    mark(&mut h, first, Key::Q);
    let (s, e) = find(&h, "said on Monday");
    drag_select(&mut h, s, s + 4);
    key(&mut h, Key::U);
    let first_cue = Span::new(s, s + 4);
    assert_eq!(cue_of(annotation_at(&h, first)), Some(first_cue));
    let _ = e;

    find_by_keyboard(&mut h, "“The port is closed,”");
    key(&mut h, Key::Q);
    let quote = annotation_at(&h, "“The port is closed,”").id;
    assert_eq!(h.state().open_quote(), Some(quote));
    h.get_by_label_contains("Open quote: quote #");

    find_by_keyboard(&mut h, "said in a statement");
    key(&mut h, Key::U);
    let said = find(&h, "said in a statement");
    let status = h.state().status().to_owned();
    assert!(
        status.starts_with("Cue “said in a statement” for quote #")
            && status.contains("The port is closed"),
        "{status}"
    );
    assert_eq!(
        cue_of(annotation_at(&h, "“The port is closed,”")),
        Some(Span::new(said.0, said.1))
    );
    // The first quote's cue is untouched.
    assert_eq!(cue_of(annotation_at(&h, first)), Some(first_cue));

    find_by_keyboard(&mut h, "a spokesman");
    key(&mut h, Key::W);
    let status = h.state().status().to_owned();
    assert!(
        status.starts_with("Source “a spokesman” (no speaker) for quote #"),
        "{status}"
    );
    let mention = annotation_at(&h, "a spokesman");
    assert!(matches!(mention.kind, Kind::Mention(_)));
    let mention_id = mention.id;
    let q = annotation_at(&h, "“The port is closed,”");
    assert_eq!(q.kind.source_mentions(), [mention_id]);
    // Drawn: one connector from the cue, one from the source, to the open quote.
    h.run_steps(2);
    assert_eq!(h.state().article_view().connectors_drawn(), 2);
    // Closing the open quote draws none, and U then asks for a quote.
    h.get_by_label("Close the open quote").click();
    h.run_steps(3);
    assert_eq!(h.state().open_quote(), None);
    assert_eq!(h.state().article_view().connectors_drawn(), 0);
    // Hovering the source mention tells which quote it sources.
    let doc = h.state().document().unwrap();
    let said = newsmark::ui::article_view::describe(doc, mention_id);
    assert!(said.contains("source of quote #"), "{said}");
}

#[test]
fn a_cue_another_quote_uses_asks_share_move_or_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path());
    let mut h = harness_for(&article, &dir.path().join("saves"));
    mark(&mut h, "“The port is closed,”", Key::Q);
    let (s, _) = find(&h, "said in a statement");
    drag_select(&mut h, s, s + 4);
    key(&mut h, Key::U);
    mark(&mut h, "“Ships wait at sea.”", Key::Q);
    // The same "said" for the second quote: asked, and Esc leaves both as they were.
    drag_select(&mut h, s, s + 4);
    key(&mut h, Key::U);
    assert!(h.state().status().contains("is already the cue of quote #"));
    h.get_by_label("Esc · Cancel");
    key(&mut h, Key::Escape);
    assert_eq!(cue_of(annotation_at(&h, "“Ships wait at sea.”")), None);
    assert!(
        h.state().status().starts_with("Nothing changed"),
        "{}",
        h.state().status()
    );
    // Again, and share it: both quotes use it.
    drag_select(&mut h, s, s + 4);
    key(&mut h, Key::U);
    key(&mut h, Key::Enter);
    let said = Some(Span::new(s, s + 4));
    assert_eq!(cue_of(annotation_at(&h, "“Ships wait at sea.”")), said);
    assert_eq!(cue_of(annotation_at(&h, "“The port is closed,”")), said);
    assert!(
        h.state().status().contains("shared with quote #"),
        "{}",
        h.state().status()
    );
    // Undo, then move it: only the open quote keeps it.
    ctrl(&mut h, Key::Z);
    drag_select(&mut h, s, s + 4);
    key(&mut h, Key::U);
    h.get_by_label("Shift+Enter · Move it to this quote only")
        .click();
    h.run_steps(3);
    assert_eq!(cue_of(annotation_at(&h, "“Ships wait at sea.”")), said);
    assert_eq!(cue_of(annotation_at(&h, "“The port is closed,”")), None);
}

#[test]
fn a_pronoun_is_a_mention_of_the_speaker_named_last_and_a_claim_in_a_quote_is_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path());
    let mut h = harness_for(&article, &dir.path().join("saves"));
    mark(&mut h, "Marieke Jansen", Key::M);
    // Someone is current, so an unknown name asks; Enter makes a new speaker.
    mark(&mut h, "a spokesman", Key::M);
    key(&mut h, Key::Enter);
    // "He" asks too, and Enter makes it a mention of the spokesman, named last before it.
    mark(&mut h, "He", Key::M);
    h.get_by_label_contains("is a pronoun: who does it refer to?");
    assert!(h.query_by_label_contains("New speaker “He”").is_none());
    key(&mut h, Key::Enter);
    let session = &h.state().document().unwrap().session;
    assert!(
        session.speaker_called("He").is_none(),
        "no speaker named He"
    );
    let spokesman = annotation_at(&h, "a spokesman").kind.speaker();
    assert!(spokesman.is_some());
    assert_eq!(annotation_at(&h, "He").kind.speaker(), spokesman);

    // Her quote is made while the spokesman is current; W on her name sets its source, and
    // the source decides who is quoted (the status says whom it replaced).
    let quote_text = "“We are not going back to work until 40 million euros are paid,”";
    mark(&mut h, quote_text, Key::Q);
    assert!(
        h.state().status().contains("credited to a spokesman"),
        "{}",
        h.state().status()
    );
    let (s, e) = find(&h, "Marieke Jansen");
    drag_select(&mut h, s, e);
    key(&mut h, Key::W);
    let jansen = annotation_at(&h, "Marieke Jansen");
    let (jansen_id, jansen_speaker) = (jansen.id, jansen.kind.speaker());
    let q = annotation_at(&h, quote_text);
    assert_eq!(q.kind.source_mentions(), [jansen_id]);
    assert_eq!(q.kind.speaker(), jansen_speaker);
    assert!(
        h.state().status().contains("was a spokesman"),
        "{}",
        h.state().status()
    );

    // A claim inside her quote is hers, although the spokesman is still current.
    mark(&mut h, "40 million euros", Key::C);
    assert_eq!(
        annotation_at(&h, "40 million euros").kind.speaker(),
        jansen_speaker
    );
    assert!(
        h.state().status().contains("the quote's speaker"),
        "{}",
        h.state().status()
    );
}

#[test]
fn opening_an_article_that_has_a_session_opens_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path());
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    mark(&mut h, "“The port is closed,”", Key::Q);
    ctrl(&mut h, Key::S);
    let saved = saves.join("port_strike.ron");
    assert!(saved.is_file(), "{}", h.state().status());
    // Open the article again: the session comes back, and saving writes no port_strike-2.ron.
    let app = NewsmarkApp::new(saves.clone()).typed_paths_only();
    let mut h = common::harness(app);
    ctrl(&mut h, Key::O);
    common::type_path(&mut h, &article, "Open");
    h.run_steps(3);
    assert_eq!(
        h.state().document().unwrap().session.annotations.len(),
        1,
        "{}",
        h.state().status()
    );
    assert!(
        h.state().status().contains("has a session already"),
        "{}",
        h.state().status()
    );
    mark(&mut h, "a spokesman", Key::M);
    ctrl(&mut h, Key::S);
    assert!(!saves.join("port_strike-2.ron").exists());
    let text = std::fs::read_to_string(&saved).unwrap();
    assert_eq!(
        text.matches("Quote(").count() + text.matches("Mention(").count(),
        2,
        "{text}"
    );
}

/// The outlet corrects a figure: the claim on it is matched approximately, flagged, and its
/// verdict reset to Unchecked until the user keeps it; a sentence cut from the article is
/// "not found", with its old context and no made-up offsets.
#[test]
fn a_revision_that_changes_a_figure_resets_the_verdict_and_an_orphan_shows_no_offsets() {
    use newsmark::model::annotation::{Claim, Verdict};
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path());
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    mark(&mut h, "until 40 million euros are paid", Key::C);
    mark(&mut h, "Ships wait at sea.", Key::C);
    // Verdict True on the figure, through the editor.
    let claim = annotation_at(&h, "until 40 million euros are paid").id;
    let mut checked = h
        .state()
        .document()
        .unwrap()
        .session
        .annotation(claim)
        .unwrap()
        .clone();
    if let Kind::Claim(c) = &mut checked.kind {
        *c = Claim {
            verdict: Verdict::True,
            ..c.clone()
        };
    }
    let session_path = saves.join("port_strike.ron");
    ctrl(&mut h, Key::S);
    // Write the verdict into the saved file as the editor would have.
    let mut saved = newsmark::io::session_file::load(&session_path).unwrap();
    for a in &mut saved.annotations {
        if a.id == claim {
            *a = checked.clone();
        }
    }
    saved.article.path = article.display().to_string();
    let text = ron::ser::to_string_pretty(&saved, ron::ser::PrettyConfig::default()).unwrap();
    std::fs::write(&session_path, text).unwrap();

    // The correction: 40 becomes 45, and the last sentence is cut.
    let corrected = ARTICLE
        .replace("40 million", "45 million")
        .replace(" He added: “Ships wait at sea.”", "");
    std::fs::write(&article, corrected).unwrap();
    let (app, err) = NewsmarkApp::new(saves.clone())
        .typed_paths_only()
        .open_now(&session_path);
    assert!(err.is_none());
    let mut h = common::harness(app);
    let doc = h.state().document().unwrap();
    let report = doc.anchor_report.as_ref().unwrap();
    let change = report.fact_changes.iter().find(|f| f.id == claim).unwrap();
    assert_eq!(change.what, "numbers were 40, now 45");
    assert_eq!(change.verdict_was, Some(Verdict::True));
    let now = doc.session.annotation(claim).unwrap();
    assert!(matches!(&now.kind, Kind::Claim(c) if c.verdict == Verdict::Unchecked));
    assert!(
        h.state().status().contains("verdict(s) reset to Unchecked"),
        "{}",
        h.state().status()
    );
    // The review says what changed and offers to keep the verdict.
    h.get_by_label("Changed: numbers were 40, now 45");
    h.get_by_label("Keep “True”").click();
    h.run_steps(3);
    let now = h
        .state()
        .document()
        .unwrap()
        .session
        .annotation(claim)
        .unwrap()
        .clone();
    assert!(matches!(&now.kind, Kind::Claim(c) if c.verdict == Verdict::True));
    // The orphan: its old context, no offsets, and a way to where it was.
    h.get_by_label_contains("[Ships wait at sea.]");
    h.get_by_label("Show where it was").click();
    h.run_steps(3);
    // Its context went with it, so the caret goes to its old offset: the end of the text now.
    let at = h.state().selection().unwrap();
    let len = h.state().document().unwrap().text.len_chars();
    assert_eq!((at.start, at.end), (len, len));
    assert!(
        h.query_by_label_contains("193–").is_none(),
        "no made-up offsets"
    );
}

/// Reopening a session makes nobody current (not the registry's first speaker), so a claim is
/// credited to the outlet until someone is named or picked, and the status bar says so.
#[test]
fn a_reopened_session_credits_nobody_until_someone_is_picked() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path());
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    mark(&mut h, "Marieke Jansen", Key::M);
    ctrl(&mut h, Key::S);
    let session = saves.join("port_strike.ron");
    let (app, err) = NewsmarkApp::new(saves.clone())
        .typed_paths_only()
        .open_now(&session);
    assert!(err.is_none());
    let mut h = common::harness(app);
    mark(&mut h, "Ships wait at sea.", Key::C);
    assert_eq!(annotation_at(&h, "Ships wait at sea.").kind.speaker(), None);
    assert!(
        h.state().status().contains("credited to the outlet"),
        "{}",
        h.state().status()
    );
    // Picking speaker 1 credits her.
    key(&mut h, Key::Num1);
    mark(&mut h, "The port is closed", Key::C);
    let jansen = annotation_at(&h, "Marieke Jansen").kind.speaker();
    assert_eq!(
        annotation_at(&h, "The port is closed").kind.speaker(),
        jansen
    );
}
