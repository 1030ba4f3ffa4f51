//! Reading brat standoff back into a session (see the parent module for the layout).

use std::collections::HashMap;

use super::links::{Links, parse_link};
use super::speakers::Speakers;
use super::{
    check_worthiness_name, fragments_text, one_line, parse_value, quote_type_name,
    speaker_kind_name, verdict_name,
};
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

/// Reads a brat `.ann` against the article text it was made on. Returns the session and one
/// warning per line (or link) that could not be mapped; fails only when no line could be read.
pub fn import(
    ann: &str,
    text: &ArticleText,
    article: ArticleRef,
) -> Result<(Session, Vec<String>), FormatError> {
    let mut warnings = Vec::new();
    let mut read = 0usize;
    let mut entities: HashMap<String, Entity> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let lines: Vec<(usize, &str)> = ann
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();

    for &(no, line) in lines.iter().filter(|(_, l)| l.starts_with('T')) {
        match parse_entity(no, line, text) {
            Ok((id, entity, warning)) => {
                if entities.contains_key(&id) {
                    warnings.push(format!("line {no}: {} is defined twice; skipped", q(&id)));
                    continue;
                }
                warnings.extend(warning);
                read += 1;
                order.push(id.clone());
                entities.insert(id, entity);
            }
            Err(why) => warnings.push(format!("line {no}: {why}")),
        }
    }

    let mut links = Links::default();
    for &(no, line) in lines.iter().filter(|(_, l)| !l.starts_with('T')) {
        match parse_link(line, &entities, &mut links, no) {
            Ok(()) => read += 1,
            Err(why) => warnings.push(format!("line {no}: {why}")),
        }
    }
    if read == 0 && !lines.is_empty() {
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
                    .unwrap_or_default(),
                more: e.frags.iter().skip(1).copied().collect(),
                source_mentions: Vec::new(),
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
                source_mentions: Vec::new(),
            }),
        };
        let span = if e.tag == Tag::Quote {
            e.frags.first().copied().unwrap_or_default()
        } else {
            if e.frags.len() > 1 {
                warnings.push(format!(
                    "line {}: {} has {} fragments; a {:?} keeps one span, so they were joined",
                    e.line,
                    q(t),
                    e.frags.len(),
                    e.tag
                ));
            }
            e.covering()
        };
        let mut a = make_annotation(text, id, span, kind);
        a.note = links
            .notes
            .get(*t)
            .map(|n| n.join("\n"))
            .unwrap_or_default();
        session.annotations.push(a);
    }
    session.annotations.sort_by_key(|a| (a.start, a.end, a.id));

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
            let (name, value, t) = (q(name), q(value), q(t));
            warnings.push(format!(
                "line {no}: attribute {name}={value} does not apply to {t}; ignored"
            ));
        }
    }
    Ok((session, warnings))
}

/// Parses `T3\tQuote 10 20;30 40\ttext`: returns the id, the entity and a warning if the text
/// does not match the article.
fn parse_entity(
    no: usize,
    line: &str,
    text: &ArticleText,
) -> Result<(String, Entity, Option<String>), String> {
    let mut fields = line.splitn(3, '\t');
    let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
        return Err("a T line needs tab-separated id, type with offsets, and text".into());
    };
    let written = fields.next();
    let quoted_id = q(id);
    let (ty, offsets) = body.split_once(' ').unwrap_or((body, ""));
    let tag = match super::fold(ty).as_str() {
        "claim" => Tag::Claim,
        "quote" => Tag::Quote,
        "mention" => Tag::Mention,
        "cue" => Tag::Cue,
        _ => {
            return Err(format!(
                "{quoted_id}: entity type “{}” is not Claim, Quote, Mention or Cue; skipped",
                q(ty)
            ));
        }
    };
    let mut frags = Vec::new();
    for frag in offsets.split(';') {
        let nums: Vec<Option<usize>> = frag.split_whitespace().map(|n| n.parse().ok()).collect();
        let [Some(start), Some(end)] = nums[..] else {
            return Err(format!(
                "{quoted_id}: cannot read the offsets “{}”",
                q(offsets)
            ));
        };
        if start > end || end > text.len_chars() {
            return Err(format!(
                "{quoted_id}: offsets {start}..{end} lie outside the article ({} code points); \
                 skipped",
                text.len_chars()
            ));
        }
        frags.push(Span { start, end });
    }
    let expected = fragments_text(text, &frags);
    let warning = written.filter(|w| one_line(w) != expected).map(|w| {
        format!(
            "line {no}: {quoted_id} says “{}” but the article has “{}” at {} \
             (offsets count code points of the text with LF line endings); offsets kept",
            q(w),
            q(&expected),
            q(offsets)
        )
    });
    // What export split at line breaks is one span again.
    let frags = super::join_line_broken(text, frags);
    Ok((
        id.to_owned(),
        Entity {
            line: no,
            tag,
            frags,
        },
        warning,
    ))
}
