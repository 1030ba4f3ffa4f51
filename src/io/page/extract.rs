//! Finding the article in a page's HTML: Mozilla Readability (as ported by `dom_smoothie`) for
//! the text, title, byline and outlet, and the page's `<link rel=canonical>`, Open Graph,
//! schema.org JSON-LD and `<meta>` tags for what Readability leaves out.

use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability, TextMode};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation as _;

/// What a page says about its article. Every field may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PageMeta {
    /// The headline.
    pub title: Option<String>,
    /// The author(s).
    pub byline: Option<String>,
    /// When it was published, ISO 8601 (a date, or a date and time).
    pub published: Option<String>,
    /// The canonical URL, or `og:url`.
    pub url: Option<String>,
    /// The outlet (`og:site_name`, or the JSON-LD publisher).
    pub site: Option<String>,
    /// The page's language (`<html lang>`).
    pub lang: Option<String>,
    /// "rtl" or "ltr" when the page says (or its language is written right to left).
    pub dir: Option<String>,
}

/// The article found in a page: its metadata and its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Article {
    /// What the page says about the article.
    #[serde(flatten)]
    pub meta: PageMeta,
    /// Paragraphs and headings, as blocks separated by a blank line.
    pub text: String,
}

/// Fewer words than this outside links is never an article (a menu, a cookie wall).
pub const MIN_ARTICLE_WORDS: usize = 15;
/// Fewer words than this outside links is not an article either when most words are links
/// (an index of headlines, a footer).
pub const SHORT_ARTICLE_WORDS: usize = 50;

/// Why no article was found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// Readability found nothing, or only a few words, most of them links.
    #[error("found no article text: {words} words of navigation")]
    NoArticle {
        /// Words of text on the whole page (menus, links, footers).
        words: usize,
    },
}

/// Finds the article in `html`.
pub fn extract(html: &str) -> Result<Article, ExtractError> {
    let cfg = Config {
        // The text is made from the article's HTML by `blocks`, not by dom_smoothie.
        text_mode: TextMode::Raw,
        max_elements_to_parse: 0,
        ..Config::default()
    };
    let no_article = || ExtractError::NoArticle {
        words: page_words(html),
    };
    let mut readability = Readability::new(html, None, Some(cfg)).map_err(|_| no_article())?;
    let found = Found::collect(&readability.doc);
    let parsed = readability.parse().map_err(|_| no_article())?;
    let content = Dom::from(parsed.content.as_ref());
    let text = content
        .select("body")
        .nodes()
        .first()
        .map(|body| tidy(&super::blocks::block_text(body)))
        .unwrap_or_default();
    let (prose, links) = prose_and_link_words(&content);
    if prose < MIN_ARTICLE_WORDS || (prose < SHORT_ARTICLE_WORDS && links > prose) {
        return Err(no_article());
    }
    let lang = clean(parsed.lang).or(found.lang);
    let dir = clean(parsed.dir)
        .or(found.dir)
        .map(|d| d.to_ascii_lowercase())
        .or_else(|| {
            lang.as_deref()
                .filter(|l| is_rtl_language(l))
                .map(|_| "rtl".to_owned())
        });
    let published = clean(parsed.published_time)
        .or(found.published)
        .map(|raw| super::date::iso(&raw).unwrap_or(raw));
    Ok(Article {
        meta: PageMeta {
            title: clean(Some(parsed.title)),
            byline: clean(parsed.byline),
            published,
            url: found
                .url
                .or_else(|| clean(parsed.url).filter(|u| is_web_url(u))),
            site: clean(parsed.site_name),
            lang,
            dir,
        },
        text,
    })
}

/// All the text of a page (a clipboard copy), with the URL and language its head gives.
pub fn whole(html: &str) -> Article {
    let doc = Dom::from(html);
    let found = Found::collect(&doc);
    let text = doc
        .select("body")
        .nodes()
        .first()
        .map(|body| tidy(&super::blocks::block_text(body)))
        .unwrap_or_default();
    Article {
        meta: PageMeta {
            url: found.url,
            lang: found.lang,
            dir: found.dir,
            ..PageMeta::default()
        },
        text,
    }
}

