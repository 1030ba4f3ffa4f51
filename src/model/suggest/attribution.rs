//! From a cue to its source and content, by the shape of the sentence around it.
//!
//! | shape                                   | source        | content                   |
//! |-----------------------------------------|---------------|---------------------------|
//! | `“A,” said Smith.` / `“A,” Smith said.` | after / before| the quotation before      |
//! | `“A,” she said, “B.”`                    | before        | both quotations           |
//! | `Smith said (that) A.` / `said: “A.”`   | before        | the rest of the sentence  |
//! | `A, Smith said.`                        | before        | the sentence up to `,`    |
//! | `According to Smith, A.` / `A, according to Smith.` | after | the other part       |
//!
//! A direct quotation is followed into the next sentences of its paragraph while they are
//! quotations with no cue of their own (`“A,” said Smith. “B.”`).

use std::ops::Range;

use crate::model::annotation::{QuoteType, Span};

use super::Doc;
use super::cues::CueMatch;
use super::frames::{appositive_subject, clause_ends, is_opener, words_after};
use super::sources::{apposed, phrase_after, phrase_before, starts_phrase, subject};
use super::tokens::{TokKind, Token};

/// A quote found around one cue, in tokens and code points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Content spans in text order.
    pub content: Vec<Span>,
    /// Token range of the source phrase.
    pub source: Option<Range<usize>>,
    /// Direct, indirect or mixed.
    pub quote_type: QuoteType,
}

/// Words that may stand between a cue and its `that` ("said on Monday that").
const BEFORE_THAT: [&str; 16] = [
    "on",
    "in",
    "at",
    "during",
    "last",
    "this",
    "earlier",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
];

