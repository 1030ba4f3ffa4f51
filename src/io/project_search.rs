//! A search through every article of a project, shared by `newsmark search` and the window's
//! Project tab so both count the same way: every match is counted, only the first `limit` are
//! listed, and an article that cannot be read is reported without stopping the others.

use std::path::Path;

use crate::io::article;
use crate::model::annotation::Span;
use crate::model::search;

/// One listed match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectHit {
    /// Index of its article in the list searched.
    pub article: usize,
    /// Where in that article (code points into the normalized text).
    pub span: Span,
    /// The match with some text around it, on one line.
    pub context: String,
}

/// What a project search found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectSearch {
    /// The first matches, in article order and then text order.
    pub hits: Vec<ProjectHit>,
    /// Every match, listed or not.
    pub matches: usize,
    /// Articles with at least one match.
    pub articles_matched: usize,
    /// Articles read and searched.
    pub searched: usize,
    /// Why each unreadable article could not be read, in list order.
    pub unread: Vec<String>,
}

/// Searches each article of `articles` for `query` (case-insensitive, like Find), listing at
/// most `limit` hits. An empty query finds nothing; the caller decides whether to say so.
///
/// With `"said"` over two articles holding it twice and once: `matches == 3`,
/// `articles_matched == 2`, and with `limit == 2` the third hit is counted but not listed.
pub fn search_articles<P: AsRef<Path>>(articles: &[P], query: &str, limit: usize) -> ProjectSearch {
    let mut found = ProjectSearch::default();
    if query.trim().is_empty() {
        return found;
    }
    for (i, path) in articles.iter().enumerate() {
        let loaded = match article::load(path.as_ref()) {
            Ok(l) => l,
            Err(e) => {
                found.unread.push(e.to_string());
                continue;
            }
        };
        found.searched += 1;
        let text = &loaded.decoded.text;
        let matches = search::find_all(text, query);
        found.articles_matched += usize::from(!matches.is_empty());
        for m in matches {
            found.matches += 1;
            if found.hits.len() < limit {
                found.hits.push(ProjectHit {
                    article: i,
                    span: m,
                    context: search::in_context(text, m),
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

    use super::*;

    #[test]
    fn counts_every_match_lists_up_to_the_limit_and_reports_unreadable_articles() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        let c = dir.path().join("c.txt");
        let gone = dir.path().join("gone.txt");
        std::fs::write(&a, "He said it. She SAID so.").unwrap();
        std::fs::write(&b, "Nothing here.").unwrap();
        std::fs::write(&c, "“Yes,” said Noa.").unwrap();
        let list = [a, gone, b, c];

        let all = search_articles(&list, "said", usize::MAX);
        assert_eq!(all.matches, 3);
        assert_eq!(all.articles_matched, 2);
        assert_eq!(all.searched, 3);
        assert_eq!(all.unread.len(), 1);
        let spans: Vec<_> = all.hits.iter().map(|h| (h.article, h.span)).collect();
        assert_eq!(
            spans,
            [
                (0, Span::new(3, 7)),
                (0, Span::new(16, 20)),
                (3, Span::new(7, 11))
            ]
        );
        assert_eq!(all.hits[2].context, "“Yes,” [said] Noa.");

        let two = search_articles(&list, "said", 2);
        assert_eq!(
            (two.hits.len(), two.matches, two.articles_matched),
            (2, 3, 2)
        );

        assert_eq!(search_articles(&list, "  ", 10), ProjectSearch::default());
    }
}
