//! A trained attribution model: cue, source and content tagged by a linear-chain CRF over
//! hand-made token features, linked by a learned ranker. Learned from human
//! sessions; used in place of the rules by `suggest --model` and by the window.
//!
//! ```
//! use newsmark::model::annotation::Span;
//! use newsmark::model::learn::{Example, GoldQuote, Options, train};
//! let text = "Smith said the plan works. Jones said the plan fails.".to_owned();
//! let gold = |s: usize, c: usize, k: (usize, usize)| GoldQuote {
//!     content: vec![Span::new(k.0, k.1)],
//!     cue: Some(Span::new(c, c + 4)),
//!     source: vec![Span::new(s, s + 5)],
//! };
//! let ex = Example { text: text.clone(), quotes: vec![gold(0, 6, (11, 25)), gold(27, 33, (38, 52))] };
//! // One short article: keep every feature, however rare, and let its size choose the passes.
//! let opts = Options { epochs: 0, min_count: 1, ..Options::default() };
//! let model = train(&[ex], &opts, &mut |_| {});
//! let found = model.suggest(&text, &[]);
//! assert_eq!(found.quotes.len(), 2);
//! assert_eq!(found.quotes[0].speaker.as_deref(), Some("Smith"));
//! ```

mod crf;
pub mod features;
pub mod format;
pub mod gold;
pub mod linker;
mod merge;
mod overlap;
pub mod tagger;
mod training;

use std::ops::Range;

use crate::model::annotation::Span;
use crate::model::speaker::Speaker;
use crate::model::suggest::{self, Doc, QuoteSuggestion, Suggestions, cues::EN, speakers};

pub use gold::{Example, GoldQuote};
pub use training::{Options, Progress, train};

use linker::Linker;
use tagger::{B_CONTENT, B_CUE, B_SOURCE, O, Tagger};

/// What a model was trained on, kept in its file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Articles (sessions) it learned from.
    pub examples: u32,
    /// Passes over them.
    pub epochs: u32,
    /// The seed that ordered them.
    pub seed: u64,
}

/// A trained model: the tagger and the linker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    /// Tags cue, source and content tokens.
    pub tagger: Tagger,
    /// Links contents and sources to cues.
    pub linker: Linker,
    /// What it was trained on.
    pub meta: Meta,
}

/// Above this many tokens, tagging uses every core.
const PARALLEL_TOKENS: usize = 200_000;

/// The text prepared for the model: tokens, the rules' suggestions, each token's feature rows.
pub(crate) struct Prepared {
    pub doc: Doc,
    pub rules: Suggestions,
    pub feats: features::Features,
}

impl Prepared {
    pub fn new(text: &str) -> Self {
        let doc = Doc::new(text);
        let rules = suggest::suggest_in(&doc, &[], &EN);
        let feats = features::Features::new(&doc, &rules);
        Self { doc, rules, feats }
    }

    /// Every feature key of every token, one token at a time.
    pub fn each_key(&self, mut f: impl FnMut(u64)) {
        let mut buf = Vec::with_capacity(48);
        for i in 0..self.doc.toks.len() {
            self.feats.of(&self.doc, i, &mut buf);
            buf.iter().for_each(|&k| f(k));
        }
    }

    /// The rows of the tokens in `range`: each token's keys that `row` knows.
    pub fn rows(&self, range: Range<usize>, row: impl Fn(u64) -> Option<u32>) -> Vec<Vec<u32>> {
        let mut buf = Vec::with_capacity(48);
        range
            .map(|i| {
                self.feats.of(&self.doc, i, &mut buf);
                buf.iter().filter_map(|&k| row(k)).collect()
            })
            .collect()
    }

    /// Paragraphs as token ranges (line breaks left out): the sequences the tagger reads.
    pub fn paragraphs(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, t) in self.doc.toks.iter().enumerate() {
            if t.kind == suggest::tokens::TokKind::Break {
                if start < i {
                    out.push(start..i);
                }
                start = i + 1;
            }
        }
        if start < self.doc.toks.len() {
            out.push(start..self.doc.toks.len());
        }
        out
    }
}

/// Cue, source and content spans (token ranges) read off a tag sequence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tagged {
    /// Cue token ranges in order.
    pub cues: Vec<Range<usize>>,
    /// Source token ranges in order.
    pub sources: Vec<Range<usize>>,
    /// Content token ranges in order.
    pub contents: Vec<Range<usize>>,
}

impl Tagged {
    /// The spans of `tags` (one per token).
    pub fn from_tags(tags: &[u8]) -> Self {
        let mut out = Self::default();
        let mut i = 0;
        while let Some(&t) = tags.get(i) {
            if t == O {
                i += 1;
                continue;
            }
            let b = if t % 2 == 1 { t } else { t - 1 };
            let mut j = i + 1;
            while tags.get(j) == Some(&(b + 1)) {
                j += 1;
            }
            match b {
                B_CUE => out.cues.push(i..j),
                B_SOURCE => out.sources.push(i..j),
                B_CONTENT => out.contents.push(i..j),
                _ => {}
            }
            i = j;
        }
        out
    }
}

