//! Measures the offline suggestion finder against PolNeAR attributions, and times it; then
//! trains the attribution model on PolNeAR train (imported as `newsmark import -f brat` does)
//! and measures it on the same split: the learning curve over 10, 50, 200 and all train
//! articles, the training time, and the rules against a model of 10 articles.
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
//! Set SUGGEST_EVAL_RULES_ONLY=1 to measure the rules alone. Set SUGGEST_EVAL_SHOW=1 to print every cue error on stderr
//! (`extra|missed <TAB> context <TAB> cue`), for work on the train split; SUGGEST_EVAL_SHOW=model
//! prints the cue errors of the model trained on all train articles instead.
//! SUGGEST_EVAL_SIZES=10,all chooses the learning curve's sizes; SUGGEST_EVAL_EPOCHS and
//! SUGGEST_EVAL_MIN_COUNT set the training options; SUGGEST_EVAL_SAVE=FILE writes the model
//! trained on all train articles to FILE.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Instant;

use newsmark::io::formats::brat::{POLNEAR_MAP, TypeMap, import_with};
use newsmark::model::learn::{Example, Options, train};
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

    fn f1(&self) -> f64 {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(self.tp, self.pred), ratio(self.tp, self.gold));
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
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

/// The .ann files of a split, sorted.
fn ann_files(dir: &std::path::Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut anns: Vec<PathBuf> = std::fs::read_dir(dir.join("attributions"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    Ok(anns)
}

/// The article of `ARTICLE_ANNOTATOR.ann`.
fn article_of(ann: &std::path::Path) -> Option<String> {
    let stem = ann.file_stem()?.to_str()?;
    Some(stem.rsplit_once('_')?.0.to_owned())
}

/// Scores `find` on every .ann of the split: each file on its own, and each article once
/// against the union of its annotators. Returns (each, union, articles, files).
fn evaluate(
    dir: &std::path::Path,
    anns: &[PathBuf],
    find: &dyn Fn(&str) -> Suggestions,
    show: bool,
) -> anyhow::Result<(Scores, Scores, Vec<String>)> {
    // Article -> (text, suggestions, union of its annotators' spans).
    let mut articles: BTreeMap<String, (String, Suggestions, Gold)> = BTreeMap::new();
    let mut each = Scores::default();
    for ann in anns {
        let Some(article) = article_of(ann) else {
            continue;
        };
        if !articles.contains_key(&article) {
            let text = std::fs::read_to_string(dir.join("text").join(format!("{article}.txt")))?;
            let found = find(&text);
            articles.insert(article.clone(), (text, found, Gold::default()));
        }
        let Some((text, found, union)) = articles.get_mut(&article) else {
            continue;
        };
        let gold = std::fs::read_to_string(ann)?;
        each.add(text, found, &Gold::parse(&gold), show);
        union.merge(Gold::parse(&gold));
    }
    let mut merged = Scores::default();
    for (text, found, union) in articles.values() {
        merged.add(text, found, union, false);
    }
    let texts = articles.into_values().map(|(t, _, _)| t).collect();
    Ok((each, merged, texts))
}

/// Every .ann of a split imported as newsmark does (`import -f brat --map` with PolNeAR's
/// type map), as training examples grouped by article.
fn load_split(dir: &std::path::Path) -> anyhow::Result<BTreeMap<String, Vec<Example>>> {
    let map = TypeMap::parse(POLNEAR_MAP).map_err(anyhow::Error::msg)?;
    let mut out: BTreeMap<String, Vec<Example>> = BTreeMap::new();
    for ann in ann_files(dir)? {
        let Some(article) = article_of(&ann) else {
            continue;
        };
        let loaded = newsmark::io::article::load(&dir.join("text").join(format!("{article}.txt")))?;
        let text = &loaded.decoded.text;
        let brat = std::fs::read_to_string(&ann)?;
        let imported = import_with(&brat, text, loaded.reference.clone(), &map)?;
        out.entry(article)
            .or_default()
            .push(newsmark::io::learn::example_of(
                &imported.session,
                text.as_str(),
            ));
    }
    Ok(out)
}

/// The four F1s of a score, for one line of the learning curve.
fn f1s(s: &Scores) -> String {
    format!(
        "cue {:.3}  content exact {:.3}  content overlap {:.3}  source {:.3}",
        s.cue.f1(),
        s.content.f1(),
        s.overlap.f1(),
        s.source.f1()
    )
}

/// A fixed shuffle of the articles (SplitMix64 with seed 1), so the curve's subsets are
/// spread over outlets and months.
fn shuffled(names: Vec<String>) -> Vec<String> {
    let mut names = names;
    let mut state: u64 = 1;
    for i in (1..names.len()).rev() {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        names.swap(i, (z % (i as u64 + 1)) as usize);
    }
    names
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().unwrap_or_else(|| "/work/polnear".into()));
    let split = args.next().unwrap_or_else(|| "dev".into());
    let show = std::env::var("SUGGEST_EVAL_SHOW").is_ok_and(|v| v != "model");
    let dir = root.join("data").join(&split);
    let anns = ann_files(&dir)?;
    let rules = |t: &str| suggest(t, &[]);
    let (each, merged, texts) = evaluate(&dir, &anns, &rules, show)?;
    println!(
        "PolNeAR {split}: {} articles, {} annotation files",
        texts.len(),
        anns.len()
    );
    println!("rules, each annotation file scored on its own, summed:");
    each.print();
    println!("rules, each article once, against the union of its annotators:");
    merged.print();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    speed(&refs);
    if std::env::var_os("SUGGEST_EVAL_RULES_ONLY").is_some() || split == "train" {
        return Ok(());
    }
    // The model: trained on the train split, measured on this one.
    let train_dir = root.join("data").join("train");
    let t = Instant::now();
    let by_article = load_split(&train_dir)?;
    println!(
        "\nread PolNeAR train through the brat import: {} articles in {:.1} s",
        by_article.len(),
        t.elapsed().as_secs_f64()
    );
    let order = shuffled(by_article.keys().cloned().collect());
    let mut rules_vs_ten = None;
    let sizes: Vec<usize> = match std::env::var("SUGGEST_EVAL_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|n| {
                n.trim()
                    .parse()
                    .ok()
                    .or((n.trim() == "all").then_some(order.len()))
            })
            .collect(),
        Err(_) => vec![10, 50, 200, order.len()],
    };
    let opts = Options {
        epochs: env_num("SUGGEST_EVAL_EPOCHS").unwrap_or(Options::default().epochs),
        min_count: env_num("SUGGEST_EVAL_MIN_COUNT").unwrap_or(Options::default().min_count),
        ..Options::default()
    };
    let show_model = std::env::var("SUGGEST_EVAL_SHOW").is_ok_and(|v| v == "model");
    for &n in &sizes {
        let examples: Vec<Example> = order
            .iter()
            .take(n)
            .filter_map(|a| by_article.get(a))
            .flatten()
            .cloned()
            .collect();
        let t = Instant::now();
        let model = train(&examples, &opts, &mut |_| {});
        let secs = t.elapsed().as_secs_f64();
        let bytes = newsmark::model::learn::format::encode(&model);
        let size = bytes.len();
        if let Some(path) = std::env::var_os("SUGGEST_EVAL_SAVE").filter(|_| n == order.len()) {
            std::fs::write(&path, &bytes)?;
        }
        let (each_m, merged_m, _) = evaluate(
            &dir,
            &anns,
            &|t: &str| model.suggest(t, &[]),
            show_model && n == order.len(),
        )?;
        println!(
            "model on {n} train articles ({} sessions): trained in {secs:.1} s, {} KB, {} features; {split}: {}",
            examples.len(),
            size / 1024,
            model.tagger.keys.len(),
            f1s(&each_m)
        );
        if n == 10 {
            println!("model on 10 train articles, each annotation file on its own, summed:");
            each_m.print();
            tagger_alone(&dir, &anns, &model)?;
            rules_vs_ten = Some(each_m);
        } else if n == order.len() {
            println!("model on all train articles, each annotation file on its own, summed:");
            each_m.print();
            println!("model on all train articles, each article once, against the union:");
            merged_m.print();
            tagger_alone(&dir, &anns, &model)?;
            let t = Instant::now();
            let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
            for text in &texts {
                std::hint::black_box(model.suggest(text, &[]));
            }
            println!(
                "model speed: {:.2} ms per 1,000 words",
                t.elapsed().as_secs_f64() * 1e6 / words.max(1) as f64
            );
        }
        if n == *sizes.last().unwrap_or(&0) {
            // One long article: the split's texts repeated to 15 MB.
            let all = texts.join("\n\n");
            let mut big = String::new();
            while big.len() < 15 << 20 {
                big.push_str(&all);
                big.push_str("\n\n");
            }
            let t = Instant::now();
            let found = model.suggest(&big, &[]);
            println!(
                "model on one {:.1} MB article: {:.2} s ({} quotes)",
                big.len() as f64 / (1 << 20) as f64,
                t.elapsed().as_secs_f64(),
                found.quotes.len()
            );
        }
    }
    if let Some(ten) = rules_vs_ten {
        println!("\nrules against a model trained on 10 articles ({split}, F1):");
        for (name, r, m) in [
            ("cue (exact)", each.cue, ten.cue),
            ("content (exact)", each.content, ten.content),
            ("content (overlap)", each.overlap, ten.overlap),
            ("source (exact)", each.source, ten.source),
        ] {
            let verdict = if m.f1() > r.f1() {
                "model better"
            } else {
                "rules better"
            };
            println!(
                "  {name:<18} rules {:.3}  model {:.3}  {verdict}",
                r.f1(),
                m.f1()
            );
        }
    }
    Ok(())
}

