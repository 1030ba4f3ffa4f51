//! Annotates the bundled sample article through the real window (headless), exactly as a user
//! would — select with the pointer, press C / Q / M, pick speakers with number keys, set cues,
//! quote types and check-worthiness in the side panel — and saves the result as the gold
//! standard `saves/nato_russia_2022-01-07.ron`.
//!
//! `cargo run --example annotate_sample` (refuses to overwrite an existing gold file unless
//! given `--force`).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a one-shot script")]

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;

use common::{drag_select, harness};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsmark::ui::NewsmarkApp;

type H = Harness<'static, NewsmarkApp>;

/// Code-point span of the `n`-th occurrence of `needle`.
fn nth(h: &H, needle: &str, n: usize) -> (usize, usize) {
    let text = h.state().document().unwrap().text.as_str();
    let byte = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle:?} #{n} not found"))
        .0;
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Code-point span of the `n`-th whole-word occurrence of `word`.
fn nth_word(h: &H, word: &str, n: usize) -> (usize, usize) {
    let text = h.state().document().unwrap().text.as_str();
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let byte = text
        .match_indices(word)
        .filter(|(b, _)| {
            !is_word(text[..*b].chars().next_back())
                && !is_word(text[b + word.len()..].chars().next())
        })
        .nth(n)
        .unwrap_or_else(|| panic!("word {word:?} #{n} not found"))
        .0;
    let start = text[..byte].chars().count();
    (start, start + word.chars().count())
}

fn select(h: &mut H, needle: &str, n: usize) {
    let (s, e) = nth(h, needle, n);
    drag_select(h, s, e);
}

fn key(h: &mut H, k: Key) {
    h.key_press(k);
    h.run_steps(2);
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(3);
}

/// Marks the `n`-th `needle` with `k`.
fn mark(h: &mut H, needle: &str, n: usize, k: Key) {
    select(h, needle, n);
    key(h, k);
}

/// Sets the cue of the selected quote to the `n`-th `cue`, and its type.
fn cue_and_type(h: &mut H, cue: &str, n: usize, quote_type: &str) {
    select(h, cue, n);
    click(h, "Set from selection");
    click(h, quote_type);
}

