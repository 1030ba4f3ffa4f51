//! Suggestions found offline: quotes with their cue, content and source, and mentions of
//! speakers, from the article text alone (no model, no network).
//!
//! The finder is a set of rules over tokens: sentences, quotation marks, cue words from a
//! lexicon ([`cues`]), and the shape of the sentence around each cue ([`attribution`]). Known
//! speakers are found by name and alias; other sources get a speaker named after them, and a
//! pronoun goes to the last speaker before it. Everything is a suggestion for a person to
//! accept or reject.
//!
//! ```
//! use newsmark::model::suggest::suggest;
//! let s = suggest("“We will stay,” said Jane Doe. She left.", &[]);
//! let q = &s.quotes[0];
//! assert_eq!((q.content[0].start, q.content[0].end), (0, 15));
//! assert_eq!(q.speaker.as_deref(), Some("Jane Doe"));
//! ```

pub mod attribution;
pub mod cues;
pub mod frames;
pub mod patterns;
pub mod quotes;
pub mod sentences;
pub mod session;
pub mod sources;
pub mod speakers;
pub mod tokens;
pub mod words;

use std::ops::Range;

use crate::model::annotation::{QuoteType, Span};
use crate::model::speaker::Speaker;

use cues::Lexicon;
use quotes::Quotation;
use tokens::Token;

/// A suggested quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSuggestion {
    /// Content spans in text order (two or more when the quote is split around its cue).
    pub content: Vec<Span>,
    /// The cue ("said", "according to").
    pub cue: Option<Span>,
    /// The source phrase ("the Norwegian politician", "he").
    pub source: Option<Span>,
    /// The speaker's name: a known speaker's, the name in the source, or, for a pronoun, the
    /// last speaker before it.
    pub speaker: Option<String>,
    /// Direct, indirect or mixed.
    pub quote_type: QuoteType,
}

/// A suggested mention of a known speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionSuggestion {
    /// Where the name or alias stands.
    pub span: Span,
    /// The known speaker's name.
    pub speaker: String,
}

/// Everything the finder suggests for one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suggestions {
    /// Quotes in text order of their cue.
    pub quotes: Vec<QuoteSuggestion>,
    /// Mentions of known speakers in text order.
    pub mentions: Vec<MentionSuggestion>,
}

/// Words before a cue that belong to it (besides adverbs in -ly).
const AUXILIARIES: [&str; 8] = [
    "has",
    "have",
    "had",
    "also",
    "previously",
    "repeatedly",
    "recently",
    "later",
];

/// Suggests quotes and mentions in `text` with the English cue lexicon.
pub fn suggest(text: &str, known: &[Speaker]) -> Suggestions {
    suggest_with(text, known, &cues::EN)
}

/// Suggests quotes and mentions in `text` with the given cue lexicon.
pub fn suggest_with(text: &str, known: &[Speaker], lexicon: &Lexicon) -> Suggestions {
    suggest_in(&Doc::new(text), known, lexicon)
}

/// Suggests quotes and mentions in a tokenized text with the given cue lexicon.
pub fn suggest_in(doc: &Doc, known: &[Speaker], lexicon: &Lexicon) -> Suggestions {
    let mut found: Vec<(usize, usize, attribution::Found)> = Vec::new();
    let mut cues = lexicon.find_all(&doc.toks);
    let unlisted = patterns::unlisted_verbs(doc, &cues);
    cues.extend(unlisted);
    for m in cues.iter() {
        // A cue inside a quotation is the speaker quoting someone else: rarely annotated.
        if doc.inside_quotation(m.first) {
            continue;
        }
        // "was found", "were called": a passive names no speaker before the cue.
        let passive = m
            .first
            .checked_sub(1)
            .and_then(|p| doc.tok(p))
            .is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "was" | "were" | "been" | "be" | "being" | "is" | "are"
                )
            });
        if passive {
            continue;
        }
        if let Some(f) = attribution::attribute(doc, m) {
            // Annotators mark the auxiliary and adverbs with the verb: "has proposed",
            // "also criticized", "had previously endorsed", "sharply criticized".
            let mut first = m.first;
            while let Some(p) = first.checked_sub(1).filter(|&p| {
                doc.tok(p).is_some_and(|t| {
                    AUXILIARIES.contains(&t.lower.as_str())
                        || (!t.cap && t.lower.ends_with("ly") && t.lower.len() > 4)
                })
            }) {
                first = p;
            }
            found.push((first, m.last, f));
        }
    }
    let cueless = patterns::turns(doc)
        .into_iter()
        .chain(patterns::colon_intros(doc, &cues));
    found.extend(cueless.map(|(cue, f)| (cue, cue, f)));
    found.sort_by_key(|(first, _, _)| *first);
    let mut quotes = Vec::new();
    let mut sources = Vec::new();
    for (first, last, f) in found {
        let (Some(first), Some(last)) = (doc.tok(first), doc.tok(last)) else {
            continue;
        };
        quotes.push(QuoteSuggestion {
            content: f.content,
            cue: Some(Span::new(first.start, last.end)),
            source: f.source.as_ref().and_then(|r| doc.span_of(r.clone())),
            speaker: None,
            quote_type: f.quote_type,
        });
        sources.push(f.source);
    }
    let mentions = speakers::known_mentions(doc, known);
    speakers::resolve(doc, known, &mentions, &sources, &mut quotes);
    Suggestions { quotes, mentions }
}

