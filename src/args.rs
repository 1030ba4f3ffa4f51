//! The whole command line, defined once: `main` parses it, and the man page and the shell
//! completions are generated from it when the package is built (`examples/package_docs.rs`).

use std::path::{Path, PathBuf};

use clap::{CommandFactory as _, Parser};

/// Annotate news articles: claims, quotes, speakers.
#[derive(Debug, Parser)]
#[command(
    name = "newsmark",
    version = crate::version::LONG,
    about,
    long_about = "Annotate news articles by hand: claims, quotes with their speakers and cues, \
                  mentions of speakers. Without a subcommand the window opens, on the given \
                  article or session (the annotated sample on a first launch); a subcommand \
                  works without a window.",
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    /// A headless subcommand; without one the window opens.
    #[command(subcommand)]
    pub command: Option<crate::cli::Command>,
    /// Articles (.txt, .md), saved web pages (.html), sessions (.ron) or a project folder to
    /// open: the first in this window, each further one in a window of its own; the sample on a
    /// first launch when none is given.
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
}

/// The command line's definition, for generating the man page and the shell completions.
pub fn command() -> clap::Command {
    Args::command()
}

/// Starts another newsmark window on `file` (this same program). A thread waits for it, so a
/// window closed before this one leaves no zombie process behind.
pub fn open_in_new_window(file: &Path) -> std::io::Result<()> {
    let mut child = std::process::Command::new(std::env::current_exe()?)
        .arg("--")
        .arg(file)
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_definition_is_consistent() {
        command().debug_assert();
    }

    /// A file manager passes every selected file (`Exec=newsmark %F`).
    #[test]
    fn several_files_are_accepted() {
        let args = Args::try_parse_from(["newsmark", "a.txt", "b.html", "c.ron"]);
        assert_eq!(args.map(|a| a.files.len()).ok(), Some(3));
    }
}
