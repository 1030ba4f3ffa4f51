//! What the side panel lists and the article paints: by kind, speaker and verdict.

use crate::model::annotation::{Annotation, Kind, KindTag, Verdict};
use crate::model::speaker::SpeakerId;

/// A filter on annotations; the default shows everything.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Claims, quotes, mentions shown.
    pub kinds: [bool; 3],
    /// Only annotations linked to this speaker.
    pub speaker: Option<SpeakerId>,
    /// Only claims with this verdict (other kinds hidden while set).
    pub verdict: Option<Verdict>,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            kinds: [true; 3],
            speaker: None,
            verdict: None,
        }
    }
}

impl Filter {
    /// True if the annotation passes the filter.
    pub fn shows(&self, a: &Annotation) -> bool {
        let kind_on = match a.kind.tag() {
            KindTag::Claim => self.kinds[0],
            KindTag::Quote => self.kinds[1],
            KindTag::Mention => self.kinds[2],
        };
        let speaker_ok = self.speaker.is_none_or(|s| a.kind.speaker() == Some(s));
        let verdict_ok = match (self.verdict, &a.kind) {
            (None, _) => true,
            (Some(v), Kind::Claim(c)) => c.verdict == v,
            (Some(_), _) => false,
        };
        kind_on && speaker_ok && verdict_ok
    }

    /// True if anything is filtered out.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{AnnotationId, Claim, Span};
    use crate::model::session::make_annotation;
    use crate::model::text::ArticleText;

    #[test]
    fn filters_by_kind_speaker_and_verdict() {
        let t = ArticleText::new("a b c".into());
        let claim = make_annotation(
            &t,
            AnnotationId(1),
            Span::new(0, 1),
            Kind::Claim(Claim {
                speaker: Some(SpeakerId(1)),
                verdict: Verdict::False,
                ..Claim::default()
            }),
        );
        let mention = make_annotation(
            &t,
            AnnotationId(2),
            Span::new(2, 3),
            KindTag::Mention.with_speaker(Some(SpeakerId(2))),
        );
        let mut f = Filter::default();
        assert!(f.shows(&claim) && f.shows(&mention) && !f.is_active());
        f.speaker = Some(SpeakerId(1));
        assert!(f.shows(&claim) && !f.shows(&mention));
        f = Filter {
            verdict: Some(Verdict::True),
            ..Filter::default()
        };
        assert!(!f.shows(&claim));
        f.verdict = Some(Verdict::False);
        assert!(f.shows(&claim) && !f.shows(&mention));
        f = Filter {
            kinds: [false, true, true],
            ..Filter::default()
        };
        assert!(!f.shows(&claim) && f.shows(&mention));
    }
}
