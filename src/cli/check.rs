//! `newsmark check SESSION [--renumber]`: does every annotation still match its article?

use std::path::Path;
use std::process::ExitCode;

use crate::io::session_file;
use crate::model::anchor::Outcome;
use crate::model::annotation::KindTag;

use super::{open, report_bounded, write_stdout};

/// Checks `session` against its article (after renumbering repeated ids when asked).
pub fn run(session: &Path, renumber: bool) -> anyhow::Result<ExitCode> {
    if renumber {
        renumber_ids(session)?;
    }
    let doc = open(session)?;
    let s = &doc.session;
    let mut out = format!(
        "{} speaker(s), {} claim(s), {} quote(s), {} mention(s)\n",
        s.speakers.len(),
        s.count(KindTag::Claim),
        s.count(KindTag::Quote),
        s.count(KindTag::Mention)
    );
    // Opening re-anchors whenever the article changed or a span does not fit; no report means
    // every annotation matched where it was.
    let Some(report) = doc.anchor_report.as_ref().filter(|r| !r.all_exact()) else {
        out.push_str(&format!(
            "{} annotation(s), all anchor exactly\n",
            s.annotations.len()
        ));
        write_stdout(&out)?;
        return Ok(ExitCode::SUCCESS);
    };
    out.push_str(&format!("re-anchored: {}\n", report.summary()));
    let by_id: std::collections::HashMap<_, _> = s.annotations.iter().map(|a| (a.id, a)).collect();
    for (id, outcome) in &report.outcomes {
        let (Some(a), true) = (by_id.get(id), *outcome != Outcome::Exact) else {
            continue;
        };
        let now = match outcome {
            Outcome::Orphan => String::new(),
            _ => format!(
                " now {}..{} “{}”",
                a.start,
                a.end,
                doc.text.slice(a.start..a.end)
            ),
        };
        out.push_str(&format!(
            "  #{} {} {outcome}: “{}”{now}\n",
            id.0,
            a.kind.tag().label(),
            a.exact
        ));
    }
    write_stdout(&out)?;
    Ok(ExitCode::from(1))
}

/// `check --renumber`: gives repeated ids new ones, saves (keeping `.bak`) and says what changed.
fn renumber_ids(path: &Path) -> anyhow::Result<()> {
    crate::io::lock::refuse_if_held(path)?;
    let mut session = session_file::load_allowing_duplicates(path)?;
    let changed = session.renumber_duplicates();
    if changed.is_empty() {
        eprintln!("newsmark: every id in {} is unique", path.display());
        return Ok(());
    }
    session_file::save(&session, path)?;
    eprintln!(
        "newsmark: renumbered {} id(s) in {} (the old file is {}):",
        changed.len(),
        path.display(),
        crate::io::disk::backup_path(path).display()
    );
    let lines: Vec<String> = changed.iter().map(ToString::to_string).collect();
    report_bounded("  ", &lines);
    Ok(())
}
