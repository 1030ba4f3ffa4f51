//! Training: features counted, rare ones left out, then passes of the CRF trainer over the
//! paragraphs in an order drawn from the seed, and the linker learned from the gold links.

use super::crf::CrfTrainer;
use super::gold::{Example, GoldSpans};
use super::linker::{self, LinkTrainer};
use super::tagger::{KeyMap, TAGS, Tagger};
use super::{Meta, Model, Prepared};
use super::{features, format};

/// How to train.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Passes over the data; 0 chooses by the amount of data (15 to 400).
    pub epochs: u32,
    /// Orders the paragraphs in every pass; the same seed and data give the same model.
    pub seed: u64,
    /// A feature seen fewer times than this is left out (keeps the model small).
    pub min_count: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            epochs: 15,
            seed: 1,
            min_count: 3,
        }
    }
}

/// Where training is: `stage` names it, `done` of `total` steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// "reading", "pass 3 of 8", "linking".
    pub stage: String,
    /// Steps done in this stage.
    pub done: usize,
    /// Steps in this stage.
    pub total: usize,
    /// Tags wrong in the last pass (0 outside passes).
    pub errors: usize,
}

/// The strength of the L2 penalty over the whole data (CRFsuite's `c2`).
const L2: f64 = 1.0;
/// AdaGrad's base learning rate.
const RATE: f64 = 0.05;

/// SplitMix64: a small, seeded generator, the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains a model on `examples`; `progress` hears about every step.
pub fn train(examples: &[Example], opts: &Options, progress: &mut dyn FnMut(Progress)) -> Model {
    let total = examples.len();
    let step = |stage: &str, done: usize, total: usize, errors: usize| Progress {
        stage: stage.to_owned(),
        done,
        total,
        errors,
    };
    // Pass 1: count the features.
    let mut counts: KeyMap<u32> = KeyMap::default();
    let mut order: Vec<u64> = Vec::new();
    for (n, ex) in examples.iter().enumerate() {
        let p = Prepared::new(&ex.text);
        p.each_key(|k| {
            let c = counts.entry(k).or_insert_with(|| {
                order.push(k);
                0
            });
            *c += 1;
        });
        progress(step("reading", n + 1, total * 2, 0));
    }
    // The roles the rules gave are kept however rare: they are how a model of a few
    // articles starts from what the rules do.
    let rule_roles: Vec<u64> = features::ROLE
        .iter()
        .skip(1)
        .map(|r| features::key(29, &[r]))
        .collect();
    let keys: Vec<u64> = order
        .into_iter()
        .filter(|k| counts.get(k).is_some_and(|&c| c >= opts.min_count) || rule_roles.contains(k))
        .collect();
    drop(counts);
    let index: KeyMap<u32> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    // Pass 2: paragraphs as feature rows with their gold tags; the gold links.
    let mut seqs: Vec<(Vec<Vec<u32>>, Vec<u8>)> = Vec::new();
    let mut links: Vec<linker::Candidate> = Vec::new();
    let mut link_gold: Vec<(usize, usize, Option<usize>)> = Vec::new();
    for (n, ex) in examples.iter().enumerate() {
        let p = Prepared::new(&ex.text);
        let gold = GoldSpans::new(&p.doc, ex);
        let links_of_rules = linker::RuleLinks::new(&p.doc, &p.rules);
        for para in p.paragraphs() {
            let rows = p.rows(para.clone(), |k| index.get(&k).copied());
            let tags = gold.tags.get(para).unwrap_or_default().to_vec();
            seqs.push((rows, tags));
        }
        for (content, cue) in &gold.contents {
            let cands = linker::content_candidates(&p.doc, &links_of_rules, &gold.cues, content);
            let from = links.len();
            links.extend(cands);
            link_gold.push((from, links.len(), *cue));
        }
        for (c, cue) in gold.cues.iter().enumerate() {
            let cands =
                linker::source_candidates(&p.doc, &links_of_rules, &gold.sources, &gold.cues, cue);
            let from = links.len();
            links.extend(cands);
            link_gold.push((from, links.len(), gold.cue_source.get(c).copied().flatten()));
        }
        progress(step("reading", total + n + 1, total * 2, 0));
    }
    let mut rng = Rng(opts.seed);
    let mut crf = CrfTrainer::new(keys.len(), L2, seqs.len());
    let mut link_trainer = LinkTrainer::default();
    // Few paragraphs make few steps: a small project gets more passes (at least about
    // 20,000 paragraph visits, at most 400 passes: AdaGrad's steps shrink, so a tiny project needs many).
    let epochs = if opts.epochs == 0 {
        ((20_000 / seqs.len().max(1)) as u32).clamp(15, 400)
    } else {
        opts.epochs
    };
    let mut seq_order: Vec<usize> = (0..seqs.len()).collect();
    let mut link_order: Vec<usize> = (0..link_gold.len()).collect();
    let mut visits = 0usize;
    for epoch in 0..epochs {
        rng.shuffle(&mut seq_order);
        let mut errors = 0;
        let stage = format!("pass {} of {epochs}", epoch + 1);
        for (n, &s) in seq_order.iter().enumerate() {
            if let Some((rows, tags)) = seqs.get(s) {
                // The rate shrinks as passes go by: RATE / (1 + passes so far).
                let rate = RATE / (1.0 + visits as f64 / seqs.len() as f64);
                errors += crf.learn(rows, tags, rate);
                visits += 1;
            }
            if n % 500 == 0 {
                progress(step(&stage, n, seqs.len(), errors));
            }
        }
        progress(step(&stage, seqs.len(), seqs.len(), errors));
        rng.shuffle(&mut link_order);
        for &l in &link_order {
            if let Some(&(from, to, gold)) = link_gold.get(l) {
                link_trainer.learn(links.get(from..to).unwrap_or_default(), gold);
            }
        }
    }
    let (mut weights, transitions) = crf.finish();
    // Weights are kept as 16-bit steps of one scale (the file stores them so): rounded here,
    // the model in memory is the model on disk.
    let scale = format::scale_of(&weights);
    for w in &mut weights {
        *w = format::quantize(*w, scale);
    }
    // Rows whose weights all averaged to zero change no decision: leave them out.
    let mut tagger = Tagger {
        transitions,
        ..Tagger::default()
    };
    for (r, &k) in keys.iter().enumerate() {
        let row = weights.get(r * TAGS..(r + 1) * TAGS).unwrap_or_default();
        if row.iter().any(|w| *w != 0.0) {
            tagger.index.insert(k, tagger.keys.len() as u32);
            tagger.keys.push(k);
            tagger.weights.extend_from_slice(row);
        }
    }
    Model {
        tagger,
        linker: link_trainer.finish(),
        meta: Meta {
            examples: examples.len() as u32,
            epochs,
            seed: opts.seed,
        },
    }
}
