//! The trained model: train → save → load gives the same predictions; damaged files are
//! refused with a clear message; the same seed gives the same model.

use newsmark::model::annotation::Span;
use newsmark::model::learn::format::{ModelError, decode, encode};
use newsmark::model::learn::{Example, GoldQuote, Options, train};

/// An article and its quotes as (source, cue, content) texts.
type Article = (
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

/// Articles written for these tests, each quote marked by (source, cue, content) texts.
fn fixture() -> Vec<Example> {
    let articles: [Article; 3] = [
        (
            "The mayor said the bridge would open in May. Residents doubt it.\n\n\
             “We have waited long enough,” said Ann Fox, who lives nearby.\n\n\
             According to the council, the work is on time.",
            &[
                ("The mayor", "said", "the bridge would open in May"),
                (
                    "Ann Fox, who lives nearby",
                    "said",
                    "“We have waited long enough,”",
                ),
                ("the council", "According to", "the work is on time"),
            ],
        ),
        (
            "Tom Hall told reporters that the plan was dead. The union warned that strikes would follow.\n\n\
             “This is not over,” he said.",
            &[
                ("Tom Hall", "told", "the plan was dead"),
                ("The union", "warned", "strikes would follow"),
                ("he", "said", "“This is not over,”"),
            ],
        ),
        (
            "Officials said the port stays closed. The minister claimed the talks had failed.\n\n\
             Prices rose again, the bank said.",
            &[
                ("Officials", "said", "the port stays closed"),
                ("The minister", "claimed", "the talks had failed"),
                ("the bank", "said", "Prices rose again"),
            ],
        ),
    ];
    articles
        .iter()
        .map(|(text, quotes)| {
            let at = |s: &str| {
                let b = text.find(s).unwrap_or_else(|| panic!("{s} in the fixture"));
                let start = text[..b].chars().count();
                Span::new(start, start + s.chars().count())
            };
            Example {
                text: (*text).to_owned(),
                quotes: quotes
                    .iter()
                    .map(|(source, cue, content)| GoldQuote {
                        content: vec![at(content)],
                        cue: Some(at(cue)),
                        source: vec![at(source)],
                    })
                    .collect(),
            }
        })
        .collect()
}

#[test]
fn a_saved_and_loaded_model_predicts_the_same_and_a_seed_gives_the_same_model() {
    let examples = fixture();
    let model = train(&examples, &Options::default(), &mut |_| {});
    let bytes = encode(&model);
    let loaded = decode(&bytes).unwrap();
    assert_eq!(loaded, model);
    let unseen = "The governor said the road would close. “It is a shame,” said Lee Park.";
    for text in examples.iter().map(|e| e.text.as_str()).chain([unseen]) {
        assert_eq!(loaded.suggest(text, &[]), model.suggest(text, &[]));
    }
    // It learned its articles: every marked cue of the first one is found again.
    let found = model.suggest(&examples[0].text, &[]);
    let cues: Vec<Span> = found.quotes.iter().filter_map(|q| q.cue).collect();
    for q in &examples[0].quotes {
        assert!(cues.contains(&q.cue.unwrap()), "{:?} in {cues:?}", q.cue);
    }
    // Deterministic: the same data and seed give the same file, byte for byte.
    let again = train(&examples, &Options::default(), &mut |_| {});
    assert_eq!(encode(&again), bytes);
    // Progress is reported, ending with the last pass.
    let mut stages = Vec::new();
    train(&examples, &Options::default(), &mut |p| {
        stages.push(p.stage)
    });
    assert_eq!(stages.last().map(String::as_str), Some("pass 15 of 15"));
    // With 0 passes asked, a small data set gets up to 400.
    let auto = Options {
        epochs: 0,
        ..Options::default()
    };
    let mut stages = Vec::new();
    let m = train(&examples, &auto, &mut |p| stages.push(p.stage));
    assert_eq!(stages.last().map(String::as_str), Some("pass 400 of 400"));
    assert_eq!(m.meta.epochs, 400);
}

#[test]
fn truncated_damaged_newer_and_foreign_files_are_refused_with_a_clear_message() {
    let model = train(&fixture(), &Options::default(), &mut |_| {});
    let bytes = encode(&model);
    let short = &bytes[..bytes.len() - 10];
    let e = decode(short).unwrap_err();
    assert!(matches!(e, ModelError::Truncated { .. }), "{e:?}");
    assert!(e.to_string().contains("truncated"), "{e}");
    let e = decode(&bytes[..20]).unwrap_err();
    assert!(e.to_string().contains("truncated"), "{e}");
    let mut flipped = bytes.clone();
    let last = flipped.len() - 3;
    flipped[last] ^= 0x55;
    let e = decode(&flipped).unwrap_err();
    assert!(e.to_string().contains("damaged"), "{e}");
    let mut newer = bytes.clone();
    newer[15..19].copy_from_slice(&2u32.to_le_bytes());
    let e = decode(&newer).unwrap_err();
    assert_eq!(e, ModelError::Newer { found: 2 });
    assert!(e.to_string().contains("newer newsmark"), "{e}");
    let e = decode(b"(format_version: 1)").unwrap_err();
    assert_eq!(e.to_string(), "not a newsmark model file");
}
