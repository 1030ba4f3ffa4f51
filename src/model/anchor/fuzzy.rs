//! Approximate search for a selector's `exact` text near an expected position, and the
//! context similarity that tells two equally good places apart.
//!
//! The search is Sellers' semi-global edit distance (the pattern must match whole, the text
//! may be entered and left anywhere) with Ukkonen's cut-off: only rows whose distance can still
//! stay within the allowed number of errors are computed. It works on code points, has no
//! length limit on the pattern (unlike a 64-bit Myers bit-vector), and its cost is about
//! `allowed errors × window length` per annotation.

use super::super::annotation::CONTEXT_CHARS;
use super::super::text::ArticleText;
use super::FUZZY_THRESHOLD;

/// How far the fuzzy window reaches beyond the span's expected place, besides its own length.
pub const FUZZY_SLACK_CHARS: usize = 1024;

/// A place where `exact` matches approximately.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct FuzzyMatch {
    /// First code point of the match in the article text.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `1 - edit distance / length of exact`, in `FUZZY_THRESHOLD..=1`.
    pub score: f32,
}

/// Most end positions with the best distance that are compared by their context.
const MAX_TIES: usize = 64;

/// Finds `exact` approximately in a window around code point `expected` of `text`.
///
/// Accepts only matches with score ≥ [`FUZZY_THRESHOLD`]; for an `exact` shorter than
/// `context_chars` the surrounding text must also agree ([`context_supports`]).
pub(super) fn find(
    text: &ArticleText,
    exact: &str,
    prefix: &str,
    suffix: &str,
    expected: usize,
    context_chars: usize,
) -> Option<FuzzyMatch> {
    let pattern: Vec<char> = exact.chars().collect();
    let m = pattern.len();
    let max_errors = max_errors(m);
    if max_errors == 0 {
        // Below five code points only an exact occurrence is a match; stage (b) did that.
        return None;
    }
    if m - max_errors > text.len_chars() {
        // Even with every allowed deletion the match would not fit in the text.
        return None;
    }
    let slack = FUZZY_SLACK_CHARS + m;
    let lo = expected.saturating_sub(slack);
    let hi = expected.saturating_add(m + slack).min(text.len_chars());
    let window: Vec<char> = text.slice(lo..hi).chars().collect();
    let hits = search(&pattern, &window, max_errors);
    let best = hits.iter().map(|h| h.0).min()?;
    let mut ties: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| h.0 == best)
        .map(|h| (lo + h.1, lo + h.2))
        .collect();
    // Nearest first; at the same start, the length closest to the pattern's.
    ties.sort_by_key(|&(s, e)| (s.abs_diff(expected), (e - s).abs_diff(m)));
    ties.truncate(MAX_TIES);
    let (start, end, ctx) = ties
        .into_iter()
        .map(|(s, e)| (s, e, context_similarity(text, s, e, prefix, suffix)))
        // Highest context similarity wins; among equals the nearest (sorted first) stays.
        .fold(None, |acc: Option<(usize, usize, f32)>, cand| match acc {
            Some(a) if a.2 >= cand.2 => Some(a),
            _ => Some(cand),
        })?;
    if m < context_chars && ctx < CONTEXT_SUPPORT {
        return None;
    }
    let score = 1.0 - best as f32 / m as f32;
    (score >= FUZZY_THRESHOLD).then_some(FuzzyMatch { start, end, score })
}

/// Errors allowed for a pattern of `m` code points: `floor((1 - FUZZY_THRESHOLD) * m)`.
fn max_errors(m: usize) -> usize {
    // 0.2 * m, computed in integers so that 5 chars allow exactly one error.
    let allowed = ((1.0 - FUZZY_THRESHOLD) * m as f32 + 1e-4).floor();
    allowed.max(0.0) as usize
}

