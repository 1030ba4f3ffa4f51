//! schema.org ClaimReview export: one review per claim that has a verdict (anything but
//! Unchecked), as a JSON array of JSON-LD objects.
//!
//! `reviewRating` uses the 1 (false) … 5 (true) scale of [`Verdict::rating`]; an Unverifiable
//! claim has no `ratingValue`, only its `alternateName`. The claim's speaker becomes the
//! `author` of the reviewed `Claim` (a Person, or an Organization / GovernmentOrganization);
//! the article is its `appearance`. The date is passed in: library code reads no clock.

use serde_json::{Map, Value, json};

use crate::io::document::Document;
use crate::io::formats::article_iri;
use crate::io::formats::nearest::speakers_by_id;
use crate::model::annotation::{Kind, Verdict};
use crate::model::speaker::SpeakerKind;

/// Exports the reviewed claims; `date_published` is an ISO 8601 date such as `"2024-05-01"`.
pub fn export(doc: &Document, date_published: &str) -> String {
    let s = &doc.session;
    let speakers = speakers_by_id(s);
    let article = json!({
        "@type": "CreativeWork",
        "url": article_iri(&s.article.path),
    });
    let reviews: Vec<Value> = s
        .annotations
        .iter()
        .filter_map(|a| {
            let Kind::Claim(c) = &a.kind else {
                return None;
            };
            if c.verdict == Verdict::Unchecked {
                return None;
            }
            let mut rating = Map::new();
            rating.insert("@type".into(), "Rating".into());
            if let Some(r) = c.verdict.rating() {
                rating.insert("ratingValue".into(), r.into());
            }
            rating.insert("bestRating".into(), 5.into());
            rating.insert("worstRating".into(), 1.into());
            rating.insert("alternateName".into(), c.verdict.label().into());

            let mut claim = Map::new();
            claim.insert("@type".into(), "Claim".into());
            if let Some(sp) = c.speaker.and_then(|id| speakers.get(&id)) {
                let ty = match sp.kind {
                    SpeakerKind::Person | SpeakerKind::Unknown => "Person",
                    SpeakerKind::Country => "GovernmentOrganization",
                    SpeakerKind::Organization | SpeakerKind::Group => "Organization",
                };
                claim.insert("author".into(), json!({"@type": ty, "name": sp.name}));
            }
            claim.insert("appearance".into(), article.clone());

            let mut review = Map::new();
            review.insert("@context".into(), "https://schema.org".into());
            review.insert("@type".into(), "ClaimReview".into());
            review.insert(
                "claimReviewed".into(),
                doc.text.slice(a.start..a.end).into(),
            );
            review.insert("datePublished".into(), date_published.into());
            review.insert("reviewRating".into(), Value::Object(rating));
            review.insert("itemReviewed".into(), Value::Object(claim));
            if !a.note.is_empty() {
                review.insert("reviewBody".into(), a.note.clone().into());
            }
            if !c.sources.is_empty() {
                review.insert("citation".into(), c.sources.clone().into());
            }
            Some(Value::Object(review))
        })
        .collect();
    serde_json::to_string_pretty(&reviews).unwrap_or_default() + "\n"
}
