//! A project is a folder of articles (`*.txt`, searched recursively; hidden folders such as
//! `.newsmark/`, where sessions live, are skipped). `newsmark search` looks through all of them.

use std::path::Path;
use std::process::ExitCode;

use crate::io::article;
use crate::model::search;

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
    let (mut out, mut found, mut failed) = (String::new(), 0usize, Vec::new());
    for file in &files {
        let loaded = match article::load(file) {
            Ok(l) => l,
            Err(e) => {
                failed.push(e.to_string());
                continue;
            }
        };
        let text = &loaded.decoded.text;
        let shown = file.strip_prefix(dir).unwrap_or(file);
        for m in search::find_all(text, query) {
            found += 1;
            let line = search::in_context(text, m);
            out.push_str(&format!("{}:{}: {line}\n", shown.display(), m.start));
        }
    }
    super::write_stdout(&out)?;
    super::report_bounded("newsmark: ", &failed);
    eprintln!(
        "{found} match(es) in {} file(s){}",
        files.len() - failed.len(),
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
