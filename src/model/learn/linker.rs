//! The linker: which cue each content span belongs to, and which source each cue has.
//!
//! Every choice is a ranking among the cues (or sources) within three sentences, plus "none",
//! scored by a linear model over the pair: which side the cue stands on, how far (tokens,
//! sentences), how many other cues lie between, whether the content is a quotation, the cue's
//! word, whether the source is a pronoun. It is learned with an averaged perceptron from the
//! links people made.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::suggest::sources::is_pronoun;
use crate::model::suggest::{Doc, Suggestions};

use super::features::key;
use super::gold::tokens_of;
use super::overlap::ByStart;

/// Sentences either side within which a link is looked for.
const WINDOW: usize = 3;

/// One candidate: the index of the cue or source (`None` for no link) and its feature keys.
pub type Candidate = (Option<usize>, Vec<u64>);

/// Learned link weights.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Linker {
    /// Feature key → weight.
    pub weights: HashMap<u64, f32>,
}

impl Linker {
    /// The best candidate's index (`None` when "no link" wins or there is no candidate).
    pub fn pick(&self, cands: &[Candidate]) -> Option<usize> {
        best(cands, |k| {
            self.weights.get(&k).copied().map_or(0.0, f64::from)
        })
    }
}

fn best(cands: &[Candidate], w: impl Fn(u64) -> f64) -> Option<usize> {
    let mut top: Option<(f64, Option<usize>)> = None;
    for (choice, feats) in cands {
        let s: f64 = feats.iter().map(|&k| w(k)).sum();
        if top.is_none_or(|(t, _)| s > t) {
            top = Some((s, *choice));
        }
    }
    top.and_then(|(_, c)| c)
}

/// The sentence of a token, or of the nearest token before it that has one.
fn sentence(doc: &Doc, i: usize) -> usize {
    (0..=i)
        .rev()
        .take(4)
        .find_map(|j| doc.sentence_index(j))
        .unwrap_or(0)
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=12 => "6-12",
        13..=30 => "13-30",
        _ => "far",
    }
}

/// Where `a` stands from `b`, how far in tokens, and the sentence gap (signed, as text).
fn relation(doc: &Doc, a: &Range<usize>, b: &Range<usize>) -> (&'static str, &'static str, String) {
    let (dir, gap) = if a.end <= b.start {
        ("before", b.start - a.end)
    } else if b.end <= a.start {
        ("after", a.start - b.end)
    } else {
        ("over", 0)
    };
    let sa = sentence(doc, a.start) as isize;
    let sb = sentence(doc, b.start) as isize;
    (dir, bucket(gap), (sa - sb).clamp(-3, 3).to_string())
}

/// Spans of `all` between two token ranges.
/// `all` is sorted by start: only the spans starting between the two are looked at.
fn between(all: &[Range<usize>], a: &Range<usize>, b: &Range<usize>) -> usize {
    let (lo, hi) = (a.end.min(b.end), a.start.max(b.start));
    let from = all.partition_point(|s| s.start < lo);
    let to = all.partition_point(|s| s.start < hi).max(from);
    all.get(from..to)
        .unwrap_or_default()
        .iter()
        .filter(|s| s.end <= hi)
        .count()
}

/// Spans of `all` (sorted) whose sentence is within the window of `span`'s.
fn near(doc: &Doc, all: &[Range<usize>], span: &Range<usize>) -> Vec<usize> {
    let (s0, s1) = (
        sentence(doc, span.start),
        sentence(doc, span.end.saturating_sub(1)),
    );
    let from = all.partition_point(|s| sentence(doc, s.start) + WINDOW < s0);
    (from..all.len())
        .take_while(|&i| {
            all.get(i)
                .is_some_and(|s| sentence(doc, s.start) <= s1 + WINDOW)
        })
        .collect()
}

