//! Training the tagger as a linear-chain CRF: the log-likelihood of each paragraph's gold tags,
//! computed by forward-backward, climbed one paragraph at a time with AdaGrad steps and an L2
//! penalty on the weights a step touches. The weights have the tagger's shape, so decoding is
//! the same Viterbi as for any tagger.
//!
//! AdaGrad gives every weight its own rate: the bias and the quotation-state features, seen
//! at every token, take small steps; a rare cue word's weight takes large ones. Plain SGD with
//! one rate either crawls or diverges on these features (measured: docs/attribution-model.md).

use std::collections::HashMap;

use super::tagger::{TAGS, allowed};

/// The forward-backward lattice of one paragraph.
struct Lattice {
    e: Vec<[f64; TAGS]>,
    alpha: Vec<[f64; TAGS]>,
    beta: Vec<[f64; TAGS]>,
    z: f64,
}

/// Weights while training, with AdaGrad's sums of squared gradients.
pub struct CrfTrainer {
    w: Vec<f64>,
    tw: Vec<f64>,
    hist: Vec<f64>,
    thist: Vec<f64>,
    /// The L2 pull of one step on a weight: `c2 / sequences`.
    decay: f64,
}

fn log_sum_exp(xs: impl Iterator<Item = f64> + Clone) -> f64 {
    let m = xs.clone().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + xs.map(|x| (x - m).exp()).sum::<f64>().ln()
}

/// Adds an AdaGrad step of gradient `g` to weight `x` with history `h`.
fn adagrad(x: &mut f64, h: &mut f64, g: f64, rate: f64) {
    if g.is_finite() && g != 0.0 {
        *h += g * g;
        *x += rate * g / (h.sqrt() + 1e-8);
    }
}

impl CrfTrainer {
    /// Zero weights for `rows` features; `c2` is the L2 strength over `sequences` paragraphs.
    pub fn new(rows: usize, c2: f64, sequences: usize) -> Self {
        Self {
            w: vec![0.0; rows * TAGS],
            tw: vec![0.0; (TAGS + 1) * TAGS],
            hist: vec![0.0; rows * TAGS],
            thist: vec![0.0; (TAGS + 1) * TAGS],
            decay: c2 / sequences.max(1) as f64,
        }
    }

    fn emissions(&self, rows: &[Vec<u32>]) -> Vec<[f64; TAGS]> {
        rows.iter()
            .map(|feats| {
                let mut e = [0f64; TAGS];
                for &r in feats {
                    let base = r as usize * TAGS;
                    for (y, v) in e.iter_mut().enumerate() {
                        *v += self.w.get(base + y).copied().unwrap_or(0.0);
                    }
                }
                e
            })
            .collect()
    }

    /// The transition score (`from == TAGS` is the start); a forbidden one is -inf.
    fn tr(&self, from: usize, to: usize) -> f64 {
        if allowed(from, to) {
            self.tw.get(from * TAGS + to).copied().unwrap_or(0.0)
        } else {
            f64::NEG_INFINITY
        }
    }

    /// Emissions, forward and backward scores (log space) and the log partition of a
    /// paragraph under the current weights.
    fn lattice(&self, rows: &[Vec<u32>]) -> Lattice {
        let e = self.emissions(rows);
        let n = e.len();
        let mut alpha = vec![[f64::NEG_INFINITY; TAGS]; n];
        let mut beta = vec![[0f64; TAGS]; n];
        if n == 0 {
            return Lattice {
                e,
                alpha,
                beta,
                z: 0.0,
            };
        }
        for y in 0..TAGS {
            alpha[0][y] = self.tr(TAGS, y) + e[0][y];
        }
        for t in 1..n {
            let prev = alpha[t - 1];
            for (y, a) in alpha[t].iter_mut().enumerate() {
                *a = log_sum_exp((0..TAGS).map(|p| prev[p] + self.tr(p, y))) + e[t][y];
            }
        }
        for t in (0..n - 1).rev() {
            let next = beta[t + 1];
            for (p, b) in beta[t].iter_mut().enumerate() {
                *b = log_sum_exp((0..TAGS).map(|y| self.tr(p, y) + e[t + 1][y] + next[y]));
            }
        }
        let z = log_sum_exp(alpha[n - 1].iter().copied());
        Lattice { e, alpha, beta, z }
    }

