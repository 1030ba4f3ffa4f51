//! Sources: the noun phrase before or after a cue, and the name it contains.
//!
//! Without a tagger, a phrase is a run of words that stops at punctuation and at function
//! words ("that", "in", "and" …). `longtime Democratic pollster Pat Caddell told` gives the
//! source `longtime Democratic pollster Pat Caddell` and the name `Pat Caddell`.

use std::ops::Range;

use super::tokens::{TokKind, Token};
use super::words::{
    BETWEEN, BOUNDARY, DAYS, DETERMINERS, NO_END, OPENERS, PRONOUNS, TIME_NOUNS, TITLES,
};

/// True for a pronoun that can be a source ("he", "They").
pub fn is_pronoun(t: &Token) -> bool {
    t.is_word() && PRONOUNS.contains(&t.lower.as_str())
}

/// True for words that may begin a source after its cue (`said Smith`, `said the official`).
pub fn starts_phrase(t: &Token) -> bool {
    t.is_word() && (t.cap || is_pronoun(t) || DETERMINERS.contains(&t.lower.as_str()))
}

/// A full stop that belongs to an abbreviation just before it (`Mr.`, `Sen.`).
fn is_abbreviation_stop(toks: &[Token], i: usize) -> bool {
    let (Some(t), Some(p)) = (toks.get(i), i.checked_sub(1).and_then(|p| toks.get(p))) else {
        return false;
    };
    t.is('.') && p.is_word() && p.end == t.start && p.cap && p.end - p.start <= 4
}

/// True if token `i` may stand inside a source phrase.
fn in_phrase(toks: &[Token], i: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    match t.kind {
        TokKind::Word => {
            let w = t.lower.as_str();
            if t.cap {
                return true;
            }
            if matches!(w, "of" | "for" | "and" | "de") {
                // Inside a name: "Center for American Progress", "head of the FBI".
                let capitalized =
                    |j: Option<usize>| j.and_then(|j| toks.get(j)).is_some_and(|n| n.cap);
                return w == "of" || (capitalized(i.checked_sub(1)) && capitalized(Some(i + 1)));
            }
            !BOUNDARY.contains(&w) && !DAYS.contains(&w)
        }
        TokKind::Punct('.') => is_abbreviation_stop(toks, i),
        TokKind::Punct('-' | '’' | '\'') => true,
        _ => false,
    }
}

/// Longest phrase allowed, in tokens.
const MAX_PHRASE: usize = 12;

/// The source phrase ending just before token `cue` (after skipping "also", "has" …), not
/// reaching before token `floor`.
pub fn phrase_before(toks: &[Token], cue: usize, floor: usize) -> Option<Range<usize>> {
    let mut end = cue;
    while end > floor {
        let t = toks.get(end - 1)?;
        let skip = t.is_word()
            && !t.cap
            && (BETWEEN.contains(&t.lower.as_str())
                || DAYS.contains(&t.lower.as_str())
                || (t.lower.ends_with("ly") && t.lower.len() > 4));
        let day_on = t.cap && DAYS.contains(&t.lower.as_str());
        // "last week", "earlier this month"
        let period = TIME_NOUNS.contains(&t.lower.as_str())
            && end >= floor + 2
            && toks.get(end - 2).is_some_and(|p| {
                matches!(p.lower.as_str(), "last" | "this" | "next" | "that" | "each")
            });
        if period {
            end -= 2;
            if end > floor && toks.get(end - 1).is_some_and(|p| p.lower == "earlier") {
                end -= 1;
            }
            continue;
        }
        if skip || day_on {
            end -= 1;
            if day_on && end > floor && toks.get(end - 1).is_some_and(|p| p.lower == "on") {
                end -= 1;
            }
        } else {
            break;
        }
    }
    let last = toks.get(end.checked_sub(1)?)?;
    if is_pronoun(last) || last.lower == "who" {
        return Some(end - 1..end);
    }
    if DETERMINERS.contains(&last.lower.as_str()) || NO_END.contains(&last.lower.as_str()) {
        return None;
    }
    let mut start = end;
    while start > floor && end - start < MAX_PHRASE {
        if toks.get(start - 1).is_some_and(|t| t.is(')')) {
            // "Sen. Elizabeth Warren (D-MA) said": the parenthesis belongs to the phrase.
            let open = (floor..start - 1)
                .rev()
                .take(8)
                .find(|&j| toks.get(j).is_some_and(|t| t.is('(')));
            match open {
                Some(j) => start = j,
                None => break,
            }
        } else if in_phrase(toks, start - 1) {
            start -= 1;
        } else {
            break;
        }
    }
    // "of" neither begins nor ends a phrase, and "Later NATO said" is said by NATO.
    while start < end
        && toks.get(start).is_some_and(|t| {
            // "As Smith said": a capital opening a sentence is no name.
            t.lower == "of"
                || !t.is_word()
                || OPENERS.contains(&t.lower.as_str())
                || (BOUNDARY.contains(&t.lower.as_str()) && start + 1 < end)
        })
    {
        start += 1;
    }
    (start < end).then_some(start..end)
}

