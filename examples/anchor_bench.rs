//! Prints how long re-anchoring takes on a generated 1.5 MB article with 10,000 annotations.
//!
//! Run with `cargo run --release --example anchor_bench`.

use std::time::Instant;

use newsmark::model::anchor::{AnchorReport, reanchor};
use newsmark::model::annotation::{Annotation, AnnotationId, KindTag, Span};
use newsmark::model::session::make_annotation;
use newsmark::model::text::ArticleText;

#[path = "../tests/rng/mod.rs"]
mod rng;
use rng::Rng;

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "NATO",
    "Russia",
    "Ukraine",
    "Stoltenberg",
    "said",
    "security",
    "troops",
    "“risk",
    "conflict”",
    "dialogue",
    "Kremlin",
    "Europe",
    "sanctions",
    "minister",
    "Brussels",
    "Geneva",
    "Washington",
    "talks",
    "week",
    "région",
    "señal",
    "😀",
    "forces",
    "border",
    "diplomacy",
    "failing",
    "meeting",
    "allies",
    "statement",
    "economic",
    "price",
];

fn generate_text(rng: &mut Rng, target_bytes: usize) -> String {
    let mut s = String::with_capacity(target_bytes + 100);
    let mut in_sentence = 0;
    while s.len() < target_bytes {
        s.push_str(WORDS[rng.below(WORDS.len())]);
        in_sentence += 1;
        if in_sentence > 8 + rng.below(20) {
            s.push_str(if rng.below(6) == 0 { ".\n\n" } else { ". " });
            in_sentence = 0;
        } else {
            s.push(' ');
        }
    }
    s
}

fn annotate(rng: &mut Rng, text: &ArticleText, n: usize) -> Vec<Annotation> {
    let len = text.len_chars();
    let mut anns: Vec<Annotation> = (0..n)
        .map(|i| {
            let start = rng.below(len.saturating_sub(300));
            // A third short (mentions), the rest sentence-sized (quotes and claims).
            let span_len = if i % 3 == 0 {
                5 + rng.below(15)
            } else {
                30 + rng.below(250)
            };
            let tag = KindTag::ALL[i % 3];
            make_annotation(
                text,
                AnnotationId(i as u32 + 1),
                Span::new(start, start + span_len),
                tag.with_speaker(None),
            )
        })
        .collect();
    anns.sort_by_key(|a| (a.start, a.end, a.id));
    anns
}

fn run(label: &str, text: &ArticleText, anns: &[Annotation]) -> AnchorReport {
    let mut work = anns.to_vec();
    let t0 = Instant::now();
    let report = reanchor(text, &mut work);
    let dt = t0.elapsed();
    println!(
        "{label:<48} {:>9.2} ms   {}",
        dt.as_secs_f64() * 1000.0,
        report.summary()
    );
    report
}

fn main() {
    let mut rng = Rng(0x00c0_ffee_1234_5678);
    let raw = generate_text(&mut rng, 1_500_000);
    let t0 = Instant::now();
    let text = ArticleText::new(raw.clone());
    println!(
        "text: {} bytes, {} code points, indexed in {:.2} ms",
        raw.len(),
        text.len_chars(),
        t0.elapsed().as_secs_f64() * 1000.0
    );
    let anns = annotate(&mut rng, &text, 10_000);
    println!("annotations: {}", anns.len());

    run("unchanged text", &text, &anns);

    let para = "Editor’s note: this article was updated with reactions from Moscow and Kyiv.\n\n";
    let inserted = ArticleText::new(format!("{para}{raw}"));
    run("paragraph (82 chars) inserted at the top", &inserted, &anns);

    let big = generate_text(&mut Rng(7), 100_000);
    let inserted_big = ArticleText::new(format!("{big}\n\n{raw}"));
    run("100 KB inserted at the top", &inserted_big, &anns);

    // Change one character inside every 100th annotation's span (sentence-sized ones).
    let mut edited: Vec<char> = raw.chars().collect();
    for a in anns.iter().step_by(100).filter(|a| a.end - a.start >= 30) {
        if let Some(c) = edited.get_mut(a.start + (a.end - a.start) / 2) {
            *c = '#';
        }
    }
    let edited = ArticleText::new(edited.into_iter().collect());
    run("one char changed in every 100th span", &edited, &anns);

    let other = ArticleText::new(generate_text(&mut Rng(99), 1_500_000));
    run(
        "wrong article, first 1,000 annotations (orphans)",
        &other,
        anns.get(..1000).unwrap_or(&anns),
    );
}
