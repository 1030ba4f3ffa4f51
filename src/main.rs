//! newsmark entry point: parse the command line, then open the window.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Annotate news articles: claims, quotes, speakers.
#[derive(Parser, Debug)]
#[command(name = "newsmark", version, about)]
struct Args {
    /// An article (.txt) or a session (.ron) to open; the bundled sample when omitted.
    file: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    newsmark::ui::run(args.file)
}
