//! Headless subcommands: `check`, `stats`, `export`, `import`.
//!
//! Results go to stdout (or the `-o` file), messages to stderr. Exit codes: 0 success, 1 a
//! `check` that found annotations not matching the article, 2 any error (with the message on
//! stderr). Nothing here panics on bad input.

mod stats;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Subcommand, ValueEnum};

use crate::io::article;
use crate::io::document::Document;
use crate::io::formats::files;
use crate::io::session_file;
use crate::model::anchor::Outcome;
use crate::model::annotation::KindTag;

/// A headless subcommand.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check that every annotation still matches its article text exactly.
    ///
    /// Exits 0 when all match, 1 when some do not (they are listed), 2 on an error.
    Check {
        /// The session file (.ron).
        session: PathBuf,
    },
    /// Print counts: annotations by kind, speakers, verdicts, check-worthiness.
    Stats {
        /// The session file (.ron).
        session: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Export a session to an interchange format.
    ///
    /// Offsets are Unicode code points of the normalized article text (BOM removed, CRLF as LF).
    /// brat writes OUT.ann and OUT.txt (the normalized text) when given `-o OUT.ann`.
    Export {
        /// The session file (.ron).
        session: PathBuf,
        /// Output format.
        #[arg(long, short = 'f', value_enum)]
        format: ExportFormat,
        /// Output file (default: stdout).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Publication date for ClaimReview, YYYY-MM-DD (default: today, UTC).
        #[arg(long)]
        date: Option<String>,
    },
    /// Import brat standoff or W3C Web Annotation into a new session file.
    ///
    /// Lines or items that cannot be mapped are reported as warnings on stderr.
    Import {
        /// Input format.
        #[arg(long, short = 'f', value_enum)]
        format: ImportFormat,
        /// The annotation file (.ann or .json).
        ann_file: PathBuf,
        /// The article the annotations were made on (plain text).
        #[arg(long)]
        article: PathBuf,
        /// The session file to write (.ron); it may be overwritten, the article never.
        #[arg(long, short = 'o')]
        output: PathBuf,
    },
}

/// Formats `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// brat standoff (.ann + .txt).
    Brat,
    /// W3C Web Annotation JSON-LD collection.
    W3c,
    /// One CSV row per annotation.
    Csv,
    /// schema.org ClaimReview JSON-LD for claims with a verdict.
    Claimreview,
    /// Citron quote JSON.
    Citron,
}

/// Formats `import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// brat standoff (.ann), against the article given with --article.
    Brat,
    /// W3C Web Annotation JSON-LD.
    W3c,
}

/// Runs a subcommand and turns its outcome into an exit code; errors are printed to stderr.
pub fn run(cmd: Command) -> ExitCode {
    let result = match cmd {
        Command::Check { session } => check(&session),
        Command::Stats { session, json } => stats::run(&session, json).map(|()| ExitCode::SUCCESS),
        Command::Export {
            session,
            format,
            output,
            date,
        } => export(&session, format, output.as_deref(), date).map(|()| ExitCode::SUCCESS),
        Command::Import {
            format,
            ann_file,
            article,
            output,
        } => import(format, &ann_file, &article, &output).map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| {
        eprintln!("newsmark: error: {e:#}");
        ExitCode::from(2)
    })
}

/// Opens a session and its article, printing the document's notices to stderr.
fn open(session: &Path) -> anyhow::Result<Document> {
    let mut doc = Document::open_session(session)?;
    // Exports name the article by an absolute IRI, whatever the current folder.
    let article = Path::new(&doc.session.article.path);
    if let Ok(abs) = article
        .canonicalize()
        .or_else(|_| std::path::absolute(article))
    {
        doc.session.article.path = abs.to_string_lossy().into_owned();
    }
    for n in &doc.notices {
        eprintln!("newsmark: note: {n}");
    }
    Ok(doc)
}

