//! The `T` ids of an export, a function of the session alone (see the parent module).
//!
//! - An annotation is `T<its id>`: ids are unique in a session and import keeps them, so an
//!   annotation keeps its `T` through export → import → export and through any edit that
//!   leaves it in place.
//! - A cue is `T<CUE_BASE + q>`, where `q` is the smallest id of the exported quotes whose cue
//!   is that very span: quotes that share a cue share its one `T` line. `CUE_BASE` (10¹⁰) is
//!   above every annotation id (`u32`), so a cue's `T` never names an annotation, in this export
//!   or a later one. It depends only on those quotes: removing or adding any other annotation
//!   leaves it as it was; removing the quote `q` moves its cue to the next smallest sharer.
//! - `R`, `A`, `N` and `#` lines are numbered in the order they are written. Nothing refers to
//!   them, and their numbers shift when an annotation before them is removed.

use std::collections::HashMap;

use crate::model::annotation::{AnnotationId, Span};

/// Cue ids start above every annotation id: the cue of quote 7 (alone) is `T10000000007`.
pub(super) const CUE_BASE: u64 = 10_000_000_000;

/// The `T` number of each quote's cue, from `(quote id, cue span)` of every exported quote
/// whose cue is written: quotes with the same cue span get the same number,
/// `CUE_BASE + their smallest id`, whatever order they come in.
pub(super) fn cue_numbers(
    quotes: impl IntoIterator<Item = (AnnotationId, Span)>,
) -> HashMap<AnnotationId, u64> {
    let quotes: Vec<(AnnotationId, Span)> = quotes.into_iter().collect();
    let mut owner: HashMap<Span, AnnotationId> = HashMap::new();
    for &(id, cue) in &quotes {
        owner
            .entry(cue)
            .and_modify(|o| *o = (*o).min(id))
            .or_insert(id);
    }
    quotes
        .iter()
        .filter_map(|(id, cue)| owner.get(cue).map(|o| (*id, CUE_BASE + u64::from(o.0))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_cues_take_the_smallest_quote_id_in_any_order() {
        let said = Span::new(10, 14);
        let told = Span::new(30, 34);
        let forward = cue_numbers([
            (AnnotationId(9), said),
            (AnnotationId(4), said),
            (AnnotationId(5), told),
        ]);
        let backward = cue_numbers([
            (AnnotationId(5), told),
            (AnnotationId(4), said),
            (AnnotationId(9), said),
        ]);
        assert_eq!(forward, backward);
        assert_eq!(forward.get(&AnnotationId(9)), Some(&(CUE_BASE + 4)));
        assert_eq!(forward.get(&AnnotationId(4)), Some(&(CUE_BASE + 4)));
        assert_eq!(forward.get(&AnnotationId(5)), Some(&(CUE_BASE + 5)));
        let max = cue_numbers([(AnnotationId(u32::MAX), said)]);
        assert_eq!(max.get(&AnnotationId(u32::MAX)), Some(&14_294_967_295));
    }
}
