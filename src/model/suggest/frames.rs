//! Where a sentence frames an attribution rather than carrying it: a clause that ends, a
//! short opener ("At the same time,", "Faced with this situation,"), and a name with its
//! apposition opening the sentence ("Niek Stam, FNV Havens union leader, said").

use super::Doc;
use super::sources::looks_like_person;
use super::tokens::Token;

/// True when the clause ends at token `at`: the sentence ends or punctuation follows.
pub fn clause_ends(doc: &Doc, at: usize, s1: usize) -> bool {
    at >= s1 || doc.tok(at).is_none_or(|t| !t.is_word())
}

/// True when the sentence opens with a person's name, a comma, and an apposition of at most
/// twelve tokens ending at the comma `l` just before the cue.
pub fn appositive_subject(doc: &Doc, s0: usize, l: usize) -> bool {
    let name_end = (s0..l).find(|&i| doc.tok(i).is_none_or(|t| !(t.is_word() && t.cap)));
    let Some(comma) = name_end.filter(|&c| c < l && doc.tok(c).is_some_and(|t| t.is(','))) else {
        return false;
    };
    let run = doc.toks.get(s0..comma).unwrap_or_default();
    l - comma <= 12
        && looks_like_person(run, &doc.chars)
        && (comma + 1..l).all(|i| {
            doc.tok(i)
                .is_some_and(|t| t.is_word() || t.is('-') || t.is('.'))
        })
}

/// Words from token `from` to the end of the sentence.
pub fn words_after(doc: &Doc, from: usize, s1: usize) -> usize {
    (from..s1)
        .filter(|&i| doc.tok(i).is_some_and(Token::is_word))
        .count()
}

/// Words that open a sentence as a frame, not as something said ("At the same time", "In
/// response", "Faced with …", "Meanwhile").
const FRAMES: [&str; 24] = [
    "at",
    "in",
    "on",
    "with",
    "after",
    "before",
    "for",
    "during",
    "despite",
    "under",
    "amid",
    "since",
    "following",
    "given",
    "as",
    "by",
    "from",
    "meanwhile",
    "however",
    "still",
    "yet",
    "instead",
    "nevertheless",
    "separately",
];

/// True when tokens `s0..b` (before a comma at `b`) are a short opener of the sentence: no
/// quotation, at most six words, starting with a preposition or linking adverb, or a
/// participle ("Faced", "Speaking").
pub fn is_opener(doc: &Doc, s0: usize, b: usize) -> bool {
    let quoted = (s0..=b).any(|i| doc.quote_closing(i).is_some() || doc.quote_opening(i).is_some());
    let words = (s0..b)
        .filter(|&i| doc.tok(i).is_some_and(Token::is_word))
        .count();
    let Some(first) = (s0..b).find_map(|i| doc.tok(i).filter(|t| t.is_word())) else {
        return false;
    };
    let w = first.lower.as_str();
    let frame = FRAMES.contains(&w)
        || (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly")));
    !quoted && words <= 6 && frame && doc.tok(b).is_some_and(|t| t.is(','))
}
