//! The account of an import per type of input (a brat line type, a W3C annotation kind): how
//! many were read, kept, skipped on purpose and dropped.

use std::collections::BTreeMap;

/// Counts for one type of input (`Quote`, `Source`, `relation Said`, `event Attribution`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeCount {
    /// Items of this type in the input.
    pub read: usize,
    /// Items that became part of the session.
    pub kept: usize,
    /// Items not imported on purpose (brat: the map says `skip`, or they only refer to skipped
    /// ones).
    pub skipped: usize,
    /// Items that could not be imported (each has a reason among the warnings).
    pub dropped: usize,
}

/// The account of an import, per type of input, in name order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Type name → counts.
    pub types: BTreeMap<String, TypeCount>,
}

impl Tally {
    /// Counts one item of type `ty` as read.
    pub fn read(&mut self, ty: &str) {
        self.types.entry(ty.to_owned()).or_default().read += 1;
    }

    /// Counts one item of type `ty` as kept.
    pub fn kept(&mut self, ty: &str) {
        self.types.entry(ty.to_owned()).or_default().kept += 1;
    }

    /// Counts one item of type `ty` as skipped on purpose.
    pub fn skipped(&mut self, ty: &str) {
        self.types.entry(ty.to_owned()).or_default().skipped += 1;
    }

    /// Counts one item of type `ty` as dropped.
    pub fn dropped(&mut self, ty: &str) {
        self.types.entry(ty.to_owned()).or_default().dropped += 1;
    }

    /// One line per type: `"Quote: read 12, kept 12, skipped 0, dropped 0"`.
    pub fn lines(&self) -> Vec<String> {
        self.types
            .iter()
            .map(|(ty, c)| {
                format!(
                    "{ty}: read {}, kept {}, skipped {}, dropped {}",
                    c.read, c.kept, c.skipped, c.dropped
                )
            })
            .collect()
    }
}
