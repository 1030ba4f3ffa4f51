//! `newsmark suggest ARTICLE.txt [-o SESSION.ron] [--speakers KNOWN.ron]`: a session of
//! suggested quotes (content, cue, speaker), their sources as mentions, and mentions of known
//! speakers, found offline by [`crate::model::suggest`], or by a trained model with `--model`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::io::{article, disk, session_file};
use crate::model::session::Session;
use crate::model::speaker::Speaker;
use crate::model::suggest::{self, session::add_to_session};

/// Finds suggestions in `article_path` and writes them as a session to `output` (stdout when
/// `None`); `speakers` is a session or a RON list of speakers whose names and aliases to find.
pub fn run(
    article_path: &Path,
    output: Option<&Path>,
    speakers: Option<&Path>,
    model: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let model = match model {
        Some(path) => Some(crate::io::learn::load_model(path).map_err(anyhow::Error::msg)?),
        None => None,
    };
    let known = match speakers {
        Some(path) => known_speakers(path)?,
        None => Vec::new(),
    };
    let loaded = article::load(article_path)?;
    if let Some(notice) = loaded.decoded.notice() {
        eprintln!("newsmark: note: {notice}");
    }
    let text = &loaded.decoded.text;
    let mut session = Session::new(loaded.reference.clone());
    session.speakers = known;
    let found = match &model {
        Some(m) => m.suggest(text.as_str(), &session.speakers),
        None => suggest::suggest(text.as_str(), &session.speakers),
    };
    let added = add_to_session(&mut session, text, &found);
    match output {
        Some(path) => session_file::save(&session, path)?,
        None => super::write_stdout(&session_file::to_ron(&session)?)?,
    }
    eprintln!(
        "suggested {} quotes, {} cues, {} sources, {} mentions",
        added.quotes, added.cues, added.sources, added.mentions
    );
    Ok(ExitCode::SUCCESS)
}

/// The speakers of a session file, or of a file holding a RON list of speakers.
fn known_speakers(path: &Path) -> anyhow::Result<Vec<Speaker>> {
    let bytes = disk::read_regular(path, disk::MAX_DATA_BYTES, "speakers")?;
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{}: the file is not UTF-8 text", path.display()))?;
    if let Ok(list) = ron::from_str::<Vec<Speaker>>(&text) {
        return Ok(list);
    }
    let session = session_file::parse(&text, path).with_context(|| {
        format!(
            "{} holds neither a session nor a list of speakers",
            path.display()
        )
    })?;
    Ok(session.speakers)
}
