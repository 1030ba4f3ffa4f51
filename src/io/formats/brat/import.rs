//! Reading brat standoff back into a session (see the parent module for the layout).
//!
//! The import runs in phases, one module each, in this order: the `T` lines through the type
//! map and onto the article ([`entities`]), the other lines and the events ([`relations`]), the
//! annotation ids ([`ids`]), the annotations ([`build`]), then the checks on attributes and cues
//! ([`checks`]). Every phase writes what the user should learn into one [`Report`], so the
//! messages come out in the order the lines were judged.

mod build;
mod checks;
mod entities;
mod ids;
mod relations;

use super::entity::{Entity, Tag};
use super::mapping::TypeMap;
use super::speakers::Speakers;
use crate::io::formats::FormatError;
use crate::io::formats::tally::Tally;
use crate::model::session::{ArticleRef, Session};
use crate::model::text::ArticleText;

/// The result of a brat import: the session and an account of every line.
#[derive(Clone, Debug)]
pub struct BratImport {
    /// The imported annotations and speakers.
    pub session: Session,
    /// One reason per line (or link) that could not be imported.
    pub dropped: Vec<String>,
    /// What was done that the user should know (an offset convention converted).
    pub notes: Vec<String>,
    /// Per type of line: read, kept, skipped by the map, dropped.
    pub tally: Tally,
}

/// What the import has to tell the user, filled by every phase in turn.
#[derive(Default)]
struct Report {
    /// One reason per line (or link) that could not be imported.
    warnings: Vec<String>,
    /// What was done that the user should know.
    notes: Vec<String>,
    /// Per type of line: read, kept, skipped by the map, dropped.
    tally: Tally,
}

impl Report {
    /// Counts a line of type `ty` as dropped and says why (`message` names the line).
    fn drop_line(&mut self, ty: &str, message: String) {
        self.tally.dropped(ty);
        self.warnings.push(message);
    }
}

/// Reads a brat `.ann` with the default type map; returns the session and the reasons for
/// whatever was dropped, plus notes. Fails only when nothing could be read.
pub fn import(
    ann: &str,
    text: &ArticleText,
    article: ArticleRef,
) -> Result<(Session, Vec<String>), FormatError> {
    let r = import_with(ann, text, article, &TypeMap::default())?;
    Ok((r.session, [r.dropped, r.notes].concat()))
}

/// Reads a brat `.ann` against the article text it was made on, mapping entity types with
/// `map`. Every line is accounted for in the tally; each dropped line has a reason. Fails only
/// when lines were dropped and nothing could be read.
pub fn import_with(
    ann: &str,
    text: &ArticleText,
    article: ArticleRef,
    map: &TypeMap,
) -> Result<BratImport, FormatError> {
    let mut report = Report::default();
    let lines = numbered_lines(ann);
    if lines.is_empty() {
        report
            .notes
            .push("the file holds no annotation line: the session is empty".into());
    }
    let read = entities::read(&lines, map, &mut report);
    let placed = entities::place(read.raw, text, &article, &mut report);
    let (entities, order) = (&placed.entities, &placed.order[..]);
    let (mut links, kept) =
        relations::read(&lines, entities, &read.types, &read.skipped, &mut report);
    let absorbed = relations::resolve_events(&mut links, entities, &read.types, &mut report);
    // An event is kept only with a placed entity, so entities and kept lines tell it all.
    if entities.len() + kept == 0 && !report.warnings.is_empty() {
        return Err(nothing_parsed(report.warnings));
    }

    let ids = ids::assign(order, entities, &absorbed);
    let Speakers { registry, of } =
        Speakers::resolve(text, entities, order, &links, &mut report.warnings);
    report
        .notes
        .extend(speakers_note(&registry, &of, entities, order, &links));
    let mut session = Session::new(article);
    session.speakers = registry.into_values().collect();
    let parts = build::Parts {
        text,
        entities,
        types: &read.types,
        links: &links,
        absorbed: &absorbed,
        speaker_of: &of,
        ids: &ids.of,
        attrs: build::first_attrs(&links),
    };
    session
        .annotations
        .extend(build::annotations(&parts, &ids.annotated, &mut report));
    session.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    build::forget_implicit_sources(&mut session);

    checks::attributes(&links.attrs, entities, &of, &mut report);
    checks::cues(order, entities, &links.said, &read.types, &mut report);
    finish(session, report)
}

/// The lines of an `.ann` that are not blank, each with its number (from 1).
fn numbered_lines(ann: &str) -> Vec<(usize, &str)> {
    ann.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect()
}

/// The error for a file of which nothing could be read, listing `problems`.
fn nothing_parsed(problems: Vec<String>) -> FormatError {
    FormatError::NothingParsed {
        format: "brat",
        problems,
    }
}

/// The import's result; an error when warnings were given and no annotation is left.
fn finish(session: Session, report: Report) -> Result<BratImport, FormatError> {
    let Report {
        warnings,
        notes,
        tally,
    } = report;
    if session.annotations.is_empty() && !warnings.is_empty() {
        // Everything that was not skipped on purpose was lost: no empty session.
        return Err(nothing_parsed([warnings, notes].concat()));
    }
    Ok(BratImport {
        session,
        dropped: warnings,
        notes,
        tally,
    })
}

/// How many speakers the import made and why, and how many mentions name nobody: "12 speakers
/// (3 named in N lines, 9 from source mentions that look like names: 2 organisations); 40
/// mentions name no speaker".
fn speakers_note(
    registry: &std::collections::BTreeMap<
        crate::model::speaker::SpeakerId,
        crate::model::speaker::Speaker,
    >,
    of: &std::collections::HashMap<String, crate::model::speaker::SpeakerId>,
    entities: &std::collections::HashMap<String, super::entity::Entity>,
    order: &[String],
    links: &super::links::Links,
) -> Option<String> {
    let named: std::collections::HashSet<_> = links.speaker_refs.iter().map(|r| r.2).collect();
    let made = registry.keys().filter(|id| !named.contains(id)).count();
    let organisations = registry
        .values()
        .filter(|s| !named.contains(&s.id))
        .filter(|s| s.kind == crate::model::speaker::SpeakerKind::Organization)
        .count();
    let bare = order
        .iter()
        .filter(|t| {
            entities
                .get(*t)
                .is_some_and(|e| e.tag == super::entity::Tag::Mention)
        })
        .filter(|t| !of.contains_key(*t))
        .count();
    // Speakers the file names itself (N lines) need no account; inferred ones do.
    if made == 0 {
        return None;
    }
    Some(format!(
        "{} speaker(s): {} named in N lines, {made} from mentions that look like names \
         ({organisations} of them organisations); {bare} mention(s) name no speaker (pronouns \
         and descriptions stay source spans without one)",
        registry.len(),
        named.len()
    ))
}
