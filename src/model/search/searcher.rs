//! Search as you type: [`find_all`](super::find_all)'s matches, fast enough for every
//! keystroke over a long article.
//!
//! The article is folded once per text (not per keystroke), and while the query only grows
//! ("s", "st", "sto"…) only the places where the previous query occurred are checked again.
//! Those are kept with overlaps ("aa" occurs at 0, 1 and 2 in "aaaa"), because the
//! non-overlapping matches of a longer query need not start where the shorter one's did: in
//! "aaab", "aa" matches at 0 only, "aab" at 1.

use super::folded::Folded;
use crate::model::annotation::Span;
use crate::model::text::ArticleText;

/// Every start of one folded query in the folded text, overlapping ones included.
#[derive(Clone, Debug)]
struct Occurrences {
    /// The folded query.
    needle: String,
    /// Folded byte offsets where it starts, in increasing order.
    starts: Vec<usize>,
}

/// A cached, incremental search over one article text.
///
/// `find(text, query)` returns exactly `find_all(text, query)`; it folds `text` again only when
/// given a different text than last time.
#[derive(Clone, Debug, Default)]
pub struct Searcher {
    /// The text the cache was built from (compared on every call, so a changed article is
    /// never searched with a stale fold).
    source: String,
    /// `source` folded to lower case.
    folded: Folded,
    /// The last query's occurrences, to narrow down while it grows.
    last: Option<Occurrences>,
}

impl Searcher {
    /// Every case-insensitive occurrence of `query` in `text`, in order and not overlapping:
    /// the same spans as [`find_all`](super::find_all). Over "Stoltenberg said; STOLTENBERG",
    /// "stolt" then "stoltenberg" give `0..5, 18..23` then `0..11, 18..29`.
    pub fn find(&mut self, text: &ArticleText, query: &str) -> Vec<Span> {
        if self.source != text.as_str() {
            self.source = text.as_str().to_owned();
            self.folded = Folded::new(&self.source);
            self.last = None;
        }
        let needle = fold_query(query);
        if needle.is_empty() {
            self.last = None;
            return Vec::new();
        }
        let hay = self.folded.as_str().as_bytes();
        let occurrences = match self.last.take() {
            Some(last) if last.needle == needle => last,
            Some(last) if needle.starts_with(&last.needle) => Occurrences {
                starts: last
                    .starts
                    .into_iter()
                    .filter(|&b| {
                        hay.get(b..)
                            .is_some_and(|h| h.starts_with(needle.as_bytes()))
                    })
                    .collect(),
                needle,
            },
            _ => Occurrences {
                starts: every_start(hay, needle.as_bytes()),
                needle,
            },
        };
        let spans = self.spans(&occurrences);
        self.last = Some(occurrences);
        spans
    }

    /// The leftmost non-overlapping occurrences (what `str::match_indices` gives), as non-empty
    /// code-point spans of the original text.
    fn spans(&self, occurrences: &Occurrences) -> Vec<Span> {
        let len = occurrences.needle.len();
        let mut walker = self.folded.walker(&self.source);
        let mut next = 0;
        let mut out = Vec::with_capacity(occurrences.starts.len());
        for &b in &occurrences.starts {
            if b < next {
                continue;
            }
            next = b + len;
            let span = Span::new(walker.code_point(b), walker.code_point(next));
            // A match inside one code point's lowered form ("i" in the "i̇" of "İ") is empty.
            if !span.is_empty() {
                out.push(span);
            }
        }
        out
    }
}

/// The query as [`find_all`](super::find_all) folds it: trimmed, every code point lowered.
fn fold_query(query: &str) -> String {
    query.trim().chars().flat_map(char::to_lowercase).collect()
}