/// Finds source and content for cue `m`; `None` when the sentence has no room for them.
pub fn attribute(doc: &Doc, m: &CueMatch) -> Option<Found> {
    let sentence = doc.sentence_of(m.first)?;
    let (s0, s1) = (sentence.start, sentence.end);
    let (c0, c1) = (m.first, m.last + 1);
    if m.form.source_after {
        let source = phrase_after(&doc.toks, c1, s1, true)?;
        let content = match doc.clause(s0, c0) {
            Some(before) => vec![before],
            None => vec![doc.clause(source.end, s1)?],
        };
        let quote_type = doc.type_of(&content);
        return Some(Found {
            content,
            source: Some(source),
            quote_type,
        });
    }
    let opens_sentence =
        c0 == s0 || (c0 == s0 + 1 && doc.tok(s0).is_some_and(|t| t.lower == "when"));
    if opens_sentence && m.form.words.first().is_some_and(|w| w == "asked") {
        // "Asked whether he would run, Smith said …": the question has no source in the text.
        let comma = (c1..s1).find(|&i| doc.tok(i).is_some_and(|t| t.is(',')))?;
        let content = vec![doc.clause(c1, comma)?];
        let quote_type = doc.type_of(&content);
        return Some(Found {
            content,
            source: None,
            quote_type,
        });
    }
    if m.form.words.first().is_some_and(|w| w.ends_with("ing")) {
        // "Smith rejected the plan, saying it was late": the sentence's subject speaks.
        let source = subject(&doc.toks, s0, c0).filter(|s| s.end <= c0);
        let mut content: Vec<Span> = doc
            .content_after(c1, s1, m.form.recipient)
            .into_iter()
            .collect();
        let quote_type = doc.type_of(&content);
        if content.is_empty() {
            return None;
        }
        if quote_type == QuoteType::Direct {
            content.extend(doc.continuation(sentence.clone()));
        }
        return Some(Found {
            content,
            source,
            quote_type,
        });
    }
    let left = c0.checked_sub(1).filter(|&l| l >= s0);
    let left_tok = left.and_then(|l| doc.tok(l));
    let left_is_break = left
        .is_some_and(|l| doc.tok(l).is_some_and(|t| t.is(',')) || doc.quote_closing(l).is_some());
    // After a closing mark any phrase may follow ("…,” said longtime pollster Pat Caddell).
    let after_quote = left.is_some_and(|l| doc.quote_closing(l).is_some());
    let inverted = if left_is_break && doc.tok(c1).is_some_and(starts_phrase) {
        phrase_after(&doc.toks, c1, s1, false)
    } else if after_quote {
        phrase_after(&doc.toks, c1, s1, true)
    } else {
        None
    };
    let inverted = inverted
        .map(|source| doc.with_apposition(source, s1))
        // `A, said Smith.` ends the clause with the source; `Steger, a negotiator, said the
        // deal would fail` goes on: "the deal" is no source, and "Steger…" is no content.
        .filter(|source| after_quote || clause_ends(doc, source.end, s1));
    // "Niek Stam, FNV Havens union leader, said …": a name and its apposition open the
    // sentence; the cue's subject is the name, not what follows the cue.
    let appositive = left
        .filter(|_| !after_quote && left_tok.is_some_and(|t| t.is(',')))
        .filter(|&l| appositive_subject(doc, s0, l));
    let inverted = inverted.filter(|_| appositive.is_none());
    let was_inverted = inverted.is_some();
    let (source, content_before, after) = if let Some(source) = inverted {
        let after = source.end;
        (Some(source), left, after)
    } else {
        let source = appositive
            .map(|l| s0..l + 1)
            .or_else(|| phrase_before(&doc.toks, c0, s0))
            .or_else(|| {
                left.filter(|_| left_tok.is_some_and(|t| t.is(',')))
                    .and_then(|l| apposed(&doc.toks, s0, l))
            })
            .or_else(|| {
                left_tok
                    .filter(|t| matches!(t.lower.as_str(), "and" | "but"))
                    .and_then(|_| subject(&doc.toks, s0, c0))
            });
        let before = source
            .as_ref()
            .filter(|s| {
                !left_tok.is_some_and(|t| matches!(t.lower.as_str(), "and" | "but")) || s.end == c0
            })
            .and_then(|s| s.start.checked_sub(1))
            .filter(|&b| {
                // `“We know.” Priebus said.` ends a sentence at the mark, but the quote is his.
                (b >= s0 && doc.tok(b).is_some_and(|t| t.is(',') || !t.is_word()))
                    || (b + 1 == s0 && doc.quote_closing(b).is_some())
            })
            .filter(|&b| {
                doc.tok(b)
                    .is_some_and(|t| !matches!(t.kind, TokKind::Punct('(' | '—' | '–')))
            });
        (source, before, c1)
    };
    let mut content = Vec::new();
    // "Faced with this situation, the union said it would go on": an opener, not content.
    let content_before =
        content_before.filter(|&b| !(is_opener(doc, s0, b) && words_after(doc, after, s1) >= 3));
    if let Some(b) = content_before {
        content.extend(doc.content_before(s0, b));
        if !content.is_empty() {
            // `“A,” she said, “B.”`
            if let Some(q) = doc
                .quote_opening(after + 1)
                .filter(|_| doc.tok(after).is_some_and(|t| t.is(',')))
            {
                content.push(Span::new(q.start, q.end));
            }
        }
    }
    if content.is_empty() {
        source.as_ref()?;
        content.extend(doc.content_after(after, s1, m.form.recipient && !was_inverted));
    }
    let mut source = source;
    if content.is_empty() {
        // "A, people close to Clinton say.": the source runs back to the comma.
        let start = source.as_ref().map_or(c0, |s| s.start);
        let comma = (s0..start)
            .rev()
            .find(|&i| doc.tok(i).is_some_and(|t| !t.is_word()))?;
        if !doc.tok(comma).is_some_and(|t| t.is(',')) || was_inverted {
            return None;
        }
        content.extend(doc.content_before(s0, comma));
        source = source.map(|s| comma + 1..s.end);
    }
    if content.is_empty() {
        return None;
    }
    let quote_type = doc.type_of(&content);
    if quote_type == QuoteType::Direct {
        content.extend(doc.continuation(sentence.clone()));
    }
    Some(Found {
        content,
        source,
        quote_type,
    })
}

impl Doc {
    /// `source` followed by its apposition (`said Jon Alterman, a Middle East analyst.`): up to
    /// the next comma or the end of the sentence.
    fn with_apposition(&self, source: Range<usize>, s1: usize) -> Range<usize> {
        let starts = self.tok(source.end).is_some_and(|t| t.is(','))
            && self
                .tok(source.end + 1)
                .is_some_and(|t| t.is_word() && (!t.cap || t.lower == "the" || t.lower == "a"));
        if !starts {
            return source;
        }
        let stop = (source.end + 1..s1.min(source.end + 16)).find(|&j| {
            self.tok(j).is_some_and(|t| {
                !t.is_word() && !t.is('-') && !t.is('.') && !t.is('’') && !t.is('\'')
            }) || (j + 1 == s1 && self.tok(j).is_some_and(|t| t.is('.')))
        });
        match stop {
            Some(j) if self.tok(j).is_some_and(|t| t.is(',') || t.is('.')) => source.start..j,
            _ => source,
        }
    }

