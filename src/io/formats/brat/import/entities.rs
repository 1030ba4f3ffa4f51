//! The first phases of a brat import: the `T` lines read through the type map, then placed on
//! the article under the offset convention that explains the texts they record.

use std::collections::{HashMap, HashSet};

use super::super::mapping::{Target, TypeMap};
use super::super::offsets::{self, Convention, Converter};
use super::super::{fragments_text, join_line_broken, one_line};
use super::{Entity, Report, Tag};
use crate::io::formats::quote_input as q;
use crate::model::annotation::Span;
use crate::model::session::ArticleRef;
use crate::model::text::ArticleText;

/// A `T` line as written, before its offsets are checked against the article.
pub(super) struct RawEntity {
    no: usize,
    id: String,
    ty: String,
    tag: Tag,
    frags: Vec<Span>,
    written: Option<String>,
}

/// The `T` lines as read, with what the other lines need to know about them.
pub(super) struct TLines {
    /// The lines the type map keeps and that could be read, in file order.
    pub(super) raw: Vec<RawEntity>,
    /// The ids of the lines the type map skips.
    pub(super) skipped: HashSet<String>,
    /// The entity type of every id (its first definition), whatever became of it.
    pub(super) types: HashMap<String, String>,
}

/// The entities that lie on the article, and their ids in file order.
pub(super) struct Placed {
    /// Each entity by its `T` id, offsets in code points of the normalized text.
    pub(super) entities: HashMap<String, Entity>,
    /// The `T` ids in file order.
    pub(super) order: Vec<String>,
}

/// Reads the `T` lines of `lines` through `map`: duplicates, unknown types and unreadable lines
/// are dropped with a warning, skipped types remembered, and unmapped types named in a note.
pub(super) fn read(lines: &[(usize, &str)], map: &TypeMap, report: &mut Report) -> TLines {
    let mut out = TLines {
        raw: Vec::new(),
        skipped: HashSet::new(),
        types: HashMap::new(),
    };
    let mut seen: HashSet<String> = HashSet::new();
    let mut unknown_types: Vec<String> = Vec::new();
    for &(no, line) in lines.iter().filter(|(_, l)| l.starts_with('T')) {
        let ty = entity_type(line);
        report.tally.read(&ty);
        let id = line.split('\t').next().unwrap_or_default().to_owned();
        if !seen.insert(id.clone()) {
            let message = format!("line {no}: {} is defined twice; dropped", q(&id));
            report.drop_line(&ty, message);
            continue;
        }
        out.types.insert(id.clone(), ty.clone());
        match map.target(&ty) {
            Some(Target::Skip) => {
                report.tally.skipped(&ty);
                out.skipped.insert(id);
            }
            None => {
                if !unknown_types.contains(&ty) {
                    unknown_types.push(ty.clone());
                }
                let message = format!(
                    "line {no}: {}: entity type “{}” is not Claim, Quote, Mention or Cue; dropped",
                    q(&id),
                    q(&ty)
                );
                report.drop_line(&ty, message);
            }
            Some(Target::Keep(tag)) => match parse_entity(line) {
                Ok((frags, written)) => out.raw.push(RawEntity {
                    no,
                    id,
                    ty,
                    tag,
                    frags,
                    written,
                }),
                Err(why) => {
                    let message = format!("line {no}: {}: {why}; dropped", q(&id));
                    report.drop_line(&ty, message);
                }
            },
        }
    }
    note_unknown_types(&unknown_types, report);
    out
}

/// Notes how to map the entity types the type map does not know, if there are any.
fn note_unknown_types(unknown_types: &[String], report: &mut Report) {
    if unknown_types.is_empty() {
        return;
    }
    let hint: Vec<String> = unknown_types
        .iter()
        .map(|t| format!("{}=Quote|Mention|Cue|Claim|skip", q(t)))
        .collect();
    report.notes.push(format!(
        "types not mapped: map them with --map {} (PolNeAR: --map {})",
        hint.join(","),
        crate::io::formats::brat::POLNEAR_MAP
    ));
}

