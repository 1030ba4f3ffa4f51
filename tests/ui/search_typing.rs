//! Search as you type through the real window: every keystroke shows the matches a fresh
//! search would, a slip corrected with Backspace included, and Enter selects one.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use crate::common;

use common::{copy_sample, harness_for};
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use newsmark::model::search::find_all;

#[test]
fn every_keystroke_shows_what_a_fresh_search_finds() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "story.txt");
    let mut h = harness_for(&article, &dir.path().join("saves"));
    h.event_modifiers(
        Event::Key {
            key: Key::F,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::COMMAND,
        },
        Modifiers::COMMAND,
    );
    h.run_steps(2);
    // "Stoltenbreg" is a slip: three backspaces, then the rest.
    let mut keys: Vec<Option<char>> = "Stoltenbreg".chars().map(Some).collect();
    keys.extend([None, None, None]);
    keys.extend("erg said".chars().map(Some));
    let mut counts = Vec::new();
    for k in keys {
        match k {
            Some(c) => h.event(Event::Text(c.to_string())),
            None => h.key_press(Key::Backspace),
        }
        h.run_steps(2);
        let app = h.state();
        let query = app.search_query().to_owned();
        let fresh = find_all(&app.document().unwrap().text, &query);
        assert_eq!(
            app.search_matches(),
            fresh.as_slice(),
            "after typing {query:?}"
        );
        h.get_by_label(&format!("{} found", fresh.len()));
        counts.push(fresh.len());
    }
    assert_eq!(h.state().search_query(), "Stoltenberg said");
    // "S" is everywhere; the slip finds nothing until it is corrected.
    assert_eq!(counts.get(10..14), Some(&[0, 0, 0, 4][..]), "{counts:?}");
    assert_eq!(counts.last(), Some(&1));
    // Enter in the field finds the next match and selects it.
    h.key_press(Key::Enter);
    h.run_steps(2);
    h.get_by_label("1 / 1");
    let text = &h.state().document().unwrap().text;
    let sel = h.state().selection().expect("the match is selected");
    assert_eq!(text.slice(sel.start..sel.end), "Stoltenberg said");
}
