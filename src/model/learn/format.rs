//! The model file, as bytes (docs/attribution-model.md describes it field by field).
//!
//! ```text
//! "newsmark-model\n"   15 bytes, the magic
//! version              u32 LE (this build writes and reads 1)
//! payload length       u64 LE
//! SHA-256 of payload   32 bytes
//! payload              meta, transitions, scale, tagger rows (key + 7 × i16), linker weights
//! ```
//! Everything little-endian. Tagger weights are 16-bit steps of one scale (f32); the
//! transitions and the linker's weights are f32. A newer version, a short file or a payload
//! whose checksum differs is refused with a message that says which.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::linker::Linker;
use super::tagger::{TAGS, Tagger};
use super::{Meta, Model};

/// The first bytes of every model file.
pub const MAGIC: &[u8] = b"newsmark-model\n";
/// The format version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
const HEADER: usize = 15 + 4 + 8 + 32;

/// The scale that maps the largest weight to the largest 16-bit step.
pub fn scale_of(weights: &[f32]) -> f32 {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
    if max > 0.0 {
        max / f32::from(i16::MAX)
    } else {
        1.0
    }
}

/// `w` rounded to a step of `scale`.
pub fn quantize(w: f32, scale: f32) -> f32 {
    step(w, scale) as f32 * scale
}

fn step(w: f32, scale: f32) -> i16 {
    (w / scale)
        .round()
        .clamp(-f32::from(i16::MAX), f32::from(i16::MAX)) as i16
}

/// Why bytes are not a model this build can use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// The magic is missing.
    #[error("not a newsmark model file")]
    NotAModel,
    /// Written by a newer newsmark.
    #[error(
        "the model was made by a newer newsmark (model format {found}; this one reads up to {VERSION}): update newsmark or train the model again"
    )]
    Newer {
        /// The file's version.
        found: u32,
    },
    /// Shorter than its header says.
    #[error("the model file is truncated ({found} of {expected} bytes): train it again")]
    Truncated {
        /// Bytes the header promises.
        expected: u64,
        /// Bytes there are.
        found: u64,
    },
    /// The checksum does not match, or the payload does not parse.
    #[error("the model file is damaged ({0}): train it again")]
    Damaged(String),
}

/// The bytes of a model file.
pub fn encode(m: &Model) -> Vec<u8> {
    let mut p = Vec::new();
    p.extend(m.meta.examples.to_le_bytes());
    p.extend(m.meta.epochs.to_le_bytes());
    p.extend(m.meta.seed.to_le_bytes());
    p.extend((TAGS as u32).to_le_bytes());
    for w in &m.tagger.transitions {
        p.extend(w.to_le_bytes());
    }
    let scale = scale_of(&m.tagger.weights);
    p.extend(scale.to_le_bytes());
    p.extend((m.tagger.keys.len() as u32).to_le_bytes());
    for (r, k) in m.tagger.keys.iter().enumerate() {
        p.extend(k.to_le_bytes());
        for w in m
            .tagger
            .weights
            .get(r * TAGS..(r + 1) * TAGS)
            .unwrap_or_default()
        {
            p.extend(step(*w, scale).to_le_bytes());
        }
    }
    let mut links: Vec<(&u64, &f32)> = m.linker.weights.iter().collect();
    links.sort_by_key(|(k, _)| **k);
    p.extend((links.len() as u32).to_le_bytes());
    for (k, w) in links {
        p.extend(k.to_le_bytes());
        p.extend(w.to_le_bytes());
    }
    let mut out = Vec::with_capacity(HEADER + p.len());
    out.extend(MAGIC);
    out.extend(VERSION.to_le_bytes());
    out.extend((p.len() as u64).to_le_bytes());
    out.extend(Sha256::digest(&p));
    out.extend(p);
    out
}

/// Reads little-endian values off a byte slice.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let (head, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or_else(|| ModelError::Damaged("it ends inside a field".into()))?;
        self.0 = rest;
        Ok(*head)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        self.take().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        self.take().map(u64::from_le_bytes)
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        let w = f32::from_le_bytes(self.take()?);
        if w.is_finite() {
            Ok(w)
        } else {
            Err(ModelError::Damaged("a weight is not a number".into()))
        }
    }
    fn count(&mut self, each: usize) -> Result<usize, ModelError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(each) > self.0.len() {
            return Err(ModelError::Damaged(
                "a count is larger than the file".into(),
            ));
        }
        Ok(n)
    }
}

/// The model in `bytes`, or why not.
pub fn decode(bytes: &[u8]) -> Result<Model, ModelError> {
    let Some(rest) = bytes.strip_prefix(MAGIC) else {
        return Err(ModelError::NotAModel);
    };
    let mut r = Reader(rest);
    let short = |_| ModelError::Truncated {
        expected: HEADER as u64,
        found: bytes.len() as u64,
    };
    let version = r.u32().map_err(short)?;
    if version > VERSION {
        return Err(ModelError::Newer { found: version });
    }
    if version == 0 {
        return Err(ModelError::Damaged("its version is 0".into()));
    }
    let len = r.u64().map_err(short)?;
    let sum: [u8; 32] = r.take().map_err(short)?;
    let payload = r.0;
    if (payload.len() as u64) < len {
        return Err(ModelError::Truncated {
            expected: HEADER as u64 + len,
            found: bytes.len() as u64,
        });
    }
    if payload.len() as u64 > len {
        return Err(ModelError::Damaged("bytes follow its end".into()));
    }
    if Sha256::digest(payload).as_slice() != sum {
        return Err(ModelError::Damaged("its checksum does not match".into()));
    }
    let mut r = Reader(payload);
    let meta = Meta {
        examples: r.u32()?,
        epochs: r.u32()?,
        seed: r.u64()?,
    };
    if r.u32()? as usize != TAGS {
        return Err(ModelError::Damaged("it has another set of tags".into()));
    }
    let mut tagger = Tagger::default();
    for _ in 0..(TAGS + 1) * TAGS {
        tagger.transitions.push(r.f32()?);
    }
    let scale = r.f32()?;
    let rows = r.count(8 + 2 * TAGS)?;
    tagger.keys.reserve(rows);
    tagger.weights.reserve(rows * TAGS);
    for n in 0..rows {
        let k = r.u64()?;
        tagger.keys.push(k);
        tagger.index.insert(k, n as u32);
        for _ in 0..TAGS {
            let q = i16::from_le_bytes(r.take()?);
            tagger.weights.push(f32::from(q) * scale);
        }
    }
    let links = r.count(12)?;
    let mut weights = HashMap::with_capacity(links);
    for _ in 0..links {
        let k = r.u64()?;
        weights.insert(k, r.f32()?);
    }
    if !r.0.is_empty() {
        return Err(ModelError::Damaged("bytes follow its last field".into()));
    }
    Ok(Model {
        tagger,
        linker: Linker { weights },
        meta,
    })
}
