//! `newsmark import`: one annotation file into one session, or a folder of them into a folder
//! of sessions or a project — where two inputs would land in one session both are refused, and
//! an annotator's existing session is replaced only with `--replace` (keeping `.bak`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

use super::{Outcome, files_with, for_each, layout, summary_code};
use crate::io::article;
use crate::io::formats::files::{self, ImportFormat, ImportOptions};
use crate::io::session_file;

/// Where folder import writes: a folder of sessions, or a project's layout.
pub enum Into<'a> {
    /// `OUT/STEM.ron` for each `STEM.ann`.
    Folder(&'a Path),
    /// `PROJECT/.newsmark/ANNOTATOR/ARTICLE.ron`, the annotator taken from
    /// `ARTICLE_ANNOTATOR.ann` names or else the one given; `true`: replace existing sessions.
    Project(&'a Path, &'a str, bool),
}

/// What to do with a session file that is already there.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Existing {
    /// Replace it (a single import's `-o`, a folder of sessions), keeping `.bak`.
    Overwrite,
    /// Keep it and report the input as not imported (a project without `--replace`).
    Keep,
    /// Replace it, keeping `.bak`, and say so (a project with `--replace`).
    Replace,
}

/// `newsmark import`: one annotation file against one article into one session, or a folder
/// of annotation files against a folder of articles into a folder of sessions or a project.
pub fn import(
    format: ImportFormat,
    input: &Path,
    article: Option<&Path>,
    article_dir: Option<&Path>,
    into: Into<'_>,
    options: &ImportOptions,
) -> anyhow::Result<ExitCode> {
    if !input.is_dir() {
        let (Some(article), Into::Folder(output)) = (article, &into) else {
            bail!("give the article the annotations were made on with --article, and -o");
        };
        return Ok(
            import_one(format, input, article, output, options, Existing::Overwrite)?.code(),
        );
    }
    let project_dir = match into {
        Into::Project(dir, annotator, _) => {
            layout::check_annotator(annotator)
                .map_err(|why| anyhow::anyhow!("--annotator {annotator:?} {why}"))?;
            Some(dir)
        }
        Into::Folder(_) => None,
    };
    let Some(texts) = article_dir.or(article).or(project_dir) else {
        bail!(
            "{} is a folder: give the folder of articles with --article-dir",
            input.display()
        );
    };
    let inputs = files_with(input, format.extensions())?;
    let existing = match into {
        Into::Folder(_) => Existing::Overwrite,
        Into::Project(_, _, false) => Existing::Keep,
        Into::Project(_, _, true) => Existing::Replace,
    };
    // Where each input goes, decided before anything is written, so two inputs that would
    // land in one session are both refused instead of one overwriting the other.
    let plans: Vec<(PathBuf, anyhow::Result<(PathBuf, PathBuf)>)> = inputs
        .iter()
        .map(|ann| (ann.clone(), plan(ann, texts, &into)))
        .collect();
    let collisions = layout::collisions(&plans);
    for line in &collisions.lines {
        eprintln!("newsmark: refused: {line}");
    }
    let mut not_imported = 0;
    let (complete, partial, failed) = for_each(&inputs, |ann| {
        if collisions.refused.iter().any(|r| r == ann) {
            not_imported += 1;
            return Ok(Outcome::Partial);
        }
        if existing == Existing::Keep
            && let Ok((_, out)) = plans
                .iter()
                .find(|(a, _)| a == ann)
                .map_or(Err(()), |(_, p)| p.as_ref().map_err(|_| ()))
            && std::fs::symlink_metadata(out).is_ok()
        {
            not_imported += 1;
        }
        let Some((_, planned)) = plans.iter().find(|(a, _)| a == ann) else {
            bail!("{} was not planned", ann.display());
        };
        let (txt, out) = match planned {
            Ok(p) => p,
            Err(e) => bail!("{}", crate::cli::one_line_error(e)),
        };
        import_one(format, ann, txt, out, options, existing)
    });
    let shown = match into {
        Into::Folder(dir) => dir.display().to_string(),
        Into::Project(dir, _, _) => format!("the project {}", dir.display()),
    };
    let refused = match not_imported {
        0 => String::new(),
        n => format!(" ({n} of them not imported, see above)"),
    };
    eprintln!(
        "imported {complete} of {} file(s) completely into {shown}; {partial} with lines dropped{refused}, {failed} failed",
        inputs.len(),
    );
    Ok(summary_code(partial, failed))
}

