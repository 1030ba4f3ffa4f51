//! The phase of a brat import after the `T` lines: every other line read into [`Links`], then
//! the events folded into the relations they stand for.

use std::collections::{HashMap, HashSet};

use super::super::links::{Linked, Links, line_type, parse_link};
use super::{Entity, Report, Tag};

/// Reads the lines of `lines` that are not `T` lines (relations, events, attributes,
/// normalizations, notes) against the placed `entities`; returns them and how many were kept.
/// Events are only gathered here; [`resolve_events`] accounts for them.
pub(super) fn read(
    lines: &[(usize, &str)],
    entities: &HashMap<String, Entity>,
    types: &HashMap<String, String>,
    skipped: &HashSet<String>,
    report: &mut Report,
) -> (Links, usize) {
    let mut links = Links::default();
    let mut kept = 0;
    for &(no, line) in lines.iter().filter(|(_, l)| !l.starts_with('T')) {
        let ty = line_type(line, |t| types.get(t).cloned());
        report.tally.read(&ty);
        match parse_link(line, entities, skipped, &mut links, no) {
            Ok(Linked::Kept) => {
                kept += 1;
                report.tally.kept(&ty);
            }
            Ok(Linked::Skipped) => report.tally.skipped(&ty),
            Ok(Linked::Event) => {}
            Err(why) => report.drop_line(&ty, format!("line {no}: {why}; dropped")),
        }
    }
    (links, kept)
}

/// Folds `E` lines into quote structure: the first Quote (or Claim) argument is the content
/// (further Quote arguments are its further parts), a Cue argument its cue, each Mention
/// argument one of its sources. Returns the content entities absorbed into another.
pub(super) fn resolve_events(
    links: &mut Links,
    entities: &HashMap<String, Entity>,
    types: &HashMap<String, String>,
    report: &mut Report,
) -> HashMap<String, String> {
    let mut absorbed = HashMap::new();
    for (no, args) in std::mem::take(&mut links.events) {
        let trigger_type = args
            .first()
            .and_then(|(_, t)| types.get(t).cloned())
            .unwrap_or_else(|| "?".to_owned());
        let ty = format!("event {trigger_type}");
        let tag = |t: &str| entities.get(t).map(|e| e.tag);
        let of = |want: &[Tag]| -> Vec<String> {
            args.iter()
                .filter(|(_, t)| tag(t).is_some_and(|g| want.contains(&g)))
                .map(|(_, t)| t.clone())
                .collect()
        };
        let contents = of(&[Tag::Quote, Tag::Claim]);
        let Some(main) = contents.first().cloned() else {
            let all_skipped = args.iter().all(|(_, t)| !entities.contains_key(t));
            if all_skipped && args.iter().all(|(_, t)| types.contains_key(t)) {
                report.tally.skipped(&ty);
            } else {
                report.drop_line(
                    &ty,
                    format!(
                        "line {no}: event has no content argument that is a Quote or Claim after mapping; dropped"
                    ),
                );
            }
            continue;
        };
        report.tally.kept(&ty);
        for other in contents.iter().skip(1) {
            if tag(other) == tag(&main) && !absorbed.contains_key(other) {
                absorbed.insert(other.clone(), main.clone());
            }
        }
        if let Some(cue) = of(&[Tag::Cue]).first() {
            links
                .said
                .entry(main.clone())
                .or_insert_with(|| cue.clone());
        }
        let sources = links.source.entry(main.clone()).or_default();
        for m in of(&[Tag::Mention]) {
            if !sources.contains(&m) {
                sources.push(m);
            }
        }
    }
    absorbed
}
