//! brat standoff (`.ann` + `.txt`): export and import.
//!
//! The `.txt` is the normalized article text; offsets are code points into it. Layout of an
//! exported `.ann`, always in this order so that export → import → export is byte-identical:
//!
//! ```text
//! T7\tQuote 10 20;30 40\ttext1 text2      one T per annotation, numbered by annotation id;
//!                                          a quote's `more` fragments follow its main span
//! T10000000007\tCue 22 26\tsaid             one T per cue span, 10¹⁰ + its first quote's id
//! R1\tSource Arg1:T7 Arg2:T3                quote/claim → each of its source mentions
//! R2\tSaid Arg1:T7 Arg2:T10000000007        quote → its cue (quotes sharing a cue: one each)
//! R3\tInQuote Arg1:T8 Arg2:T7               claim → the quote it appears in
//! *\tEquiv T3 T5                            the mentions of one speaker (two or more)
//! A1\tQuoteType T7 Direct                   also CheckWorthiness, Verdict (claims: only when
//!                                           rated or checked, as absent reads back) and
//!                                           SpeakerKind (on a T that carries a speaker's N)
//! N1\tReference T3 newsmark:speaker_2\tJens Stoltenberg
//! N2\tReference T8 source:1\thttps://x.org/a     a claim's sources, numbered in order
//! #1\tAnnotatorNotes T7\tthe note, with \n \t \\ escaped
//! ```
//!
//! **Ids.** Lines come in the order above, annotations in text order (start, end, id), so the
//! same session always gives the same bytes. Every `T` id is a function of the session alone,
//! never of a hash map's order or of the other annotations' count ([`numbering`]): an
//! annotation is `T<id>` and a cue `T<10¹⁰ + q>` with `q` the smallest id of the quotes whose
//! cue it is. **Shared cues:** quotes whose cue is the same span (PolNeAR's one "said" for two
//! contents) get one `Cue` line and a `Said` relation each to it; import gives each of them
//! that span, so the sharing survives export → import → export.
//!
//! **Speakers.** A speaker's id and canonical name travel in an `N` line with the reference
//! `newsmark:speaker_<id>` on the speaker's first mention; its other mentions are tied to it by
//! the `Equiv` line. A quote or claim has one `Source` relation per mention in its
//! `source_mentions` that is exported; only when it has none does the relation go to its
//! speaker's mention nearest to it. **A speaker with no mention** gets the `N` line on the quote
//! or claim itself (one on each of them), which brat shows as a normalization and which reads
//! back to the same speaker id and name. Aliases, role and colour are not carried (brat has no
//! place for them); speakers no annotation refers to are not exported.
//!
//! Reference ids are letters, digits and `_` only (`newsmark:speaker_2`, not `speaker-2`): strict
//! brat readers such as bratly match them with `\w+:\w+`, so a claim's source URL goes in the
//! normalization's text and its id is just its ordinal (`source:1`). Import also accepts
//! `newsmark:speaker-2`.
//!
//! Attribute values are the Rust variant names (`MostlyTrue`, brat values cannot hold spaces).
//!
//! **Line breaks.** brat reads an `.ann` line by line and requires a T line's text to be its
//! fragments' texts joined by one space, so a span that crosses a line break (or holds a tab) is
//! written as fragments split there, the break itself not covered and empty fragments dropped:
//! `Jens\nStoltenberg` at 0 is `0 4;5 16\tJens Stoltenberg`. Import joins fragments that only
//! line breaks or tabs separate back into one span. Annotations with an empty span, or of line
//! breaks only, cannot be written in brat and are left out. `annotation.conf` and `visual.conf`
//! ([`annotation_conf`], [`visual_conf`]) declare every type, relation and attribute value.
//!
//! Import also takes files written by hand or by brat itself (only `T` lines, other numbering,
//! lower-case types): every line it cannot map becomes a warning with its line number. A mention
//! that is the target of a `Source` relation but has no `N` line gets a speaker named after its
//! text (reusing a speaker of that name or alias).

mod conf;
mod entity;
mod fragments;
mod import;
mod links;
mod mapping;
mod numbering;
mod offsets;
mod speakers;
mod values;

pub use crate::io::formats::tally::{Tally, TypeCount};
pub use conf::{annotation_conf, is_newsmark_conf, visual_conf};
use fragments::{join_line_broken, split_at_breaks};
pub use import::{BratImport, import, import_with};
pub use mapping::{POLNEAR_MAP, TypeMap};
use values::{
    check_worthiness_name, escape, fold, parse_value, quote_type_name, speaker_kind_name, unescape,
    verdict_name,
};

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::io::document::Document;
use crate::io::formats::nearest::{MentionIndex, speakers_by_id};
use crate::model::annotation::{Annotation, AnnotationId, CheckWorthiness, Kind, Span, Verdict};
use crate::model::speaker::{SpeakerId, SpeakerKind};
use crate::model::text::ArticleText;

