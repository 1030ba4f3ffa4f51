//! Measures the offline suggestion finder against PolNeAR attributions, and times it.
//!
//! ```text
//! cargo run --release --example suggest_eval -- [POLNEAR_DIR] [SPLIT]
//! ```
//! POLNEAR_DIR defaults to /work/polnear and SPLIT to dev; the split's articles are
//! `data/SPLIT/text/ARTICLE.txt` and their annotations `data/SPLIT/attributions/ARTICLE_ANNOTATOR.ann`.
//! Every .ann file is scored on its own against the finder's output for its article, and the
//! counts are summed over all files (micro-average): an article two people annotated counts
//! twice. Suggestions whose cue lies in a region an annotator marked `Discard` (editor's notes,
//! bylines) are not counted. Set SUGGEST_EVAL_SHOW=N to print N misses and false alarms of
//! content and source, and every cue error (on stderr, `CUE\textra|missed\tcontext`).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;
use std::time::Instant;

use newsmark::model::suggest::{Suggestions, suggest};

/// Spans of one annotation, as code-point (start, end) pairs.
type Spans = Vec<(usize, usize)>;

/// The gold annotation of one .ann file.
#[derive(Default)]
struct Gold {
    cues: BTreeSet<Spans>,
    contents: BTreeSet<Spans>,
    sources: BTreeSet<Spans>,
    discard: Vec<(usize, usize)>,
}

fn parse_ann(text: &str) -> Gold {
    let mut g = Gold::default();
    for line in text.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        let Some((label, offsets)) = body.split_once(' ') else {
            continue;
        };
        let spans: Spans = offsets
            .split(';')
            .filter_map(|p| {
                let (a, b) = p.trim().split_once(' ')?;
                Some((a.parse().ok()?, b.parse().ok()?))
            })
            .collect();
        match label {
            "Cue" => drop(g.cues.insert(spans)),
            "Content" => drop(g.contents.insert(spans)),
            "Source" => drop(g.sources.insert(spans)),
            "Discard" => g.discard.extend(spans),
            _ => {}
        }
    }
    g
}