/// Places the read entities on `text`: their offsets converted from the convention the file
/// uses, each dropped with a warning when it lies outside the article or does not hold the text
/// its line records, and fragments that only a line break separates joined again.
pub(super) fn place(
    raw: Vec<RawEntity>,
    text: &ArticleText,
    article: &ArticleRef,
    report: &mut Report,
) -> Placed {
    let convention = convention(&raw, text, article, report);
    let converter = Converter::new(text, convention);
    let mut placed = Placed {
        entities: HashMap::new(),
        order: Vec::new(),
    };
    for e in raw {
        match spans(&e, text, &converter) {
            Ok(frags) => {
                placed.order.push(e.id.clone());
                let entity = Entity {
                    line: e.no,
                    tag: e.tag,
                    frags,
                };
                placed.entities.insert(e.id, entity);
            }
            Err(why) => {
                let message = format!("line {}: {}: {why}; dropped", e.no, q(&e.id));
                report.drop_line(&e.ty, message);
            }
        }
    }
    placed
}

/// The offset convention that explains the recorded span texts best; a note when it is not
/// the normalized one (every span is then converted).
fn convention(
    raw: &[RawEntity],
    text: &ArticleText,
    article: &ArticleRef,
    report: &mut Report,
) -> Convention {
    let written: Vec<(Vec<Span>, String)> = raw
        .iter()
        .filter_map(|e| e.written.as_ref().map(|w| (e.frags.clone(), w.clone())))
        .collect();
    let convention = offsets::detect(
        text,
        article.had_bom,
        article.had_crlf,
        &written,
        |t, f, w| one_line(w) == fragments_text(t, f),
    );
    if convention != Convention::Normalized {
        report.notes.push(format!(
            "the offsets count {} (as some tools write them); converted every span to code points of the normalized text",
            convention.describe()
        ));
    }
    convention
}

/// The fragments of `e` on `text`, joined where export split them at line breaks; the reason
/// when they lie outside the article or the article has another text there.
fn spans(e: &RawEntity, text: &ArticleText, converter: &Converter) -> Result<Vec<Span>, String> {
    let Some(frags) = converter
        .spans(&e.frags)
        .filter(|f| f.iter().all(|s| s.end <= text.len_chars()))
    else {
        return Err(format!(
            "offsets lie outside the article ({} code points)",
            text.len_chars()
        ));
    };
    let expected = fragments_text(text, &frags);
    if let Some(w) = e.written.as_ref().filter(|w| one_line(w) != expected) {
        return Err(format!(
            "says “{}” but the article has “{}” there",
            q(w),
            q(&expected),
        ));
    }
    // What export split at line breaks is one span again.
    Ok(join_line_broken(text, frags, e.tag == Tag::Quote))
}

/// The entity type of a `T` line as written (`Quote` in `T3\tQuote 10 20\t…`).
fn entity_type(line: &str) -> String {
    let body = line.split('\t').nth(1).unwrap_or_default();
    q(body.split(' ').next().unwrap_or_default())
}

/// Parses the offsets and text of `T3\tQuote 10 20;30 40\ttext` (offsets as written).
fn parse_entity(line: &str) -> Result<(Vec<Span>, Option<String>), String> {
    let mut fields = line.splitn(3, '\t');
    let (Some(_), Some(body)) = (fields.next(), fields.next()) else {
        return Err("a T line needs tab-separated id, type with offsets, and text".into());
    };
    let written = fields.next().map(str::to_owned);
    let (_, offsets) = body.split_once(' ').unwrap_or((body, ""));
    let mut frags = Vec::new();
    for frag in offsets.split(';') {
        let nums: Vec<Option<usize>> = frag.split_whitespace().map(|n| n.parse().ok()).collect();
        let [Some(start), Some(end)] = nums[..] else {
            return Err(format!("cannot read the offsets “{}”", q(offsets)));
        };
        if start > end {
            return Err(format!("offsets {start}..{end} end before they start"));
        }
        frags.push(Span { start, end });
    }
    Ok((frags, written))
}
