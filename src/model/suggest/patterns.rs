//! Attributions without a cue word: transcript turns and headlines (`NAME: …`).

use crate::model::annotation::Span;

use super::Doc;
use super::attribution::Found;
use super::cues::{CueForm, CueMatch};
use super::sources::{is_pronoun, subject};
use super::tokens::{TokKind, Token};
use super::words::BOUNDARY;

/// Labels before a colon that introduce no speaker ("UPDATE:", "Editor’s Note:").
const NOT_SPEAKERS: [&str; 14] = [
    "update",
    "updated",
    "note",
    "editor’s",
    "editor's",
    "watch",
    "photo",
    "read",
    "related",
    "source",
    "sources",
    "video",
    "listen",
    "breaking",
];

/// Turns of a transcript or a headline: a paragraph that opens with a short name and a colon
/// (`FALLIN: I think …`, `Pat Caddell: Voters are worried`). Returns the colon's token index
/// and what it attributes.
pub fn turns(doc: &Doc) -> Vec<(usize, Found)> {
    let mut out = Vec::new();
    let starts = std::iter::once(0).chain(
        doc.toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokKind::Break)
            .map(|(i, _)| i + 1),
    );
    for p in starts {
        let name_len = (p..p + 5)
            .take_while(|&i| {
                doc.tok(i).is_some_and(|t| {
                    // "Clinton camp:" but not "Hannity interjected:" or "He tells the crowd:".
                    let verb_like = t.lower.ends_with("ed") || t.lower.ends_with('s');
                    let lower_ok = i > p && !BOUNDARY.contains(&t.lower.as_str()) && !verb_like;
                    let name = t.is_word() && (t.cap || lower_ok) && !is_pronoun(t);
                    (name && !NOT_SPEAKERS.contains(&t.lower.as_str())) || t.is('.') || t.is('-')
                })
            })
            .count();
        let colon = p + name_len;
        if name_len == 0 || name_len > 4 || !doc.tok(colon).is_some_and(|t| t.is(':')) {
            continue;
        }
        let end = (colon..doc.toks.len())
            .find(|&i| doc.tok(i).is_some_and(|t| t.kind == TokKind::Break))
            .unwrap_or(doc.toks.len());
        let words = (colon + 1..end)
            .filter(|&i| doc.tok(i).is_some_and(|t| t.is_word()))
            .count();
        let first_is_here = doc.tok(p).is_some_and(|t| t.lower.starts_with("here"));
        let Some(content) = doc
            .clause(colon + 1, end)
            .filter(|_| words >= 3 && !first_is_here)
        else {
            continue;
        };
        let content = vec![content];
        let quote_type = doc.type_of(&content);
        out.push((
            colon,
            Found {
                content,
                source: Some(p..colon),
                quote_type,
            },
        ));
    }
    out
}

/// True for a lower-case word shaped like a past or present verb ("quipped", "insists").
fn verb_like(t: &Token) -> bool {
    t.is_word()
        && !t.cap
        && t.lower.chars().count() > 3
        && (t.lower.ends_with("ed") || t.lower.ends_with('s'))
        && !BOUNDARY.contains(&t.lower.as_str())
}

/// Reporting verbs the lexicon lacks, where the sentence leaves no doubt: next to a quotation
/// (`“…,” Trump quipped.`, `“…,” quipped Trump.`) or before "that" after a name or pronoun
/// (`Smith conceded that …`). Returns cue matches for [`super::attribution::attribute`].
pub fn unlisted_verbs(doc: &Doc, listed: &[CueMatch]) -> Vec<CueMatch> {
    let mut out = Vec::new();
    let mut in_cue = vec![false; doc.toks.len()];
    for m in listed {
        for flag in in_cue.get_mut(m.first..=m.last).unwrap_or_default() {
            *flag = true;
        }
    }
    for (i, t) in doc.toks.iter().enumerate() {
        if !verb_like(t) || doc.inside_quotation(i) || in_cue.get(i).copied().unwrap_or(true) {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| doc.tok(p));
        let next = doc.tok(i + 1);
        let after_quote = i
            .checked_sub(1)
            .is_some_and(|p| doc.quote_closing(p).is_some());
        // `“…,” Trump quipped.`: a short name between the quotation and the verb.
        let name_between = prev.is_some_and(|p| p.cap || is_pronoun(p))
            && (i.saturating_sub(4)..i).any(|p| doc.quote_closing(p).is_some())
            && next.is_some_and(|n| n.is('.') || n.is(','));
        let before_that =
            next.is_some_and(|n| n.lower == "that") && prev.is_some_and(|p| p.cap || is_pronoun(p));
        // "Hannity interjected: “…”"
        let before_colon = next.is_some_and(|n| n.is(':') && n.start == t.end)
            && prev.is_some_and(|p| p.cap || is_pronoun(p));
        // "Trump quipped, “…”"
        let before_quote = prev.is_some_and(|p| p.cap || is_pronoun(p))
            && next.is_some_and(|n| n.is(','))
            && doc.quote_opening(i + 2).is_some();
        if after_quote || name_between || before_that || before_colon || before_quote {
            out.push(CueMatch {
                first: i,
                last: if before_colon { i + 1 } else { i },
                form: CueForm {
                    words: vec![t.lower.clone()],
                    lemma: t.lower.clone(),
                    recipient: false,
                    source_after: false,
                },
            });
        }
    }
    out
}

/// A sentence ending in a colon before a paragraph that is one quotation (`Smith was blunt
/// about it:` ⏎ `“We lost.”`): the colon is the cue and the sentence's subject the source.
/// Sentences holding a cue already (`listed`) are left to it.
pub fn colon_intros(doc: &Doc, listed: &[CueMatch]) -> Vec<(usize, Found)> {
    let mut out = Vec::new();
    let with_cue: std::collections::HashSet<usize> = listed
        .iter()
        .filter_map(|m| doc.sentence_index(m.first))
        .collect();
    for s in &doc.sentences {
        let Some(colon) = s
            .end
            .checked_sub(1)
            .filter(|&c| doc.tok(c).is_some_and(|t| t.is(':')))
        else {
            continue;
        };
        if doc
            .sentence_index(s.start)
            .is_some_and(|n| with_cue.contains(&n))
            || !doc.tok(s.end).is_some_and(|t| t.kind == TokKind::Break)
        {
            continue;
        }
        let Some(next) =
            (s.end..doc.toks.len()).find(|&i| doc.tok(i).is_some_and(|t| t.kind != TokKind::Break))
        else {
            continue;
        };
        let Some(q) = doc.quote_opening(next) else {
            continue;
        };
        let source = subject(&doc.toks, s.start, colon).filter(|r| r.end <= colon);
        let content = vec![Span::new(q.start, q.end)];
        let quote_type = doc.type_of(&content);
        out.push((
            colon,
            Found {
                content,
                source,
                quote_type,
            },
        ));
    }
    out
}