/// What the page's head says that Readability does not report.
#[derive(Default)]
struct Found {
    url: Option<String>,
    published: Option<String>,
    lang: Option<String>,
    dir: Option<String>,
}

impl Found {
    fn collect(doc: &Dom) -> Self {
        let attr = |sel: &str, name: &str| {
            doc.select(sel)
                .nodes()
                .iter()
                .find_map(|n| n.attr(name).and_then(|v| clean(Some(v.to_string()))))
        };
        let url = attr("link[rel~=canonical]", "href")
            .filter(|u| is_web_url(u))
            .or_else(|| attr("meta[property='og:url']", "content").filter(|u| is_web_url(u)));
        let published = attr("meta[itemprop=datePublished]", "content")
            .or_else(|| attr("[itemprop=datePublished][datetime]", "datetime"))
            .or_else(|| {
                DATE_NAMES
                    .iter()
                    .find_map(|n| attr(&format!("meta[name='{n}' i]"), "content"))
            })
            .or_else(|| attr("time[pubdate][datetime]", "datetime"));
        Self {
            url,
            published,
            lang: attr("meta[http-equiv='content-language' i]", "content"),
            dir: attr("html[dir]", "dir").or_else(|| attr("body[dir]", "dir")),
        }
    }
}

/// `<meta name>`s outlets use for the publication date.
const DATE_NAMES: [&str; 8] = [
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
];

fn clean(s: Option<String>) -> Option<String> {
    let s = s?;
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn is_web_url(u: &str) -> bool {
    let lower = u.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn is_rtl_language(lang: &str) -> bool {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "ar" | "he" | "iw" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "ckb" | "dv"
    )
}

/// Blocks separated by exactly one blank line, lines trimmed, no blank line at either end.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out
}

/// Words of the extracted article outside links, and in links (the links are removed).
fn prose_and_link_words(doc: &Dom) -> (usize, usize) {
    let links = doc.select("a").formatted_text().unicode_words().count();
    doc.select("a").remove();
    (
        doc.select("body").formatted_text().unicode_words().count(),
        links,
    )
}

/// Words a reader sees on the whole page (scripts and styles left out).
fn page_words(html: &str) -> usize {
    let doc = Dom::from(html);
    doc.select("script, style, noscript, template").remove();
    doc.select("body").formatted_text().unicode_words().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_separated_by_one_blank_line() {
        assert_eq!(tidy("\n\n  A  b \n\n\n\nC\nD\n\n"), "A b\n\nC\nD");
    }

    #[test]
    fn a_menu_is_not_an_article() {
        let html = "<html><body><nav><a href=/a>Home</a> <a href=/b>World</a> <a href=/c>Sport</a></nav>\
                    <p>Subscribe now.</p></body></html>";
        assert_eq!(extract(html), Err(ExtractError::NoArticle { words: 5 }));
    }

    #[test]
    fn a_short_brief_is_an_article_a_list_of_headlines_is_not() {
        let brief = "<html><body><article><p>The city council approved the new budget on \
                     Monday evening after a debate of six hours, the mayor said.</p></article>\
                     </body></html>";
        assert!(extract(brief).is_ok());
        let links: String = (0..12)
            .map(|i| format!("<li><a href=/s{i}>Headline number {i} about the news</a></li>"))
            .collect();
        let index = format!(
            "<html><body><div class=content><ul>{links}</ul><p>Our most read stories today, \
             picked for you by our editors.</p></div></body></html>"
        );
        assert!(matches!(
            extract(&index),
            Err(ExtractError::NoArticle { .. })
        ));
    }

    #[test]
    fn rtl_from_the_language() {
        assert!(is_rtl_language("ar-EG") && is_rtl_language("he") && !is_rtl_language("en"));
    }
}