impl Model {
    /// Cue, source and content spans as the tagger marks them, before linking (for
    /// measuring the tagger alone).
    pub fn tagged_spans(&self, text: &str) -> [Vec<Span>; 3] {
        let p = Prepared::new(text);
        let t = Tagged::from_tags(&self.tags(&p));
        let spans = |v: &[Range<usize>]| -> Vec<Span> {
            v.iter().filter_map(|r| p.doc.span_of(r.clone())).collect()
        };
        [spans(&t.cues), spans(&t.sources), spans(&t.contents)]
    }

    /// The tags of every token of a prepared text (line breaks are `O`). A long text's
    /// paragraphs are shared among the machine's cores.
    pub(crate) fn tags(&self, p: &Prepared) -> Vec<u8> {
        let paras = p.paragraphs();
        let tag_all = |paras: &[Range<usize>]| -> Vec<Vec<u8>> {
            paras
                .iter()
                .map(|para| {
                    let rows = p.rows(para.clone(), |k| self.tagger.index.get(&k).copied());
                    self.tagger.decode(&rows)
                })
                .collect()
        };
        let threads = if p.doc.toks.len() > PARALLEL_TOKENS {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
        } else {
            1
        };
        let found: Vec<Vec<u8>> = if threads > 1 {
            // As many tokens to each thread, in paragraphs whole and in order.
            let share = p.doc.toks.len().div_ceil(threads).max(1);
            let mut parts: Vec<&[Range<usize>]> = Vec::new();
            let mut rest: &[Range<usize>] = &paras;
            while !rest.is_empty() {
                let mut tokens = 0;
                let take = rest
                    .iter()
                    .take_while(|r| {
                        let fits = tokens < share;
                        tokens += r.len();
                        fits
                    })
                    .count()
                    .max(1);
                let (part, tail) = rest.split_at(take.min(rest.len()));
                parts.push(part);
                rest = tail;
            }
            std::thread::scope(|s| {
                let handles: Vec<_> = parts
                    .into_iter()
                    .map(|c| s.spawn(move || tag_all(c)))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        } else {
            tag_all(&paras)
        };
        let mut tags = vec![O; p.doc.toks.len()];
        for (para, found) in paras.into_iter().zip(found) {
            if let Some(slot) = tags.get_mut(para) {
                slot.copy_from_slice(&found);
            }
        }
        tags
    }

    /// Suggests quotes (and mentions of `known` speakers) in `text`.
    pub fn suggest(&self, text: &str, known: &[Speaker]) -> Suggestions {
        let p = Prepared::new(text);
        let mut tagged = Tagged::from_tags(&self.tags(&p));
        let doc = &p.doc;
        let links = linker::RuleLinks::new(doc, &p.rules);
        merge::add_rule_candidates(&mut tagged, doc, &p.rules);
        let span = |r: &Range<usize>| doc.span_of(r.clone());
        // Each content goes to its cue (or stands alone); each cue with content gets a source.
        let mut by_cue: Vec<Vec<Span>> = vec![Vec::new(); tagged.cues.len()];
        let mut alone: Vec<Span> = Vec::new();
        for c in &tagged.contents {
            let Some(s) = span(c) else { continue };
            let cands = linker::content_candidates(doc, &links, &tagged.cues, c);
            match self.linker.pick(&cands).and_then(|k| by_cue.get_mut(k)) {
                Some(list) => list.push(s),
                None => alone.push(s),
            }
        }
        let mut quotes: Vec<(QuoteSuggestion, Option<Range<usize>>)> = Vec::new();
        for (k, content) in by_cue.into_iter().enumerate() {
            let Some(cue) = tagged.cues.get(k) else {
                continue;
            };
            if content.is_empty() {
                continue;
            }
            let cands = linker::source_candidates(doc, &links, &tagged.sources, &tagged.cues, cue);
            let source = self
                .linker
                .pick(&cands)
                .and_then(|s| tagged.sources.get(s))
                .cloned();
            let quote_type = doc.type_of(&content);
            quotes.push((
                QuoteSuggestion {
                    content,
                    cue: span(cue),
                    source: source.as_ref().and_then(span),
                    speaker: None,
                    quote_type,
                },
                source,
            ));
        }
        for s in alone {
            let quote_type = doc.type_of(&[s]);
            let q = QuoteSuggestion {
                content: vec![s],
                cue: None,
                source: None,
                speaker: None,
                quote_type,
            };
            quotes.push((q, None));
        }
        merge::combine_with_rules(doc, &p.rules, &mut quotes);
        let first = |q: &QuoteSuggestion| {
            q.cue
                .map_or(q.content.first().map_or(0, |s| s.start), |c| c.start)
        };
        quotes.sort_by_key(|(q, _)| first(q));
        let (mut quotes, sources): (Vec<_>, Vec<_>) = quotes.into_iter().unzip();
        let mentions = speakers::known_mentions(doc, known);
        speakers::resolve(doc, known, &mentions, &sources, &mut quotes);
        Suggestions { quotes, mentions }
    }
}
