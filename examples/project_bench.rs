//! Times a corpus project as a team uses it: a generated folder of 1,000 articles (about 800
//! words each, one in ten with a mixed-script paragraph), half of them with an annotator's
//! session of 20 annotations, some marked done. Prints
//!
//! - `project_list_ms`: the window opening the folder as a project — scanning every article and
//!   session for the document list and opening the first article (the real `open_project`);
//! - `search_process_ms`: `newsmark search DIR QUERY` as a whole process (spawned, as a user
//!   runs it), with the number of matches.
//!
//! Exits non-zero when either takes more than a second. Run with
//! `cargo run --release --example project_bench [-- ARTICLES]`; `NEWSMARK_BENCH_DIR=dir` keeps
//! the generated project.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use newsmark::io::project::{self, ProjectState};
use newsmark::io::session_file;
use newsmark::model::annotation::{AnnotationId, KindTag, Span};
use newsmark::model::session::{Session, make_annotation};
use newsmark::model::text::ArticleText;
use newsmark::ui::NewsmarkApp;

#[path = "../tests/rng/mod.rs"]
mod rng;
use rng::Rng;

const LIMIT_MS: f64 = 1000.0;
const ANNOTATOR: &str = "bench";
const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "talks",
    "would",
    "continue",
    "in",
    "Geneva",
    "and",
    "NATO",
    "officials",
    "warned",
    "that",
    "troops",
    "near",
    "border",
    "were",
    "a",
    "risk",
    "to",
    "security",
    "Stoltenberg",
    "told",
    "reporters",
    "on",
    "Friday",
    "after",
    "meeting",
];
const MIXED: &str =
    "Noa Ben-David (נועה בן-דוד) and Omar Haddad (عمر حداد) — 東京で山田太郎さん 👩🏽‍💼 café naïve.";

fn article_text(rng: &mut Rng, i: usize) -> String {
    let mut paragraphs = Vec::new();
    for p in 0..8 {
        if i.is_multiple_of(10) && p == 3 {
            paragraphs.push(MIXED.to_owned());
            continue;
        }
        let words: Vec<&str> = (0..100).map(|_| WORDS[rng.below(WORDS.len())]).collect();
        paragraphs.push(format!("{}.", words.join(" ")));
    }
    paragraphs.join("\n\n") + "\n"
}

/// Writes the project; returns its folder.
fn generate(root: &Path, n: usize) -> std::io::Result<PathBuf> {
    let dir = root.join("corpus");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut state = ProjectState::default();
    for i in 0..n {
        let sub = dir.join(format!("week{}", i % 10));
        std::fs::create_dir_all(&sub)?;
        let path = sub.join(format!("article_{i:04}.txt"));
        let text = article_text(&mut rng, i);
        std::fs::write(&path, &text)?;
        if i.is_multiple_of(2) {
            let session = session_for(&path, &text, &mut rng);
            let out = project::session_path(&dir, ANNOTATOR, &path);
            std::fs::create_dir_all(out.parent().unwrap_or(&dir))?;
            session_file::save(&session, &out).map_err(std::io::Error::other)?;
        }
        if i.is_multiple_of(7) {
            state.done.insert(project::relative_name(&dir, &path));
        }
    }
    state.save(&dir, ANNOTATOR).map_err(std::io::Error::other)?;
    Ok(dir)
}

fn session_for(path: &Path, text: &str, rng: &mut Rng) -> Session {
    let loaded = newsmark::io::article::load(path).ok();
    let reference = loaded.map(|l| l.reference).unwrap_or_default();
    let mut s = Session::new(reference);
    let t = ArticleText::new(text.to_owned());
    let len = t.len_chars();
    for id in 0..20u32 {
        let start = rng.below(len.saturating_sub(40));
        let span = Span::new(start, start + 10 + rng.below(30));
        let kind = [KindTag::Claim, KindTag::Quote, KindTag::Mention][id as usize % 3];
        s.annotations.push(make_annotation(
            &t,
            AnnotationId(id + 1),
            span,
            kind.with_speaker(None),
        ));
    }
    s.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    s
}

fn main() -> ExitCode {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let keep = std::env::var_os("NEWSMARK_BENCH_DIR").map(PathBuf::from);
    let tmp = tempfile::tempdir().ok();
    let Some(root) = keep.or_else(|| tmp.as_ref().map(|t| t.path().to_owned())) else {
        eprintln!("project_bench: no temporary folder");
        return ExitCode::FAILURE;
    };
    let dir = match generate(&root, n) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("project_bench: cannot write the project: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Relative paths in sessions are resolved from the current folder, as when a user runs
    // newsmark in the project.
    if let Err(e) = std::env::set_current_dir(&dir) {
        eprintln!("project_bench: {e}");
        return ExitCode::FAILURE;
    }

    let t = Instant::now();
    let mut app = NewsmarkApp::new(root.join("saves")).with_annotator(ANNOTATOR);
    app.open_project(Path::new("."));
    let list_ms = t.elapsed().as_secs_f64() * 1000.0;
    let listed = app.project_len();

    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.join("newsmark")))
        .filter(|p| p.is_file());
    let Some(exe) = exe else {
        eprintln!("project_bench: build the newsmark binary first (cargo build --release)");
        return ExitCode::FAILURE;
    };
    let t = Instant::now();
    let out = Command::new(&exe)
        .args(["search", ".", "Stoltenberg"])
        .output();
    let search_ms = t.elapsed().as_secs_f64() * 1000.0;
    let matches = out
        .as_ref()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().count())
        .unwrap_or(0);

    println!("articles={n} listed={listed}");
    println!("project_list_ms={list_ms:.0}");
    println!("search_process_ms={search_ms:.0} matches={matches}");
    let mut ok = listed == n && matches > 0;
    for (name, ms) in [
        ("project_list_ms", list_ms),
        ("search_process_ms", search_ms),
    ] {
        if ms > LIMIT_MS {
            eprintln!("project_bench: {name} = {ms:.0} ms, over {LIMIT_MS:.0} ms");
            ok = false;
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