fn claim(h: &mut H, needle: &str, n: usize, worthiness: &str) {
    mark(h, needle, n, Key::C);
    click(h, worthiness);
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = root.join("saves/nato_russia_2022-01-07.ron");
    if gold.exists() && !std::env::args().any(|a| a == "--force") {
        eprintln!("{} exists; pass --force to write it again", gold.display());
        std::process::exit(2);
    }
    // Ctrl+S never overwrites a file it did not open, so make room for the new gold file.
    let _ = std::fs::remove_file(&gold);
    let article = root.join("assets/nato_russia_2022-01-07.txt");
    let (app, err) = NewsmarkApp::new(root.join("saves"))
        .typed_paths_only()
        .open_now(&article);
    assert!(err.is_none());
    let mut h = harness(app);
    h.set_size(egui::vec2(1400.0, 2200.0));
    h.run_steps(3);

    // Speakers, from their first mentions.
    mark(&mut h, "Jens Stoltenberg", 0, Key::M); // speaker 1, current
    key(&mut h, Key::Num0);
    mark(&mut h, "the Kremlin", 0, Key::M); // speaker 2
    key(&mut h, Key::Num1);

    // P3: reported speech with a quoted phrase.
    mark(
        &mut h,
        "the “risk of conflict” between Russia and Ukraine it’s real",
        0,
        Key::Q,
    );
    cue_and_type(&mut h, "assured", 0, "mixed");
    claim(
        &mut h,
        "the “risk of conflict” between Russia and Ukraine it’s real",
        0,
        "low",
    );

    // P4: direct quote, its cue and the mention that attributes it; two checkable claims.
    mark(
        &mut h,
        "We regret that, despite calls from the international community for several weeks, Russia has not taken steps to de-escalate. Russia’s military deployment continues with tens of thousands of troops and heavy weapons, as well as threatening rhetoric,",
        0,
        Key::Q,
    );
    cue_and_type(&mut h, "said", 0, "direct");
    mark(&mut h, "Stoltenberg", 1, Key::M);
    key(&mut h, Key::A); // not a known name yet: M asks; A makes it Stoltenberg's alias
    claim(
        &mut h,
        "despite calls from the international community for several weeks, Russia has not taken steps to de-escalate",
        0,
        "high",
    );
    claim(
        &mut h,
        "Russia’s military deployment continues with tens of thousands of troops and heavy weapons",
        0,
        "high",
    );

    // P5: indirect speech.
    mark(
        &mut h,
        "the Kremlin wants to dialogue with the United States and NATO on a security framework in Europe",
        0,
        Key::Q,
    );
    cue_and_type(&mut h, "celebrated", 0, "indirect");
    claim(
        &mut h,
        "the Kremlin wants to dialogue with the United States and NATO on a security framework in Europe",
        0,
        "low",
    );

    // P6: direct quote attributed to "the Secretary General of NATO", and a second quoted phrase.
    mark(
        &mut h,
        "The aggressive actions of Russia seriously undermine the security order in Europe",
        0,
        Key::Q,
    );
    cue_and_type(&mut h, "said", 1, "direct");
    mark(&mut h, "the Secretary General of NATO", 0, Key::M);
    mark(&mut h, "there is a risk of a new armed conflict", 0, Key::Q);
    claim(
        &mut h,
        "The aggressive actions of Russia seriously undermine the security order in Europe",
        0,
        "low",
    );

    // P7.
    mark(&mut h, "Stoltenberg", 2, Key::M);
    mark(
        &mut h,
        "a possible Moscow attack on Ukraine will have “significant consequences and a high price for Russia,",
        0,
        Key::Q,
    );
    cue_and_type(&mut h, "reiterated", 0, "mixed");
    mark(
        &mut h,
        "both the United States and the European Union have threatened economic sanctions",
        0,
        Key::Q,
    );
    cue_and_type(&mut h, "specifying", 0, "indirect");
    claim(
        &mut h,
        "both the United States and the European Union have threatened economic sanctions",
        0,
        "high",
    );

    // P8: "the Norwegian politician" and "he" are Stoltenberg too.
    mark(&mut h, "the Norwegian politician", 0, Key::M);
    mark(
        &mut h,
        "it is a “positive sign” that the Kremlin “be prepared to sit at the table” to dialogue, both with Washington, next Monday in Geneva (Switzerland), and with NATO on Wednesday in Brussels",
        0,
        Key::Q,
    );
    cue_and_type(&mut h, "noted", 0, "mixed");
    claim(
        &mut h,
        "both with Washington, next Monday in Geneva (Switzerland), and with NATO on Wednesday in Brussels",
        0,
        "high",
    );
    let (s, e) = nth_word(&h, "he", 0);
    drag_select(&mut h, s, e);
    key(&mut h, Key::M);
    mark(
        &mut h,
        "it was “the beginning of a process” in which to be able to “engage with various issues.”",
        0,
        Key::Q,
    );
    cue_and_type(&mut h, "wished", 0, "mixed");

    // P9: the outlet's own statements (no speaker).
    key(&mut h, Key::Num2);
    mark(&mut h, "The Kremlin", 0, Key::M);
    key(&mut h, Key::Num0);
    claim(
        &mut h,
        "the US joins its unilateral moratorium on the placement of short and medium-range missiles on the continent",
        0,
        "high",
    );
    key(&mut h, Key::Num1);

    // P10: a quote split around its attribution.
    mark(
        &mut h,
        "We are always prepared to listen to the concerns of Russia and NATO will make every effort to advance politically,",
        0,
        Key::Q,
    );
    cue_and_type(&mut h, "said", 2, "direct");
    select(
        &mut h,
        "the dialogue to be meaningful, it must also address concerns about Russia’s actions.",
        0,
    );
    click(&mut h, "Add selection as part");
    mark(&mut h, "Stoltenberg", 3, Key::M);

    // P11.
    mark(
        &mut h,
        "We will dialogue with Russia in good faith, but we must also be prepared for the possibility of diplomacy failing",
        0,
        Key::Q,
    );
    cue_and_type(&mut h, "assured", 1, "direct");
    let (s, e) = nth_word(&h, "he", 1);
    drag_select(&mut h, s, e);
    key(&mut h, Key::M);

    // The Kremlin is a government, Stoltenberg has a role.
    click(&mut h, "Speakers");
    click(&mut h, "2 the Kremlin");
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Kind")
        .click();
    h.run_steps(3);
    click(&mut h, "country/government");
    click(&mut h, "1 Jens Stoltenberg  (current)");
    let role = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Role");
    role.focus();
    h.run_steps(1);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Role")
        .type_text("NATO Secretary General");
    h.run_steps(2);
    let who = &h.state().document().unwrap().session.speakers[0];
    assert_eq!(
        who.role, "NATO Secretary General",
        "role typed into the speaker editor"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let s = &h.state().document().unwrap().session;
    println!(
        "{}: {} annotations, {} speakers — {}",
        gold.display(),
        s.annotations.len(),
        s.speakers.len(),
        h.state().status()
    );
}
