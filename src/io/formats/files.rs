//! Exports and imports as files, shared by the CLI and File ▸ Export / Import in the window.

use std::path::{Path, PathBuf};

use crate::io::document::Document;

use super::{brat, citron, claimreview, csv, w3c};

/// A format sessions can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// brat standoff: `NAME.ann` plus the normalized text as `NAME.txt`.
    Brat,
    /// W3C Web Annotation JSON-LD collection.
    W3c,
    /// One CSV row per annotation.
    Csv,
    /// schema.org ClaimReview JSON-LD, one per claim with a verdict.
    ClaimReview,
    /// BBC Citron quote JSON.
    Citron,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 5] = [
        Self::Brat,
        Self::W3c,
        Self::Csv,
        Self::ClaimReview,
        Self::Citron,
    ];

    /// Name on the command line (`--format brat`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Brat => "brat",
            Self::W3c => "w3c",
            Self::Csv => "csv",
            Self::ClaimReview => "claimreview",
            Self::Citron => "citron",
        }
    }

    /// The format called `name` on the command line.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Menu text.
    pub fn label(self) -> &'static str {
        match self {
            Self::Brat => "brat standoff (.ann + .txt)",
            Self::W3c => "W3C Web Annotation (JSON-LD)",
            Self::Csv => "CSV",
            Self::ClaimReview => "ClaimReview (JSON-LD)",
            Self::Citron => "Citron quotes (JSON)",
        }
    }

    /// True for the formats that write a source for every quote with a speaker, so guess the
    /// speaker's nearest mention where the quote has no source mention (brat, Citron).
    pub fn guesses_sources(self) -> bool {
        matches!(self, Self::Brat | Self::Citron)
    }

    /// File name extension of the main output file.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Brat => "ann",
            Self::W3c => "jsonld",
            Self::Csv => "csv",
            Self::ClaimReview => "claimreview.jsonld",
            Self::Citron => "citron.json",
        }
    }
}

/// A format sessions can be imported from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// brat standoff `.ann`.
    Brat,
    /// W3C Web Annotation JSON-LD.
    W3c,
}

impl ImportFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 2] = [Self::Brat, Self::W3c];

    /// Name on the command line (`--format brat`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Brat => "brat",
            Self::W3c => "w3c",
        }
    }

    /// The format called `name` on the command line.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// File name extensions of its input files.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Brat => &["ann"],
            Self::W3c => &["json", "jsonld"],
        }
    }

    /// Menu text.
    pub fn label(self) -> &'static str {
        match self {
            Self::Brat => "brat standoff (.ann)…",
            Self::W3c => "W3C Web Annotation (JSON-LD)…",
        }
    }
}

/// What an export needs besides the document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// ClaimReview's `datePublished`, `YYYY-MM-DD`.
    pub date: String,
    /// CSV: begin with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8.
    pub excel: bool,
    /// CSV: no `'` before cells a spreadsheet would run as a formula (for data pipelines).
    pub no_formula_guard: bool,
}

/// An export rendered in memory: its files and what it left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    /// (path, content) of every file, the main one first.
    pub files: Vec<(PathBuf, String)>,
    /// One line per annotation the format cannot hold (Citron: quotes without a cue).
    pub left_out: Vec<String>,
}

/// The files an export to `out` consists of: brat gives `out` (the `.ann`), `out` with
/// extension `txt`, and `annotation.conf` and `visual.conf` in the same folder (so brat's
/// validator and viewer know the types); every other format gives `out` alone. ClaimReview
/// fails when the session lacks what a review requires ([`claimreview::missing`]).
pub fn render(
    doc: &Document,
    format: ExportFormat,
    out: &Path,
    options: &ExportOptions,
) -> Result<Rendered, ExportError> {
    let one = |body: String| Rendered {
        files: vec![(out.to_owned(), body)],
        left_out: Vec::new(),
    };
    Ok(match format {
        ExportFormat::Brat => {
            let files = brat::export(doc);
            let dir = out.parent().unwrap_or(Path::new(""));
            Rendered {
                files: vec![
                    (out.to_owned(), files.ann),
                    (out.with_extension("txt"), files.txt),
                    (dir.join("annotation.conf"), brat::annotation_conf()),
                    (dir.join("visual.conf"), brat::visual_conf()),
                ],
                left_out: Vec::new(),
            }
        }
        ExportFormat::W3c => one(w3c::export(doc)),
        ExportFormat::Csv => {
            let body = csv::export_with(doc, !options.no_formula_guard);
            one(if options.excel {
                format!("\u{feff}{body}")
            } else {
                body
            })
        }
        ExportFormat::ClaimReview => {
            let missing = claimreview::missing(doc);
            if !missing.is_empty() {
                return Err(ExportError::Incomplete(missing));
            }
            one(claimreview::export(doc, &options.date))
        }
        ExportFormat::Citron => {
            let c = citron::render(doc);
            Rendered {
                files: vec![(out.to_owned(), c.json)],
                left_out: c.left_out,
            }
        }
    })
}