/// The links the rule-based finder made, in tokens: (cue, content piece) and (cue, source).
/// The linker reads them as evidence, so a model of a few articles links as the rules do
/// where it has not learned better.
#[derive(Clone, Debug, Default)]
pub struct RuleLinks {
    /// (content piece, its cue).
    contents: Pairs,
    /// (cue, its source).
    sources: Pairs,
}

/// Links as (from, to), found by the `from` side.
#[derive(Clone, Debug, Default)]
struct Pairs(ByStart<Range<usize>>);

impl Pairs {
    fn new(links: Vec<(Range<usize>, Range<usize>)>) -> Self {
        Self(ByStart::new(links))
    }

    /// What the rules say of linking `a` to `b` (`None` for no link): "same" when they made
    /// this link, "other" when they linked `a` to something else, "none" when they did not
    /// link `a`.
    fn says(&self, a: &Range<usize>, b: Option<&Range<usize>>) -> &'static str {
        let mut linked = false;
        for (_, to) in self.0.overlapping(a) {
            linked = true;
            if b.is_some_and(|b| overlap(to, b)) {
                return "same";
            }
        }
        if linked { "other" } else { "none" }
    }
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

impl RuleLinks {
    /// The links of the rules' suggestions over `doc`.
    pub fn new(doc: &Doc, rules: &Suggestions) -> Self {
        let mut contents = Vec::new();
        let mut sources = Vec::new();
        for q in &rules.quotes {
            let Some(cue) = q.cue.map(|c| tokens_of(doc, c)) else {
                continue;
            };
            for c in &q.content {
                contents.push((tokens_of(doc, *c), cue.clone()));
            }
            if let Some(s) = q.source {
                sources.push((cue.clone(), tokens_of(doc, s)));
            }
        }
        Self {
            contents: Pairs::new(contents),
            sources: Pairs::new(sources),
        }
    }
}

fn word(doc: &Doc, i: usize) -> &str {
    doc.tok(i).map_or("", |t| t.lower.as_str())
}

/// The candidate cues for content span `content`, "none" first.
pub fn content_candidates(
    doc: &Doc,
    rules: &RuleLinks,
    cues: &[Range<usize>],
    content: &Range<usize>,
) -> Vec<Candidate> {
    let ruled = |cue: Option<&Range<usize>>| rules.contents.says(content, cue);
    let quoted = if doc.quote_opening(content.start).is_some() {
        "q"
    } else {
        "nq"
    };
    let near = near(doc, cues, content);
    let n = bucket(near.len());
    let mut out = vec![(
        None,
        vec![
            key(60, &[]),
            key(61, &[quoted]),
            key(62, &[n]),
            key(71, &[ruled(None)]),
        ],
    )];
    for c in near {
        let Some(cue) = cues.get(c) else { continue };
        let (dir, gap, sgap) = relation(doc, cue, content);
        let others = bucket(between(cues, cue, content));
        let w = word(doc, cue.start);
        out.push((
            Some(c),
            vec![
                key(63, &[dir]),
                key(64, &[dir, gap]),
                key(65, &[dir, &sgap]),
                key(66, &[dir, others]),
                key(67, &[dir, quoted, gap]),
                key(68, &[dir, &sgap, others]),
                key(69, &[w, dir]),
                key(70, &[dir, gap, &sgap, quoted]),
                key(72, &[ruled(Some(cue))]),
                key(73, &[ruled(Some(cue)), dir]),
            ],
        ));
    }
    out
}

