//! A session: which article, the speaker registry and the annotations. This is what is saved.

use serde::{Deserialize, Serialize};

use super::annotation::{Annotation, AnnotationId, CONTEXT_CHARS, Kind, KindTag, Span};
use super::speaker::{Speaker, SpeakerId};
use super::text::ArticleText;

/// The session file format this build writes.
pub const FORMAT_VERSION: u32 = 1;

/// How the article file was found on disk, so the session can find and verify it again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleRef {
    /// Path of the article, relative to the session file when saved.
    pub path: String,
    /// SHA-256 of the article file's bytes, lowercase hex.
    pub sha256: String,
    /// Number of code points of the normalized text.
    pub chars: usize,
    /// Encoding the bytes were decoded from: "utf-8", "utf-16le", "utf-16be" or
    /// "windows-1252".
    pub encoding: String,
    /// Whether the file began with a byte-order mark (stripped).
    #[serde(default)]
    pub had_bom: bool,
    /// Whether the file had CR or CRLF line endings (normalized to LF).
    #[serde(default)]
    pub had_crlf: bool,
}

/// Who is the reviewer of a fact-check: a person or an organisation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewerKind {
    /// A named person.
    #[default]
    Person,
    /// A newsroom or fact-checking organisation.
    Organization,
}

/// Where the article and the fact-check are published: what ClaimReview needs beyond the
/// annotations. Every field may be empty until the user fills it in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Publication {
    /// Public URL of the article (ClaimReview `itemReviewed.appearance`, W3C `target.source`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub article_url: String,
    /// Outlet that published the article.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub outlet: String,
    /// Date the article was published, YYYY-MM-DD.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub article_date: String,
    /// Who reviewed the claims.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reviewer: String,
    /// Whether the reviewer is a person or an organisation.
    pub reviewer_kind: ReviewerKind,
    /// URL of the published fact-check (ClaimReview `url`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub review_url: String,
}

impl Publication {
    /// True when nothing is set (then it is not written to the session file).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Where an article's text came from when it was extracted from a saved web page (or a
/// Markdown file): the text file is what offsets count in, this says how it was made.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PageSource {
    /// File name of the page, in the article's folder ("story.html").
    pub page: String,
    /// SHA-256 of the page's bytes when the text was extracted, lowercase hex.
    pub sha256: String,
    /// The page's canonical URL (or `og:url`); empty when it has none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// The page's headline, as extracted.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// What extracted the text ("dom_smoothie", "newsmark-markdown").
    pub extractor: String,
    /// Its version.
    pub extractor_version: String,
}

/// Everything a user made for one article; saved as RON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Version of the file format ([`FORMAT_VERSION`] when written by this build).
    pub format_version: u32,
    /// The annotated article.
    pub article: ArticleRef,
    /// Who annotated (the name in the preferences); empty when not known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub annotator: String,
    /// Publication metadata for ClaimReview and W3C exports.
    #[serde(default, skip_serializing_if = "Publication::is_empty")]
    pub publication: Publication,
    /// Where the article text was extracted from, when it came from a web page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<PageSource>,
    /// The speaker registry, ordered by id.
    #[serde(default)]
    pub speakers: Vec<Speaker>,
    /// The annotations, ordered by (start, end, id).
    #[serde(default)]
    pub annotations: Vec<Annotation>,
}

impl Session {
    /// The innermost quote whose span contains `span`, if any: a claim made inside a quote is
    /// linked to it.
    pub fn enclosing_quote(&self, span: Span) -> Option<AnnotationId> {
        self.annotations
            .iter()
            .filter(|a| matches!(a.kind, Kind::Quote(_)))
            .filter(|a| a.start <= span.start && span.end <= a.end)
            .min_by_key(|a| a.end - a.start)
            .map(|a| a.id)
    }

