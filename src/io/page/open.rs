//! Opening a page as a session: the text is extracted once and written as `STORY.txt` beside
//! `STORY.html`; the session starts on that file and records where it came from.

use std::path::{Path, PathBuf};

use super::{Extracted, PageError};
use crate::io::article::{self, ArticleError};
use crate::io::disk;
use crate::model::session::{PageSource, Publication, Session};

/// Why a page could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum PageOpenError {
    /// The page gave no article.
    #[error(transparent)]
    Page(#[from] PageError),
    /// The text could not be written beside the page.
    #[error("cannot write the article text to {}: {reason}; copy the page to a folder you can write to", .path.display())]
    Unwritable {
        /// Where it was to go.
        path: PathBuf,
        /// Why not.
        reason: String,
    },
    /// The text file beside the page could not be read back.
    #[error(transparent)]
    Article(#[from] ArticleError),
}

/// A session opened on a page's text file, with what the user should know.
#[derive(Debug)]
pub struct OpenedPage {
    /// The new session (its article is the text file).
    pub session: Session,
    /// The decoded text.
    pub text: crate::model::text::ArticleText,
    /// What happened: extracted and written, reused, or kept although it differs.
    pub notices: Vec<String>,
}

/// Where a page's text goes: `STORY.txt` beside `STORY.html`.
pub fn text_path(page: &Path) -> PathBuf {
    page.with_extension("txt")
}

/// The text file's bytes for an article: its text and a final line break.
pub fn text_bytes(article_text: &str) -> Vec<u8> {
    let mut s = article_text.to_owned();
    s.push('\n');
    s.into_bytes()
}

/// What writing `bytes` to `path` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A new file.
    Created,
    /// The file was there already with these very bytes.
    Same,
    /// A different file was there and was left alone.
    KeptDifferent,
}

/// Writes `bytes` to `path` unless a file is there; a file with other bytes is never replaced.
pub fn write_once(path: &Path, bytes: &[u8]) -> Result<Written, PageOpenError> {
    match std::fs::symlink_metadata(path) {
        Ok(_) => {
            let existing =
                disk::read_regular(path, disk::MAX_ARTICLE_BYTES, "article").map_err(|e| {
                    PageOpenError::Unwritable {
                        path: path.to_owned(),
                        reason: e.to_string(),
                    }
                })?;
            Ok(if existing == bytes {
                Written::Same
            } else {
                Written::KeptDifferent
            })
        }
        Err(_) => disk::write_atomically(path, bytes)
            .map(|()| Written::Created)
            .map_err(|e| PageOpenError::Unwritable {
                path: path.to_owned(),
                reason: e.to_string(),
            }),
    }
}

/// Extracts `page` (a web page or Markdown file), writes its text beside it once, and starts a
/// session on that text with the page's provenance and publication details.
pub fn open(page: &Path) -> Result<OpenedPage, PageOpenError> {
    let extracted = super::extract_file(page)?;
    let target = text_path(page);
    let written = write_once(&target, &text_bytes(&extracted.article.text))?;
    let loaded = article::load(&target)?;
    let mut notices = extracted.notices.clone();
    let page_name = file_name(page);
    let text_name = file_name(&target);
    notices.push(match written {
        Written::Created => format!(
            "extracted the article of {page_name} ({} words) to {text_name}",
            words(&extracted.article.text)
        ),
        Written::Same => format!("the article of {page_name} is {text_name}, as extracted before"),
        Written::KeptDifferent => format!(
            "{text_name} is not what {page_name} gives now (the page changed, or the text was \
             edited): kept and opened {text_name} as it is; rename it to extract the page again"
        ),
    });
    let mut session = Session::new(loaded.reference);
    session.source = Some(provenance(&page_name, &extracted));
    session.publication = publication(&extracted);
    Ok(OpenedPage {
        session,
        text: loaded.decoded.text,
        notices,
    })
}

/// The provenance record of an extraction.
pub fn provenance(page_name: &str, e: &Extracted) -> PageSource {
    PageSource {
        page: page_name.to_owned(),
        sha256: e.sha256.clone(),
        url: e.article.meta.url.clone().unwrap_or_default(),
        title: e.article.meta.title.clone().unwrap_or_default(),
        extractor: e.extractor.to_owned(),
        extractor_version: e.extractor_version.to_owned(),
    }
}

/// The publication details a page gives: its URL, outlet and date.
pub fn publication(e: &Extracted) -> Publication {
    let meta = &e.article.meta;
    Publication {
        article_url: meta.url.clone().unwrap_or_default(),
        outlet: meta.site.clone().unwrap_or_default(),
        article_date: meta
            .published
            .as_deref()
            .and_then(super::date::day)
            .unwrap_or_default()
            .to_owned(),
        ..Publication::default()
    }
}

/// A sentence when the page a session's text came from changed since: the session keeps its
/// text, and says so. `article` is the text file's path.
pub fn changed_page_notice(source: &PageSource, article: &Path) -> Option<String> {
    let page = article.parent()?.join(&source.page);
    let bytes = disk::read_regular(&page, super::MAX_PAGE_BYTES, "web page").ok()?;
    (article::sha256_hex(&bytes) != source.sha256).then(|| {
        format!(
            "{} changed since its text was extracted: the session keeps its text {} (offsets \
             count in it); to annotate the new page, rename {} and open the page",
            source.page,
            file_name(article),
            file_name(article)
        )
    })
}

/// Marks a page newsmark made of a clipboard copy: when Readability finds no article in it,
/// the whole copy is the article (the user chose it).
pub const PASTED_MARK: &str = "<meta name=\"generator\" content=\"newsmark clipboard\">";

/// Writes a clipboard copy as a page `DIR/pasted-DATE.html` (`-2`, `-3`… when taken, also by
/// its text file), with `url` as its canonical URL, and returns its path.
pub fn write_pasted(
    dir: &Path,
    content: &str,
    html: bool,
    url: &str,
    date: &str,
) -> Result<PathBuf, PageOpenError> {
    let unwritable = |path: &Path, reason: String| PageOpenError::Unwritable {
        path: path.to_owned(),
        reason,
    };
    std::fs::create_dir_all(dir).map_err(|e| unwritable(dir, disk::describe(&e)))?;
    let page = (1..)
        .map(|n| match n {
            1 => dir.join(format!("pasted-{date}.html")),
            n => dir.join(format!("pasted-{date}-{n}.html")),
        })
        .find(|p| !p.exists() && !text_path(p).exists())
        .unwrap_or_else(|| dir.join("pasted.html"));
    let body = if html {
        content.to_owned()
    } else {
        content
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .map(|p| format!("<p>{}</p>\n", escape(p.trim())))
            .collect()
    };
    let canonical = match url.trim() {
        "" => String::new(),
        u => format!("<link rel=\"canonical\" href=\"{}\">", escape(u)),
    };
    let doc = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">{PASTED_MARK}{canonical}</head>\
         <body>\n{body}\n</body></html>\n"
    );
    disk::write_atomically(&page, doc.as_bytes()).map_err(|e| unwritable(&page, e.to_string()))?;
    Ok(page)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Words of a text, as a reader counts them.
pub fn words(text: &str) -> usize {
    unicode_segmentation::UnicodeSegmentation::unicode_words(text).count()
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
