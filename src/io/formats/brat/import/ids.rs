//! The phase of a brat import that numbers the annotations: each keeps the number of its `T`
//! line where that number is free, the others get fresh ones after the largest.

use std::collections::{HashMap, HashSet};

use super::{Entity, Tag};
use crate::io::formats::FreshIds;
use crate::model::annotation::AnnotationId;

/// The `T` ids that become annotations, and the annotation id of each.
pub(super) struct Ids<'a> {
    /// The `T` ids of the annotations, in file order.
    pub(super) annotated: Vec<&'a String>,
    /// The annotation id of each of them.
    pub(super) of: HashMap<String, AnnotationId>,
}

/// Numbers the entities in `order` that become annotations (not cues, not parts absorbed into
/// another): `T7` becomes annotation 7 unless an earlier one took 7; the rest, in file order,
/// get fresh ids after the largest taken.
///
/// `T3`, `T5`, `T03`, `Tx` (in that order) → 3, 5, 6, 7: `T03` would be 3 again, `Tx` has no
/// number.
pub(super) fn assign<'a>(
    order: &'a [String],
    entities: &HashMap<String, Entity>,
    absorbed: &HashMap<String, String>,
) -> Ids<'a> {
    let annotated: Vec<&String> = order
        .iter()
        .filter(|t| entities.get(*t).is_some_and(|e| e.tag != Tag::Cue))
        .filter(|t| !absorbed.contains_key(*t))
        .collect();
    let mut of: HashMap<String, AnnotationId> = HashMap::new();
    let mut used = HashSet::new();
    for t in &annotated {
        if let Some(n) = t.strip_prefix('T').and_then(|n| n.parse::<u32>().ok())
            && used.insert(n)
        {
            of.insert((*t).clone(), AnnotationId(n));
        }
    }
    let mut fresh = FreshIds::after(used.iter().max().copied());
    for t in &annotated {
        if !of.contains_key(*t)
            && let Some(n) = fresh.next(|n| used.contains(&n))
        {
            used.insert(n);
            of.insert((*t).clone(), AnnotationId(n));
        }
    }
    Ids { annotated, of }
}
