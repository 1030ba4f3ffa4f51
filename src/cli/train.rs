//! `newsmark train SESSIONS… -o MODEL [--seed N] [--epochs N]`: learns an attribution model
//! from annotated sessions (files or folders, recursively) and writes it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::io::learn;
use crate::model::learn::{Options, Progress, train};

/// Trains on the sessions in `paths` and writes the model to `output`.
pub fn run(paths: &[PathBuf], output: &Path, seed: u64, epochs: u32) -> anyhow::Result<ExitCode> {
    let files = learn::session_files(paths).map_err(anyhow::Error::msg)?;
    if files.is_empty() {
        anyhow::bail!("no session files (.ron) in {}", list(paths));
    }
    let started = Instant::now();
    let loaded = learn::load_examples(&files, &mut |done, total| {
        if done == total || done % 50 == 0 {
            eprint!("\rreading sessions: {done} of {total}");
            let _ = std::io::stderr().flush();
        }
    });
    eprintln!();
    for f in &loaded.failed {
        eprintln!("newsmark: skipped {f}");
    }
    if loaded.examples.is_empty() {
        anyhow::bail!(
            "none of the {} session(s) has a quote to learn from",
            files.len()
        );
    }
    let opts = Options {
        epochs,
        seed,
        ..Options::default()
    };
    let mut last = String::new();
    let model = train(&loaded.examples, &opts, &mut |p: Progress| {
        let line = if p.errors > 0 {
            format!(
                "{}: {} of {} ({} tags wrong)",
                p.stage, p.done, p.total, p.errors
            )
        } else {
            format!("{}: {} of {}", p.stage, p.done, p.total)
        };
        if line != last {
            eprint!("\r{line:<60}");
            let _ = std::io::stderr().flush();
            last = line;
        }
    });
    eprintln!();
    learn::save_model(&model, output).map_err(anyhow::Error::msg)?;
    let size = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "trained on {} session(s) ({} without quotes left out) in {:.1} s; wrote {} ({} KB, {} features)",
        loaded.examples.len(),
        loaded.without_quotes,
        started.elapsed().as_secs_f64(),
        output.display(),
        size / 1024,
        model.tagger.keys.len()
    );
    Ok(if loaded.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
