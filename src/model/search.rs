//! Finding text in the article: case-insensitive search and speaker-name candidates.
//!
//! Matching folds case per code point (`to_lowercase`), so "STOLTENBERG" finds "Stoltenberg"
//! and "É" finds "é"; results are code-point spans of the original text. [`find_all`] is the
//! one-off search; [`Searcher`] gives the same matches while the user types, fast enough for
//! every keystroke over a long article.

mod folded;
mod searcher;

pub use searcher::Searcher;

use super::annotation::Span;
use super::text::ArticleText;

/// The text folded to lower case, with the original code point of every folded character.
struct Folded {
    text: String,
    /// For each byte of `text` that starts a char: index into the original code points.
    origin: Vec<(usize, usize)>,
}

fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        for l in c.to_lowercase() {
            origin.push((text.len(), i));
            text.push(l);
        }
    }
    Folded { text, origin }
}

impl Folded {
    /// Original code point at folded byte `b` (or the end).
    fn original(&self, b: usize, end_of_text: usize) -> usize {
        match self.origin.binary_search_by_key(&b, |&(fb, _)| fb) {
            Ok(i) => self.origin.get(i).map_or(end_of_text, |&(_, o)| o),
            Err(i) => self.origin.get(i).map_or(end_of_text, |&(_, o)| o),
        }
    }
}

/// Every case-insensitive occurrence of `needle` in `text`, in order, not overlapping.
/// `find_all("Stoltenberg said; STOLTENBERG", "stoltenberg")` gives `0..11` and `18..29`.
pub fn find_all(text: &ArticleText, needle: &str) -> Vec<Span> {
    let needle = fold(needle.trim());
    if needle.text.is_empty() {
        return Vec::new();
    }
    let hay = fold(text.as_str());
    let end = text.len_chars();
    hay.text
        .match_indices(&needle.text)
        .map(|(b, m)| Span::new(hay.original(b, end), hay.original(b + m.len(), end)))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Characters of context [`in_context`] shows on each side of a match.
pub const CONTEXT: usize = 30;

/// A match with [`CONTEXT`] characters on each side, on one line: `…before[match]after…`.
pub fn in_context(text: &ArticleText, m: Span) -> String {
    format!(
        "{}[{}]{}",
        text.prefix_of(m.start, CONTEXT),
        text.slice(m.start..m.end),
        text.suffix_of(m.end, CONTEXT)
    )
    .replace(['\n', '\r', '\t'], " ")
}

/// Occurrences of any of `names` as whole words (not inside a longer word), in text order;
/// where two overlap, the longer one wins ("Jens Stoltenberg" over "Stoltenberg").
pub fn find_names<'a>(text: &ArticleText, names: impl IntoIterator<Item = &'a str>) -> Vec<Span> {
    let is_word = |at: usize| {
        text.slice(at..at + 1)
            .chars()
            .next()
            .is_some_and(crate::model::text::is_word_char)
    };
    let mut all: Vec<Span> = names
        .into_iter()
        .flat_map(|n| find_all(text, n))
        .filter(|s| !(s.start > 0 && is_word(s.start - 1) && is_word(s.start)))
        .filter(|s| !(is_word(s.end) && s.end > 0 && is_word(s.end - 1)))
        .collect();
    all.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Span> = Vec::new();
    for s in all {
        if out.last().is_some_and(|l: &Span| s.start < l.end) {
            continue;
        }
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_in_code_points() {
        let t = ArticleText::new("😀 Stoltenberg said; “STOLTENBERG” É é".into());
        let spans = find_all(&t, "stoltenberg");
        let found: Vec<&str> = spans.iter().map(|s| t.slice(s.start..s.end)).collect();
        assert_eq!(found, ["Stoltenberg", "STOLTENBERG"]);
        assert_eq!(spans[0], Span::new(2, 13));
        let e: Vec<&str> = find_all(&t, "é")
            .iter()
            .map(|s| t.slice(s.start..s.end))
            .collect();
        assert_eq!(e, ["É", "é"]);
        assert!(find_all(&t, "  ").is_empty());
    }

    #[test]
    fn letters_that_grow_when_lowered_keep_offsets_right() {
        // "İ" lowers to two code points; what follows must still map back exactly.
        let t = ArticleText::new("İstanbul and Ankara".into());
        let spans = find_all(&t, "ankara");
        assert_eq!(t.slice(spans[0].start..spans[0].end), "Ankara");
        let i = find_all(&t, "i̇stanbul");
        assert_eq!(t.slice(i[0].start..i[0].end), "İstanbul");
    }

    #[test]
    fn names_are_whole_words_and_longest_wins() {
        let t = ArticleText::new(
            "Jens Stoltenberg met Stoltenbergs. Stoltenberg left; the Norwegian politician too."
                .into(),
        );
        let spans = find_names(
            &t,
            [
                "Stoltenberg",
                "Jens Stoltenberg",
                "the Norwegian politician",
            ],
        );
        let found: Vec<&str> = spans.iter().map(|s| t.slice(s.start..s.end)).collect();
        assert_eq!(
            found,
            [
                "Jens Stoltenberg",
                "Stoltenberg",
                "the Norwegian politician"
            ]
        );
    }
}