    /// One step on one paragraph (`rows` of features, `gold` tags) with base rate `rate`;
    /// returns how many tokens' most likely tag under the weights before the step is wrong.
    pub fn learn(&mut self, rows: &[Vec<u32>], gold: &[u8], rate: f64) -> usize {
        let n = rows.len().min(gold.len());
        if n == 0 {
            return 0;
        }
        let Lattice { e, alpha, beta, z } = self.lattice(rows.get(..n).unwrap_or_default());
        if !z.is_finite() {
            return n;
        }
        let marginal = |t: usize, y: usize| (alpha[t][y] + beta[t][y] - z).exp();
        let wrong = (0..n)
            .filter(|&t| {
                // The marginal grows with alpha + beta: no need to take exponentials.
                let score = |y: usize| alpha[t][y] + beta[t][y];
                let best = (0..TAGS)
                    .max_by(|&a, &b| score(a).total_cmp(&score(b)))
                    .unwrap_or(0);
                best != gold[t] as usize
            })
            .count();
        // The gradient: gold counts less expected counts, per (feature, tag) and transition.
        let mut grad_w: HashMap<usize, f64> = HashMap::new();
        let mut grad_t = vec![0f64; (TAGS + 1) * TAGS];
        for t in 0..n {
            let g = gold[t] as usize;
            let mut grad = [0f64; TAGS];
            for (y, v) in grad.iter_mut().enumerate() {
                *v = -marginal(t, y);
            }
            grad[g] += 1.0;
            for &r in &rows[t] {
                let base = r as usize * TAGS;
                for (y, d) in grad.iter().enumerate() {
                    if d.abs() > 1e-9 {
                        *grad_w.entry(base + y).or_default() += d;
                    }
                }
            }
            let gp = if t == 0 { TAGS } else { gold[t - 1] as usize };
            grad_t[gp * TAGS + g] += 1.0;
            if t == 0 {
                for y in 0..TAGS {
                    grad_t[TAGS * TAGS + y] -= marginal(0, y);
                }
            } else {
                for p in 0..TAGS {
                    for y in 0..TAGS {
                        grad_t[p * TAGS + y] -=
                            (alpha[t - 1][p] + self.tr(p, y) + e[t][y] + beta[t][y] - z).exp();
                    }
                }
            }
        }
        for (at, g) in grad_w {
            if let (Some(x), Some(h)) = (self.w.get_mut(at), self.hist.get_mut(at)) {
                let g = g - self.decay * *x;
                adagrad(x, h, g, rate);
            }
        }
        for (at, g) in grad_t.into_iter().enumerate() {
            if let (Some(x), Some(h)) = (self.tw.get_mut(at), self.thist.get_mut(at)) {
                adagrad(x, h, g, rate);
            }
        }
        wrong
    }

    /// The weights and transitions as the tagger keeps them.
    pub fn finish(&self) -> (Vec<f32>, Vec<f32>) {
        let f = |v: &[f64]| v.iter().map(|&w| w as f32).collect();
        (f(&self.w), f(&self.tw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::learn::tagger::{B_CUE, O, viterbi};

    /// The log partition by brute force: every allowed tag sequence scored and summed.
    fn brute_log_z(c: &CrfTrainer, rows: &[Vec<u32>]) -> f64 {
        let e = c.emissions(rows);
        let n = rows.len();
        let mut scores = Vec::new();
        for code in 0..TAGS.pow(n as u32) {
            let tags: Vec<usize> = (0..n).map(|t| code / TAGS.pow(t as u32) % TAGS).collect();
            let mut s = 0.0;
            let mut prev = TAGS;
            for (t, &y) in tags.iter().enumerate() {
                s += c.tr(prev, y) + e[t][y];
                prev = y;
            }
            scores.push(s);
        }
        log_sum_exp(scores.into_iter())
    }

    #[test]
    fn forward_backward_sums_every_allowed_sequence() {
        let mut c = CrfTrainer::new(3, 0.0, 1);
        for (i, w) in c.w.iter_mut().enumerate() {
            *w = ((i * 37 % 11) as f64 - 5.0) / 3.0;
        }
        for (i, w) in c.tw.iter_mut().enumerate() {
            *w = ((i * 13 % 7) as f64 - 3.0) / 2.0;
        }
        let rows = vec![vec![0, 1], vec![2], vec![1, 2]];
        let lattice = c.lattice(&rows);
        assert!((lattice.z - brute_log_z(&c, &rows)).abs() < 1e-9);
        // The backward pass gives the same partition from the other end.
        let from_start =
            log_sum_exp((0..TAGS).map(|y| c.tr(TAGS, y) + lattice.e[0][y] + lattice.beta[0][y]));
        assert!((from_start - lattice.z).abs() < 1e-9);
    }

    #[test]
    fn learns_a_one_word_cue() {
        // Feature 0 is "said", feature 1 any other word; "said" is the cue.
        let rows = vec![vec![1], vec![0], vec![1], vec![1]];
        let gold = vec![O, B_CUE, O, O];
        let mut c = CrfTrainer::new(2, 1.0, 1);
        let before = c.learn(&rows, &gold, 0.05);
        assert!(before > 0, "zero weights get it wrong");
        for _ in 0..50 {
            c.learn(&rows, &gold, 0.05);
        }
        assert_eq!(c.learn(&rows, &gold, 0.05), 0);
        let (w, tw) = c.finish();
        assert_eq!(viterbi(&rows, &w, &tw), gold);
    }
}
