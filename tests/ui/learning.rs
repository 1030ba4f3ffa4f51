//! Suggestions that learn: accepting and rejecting in a project is recorded, Train from this
//! project learns from it on a thread (the window keeps running), and Suggest then uses the
//! project's model.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common::harness;
use egui::Key;
use egui_kittest::kittest::Queryable;
use newsmark::io::learn;
use newsmark::ui::NewsmarkApp;

const ARTICLE: &str = "The mayor said the bridge would open in May.\n\n\
Faced with this situation, the council said the work was on time.\n\n\
Tom Hall told reporters that the plan was dead.\n";

#[test]
fn accepted_and_rejected_suggestions_feed_the_next_training_and_its_model_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("story.txt"), ARTICLE).unwrap();
    let mut app = NewsmarkApp::new(dir.path().join("saves")).typed_paths_only();
    app.open_project(&root);
    let mut h = harness(app);
    h.set_size(egui::vec2(1400.0, 1000.0));
    h.run_steps(3);
    h.key_press(Key::G);
    h.run_steps(3);
    let status = h.state().status().to_owned();
    assert!(
        status.starts_with("3 suggestion(s), underlined"),
        "{status}"
    );
    // Accept the first, reject the second.
    h.key_press(Key::A);
    h.run_steps(2);
    h.key_press(Key::X);
    h.run_steps(2);
    let feedback = learn::load_feedback(&learn::feedback_path(&root, "anonymous"));
    let verdicts: Vec<(&str, bool)> = feedback
        .iter()
        .map(|v| (v.article.as_str(), v.accepted))
        .collect();
    assert_eq!(verdicts, [("story.txt", true), ("story.txt", false)]);
    let rejected = &feedback[1];
    assert_eq!(
        &ARTICLE.chars().collect::<Vec<_>>()[rejected.start..rejected.end]
            .iter()
            .collect::<String>(),
        "the work was on time"
    );

    // Train from this project: on a thread, with a progress bar; the window keeps drawing.
    h.get_by_label("Annotate").click();
    h.run_steps(2);
    h.get_by_label("Train from this project").click();
    h.run_steps(1);
    let started = std::time::Instant::now();
    let mut saw_bar = false;
    while h.state().status().starts_with("Training from") {
        saw_bar |= h.query_by_label_contains("Training:").is_some();
        h.run_steps(1);
        assert!(started.elapsed().as_secs() < 60, "training ends");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let status = h.state().status().to_owned();
    assert!(
        status.starts_with("Trained on 1 session(s) of this project (1 accepted and 1 rejected"),
        "{status}"
    );
    assert!(
        saw_bar || started.elapsed().as_millis() < 50,
        "a progress bar while it ran"
    );
    learn::load_model(&learn::project_model(&root)).unwrap();
    // What was accepted is a quote of the training data; what was rejected is not.
    let (loaded, accepted, rejected) = learn::project_examples(&root, &mut |_, _| {}).unwrap();
    assert_eq!((accepted, rejected), (1, 1));
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    let (loaded_after_save, _, _) = learn::project_examples(&root, &mut |_, _| {}).unwrap();
    assert!(loaded.examples.len() <= 1);
    let example = &loaded_after_save.examples[0];
    let contents: Vec<String> = example
        .quotes
        .iter()
        .flat_map(|q| q.content.iter())
        .map(|s| {
            ARTICLE
                .chars()
                .skip(s.start)
                .take(s.end - s.start)
                .collect()
        })
        .collect();
    assert_eq!(contents, ["the bridge would open in May"]);

    // Suggest now uses the project's model.
    h.key_press(Key::G);
    h.run_steps(3);
    let status = h.state().status().to_owned();
    // Of its three, the accepted one is annotated and the rejected one does not come back
    // (the feedback file keeps it out in a later run too): one is left.
    assert!(
        status.starts_with("1 suggestion(s) by the project's model"),
        "{status}"
    );

    // A later run: the saved session holds the accepted quote and the feedback file keeps the
    // rejected one out.
    let mut again = NewsmarkApp::new(dir.path().join("saves")).typed_paths_only();
    again.open_project(&root);
    let mut h2 = harness(again);
    h2.run_steps(3);
    h2.key_press(Key::G);
    h2.run_steps(3);
    let status = h2.state().status().to_owned();
    assert!(
        status.starts_with("1 suggestion(s) by the project's model"),
        "{status}"
    );

    // A damaged model is reported, and the rules take over.
    std::fs::write(learn::project_model(&root), b"newsmark-model\n\x01").unwrap();
    h.key_press(Key::G);
    h.run_steps(3);
    let status = h.state().status().to_owned();
    assert!(
        status.contains("by the rules (the project's model is not used")
            && status.contains("truncated"),
        "{status}"
    );
}
