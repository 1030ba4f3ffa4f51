//! Annotations: a span of the article with a kind (claim, quote, mention) and attributes.

use serde::{Deserialize, Serialize};

use super::speaker::SpeakerId;

/// Identifies an annotation within a session; never reused while the session lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub u32);

/// A code-point range of the normalized text, start inclusive, end exclusive.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Span {
    /// A span from two ends in any order: `Span::new(5, 2)` is `2..5`.
    pub fn new(a: usize, b: usize) -> Self {
        Self {
            start: a.min(b),
            end: a.max(b),
        }
    }

    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True if the code point `at` lies inside.
    pub fn contains(&self, at: usize) -> bool {
        self.start <= at && at < self.end
    }
}

/// How check-worthy a claim is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CheckWorthiness {
    /// Not yet judged.
    #[default]
    Unrated,
    /// Not worth checking (opinion, prediction, trivial).
    Not,
    /// Could be checked, low priority.
    Low,
    /// Should be checked.
    High,
}

impl CheckWorthiness {
    /// All values, for menus.
    pub const ALL: [Self; 4] = [Self::Unrated, Self::Not, Self::Low, Self::High];

    /// Label shown to users and written to exports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unrated => "unrated",
            Self::Not => "not",
            Self::Low => "low",
            Self::High => "high",
        }
    }
}

/// A claim's verdict on the schema.org ClaimReview scale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// Not checked yet.
    #[default]
    Unchecked,
    /// Accurate.
    True,
    /// Accurate with minor issues.
    MostlyTrue,
    /// Partly accurate.
    Mixed,
    /// Mostly inaccurate.
    MostlyFalse,
    /// Inaccurate.
    False,
    /// Cannot be verified with available evidence.
    Unverifiable,
}

impl Verdict {
    /// All values, for menus.
    pub const ALL: [Self; 7] = [
        Self::Unchecked,
        Self::True,
        Self::MostlyTrue,
        Self::Mixed,
        Self::MostlyFalse,
        Self::False,
        Self::Unverifiable,
    ];

    /// Rating text (ClaimReview `alternateName`).
    pub fn label(self) -> &'static str {
        match self {
            Self::Unchecked => "Unchecked",
            Self::True => "True",
            Self::MostlyTrue => "Mostly true",
            Self::Mixed => "Mixed",
            Self::MostlyFalse => "Mostly false",
            Self::False => "False",
            Self::Unverifiable => "Unverifiable",
        }
    }

    /// Rating number on a 1 (false) .. 5 (true) scale; `None` when there is no rating.
    pub fn rating(self) -> Option<u8> {
        match self {
            Self::True => Some(5),
            Self::MostlyTrue => Some(4),
            Self::Mixed => Some(3),
            Self::MostlyFalse => Some(2),
            Self::False => Some(1),
            Self::Unchecked | Self::Unverifiable => None,
        }
    }
}

/// Whether a quote is reported verbatim.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuoteType {
    /// Verbatim, in quotation marks.
    #[default]
    Direct,
    /// Paraphrased ("he said that …").
    Indirect,
    /// Partly verbatim.
    Mixed,
    /// Not recorded: an imported quote whose source said nothing about it. Exports write no
    /// value for it, so an absent attribute stays absent.
    Unspecified,
}

impl QuoteType {
    /// All values, for menus.
    pub const ALL: [Self; 4] = [Self::Direct, Self::Indirect, Self::Mixed, Self::Unspecified];

    /// Label shown to users and written to exports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Indirect => "indirect",
            Self::Mixed => "mixed",
            Self::Unspecified => "unspecified",
        }
    }
}

/// Attributes of a claim.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Claim {
    /// Who makes the claim; `None` is the outlet itself.
    pub speaker: Option<SpeakerId>,
    /// How worth checking it is.
    pub check_worthiness: CheckWorthiness,
    /// The verdict once checked.
    pub verdict: Verdict,
    /// URLs of the sources used to check it.
    pub sources: Vec<String>,
    /// The quote it appears in, if any.
    pub in_quote: Option<AnnotationId>,
    /// The mention annotations that are its source span(s) (PARC's source), beside
    /// `speaker`; ids of annotations that no longer exist are ignored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub source_mentions: Vec<AnnotationId>,
    /// The review text marked for publication (ClaimReview's `reviewBody`); the annotation's
    /// note stays private.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub review: String,
}

