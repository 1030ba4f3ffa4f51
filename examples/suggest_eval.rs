//! Measures the offline suggestion finder against PolNeAR attributions, and times it.
//!
//! ```text
//! cargo run --release --example suggest_eval -- [POLNEAR_DIR] [SPLIT]
//! ```
//! POLNEAR_DIR defaults to /work/polnear and SPLIT to dev; the split's articles are
//! `data/SPLIT/text/ARTICLE.txt` and their annotations `data/SPLIT/attributions/ARTICLE_ANNOTATOR.ann`.
//!
//! Scoring: every .ann file is scored on its own against the finder's output for its article
//! and the counts are summed over all files (micro-average), so an article two people annotated
//! counts twice. A second block scores each article once against the union of its annotators'
//! spans. Cue, content and source are exact-span matches (a content split around its cue must
//! match all its pieces); content overlap counts code points. Suggestions whose cue lies in a
//! region an annotator marked `Discard` (editor's notes, bylines) are not counted.
//!
//! Set SUGGEST_EVAL_SHOW=1 to print every cue error on stderr
//! (`extra|missed <TAB> context <TAB> cue`), for work on the train split.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Instant;

use newsmark::model::suggest::{QuoteSuggestion, Suggestions, suggest};

/// Spans of one annotation, as code-point (start, end) pairs.
type Spans = Vec<(usize, usize)>;

/// The spans of one .ann file, or of several merged.
#[derive(Default)]
struct Gold {
    cues: BTreeSet<Spans>,
    contents: BTreeSet<Spans>,
    sources: BTreeSet<Spans>,
    discard: Vec<(usize, usize)>,
}

impl Gold {
    fn parse(text: &str) -> Self {
        let mut g = Self::default();
        for line in text.lines() {
            let mut cols = line.split('\t');
            let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
                continue;
            };
            let Some((label, offsets)) = body.split_once(' ').filter(|_| id.starts_with('T'))
            else {
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

    fn merge(&mut self, other: Self) {
        self.cues.extend(other.cues);
        self.contents.extend(other.contents);
        self.sources.extend(other.sources);
        self.discard.extend(other.discard);
    }
}

/// True positives, predicted, gold.
#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Counts {
    fn add<T: Ord>(&mut self, pred: &BTreeSet<T>, gold: &BTreeSet<T>) {
        self.tp += pred.intersection(gold).count();
        self.pred += pred.len();
        self.gold += gold.len();
    }

    fn line(&self, name: &str) -> String {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(self.tp, self.pred), ratio(self.tp, self.gold));
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "  {name:<18} P {p:.3}  R {r:.3}  F1 {f:.3}   ({} right of {} suggested, {} annotated)",
            self.tp, self.pred, self.gold
        )
    }
}

/// The four scores.
#[derive(Default)]
struct Scores {
    cue: Counts,
    content: Counts,
    overlap: Counts,
    source: Counts,
}

impl Scores {
    fn add(&mut self, text: &str, found: &Suggestions, gold: &Gold, show: bool) {
        let kept = |q: &&QuoteSuggestion| {
            q.cue.is_none_or(|c| {
                !gold
                    .discard
                    .iter()
                    .any(|&(a, b)| a <= c.start && c.end <= b)
            })
        };
        let quotes: Vec<&QuoteSuggestion> = found.quotes.iter().filter(kept).collect();
        let one = |s: newsmark::model::annotation::Span| vec![(s.start, s.end)];
        let cues: BTreeSet<Spans> = quotes.iter().filter_map(|q| q.cue).map(one).collect();
        let sources: BTreeSet<Spans> = quotes.iter().filter_map(|q| q.source).map(one).collect();
        let contents: BTreeSet<Spans> = quotes
            .iter()
            .map(|q| q.content.iter().map(|s| (s.start, s.end)).collect())
            .collect();
        self.cue.add(&cues, &gold.cues);
        self.content.add(&contents, &gold.contents);
        self.source.add(&sources, &gold.sources);
        let covered = |s: &BTreeSet<Spans>| -> BTreeSet<usize> {
            s.iter().flatten().flat_map(|&(a, b)| a..b).collect()
        };
        self.overlap
            .add(&covered(&contents), &covered(&gold.contents));
        if show {
            let chars: Vec<char> = text.chars().collect();
            let cut = |a: usize, b: usize| -> String {
                chars
                    .get(a..b.min(chars.len()))
                    .unwrap_or_default()
                    .iter()
                    .collect::<String>()
                    .replace('\n', " ")
            };
            for c in cues.symmetric_difference(&gold.cues) {
                let (Some(&(a, _)), Some(&(_, b))) = (c.first(), c.last()) else {
                    continue;
                };
                let tag = if gold.cues.contains(c) {
                    "missed"
                } else {
                    "extra"
                };
                eprintln!(
                    "{tag}\t{}[{}]{}\t{}",
                    cut(a.saturating_sub(70), a),
                    cut(a, b),
                    cut(b, b + 70),
                    cut(a, b).to_lowercase()
                );
            }
        }
    }