/// The two files of a brat document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BratFiles {
    /// The standoff annotations (`NAME.ann`).
    pub ann: String,
    /// The normalized article text the offsets count into (`NAME.txt`).
    pub txt: String,
}

/// Reference database prefix of speaker normalizations.
const SPEAKER_REF: &str = "newsmark:speaker_";

/// Exports a document as brat standoff.
pub fn export(doc: &Document) -> BratFiles {
    let s = &doc.session;
    let text = &doc.text;
    // Every span as brat can hold it: fragments split at line breaks. An annotation with no
    // fragment left (empty, or line breaks only) cannot be written and is left out.
    let mut anns: Vec<(&Annotation, Vec<Span>)> = s
        .annotations
        .iter()
        .filter_map(|a| {
            let mut frags = split_at_breaks(text, a.span());
            if frags.is_empty() {
                return None;
            }
            if let Kind::Quote(q) = &a.kind {
                for f in &q.more {
                    frags.extend(split_at_breaks(text, *f));
                }
                // The first fragment is the quote's own span on import; the rest in text order,
                // as import keeps a quote's parts, so a re-export writes the same line.
                if let Some(rest) = frags.get_mut(1..) {
                    rest.sort_by_key(|f| (f.start, f.end));
                }
            }
            Some((a, frags))
        })
        .collect();
    // Text order, whatever order the session's list is in: the same session, the same file.
    anns.sort_by_key(|(a, _)| (a.start, a.end, a.id));
    // Lookups built once, so that export stays O(n log n) however many mentions a speaker has.
    let speakers = speakers_by_id(s);
    let exported: HashSet<AnnotationId> = anns.iter().map(|(a, _)| a.id).collect();
    let mentions: HashSet<AnnotationId> = anns
        .iter()
        .filter(|(a, _)| matches!(a.kind, Kind::Mention(_)))
        .map(|(a, _)| a.id)
        .collect();
    let nearest = MentionIndex::new(s);
    let speaker_of = |a: &Annotation| a.kind.speaker().filter(|id| speakers.contains_key(id));
    // Each speaker's exported mentions, in session order.
    let mut mentions_of: HashMap<SpeakerId, Vec<AnnotationId>> = HashMap::new();
    for (m, _) in anns
        .iter()
        .filter(|(m, _)| matches!(m.kind, Kind::Mention(_)))
    {
        if let Some(sp) = speaker_of(m) {
            mentions_of.entry(sp).or_default().push(m.id);
        }
    }
    // The T that carries a speaker's N line: its first mention, or the quote/claim itself.
    let carries_speaker = |a: &Annotation| -> Option<SpeakerId> {
        let sp = speaker_of(a)?;
        let first = mentions_of.get(&sp).and_then(|ms| ms.first()).copied();
        match (&a.kind, first) {
            (Kind::Mention(_), Some(f)) => (f == a.id).then_some(sp),
            (Kind::Mention(_), None) => None,
            (_, Some(_)) => None,
            (_, None) => Some(sp),
        }
    };

    let mut t_lines = String::new();
    let mut cue_lines = String::new();
    let mut r_lines = String::new();
    let mut a_lines = String::new();
    let mut n_lines = String::new();
    let mut notes = String::new();
    // Each quote's cue T: one per cue span, shared by the quotes that have it.
    let cue_ids = numbering::cue_numbers(anns.iter().filter_map(|(a, _)| {
        match &a.kind {
            Kind::Quote(q) => q
                .cue
                .filter(|c| !split_at_breaks(text, *c).is_empty())
                .map(|c| (a.id, c)),
            _ => None,
        }
    }));
    let mut cues_written: HashSet<u64> = HashSet::new();
    let (mut r, mut at, mut n, mut hash) = (0u64, 0u64, 0u64, 0u64);

    for (a, frags) in &anns {
        let a = *a;
        let tag = match &a.kind {
            Kind::Claim(_) => "Claim",
            Kind::Mention(_) => "Mention",
            Kind::Quote(_) => "Quote",
        };
        let _ = writeln!(t_lines, "T{}\t{tag} {}", a.id.0, t_body(text, frags));
        let t = a.id.0;
        for m in source_mentions(a, &mentions, || {
            speaker_of(a)
                .and_then(|sp| nearest.nearest(sp, a))
                .map(|m| m.id)
        }) {
            r += 1;
            let _ = writeln!(r_lines, "R{r}\tSource Arg1:T{t} Arg2:T{}", m.0);
        }
        match &a.kind {
            Kind::Quote(q) => {
                if let (Some(cue), Some(&c)) = (q.cue, cue_ids.get(&a.id)) {
                    if cues_written.insert(c) {
                        let cue = split_at_breaks(text, cue);
                        let _ = writeln!(cue_lines, "T{c}\tCue {}", t_body(text, &cue));
                    }
                    r += 1;
                    let _ = writeln!(r_lines, "R{r}\tSaid Arg1:T{t} Arg2:T{c}");
                }
                if q.quote_type != crate::model::annotation::QuoteType::Unspecified {
                    at += 1;
                    let _ = writeln!(
                        a_lines,
                        "A{at}\tQuoteType T{t} {}",
                        quote_type_name(q.quote_type)
                    );
                }
            }
            Kind::Claim(c) => {
                if let Some(q) = c.in_quote.filter(|q| exported.contains(q)) {
                    r += 1;
                    let _ = writeln!(r_lines, "R{r}\tInQuote Arg1:T{t} Arg2:T{}", q.0);
                }
                // Not rated and not checked are what a claim without these lines reads as: an
                // attribute that was absent stays absent.
                if c.check_worthiness != CheckWorthiness::Unrated {
                    at += 1;
                    let cw = check_worthiness_name(c.check_worthiness);
                    let _ = writeln!(a_lines, "A{at}\tCheckWorthiness T{t} {cw}");
                }
                if c.verdict != Verdict::Unchecked {
                    at += 1;
                    let _ = writeln!(a_lines, "A{at}\tVerdict T{t} {}", verdict_name(c.verdict));
                }
            }
            Kind::Mention(_) => {}
        }
        if let Some(sp) = carries_speaker(a)
            && let Some(speaker) = speakers.get(&sp)
        {
            n += 1;
            let name = one_line(&speaker.name);
            let name = if name.trim().is_empty() { "?" } else { &name };
            let _ = writeln!(
                n_lines,
                "N{n}\tReference T{t} {SPEAKER_REF}{}\t{name}",
                sp.0
            );
            if speaker.kind != SpeakerKind::Person {
                at += 1;
                let kind = speaker_kind_name(speaker.kind);
                let _ = writeln!(a_lines, "A{at}\tSpeakerKind T{t} {kind}");
            }
        }
        if let Kind::Claim(c) = &a.kind {
            for (i, src) in c
                .sources
                .iter()
                .filter(|s| !s.trim().is_empty())
                .enumerate()
            {
                n += 1;
                let src = escape(src);
                let _ = writeln!(n_lines, "N{n}\tReference T{t} source:{}\t{src}", i + 1);
            }
        }
        if !a.note.is_empty() {
            hash += 1;
            let _ = writeln!(notes, "#{hash}\tAnnotatorNotes T{t}\t{}", escape(&a.note));
        }
    }

    let mut equiv = String::new();
    for sp in &s.speakers {
        let ms = mentions_of.get(&sp.id).map_or(&[][..], Vec::as_slice);
        if ms.len() >= 2 {
            let ids: Vec<String> = ms.iter().map(|m| format!("T{}", m.0)).collect();
            let _ = writeln!(equiv, "*\tEquiv {}", ids.join(" "));
        }
    }

    BratFiles {
        ann: [t_lines, cue_lines, r_lines, equiv, a_lines, n_lines, notes].concat(),
        txt: text.as_str().to_owned(),
    }
}

