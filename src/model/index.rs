//! An interval index over code-point spans: which spans overlap a range, in `O(log n + k)`.
//!
//! Spans are half-open (`start..end`, in code points). A span overlaps a query range when they
//! share at least one code point: the span `2..5` overlaps `4..9` but not `5..9`; an empty span
//! overlaps nothing. The index is built once per change of the annotations and then answers
//! "what is painted in this paragraph" without scanning every annotation.

/// One indexed span with a caller's value (an annotation's position, a layer kind…).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entry<T> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// What the span stands for.
    pub value: T,
}

/// Spans sorted by start, with an implicit binary tree holding the largest end in each subtree.
#[derive(Clone, Debug)]
pub struct IntervalIndex<T> {
    entries: Vec<Entry<T>>,
    /// `max_end[node]` for the heap-numbered nodes of the tree over `entries` (root = 1).
    max_end: Vec<usize>,
}

impl<T> Default for IntervalIndex<T> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            max_end: Vec::new(),
        }
    }
}

/// Subtrees this small are scanned instead of split further.
const LEAF: usize = 16;

impl<T: Copy> IntervalIndex<T> {
    /// Builds the index; empty spans are dropped because they overlap nothing.
    pub fn new(spans: impl IntoIterator<Item = Entry<T>>) -> Self {
        let mut entries: Vec<Entry<T>> = spans.into_iter().filter(|e| e.end > e.start).collect();
        entries.sort_by_key(|e| (e.start, e.end));
        let mut max_end = vec![0; 8 * (entries.len() / LEAF + 1)];
        build(&entries, &mut max_end, 1, 0, entries.len());
        Self { entries, max_end }
    }

    /// Number of indexed (non-empty) spans.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every span sharing a code point with `start..end`, ordered by (start, end).
    pub fn overlapping(&self, start: usize, end: usize) -> Vec<Entry<T>> {
        let mut out = Vec::new();
        if end > start {
            // Only spans starting before `end` can overlap.
            let limit = self.entries.partition_point(|e| e.start < end);
            self.collect(1, 0, self.entries.len(), limit, start, &mut out);
        }
        out
    }

    /// Every span containing code point `at`.
    pub fn at(&self, at: usize) -> Vec<Entry<T>> {
        self.overlapping(at, at.saturating_add(1))
    }

    fn collect(
        &self,
        node: usize,
        lo: usize,
        hi: usize,
        limit: usize,
        start: usize,
        out: &mut Vec<Entry<T>>,
    ) {
        let hi_in = hi.min(limit);
        if lo >= hi_in || self.max_end.get(node).is_none_or(|&m| m <= start) {
            return;
        }
        if hi - lo <= LEAF {
            let slice = self.entries.get(lo..hi_in).unwrap_or_default();
            out.extend(slice.iter().filter(|e| e.end > start));
            return;
        }
        let mid = lo + (hi - lo) / 2;
        self.collect(2 * node, lo, mid, limit, start, out);
        self.collect(2 * node + 1, mid, hi, limit, start, out);
    }
}

/// Fills `max_end` for the subtree `node` over `entries[lo..hi]`; returns its largest end.
fn build<T>(
    entries: &[Entry<T>],
    max_end: &mut [usize],
    node: usize,
    lo: usize,
    hi: usize,
) -> usize {
    let m = if hi - lo <= LEAF {
        entries
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .map(|e| e.end)
            .max()
            .unwrap_or(0)
    } else {
        let mid = lo + (hi - lo) / 2;
        let a = build(entries, max_end, 2 * node, lo, mid);
        let b = build(entries, max_end, 2 * node + 1, mid, hi);
        a.max(b)
    };
    if let Some(slot) = max_end.get_mut(node) {
        *slot = m;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn e(start: usize, end: usize, value: u32) -> Entry<u32> {
        Entry { start, end, value }
    }

    #[test]
    fn overlap_is_half_open_and_empty_spans_are_ignored() {
        let idx = IntervalIndex::new([e(2, 5, 1), e(5, 9, 2), e(0, 100, 3), e(7, 7, 4)]);
        assert_eq!(idx.len(), 3);
        let values = |v: Vec<Entry<u32>>| v.into_iter().map(|e| e.value).collect::<Vec<_>>();
        assert_eq!(values(idx.overlapping(4, 5)), [3, 1]);
        assert_eq!(values(idx.overlapping(5, 6)), [3, 2]);
        assert_eq!(values(idx.at(9)), [3]);
        assert_eq!(values(idx.at(100)), Vec::<u32>::new());
        assert!(idx.overlapping(6, 6).is_empty());
    }

    #[test]
    fn many_nested_spans_are_all_found() {
        // 1000 spans all covering code point 500: every one must be reported.
        let idx = IntervalIndex::new((0..1000).map(|i| e(i / 2, 1000 - i / 2, i as u32)));
        assert_eq!(idx.at(500).len(), 1000);
        assert_eq!(idx.at(0).len(), 2);
    }

    fn naive(spans: &[(usize, usize)], qs: usize, qe: usize) -> Vec<(usize, usize, u32)> {
        let mut v: Vec<_> = spans
            .iter()
            .enumerate()
            .filter(|(_, (s, t))| qe > qs && t > s && *s < qe && *t > qs)
            .map(|(i, (s, t))| (*s, *t, i as u32))
            .collect();
        v.sort_unstable();
        v
    }

    proptest! {
        #[test]
        fn same_answer_as_a_scan_of_all_spans(
            spans in proptest::collection::vec((0usize..500, 0usize..80), 0..300),
            queries in proptest::collection::vec((0usize..600, 0usize..100), 1..20),
        ) {
            let spans: Vec<(usize, usize)> = spans.into_iter().map(|(s, l)| (s, s + l)).collect();
            let idx = IntervalIndex::new(
                spans.iter().enumerate().map(|(i, &(s, t))| e(s, t, i as u32)),
            );
            for (qs, ql) in queries {
                let mut got: Vec<_> = idx
                    .overlapping(qs, qs + ql)
                    .into_iter()
                    .map(|x| (x.start, x.end, x.value))
                    .collect();
                got.sort_unstable();
                prop_assert_eq!(got, naive(&spans, qs, qs + ql));
            }
        }
    }
}