    /// Content before a source or cue ending at token `b` (a comma or a closing mark).
    fn content_before(&self, s0: usize, b: usize) -> Option<Span> {
        let close = if self.quote_closing(b).is_some() {
            Some(b)
        } else {
            b.checked_sub(1)
                .filter(|&p| self.quote_closing(p).is_some())
        };
        if let Some(q) = close.and_then(|c| self.quote_closing(c)) {
            // The quotation alone, unless words of the sentence lead into it.
            // "In an interview, “A,” he said": a comma or colon sets the quotation apart.
            let set_apart = q
                .open
                .checked_sub(1)
                .and_then(|p| self.tok(p))
                .is_some_and(|t| t.is(',') || t.is(':'));
            let lead = !set_apart && (s0..q.open).any(|i| self.tok(i).is_some_and(Token::is_word));
            return if lead && q.open > s0 {
                self.clause(s0, q.close + 1)
            } else {
                Some(Span::new(q.start, q.end))
            };
        }
        self.clause(s0, b)
    }

    /// Content after a cue (or after an inverted source) starting at token `k`.
    fn content_after(&self, mut k: usize, s1: usize, recipient: bool) -> Option<Span> {
        if recipient
            && self.tok(k).is_some_and(|t| t.lower != "that")
            && let Some(hearer) = phrase_after(&self.toks, k, s1, true)
        {
            k = hearer.end;
        }
        let mut j = k;
        while j < s1 && j < k + 8 {
            let Some(t) = self.tok(j).filter(|t| t.is_word()) else {
                break;
            };
            if t.lower == "that" {
                k = j;
                break;
            }
            if j == k && !BEFORE_THAT.contains(&t.lower.as_str()) {
                break;
            }
            j += 1;
        }
        while self.tok(k).is_some_and(|t| t.is(',') || t.is(':')) {
            k += 1;
        }
        if let Some(q) = self.quote_opening(k) {
            let rest = (q.close + 1..s1).all(|i| self.tok(i).is_some_and(|t| !t.is_word()));
            if rest {
                return Some(Span::new(q.start, q.end));
            }
        }
        if k >= s1 && self.tok(k - 1).is_some_and(|t| t.is(':')) {
            // "he said:" at the end of a paragraph introduces the next one.
            let start = (k..self.toks.len())
                .find(|&i| self.tok(i).is_some_and(|t| t.kind != TokKind::Break))?;
            let end = (start..self.toks.len())
                .find(|&i| self.tok(i).is_some_and(|t| t.kind == TokKind::Break))
                .unwrap_or(self.toks.len());
            return match self.quote_opening(start).filter(|q| q.close + 1 >= end) {
                Some(q) => Some(Span::new(q.start, q.end)),
                None => self.clause(start, end),
            };
        }
        self.clause(k, s1)
    }

    /// Further quotations in the paragraph that continue a direct quote.
    fn continuation(&self, sentence: Range<usize>) -> Vec<Span> {
        let mut out = Vec::new();
        let mut end = sentence.end;
        let mut next = self
            .sentence_index(sentence.start)
            .map_or(usize::MAX, |i| i + 1);
        while let Some(s) = self.sentences.get(next).filter(|s| s.start == end) {
            let Some(q) = self.quote_opening(s.start) else {
                break;
            };
            let whole = (q.close + 1..s.end).all(|i| self.tok(i).is_some_and(|t| !t.is_word()));
            if !whole {
                break;
            }
            out.push(Span::new(q.start, q.end));
            end = s.end;
            next += 1;
        }
        out
    }

    /// Direct when every span is one quotation, mixed when some contain one, else indirect.
    pub fn type_of(&self, content: &[Span]) -> QuoteType {
        let first_from = |at: usize| {
            let i = self.quotations.partition_point(|q| q.start < at);
            self.quotations.get(i)
        };
        let is_quotation =
            |s: &Span| first_from(s.start).is_some_and(|q| q.start == s.start && q.end == s.end);
        let has_quotation = |s: &Span| first_from(s.start).is_some_and(|q| q.end <= s.end);
        if content.iter().all(is_quotation) {
            QuoteType::Direct
        } else if content.iter().any(has_quotation) {
            QuoteType::Mixed
        } else {
            QuoteType::Indirect
        }
    }
}
