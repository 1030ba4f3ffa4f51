//! Peak memory of the W3C export and import, as the CLI does them, on generated sessions of 10k
//! and 100k annotations (or the sizes given): each step runs in a child process of its own and
//! reports its peak resident set (`VmHWM`, Linux), beside the size of the file it wrote or read
//! and the peak of merely opening the session and its article.
//!
//! Run with `cargo run --example w3c_memory` (optionally `-- 10000 100000 1000000`).

use std::path::Path;
use std::process::{Command, ExitCode};

use newsmark::io::document::Document;
use newsmark::io::formats::files::{self, ExportFormat, ImportFormat};

#[allow(dead_code, reason = "only the session generator is used")]
#[path = "export_bench.rs"]
mod bench;

/// This process's peak resident set in MiB, from `/proc/self/status`.
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The session and its article. Beyond the 256 MiB a session file may have in the app and the
/// CLI (1M annotations make 369 MiB), the file is read directly, so that the figures measure
/// the code, not the cap.
fn open(session: &Path) -> Result<Document, String> {
    if std::fs::metadata(session).map_err(|e| e.to_string())?.len()
        <= newsmark::io::disk::MAX_DATA_BYTES
    {
        return Document::open_session(session).map_err(|e| e.to_string());
    }
    let text = std::fs::read_to_string(session).map_err(|e| e.to_string())?;
    let parsed = newsmark::io::session_file::parse(&text, session).map_err(|e| e.to_string())?;
    drop(text);
    let dir = session.parent().unwrap_or(Path::new("."));
    let article = dir.join(&parsed.article.path);
    Document::with_article(parsed, &article, Some(session.to_owned())).map_err(|e| e.to_string())
}

/// The W3C file to import (read directly beyond the 256 MiB cap, as [`open`] does).
fn input(json: &Path) -> Result<String, String> {
    if std::fs::metadata(json).map_err(|e| e.to_string())?.len()
        <= newsmark::io::disk::MAX_DATA_BYTES
    {
        return files::read_input(json).map_err(|e| e.to_string());
    }
    std::fs::read_to_string(json).map_err(|e| e.to_string())
}

/// One step in this (child) process; prints "PEAK_MIB" on stdout.
fn child(step: &str, session: &Path, json: &Path) -> Result<(), String> {
    match step {
        "open" => {
            open(session)?;
        }
        "export" => {
            let doc = open(session)?;
            files::write_export(&doc, ExportFormat::W3c, json, "2024-05-01")
                .map_err(|e| e.to_string())?;
        }
        "import" => {
            let doc = open(session)?;
            let input = input(json)?;
            let imported = files::import_str(
                ImportFormat::W3c,
                &input,
                &doc.text,
                doc.session.article.clone(),
                &files::ImportOptions::default(),
            )
            .map_err(|e| e.to_string())?;
            if imported.session.annotations.is_empty() {
                return Err("nothing imported".into());
            }
        }
        other => return Err(format!("unknown step {other}")),
    }
    println!("{:.1}", peak_mib());
    Ok(())
}

fn run_child(step: &str, session: &Path, json: &Path) -> Result<f64, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .args(["--child", step])
        .arg(session)
        .arg(json)
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .map_err(|_| "no figure from the child".to_owned())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, step, session, json] = &args[..]
        && flag == "--child"
    {
        return match child(step, Path::new(session), Path::new(json)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        };
    }
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    let Ok(tmp) = tempfile::tempdir() else {
        eprintln!("cannot create a temporary folder");
        return ExitCode::FAILURE;
    };
    println!("annotations  session MiB  json MiB  open peak MiB  export peak MiB  import peak MiB");
    for n in sizes {
        let result = bench::write_files(tmp.path(), n).and_then(|session| {
            let json = tmp.path().join(format!("w3c_{n}.json"));
            let open = run_child("open", &session, &json)?;
            let export = run_child("export", &session, &json)?;
            let import = run_child("import", &session, &json)?;
            let mib = |p: &Path| std::fs::metadata(p).map_or(0.0, |m| m.len() as f64 / 1048576.0);
            println!(
                "{n:>11}  {:>11.1}  {:>8.1}  {open:>13.1}  {export:>15.1}  {import:>15.1}",
                mib(&session),
                mib(&json)
            );
            Ok(())
        });
        if let Err(e) = result {
            eprintln!("{n} annotations: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
