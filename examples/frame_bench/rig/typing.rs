//! `search_keystroke_ms`: typing a query into Find one character at a time, as a user does.

use egui::{Event, Key, Modifiers};
use newsmark::model::search::find_all;

use super::{Rig, key};

/// What is typed, in order: a few words with a slip ("Stoltenbreg") corrected by backspaces.
const TYPED: &[Stroke] = &[
    Stroke::Text("Stoltenbreg"),
    Stroke::Back(3),
    Stroke::Text("erg said the talks in Geneva"),
];

/// One run of keystrokes.
enum Stroke {
    /// Each character of the text, one keystroke each.
    Text(&'static str),
    /// This many presses of Backspace.
    Back(usize),
}

/// The keystrokes' times and the slowest one with the query it left.
#[derive(Default)]
struct Typing {
    times: Vec<f64>,
    slowest: (f64, String),
}

impl Typing {
    /// One keystroke: the frame it arrives in plus the next one (where the new highlights are
    /// painted), timed; then a few idle frames, as a user types a few characters a second.
    /// Fails if the app's matches are not `find_all`'s for the query in the field.
    fn stroke(&mut self, rig: &mut Rig, events: Vec<Event>) -> anyhow::Result<()> {
        let ms = rig.step(events) + rig.step(Vec::new());
        self.times.push(ms);
        let query = rig.app.search_query().to_owned();
        let doc = rig
            .app
            .document()
            .ok_or_else(|| anyhow::anyhow!("no document"))?;
        let expected = find_all(&doc.text, &query);
        anyhow::ensure!(
            rig.app.search_matches() == expected.as_slice(),
            "typing {query:?}: the app shows {} matches, find_all finds {}",
            rig.app.search_matches().len(),
            expected.len()
        );
        if ms > self.slowest.0 {
            self.slowest = (ms, query);
        }
        for _ in 0..3 {
            rig.step(Vec::new());
        }
        Ok(())
    }
}

/// Puts the keyboard in the search field (Ctrl+F), then types [`TYPED`] one keystroke at a
/// time. Returns the milliseconds of every keystroke (see [`Typing::stroke`]).
pub fn keystrokes(rig: &mut Rig) -> anyhow::Result<Vec<f64>> {
    rig.step(key(Key::F, Modifiers::COMMAND));
    rig.step(Vec::new());
    let mut typing = Typing::default();
    let mut expected_query = String::new();
    for s in TYPED {
        match s {
            Stroke::Text(t) => {
                for c in t.chars() {
                    typing.stroke(rig, vec![Event::Text(c.to_string())])?;
                    expected_query.push(c);
                }
            }
            Stroke::Back(n) => {
                for _ in 0..*n {
                    typing.stroke(rig, key(Key::Backspace, Modifiers::NONE))?;
                    expected_query.pop();
                }
            }
        }
    }
    anyhow::ensure!(
        rig.app.search_query() == expected_query,
        "the search field holds {:?}, not {expected_query:?}",
        rig.app.search_query()
    );
    println!(
        "# typed {expected_query:?} in {} keystrokes; slowest {:.2} ms, leaving {:?}",
        typing.times.len(),
        typing.slowest.0,
        typing.slowest.1
    );
    Ok(typing.times)
}
