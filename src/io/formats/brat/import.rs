//! Reading brat standoff back into a session (see the parent module for the layout).

use std::collections::{HashMap, HashSet};

use super::links::{Linked, Links, line_type, parse_link};
use super::mapping::{Target, TypeMap};
use super::offsets::{self, Convention, Converter};
use super::speakers::Speakers;
use super::{
    check_worthiness_name, fragments_text, one_line, parse_value, quote_type_name,
    speaker_kind_name, verdict_name,
};
use crate::io::formats::tally::Tally;
use crate::io::formats::{FormatError, FreshIds, quote_input as q};
use crate::model::annotation::{
    AnnotationId, CheckWorthiness, Claim, Kind, Mention, Quote, QuoteType, Span, Verdict,
};
use crate::model::session::{ArticleRef, Session, make_annotation};
use crate::model::speaker::SpeakerKind;
use crate::model::text::ArticleText;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tag {
    Claim,
    Quote,
    Mention,
    Cue,
}

/// One `T` line.
pub(super) struct Entity {
    pub(super) line: usize,
    pub(super) tag: Tag,
    pub(super) frags: Vec<Span>,
}

impl Entity {
    pub(super) fn covering(&self) -> Span {
        let start = self.frags.iter().map(|f| f.start).min().unwrap_or(0);
        let end = self.frags.iter().map(|f| f.end).max().unwrap_or(start);
        Span::new(start, end)
    }
}

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

/// A `T` line as written, before its offsets are checked against the article.
struct RawEntity {
    no: usize,
    id: String,
    ty: String,
    tag: Tag,
    frags: Vec<Span>,
    written: Option<String>,
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
    let mut warnings = Vec::new();
    let mut notes = Vec::new();
    let mut tally = Tally::default();
    let mut unknown_types: Vec<String> = Vec::new();
    let lines: Vec<(usize, &str)> = ann
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();

    // T lines: types through the map, duplicates and unreadable lines dropped.
    let mut raw: Vec<RawEntity> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut skipped: HashSet<String> = HashSet::new();
    let mut types: HashMap<String, String> = HashMap::new();
    for &(no, line) in lines.iter().filter(|(_, l)| l.starts_with('T')) {
        let ty = entity_type(line);
        tally.read(&ty);
        let id = line.split('\t').next().unwrap_or_default().to_owned();
        if !seen.insert(id.clone()) {
            tally.dropped(&ty);
            warnings.push(format!("line {no}: {} is defined twice; dropped", q(&id)));
            continue;
        }
        types.insert(id.clone(), ty.clone());
        match map.target(&ty) {
            Some(Target::Skip) => {
                tally.skipped(&ty);
                skipped.insert(id);
                continue;
            }
            None => {
                tally.dropped(&ty);
                if !unknown_types.contains(&ty) {
                    unknown_types.push(ty.clone());
                }
                warnings.push(format!(
                    "line {no}: {}: entity type “{}” is not Claim, Quote, Mention or Cue; dropped",
                    q(&id),
                    q(&ty)
                ));
                continue;
            }
            Some(Target::Keep(tag)) => match parse_entity(line) {
                Ok((frags, written)) => raw.push(RawEntity {
                    no,
                    id,
                    ty,
                    tag,
                    frags,
                    written,
                }),
                Err(why) => {
                    tally.dropped(&ty);
                    warnings.push(format!("line {no}: {}: {why}; dropped", q(&id)));
                }
            },
        }
    }
    if !unknown_types.is_empty() {
        let hint: Vec<String> = unknown_types
            .iter()
            .map(|t| format!("{}=Quote|Mention|Cue|Claim|skip", q(t)))
            .collect();
        notes.push(format!(
            "types not mapped: map them with --map {} (PolNeAR: --map Content=Quote,Source=Mention,Attribution=skip)",
            hint.join(",")
        ));
    }

    // Offsets: the convention that explains the recorded span texts, then each span checked.
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
    let converter = Converter::new(text, convention);
    if convention != Convention::Normalized {
        notes.push(format!(
            "the offsets count {} (as some tools write them); converted every span to code points of the normalized text",
            convention.describe()
        ));
    }
    let mut entities: HashMap<String, Entity> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for e in raw {
        let bad = |why: String, warnings: &mut Vec<String>, tally: &mut Tally| {
            tally.dropped(&e.ty);
            warnings.push(format!("line {}: {}: {why}; dropped", e.no, q(&e.id)));
        };
        let Some(frags) = converter
            .spans(&e.frags)
            .filter(|f| f.iter().all(|s| s.end <= text.len_chars()))
        else {
            bad(
                format!(
                    "offsets lie outside the article ({} code points)",
                    text.len_chars()
                ),
                &mut warnings,
                &mut tally,
            );
            continue;
        };
        let expected = fragments_text(text, &frags);
        if let Some(w) = e.written.as_ref().filter(|w| one_line(w) != expected) {
            bad(
                format!(
                    "says “{}” but the article has “{}” there (offsets count {})",
                    q(w),
                    q(&expected),
                    convention.describe()
                ),
                &mut warnings,
                &mut tally,
            );
            continue;
        }
        // What export split at line breaks is one span again.
        let frags = super::join_line_broken(text, frags);
        order.push(e.id.clone());
        entities.insert(
            e.id,
            Entity {
                line: e.no,
                tag: e.tag,
                frags,
            },
        );
    }

