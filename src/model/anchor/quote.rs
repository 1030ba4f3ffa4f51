//! Finding a quote that comes without a position: a W3C `TextQuoteSelector` on its own, as
//! other tools write it. This is step 2 of re-anchoring with no old position to be near: every
//! verbatim occurrence of `exact` is a candidate, and the context tells them apart.

use memchr::memmem;

use super::super::annotation::{CONTEXT_CHARS, Span};
use super::super::text::ArticleText;
use super::fuzzy::{CONTEXT_SUPPORT, context_sides};

/// Where [`find_quote`] placed a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteMatch {
    /// The occurrence taken.
    pub span: Span,
    /// Occurrences whose context agreed as well as the one taken's (1 = unambiguous); the first
    /// of them was taken.
    pub ties: usize,
}

/// Finds `exact` in `text` when no position says where to look. `prefix` and `suffix` are the
/// text expected just before and after it; empty means not known (in a session's selector it
/// means that the span touched the start or end of the text).
///
/// The occurrence whose context agrees best (the similarities of both sides summed) wins, then
/// the first. A short `exact` (under [`CONTEXT_CHARS`] code points) with a known context only
/// matches where that context agrees at least half on one side, as in step 2 of
/// [`reanchor`](super::reanchor). `None` when `exact` is empty or has no such occurrence; there
/// is no fuzzy step, as there is no place to search around.
///
/// In `"the cat sat. the dog sat."`, `"sat"` with the prefix `"dog "` is at 21..24; with no
/// context it is the first one, 8..11, with `ties: 2`.
pub fn find_quote(
    text: &ArticleText,
    exact: &str,
    prefix: &str,
    suffix: &str,
) -> Option<QuoteMatch> {
    if exact.is_empty() {
        return None;
    }
    let len = exact.chars().count();
    let needs_context = len < CONTEXT_CHARS && !(prefix.is_empty() && suffix.is_empty());
    let known = |given: &str, score: f32| if given.is_empty() { 0.0 } else { score };
    let hay = text.as_str().as_bytes();
    let finder = memmem::Finder::new(exact.as_bytes());
    let mut best: Option<(f32, QuoteMatch)> = None;
    let mut from = 0;
    // Every occurrence, overlapping ones included.
    while let Some(off) = hay.get(from..).and_then(|h| finder.find(h)) {
        let start = text.char_of(from + off);
        from += off + 1;
        let span = Span::new(start, start + len);
        let (before, after) = context_sides(text, span.start, span.end, prefix, suffix);
        let (before, after) = (known(prefix, before), known(suffix, after));
        if needs_context && before.max(after) < CONTEXT_SUPPORT {
            continue;
        }
        let score = before + after;
        match &mut best {
            Some((s, m)) if *s >= score => m.ties += usize::from(*s == score),
            _ => best = Some((score, QuoteMatch { span, ties: 1 })),
        }
    }
    best.map(|(_, m)| m)
}

/// Like [`find_quote`], but on the text and the selector with typographic differences taken
/// out: curly and straight quotation marks and apostrophes alike, every dash a hyphen, and any
/// run of white space one space. For a quote from a browser that changed `’` into `'` or
/// collapsed a paragraph break. The span returned is on the original text.
pub fn find_quote_normalized(
    text: &ArticleText,
    exact: &str,
    prefix: &str,
    suffix: &str,
) -> Option<QuoteMatch> {
    let (norm, at) = normalize(text.as_str());
    let norm_text = ArticleText::new(norm);
    let one = |s: &str| normalize(s).0;
    let m = find_quote(&norm_text, &one(exact), &one(prefix), &one(suffix))?;
    let start = *at.get(m.span.start)?;
    let end = at.get(m.span.end.checked_sub(1)?)? + 1;
    Some(QuoteMatch {
        span: Span::new(start, end),
        ties: m.ties,
    })
}

/// `s` with quotation marks, dashes and white space made plain (see
/// [`find_quote_normalized`]), and for each of its code points the index of the original one.
fn normalize(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut at = Vec::new();
    let mut in_space = false;
    for (i, c) in s.chars().enumerate() {
        let plain = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}'
            | '\u{bb}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if plain == ' ' {
            if in_space {
                continue;
            }
            in_space = true;
        } else {
            in_space = false;
        }
        out.push(plain);
        at.push(i);
    }
    (out, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_with_plain_apostrophes_and_a_collapsed_break_is_found_by_normalizing() {
        let text = ArticleText::new("Intro.\n\nIt’s “over” — he said.\n\nNext one.".into());
        // As a browser wrote it: straight marks, a hyphen, the paragraph break one space.
        let exact = "It's \"over\" - he said. Next";
        assert_eq!(find_quote(&text, exact, "", ""), None);
        let m = find_quote_normalized(&text, exact, "", "").map(|m| m.span);
        let start = "Intro.\n\n".chars().count();
        let end = text.as_str().find("Next").map(|b| text.char_of(b) + 4);
        assert_eq!(m, end.map(|e| Span::new(start, e)));
    }

    #[test]
    fn context_picks_the_occurrence_and_its_absence_takes_the_first() {
        let text = ArticleText::new("the cat sat. the dog sat.".into());
        let found = |p: &str, s: &str| find_quote(&text, "sat", p, s);
        let first = QuoteMatch {
            span: Span::new(8, 11),
            ties: 2,
        };
        let second = QuoteMatch {
            span: Span::new(21, 24),
            ties: 1,
        };
        assert_eq!(found("dog ", ""), Some(second));
        assert_eq!(found("", "."), Some(first));
        assert_eq!(found("", ". the"), Some(QuoteMatch { ties: 1, ..first }));
        assert_eq!(found("", ""), Some(first));
        // A short quote whose context is nowhere is not guessed.
        assert_eq!(found("zzzz ", "!!!!"), None);
        assert_eq!(find_quote(&text, "", "", ""), None);
        assert_eq!(find_quote(&text, "mat", "", ""), None);
    }

    #[test]
    fn offsets_are_code_points_and_overlaps_count() {
        let text = ArticleText::new("😀 aaa é aa".into());
        let m = find_quote(&text, "aa", "", "").unwrap_or_else(|| panic!("not found"));
        assert_eq!((m.span, m.ties), (Span::new(2, 4), 3));
        let m = find_quote(&text, "aa", "é ", "").unwrap_or_else(|| panic!("not found"));
        assert_eq!((m.span, m.ties), (Span::new(8, 10), 1));
    }
}
