//! `newsmark extract`: the article of a saved web page (or a folder of them) as plain text,
//! with its metadata as JSON on request.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::io::page::{self, Extracted, open::Written};

/// The `extract` subcommand's arguments.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// A saved web page (.html, .htm, .xhtml), a Markdown file, or a folder of them.
    pub page: PathBuf,
    /// Where to write the text (a folder for a folder of pages); an existing different file is
    /// never replaced. Without it the text (or the JSON) goes to standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Print {"title", "byline", "published", "url", "site", "lang", "dir", "text"} as JSON
    /// (for a folder: write NAME.json beside each NAME.txt).
    #[arg(long)]
    pub json: bool,
}

/// Runs `extract`: exit 0 when every page gave an article, 1 when some did not or a different
/// file was in the way, 2 on an error with a single page.
pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    if args.page.is_dir() && page::page_of_folder(&args.page).is_none() {
        let Some(out) = args.output.as_deref().filter(|o| *o != Path::new("-")) else {
            anyhow::bail!(
                "{} is a folder: give the folder the texts go to with -o OUT_DIR",
                args.page.display()
            );
        };
        return folder(&args.page, out, args.json);
    }
    let page_path = match page::page_of_folder(&args.page) {
        Some(p) if args.page.is_dir() => p,
        _ => args.page.clone(),
    };
    let extracted = page::extract_file(&page_path)?;
    for n in &extracted.notices {
        eprintln!("newsmark: note: {}: {n}", page_path.display());
    }
    let mut exit = ExitCode::SUCCESS;
    match args.output.as_deref().filter(|o| *o != Path::new("-")) {
        Some(out) => {
            if write(out, &extracted.article.text)? == Written::KeptDifferent {
                exit = ExitCode::from(1);
            }
            if args.json {
                super::write_stdout(&json(&extracted)?)?;
            }
        }
        None if args.json => super::write_stdout(&json(&extracted)?)?,
        None => super::write_stdout(&String::from_utf8_lossy(&page::open::text_bytes(
            &extracted.article.text,
        )))?,
    }
    eprintln!("newsmark: {}", summary(&page_path, &extracted));
    Ok(exit)
}

/// One line about an extraction: title, words, encoding, URL.
fn summary(path: &Path, e: &Extracted) -> String {
    let m = &e.article.meta;
    let mut line = format!(
        "{}: {} words",
        path.display(),
        page::open::words(&e.article.text)
    );
    if let Some(t) = &m.title {
        line.push_str(&format!(", “{t}”"));
    }
    if let Some(u) = &m.url {
        line.push_str(&format!(", {u}"));
    }
    if e.encoding != "utf-8" {
        line.push_str(&format!(", read as {}", e.encoding));
    }
    line
}

fn json(e: &Extracted) -> anyhow::Result<String> {
    let mut s = serde_json::to_string_pretty(&e.article).context("cannot write JSON")?;
    s.push('\n');
    Ok(s)
}

/// Writes the text to `out` once; an existing different file is reported, never replaced.
fn write(out: &Path, text: &str) -> anyhow::Result<Written> {
    let written = page::open::write_once(out, &page::open::text_bytes(text))?;
    if written == Written::KeptDifferent {
        eprintln!(
            "newsmark: {} exists with other text: left as it is (remove it to write the new text)",
            out.display()
        );
    }
    Ok(written)
}

/// `extract DIR -o OUT_DIR`: every page and Markdown file in DIR (not in its `_files` folders),
/// one summary.
fn folder(dir: &Path, out: &Path, with_json: bool) -> anyhow::Result<ExitCode> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| (page::is_page(p) || page::is_markdown(p)) && p.is_file())
        .collect();
    pages.sort();
    std::fs::create_dir_all(out)
        .with_context(|| format!("cannot create the folder {}", out.display()))?;
    let (mut written, mut same, mut kept) = (0, 0, 0);
    let mut failed: Vec<String> = Vec::new();
    for p in &pages {
        let result = page::extract_file(p)
            .map_err(anyhow::Error::from)
            .and_then(|e| {
                let stem = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let outcome = write(&out.join(format!("{stem}.txt")), &e.article.text)?;
                if with_json {
                    crate::io::disk::write_atomically(
                        &out.join(format!("{stem}.json")),
                        json(&e)?.as_bytes(),
                    )?;
                }
                Ok(outcome)
            });
        match result {
            Ok(Written::Created) => written += 1,
            Ok(Written::Same) => same += 1,
            Ok(Written::KeptDifferent) => kept += 1,
            Err(e) => failed.push(super::one_line_error(&e)),
        }
    }
    eprintln!(
        "newsmark: {} page(s) in {}: {written} written, {same} unchanged, {kept} kept (a different \
         file was there), {} without an article, to {}",
        pages.len(),
        dir.display(),
        failed.len(),
        out.display()
    );
    super::report_bounded("  ", &failed);
    Ok(if failed.is_empty() && kept == 0 && !pages.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
