//! What people marked, as the model learns it: an article's text and its quotes, each with
//! content spans, a cue and source spans.

use std::ops::Range;

use crate::model::annotation::{Kind, Span};
use crate::model::session::Session;
use crate::model::suggest::Doc;

use super::tagger::{B_CONTENT, B_CUE, B_SOURCE, O};

/// One quote as an annotator marked it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldQuote {
    /// Content spans in text order.
    pub content: Vec<Span>,
    /// The cue.
    pub cue: Option<Span>,
    /// Source spans (the quote's source mentions).
    pub source: Vec<Span>,
}

/// One annotated article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Example {
    /// The normalized article text.
    pub text: String,
    /// Its quotes.
    pub quotes: Vec<GoldQuote>,
}

impl Example {
    /// The quotes of `session` over `text` (what was accepted, corrected or made by hand;
    /// a rejected suggestion is not in the session, so its words count as no quote). Spans
    /// outside the text are left out.
    pub fn from_session(session: &Session, text: &str) -> Self {
        let chars = text.chars().count();
        let fits = |s: &Span| s.start < s.end && s.end <= chars;
        let mut quotes = Vec::new();
        for a in &session.annotations {
            let Kind::Quote(q) = &a.kind else { continue };
            let mut content: Vec<Span> = std::iter::once(a.span())
                .chain(q.more.iter().copied())
                .filter(fits)
                .collect();
            content.sort_by_key(|s| s.start);
            let source = q
                .source_mentions
                .iter()
                .filter_map(|id| session.annotation(*id))
                .map(|m| m.span())
                .filter(fits)
                .collect();
            quotes.push(GoldQuote {
                content,
                cue: q.cue.filter(fits),
                source,
            });
        }
        Self {
            text: text.to_owned(),
            quotes,
        }
    }
}

/// The token range a code-point span covers.
pub fn tokens_of(doc: &Doc, s: Span) -> Range<usize> {
    let first = doc.toks.partition_point(|t| t.end <= s.start);
    let end = doc.toks.partition_point(|t| t.start < s.end);
    first..end.max(first)
}

/// Gold spans in tokens: cues, sources and contents, with the links between them.
#[derive(Clone, Debug, Default)]
pub struct GoldSpans {
    /// Gold tags, one per token (a token keeps the first role it is given).
    pub tags: Vec<u8>,
    /// Cue token ranges, sorted.
    pub cues: Vec<Range<usize>>,
    /// Source token ranges, sorted.
    pub sources: Vec<Range<usize>>,
    /// Content token ranges, sorted, each with the index in `cues` of its quote's cue.
    pub contents: Vec<(Range<usize>, Option<usize>)>,
    /// For every cue, the index in `sources` of its quote's first source.
    pub cue_source: Vec<Option<usize>>,
}

impl GoldSpans {
    /// Reads the gold spans of `ex` over its tokenized text.
    pub fn new(doc: &Doc, ex: &Example) -> Self {
        let mut tags = vec![O; doc.toks.len()];
        let mut mark = |r: &Range<usize>, b: u8| {
            if r.clone().any(|i| tags.get(i).is_some_and(|&t| t != O)) {
                return false;
            }
            for i in r.clone() {
                if let Some(t) = tags.get_mut(i) {
                    *t = if i == r.start { b } else { b + 1 };
                }
            }
            true
        };
        // (cue, sources, contents) of each quote in tokens; overlapping spans are dropped.
        let mut quotes = Vec::new();
        for q in &ex.quotes {
            let cue = q
                .cue
                .map(|c| tokens_of(doc, c))
                .filter(|r| !r.is_empty() && mark(r, B_CUE));
            let sources: Vec<Range<usize>> = q
                .source
                .iter()
                .map(|s| tokens_of(doc, *s))
                .filter(|r| !r.is_empty() && mark(r, B_SOURCE))
                .collect();
            let contents: Vec<Range<usize>> = q
                .content
                .iter()
                .map(|s| tokens_of(doc, *s))
                .filter(|r| !r.is_empty() && mark(r, B_CONTENT))
                .collect();
            quotes.push((cue, sources, contents));
        }
        let mut cues: Vec<Range<usize>> = quotes.iter().filter_map(|q| q.0.clone()).collect();
        cues.sort_by_key(|r| r.start);
        let mut sources: Vec<Range<usize>> = quotes.iter().flat_map(|q| q.1.clone()).collect();
        sources.sort_by_key(|r| r.start);
        let mut contents = Vec::new();
        let mut cue_source = vec![None; cues.len()];
        for (cue, srcs, conts) in quotes {
            let c = cue.and_then(|c| cues.iter().position(|x| *x == c));
            if let (Some(c), Some(s)) = (c, srcs.first())
                && let Some(slot) = cue_source.get_mut(c)
            {
                *slot = sources.iter().position(|x| x == s);
            }
            contents.extend(conts.into_iter().map(|r| (r, c)));
        }
        contents.sort_by_key(|(r, _)| r.start);
        Self {
            tags,
            cues,
            sources,
            contents,
            cue_source,
        }
    }
}
