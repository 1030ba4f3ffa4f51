//! Statistics of a session, computed once for the Stats tab, `newsmark stats` (text and
//! JSON) and project summaries.

use serde::Serialize;
use serde::ser::SerializeMap as _;

use super::annotation::{CheckWorthiness, Kind, KindTag, Verdict};
use super::session::Session;
use super::speaker::SpeakerId;
use super::text::ArticleText;

/// Counts per speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpeakerStats {
    /// The speaker's id.
    #[serde(serialize_with = "speaker_id")]
    pub id: SpeakerId,
    /// Canonical name.
    pub name: String,
    /// Person, organisation, … (label).
    pub kind: &'static str,
    /// Display colour (RGB).
    #[serde(skip)]
    pub colour: [u8; 3],
    /// Mentions of the speaker.
    pub mentions: usize,
    /// Quotes attributed to the speaker.
    pub quotes: usize,
    /// Claims made by the speaker.
    pub claims: usize,
}

fn speaker_id<S: serde::Serializer>(id: &SpeakerId, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u32(id.0)
}

/// Labelled counts in a fixed order, serialized as a JSON object.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally(pub Vec<(&'static str, usize)>);

impl Serialize for Tally {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl Tally {
    /// Adds another tally with the same labels, label by label.
    fn add(&mut self, other: &Self) {
        for (k, v) in &other.0 {
            match self.0.iter_mut().find(|(l, _)| l == k) {
                Some((_, n)) => *n += v,
                None => self.0.push((k, *v)),
            }
        }
    }
}

/// The statistics of one session (or the sum over several).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// The article's path.
    pub article: String,
    /// Code points of the normalized text.
    pub chars: usize,
    /// Words of the text.
    pub words: usize,
    /// All annotations.
    pub annotations: usize,
    /// Annotations that did not stay where they were when the session was opened.
    pub not_anchored: usize,
    /// Annotations per kind: claim, quote, mention.
    pub kinds: Tally,
    /// Per speaker, in registry order.
    pub speakers: Vec<SpeakerStats>,
    /// Claims per verdict, in [`Verdict::ALL`] order.
    pub verdicts: Tally,
    /// Claims per check-worthiness, in [`CheckWorthiness::ALL`] order.
    pub check_worthiness: Tally,
}

impl Stats {
    /// Counts everything in `s` over `text`; `not_anchored` comes from re-anchoring on open.
    pub fn of(s: &Session, text: &ArticleText, not_anchored: usize) -> Self {
        let lower = |t: KindTag| match t {
            KindTag::Claim => "claim",
            KindTag::Quote => "quote",
            KindTag::Mention => "mention",
        };
        let kinds = Tally(
            KindTag::ALL
                .iter()
                .map(|t| (lower(*t), s.count(*t)))
                .collect(),
        );
        let claims: Vec<_> = s
            .annotations
            .iter()
            .filter_map(|a| match &a.kind {
                Kind::Claim(c) => Some(c),
                _ => None,
            })
            .collect();
        let verdicts = Tally(
            Verdict::ALL
                .iter()
                .map(|v| (v.label(), claims.iter().filter(|c| c.verdict == *v).count()))
                .collect(),
        );
        let check_worthiness = Tally(
            CheckWorthiness::ALL
                .iter()
                .map(|w| {
                    let n = claims.iter().filter(|c| c.check_worthiness == *w).count();
                    (w.label(), n)
                })
                .collect(),
        );
        let speakers = s
            .speakers
            .iter()
            .map(|sp| {
                let (mentions, quotes, claims) = s.speaker_counts(sp.id);
                SpeakerStats {
                    id: sp.id,
                    name: sp.name.clone(),
                    kind: sp.kind.label(),
                    colour: sp.colour,
                    mentions,
                    quotes,
                    claims,
                }
            })
            .collect();
        Self {
            article: s.article.path.clone(),
            chars: text.len_chars(),
            words: text.word_count(),
            annotations: s.annotations.len(),
            not_anchored,
            kinds,
            speakers,
            verdicts,
            check_worthiness,
        }
    }

    /// Count of one kind.
    pub fn kind(&self, tag: &str) -> usize {
        self.kinds
            .0
            .iter()
            .find(|(k, _)| *k == tag)
            .map_or(0, |(_, n)| *n)
    }

    /// Adds the counts of `other` (a project total); speakers are not summed (their ids are
    /// per session).
    pub fn add(&mut self, other: &Self) {
        self.chars += other.chars;
        self.words += other.words;
        self.annotations += other.annotations;
        self.not_anchored += other.not_anchored;
        self.kinds.add(&other.kinds);
        self.verdicts.add(&other.verdicts);
        self.check_worthiness.add(&other.check_worthiness);
        // Registries differ between sessions: a speaker is the same one by name.
        for sp in &other.speakers {
            let key = sp.name.trim().to_lowercase();
            match self
                .speakers
                .iter_mut()
                .find(|s| s.name.trim().to_lowercase() == key)
            {
                Some(s) => {
                    s.mentions += sp.mentions;
                    s.quotes += sp.quotes;
                    s.claims += sp.claims;
                }
                None => self.speakers.push(sp.clone()),
            }
        }
    }

    /// The text form printed by `newsmark stats`.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "article: {}\n{} words, {} code points\n{} annotation(s), {} not anchored exactly\n",
            self.article, self.words, self.chars, self.annotations, self.not_anchored
        );
        for (title, tally) in [
            ("kinds", &self.kinds),
            ("verdicts", &self.verdicts),
            ("check-worthiness", &self.check_worthiness),
        ] {
            out.push_str(&format!("{title}:\n"));
            for (k, n) in &tally.0 {
                out.push_str(&format!("  {k}: {n}\n"));
            }
        }
        out.push_str("speakers:\n");
        for sp in &self.speakers {
            out.push_str(&format!(
                "  {} ({}): {} mention(s), {} quote(s), {} claim(s)\n",
                sp.name, sp.kind, sp.mentions, sp.quotes, sp.claims
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{AnnotationId, Claim, Span};
    use crate::model::session::{ArticleRef, make_annotation};
    use crate::model::speaker::Speaker;

    #[test]
    fn counts_and_text() {
        let text = ArticleText::new("Stoltenberg said troops left. 😀".into());
        let mut s = Session::new(ArticleRef::default());
        s.speakers
            .push(Speaker::new(SpeakerId(1), "Jens Stoltenberg"));
        s.annotations.push(make_annotation(
            &text,
            AnnotationId(1),
            Span::new(0, 11),
            KindTag::Mention.with_speaker(Some(SpeakerId(1))),
        ));
        s.annotations.push(make_annotation(
            &text,
            AnnotationId(2),
            Span::new(17, 28),
            Kind::Claim(Claim {
                speaker: Some(SpeakerId(1)),
                verdict: Verdict::False,
                ..Claim::default()
            }),
        ));
        let st = Stats::of(&s, &text, 0);
        assert_eq!((st.chars, st.kind("claim"), st.kind("mention")), (31, 1, 1));
        let t = st.to_text();
        assert!(t.contains("  False: 1\n"), "{t}");
        assert!(
            t.contains("Jens Stoltenberg (person): 1 mention(s), 0 quote(s), 1 claim(s)"),
            "{t}"
        );
        let mut total = st.clone();
        total.add(&st);
        assert_eq!((total.annotations, total.kind("claim")), (4, 2));
    }
}
