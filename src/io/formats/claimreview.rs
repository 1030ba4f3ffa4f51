//! schema.org ClaimReview export: one review per claim that has a verdict (anything but
//! Unchecked), as a JSON array of JSON-LD objects, with the fields Google's fact-check markup
//! requires (`claimReviewed`, `reviewRating` with `alternateName`, `url`) and recommends
//! (`author`, `datePublished`, `itemReviewed` with `author`, `datePublished`, `appearance`).
//!
//! The review and the article come from the session's [`Publication`]: `url` is the review URL,
//! `author` the reviewer (a Person or an Organization; when none is set, the session's annotator
//! as a Person), `itemReviewed.appearance` the article's
//! public URL with its outlet and date — never a local path. [`missing`] names what is not set;
//! the CLI and the window refuse to write a review without it. `reviewRating` uses the 1 (false)
//! … 5 (true) scale of [`Verdict::rating`], with the verdict's label as `name` and
//! `alternateName`; an Unverifiable claim has no `ratingValue`. The claim's speaker becomes the
//! claim's `author` (a Person, or an Organization / GovernmentOrganization); a claim without one
//! is the outlet's own. The date is passed in: library code reads no clock.
//!
//! [`Publication`]: crate::model::session::Publication

use serde_json::{Map, Value, json};

use crate::io::document::Document;
use crate::io::formats::nearest::speakers_by_id;
use crate::model::annotation::{Kind, Verdict};
use crate::model::session::ReviewerKind;
use crate::model::speaker::SpeakerKind;

/// Who reviewed the claims: the publication's reviewer, else the session's annotator (a person).
fn reviewer_of(s: &crate::model::session::Session) -> Option<(&str, ReviewerKind)> {
    let p = &s.publication;
    if !p.reviewer.trim().is_empty() {
        return Some((p.reviewer.trim(), p.reviewer_kind));
    }
    let annotator = s.annotator.trim();
    (!annotator.is_empty()).then_some((annotator, ReviewerKind::Person))
}

/// What a ClaimReview needs and the session lacks, one line per field (`url: …`), empty when
/// nothing is missing. A URL counts as set only when it is an `http://` or `https://` URL.
pub fn missing(doc: &Document) -> Vec<String> {
    let p = &doc.session.publication;
    let mut out = Vec::new();
    let web = |u: &str| {
        let u = u.trim();
        (u.starts_with("https://") || u.starts_with("http://")) && u.len() > "https://".len()
    };
    if !web(&p.review_url) {
        out.push("url: the URL of the published fact-check (--url), an http(s) URL".to_owned());
    }
    if reviewer_of(&doc.session).is_none() {
        out.push("author: who reviewed the claims (--author, --author-kind)".to_owned());
    }
    if !web(&p.article_url) {
        out.push(
            "itemReviewed.appearance: the public URL of the article (--article-url), an http(s) URL"
                .to_owned(),
        );
    }
    out
}

/// Exports the reviewed claims; `date_published` is an ISO 8601 date such as `"2024-05-01"`.
/// Fields [`missing`] names are left out.
pub fn export(doc: &Document, date_published: &str) -> String {
    let s = &doc.session;
    let p = &s.publication;
    let speakers = speakers_by_id(s);
    let mut article = Map::new();
    article.insert("@type".into(), "NewsArticle".into());
    if !p.article_url.trim().is_empty() {
        article.insert("url".into(), p.article_url.trim().into());
    }
    if !p.article_date.is_empty() {
        article.insert("datePublished".into(), p.article_date.clone().into());
    }
    let outlet = (!p.outlet.trim().is_empty())
        .then(|| json!({"@type": "Organization", "name": p.outlet.trim()}));
    if let Some(o) = &outlet {
        article.insert("publisher".into(), o.clone());
    }
    let reviewer = reviewer_of(s).map(|(name, kind)| {
        let ty = match kind {
            ReviewerKind::Person => "Person",
            ReviewerKind::Organization => "Organization",
        };
        json!({"@type": ty, "name": name})
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
            rating.insert("name".into(), c.verdict.label().into());
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
            } else if let Some(o) = &outlet {
                claim.insert("author".into(), o.clone());
            }
            if !p.article_date.is_empty() {
                claim.insert("datePublished".into(), p.article_date.clone().into());
            }
            claim.insert("appearance".into(), Value::Object(article.clone()));

            let mut review = Map::new();
            review.insert("@context".into(), "https://schema.org".into());
            review.insert("@type".into(), "ClaimReview".into());
            if !p.review_url.trim().is_empty() {
                review.insert("url".into(), p.review_url.trim().into());
            }
            review.insert(
                "claimReviewed".into(),
                doc.text.slice(a.start..a.end).into(),
            );
            if let Some(r) = &reviewer {
                review.insert("author".into(), r.clone());
            }
            review.insert("datePublished".into(), date_published.into());
            review.insert("reviewRating".into(), Value::Object(rating));
            review.insert("itemReviewed".into(), Value::Object(claim));
            // Only the text marked for publication: a note is the annotator's own.
            if !c.review.trim().is_empty() {
                review.insert("reviewBody".into(), c.review.trim().into());
            }
            if !c.sources.is_empty() {
                review.insert("citation".into(), c.sources.clone().into());
            }
            Some(Value::Object(review))
        })
        .collect();
    serde_json::to_string_pretty(&reviews).unwrap_or_default() + "\n"
}
