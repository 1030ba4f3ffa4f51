//! Where the window keeps its own files, the built-in sample on a first launch, and the
//! preferences going through eframe's storage — nothing is read from or written into the
//! build checkout.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::{copy_sample, drag_select, find, harness, type_path};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use newsmark::io::places::Places;
use newsmark::io::sample;
use newsmark::io::session_file;
use newsmark::ui::NewsmarkApp;

/// eframe's storage, in memory: what eframe writes to disk between runs.
#[derive(Default)]
struct Memory(HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// Three separate folders, so a file in the wrong one shows.
fn places(root: &Path) -> Places {
    Places {
        saves: root.join("data/saves"),
        recovery: root.join("state/recovery"),
        sample: root.join("data/sample"),
    }
}

/// The files in `dir`, without the lock file of a session open in the window.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| !p.to_string_lossy().ends_with(".lock"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_first_launch_shows_the_annotated_sample_and_saving_it_asks_where() {
    let root = tempfile::tempdir().unwrap();
    let places = places(root.path());
    let mut app = NewsmarkApp::with_places(places.clone()).typed_paths_only();
    app.start(&egui::Context::default(), None, None);
    let doc = app.document().expect("the sample is open");
    let gold = session_file::parse(sample::SESSION, Path::new("gold")).unwrap();
    assert_eq!(
        doc.session.annotations, gold.annotations,
        "every annotation anchors"
    );
    assert_eq!(doc.session.speakers, gold.speakers);
    assert_eq!(
        doc.session_path, None,
        "the sample has no session file of its own"
    );
    let article = places.sample.join(sample::ARTICLE_NAME);
    assert_eq!(std::fs::read_to_string(&article).unwrap(), sample::ARTICLE);
    assert!(app.prefs().sample_shown);

    let mut h = harness(app);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    h.get_by_label("Save session as");
    assert!(
        files_in(&places.saves).is_empty(),
        "nothing saved before a place is chosen"
    );
    let mine = root.path().join("mine/nato.ron");
    type_path(&mut h, &mine, "Save");
    assert!(!h.state().is_dirty());
    let saved = session_file::load(&mine).unwrap();
    assert_eq!(saved.annotations.len(), gold.annotations.len());
    // From now on it is an ordinary session: Ctrl+S writes it without asking.
    let (s, e) = find(&h, "Russia");
    drag_select(&mut h, s, e);
    h.key_press(Key::C);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    assert!(h.query_by_label("Save session as").is_none());
    let saved = session_file::load(&mine).unwrap();
    assert_eq!(saved.annotations.len(), gold.annotations.len() + 1);
}

#[test]
fn preferences_go_through_eframe_storage_and_a_later_launch_starts_empty() {
    let root = tempfile::tempdir().unwrap();
    let article = copy_sample(root.path(), "story.txt");
    let (app, _) = NewsmarkApp::with_places(places(root.path())).open_now(&article);
    let mut h = harness(app);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run_steps(2);
    let mut storage = Memory::default();
    eframe::App::save(h.state_mut(), &mut storage);
    assert!(storage.0.values().any(|v| v.contains("font_size")));

    // The next launch, with no file given: the preferences come back, and since the sample
    // was not shown yet, it is.
    let ctx = egui::Context::default();
    let mut next = NewsmarkApp::with_places(places(root.path()));
    next.start(&ctx, Some(&storage), None);
    assert_eq!(next.prefs().font_size, 20.0);
    let recent = next.prefs().recent;
    assert!(
        recent.iter().any(|p| p.ends_with("story.txt")),
        "{recent:?}"
    );
    assert!(next.document().is_some(), "the sample on a first launch");
    eframe::App::save(&mut next, &mut storage);

    // The launch after that starts empty.
    let mut third = NewsmarkApp::with_places(places(root.path()));
    third.start(&ctx, Some(&storage), None);
    assert!(third.document().is_none());
    assert_eq!(third.prefs().font_size, 20.0);
}