/// Every byte offset where `needle` (not empty) starts in `hay`, overlaps included.
fn every_start(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let finder = memchr::memmem::Finder::new(needle);
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(at) = hay.get(from..).and_then(|h| finder.find(h)) {
        starts.push(from + at);
        from += at + 1;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::search::find_all;
    use proptest::prelude::*;

    /// Types `query` one code point at a time, checking every prefix against `find_all`.
    fn type_and_check(s: &mut Searcher, t: &ArticleText, query: &str) {
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            assert_eq!(s.find(t, &typed), find_all(t, &typed), "query {typed:?}");
        }
    }

    #[test]
    fn agrees_with_find_all_on_mixed_script_text_while_typing() {
        let t = ArticleText::new(
            "İstanbul’da “Stoltenberg” said: ISTANBUL, istanbul, i\u{307}stanbul. \
             Die STRASSE, die Straße, die Strasse, ẞ. Café, CAFE\u{301}, cafe\u{301}! \
             😀 Reactions 👍 👨\u{200d}👩\u{200d}👧 ❤️ — قال الوزير 東京 \u{212a}elvin kelvin ΣΊΣΥΦΟΣ σίσυφος"
                .into(),
        );
        let mut s = Searcher::default();
        for query in [
            "istanbul",
            "İstanbul",
            "i̇",
            "I",
            "\u{307}",
            "stoltenberg”",
            "“stolt",
            "straße",
            "STRASSE",
            "ẞ",
            "café",
            "cafe\u{301}",
            "\u{301}",
            "😀 reactions",
            "👨\u{200d}👩",
            "\u{200d}",
            "️",
            "قال",
            "東京",
            "kelvin",
            "\u{212a}",
            "σίσυφος",
            "  straße  ",
            "zzz",
        ] {
            type_and_check(&mut s, &t, query);
        }
        // "i" alone lies inside "İ"'s lowered form: no match there, as with find_all.
        let i = s.find(&t, "i");
        assert_eq!(i, find_all(&t, "i"));
        assert!(!i.iter().any(|m| m.start == 0));
    }

    #[test]
    fn a_longer_query_finds_matches_the_shorter_one_skipped() {
        // "aa" matches at 0 and 3 (not overlapping); "aab" starts at 1, between them.
        let t = ArticleText::new("aaab aab".into());
        let mut s = Searcher::default();
        assert_eq!(s.find(&t, "aa"), [Span::new(0, 2), Span::new(5, 7)]);
        assert_eq!(s.find(&t, "aab"), [Span::new(1, 4), Span::new(5, 8)]);
    }

    #[test]
    fn backspace_and_a_new_text_are_searched_afresh() {
        let a = ArticleText::new("Stoltenberg said; STOLTENBERG".into());
        let b = ArticleText::new("No names here, only Stoltenbergs".into());
        let mut s = Searcher::default();
        type_and_check(&mut s, &a, "stoltenberg");
        assert_eq!(s.find(&a, "stolt"), [Span::new(0, 5), Span::new(18, 23)]);
        assert_eq!(s.find(&b, "stolt"), [Span::new(20, 25)]);
        assert_eq!(s.find(&b, ""), []);
        assert_eq!(s.find(&a, " said "), [Span::new(12, 16)]);
    }

    /// Pieces that fold in every awkward way: growing, shrinking, combining, multi-char.
    const PIECES: &[&str] = &[
        "a",
        "A",
        "aa",
        "b",
        "s",
        "S",
        "ß",
        "ẞ",
        "ss",
        "İ",
        "i",
        "I",
        "ı",
        "\u{307}",
        "e",
        "é",
        "É",
        "\u{301}",
        "“",
        "”",
        "😀",
        "👨\u{200d}👩",
        "\u{212a}",
        "k",
        "K",
        "Σ",
        "σ",
        "ς",
        "Ⱥ",
        "ⱥ",
        " ",
        "\n",
        "ش",
        "東",
    ];

    fn text_of(pieces: &[usize]) -> String {
        pieces
            .iter()
            .filter_map(|&i| PIECES.get(i % PIECES.len()))
            .copied()
            .collect()
    }

    /// A piece, mostly from the first four (so repeats like "aaab" are common).
    fn piece() -> impl Strategy<Value = usize> {
        prop_oneof![3 => 0usize..4, 2 => any::<usize>()]
    }

    proptest! {
        #[test]
        fn typed_queries_agree_with_find_all(
            text in prop::collection::vec(piece(), 0..80),
            from in any::<usize>(),
            len in 1usize..8,
            upper in any::<bool>(),
            edits in prop::collection::vec(
                (prop::collection::vec(piece(), 0..6), 0usize..5), 1..6),
        ) {
            let text = text_of(&text);
            let t = ArticleText::new(text.clone());
            let mut s = Searcher::default();
            // First a query cut from the text itself (so it matches), in either case; then
            // more typing and backspaces, one keystroke at a time.
            let chars: Vec<char> = text.chars().collect();
            let start = from % (chars.len() + 1);
            let cut: String = chars.iter().skip(start).take(len).collect();
            let cut = if upper { cut.to_uppercase() } else { cut };
            let mut edits: Vec<(String, usize)> =
                edits.iter().map(|(q, back)| (text_of(q), *back)).collect();
            edits.insert(0, (cut, 0));
            let mut typed = String::new();
            for (more, backspaces) in &edits {
                for c in more.chars() {
                    typed.push(c);
                    prop_assert_eq!(s.find(&t, &typed), find_all(&t, &typed), "query {:?}", typed);
                }
                for _ in 0..*backspaces {
                    typed.pop();
                    prop_assert_eq!(s.find(&t, &typed), find_all(&t, &typed), "query {:?}", typed);
                }
            }
        }
    }
}