    let mut links = Links::default();
    let mut read = entities.len();
    for &(no, line) in lines.iter().filter(|(_, l)| !l.starts_with('T')) {
        let ty = line_type(line, |t| types.get(t).cloned());
        tally.read(&ty);
        match parse_link(line, &entities, &skipped, &mut links, no) {
            Ok(Linked::Kept) => {
                read += 1;
                tally.kept(&ty);
            }
            Ok(Linked::Skipped) => tally.skipped(&ty),
            Ok(Linked::Event) => {}
            Err(why) => {
                tally.dropped(&ty);
                warnings.push(format!("line {no}: {why}; dropped"));
            }
        }
    }
    let absorbed = resolve_events(&mut links, &entities, &types, &mut tally, &mut warnings);
    read += links.events.len();
    if read == 0 && !warnings.is_empty() {
        return Err(FormatError::NothingParsed {
            format: "brat",
            problems: warnings,
        });
    }

    // Annotation ids: the T number where it is free, otherwise a fresh one.
    let mut ids: HashMap<String, AnnotationId> = HashMap::new();
    let mut used = std::collections::HashSet::new();
    let annotation_ts: Vec<&String> = order
        .iter()
        .filter(|t| entities.get(*t).is_some_and(|e| e.tag != Tag::Cue))
        .filter(|t| !absorbed.contains_key(*t))
        .collect();
    for t in &annotation_ts {
        if let Some(n) = t.strip_prefix('T').and_then(|n| n.parse::<u32>().ok())
            && used.insert(n)
        {
            ids.insert((*t).clone(), AnnotationId(n));
        }
    }
    let mut fresh = FreshIds::after(used.iter().max().copied());
    for t in &annotation_ts {
        if !ids.contains_key(*t)
            && let Some(n) = fresh.next(|n| used.contains(&n))
        {
            used.insert(n);
            ids.insert((*t).clone(), AnnotationId(n));
        }
    }

    let speakers = Speakers::resolve(text, &entities, &order, &links, &mut warnings);
    let mut session = Session::new(article);
    session.speakers = speakers.registry.into_values().collect();

    // The first value of each (T, attribute), looked up once per annotation.
    let mut attrs: HashMap<(&str, &str), &str> = HashMap::new();
    for (_, t, name, value) in &links.attrs {
        attrs
            .entry((t.as_str(), name.as_str()))
            .or_insert(value.as_str());
    }
    let attr = |t: &str, name: &str| -> Option<&str> { attrs.get(&(t, name)).copied() };
    let source_ids = |t: &str| -> Vec<AnnotationId> {
        links
            .source
            .get(t)
            .into_iter()
            .flatten()
            .filter_map(|m| ids.get(m).copied())
            .collect()
    };
    for t in &annotation_ts {
        let (Some(e), Some(&id)) = (entities.get(*t), ids.get(*t)) else {
            continue;
        };
        let speaker = speakers.of.get(*t).copied();
        let kind = match e.tag {
            Tag::Mention | Tag::Cue => Kind::Mention(Mention { speaker }),
            Tag::Quote => Kind::Quote(Quote {
                speaker,
                cue: links
                    .said
                    .get(*t)
                    .and_then(|c| entities.get(c))
                    .map(Entity::covering),
                quote_type: attr(t, "QuoteType")
                    .and_then(|v| {
                        parse_value(&QuoteType::ALL, quote_type_name, QuoteType::label, v)
                    })
                    .unwrap_or(QuoteType::Unspecified),
                more: e
                    .frags
                    .iter()
                    .skip(1)
                    .chain(
                        absorbed
                            .iter()
                            .filter(|(_, main)| *main == *t)
                            .filter_map(|(other, _)| entities.get(other))
                            .flat_map(|o| o.frags.iter()),
                    )
                    .copied()
                    .collect(),
                source_mentions: source_ids(t),
            }),
            Tag::Claim => Kind::Claim(Claim {
                speaker,
                check_worthiness: attr(t, "CheckWorthiness")
                    .and_then(|v| {
                        parse_value(
                            &CheckWorthiness::ALL,
                            check_worthiness_name,
                            CheckWorthiness::label,
                            v,
                        )
                    })
                    .unwrap_or_default(),
                verdict: attr(t, "Verdict")
                    .and_then(|v| parse_value(&Verdict::ALL, verdict_name, Verdict::label, v))
                    .unwrap_or_default(),
                sources: links.sources.get(*t).cloned().unwrap_or_default(),
                in_quote: links.in_quote.get(*t).and_then(|q| ids.get(q)).copied(),
                source_mentions: source_ids(t),
            }),
        };
        let span = if e.tag == Tag::Quote {
            e.frags.first().copied().unwrap_or_default()
        } else {
            if e.frags.len() > 1 {
                notes.push(format!(
                    "line {}: {} has {} fragments; a {:?} keeps one span, so they were joined",
                    e.line,
                    q(t),
                    e.frags.len(),
                    e.tag
                ));
            }
            e.covering()
        };
        if let Some(ty) = types.get(*t) {
            tally.kept(ty);
        }
        for other in absorbed
            .iter()
            .filter(|(_, main)| *main == *t)
            .map(|(o, _)| o)
        {
            if let Some(ty) = types.get(other) {
                tally.kept(ty);
            }
        }
        let mut a = make_annotation(text, id, span, kind);
        a.note = links
            .notes
            .get(*t)
            .map(|n| n.join("\n"))
            .unwrap_or_default();
        session.annotations.push(a);
    }
    session.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    forget_implicit_sources(&mut session);

