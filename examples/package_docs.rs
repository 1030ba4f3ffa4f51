//! Writes the man pages and the shell completions from the clap definitions
//! (`newsmark::args::command`), for the Debian package:
//! `cargo run --example package_docs -- OUT_DIR`.
//!
//! OUT_DIR/man/newsmark.1 and one page per subcommand (newsmark-check.1, …), and
//! OUT_DIR/completions/newsmark.bash, _newsmark (zsh) and newsmark.fish.

use std::path::PathBuf;

use anyhow::Context as _;
use clap_complete::Shell;

fn main() -> anyhow::Result<()> {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        anyhow::bail!("usage: package_docs OUT_DIR");
    };
    let man = out.join("man");
    let completions = out.join("completions");
    for dir in [&man, &completions] {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let cmd = newsmark::args::command();
    clap_mangen::generate_to(cmd.clone(), &man)
        .with_context(|| format!("cannot write man pages to {}", man.display()))?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut cmd = cmd.clone();
        let path = clap_complete::generate_to(shell, &mut cmd, "newsmark", &completions)
            .with_context(|| format!("cannot write {shell} completions"))?;
        println!("{}", path.display());
    }
    let mut pages: Vec<_> = std::fs::read_dir(&man)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    pages.sort();
    for p in pages {
        println!("{}", p.display());
    }
    Ok(())
}
