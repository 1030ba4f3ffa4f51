//! `newsmark stats`: counts of annotations, speakers, verdicts and check-worthiness, for one
//! session or for every article of a project folder and its annotators' sessions.

use std::path::Path;
use std::process::ExitCode;

use serde_json::json;

use crate::io::document::Document;
use crate::model::stats::Stats;

/// Prints the statistics of a session, or of a project folder, as text or JSON.
pub fn run(path: &Path, as_json: bool) -> anyhow::Result<ExitCode> {
    if path.is_dir() {
        return project(path, as_json);
    }
    let doc = super::open(path)?;
    let st = doc.stats();
    if as_json {
        super::write_stdout(&(serde_json::to_string_pretty(&st)? + "\n"))?;
    } else {
        super::write_stdout(&st.to_text())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Every article of the project with each annotator's session (`DIR/.newsmark/NAME/STEM.ron`).
fn project(dir: &Path, as_json: bool) -> anyhow::Result<ExitCode> {
    let articles = super::project::articles(dir).map_err(|e| {
        anyhow::anyhow!(
            "cannot list {}: {}",
            dir.display(),
            crate::io::disk::describe(&e)
        )
    })?;
    let annotators = crate::io::project::annotators(dir);
    let mut rows = Vec::new();
    let mut text = format!(
        "{:<40} {:>7}  {:<12} {:>6} {:>6} {:>6} {:>8}\n",
        "article", "words", "annotator", "annots", "claims", "quotes", "mentions"
    );
    let mut total: Option<Stats> = None;
    let (mut words, mut sessions, mut failed) = (0usize, 0usize, Vec::new());
    for article in &articles {
        let shown = article
            .strip_prefix(dir)
            .unwrap_or(article)
            .display()
            .to_string();
        let _stem = article
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let loaded = match crate::io::article::load(article) {
            Ok(l) => l,
            Err(e) => {
                failed.push(e.to_string());
                continue;
            }
        };
        let w = loaded.decoded.text.word_count();
        words += w;
        let mut per = Vec::new();
        for name in &annotators {
            let session = crate::io::project::session_path(dir, name, article);
            if !session.is_file() {
                continue;
            }
            match Document::open_session(&session) {
                Ok(doc) => {
                    let st = doc.stats();
                    text.push_str(&format!(
                        "{:<40} {:>7}  {:<12} {:>6} {:>6} {:>6} {:>8}\n",
                        shown,
                        w,
                        name,
                        st.annotations,
                        st.kind("claim"),
                        st.kind("quote"),
                        st.kind("mention")
                    ));
                    match &mut total {
                        Some(t) => t.add(&st),
                        None => total = Some(st.clone()),
                    }
                    sessions += 1;
                    per.push(json!({ "annotator": name, "stats": st }));
                }
                Err(e) => failed.push(e.to_string()),
            }
        }
        if per.is_empty() {
            text.push_str(&format!("{shown:<40} {w:>7}  {:<12}\n", "(new)"));
        }
        rows.push(json!({ "article": shown, "words": w, "sessions": per }));
    }
    let t = total.as_ref();
    let count = |k: &str| t.map_or(0, |t| t.kind(k));
    text.push_str(&format!(
        "total: {} article(s), {words} words, {sessions} session(s), {} annotation(s): {} claim(s), {} quote(s), {} mention(s)\n",
        articles.len(),
        t.map_or(0, |t| t.annotations),
        count("claim"),
        count("quote"),
        count("mention"),
    ));
    if as_json {
        let v = json!({
            "project": dir.display().to_string(),
            "articles": rows,
            "words": words,
            "sessions": sessions,
            "total": total,
        });
        super::write_stdout(&(serde_json::to_string_pretty(&v)? + "\n"))?;
    } else {
        super::write_stdout(&text)?;
    }
    super::report_bounded("newsmark: ", &failed);
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
