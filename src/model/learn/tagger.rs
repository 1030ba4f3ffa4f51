//! The sequence tagger: a linear-chain CRF over BIO tags with first-order transitions
//! (trained in `crf.rs`), decoded exactly by Viterbi (see docs/attribution-model.md for the choice).
//!
//! Tags: `O`, then B and I of cue, source and content. An `I` tag may only follow the B or
//! I of its own kind; decoding never produces a broken span.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Feature keys are FNV-1a hashes already: the map uses them as they are.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, k: u64) {
        self.0 = k;
    }
}

/// A map keyed by feature keys.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// Number of tags.
pub const TAGS: usize = 7;
/// The outside tag.
pub const O: u8 = 0;
/// The B tags of cue, source and content; the I tag is one more.
pub const B_CUE: u8 = 1;
/// Begins a source.
pub const B_SOURCE: u8 = 3;
/// Begins a content span.
pub const B_CONTENT: u8 = 5;

/// True when tag `to` may follow tag `from` (`from == TAGS` is the start of a sequence).
pub fn allowed(from: usize, to: usize) -> bool {
    match to {
        2 | 4 | 6 => from == to || from + 1 == to,
        _ => true,
    }
}

/// Learned weights: per feature, one weight per tag; and the transitions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tagger {
    /// Feature key → row in `weights`.
    pub index: KeyMap<u32>,
    /// The key of every row, in row order (what the model file stores).
    pub keys: Vec<u64>,
    /// `keys.len() * TAGS` weights.
    pub weights: Vec<f32>,
    /// `(TAGS + 1) * TAGS` transition weights; the last row is the start of a sequence.
    pub transitions: Vec<f32>,
}

impl Tagger {
    /// The best tag sequence for tokens with these feature rows.
    pub fn decode(&self, rows: &[Vec<u32>]) -> Vec<u8> {
        viterbi(rows, &self.weights, &self.transitions)
    }
}

/// The best tag sequence under `weights` (per row, TAGS) and `transitions`.
pub fn viterbi<W: Copy + Into<f64>>(
    rows: &[Vec<u32>],
    weights: &[W],
    transitions: &[W],
) -> Vec<u8> {
    let n = rows.len();
    if n == 0 {
        return Vec::new();
    }
    let tr = |from: usize, to: usize| -> f64 {
        transitions.get(from * TAGS + to).map_or(0.0, |&w| w.into())
    };
    let mut score = vec![[f64::NEG_INFINITY; TAGS]; n];
    let mut back = vec![[0u8; TAGS]; n];
    for (t, feats) in rows.iter().enumerate() {
        let mut emit = [0f64; TAGS];
        for &r in feats {
            let base = r as usize * TAGS;
            for (y, e) in emit.iter_mut().enumerate() {
                *e += weights.get(base + y).map_or(0.0, |&w| w.into());
            }
        }
        for y in 0..TAGS {
            let (best, arg) = if t == 0 {
                if allowed(TAGS, y) {
                    (tr(TAGS, y), 0)
                } else {
                    (f64::NEG_INFINITY, 0)
                }
            } else {
                let prev = score.get(t - 1).copied().unwrap_or([0.0; TAGS]);
                let mut best = (f64::NEG_INFINITY, 0u8);
                for (p, &s) in prev.iter().enumerate() {
                    if allowed(p, y) && s + tr(p, y) > best.0 {
                        best = (s + tr(p, y), p as u8);
                    }
                }
                best
            };
            if let (Some(s), Some(b)) = (score.get_mut(t), back.get_mut(t)) {
                s[y] = best + emit[y];
                b[y] = arg;
            }
        }
    }
    let last = score.last().copied().unwrap_or([0.0; TAGS]);
    let mut y = (0..TAGS)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut out = vec![0u8; n];
    for t in (0..n).rev() {
        if let Some(o) = out.get_mut(t) {
            *o = y as u8;
        }
        y = back.get(t).map_or(0, |b| b[y] as usize);
    }
    out
}
