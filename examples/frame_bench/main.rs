//! Frame-time benchmark of the real app, headless: `cargo run --release --example frame_bench
//! -- [ARTICLE [SESSION]]`. Prints one `name=value` line per figure (medians).
//!
//! With no arguments it writes a 1.5 MB article with a 10,000-annotation session and measures
//! that; in every case it also measures a generated ~10 kB article (`*_10kb` figures) so the
//! ratio of warm frame times is visible. Each case runs in a child process so that its
//! resident memory is its own. Frames run the real `eframe::App::ui` on a bare
//! `egui::Context` with a fixed 1280×800 screen, plus tessellation (what eframe does on the
//! CPU each frame); GPU painting is not included. It exits non-zero if a figure with a limit
//! is over it (`search_keystroke_ms`: median ≤ 5, worst ≤ 16).

#![allow(clippy::unwrap_used, reason = "a benchmark fails loudly on purpose")]

mod rig;

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--one") {
        let open = PathBuf::from(args.get(1).cloned().unwrap_or_default());
        let suffix = args.get(2).cloned().unwrap_or_default();
        return rig::run_case(&open, &suffix);
    }
    let tmp = tempfile::tempdir()?;
    // NEWSMARK_BENCH_DIR keeps the generated files (to open them in the app).
    let dir =
        std::env::var_os("NEWSMARK_BENCH_DIR").map_or_else(|| tmp.path().to_owned(), PathBuf::from);
    std::fs::create_dir_all(&dir)?;
    let big = match args.as_slice() {
        [] => rig::generate(&dir, "big", 1_500_000, 10_000)?,
        [article] => PathBuf::from(article),
        [article, session, ..] => {
            let _ = article;
            PathBuf::from(session)
        }
    };
    let small = rig::generate(&dir, "small", 10_000, 67)?;
    let (big_warm, big_ok) = child(&big, "")?;
    let (small_warm, small_ok) = child(&small, "_10kb")?;
    if let (Some(b), Some(s)) = (big_warm, small_warm) {
        println!("warm_frame_ratio={:.2}", b / s.max(1e-9));
    }
    anyhow::ensure!(big_ok && small_ok, "a benchmark case failed (see above)");
    Ok(())
}

/// Runs one case in a child process, echoes its lines, returns its warm frame time and
/// whether it succeeded (a case fails when a figure is over its limit, after printing all).
fn child(open: &Path, suffix: &str) -> anyhow::Result<(Option<f64>, bool)> {
    let out = Command::new(std::env::current_exe()?)
        .arg("--one")
        .arg(open)
        .arg(suffix)
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    print!("{text}");
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        eprintln!("benchmark case {} failed", open.display());
    }
    let key = format!("warm_frame_ms{suffix}=");
    let warm = text
        .lines()
        .find_map(|l| l.strip_prefix(&key))
        .and_then(|v| v.parse().ok());
    Ok((warm, out.status.success()))
}