/// The text cut into tokens, quotations and sentences, shared by the finder's steps.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The text's code points.
    pub chars: Vec<char>,
    /// Its tokens.
    pub toks: Vec<Token>,
    /// Outermost quotations in order.
    pub quotations: Vec<Quotation>,
    /// Sentences as token ranges, in order.
    pub sentences: Vec<Range<usize>>,
    /// For every token, the index of its sentence (`u32::MAX` for line breaks).
    sentence_of_tok: Vec<u32>,
    /// For every token, the quotation it opens or closes (`u32::MAX` for none).
    quote_at: Vec<u32>,
}

impl Doc {
    /// Tokenizes `text` and finds its quotations and sentences.
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let toks = tokens::tokenize(&chars);
        let quotations = quotes::find_quotations(&chars, &toks);
        let sentences = sentences::find_sentences(&toks, &quotations);
        let mut sentence_of_tok = vec![u32::MAX; toks.len()];
        for (n, s) in sentences.iter().enumerate() {
            for slot in sentence_of_tok.get_mut(s.clone()).unwrap_or_default() {
                *slot = n as u32;
            }
        }
        let mut quote_at = vec![u32::MAX; toks.len()];
        for (n, q) in quotations.iter().enumerate() {
            for i in [q.open, q.close] {
                if let Some(slot) = quote_at.get_mut(i) {
                    *slot = n as u32;
                }
            }
        }
        Self {
            chars,
            toks,
            quotations,
            sentences,
            sentence_of_tok,
            quote_at,
        }
    }

    /// True when token `i` stands inside a quotation (between its marks).
    pub fn inside_quotation(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        let k = self.quotations.partition_point(|q| q.start <= t.start);
        k.checked_sub(1)
            .and_then(|k| self.quotations.get(k))
            .is_some_and(|q| q.open < i && i < q.close)
    }

    /// Token `i`.
    pub fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_index(&self, i: usize) -> Option<usize> {
        let n = *self.sentence_of_tok.get(i)?;
        (n != u32::MAX).then_some(n as usize)
    }

    /// The sentence holding token `i`, as a token range.
    pub fn sentence_of(&self, i: usize) -> Option<Range<usize>> {
        self.sentences.get(self.sentence_index(i)?).cloned()
    }

    /// The quotation whose closing mark is token `i`.
    pub fn quote_closing(&self, i: usize) -> Option<&Quotation> {
        let q = self.quotations.get(*self.quote_at.get(i)? as usize)?;
        (q.close == i).then_some(q)
    }

    /// The quotation whose opening mark is token `i`.
    pub fn quote_opening(&self, i: usize) -> Option<&Quotation> {
        let q = self.quotations.get(*self.quote_at.get(i)? as usize)?;
        (q.open == i).then_some(q)
    }

    /// Code points of a token range.
    pub fn span_of(&self, r: Range<usize>) -> Option<Span> {
        let first = self.tok(r.start)?;
        let last = self.tok(r.end.checked_sub(1)?)?;
        Some(Span::new(first.start, last.end))
    }

    /// Code points of tokens `from..to` without punctuation at either end (quotation marks
    /// stay); `None` when no word is left.
    pub fn clause(&self, mut from: usize, mut to: usize) -> Option<Span> {
        let trimmed =
            |t: &Token| matches!(t.kind, tokens::TokKind::Punct(c) if ".,;:!?—–-(".contains(c));
        while from < to && self.tok(from).is_some_and(trimmed) {
            from += 1;
        }
        while to > from && self.tok(to - 1).is_some_and(trimmed) {
            to -= 1;
        }
        let has_word = (from..to).any(|i| self.tok(i).is_some_and(Token::is_word));
        if has_word {
            self.span_of(from..to)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod tests_roles;
