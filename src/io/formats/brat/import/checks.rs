//! The last phase of a brat import: attributes that fit no annotation and cues no quote took
//! are taken back out of the tally's kept lines and reported.

use std::collections::{HashMap, HashSet};

use super::super::{
    check_worthiness_name, parse_value, quote_type_name, speaker_kind_name, verdict_name,
};
use super::{Entity, Report, Tag};
use crate::io::formats::quote_input as q;
use crate::model::annotation::{CheckWorthiness, QuoteType, Verdict};
use crate::model::speaker::{SpeakerId, SpeakerKind};

/// Checks each attribute line (line, T, name, value) against what `T` became: one that does
/// not apply to it (a `QuoteType` on a claim, a value the attribute does not have, a
/// `SpeakerKind` on a `T` without a speaker) moves from kept to dropped, with a warning.
pub(super) fn attributes(
    attrs: &[(usize, String, String, String)],
    entities: &HashMap<String, Entity>,
    speaker_of: &HashMap<String, SpeakerId>,
    report: &mut Report,
) {
    for (no, t, name, value) in attrs {
        let tag = entities.get(t).map(|e| e.tag);
        if fits(name, value, tag, speaker_of.contains_key(t)) {
            continue;
        }
        let ty = format!("attribute {}", q(name));
        if let Some(c) = report.tally.types.get_mut(&ty) {
            c.kept = c.kept.saturating_sub(1);
            c.dropped += 1;
        }
        let (name, value, t) = (q(name), q(value), q(t));
        report.warnings.push(format!(
            "line {no}: attribute {name}={value} does not apply to {t}; dropped"
        ));
    }
}

/// Whether the attribute `name` with `value` applies to an entity tagged `tag` (that has a
/// speaker when `has_speaker`).
fn fits(name: &str, value: &str, tag: Option<Tag>, has_speaker: bool) -> bool {
    match name {
        "QuoteType" => {
            tag == Some(Tag::Quote)
                && parse_value(&QuoteType::ALL, quote_type_name, QuoteType::label, value).is_some()
        }
        "CheckWorthiness" => {
            tag == Some(Tag::Claim)
                && parse_value(
                    &CheckWorthiness::ALL,
                    check_worthiness_name,
                    CheckWorthiness::label,
                    value,
                )
                .is_some()
        }
        "Verdict" => {
            tag == Some(Tag::Claim)
                && parse_value(&Verdict::ALL, verdict_name, Verdict::label, value).is_some()
        }
        "SpeakerKind" => {
            has_speaker
                && parse_value(
                    &SpeakerKind::ALL,
                    speaker_kind_name,
                    SpeakerKind::label,
                    value,
                )
                .is_some()
        }
        _ => false,
    }
}

/// Accounts for the cues in `order`: kept when a quote took them (`said`: quote → cue), else
/// dropped with a warning, since newsmark keeps cues only on quotes.
pub(super) fn cues(
    order: &[String],
    entities: &HashMap<String, Entity>,
    said: &HashMap<String, String>,
    types: &HashMap<String, String>,
    report: &mut Report,
) {
    let used_cues: HashSet<&String> = said.values().collect();
    for t in order
        .iter()
        .filter(|t| entities.get(*t).is_some_and(|e| e.tag == Tag::Cue))
    {
        let Some(ty) = types.get(t) else { continue };
        if used_cues.contains(t) {
            report.tally.kept(ty);
        } else {
            let line = entities.get(t).map_or(0, |e| e.line);
            report.drop_line(
                ty,
                format!(
                    "line {line}: cue {} belongs to no quote (no Said relation or event links it); newsmark keeps cues only on quotes; dropped",
                    q(t)
                ),
            );
        }
    }
}
