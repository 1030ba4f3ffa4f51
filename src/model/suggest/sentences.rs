//! Sentences: token ranges ended by `.`, `!`, `?` before a capital, or by a line break.
//!
//! A full stop after a known abbreviation (`Mr.`, `U.S.`) or an initial (`J.`) ends nothing,
//! and no sentence ends inside a quotation, so `“Go. Now,” he said.` is one sentence.

use std::ops::Range;

use super::quotes::Quotation;
use super::tokens::{TokKind, Token};

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 44] = [
    "mr", "mrs", "ms", "dr", "sen", "rep", "reps", "gov", "gen", "st", "jr", "sr", "lt", "col",
    "sgt", "capt", "cmdr", "adm", "prof", "rev", "hon", "u.s", "u.n", "u.k", "inc", "corp", "co",
    "ltd", "no", "vs", "etc", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "d.c", "ft", "mt",
    "pres", "e.g", "i.e",
];

/// Token ranges of the sentences, in order; line breaks belong to no sentence.
pub fn find_sentences(toks: &[Token], quotations: &[Quotation]) -> Vec<Range<usize>> {
    let mut inside = vec![false; toks.len()];
    let mut closing = vec![false; toks.len()];
    for q in quotations {
        if let Some(flag) = closing.get_mut(q.close) {
            *flag = true;
        }
        for flag in inside.get_mut(q.open + 1..q.close).unwrap_or_default() {
            *flag = true;
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.kind == TokKind::Break {
            if i > start {
                out.push(start..i);
            }
            start = i + 1;
            continue;
        }
        if inside.get(i).copied().unwrap_or(false) {
            continue;
        }
        if ends_sentence(toks, &closing, i) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// True when the sentence ends with token `i`; `closing` flags the closing quotation marks (a
/// straight `"` may open or close).
fn ends_sentence(toks: &[Token], closing: &[bool], i: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    let stop = |t: &Token| matches!(t.kind, TokKind::Punct('.' | '!' | '?' | '…'));
    let closes = |j: usize| closing.get(j).copied().unwrap_or(false);
    let closing_quote = closes(i);
    let ends_with_stop = if closing_quote {
        i.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(stop)
    } else if stop(t) {
        // `Mr.` or `J.`, or a closing quote after the stop (the quote ends it instead).
        let prev = i.checked_sub(1).and_then(|p| toks.get(p));
        let abbreviation = prev.is_some_and(|p| {
            p.is_word()
                && p.end == t.start
                && (ABBREVIATIONS.contains(&p.lower.as_str()) || (p.end - p.start == 1 && p.cap))
        });
        let quote_follows = closes(i + 1);
        !abbreviation && !quote_follows
    } else {
        false
    };
    ends_with_stop
        && toks.get(i + 1).is_none_or(|n| match n.kind {
            TokKind::Word => n.cap || n.lower.starts_with(|c: char| c.is_ascii_digit()),
            TokKind::Punct(c) => "“\"‘«„(".contains(c),
            TokKind::Break => true,
        })
}

#[cfg(test)]
mod tests {
    use super::super::{quotes::find_quotations, tokens::tokenize};
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize(&chars);
        let q = find_quotations(&chars, &toks);
        find_sentences(&toks, &q)
            .into_iter()
            .map(|r| {
                chars[toks[r.start].start..toks[r.end - 1].end]
                    .iter()
                    .collect()
            })
            .collect()
    }

    #[test]
    fn abbreviations_and_quotations_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Mr. Smith went to the U.S. Senate. “Go. Now,” he said. Then J. Doe left!\nNew"
            ),
            [
                "Mr. Smith went to the U.S. Senate.",
                "“Go. Now,” he said.",
                "Then J. Doe left!",
                "New"
            ]
        );
    }

    #[test]
    fn a_stop_inside_closing_quote_ends_after_the_quote() {
        assert_eq!(
            sentences("He said “no.” She left. \"Yes.\" Go."),
            ["He said “no.”", "She left.", "\"Yes.\"", "Go."]
        );
    }
}
