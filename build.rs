//! Records the git commit newsmark is built from, for `newsmark --version` and Help ▸ About.
//!
//! `NEWSMARK_COMMIT` in the environment wins (a packager building from a source tarball sets
//! it); otherwise `git rev-parse` in the source folder; otherwise "unknown". The build is redone
//! only when the checked-out commit changes, not on every edit.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=NEWSMARK_COMMIT");
    let commit = std::env::var("NEWSMARK_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(from_git)
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=NEWSMARK_COMMIT={}", commit.trim());
}

/// The short hash of HEAD, watching the files that change when HEAD moves; `None` outside a
/// git checkout or without git.
fn from_git() -> Option<String> {
    let hash = git(&["rev-parse", "--short=12", "HEAD"])?;
    // HEAD names a branch; the branch's ref (loose or packed) moves on each commit.
    let mut watched = vec![git(&["rev-parse", "--git-path", "HEAD"])?];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watched.extend(git(&["rev-parse", "--git-path", &branch]));
    }
    watched.extend(git(&["rev-parse", "--git-path", "packed-refs"]));
    for path in watched {
        if Path::new(&path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    Some(hash)
}

/// The trimmed output of a successful git command.
fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}