fn check(session: &Path) -> anyhow::Result<ExitCode> {
    let doc = open(session)?;
    let s = &doc.session;
    println!(
        "{} speaker(s), {} claim(s), {} quote(s), {} mention(s)",
        s.speakers.len(),
        s.count(KindTag::Claim),
        s.count(KindTag::Quote),
        s.count(KindTag::Mention)
    );
    // Opening re-anchors whenever the article changed or a span does not fit; no report means
    // every annotation matched where it was.
    let Some(report) = doc.anchor_report.as_ref().filter(|r| !r.all_exact()) else {
        println!("{} annotation(s), all anchor exactly", s.annotations.len());
        return Ok(ExitCode::SUCCESS);
    };
    println!("re-anchored: {}", report.summary());
    for (id, outcome) in &report.outcomes {
        let (Some(a), true) = (s.annotation(*id), *outcome != Outcome::Exact) else {
            continue;
        };
        let now = match outcome {
            Outcome::Orphan => "not found".to_owned(),
            _ => format!(
                "now {}..{} “{}”",
                a.start,
                a.end,
                doc.text.slice(a.start..a.end)
            ),
        };
        println!(
            "  #{} {} {outcome:?}: “{}” {now}",
            id.0,
            a.kind.tag().label(),
            a.exact
        );
    }
    Ok(ExitCode::from(1))
}

fn export(
    session: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    date: Option<String>,
) -> anyhow::Result<()> {
    let doc = open(session)?;
    let date = match date {
        Some(d) if is_iso_date(&d) => d,
        Some(d) => bail!("--date {d} is not a date like 2024-05-01"),
        None => files::today_utc(),
    };
    let format = match format {
        ExportFormat::Brat => files::ExportFormat::Brat,
        ExportFormat::W3c => files::ExportFormat::W3c,
        ExportFormat::Csv => files::ExportFormat::Csv,
        ExportFormat::Claimreview => files::ExportFormat::ClaimReview,
        ExportFormat::Citron => files::ExportFormat::Citron,
    };
    match output {
        Some(out) => {
            let written = files::write_export(&doc, format, out, &date)?;
            let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
            eprintln!("wrote {}", names.join(" and "));
        }
        None => {
            // brat's text is not printed: stdout holds the one main file.
            let rendered = files::render(&doc, format, Path::new("-"), &date);
            if let Some((_, body)) = rendered.first() {
                print!("{body}");
            }
        }
    }
    Ok(())
}

fn import(format: ImportFormat, ann: &Path, article: &Path, output: &Path) -> anyhow::Result<()> {
    refuse_overwrite(output, &[article, ann])?;
    let loaded = article::load(article)?;
    if let Some(n) = loaded.decoded.notice() {
        eprintln!("newsmark: note: {}: {n}", article.display());
    }
    let bytes = std::fs::read(ann).with_context(|| format!("cannot read {}", ann.display()))?;
    let input = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{} is not UTF-8 text", ann.display()))?;
    let format = match format {
        ImportFormat::Brat => files::ImportFormat::Brat,
        ImportFormat::W3c => files::ImportFormat::W3c,
    };
    let (session, warnings) =
        files::import_str(format, &input, &loaded.decoded.text, loaded.reference)
            .with_context(|| format!("cannot import {}", ann.display()))?;
    for w in &warnings {
        eprintln!("newsmark: warning: {}: {w}", ann.display());
    }
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create folder {}", dir.display()))?;
    }
    session_file::save(&session, output)?;
    println!(
        "imported {} annotation(s) and {} speaker(s) into {} ({} warning(s))",
        session.annotations.len(),
        session.speakers.len(),
        output.display(),
        warnings.len()
    );
    Ok(())
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

/// `YYYY-MM-DD` with plausible month and day.
fn is_iso_date(s: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_iso_date("2024-05-01"));
        assert!(!is_iso_date("2024-5-1"));
        assert!(!is_iso_date("2024-13-01"));
        assert!(is_iso_date(&files::today_utc()));
    }
}
