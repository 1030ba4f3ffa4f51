//! Several hands on one project: import never lands two inputs in one session, never replaces
//! an annotator's session unless asked, and the CLI writers respect a window's lock.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use crate::cli_support;
use crate::common;
use cli_support::{newsmark, stderr, stdout};
use common::{copy_sample, harness_for, mark};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use std::path::{Path, PathBuf};

const ARTICLE: &str =
    "Jens Stoltenberg said: “We regret this.”\nOfficials added that troops had left.\n";
const ANN: &str = "T1\tMention 0 16\tJens Stoltenberg\nT2\tQuote 23 40\t“We regret this.”\n";

/// A project `p` with `story.txt`, and an empty folder `anns` for annotation files.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_owned();
    std::fs::create_dir_all(d.join("p")).unwrap();
    std::fs::create_dir_all(d.join("anns")).unwrap();
    std::fs::write(d.join("p/story.txt"), ARTICLE).unwrap();
    (dir, d)
}

fn import(d: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["import", "-f", "brat", "anns", "--project", "p"];
    args.extend_from_slice(extra);
    newsmark(&args, d)
}

fn sessions(d: &Path) -> Vec<String> {
    let root = d.join("p/.newsmark");
    let mut out = Vec::new();
    for a in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(a.path()).unwrap().flatten() {
            out.push(format!(
                "{}/{}",
                a.file_name().to_string_lossy(),
                f.file_name().to_string_lossy()
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn annotator_names_that_are_no_names_are_refused() {
    let (_keep, d) = setup();
    for name in ["story_..ann", "story_ .ann", "story_.ann", "story_a\\b.ann"] {
        std::fs::write(d.join("anns").join(name), ANN).unwrap();
    }
    let o = import(&d, &[]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(e.contains("is . or .."), "{e}");
    assert!(e.contains("is empty or blank"), "{e}");
    assert!(e.contains("path separator"), "{e}");
    assert!(e.contains("imported 0 of 4"), "{e}");
    assert!(sessions(&d).is_empty(), "{:?}", sessions(&d));
    let o = import(&d, &["--annotator", ".."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--annotator \"..\" is . or .."),
        "{}",
        stderr(&o)
    );
    assert!(e.lines().all(|l| l.chars().count() <= 300), "{e}");
}

#[test]
fn two_inputs_for_one_session_are_both_refused_naming_both() {
    let (_keep, d) = setup();
    std::fs::write(d.join("anns/story_ana.ann"), ANN).unwrap();
    std::fs::write(d.join("anns/story_.ana.ann"), ANN).unwrap();
    std::fs::write(d.join("anns/story_bob.ann"), ANN).unwrap();
    let o = import(&d, &[]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    let line = e
        .lines()
        .find(|l| l.contains("would both be written"))
        .unwrap();
    assert!(
        line.contains("story_.ana.ann") && line.contains("story_ana.ann"),
        "{line}"
    );
    assert_eq!(sessions(&d), ["bob/story.ron"]);
}

#[test]
fn an_existing_session_is_kept_unless_replace_then_its_bak_is_reported() {
    let (_keep, d) = setup();
    std::fs::write(d.join("anns/story_ana.ann"), ANN).unwrap();
    let o = import(&d, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let session = d.join("p/.newsmark/ana/story.ron");
    let mine = std::fs::read_to_string(&session).unwrap() + "// mine\n";
    std::fs::write(&session, &mine).unwrap();
    let o = import(&d, &[]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("kept") && e.contains("--replace"), "{e}");
    assert_eq!(std::fs::read_to_string(&session).unwrap(), mine);
    let o = import(&d, &["--replace"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{e}{}", stdout(&o));
    assert!(e.contains("replaced") && e.contains("story.ron.bak"), "{e}");
    assert_eq!(
        std::fs::read_to_string(session.with_extension("ron.bak")).unwrap(),
        mine
    );
}

#[test]
fn cli_writers_respect_a_window_lock() {
    let (_keep, d) = setup();
    std::fs::write(d.join("anns/story_ana.ann"), ANN).unwrap();
    assert_eq!(import(&d, &[]).status.code(), Some(0));
    let session = d.join("p/.newsmark/ana/story.ron");
    let before = std::fs::read_to_string(&session).unwrap();
    // A window of Bob's, on this host, in a process that runs (pid 1 always does).
    let host = newsmark::io::lock::host_name();
    std::fs::write(
        d.join("p/.newsmark/ana/.story.ron.lock"),
        format!("newsmark lock\nannotator: Bob\nhost: {host}\npid: 1\n"),
    )
    .unwrap();
    let o = import(&d, &["--replace"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(e.contains("is open in newsmark by Bob on"), "{e}");
    let o = newsmark(&["check", "--renumber", "p/.newsmark/ana/story.ron"], &d);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("by Bob"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&session).unwrap(), before);
}

/// A saved session `saves/story.ron` with one claim, open in a window; the lock file's path.
fn open_saved() -> (
    tempfile::TempDir,
    PathBuf,
    egui_kittest::Harness<'static, newsmark::ui::NewsmarkApp>,
) {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&article, &saves);
    mark(&mut h, "Kremlin", Key::C);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    drop(h);
    let session = saves.join("story.ron");
    assert!(session.is_file());
    assert!(!saves.join(".story.ron.lock").exists(), "released on close");
    let h = harness_for(&session, &saves);
    (dir, session, h)
}

/// Another hand writes the session while it is open; the window then edits and saves.
fn their_write_then_my_save(
    session: &Path,
    h: &mut egui_kittest::Harness<'static, newsmark::ui::NewsmarkApp>,
) -> String {
    let theirs = std::fs::read_to_string(session).unwrap() + "// a note of theirs\n";
    std::fs::write(session, &theirs).unwrap();
    mark(h, "NATO", Key::C);
    // Autosave runs (2 s of frames) and never writes the session file.
    h.run_steps(120);
    assert_eq!(std::fs::read_to_string(session).unwrap(), theirs);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    h.get_by_label("story.ron changed on disk");
    assert_eq!(
        std::fs::read_to_string(session).unwrap(),
        theirs,
        "not saved over"
    );
    theirs
}

#[test]
fn the_window_locks_its_session_naming_annotator_and_host() {
    let (_keep, session, h) = open_saved();
    let lock = session.with_file_name(".story.ron.lock");
    let text = std::fs::read_to_string(&lock).unwrap();
    assert!(
        text.contains(&format!("host: {}", newsmark::io::lock::host_name())),
        "{text}"
    );
    assert!(
        text.contains(&format!("pid: {}", std::process::id())),
        "{text}"
    );
    drop(h);
    assert!(!lock.exists());
}

#[test]
fn a_second_opener_is_told_who_holds_it_and_cannot_save_over_it() {
    let (_keep, session, h) = open_saved();
    drop(h);
    let host = newsmark::io::lock::host_name();
    let lock = session.with_file_name(".story.ron.lock");
    std::fs::write(
        &lock,
        format!("newsmark lock\nannotator: Bob\nhost: {host}\npid: 1\n"),
    )
    .unwrap();
    let before = std::fs::read_to_string(&session).unwrap();
    let mut h = harness_for(&session, session.parent().unwrap());
    h.get_by_label_contains("story.ron is open elsewhere");
    h.get_by_label_contains("It is open in newsmark by Bob on");
    h.get_by_label("Open read-only").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("is open elsewhere").is_none());
    mark(&mut h, "NATO", Key::C);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert_eq!(std::fs::read_to_string(&session).unwrap(), before);
    assert!(
        h.state().status().contains("open elsewhere"),
        "{}",
        h.state().status()
    );
    drop(h);
    assert!(lock.exists(), "Bob's lock is his");
}

#[test]
fn overwrite_keeps_theirs_beside() {
    let (_keep, session, mut h) = open_saved();
    let theirs = their_write_then_my_save(&session, &mut h);
    h.get_by_label("Overwrite").click();
    h.run_steps(3);
    assert_eq!(
        std::fs::read_to_string(session.with_file_name("story.theirs.ron")).unwrap(),
        theirs
    );
    let mine = std::fs::read_to_string(&session).unwrap();
    assert!(mine.contains("exact: \"NATO\""), "{mine}");
    assert!(!h.state().is_dirty());
    // Saved once, the next save needs no question.
    mark(&mut h, "Moscow", Key::C);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(!h.state().is_dirty());
}

#[test]
fn reload_opens_theirs_and_keeps_my_edits_in_recovery() {
    let (dir, session, mut h) = open_saved();
    let theirs = their_write_then_my_save(&session, &mut h);
    h.get_by_label("Reload").click();
    h.run_steps(3);
    assert_eq!(std::fs::read_to_string(&session).unwrap(), theirs);
    let doc = h.state().document().unwrap();
    assert_eq!(doc.session.annotations.len(), 1, "their version");
    let status = h.state().status().to_owned();
    assert!(status.contains("your edits are kept in"), "{status}");
    let kept = status.rsplit("kept in ").next().unwrap();
    let kept = std::fs::read_to_string(kept).unwrap();
    assert!(kept.contains("exact: \"NATO\""), "{kept}");
    drop(dir);
}

#[test]
fn save_a_copy_leaves_theirs_in_place() {
    let (_keep, session, mut h) = open_saved();
    let theirs = their_write_then_my_save(&session, &mut h);
    h.get_by_label("Save a copy").click();
    h.run_steps(3);
    assert_eq!(std::fs::read_to_string(&session).unwrap(), theirs);
    let mine = std::fs::read_to_string(session.with_file_name("story.mine.ron")).unwrap();
    assert!(mine.contains("exact: \"NATO\""), "{mine}");
}

#[test]
fn a_second_opener_may_decline_and_nothing_is_touched() {
    let (_keep, session, h) = open_saved();
    drop(h);
    let host = newsmark::io::lock::host_name();
    let lock = session.with_file_name(".story.ron.lock");
    let bobs = format!("newsmark lock\nannotator: Bob\nhost: {host}\npid: 1\n");
    std::fs::write(&lock, &bobs).unwrap();
    let before = std::fs::read_to_string(&session).unwrap();
    let mut h = harness_for(&session, session.parent().unwrap());
    h.get_by_label("Don't open").click();
    h.run_steps(3);
    assert!(h.state().document().is_none());
    assert!(
        h.state()
            .status()
            .contains("Not opened: story.ron stays with Bob on"),
        "{}",
        h.state().status()
    );
    drop(h);
    assert_eq!(std::fs::read_to_string(&session).unwrap(), before);
    assert_eq!(
        std::fs::read_to_string(&lock).unwrap(),
        bobs,
        "Bob's lock is his"
    );
}

/// While "changed on disk" waits for an answer, a letter meant for the article does nothing
/// behind the question.
#[test]
fn keys_do_not_act_behind_the_changed_on_disk_question() {
    let (_keep, session, mut h) = open_saved();
    let theirs = std::fs::read_to_string(&session).unwrap() + "// a note of theirs\n";
    std::fs::write(&session, &theirs).unwrap();
    mark(&mut h, "NATO", Key::C);
    // Text selected, then the save that asks.
    let (s, e) = crate::common::find(&h, "Moscow");
    crate::common::drag_select(&mut h, s, e);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    h.get_by_label("story.ron changed on disk");
    assert!(
        h.state().selection().is_some(),
        "the text is still selected"
    );
    let count = |h: &egui_kittest::Harness<'_, newsmark::ui::NewsmarkApp>| {
        h.state().document().unwrap().session.annotations.len()
    };
    let before = count(&h);
    for k in [Key::Q, Key::C] {
        h.key_press(k);
        h.run_steps(2);
    }
    assert_eq!(count(&h), before, "nothing marked behind the question");
    h.get_by_label("story.ron changed on disk");
}