/// Semi-global edit distance of `pattern` against every end position of `text`, with
/// Ukkonen's cut-off at `k` errors. Returns `(distance, start, end)` for every end position
/// whose distance is at most `k`; `start..end` indexes `text`.
fn search(pattern: &[char], text: &[char], k: usize) -> Vec<(usize, usize, usize)> {
    let m = pattern.len();
    let cap = k + 1;
    // Column of D[i][j] for the current text position j; values saturate at k + 1.
    let mut col: Vec<usize> = (0..=m).map(|i| i.min(cap)).collect();
    // Text index where the alignment ending in each cell begins.
    let mut from: Vec<usize> = vec![0; m + 1];
    let mut last_active = k.min(m);
    let mut hits = Vec::new();
    for (j, &t) in text.iter().enumerate() {
        let top = (last_active + 1).min(m);
        let mut diag = 0;
        let mut diag_from = j;
        if let (Some(c0), Some(f0)) = (col.first_mut(), from.first_mut()) {
            diag = *c0;
            diag_from = *f0;
            *c0 = 0;
            *f0 = j + 1;
        }
        // Row 0 was just set to (0, j + 1); walk rows 1..=top carrying the new value above.
        let (mut up, mut up_from) = (0, j + 1);
        let (Some(cols), Some(froms), Some(pats)) = (
            col.get_mut(1..=top),
            from.get_mut(1..=top),
            pattern.get(..top),
        ) else {
            break;
        };
        for ((c, f), &p) in cols.iter_mut().zip(froms.iter_mut()).zip(pats) {
            let (left, left_from) = (*c, *f);
            let mut best = (diag + usize::from(p != t), diag_from);
            if left + 1 < best.0 {
                best = (left + 1, left_from);
            }
            if up + 1 < best.0 {
                best = (up + 1, up_from);
            }
            diag = left;
            diag_from = left_from;
            *c = best.0.min(cap);
            *f = best.1;
            (up, up_from) = (*c, *f);
        }
        last_active = top;
        while last_active > 0 && col.get(last_active).is_none_or(|&v| v > k) {
            last_active -= 1;
        }
        if last_active == m
            && let (Some(&d), Some(&s)) = (col.get(m), from.get(m))
        {
            hits.push((d, s, j + 1));
        }
    }
    hits
}

/// Context similarity a short selector needs on at least one side to be trusted.
pub(super) const CONTEXT_SUPPORT: f32 = 0.5;

/// How well the text around `start..end` agrees with the stored `prefix` and `suffix`: the
/// better of the two sides of [`context_sides`].
pub(super) fn context_similarity(
    text: &ArticleText,
    start: usize,
    end: usize,
    prefix: &str,
    suffix: &str,
) -> f32 {
    let (before, after) = context_sides(text, start, end, prefix, suffix);
    f32::max(before, after)
}

/// How well each side of `start..end` agrees with the stored `prefix` and `suffix`,
/// `1 - edit distance / length`. An empty stored side means the span touched the start (end)
/// of the text, so it agrees only if it still does.
pub(super) fn context_sides(
    text: &ArticleText,
    start: usize,
    end: usize,
    prefix: &str,
    suffix: &str,
) -> (f32, f32) {
    // Only the CONTEXT_CHARS nearest the span count (a hand-edited file may store more).
    let prefix = prefix
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(prefix, |(b, _)| prefix.get(b..).unwrap_or(prefix));
    let suffix = suffix
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(suffix, |(b, _)| suffix.get(..b).unwrap_or(suffix));
    let before = if prefix.is_empty() {
        if start == 0 { 1.0 } else { 0.0 }
    } else {
        let now = text.prefix_of(start, prefix.chars().count());
        if now == prefix {
            1.0
        } else {
            similarity(prefix, now)
        }
    };
    let after = if suffix.is_empty() {
        if end >= text.len_chars() { 1.0 } else { 0.0 }
    } else {
        let now = text.suffix_of(end, suffix.chars().count());
        if now == suffix {
            1.0
        } else {
            similarity(suffix, now)
        }
    };
    (before, after)
}

