//! Reading an interchange file to import: its text, the options, and the session built from
//! it with the account of what happened.

use std::path::{Path, PathBuf};

use super::ImportFormat;
use crate::io::formats::{FormatError, brat, w3c};
use crate::model::annotation::KindTag;
use crate::model::session::{ArticleRef, Session};
use crate::model::text::ArticleText;

/// Why an interchange file could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum ReadInputError {
    /// Missing, not a regular file, too large, unreadable.
    #[error(transparent)]
    Read(#[from] crate::io::disk::ReadError),
    /// Bytes that are not UTF-8.
    #[error("cannot import {}: it is not UTF-8 text", .0.display())]
    NotUtf8(PathBuf),
}

/// Reads an annotation file to import (a regular file of at most
/// [`MAX_DATA_BYTES`](crate::io::disk::MAX_DATA_BYTES), UTF-8), for the CLI and the window alike.
pub fn read_input(path: &Path) -> Result<String, ReadInputError> {
    let bytes =
        crate::io::disk::read_regular(path, crate::io::disk::MAX_DATA_BYTES, "annotation file")?;
    String::from_utf8(bytes).map_err(|_| ReadInputError::NotUtf8(path.to_owned()))
}

/// How to read an interchange file.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// brat entity types → what they become (`--map`).
    pub map: brat::TypeMap,
    /// W3C annotations without a Claim/Quote/Mention tag (other tools') become this kind;
    /// `None` skips them with a reason (`--default-kind`).
    pub default_kind: Option<KindTag>,
}

/// An imported session with the account of what happened to the input.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The new session.
    pub session: Session,
    /// One reason per line or item that could not be imported (a loss: exit 1).
    pub dropped: Vec<String>,
    /// What was done that the user should know, that lost nothing.
    pub notes: Vec<String>,
    /// Per type of input: read, kept, skipped by the map, dropped (brat).
    pub summary: Vec<String>,
}

/// Builds a session for `text` from an interchange file's content (BOM tolerated); returns it
/// with what was dropped (and why), notes and a per-type summary.
pub fn import_str(
    format: ImportFormat,
    input: &str,
    text: &ArticleText,
    article: ArticleRef,
    options: &ImportOptions,
) -> Result<Imported, FormatError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    match format {
        ImportFormat::Brat => {
            let r = brat::import_with(input, text, article, &options.map)?;
            Ok(Imported {
                session: r.session,
                dropped: r.dropped,
                notes: r.notes,
                summary: r.tally.lines(),
            })
        }
        ImportFormat::W3c => {
            let r = w3c::import_with(input, text, article, options.default_kind)?;
            Ok(Imported {
                session: r.session,
                dropped: r.dropped,
                notes: r.notes,
                summary: r.tally.lines(),
            })
        }
    }
}
