//! Package size and start-up time to the first frame:
//! `cargo run --example package_bench -- [--deb FILE] [--bin FILE] [--runs N] [ARTICLE]`.
//!
//! Prints one `name=value` line per figure. The package is the newest
//! `target/debian/newsmark_*.deb` unless `--deb` names one; the binary timed is the installed
//! `/usr/bin/newsmark` if there is one, else `target/release/newsmark`. Each start opens the
//! article (the sample by default) in a fresh home folder with `NEWSMARK_REPORT_FIRST_FRAME=exit`:
//! the time is from starting the process to its line saying the first frame was painted, so it
//! includes loading the libraries, the font scan, OpenGL and the first layout. It needs an X
//! display: `DISPLAY`, or else an Xvfb it starts itself.

#![allow(clippy::unwrap_used, reason = "a benchmark fails loudly on purpose")]

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use newsmark::ui::startup::{FIRST_FRAME_LINE, REPORT_FIRST_FRAME};

/// Longest wait for one start-up.
const TIMEOUT: Duration = Duration::from_secs(60);

struct Options {
    deb: Option<PathBuf>,
    bin: Option<PathBuf>,
    runs: usize,
    article: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let opts = options()?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match opts
        .deb
        .clone()
        .or_else(|| newest_deb(&root.join("target/debian")))
    {
        Some(deb) => package_figures(&deb)?,
        None => println!("package=none (build it with packaging/build-deb.sh)"),
    }
    let bin = opts.bin.clone().unwrap_or_else(|| {
        let installed = PathBuf::from("/usr/bin/newsmark");
        if installed.exists() {
            installed
        } else {
            root.join("target/release/newsmark")
        }
    });
    anyhow::ensure!(bin.exists(), "no binary at {}", bin.display());
    println!("binary={}", bin.display());
    println!("binary_bytes={}", std::fs::metadata(&bin)?.len());
    let (display, xvfb) = display()?;
    let result = startups(&bin, &opts, &display);
    if let Some(mut x) = xvfb {
        let _ = x.kill();
        let _ = x.wait();
    }
    let mut times = result?;
    times.sort_unstable();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    println!("startup_runs={}", times.len());
    println!("startup_first_frame_ms_median={median}");
    println!("startup_first_frame_ms_min={}", times.first().unwrap_or(&0));
    println!("startup_first_frame_ms_max={}", times.last().unwrap_or(&0));
    Ok(())
}

fn options() -> anyhow::Result<Options> {
    let mut opts = Options {
        deb: None,
        bin: None,
        runs: 5,
        article: Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/nato_russia_2022-01-07.txt"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--deb" => opts.deb = args.next().map(PathBuf::from),
            "--bin" => opts.bin = args.next().map(PathBuf::from),
            "--runs" => opts.runs = args.next().context("--runs N")?.parse()?,
            _ if a.starts_with("--") => bail!("unknown option {a}"),
            _ => opts.article = PathBuf::from(a),
        }
    }
    Ok(opts)
}

/// The most recently written `newsmark_*.deb` in `dir`.
fn newest_deb(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("newsmark_") && name.ends_with(".deb")
        })
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
}

/// The package's size on disk and installed (Installed-Size, which dpkg counts in KiB).
fn package_figures(deb: &Path) -> anyhow::Result<()> {
    let bytes = std::fs::metadata(deb)
        .with_context(|| format!("cannot read {}", deb.display()))?
        .len();
    println!("package={}", deb.display());
    println!("package_bytes={bytes}");
    println!("package_mib={:.2}", bytes as f64 / 1048576.0);
    let out = Command::new("dpkg-deb")
        .args(["-f"])
        .arg(deb)
        .arg("Installed-Size")
        .output()
        .ok()
        .filter(|o| o.status.success());
    if let Some(out) = out {
        let kib = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        println!("package_installed_kib={kib}");
    }
    Ok(())
}

/// The display to use: `DISPLAY`, or a new Xvfb (returned, to be stopped).
fn display() -> anyhow::Result<(String, Option<Child>)> {
    if let Some(d) = std::env::var("DISPLAY").ok().filter(|d| !d.is_empty()) {
        return Ok((d, None));
    }
    let mut x = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1600x1000x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("no DISPLAY, and Xvfb cannot be started (apt install xvfb)")?;
    let mut line = String::new();
    BufReader::new(x.stdout.take().context("Xvfb's output")?).read_line(&mut line)?;
    let n = line.trim();
    anyhow::ensure!(!n.is_empty(), "Xvfb named no display");
    Ok((format!(":{n}"), Some(x)))
}

/// Starts the binary `opts.runs` times and returns each start-up time in milliseconds.
fn startups(bin: &Path, opts: &Options, display: &str) -> anyhow::Result<Vec<u128>> {
    let mut times = Vec::new();
    for run in 0..opts.runs {
        let home = tempfile::tempdir()?;
        let started = Instant::now();
        let mut child = Command::new(bin)
            .arg(&opts.article)
            .env("DISPLAY", display)
            .env("HOME", home.path())
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_STATE_HOME")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("WAYLAND_DISPLAY")
            .env(REPORT_FIRST_FRAME, "exit")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot start {}", bin.display()))?;
        let stderr = child.stderr.take().context("the app's stderr")?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if line.starts_with(FIRST_FRAME_LINE) {
                    let _ = tx.send(Ok(started.elapsed()));
                } else {
                    let _ = tx.send(Err(line));
                }
            }
        });
        let mut said = Vec::new();
        let took = loop {
            match rx.recv_timeout(TIMEOUT) {
                Ok(Ok(t)) => break Some(t),
                Ok(Err(line)) => said.push(line),
                Err(_) => break None,
            }
        };
        let exited = wait_or_kill(&mut child);
        let Some(took) = took else {
            bail!(
                "run {run}: no first frame within {} s; it said: {}",
                TIMEOUT.as_secs(),
                said.join(" | ")
            );
        };
        anyhow::ensure!(
            exited,
            "run {run}: the window did not close after its first frame"
        );
        println!("startup_run{run}_ms={}", took.as_millis());
        times.push(took.as_millis());
    }
    Ok(times)
}

/// Waits up to ten seconds for the app to close itself; kills it otherwise (false).
fn wait_or_kill(child: &mut Child) -> bool {
    let until = Instant::now() + Duration::from_secs(10);
    while Instant::now() < until {
        if let Ok(Some(_)) = child.try_wait() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    false
}
