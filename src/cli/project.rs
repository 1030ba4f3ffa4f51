//! A project is a folder of articles (`*.txt`, searched recursively; hidden folders such as
//! `.newsmark/`, where sessions live, are skipped). `newsmark search` looks through all of them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::io::project_search;

pub use crate::io::project::articles;

/// `newsmark search DIR QUERY`: one line per match, `FILE:OFFSET: …context…`, where OFFSET is
/// the code point where the match starts in the normalized text. Exit 0 with matches, 1 with
/// none, 2 when a file could not be read (the others are still searched).
pub fn search(dir: &Path, query: &str) -> anyhow::Result<ExitCode> {
    if query.trim().is_empty() {
        anyhow::bail!("the search text is empty");
    }
    let files = articles(dir).map_err(|e| {
        anyhow::anyhow!(
            "cannot list {}: {}",
            dir.display(),
            crate::io::disk::describe(&e)
        )
    })?;
    let result = project_search::search_articles(&files, query, usize::MAX);
    let mut out = String::new();
    for hit in &result.hits {
        let file = files.get(hit.article).map_or(dir, PathBuf::as_path);
        let shown = file.strip_prefix(dir).unwrap_or(file);
        let (start, line) = (hit.span.start, &hit.context);
        out.push_str(&format!("{}:{start}: {line}\n", shown.display()));
    }
    let (found, failed) = (result.matches, &result.unread);
    super::write_stdout(&out)?;
    super::report_bounded("newsmark: ", failed);
    eprintln!(
        "{found} match(es) in {} file(s){}",
        result.searched,
        if failed.is_empty() {
            String::new()
        } else {
            format!("; {} file(s) could not be read", failed.len())
        }
    );
    Ok(match (failed.is_empty(), found) {
        (false, _) => ExitCode::from(2),
        (true, 0) => ExitCode::from(1),
        (true, _) => ExitCode::SUCCESS,
    })
}
