//! `newsmark export` and `newsmark import`, for one file or a whole folder: the formats are
//! declared once in [`files`], and every file's outcome is reported (what was written, left
//! out, dropped) with one summary for a folder.

use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use crate::io::formats::files::{self, ExportFormat, ImportFormat};
use crate::model::annotation::KindTag;

/// How one file's export or import went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Everything was written.
    Complete,
    /// Something was left out or refused (reported); exit code 1.
    Partial,
}

impl Outcome {
    fn code(self) -> ExitCode {
        match self {
            Self::Complete => ExitCode::SUCCESS,
            Self::Partial => ExitCode::from(1),
        }
    }
}

/// Parses `--format` for export (the names come from [`ExportFormat::name`]).
pub fn export_format(name: &str) -> Result<ExportFormat, String> {
    ExportFormat::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
        format!("possible values: {}", names.join(", "))
    })
}

/// Parses `--format` for import.
pub fn import_format(name: &str) -> Result<ImportFormat, String> {
    ImportFormat::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = ImportFormat::ALL.iter().map(|f| f.name()).collect();
        format!("possible values: {}", names.join(", "))
    })
}

/// Parses `--default-kind claim|quote|mention`.
pub fn kind_name(name: &str) -> Result<KindTag, String> {
    KindTag::ALL
        .into_iter()
        .find(|k| k.label().eq_ignore_ascii_case(name))
        .ok_or_else(|| "possible values: claim, quote, mention".to_owned())
}

/// What `export` was asked to do.
pub struct ExportArgs<'a> {
    /// A session file, or a folder of them.
    pub session: &'a Path,
    /// The format.
    pub format: ExportFormat,
    /// Output file (or folder, for a folder of sessions); stdout when `None`.
    pub output: Option<&'a Path>,
    /// ClaimReview's date.
    pub date: Option<String>,
    /// Write the anchored annotations and list the others instead of refusing.
    pub skip_unanchored: bool,
    /// CSV with a byte-order mark, for Excel.
    pub excel: bool,
    /// CSV cells as they are, with no formula guard.
    pub no_formula_guard: bool,
    /// Keep replaced files as `NAME.bak`.
    pub backup: bool,
    /// Publication metadata overriding the session's.
    pub publication: &'a super::publish::PublicationFlags,
}

/// `newsmark export`: one session to a file or stdout, or a folder of sessions to a folder.
pub fn export(args: &ExportArgs<'_>) -> anyhow::Result<ExitCode> {
    let date = match &args.date {
        Some(d) if is_iso_date(d) => d.clone(),
        Some(d) => bail!("--date {d} is not a date like 2024-05-01"),
        None => files::today_utc(),
    };
    if !args.session.is_dir() {
        return Ok(export_one(args, args.session, args.output, &date)?.code());
    }
    let Some(out_dir) = args.output else {
        bail!(
            "{} is a folder: give an output folder with -o",
            args.session.display()
        );
    };
    let sessions = files_with(args.session, &["ron"])?;
    if sessions.is_empty() {
        let project = args.session.join(crate::io::project::SESSIONS);
        if project.is_dir() {
            bail!(
                "{} is a project: its sessions are in {}/NAME; export one annotator's with \
                 `newsmark export {}/NAME -o …`",
                args.session.display(),
                project.display(),
                project.display()
            );
        }
        bail!(
            "{} holds no session (.ron) to export",
            args.session.display()
        );
    }
    let (complete, partial, failed) = for_each(&sessions, |s| {
        let stem = s.file_stem().map(|x| x.to_string_lossy().into_owned());
        let out = out_dir.join(format!(
            "{}.{}",
            stem.unwrap_or_default(),
            args.format.extension()
        ));
        export_one(args, s, Some(&out), &date)
    });
    eprintln!(
        "exported {complete} of {} session(s) completely to {}; {partial} with annotations left out or refused, {failed} failed",
        sessions.len(),
        out_dir.display()
    );
    Ok(summary_code(partial, failed))
}