/// The subject at the start of a sentence beginning at token `s0`, for a cue at `cue` that
/// follows "and" ("Smith criticized the plan and said …").
pub fn subject(toks: &[Token], s0: usize, cue: usize) -> Option<Range<usize>> {
    let mut k = s0;
    while toks
        .get(k)
        .is_some_and(|t| OPENERS.contains(&t.lower.as_str()) || t.is(','))
    {
        k += 1;
    }
    let phrase = phrase_after(toks, k, cue, false)?;
    // The verb after the subject ends it: "Trump *attacked* Clinton, saying".
    let verb = (phrase.start + 1..phrase.end).find(|&j| {
        let (Some(t), Some(p)) = (toks.get(j), toks.get(j - 1)) else {
            return false;
        };
        p.cap && t.is_word() && !t.cap && (t.lower.ends_with("ed") || t.lower.ends_with('s'))
    });
    Some(phrase.start..verb.unwrap_or(phrase.end))
}

/// A source set off by commas before its cue: `Scott Goodstein, its chief executive, said`
/// (the phrase, the apposition and its comma) or `In Ohio, Gov. John Kasich, said` (the
/// phrase between the commas). `comma` is the token just before the cue.
pub fn apposed(toks: &[Token], s0: usize, comma: usize) -> Option<Range<usize>> {
    let prev = (s0..comma)
        .rev()
        .take(25)
        .find(|&j| {
            toks.get(j)
                .is_some_and(|t| t.is(',') || matches!(t.kind, TokKind::Punct('“' | '”' | '"')))
        })
        .filter(|&j| toks.get(j).is_some_and(|t| t.is(',')));
    let Some(prev) = prev else {
        // No earlier comma: the sentence starts with the phrase.
        return phrase_before(toks, comma, s0).filter(|p| p.start == s0);
    };
    let first = toks.get(prev + 1)?;
    if !first.cap {
        let head = phrase_before(toks, prev, s0)?;
        return Some(head.start..comma + 1);
    }
    phrase_before(toks, comma, prev + 1).filter(|p| p.start == prev + 1)
}

/// The source phrase starting at token `from`, not reaching token `ceil`. A phrase starts with
/// a capital, a determiner or a pronoun, or, when `loose` ("according to polls"), any word.
pub fn phrase_after(toks: &[Token], from: usize, ceil: usize, loose: bool) -> Option<Range<usize>> {
    let first = toks.get(from).filter(|_| from < ceil)?;
    if is_pronoun(first) || matches!(first.lower.as_str(), "him" | "her" | "them" | "us" | "me") {
        return Some(from..from + 1);
    }
    if !(starts_phrase(first) || (loose && in_phrase(toks, from) && first.is_word())) {
        return None;
    }
    let mut end = from;
    while end < ceil && end - from < MAX_PHRASE && in_phrase(toks, end) {
        if end > from && toks.get(end).is_some_and(is_pronoun) {
            break;
        }
        end += 1;
    }
    while end > from
        && toks
            .get(end - 1)
            .is_some_and(|t| t.lower == "of" || !t.is_word())
    {
        end -= 1;
    }
    (end > from).then_some(from..end)
}

/// The name a source phrase gives its speaker: its last run of capitalized words without
/// leading titles and determiners (`the Democratic pollster Pat Caddell` → `Pat Caddell`),
/// else the phrase without its determiner (`the officials` → `officials`); `None` for a pronoun.
pub fn name_of(toks: &[Token], chars: &[char], phrase: Range<usize>) -> Option<String> {
    let words = toks.get(phrase.clone())?;
    if words.len() == 1
        && words
            .first()
            .is_some_and(|t| is_pronoun(t) || t.lower == "who")
    {
        return None;
    }
    let is_name_word = |t: &Token| t.cap && !DETERMINERS.contains(&t.lower.as_str());
    let last_cap = words.iter().rposition(is_name_word);
    let range = if let Some(last) = last_cap {
        let mut first = last;
        while first > 0 {
            let prev = words.get(first - 1)?;
            let joins = !prev.is_word() || matches!(prev.lower.as_str(), "of" | "for" | "and");
            if is_name_word(prev)
                || (joins && words.get(first.saturating_sub(2)).is_some_and(is_name_word))
            {
                first -= 1;
            } else {
                break;
            }
        }
        while first < last
            && words
                .get(first)
                .is_some_and(|t| TITLES.contains(&t.lower.as_str()) || !t.is_word())
        {
            first += 1;
        }
        first..last + 1
    } else {
        let skip = words
            .iter()
            .take_while(|t| DETERMINERS.contains(&t.lower.as_str()))
            .count();
        skip.min(words.len().saturating_sub(1))..words.len()
    };
    // "Niek Stam of FNV Havens", "Niek Stam, FNV Havens union leader": the person, not the
    // organisation beside them.
    let range = if looks_like_person(words.get(range.clone()).unwrap_or_default(), chars) {
        range
    } else {
        last_person(words, chars).unwrap_or(range)
    };
    let (Some(a), Some(b)) = (words.get(range.start), words.get(range.end.checked_sub(1)?)) else {
        return None;
    };
    let name: String = chars.get(a.start..b.end)?.iter().collect();
    Some(strip_possessive(&name))
}