    fn print(&self) {
        println!("{}", self.cue.line("cue (exact)"));
        println!("{}", self.content.line("content (exact)"));
        println!("{}", self.overlap.line("content (overlap)"));
        println!("{}", self.source.line("source (exact)"));
    }
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().unwrap_or_else(|| "/work/polnear".into()));
    let split = args.next().unwrap_or_else(|| "dev".into());
    let show = std::env::var_os("SUGGEST_EVAL_SHOW").is_some();
    let dir = root.join("data").join(&split);
    let mut anns: Vec<PathBuf> = std::fs::read_dir(dir.join("attributions"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    // Article -> (text, suggestions, union of its annotators' spans).
    let mut articles: BTreeMap<String, (String, Suggestions, Gold)> = BTreeMap::new();
    let mut each = Scores::default();
    for ann in &anns {
        let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let Some((article, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        if !articles.contains_key(article) {
            let text = std::fs::read_to_string(dir.join("text").join(format!("{article}.txt")))?;
            let found = suggest(&text, &[]);
            articles.insert(article.to_owned(), (text, found, Gold::default()));
        }
        let Some((text, found, union)) = articles.get_mut(article) else {
            continue;
        };
        each.add(
            text,
            found,
            &Gold::parse(&std::fs::read_to_string(ann)?),
            show,
        );
        union.merge(Gold::parse(&std::fs::read_to_string(ann)?));
    }
    let mut merged = Scores::default();
    for (text, found, union) in articles.values() {
        merged.add(text, found, union, false);
    }
    println!(
        "PolNeAR {split}: {} articles, {} annotation files",
        articles.len(),
        anns.len()
    );
    println!("each annotation file scored on its own, summed:");
    each.print();
    println!("each article once, against the union of its annotators:");
    merged.print();
    let texts: Vec<&str> = articles.values().map(|(t, _, _)| t.as_str()).collect();
    speed(&texts);
    Ok(())
}

/// Times the finder on the first 1,000 words of the split and on 1.5 MB of its text.
fn speed(texts: &[&str]) {
    let all: String = texts.join("\n\n");
    let small = all
        .split_whitespace()
        .take(1000)
        .collect::<Vec<_>>()
        .join(" ");
    let runs = 50;
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..runs {
        n += suggest(&small, &[]).quotes.len();
    }
    let per = t.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    println!(
        "speed: 1,000 words: {per:.2} ms ({} quotes; mean of {runs} runs)",
        n / runs
    );
    let mut big = String::new();
    while big.len() < 1_500_000 && !all.is_empty() {
        big.push_str(&all);
        big.push_str("\n\n");
    }
    let cut = (1_500_000..big.len())
        .find(|&b| big.is_char_boundary(b))
        .unwrap_or(big.len());
    big.truncate(cut);
    let t = Instant::now();
    let found = suggest(&big, &[]);
    println!(
        "speed: {:.2} MB: {:.3} s ({} quotes)",
        big.len() as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        found.quotes.len()
    );
}
