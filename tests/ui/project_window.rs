//! A folder of articles open as a project in the window: the document list, moving from one
//! article to the next with its session saved in the project, Done marks, the state kept
//! between runs, and a search across every article.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use std::path::Path;

use common::{copy_sample, harness, mark};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use newsmark::io::project::ProjectState;
use newsmark::ui::NewsmarkApp;

/// A project of three articles, one in a sub-folder.
fn project(dir: &Path) -> std::path::PathBuf {
    let root = dir.join("corpus");
    std::fs::create_dir_all(root.join("week2")).unwrap();
    copy_sample(&root, "a_nato.txt");
    std::fs::write(
        root.join("b_short.txt"),
        "The minister said the talks would go on.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("week2/c_emoji.txt"),
        "Ana 👩🏽‍💼 said: “Stoltenberg is right.” Café naïve.\n",
    )
    .unwrap();
    root
}

fn open(root: &Path, saves: &Path) -> Harness<'static, NewsmarkApp> {
    let mut app = NewsmarkApp::new(saves.to_owned()).typed_paths_only();
    app.open_project(root);
    let mut h = harness(app);
    h.set_size(egui::vec2(1400.0, 1300.0));
    h.run_steps(3);
    h
}

fn article(h: &Harness<'_, NewsmarkApp>) -> String {
    let doc = h.state().document().unwrap();
    Path::new(&doc.session.article.path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_project_opens_its_list_moves_between_articles_and_remembers_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let root = project(dir.path());
    let saves = dir.path().join("saves");
    let mut h = open(&root, &saves);
    h.get_by_label("Project corpus");
    h.get_by_label_contains("3 articles · 0 done");
    assert_eq!(article(&h), "a_nato.txt", "the first article opens");

    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run_steps(3);
    assert_eq!(article(&h), "b_short.txt");
    let first = root.join(".newsmark/anonymous/a_nato.ron");
    let saved = newsmark::io::session_file::load(&first).unwrap();
    assert_eq!(
        saved.annotations.len(),
        1,
        "the article left was saved in the project"
    );
    let words = std::fs::read_to_string(root.join("a_nato.txt"))
        .unwrap()
        .split_whitespace()
        .count();
    h.get_by_label_contains(&format!(
        "a_nato.txt · in progress · {words} words · 1 annotation · just now"
    ));

    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run_steps(2);
    h.get_by_label_contains("b_short.txt · done · 8 words · 0 annotations");
    let state = ProjectState::load(&root, "anonymous");
    assert!(state.done.contains("b_short.txt"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run_steps(3);
    assert_eq!(
        article(&h),
        "c_emoji.txt",
        "sub-folders are part of the project"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run_steps(2);
    assert!(h.state().status().contains("last article"));

    // The filter narrows the list; a click opens an article.
    let filter = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter:");
    filter.focus();
    filter.type_text("done");
    h.run_steps(2);
    assert!(h.query_by_label_contains("a_nato.txt ·").is_none());
    h.get_by_label_contains("b_short.txt ·").click();
    h.run_steps(3);
    assert_eq!(article(&h), "b_short.txt");

    // The next run reopens the article open last, with the Done mark.
    drop(h);
    let h = open(&root, &saves);
    assert_eq!(article(&h), "b_short.txt");
    h.get_by_label_contains("3 articles · 1 done");
    assert!(
        !saves.exists() || std::fs::read_dir(&saves).unwrap().next().is_none(),
        "project sessions stay in the project"
    );
}

#[test]
fn a_search_across_the_project_lists_every_match_and_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = project(dir.path());
    let mut h = open(&root, &dir.path().join("saves"));
    let field = egui::accesskit::Role::TextInput;
    let search = h.get_by_role_and_label(field, "Search the project:");
    search.focus();
    search.type_text("stoltenberg");
    h.run_steps(2);
    h.get_by_label("Search").click();
    h.run_steps(3);
    assert!(
        h.state().status().contains("matches in 2 article(s)"),
        "{}",
        h.state().status()
    );
    h.get_by_label_contains("week2/c_emoji.txt:").click();
    h.run_steps(4);
    assert_eq!(article(&h), "c_emoji.txt");
    let sel = h.state().selection().unwrap();
    let text = &h.state().document().unwrap().text;
    assert_eq!(text.slice(sel.start..sel.end), "Stoltenberg");
    // Offsets are code points: the emoji sequence before it counts as its code points.
    assert_eq!(sel.start, "Ana 👩🏽‍💼 said: “".chars().count());
}

/// A name given after the project was opened: the work is saved under that name.
#[test]
fn a_name_given_in_the_project_takes_the_work_under_that_name() {
    let dir = tempfile::tempdir().unwrap();
    let root = project(dir.path());
    let mut h = open(&root, &dir.path().join("saves"));
    common::give_name(&mut h, "Ana Lima");
    h.get_by_label_contains("annotator “Ana Lima”");
    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(root.join(".newsmark/Ana Lima/a_nato.ron").is_file());
    assert!(!root.join(".newsmark/anonymous/a_nato.ron").exists());
}

/// The Stats tab counts the whole project on request: every session, speakers matched by name.
#[test]
fn the_stats_tab_counts_the_whole_project() {
    let dir = tempfile::tempdir().unwrap();
    let root = project(dir.path());
    let mut h = open(&root, &dir.path().join("saves"));
    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run_steps(3);
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run_steps(3);
    mark(&mut h, "Stoltenberg", Key::M);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    // The Project tab's totals are of every session, not of one article.
    h.get_by_label("Project totals").click();
    h.run_steps(2);
    h.get_by_label_contains("article: 2 sessions of");
    h.get_by_label("Stats").click();
    h.run_steps(2);
    h.get_by_label_contains("1 annotation: 0 claims, 0 quotes, 1 mention");
    h.get_by_label("Whole project").click();
    h.run_steps(2);
    h.get_by_label_contains("2 annotations: 0 claims, 0 quotes, 2 mentions");
    // "Jens Stoltenberg" and "Stoltenberg" are two speakers of two sessions: two rows.
    h.get_by_label("Jens Stoltenberg");
}

/// A name given while the project is open, when that annotator already has a session of the
/// open article: their session opens; nothing overwrites it.
#[test]
fn a_name_with_a_session_already_opens_that_session() {
    let dir = tempfile::tempdir().unwrap();
    let root = project(dir.path());
    // Ana annotated a_nato.txt in an earlier run.
    let mut h = open(&root, &dir.path().join("saves"));
    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    drop(h);
    let anon = root.join(".newsmark/anonymous/a_nato.ron");
    let ana = root.join(".newsmark/Ana Lima");
    std::fs::create_dir_all(&ana).unwrap();
    std::fs::rename(&anon, ana.join("a_nato.ron")).unwrap();

    let mut h = open(&root, &dir.path().join("saves"));
    assert_eq!(h.state().document().unwrap().session.annotations.len(), 0);
    common::give_name(&mut h, "Ana Lima");
    assert_eq!(
        h.state().document().unwrap().session.annotations.len(),
        1,
        "Ana's own session of the article is open"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let kept = newsmark::io::session_file::load(&ana.join("a_nato.ron")).unwrap();
    assert_eq!(
        kept.annotations.len(),
        1,
        "never overwritten by the empty session"
    );
}

/// Another annotator's session of the open article is one click from adjudication.
#[test]
fn the_project_tab_offers_the_other_annotators_sessions_to_compare() {
    let dir = tempfile::tempdir().unwrap();
    let root = project(dir.path());
    let mut h = open(&root, &dir.path().join("saves"));
    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let bob = root.join(".newsmark/bob");
    std::fs::create_dir_all(&bob).unwrap();
    std::fs::copy(
        root.join(".newsmark/anonymous/a_nato.ron"),
        bob.join("a_nato.ron"),
    )
    .unwrap();
    h.run_steps(2);
    h.get_by_label("Compare with:");
    h.get_by_label("bob").click();
    h.run_steps(3);
    h.get_by_label("1 agree · 0 only A · 0 only B · 0 conflicts");
    h.get_by_label_contains("B: bob (a_nato.ron)");
    h.get_by_label("0 left to decide");
}

/// File ▸ Open on an article of the open project opens the annotator's session of it there,
/// never a second, empty session in the saves folder.
#[test]
fn opening_an_article_of_the_open_project_opens_its_session_there() {
    let dir = tempfile::tempdir().unwrap();
    let root = project(dir.path());
    let saves = dir.path().join("saves");
    let mut h = open(&root, &saves);
    mark(&mut h, "Jens Stoltenberg", Key::M);
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run_steps(3);
    assert_eq!(article(&h), "b_short.txt");
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    common::type_path(&mut h, &root.join("a_nato.txt"), "Open");
    h.run_steps(3);
    assert_eq!(article(&h), "a_nato.txt");
    let doc = h.state().document().unwrap();
    assert_eq!(doc.session.annotations.len(), 1, "{}", h.state().status());
    assert_eq!(
        doc.session_path.as_deref(),
        Some(root.join(".newsmark/anonymous/a_nato.ron").as_path())
    );
    assert!(!saves.exists(), "nothing in the saves folder");
}

/// A folder typed into Ctrl+O is not made a project behind the user's back: they are asked,
/// Esc leaves the folder untouched, Enter opens it (and only then is `.newsmark/` created).
#[test]
fn a_folder_typed_into_open_asks_before_it_becomes_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let root = project(dir.path());
    let saves = dir.path().join("saves");
    let mut h = harness(NewsmarkApp::new(saves).typed_paths_only());
    h.set_size(egui::vec2(1400.0, 1000.0));
    h.run_steps(2);
    let ask = |h: &mut Harness<'_, NewsmarkApp>| {
        h.key_press_modifiers(Modifiers::COMMAND, Key::O);
        h.run_steps(2);
        common::type_path(h, &root, "Open");
    };
    ask(&mut h);
    h.get_by_label_contains("Open this folder as a project?");
    h.get_by_label_contains(".newsmark/anonymous, which newsmark creates");
    assert!(
        !root.join(".newsmark").exists(),
        "nothing written while asking"
    );

    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("Open this folder as a project?")
            .is_none()
    );
    assert!(!root.join(".newsmark").exists());
    assert!(h.state().document().is_none());
    assert!(
        h.state().status().contains("nothing was written"),
        "{}",
        h.state().status()
    );

    ask(&mut h);
    h.key_press(Key::Enter);
    h.run_steps(4);
    assert!(
        h.query_by_label_contains("Open this folder as a project?")
            .is_none()
    );
    assert_eq!(article(&h), "a_nato.txt");
    h.get_by_label("Project corpus");
    assert!(root.join(".newsmark/anonymous").is_dir());

    // A folder that is a project already opens without the question.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    common::type_path(&mut h, &root, "Open");
    assert!(
        h.query_by_label_contains("Open this folder as a project?")
            .is_none()
    );
}

/// PolNeAR-length file names give way in their middle, so every row still shows its status
/// within the panel.
#[test]
fn long_article_names_leave_the_status_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("polnear");
    std::fs::create_dir_all(&root).unwrap();
    let long = "breitbart_2015-11-11_the-ninth-circle-the-hellish-view-from-inside-a-very-long-campaign-story_d473.txt";
    copy_sample(&root, "a_short.txt");
    std::fs::write(
        root.join(long),
        "The minister said the talks would go on.\n",
    )
    .unwrap();
    let mut h = open(&root, &dir.path().join("saves"));
    h.set_size(egui::vec2(1200.0, 900.0));
    h.run_steps(3);
    let row = h.get_by_label_contains(" · new · 8 words · 0 annotations");
    let label = row.accesskit_node().label().unwrap_or_default();
    // Heard whole; seen as the name (cut in its middle to fit) over its status line, inside
    // the window.
    assert!(label.starts_with(long), "{label}");
    let rect = row.rect();
    assert!(rect.height() > 28.0, "two lines: {rect:?}");
    assert!(
        rect.right() < 1200.0 - 4.0,
        "{rect:?} reaches the window's edge"
    );
}

#[test]
fn a_saved_page_in_a_project_becomes_its_text_once_opened_and_keeps_its_done_mark() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("pages");
    std::fs::create_dir_all(&root).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/og.html");
    std::fs::copy(fixture, root.join("og.html")).unwrap();
    let saves = dir.path().join("saves");
    let mut h = open(&root, &saves);
    assert_eq!(
        article(&h),
        "og.txt",
        "the page opens as the text written beside it"
    );
    assert!(root.join("og.txt").is_file());
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run_steps(2);
    h.get_by_label_contains("og.txt · done · 74 words");
    let state = ProjectState::load(&root, "anonymous");
    assert!(state.done.contains("og.txt"), "{:?}", state.done);
    drop(h);
    let h = open(&root, &saves);
    let status = h.state().status();
    assert!(status.contains("1 articles, 1 done"), "{status}");
    assert_eq!(article(&h), "og.txt");
}