/// Attributes of a quote (PARC / Citron: source, cue, content).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Quote {
    /// Who is quoted.
    pub speaker: Option<SpeakerId>,
    /// The attribution verb ("said", "assured").
    pub cue: Option<Span>,
    /// Direct, indirect or mixed.
    pub quote_type: QuoteType,
    /// Further content fragments of a quote split around its attribution.
    pub more: Vec<Span>,
    /// The mention annotations that are its source span(s) (PARC / Citron's source: a name
    /// or a pronoun), beside `speaker`; ids of annotations that no longer exist are ignored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub source_mentions: Vec<AnnotationId>,
}

/// Attributes of a mention of a speaker.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mention {
    /// Who is mentioned.
    pub speaker: Option<SpeakerId>,
}

/// What an annotation marks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// A checkable statement.
    Claim(Claim),
    /// Direct or reported speech.
    Quote(Quote),
    /// A place where a speaker is named or referred to.
    Mention(Mention),
}

/// The three kinds without their attributes, for toolbars, filters and counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum KindTag {
    /// See [`Kind::Claim`].
    Claim,
    /// See [`Kind::Quote`].
    Quote,
    /// See [`Kind::Mention`].
    Mention,
}

impl KindTag {
    /// All kinds in display order.
    pub const ALL: [Self; 3] = [Self::Claim, Self::Quote, Self::Mention];

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Claim => "Claim",
            Self::Quote => "Quote",
            Self::Mention => "Mention",
        }
    }

    /// A fresh kind with default attributes and the given speaker.
    pub fn with_speaker(self, speaker: Option<SpeakerId>) -> Kind {
        match self {
            Self::Claim => Kind::Claim(Claim {
                speaker,
                ..Claim::default()
            }),
            Self::Quote => Kind::Quote(Quote {
                speaker,
                ..Quote::default()
            }),
            Self::Mention => Kind::Mention(Mention { speaker }),
        }
    }
}

impl Kind {
    /// The kind without attributes.
    pub fn tag(&self) -> KindTag {
        match self {
            Self::Claim(_) => KindTag::Claim,
            Self::Quote(_) => KindTag::Quote,
            Self::Mention(_) => KindTag::Mention,
        }
    }

    /// The speaker linked to the annotation, whatever its kind.
    pub fn speaker(&self) -> Option<SpeakerId> {
        match self {
            Self::Claim(c) => c.speaker,
            Self::Quote(q) => q.speaker,
            Self::Mention(m) => m.speaker,
        }
    }

    /// The mention annotations given as the source span(s) of a quote or claim.
    pub fn source_mentions(&self) -> &[AnnotationId] {
        match self {
            Self::Claim(c) => &c.source_mentions,
            Self::Quote(q) => &q.source_mentions,
            Self::Mention(_) => &[],
        }
    }

    /// Sets the linked speaker, whatever the kind.
    pub fn set_speaker(&mut self, speaker: Option<SpeakerId>) {
        match self {
            Self::Claim(c) => c.speaker = speaker,
            Self::Quote(q) => q.speaker = speaker,
            Self::Mention(m) => m.speaker = speaker,
        }
    }

    /// Changes the kind, keeping the speaker.
    pub fn retagged(&self, tag: KindTag) -> Kind {
        if tag == self.tag() {
            self.clone()
        } else {
            tag.with_speaker(self.speaker())
        }
    }
}

/// Number of code points kept before and after a span to re-anchor it later.
pub const CONTEXT_CHARS: usize = 32;

/// One annotation: a span, the text it covered when made, its kind and a note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Unique id in the session.
    pub id: AnnotationId,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text (W3C TextQuoteSelector `exact`).
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] code points before the span.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] code points after the span.
    #[serde(default)]
    pub suffix: String,
    /// What it marks.
    pub kind: Kind,
    /// Free text from the annotator.
    #[serde(default)]
    pub note: String,
    /// Tags from other tools ("needs-check"), kept, shown and exported back as W3C `tagging`
    /// bodies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl Annotation {
    /// The annotated range.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
}
