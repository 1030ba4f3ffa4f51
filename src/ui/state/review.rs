//! An export held back until the annotations that are not anchored are reviewed.
use crate::io::formats::files::ExportFormat;
use std::path::PathBuf;

/// An export held back until the annotations that are not anchored are reviewed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldExport {
    /// The format chosen.
    pub format: ExportFormat,
    /// Where it was to be written.
    pub path: PathBuf,
    /// True when no annotation at all is anchored: the article is not this session's.
    pub none_anchored: bool,
}