    /// An empty session for an article.
    pub fn new(article: ArticleRef) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            article,
            annotator: String::new(),
            publication: Publication::default(),
            source: None,
            speakers: Vec::new(),
            annotations: Vec::new(),
        }
    }

    /// An id no annotation has.
    pub fn next_annotation_id(&self) -> AnnotationId {
        // Saturating: a hand-edited id of u32::MAX must not panic (the insert then reports a duplicate).
        AnnotationId(
            self.annotations
                .iter()
                .map(|a| a.id.0)
                .max()
                .unwrap_or(0)
                .saturating_add(1),
        )
    }

    /// An id no speaker has.
    pub fn next_speaker_id(&self) -> SpeakerId {
        SpeakerId(
            self.speakers
                .iter()
                .map(|s| s.id.0)
                .max()
                .unwrap_or(0)
                .saturating_add(1),
        )
    }

    /// The annotation with this id.
    pub fn annotation(&self, id: AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    /// The speaker with this id.
    pub fn speaker(&self, id: SpeakerId) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    /// The speaker's name, or "—" for none / unknown id.
    pub fn speaker_name(&self, id: Option<SpeakerId>) -> &str {
        id.and_then(|id| self.speaker(id))
            .map_or("—", |s| s.name.as_str())
    }

    /// The first speaker called `name` (name or alias, any case).
    pub fn speaker_called(&self, name: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.is_called(name))
    }

    /// Position where an annotation with this sort key belongs.
    pub fn insertion_index(&self, a: &Annotation) -> usize {
        let key = (a.start, a.end, a.id);
        self.annotations
            .partition_point(|b| (b.start, b.end, b.id) < key)
    }

    /// Index in `annotations` of the annotation with this id.
    pub fn annotation_index(&self, id: AnnotationId) -> Option<usize> {
        self.annotations.iter().position(|a| a.id == id)
    }

    /// Number of annotations of a kind.
    pub fn count(&self, tag: KindTag) -> usize {
        self.annotations
            .iter()
            .filter(|a| a.kind.tag() == tag)
            .count()
    }

    /// Annotations linked to a speaker, by kind: (mentions, quotes, claims).
    pub fn speaker_counts(&self, id: SpeakerId) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for a in self
            .annotations
            .iter()
            .filter(|a| a.kind.speaker() == Some(id))
        {
            match a.kind.tag() {
                KindTag::Mention => counts.0 += 1,
                KindTag::Quote => counts.1 += 1,
                KindTag::Claim => counts.2 += 1,
            }
        }
        counts
    }
}

/// Builds an annotation over `span` of `text`, recording its exact text and context.
pub fn make_annotation(text: &ArticleText, id: AnnotationId, span: Span, kind: Kind) -> Annotation {
    let span = Span::new(
        span.start.min(text.len_chars()),
        span.end.min(text.len_chars()),
    );
    Annotation {
        id,
        start: span.start,
        end: span.end,
        exact: text.slice(span.start..span.end).to_owned(),
        prefix: text.prefix_of(span.start, CONTEXT_CHARS).to_owned(),
        suffix: text.suffix_of(span.end, CONTEXT_CHARS).to_owned(),
        kind,
        note: String::new(),
        tags: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_records_exact_text_and_context_in_code_points() {
        let text = ArticleText::from_raw("\u{feff}He said “we regret 😀 that,”\r\nthen left.");
        let start = text.as_str().chars().position(|c| c == '“').unwrap_or(0);
        let a = make_annotation(
            &text,
            AnnotationId(1),
            Span::new(start, start + 19),
            KindTag::Quote.with_speaker(None),
        );
        assert_eq!(a.exact, "“we regret 😀 that,”");
        assert_eq!(a.prefix, "He said ");
        assert_eq!(a.suffix, "\nthen left.");
        assert_eq!((a.start, a.end), (8, 27));
    }

    #[test]
    fn ids_and_counts() {
        let text = ArticleText::new("Stoltenberg said so.".into());
        let mut s = Session::new(ArticleRef::default());
        assert_eq!(s.next_annotation_id(), AnnotationId(1));
        s.speakers
            .push(Speaker::new(SpeakerId(3), "Jens Stoltenberg"));
        let id = s.next_annotation_id();
        s.annotations.push(make_annotation(
            &text,
            id,
            Span::new(0, 11),
            KindTag::Mention.with_speaker(Some(SpeakerId(3))),
        ));
        assert_eq!(s.next_speaker_id(), SpeakerId(4));
        assert_eq!(s.speaker_counts(SpeakerId(3)), (1, 0, 0));
        assert_eq!(s.speaker_name(Some(SpeakerId(3))), "Jens Stoltenberg");
    }
}