/// The article and the session file of annotation file `ann`.
fn plan(ann: &Path, texts: &Path, into: &Into<'_>) -> anyhow::Result<(PathBuf, PathBuf)> {
    let stem = ann
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (txt, suffix) = layout::article_for(texts, &stem)?;
    let out = match into {
        Into::Folder(dir) => dir.join(format!("{stem}.ron")),
        Into::Project(dir, annotator, _) => {
            let name = suffix.as_deref().unwrap_or(annotator);
            if let Err(why) = layout::check_annotator(name) {
                bail!(
                    "{}: the annotator {name:?} in its name {why}; rename the file ARTICLE_ANNOTATOR.ann",
                    ann.display()
                );
            }
            layout::project_session(dir, &txt, name)?
        }
    };
    Ok((txt, out))
}

fn import_one(
    format: ImportFormat,
    ann: &Path,
    article: &Path,
    output: &Path,
    options: &ImportOptions,
    existing: Existing,
) -> anyhow::Result<Outcome> {
    // `-o -` (one file): the session goes to standard output, the summary to stderr.
    let to_stdout = output == Path::new("-") && existing == Existing::Overwrite;
    refuse_overwrite(output, &[article, ann])?;
    let there = !to_stdout && std::fs::symlink_metadata(output).is_ok();
    if there && existing == Existing::Keep {
        eprintln!(
            "newsmark: kept {}: that session already exists, so {} was not imported; pass --replace to replace it (the old one is then kept as .bak)",
            output.display(),
            ann.display()
        );
        return Ok(Outcome::Partial);
    }
    if there {
        crate::io::lock::refuse_if_held(output)?;
    }
    let loaded = article::load(article)?;
    if let Some(n) = loaded.decoded.notice() {
        eprintln!("newsmark: note: {}: {n}", article.display());
    }
    let input = files::read_input(ann)?;
    let imported = match files::import_str(
        format,
        &input,
        &loaded.decoded.text,
        loaded.reference,
        options,
    ) {
        Ok(imported) => imported,
        // One short line per problem, the offsets convention once, then the error.
        Err(crate::io::formats::FormatError::NothingParsed { format, problems }) => {
            crate::cli::report_bounded(&format!("newsmark: {}: ", ann.display()), &problems);
            if format == "brat" {
                eprintln!(
                    "newsmark: {}: brat offsets are read as code points of the article with LF line endings",
                    ann.display()
                );
            }
            bail!(
                "cannot import {}: nothing in the {format} input could be read ({} problem(s), listed above): is {} the article it was made on?",
                ann.display(),
                problems.len(),
                article.display()
            );
        }
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!("cannot import {}", ann.display())));
        }
    };
    let shown = ann.display();
    crate::cli::report_bounded(&format!("newsmark: dropped: {shown}: "), &imported.dropped);
    crate::cli::report_bounded(&format!("newsmark: note: {shown}: "), &imported.notes);
    crate::cli::report_bounded("  ", &imported.summary);
    let (session, warnings) = (imported.session, imported.dropped);
    let summary = format!(
        "imported {} annotation(s) and {} speaker(s) into {} ({} line(s) dropped)\n",
        session.annotations.len(),
        session.speakers.len(),
        if to_stdout {
            "standard output".to_owned()
        } else {
            output.display().to_string()
        },
        warnings.len()
    );
    if to_stdout {
        crate::cli::write_stdout(&session_file::to_ron(&session)?)?;
        eprint!("{summary}");
    } else if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            anyhow::anyhow!(
                "cannot create the folder {}: {}",
                dir.display(),
                crate::io::disk::describe(&e)
            )
        })?;
    }
    if !to_stdout {
        session_file::save(&session, output)?;
        crate::cli::write_stdout(&summary)?;
    }
    if there && existing == Existing::Replace {
        eprintln!(
            "newsmark: replaced {} (the old session is kept as {})",
            output.display(),
            crate::io::disk::backup_path(output).display()
        );
    }
    Ok(if warnings.is_empty() {
        Outcome::Complete
    } else {
        Outcome::Partial
    })
}

/// Fails if `out` is one of the protected files (the article, the input).
fn refuse_overwrite(out: &Path, protected: &[&Path]) -> anyhow::Result<()> {
    if let Some(p) = protected.iter().find(|p| files::same_file(out, p)) {
        bail!(
            "refusing to write {}: it is the input file {}",
            out.display(),
            p.display()
        );
    }
    Ok(())
}