/// True positives, predicted, gold.
#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, pred: &BTreeSet<Spans>, gold: &BTreeSet<Spans>) {
        self.tp += pred.intersection(gold).count();
        self.pred += pred.len();
        self.gold += gold.len();
    }

    fn line(&self, name: &str) -> String {
        let p = ratio(self.tp, self.pred);
        let r = ratio(self.tp, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "{name:<18} P {p:.3}  R {r:.3}  F1 {f:.3}   ({} right of {} suggested, {} annotated)",
            self.tp, self.pred, self.gold
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn covered(spans: &BTreeSet<Spans>) -> HashSet<usize> {
    spans.iter().flatten().flat_map(|&(a, b)| a..b).collect()
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().unwrap_or_else(|| "/work/polnear".into()));
    let split = args.next().unwrap_or_else(|| "dev".into());
    let show: usize = std::env::var("SUGGEST_EVAL_SHOW")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let dir = root.join("data").join(&split);
    let mut anns: Vec<PathBuf> = std::fs::read_dir(dir.join("attributions"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    let mut texts: BTreeMap<String, (String, Suggestions)> = BTreeMap::new();
    let (mut cue, mut content, mut overlap, mut source) = (
        Counts::default(),
        Counts::default(),
        Counts::default(),
        Counts::default(),
    );
    let mut shown = 0;
    for ann in &anns {
        let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let Some((article, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        if !texts.contains_key(article) {
            let text = std::fs::read_to_string(dir.join("text").join(format!("{article}.txt")))?;
            let found = suggest(&text, &[]);
            texts.insert(article.to_owned(), (text, found));
        }
        let Some((text, found)) = texts.get(article) else {
            continue;
        };
        let gold = parse_ann(&std::fs::read_to_string(ann)?);
        let kept = |cue: Option<newsmark::model::annotation::Span>| {
            cue.is_none_or(|c| {
                !gold
                    .discard
                    .iter()
                    .any(|&(a, b)| a <= c.start && c.end <= b)
            })
        };
        let quotes: Vec<_> = found.quotes.iter().filter(|q| kept(q.cue)).collect();
        let pred_cues: BTreeSet<Spans> = quotes
            .iter()
            .filter_map(|q| q.cue)
            .map(|c| vec![(c.start, c.end)])
            .collect();
        let pred_contents: BTreeSet<Spans> = quotes
            .iter()
            .map(|q| q.content.iter().map(|s| (s.start, s.end)).collect())
            .collect();
        let pred_sources: BTreeSet<Spans> = quotes
            .iter()
            .filter_map(|q| q.source)
            .map(|c| vec![(c.start, c.end)])
            .collect();
        cue.add(&pred_cues, &gold.cues);
        content.add(&pred_contents, &gold.contents);
        source.add(&pred_sources, &gold.sources);
        let (pc, gc) = (covered(&pred_contents), covered(&gold.contents));
        overlap.tp += pc.intersection(&gc).count();
        overlap.pred += pc.len();
        overlap.gold += gc.len();
        if shown < show {
            for q in &quotes {
                let Some(c) = q.cue else { continue };
                let tag = if gold.cues.contains(&vec![(c.start, c.end)]) {
                    "right"
                } else {
                    "extra"
                };
                let src = match q.source {
                    None => "none".to_owned(),
                    Some(s) => {
                        let w: String = text.chars().skip(s.start).take(s.end - s.start).collect();
                        let first = w.chars().next().unwrap_or(' ');
                        if ["he", "she", "they", "it", "i", "we", "you"]
                            .contains(&w.to_lowercase().as_str())
                        {
                            "pronoun".into()
                        } else if s.end <= c.start {
                            format!(
                                "before-{}",
                                if first.is_uppercase() { "cap" } else { "low" }
                            )
                        } else {
                            format!("after-{}", if first.is_uppercase() { "cap" } else { "low" })
                        }
                    }
                };
                let sw: String = q
                    .source
                    .map(|s| text.chars().skip(s.start).take(s.end - s.start).collect())
                    .unwrap_or_default();
                eprintln!(
                    "KIND\t{tag}\t{:?}\t{src}\t{}\t{sw}",
                    q.quote_type,
                    q.content.len()
                );
            }
            for c in pred_cues.intersection(&gold.cues) {
                let word: String = c
                    .iter()
                    .map(|&(a, b)| text.chars().skip(a).take(b - a).collect::<String>())
                    .collect();
                eprintln!("FORM\tright\t{}", word.to_lowercase());
            }
            for c in pred_cues.difference(&gold.cues) {
                let word: String = c
                    .iter()
                    .map(|&(a, b)| text.chars().skip(a).take(b - a).collect::<String>())
                    .collect();
                eprintln!("FORM\textra\t{}", word.to_lowercase());
            }
            for c in pred_cues.symmetric_difference(&gold.cues) {
                let word: String = c
                    .iter()
                    .map(|&(a, b)| {
                        text.chars()
                            .skip(a.saturating_sub(70))
                            .take(b - a + 140)
                            .collect::<String>()
                    })
                    .collect::<String>()
                    .replace('\n', " ");
                let tag = if gold.cues.contains(c) {
                    "missed"
                } else {
                    "extra"
                };
                eprintln!("CUE\t{tag}\t{}", word);
            }
            shown += print_errors(
                text,
                "content",
                &pred_contents,
                &gold.contents,
                show - shown,
            );
            shown += print_errors(
                text,
                "source",
                &pred_sources,
                &gold.sources,
                show.saturating_sub(shown),
            );
        }
    }
    println!(
        "PolNeAR {split}: {} articles, {} annotation files (each scored on its own, summed)",
        texts.len(),
        anns.len()
    );
    println!("{}", cue.line("cue (exact)"));
    println!("{}", content.line("content (exact)"));
    println!("{}", overlap.line("content (overlap)"));
    println!("{}", source.line("source (exact)"));
    speed(&texts.values().map(|(t, _)| t.as_str()).collect::<Vec<_>>());
    Ok(())
}

fn print_errors(
    text: &str,
    what: &str,
    pred: &BTreeSet<Spans>,
    gold: &BTreeSet<Spans>,
    n: usize,
) -> usize {
    let cut = |s: &Spans| -> String {
        s.iter()
            .map(|&(a, b)| text.chars().skip(a).take(b - a).collect::<String>())
            .collect::<Vec<_>>()
            .join(" | ")
            .chars()
            .take(160)
            .collect()
    };
    let mut k = 0;
    for s in pred.difference(gold).take(n / 2) {
        println!("  extra {what}: {}", cut(s));
        k += 1;
    }
    for s in gold.difference(pred).take(n / 2) {
        println!("  missed {what}: {}", cut(s));
        k += 1;
    }
    k
}

/// Times the finder on about 1,000 words and on 1.5 MB of the split's text.
fn speed(texts: &[&str]) {
    let all: String = texts.join("\n\n");
    let words: Vec<&str> = all.split_whitespace().take(1000).collect();
    let small = words.join(" ");
    let runs = 50;
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..runs {
        n += suggest(&small, &[]).quotes.len();
    }
    let per = t.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    println!(
        "speed: 1,000 words: {per:.2} ms per run ({} quotes, mean of {runs} runs)",
        n / runs
    );
    let mut big = String::new();
    while big.len() < 1_500_000 && !all.is_empty() {
        big.push_str(&all);
        big.push_str("\n\n");
    }
    let t = Instant::now();
    let found = suggest(&big, &[]);
    println!(
        "speed: {:.2} MB: {:.3} s ({} quotes)",
        big.len() as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        found.quotes.len()
    );
}
