//! newsmark entry point: parse the command line, then run a headless subcommand or open the
//! window.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    newsmark::io::disk::survive_file_size_limit();
    let args = newsmark::args::Args::parse();
    if let Some(cmd) = args.command {
        return newsmark::cli::run(cmd);
    }
    let mut files = args.files.into_iter();
    let first = files.next();
    // A file manager passes every selected file: each further one opens in a window of its own.
    for other in files {
        if let Err(e) = newsmark::args::open_in_new_window(&other) {
            eprintln!("newsmark: cannot open {}: {e}", other.display());
        }
    }
    newsmark::ui::run(first)
}
