//! newsmark entry point: parse the command line, then run a headless subcommand or open the
//! window.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Annotate news articles: claims, quotes, speakers.
#[derive(Debug, Parser)]
#[command(
    name = "newsmark",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Args {
    /// A headless subcommand; without one the window opens.
    #[command(subcommand)]
    command: Option<newsmark::cli::Command>,
    /// An article (.txt, .md), a saved web page (.html), a session (.ron) or a project folder to
    /// open; the bundled sample when omitted.
    file: Option<PathBuf>,
}

fn main() -> ExitCode {
    newsmark::io::disk::survive_file_size_limit();
    let args = Args::parse();
    match args.command {
        Some(cmd) => newsmark::cli::run(cmd),
        None => newsmark::ui::run(args.file),
    }
}