/// The mentions a quote's or claim's `Source` relations point at: its `source_mentions` that are
/// exported mentions (each once, in order), or when none of them is, the speaker's nearest
/// mention (`fallback`) if that is exported. Mentions have no source.
fn source_mentions(
    a: &Annotation,
    mentions: &HashSet<AnnotationId>,
    fallback: impl FnOnce() -> Option<AnnotationId>,
) -> Vec<AnnotationId> {
    let linked = match &a.kind {
        Kind::Quote(q) => &q.source_mentions,
        Kind::Claim(c) => &c.source_mentions,
        Kind::Mention(_) => return Vec::new(),
    };
    let mut seen = HashSet::new();
    let chosen: Vec<AnnotationId> = linked
        .iter()
        .copied()
        .filter(|m| mentions.contains(m) && seen.insert(*m))
        .collect();
    if !chosen.is_empty() {
        return chosen;
    }
    fallback()
        .filter(|m| mentions.contains(m))
        .into_iter()
        .collect()
}

/// `"10 20;30 40\ttext1 text2"` for the fragments: offsets, a tab, the texts joined by spaces.
fn t_body(text: &ArticleText, frags: &[Span]) -> String {
    let offsets: Vec<String> = frags
        .iter()
        .map(|f| format!("{} {}", f.start, f.end))
        .collect();
    format!("{}\t{}", offsets.join(";"), fragments_text(text, frags))
}

/// The text brat writes for fragments: each fragment's text, joined by a space, line breaks
/// shown as spaces (one for one, so lengths still add up).
fn fragments_text(text: &ArticleText, frags: &[Span]) -> String {
    let parts: Vec<String> = frags
        .iter()
        .map(|f| one_line(text.slice(f.start..f.end)))
        .collect();
    parts.join(" ")
}

/// Replaces every character a line-based reader could split on by a space.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if is_line_break(c) || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Characters that Python's `str.splitlines` (used by brat tools) treats as line ends.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{b}'
            | '\u{c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

#[cfg(test)]
mod tests;