/// The candidate sources for cue `cue`, "none" first.
pub fn source_candidates(
    doc: &Doc,
    rules: &RuleLinks,
    sources: &[Range<usize>],
    cues: &[Range<usize>],
    cue: &Range<usize>,
) -> Vec<Candidate> {
    let near = near(doc, sources, cue);
    let w = word(doc, cue.start);
    let ruled = |s: Option<&Range<usize>>| rules.sources.says(cue, s);
    let mut out = vec![(
        None,
        vec![
            key(80, &[]),
            key(81, &[w]),
            key(82, &[bucket(near.len())]),
            key(90, &[ruled(None)]),
        ],
    )];
    for s in near {
        let Some(source) = sources.get(s) else {
            continue;
        };
        let (dir, gap, sgap) = relation(doc, source, cue);
        let others = bucket(between(cues, source, cue));
        let pron = if doc.tok(source.start).is_some_and(is_pronoun) {
            "p"
        } else {
            "n"
        };
        out.push((
            Some(s),
            vec![
                key(83, &[dir]),
                key(84, &[dir, gap]),
                key(85, &[dir, &sgap]),
                key(86, &[dir, others]),
                key(87, &[dir, pron, gap]),
                key(88, &[w, dir, gap]),
                key(89, &[dir, gap, &sgap, others]),
                key(91, &[ruled(Some(source))]),
                key(92, &[ruled(Some(source)), pron]),
            ],
        ));
    }
    out
}

/// Link weights while training, with the sums that make the average.
#[derive(Default)]
pub struct LinkTrainer {
    w: HashMap<u64, f64>,
    acc: HashMap<u64, f64>,
    steps: f64,
}

impl LinkTrainer {
    /// Picks among `cands` with the current weights and corrects toward `gold`.
    pub fn learn(&mut self, cands: &[Candidate], gold: Option<usize>) {
        self.steps += 1.0;
        let pred = best(cands, |k| self.w.get(&k).copied().unwrap_or(0.0));
        if pred == gold {
            return;
        }
        let feats = |c: Option<usize>| cands.iter().find(|(x, _)| *x == c).map(|(_, f)| f.clone());
        let (Some(good), Some(bad)) = (feats(gold), feats(pred)) else {
            return;
        };
        for (list, d) in [(good, 1.0), (bad, -1.0)] {
            for k in list {
                *self.w.entry(k).or_default() += d;
                *self.acc.entry(k).or_default() += self.steps * d;
            }
        }
    }

    /// The averaged weights (zeros left out).
    pub fn finish(&self) -> Linker {
        let steps = self.steps.max(1.0);
        let weights = self
            .w
            .iter()
            .map(|(&k, &w)| {
                (
                    k,
                    (w - self.acc.get(&k).copied().unwrap_or(0.0) / steps) as f32,
                )
            })
            .filter(|(_, w)| *w != 0.0)
            .collect();
        Linker { weights }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sorted, non-overlapping spans of varied lengths, with one long span among them.
    fn spans() -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut at = 0;
        for i in 0..60usize {
            let len = if i == 7 { 90 } else { 1 + i * 7 % 5 };
            out.push(at..at + len);
            at += len + i * 3 % 4;
        }
        out
    }

    #[test]
    fn between_counts_as_a_scan_would() {
        let all = spans();
        for a in &all {
            for b in &all {
                let (lo, hi) = (a.end.min(b.end), a.start.max(b.start));
                let scan = all.iter().filter(|s| s.start >= lo && s.end <= hi).count();
                assert_eq!(between(&all, a, b), scan, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_rules_links_are_found_however_long_the_span_before() {
        let all = spans();
        // Each span linked to the next one; the long span starts far before those it covers.
        let links: Vec<_> = all
            .windows(2)
            .map(|w| (w[0].clone(), w[1].clone()))
            .collect();
        let pairs = Pairs::new(links.clone());
        for a in (0..all.last().map_or(0, |s| s.end)).map(|i| i..i + 2) {
            for b in all.iter().map(Some).chain([None]) {
                let linked: Vec<_> = links.iter().filter(|(f, _)| overlap(f, &a)).collect();
                let scan = if linked.iter().any(|(_, t)| b.is_some_and(|b| overlap(t, b))) {
                    "same"
                } else if linked.is_empty() {
                    "none"
                } else {
                    "other"
                };
                assert_eq!(pairs.says(&a, b), scan, "{a:?} {b:?}");
            }
        }
    }
}