/// `1 - levenshtein(a, b) / max(len a, len b)`; meant for short strings (context).
fn similarity(a: &str, b: &str) -> f32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - levenshtein(&a, &b) as f32 / longest as f32
}

/// Plain Levenshtein distance with one row of memory.
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diag = i;
        if let Some(r0) = row.first_mut() {
            *r0 = i + 1;
        }
        for (j, &cb) in b.iter().enumerate() {
            let (Some(&up), Some(&left)) = (row.get(j + 1), row.get(j)) else {
                break;
            };
            let v = (diag + usize::from(ca != cb)).min(up + 1).min(left + 1);
            diag = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = v;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn levenshtein_basics() {
        assert_eq!(levenshtein(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(levenshtein(&chars(""), &chars("abc")), 3);
        assert_eq!(levenshtein(&chars("“é😀”"), &chars("“e😀”")), 1);
    }

    #[test]
    fn errors_allowed_follow_the_threshold() {
        assert_eq!(max_errors(4), 0);
        assert_eq!(max_errors(5), 1);
        assert_eq!(max_errors(100), 20);
    }

    #[test]
    fn search_finds_the_substring_with_the_fewest_edits() {
        let hits = search(&chars("regret"), &chars("we regert that"), 2);
        let t = chars("we regert that");
        let best: Vec<String> = hits
            .iter()
            .filter(|h| h.0 == 2)
            .map(|&(_, s, e)| t[s..e].iter().collect())
            .collect();
        assert!(hits.iter().all(|h| h.0 >= 2));
        assert!(best.contains(&"regert".to_owned()), "{best:?}");
    }

    #[test]
    fn search_matches_brute_force_on_small_inputs() {
        // Compare with the minimum over all substrings for every end position.
        let text = chars("abcabdabacbcab");
        for pat in ["abc", "cab", "bdab", "aaaa", "cbca"] {
            let p = chars(pat);
            let k = 2;
            let hits = search(&p, &text, k);
            for end in 0..=text.len() {
                let brute = (0..=end)
                    .map(|s| levenshtein(&p, &text[s..end]))
                    .min()
                    .unwrap();
                let got = hits.iter().find(|h| h.2 == end).map(|h| h.0);
                if brute <= k {
                    assert_eq!(got, Some(brute), "{pat} end {end}");
                    let (_, s, e) = hits.iter().find(|h| h.2 == end).copied().unwrap();
                    assert_eq!(levenshtein(&p, &text[s..e]), brute, "{pat} {s}..{e}");
                } else {
                    assert_eq!(got, None, "{pat} end {end}");
                }
            }
        }
    }

    #[test]
    fn only_the_nearest_context_chars_count() {
        let text = ArticleText::new("abc NAME def".into());
        let long_prefix = format!("{}abc ", "z".repeat(10_000));
        let cut_prefix = format!("{}abc ", "z".repeat(28));
        assert_eq!(
            context_similarity(&text, 4, 8, &long_prefix, ""),
            context_similarity(&text, 4, 8, &cut_prefix, "")
        );
        let long_suffix = format!(" def{}", "z".repeat(10_000));
        let cut_suffix = format!(" def{}", "z".repeat(28));
        assert_eq!(
            context_similarity(&text, 4, 8, "", &long_suffix),
            context_similarity(&text, 4, 8, "", &cut_suffix)
        );
    }

    #[test]
    fn long_patterns_beyond_64_chars_are_found() {
        let base = "The aggressive actions of Russia seriously undermine the security order in Europe, said the Secretary General.";
        let changed = base.replace("seriously", "gravely");
        let text = ArticleText::new(format!("Intro text here. {changed} More text."));
        let found = find(&text, base, "", "", 17, 32).unwrap();
        assert!(found.score > 0.9 && found.score < 1.0, "{found:?}");
        assert_eq!(text.slice(found.start..found.end), changed);
    }
}