#[test]
fn unsaved_work_is_kept_in_the_recovery_folder_and_nowhere_else() {
    let root = tempfile::tempdir().unwrap();
    let article = copy_sample(root.path(), "story.txt");
    let places = places(root.path());
    let (app, _) = NewsmarkApp::with_places(places.clone()).open_now(&article);
    let mut h = harness(app);
    let (s, e) = find(&h, "Kremlin");
    drag_select(&mut h, s, e);
    h.key_press(Key::C);
    h.run_steps(125);
    let kept = files_in(&places.recovery);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].to_string_lossy().ends_with(".recovery.ron"));
    assert!(files_in(&places.saves).is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert_eq!(
        files_in(&places.saves).len(),
        1,
        "Save goes to the saves folder"
    );
    assert!(
        files_in(&places.recovery).is_empty(),
        "and the recovery file is gone"
    );
}

/// A large session is autosaved on a thread — the window does not pause for it — and still
/// lands in the recovery folder; a save right after never lets that write bring it back.
#[test]
fn a_large_session_is_autosaved_off_the_window_and_a_save_removes_it_for_good() {
    use newsmark::model::annotation::{AnnotationId, KindTag, Span};
    use newsmark::model::session::make_annotation;

    let root = tempfile::tempdir().unwrap();
    let places = places(root.path());
    let words: Vec<String> = (0..3000).map(|i| format!("word{i}")).collect();
    let text = words.join(" ") + "\n";
    let article = root.path().join("long.txt");
    std::fs::write(&article, &text).unwrap();
    let loaded = newsmark::io::article::load(&article).unwrap();
    let mut session = newsmark::model::session::Session::new(loaded.reference);
    let t = &loaded.decoded.text;
    let mut start = 0;
    for (i, w) in words
        .iter()
        .take(newsmark::ui::state::recovery::THREAD_FROM + 200)
        .enumerate()
    {
        let span = Span::new(start, start + w.chars().count());
        let kind = KindTag::Mention.with_speaker(None);
        session
            .annotations
            .push(make_annotation(t, AnnotationId(i as u32 + 1), span, kind));
        start += w.chars().count() + 1;
    }
    let saved = root.path().join("long.ron");
    session_file::save(&session, &saved).unwrap();

    let (app, _) = NewsmarkApp::with_places(places.clone()).open_now(&saved);
    let mut h = harness(app);
    let (s, e) = find(&h, "word5 ");
    drag_select(&mut h, s, e);
    h.key_press(Key::C);
    h.run_steps(125);
    // The write runs beside the window: wait for it (at most 10 s).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while files_in(&places.recovery).is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run_steps(1);
    }
    let kept = files_in(&places.recovery);
    assert_eq!(kept.len(), 1, "{kept:?}");
    let (recovered, _) =
        newsmark::io::recovery::read(&places.recovery, &newsmark::io::recovery::key_for(&saved))
            .unwrap()
            .unwrap();
    assert_eq!(
        recovered.annotations.len(),
        newsmark::ui::state::recovery::THREAD_FROM + 201
    );

    // Another change, its write started, and Save at once: the file is gone and stays gone.
    let (s, e) = find(&h, "word7 ");
    drag_select(&mut h, s, e);
    h.key_press(Key::C);
    h.run_steps(125);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(files_in(&places.recovery).is_empty());
    assert!(!h.state().is_dirty());
}

/// `newsmark DIR`: the folder opens as a project once the preferences are back, so the work is
/// signed with the saved name and lands in that annotator's folder, never in "anonymous".
#[test]
fn a_folder_given_on_the_command_line_opens_as_the_saved_annotator() {
    let root = tempfile::tempdir().unwrap();
    let project = root.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    copy_sample(&project, "story.txt");
    let mut storage = Memory::default();
    let mut first = NewsmarkApp::with_places(places(root.path())).with_annotator("Ana Lima");
    eframe::App::save(&mut first, &mut storage);

    let ctx = egui::Context::default();
    let mut app = NewsmarkApp::with_places(places(root.path())).typed_paths_only();
    app.start(&ctx, Some(&storage), Some(&project));
    assert_eq!(app.prefs().annotator, "Ana Lima");
    let mut h = harness(app);
    let (s, e) = find(&h, "Jens Stoltenberg");
    drag_select(&mut h, s, e);
    h.key_press(Key::C);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    let folder = newsmark::io::project::annotator_folder("Ana Lima");
    assert_ne!(folder, "anonymous");
    let mine = project.join(".newsmark").join(&folder).join("story.ron");
    assert!(mine.is_file(), "{}", h.state().status());
    assert!(!project.join(".newsmark/anonymous").exists());
    assert_eq!(session_file::load(&mine).unwrap().annotator, "Ana Lima");
}
