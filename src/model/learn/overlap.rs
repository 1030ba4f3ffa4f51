//! Ranges sorted by where they start, with the length of the longest: the ranges that overlap
//! a query are found by a binary search and a short walk, not by a scan, so looking up every
//! quote of a long article stays linear.

use std::ops::Range;

/// Ranges, each with a value, sorted by start.
#[derive(Clone, Debug)]
pub struct ByStart<T> {
    items: Vec<(Range<usize>, T)>,
    longest: usize,
}

impl<T> Default for ByStart<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            longest: 0,
        }
    }
}

impl<T> ByStart<T> {
    /// Sorts `items` by where their ranges start.
    pub fn new(items: impl IntoIterator<Item = (Range<usize>, T)>) -> Self {
        let mut items: Vec<(Range<usize>, T)> = items.into_iter().collect();
        items.sort_by_key(|(r, _)| r.start);
        let longest = items.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        Self { items, longest }
    }

    /// The items whose range overlaps `q`, in order of start.
    pub fn overlapping(&self, q: &Range<usize>) -> impl Iterator<Item = &(Range<usize>, T)> {
        let (start, end) = (q.start, q.end);
        let first = self
            .items
            .partition_point(|(r, _)| r.start + self.longest <= start);
        self.items
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(move |(r, _)| r.start < end)
            .filter(move |(r, _)| start < r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_is_found_however_long_the_ranges_before_it() {
        let index = ByStart::new([(0..500, 'a'), (10..20, 'b'), (30..40, 'c'), (600..610, 'd')]);
        let found =
            |q: Range<usize>| -> String { index.overlapping(&q).map(|(_, c)| *c).collect() };
        assert_eq!(found(450..460), "a");
        assert_eq!(found(35..36), "ac");
        assert_eq!(found(15..35), "abc");
        assert_eq!(found(500..600), "");
        assert_eq!(found(605..700), "d");
    }
}