    for (no, t, name, value) in &links.attrs {
        let tag = entities.get(t).map(|e| e.tag);
        let fits = match name.as_str() {
            "QuoteType" => {
                tag == Some(Tag::Quote)
                    && parse_value(&QuoteType::ALL, quote_type_name, QuoteType::label, value)
                        .is_some()
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
                speakers.of.contains_key(t)
                    && parse_value(
                        &SpeakerKind::ALL,
                        speaker_kind_name,
                        SpeakerKind::label,
                        value,
                    )
                    .is_some()
            }
            _ => false,
        };
        if !fits {
            let ty = format!("attribute {}", q(name));
            if let Some(c) = tally.types.get_mut(&ty) {
                c.kept = c.kept.saturating_sub(1);
                c.dropped += 1;
            }
            let (name, value, t) = (q(name), q(value), q(t));
            warnings.push(format!(
                "line {no}: attribute {name}={value} does not apply to {t}; dropped"
            ));
        }
    }
    // Cues count as kept when a quote took them; a cue no quote refers to is lost.
    let used_cues: HashSet<&String> = links.said.values().collect();
    for t in order
        .iter()
        .filter(|t| entities.get(*t).is_some_and(|e| e.tag == Tag::Cue))
    {
        let Some(ty) = types.get(t) else { continue };
        if used_cues.contains(t) {
            tally.kept(ty);
        } else {
            tally.dropped(ty);
            let line = entities.get(t).map_or(0, |e| e.line);
            warnings.push(format!(
                "line {line}: cue {} belongs to no quote (no Said relation or event links it); newsmark keeps cues only on quotes; dropped",
                q(t)
            ));
        }
    }
    if session.annotations.is_empty() && !warnings.is_empty() {
        // Everything that was not skipped on purpose was lost: no empty session.
        return Err(FormatError::NothingParsed {
            format: "brat",
            problems: [warnings, notes].concat(),
        });
    }
    Ok(BratImport {
        session,
        dropped: warnings,
        notes,
        tally,
    })
}

/// A single source that is exactly the mention the exporter would pick for the speaker (its
/// nearest mention) carries nothing beyond the speaker: it is not stored, so a session without
/// explicit sources survives export → import unchanged.
fn forget_implicit_sources(session: &mut Session) {
    let index = crate::io::formats::nearest::MentionIndex::new(session);
    let implicit: HashSet<AnnotationId> = session
        .annotations
        .iter()
        .filter(|a| {
            let [only] = a.kind.source_mentions() else {
                return false;
            };
            a.kind
                .speaker()
                .is_some_and(|sp| index.nearest(sp, a).map(|m| m.id) == Some(*only))
        })
        .map(|a| a.id)
        .collect();
    for a in session
        .annotations
        .iter_mut()
        .filter(|a| implicit.contains(&a.id))
    {
        match &mut a.kind {
            Kind::Quote(q) => q.source_mentions.clear(),
            Kind::Claim(c) => c.source_mentions.clear(),
            Kind::Mention(_) => {}
        }
    }
}

/// Folds `E` lines into quote structure: the first Quote (or Claim) argument is the content
/// (further Quote arguments are its further parts), a Cue argument its cue, each Mention
/// argument one of its sources. Returns the content entities absorbed into another.
fn resolve_events(
    links: &mut Links,
    entities: &HashMap<String, Entity>,
    types: &HashMap<String, String>,
    tally: &mut Tally,
    warnings: &mut Vec<String>,
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
                tally.skipped(&ty);
            } else {
                tally.dropped(&ty);
                warnings.push(format!(
                    "line {no}: event has no content argument that is a Quote or Claim after mapping; dropped"
                ));
            }
            continue;
        };
        tally.kept(&ty);
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