/// Why an export was not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// An output file would replace one of the user's inputs.
    #[error("refusing to overwrite {0}: it is the article or the session")]
    WouldOverwrite(PathBuf),
    /// Two outputs would be the same file (brat with an output ending in .txt, or named
    /// annotation.conf or visual.conf).
    #[error(
        "the brat output {0} must not end in .txt nor be named annotation.conf or visual.conf (the text and brat's configuration are written beside it)"
    )]
    Collision(PathBuf),
    /// Writing failed; no output file was changed (every file of an export is renamed into
    /// place only when all of them were written).
    #[error(transparent)]
    Write(#[from] crate::io::disk::WriteError),
    /// The session lacks fields the format requires (ClaimReview's `url`, `author`, …); one
    /// line per field. Nothing was written.
    #[error("the session lacks what the format requires: {}", .0.join("; "))]
    Incomplete(Vec<String>),
    /// A folder for the output could not be created.
    #[error("cannot create the folder {}: {}", .0.display(), crate::io::disk::describe(.1))]
    Folder(PathBuf, std::io::Error),
}

/// Writes an export atomically, never over the article or session file, with no `.bak`;
/// returns the paths.
pub fn write_export(
    doc: &Document,
    format: ExportFormat,
    out: &Path,
    date: &str,
) -> Result<Vec<PathBuf>, ExportError> {
    let options = ExportOptions {
        date: date.to_owned(),
        ..ExportOptions::default()
    };
    Ok(write_rendered(doc, render(doc, format, out, &options)?, out)?.files)
}

/// Writes a rendered export (all its files or none), never over the article or session file,
/// and keeps no `.bak` of what it replaces; returns the paths written and what was left out.
pub fn write_rendered(
    doc: &Document,
    rendered: Rendered,
    out: &Path,
) -> Result<Written, ExportError> {
    write_rendered_keeping(doc, rendered, out, false)
}

/// [`write_rendered`], keeping each replaced file as `NAME.bak` when `backup` (`--backup`).
pub fn write_rendered_keeping(
    doc: &Document,
    rendered: Rendered,
    out: &Path,
    backup: bool,
) -> Result<Written, ExportError> {
    let Rendered {
        mut files,
        left_out,
    } = rendered;
    // brat's configuration files beside the main file replace only ones newsmark wrote: a brat
    // collection's own annotation.conf is the user's work.
    let mut kept = Vec::new();
    let mut i = 1;
    while let Some((path, body)) = files.get(i) {
        let is_conf = path
            .file_name()
            .is_some_and(|n| n == "annotation.conf" || n == "visual.conf");
        let old = is_conf
            .then(|| std::fs::read_to_string(path).ok())
            .flatten();
        match old {
            Some(old) if !brat::is_newsmark_conf(&old) => kept.push(files.remove(i).0),
            // Already what it would be (a folder export writes it once, with no .bak).
            Some(old) if old == *body => {
                files.remove(i);
            }
            _ => i += 1,
        }
    }
    let mut protected = vec![PathBuf::from(&doc.session.article.path)];
    protected.extend(doc.session_path.clone());
    for (path, _) in &files {
        if protected.iter().any(|p| same_file(p, path)) {
            return Err(ExportError::WouldOverwrite(path.clone()));
        }
    }
    if files.len() > 1 && files.iter().skip(1).any(|(p, _)| same_file(p, out)) {
        return Err(ExportError::Collision(out.to_owned()));
    }
    for (path, _) in &files {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| ExportError::Folder(dir.to_owned(), e))?;
        }
    }
    let pairs: Vec<(&Path, &[u8])> = files
        .iter()
        .map(|(p, body)| (p.as_path(), body.as_bytes()))
        .collect();
    crate::io::disk::write_all_atomically(&pairs, backup)?;
    Ok(Written {
        files: files.into_iter().map(|(p, _)| p).collect(),
        left_out,
        kept,
    })
}

/// What [`write_rendered`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The files, the main one first.
    pub files: Vec<PathBuf>,
    /// What the format could not hold, one line each.
    pub left_out: Vec<String>,
    /// Files not replaced because the user's own were there (a brat collection's
    /// `annotation.conf` or `visual.conf` that newsmark did not write).
    pub kept: Vec<PathBuf>,
}

/// True if both paths name the same file (or the same path when they do not exist yet).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
    }
}

mod date;
mod input;
pub use date::today_utc;
pub use input::{ImportOptions, Imported, ReadInputError, import_str, read_input};
#[cfg(test)]
mod tests;