fn export_one(
    args: &ExportArgs<'_>,
    session: &Path,
    output: Option<&Path>,
    date: &str,
) -> anyhow::Result<Outcome> {
    let doc = super::open(session)?;
    let unanchored = doc.unanchored();
    let total = doc.session.annotations.len();
    let name = session.display();
    if !unanchored.is_empty() {
        let lines: Vec<String> = unanchored
            .iter()
            .map(|a| {
                format!(
                    "#{} {} “{}”",
                    a.id.0,
                    a.kind.tag().label(),
                    crate::io::formats::quote_input(&a.exact)
                )
            })
            .collect();
        if unanchored.len() == total {
            eprintln!(
                "newsmark: {name}: none of the {total} annotation(s) is found in {}: it is not this session's article (or it was rewritten); nothing was written",
                doc.session.article.path
            );
            return Ok(Outcome::Partial);
        }
        if !args.skip_unanchored {
            eprintln!(
                "newsmark: {name}: {} of {total} annotation(s) are not anchored in the article (orphans or unreviewed fuzzy matches after it changed); nothing was written. Review them in the window, or pass --skip-unanchored to export the others:",
                unanchored.len()
            );
            super::report_bounded("  ", &lines);
            return Ok(Outcome::Partial);
        }
        eprintln!(
            "newsmark: {name}: left out {} of {total} annotation(s) that are not anchored in the article:",
            unanchored.len()
        );
        super::report_bounded("  ", &lines);
    }
    let mut doc = if unanchored.is_empty() {
        doc
    } else {
        doc.anchored_only()
    };
    args.publication.apply(&mut doc.session.publication)?;
    let options = files::ExportOptions {
        date: date.to_owned(),
        excel: args.excel,
        no_formula_guard: args.no_formula_guard,
    };
    let rendered = match files::render(
        &doc,
        args.format,
        output.unwrap_or(Path::new("-")),
        &options,
    ) {
        Ok(r) => r,
        Err(files::ExportError::Incomplete(missing)) => {
            eprintln!(
                "newsmark: {name}: cannot export {}: the session lacks (nothing was written):",
                args.format.name()
            );
            super::report_bounded("  ", &missing);
            return Ok(Outcome::Partial);
        }
        Err(e) => return Err(e.into()),
    };
    let left_out = rendered.left_out.clone();
    if let Some(note) = args
        .format
        .guesses_sources()
        .then(|| crate::io::formats::nearest::guessed_note(&doc.session))
        .flatten()
    {
        eprintln!("newsmark: {name}: {note}");
    }
    match output {
        Some(out) => {
            let written = files::write_rendered_keeping(&doc, rendered, out, args.backup)?;
            let names: Vec<String> = written
                .files
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            eprintln!("wrote {}", names.join(", "));
            for k in &written.kept {
                eprintln!(
                    "newsmark: kept {}: newsmark did not write it (check that it declares Claim, Quote, Mention and Cue)",
                    k.display()
                );
            }
        }
        None => {
            // brat's text and configuration are not printed: stdout holds the one main file.
            if let Some((_, body)) = rendered.files.first() {
                super::write_stdout(body)?;
            }
        }
    }
    if left_out.is_empty() {
        return Ok(Outcome::Complete);
    }
    eprintln!(
        "newsmark: {name}: left out {} annotation(s) {} cannot hold:",
        left_out.len(),
        args.format.name()
    );
    super::report_bounded("  ", &left_out);
    Ok(Outcome::Partial)
}

/// `YYYY-MM-DD` with plausible month and day.
pub(super) fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts[..] else { return false };
    let num = |x: &str, len: usize| {
        (x.len() == len && x.bytes().all(|b| b.is_ascii_digit()))
            .then(|| x.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (num(y, 4), num(m, 2), num(d, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

mod folders;
mod import;
mod layout;
use folders::{files_with, for_each, summary_code};
pub use import::{Into, import};
#[cfg(test)]
mod tests;