/// Words that make a capitalized run an organisation's name rather than a person's.
#[rustfmt::skip]
pub const ORGANISATION_WORDS: [&str; 40] = [
    "party", "committee", "association", "union", "inc", "corp", "co", "company", "department",
    "ministry", "council", "institute", "center", "centre", "university", "group", "post",
    "times", "news", "journal", "house", "senate", "congress", "court", "bank", "agency",
    "foundation", "campaign", "office", "police", "army", "board", "network", "press", "club",
    "federation", "commission", "port", "havens", "fund",
];

/// True for a person's name: two to four capitalized words (titles aside), none in capitals
/// only ("FNV"), none an organisation's word, no "of" or punctuation between.
pub fn looks_like_person(words: &[Token], chars: &[char]) -> bool {
    let skip = words
        .iter()
        .take_while(|t| TITLES.contains(&t.lower.as_str()) || t.is('.'))
        .count();
    let rest = words.get(skip..).unwrap_or_default();
    let name_word = |t: &Token| {
        let text = chars.get(t.start..t.end).unwrap_or_default();
        let bare = t.lower.trim_end_matches("’s").trim_end_matches("'s");
        t.is_word()
            && t.cap
            && text.iter().skip(1).any(|c| c.is_lowercase())
            && !ORGANISATION_WORDS.contains(&bare)
            && !DAYS.contains(&bare)
    };
    (2..=4).contains(&rest.len()) && rest.iter().all(name_word)
}

/// The last run of capitalized words in `words` that looks like a person's name, titles left
/// out.
fn last_person(words: &[Token], chars: &[char]) -> Option<Range<usize>> {
    let cap = |t: &Token| (t.is_word() && t.cap) || t.is('.');
    let mut best = None;
    let mut i = 0;
    while i < words.len() {
        if !words.get(i).is_some_and(cap) {
            i += 1;
            continue;
        }
        let start = i;
        while words.get(i).is_some_and(cap) {
            i += 1;
        }
        let mut end = i;
        while end > start && words.get(end - 1).is_some_and(|t| t.is('.')) {
            end -= 1;
        }
        let run = words.get(start..end).unwrap_or_default();
        if looks_like_person(run, chars) {
            let titles = run
                .iter()
                .take_while(|t| TITLES.contains(&t.lower.as_str()) || t.is('.'))
                .count();
            best = Some(start + titles..end);
        }
    }
    best
}

/// `Obama’s` → `Obama`.
fn strip_possessive(name: &str) -> String {
    name.strip_suffix("’s")
        .or_else(|| name.strip_suffix("'s"))
        .unwrap_or(name)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn text_of(chars: &[char], toks: &[Token], r: Range<usize>) -> String {
        chars[toks[r.start].start..toks[r.end - 1].end]
            .iter()
            .collect()
    }

    #[test]
    fn phrases_before_and_after_cues() {
        let s =
            "In Ohio, longtime Democratic pollster Pat Caddell also told Sen. Jane Doe on Monday";
        let chars: Vec<char> = s.chars().collect();
        let toks = tokenize(&chars);
        let cue = toks.iter().position(|t| t.lower == "told").unwrap();
        let before = phrase_before(&toks, cue, 0).unwrap();
        assert_eq!(
            text_of(&chars, &toks, before.clone()),
            "longtime Democratic pollster Pat Caddell"
        );
        assert_eq!(
            name_of(&toks, &chars, before).as_deref(),
            Some("Pat Caddell")
        );
        let after = phrase_after(&toks, cue + 1, toks.len(), false).unwrap();
        assert_eq!(text_of(&chars, &toks, after.clone()), "Sen. Jane Doe");
        assert_eq!(name_of(&toks, &chars, after).as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn pronouns_and_common_nouns() {
        let s = "the head of the FBI said, and then she said, while officials said";
        let chars: Vec<char> = s.chars().collect();
        let toks = tokenize(&chars);
        let cues: Vec<usize> = (0..toks.len())
            .filter(|&i| toks[i].lower == "said")
            .collect();
        let found: Vec<(String, Option<String>)> = cues
            .iter()
            .map(|&c| {
                let r = phrase_before(&toks, c, 0).unwrap();
                (text_of(&chars, &toks, r.clone()), name_of(&toks, &chars, r))
            })
            .collect();
        assert_eq!(
            found,
            [
                ("the head of the FBI".to_owned(), Some("FBI".to_owned())),
                ("she".to_owned(), None),
                ("officials".to_owned(), Some("officials".to_owned())),
            ]
        );
    }
}