/// A number from the environment, when set.
fn env_num(name: &str) -> Option<u32> {
    std::env::var(name).ok()?.parse().ok()
}

/// The tagger's spans before linking, against each file's spans (exact), summed.
fn tagger_alone(
    dir: &std::path::Path,
    anns: &[PathBuf],
    model: &newsmark::model::learn::Model,
) -> anyhow::Result<()> {
    let mut counts = [Counts::default(); 3];
    for ann in anns {
        let Some(article) = article_of(ann) else {
            continue;
        };
        let text = std::fs::read_to_string(dir.join("text").join(format!("{article}.txt")))?;
        let gold = Gold::parse(&std::fs::read_to_string(ann)?);
        let tagged = model.tagged_spans(&text);
        let flat = |s: &BTreeSet<Spans>| -> BTreeSet<Spans> {
            s.iter().flatten().map(|&p| vec![p]).collect()
        };
        for (k, g) in [&gold.cues, &gold.sources, &gold.contents]
            .into_iter()
            .enumerate()
        {
            let pred: BTreeSet<Spans> = tagged[k].iter().map(|s| vec![(s.start, s.end)]).collect();
            counts[k].add(&pred, &flat(g));
        }
    }
    println!("the tagger alone, before linking (exact spans, pieces of contents on their own):");
    for (k, name) in ["cue", "source", "content piece"].into_iter().enumerate() {
        println!("{}", counts[k].line(name));
    }
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
    // Suggesting and adding to a session (what `suggest -o` and the window do) at three sizes:
    // linear time means about ten times 1.5 MB's time at 15 MB.
    for target in [1_500_000usize, 6_000_000, 15_000_000] {
        let mut big = String::new();
        while big.len() < target && !all.is_empty() {
            big.push_str(&all);
            big.push_str("\n\n");
        }
        let cut = (target..big.len())
            .find(|&b| big.is_char_boundary(b))
            .unwrap_or(big.len());
        big.truncate(cut);
        let t = Instant::now();
        let found = suggest(&big, &[]);
        let found_in = t.elapsed().as_secs_f64();
        let text = newsmark::model::text::ArticleText::new(big.clone());
        let mut session = newsmark::model::session::Session::new(Default::default());
        let added = newsmark::model::suggest::session::add_to_session(&mut session, &text, &found);
        println!(
            "speed: {:.1} MB: suggest {found_in:.3} s, with adding to a session {:.3} s ({} quotes)",
            big.len() as f64 / 1e6,
            t.elapsed().as_secs_f64(),
            added.quotes
        );
    }
}
