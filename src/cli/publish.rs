//! `newsmark export`'s publication flags: they override the session's publication metadata
//! (what ClaimReview and W3C need beyond the annotations) for this export only.

use anyhow::bail;
use clap::Args;

use crate::model::session::{Publication, ReviewerKind};

/// Flags that override the session's publication metadata.
#[derive(Clone, Debug, Default, Args)]
pub struct PublicationFlags {
    /// URL of the published fact-check (ClaimReview `url`).
    #[arg(long)]
    pub url: Option<String>,
    /// Public URL of the article (ClaimReview `appearance`, W3C `target.source`).
    #[arg(long)]
    pub article_url: Option<String>,
    /// Who reviewed the claims (ClaimReview `author`).
    #[arg(long)]
    pub author: Option<String>,
    /// Whether the author is a person or an organization.
    #[arg(long, value_parser = reviewer_kind)]
    pub author_kind: Option<ReviewerKind>,
    /// Outlet that published the article.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Date the article was published, YYYY-MM-DD.
    #[arg(long)]
    pub article_date: Option<String>,
}

impl PublicationFlags {
    /// `p` with every given flag in place of the session's value.
    pub fn apply(&self, p: &mut Publication) -> anyhow::Result<()> {
        if let Some(d) = &self.article_date {
            if !super::transfer::is_iso_date(d) {
                bail!("--article-date {d} is not a date like 2024-05-01");
            }
            p.article_date = d.clone();
        }
        let set = |to: &mut String, from: &Option<String>| {
            if let Some(v) = from {
                v.trim().clone_into(to);
            }
        };
        set(&mut p.review_url, &self.url);
        set(&mut p.article_url, &self.article_url);
        set(&mut p.reviewer, &self.author);
        set(&mut p.outlet, &self.outlet);
        if let Some(k) = self.author_kind {
            p.reviewer_kind = k;
        }
        Ok(())
    }
}

/// Parses `--author-kind person|organization`.
fn reviewer_kind(s: &str) -> Result<ReviewerKind, String> {
    match s.to_ascii_lowercase().as_str() {
        "person" => Ok(ReviewerKind::Person),
        "organization" | "organisation" => Ok(ReviewerKind::Organization),
        _ => Err("possible values: person, organization".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_only_what_is_given() {
        let mut p = Publication {
            outlet: "Kept".into(),
            review_url: "https://old".into(),
            ..Publication::default()
        };
        let flags = PublicationFlags {
            url: Some(" https://new/review ".into()),
            author_kind: Some(ReviewerKind::Organization),
            ..PublicationFlags::default()
        };
        assert!(flags.apply(&mut p).is_ok());
        assert_eq!(p.review_url, "https://new/review");
        assert_eq!(p.outlet, "Kept");
        assert_eq!(p.reviewer_kind, ReviewerKind::Organization);
        assert_eq!(
            reviewer_kind("Organisation"),
            Ok(ReviewerKind::Organization)
        );
        let bad = PublicationFlags {
            article_date: Some("May 1".into()),
            ..PublicationFlags::default()
        };
        assert!(bad.apply(&mut p).is_err());
    }
}
