//! Articles as they are found: saved web pages (`.html`, `.htm`, `.xhtml`, and "Web page,
//! complete" folders) and Markdown files. Their text is extracted once and written as a plain
//! text article beside them, so offsets never depend on a later extractor.

mod blocks;
mod charset;
pub mod date;
mod extract;
mod guard;
pub mod markdown;
pub mod open;

use std::path::{Path, PathBuf};

pub use charset::{PageText, decode};
pub use extract::{Article, ExtractError, MIN_ARTICLE_WORDS, PageMeta, extract};

use crate::io::article::{DecodeError, sha256_hex};
use crate::io::disk::{self, ReadError};

/// The extractor recorded in sessions of web pages.
pub const EXTRACTOR: &str = "dom_smoothie";
/// Its version (a test checks it against Cargo.lock).
pub const EXTRACTOR_VERSION: &str = "0.19.0";
/// The extractor recorded for a short clipboard copy taken whole (`dom_query`'s text of it).
pub const CLIPBOARD_EXTRACTOR: &str = "dom_smoothie (whole clipboard copy)";
/// The extractor recorded for Markdown articles.
pub const MARKDOWN_EXTRACTOR: &str = "newsmark-markdown";
/// Largest page read, in bytes (16 MiB): a saved news page is rarely over 3 MB, and a larger
/// one is a data dump or a page with its images inlined.
pub const MAX_PAGE_BYTES: u64 = 16 << 20;

/// Why a page gave no article.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// Missing, not a regular file, or larger than [`MAX_PAGE_BYTES`].
    #[error(transparent)]
    Read(#[from] ReadError),
    /// Nothing but white space.
    #[error("{} is empty: there is no page to extract", .0.display())]
    Empty(PathBuf),
    /// Binary data with a page's name.
    #[error("{} is not a web page: {why}", .path.display())]
    NotText {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        why: DecodeError,
    },
    /// Elements nested deeper than any real page (the parser would take minutes).
    #[error("{} is not extracted: its elements nest {depth} deep, more than the {} newsmark reads (a news page nests under 100)", .path.display(), guard::MAX_DEPTH)]
    TooDeep {
        /// The file.
        path: PathBuf,
        /// How deep.
        depth: usize,
    },
    /// A page with no article in it.
    #[error("{}: {why}", .path.display())]
    NoArticle {
        /// The file.
        path: PathBuf,
        /// How much text there was instead.
        why: ExtractError,
    },
}

/// A page's article and how the page was read.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The article and its metadata.
    pub article: Article,
    /// The encoding the page was decoded from.
    pub encoding: String,
    /// What the user should know about how the page was read.
    pub notices: Vec<String>,
    /// SHA-256 of the page's bytes.
    pub sha256: String,
    /// Which extractor made the text.
    pub extractor: &'static str,
    /// Its version.
    pub extractor_version: &'static str,
}

/// True for the names of saved web pages: `.html`, `.htm`, `.xhtml`, `.shtml`.
pub fn is_page(path: &Path) -> bool {
    has_extension(path, &["html", "htm", "xhtml", "shtml"])
}

/// True for Markdown files: `.md`, `.markdown`.
pub fn is_markdown(path: &Path) -> bool {
    has_extension(path, &["md", "markdown"])
}

fn has_extension(path: &Path, exts: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The page of a "Web page, complete" folder: for `story_files/` (or `story-Dateien/`…), the
/// `story.html` beside it; for a folder holding one page and its `_files` folder, that page.
/// A project folder (one with a `.newsmark` folder, see `io::project::SESSIONS`) is never a
/// page.
pub fn page_of_folder(dir: &Path) -> Option<PathBuf> {
    if let Some(page) = page_of_resources(dir) {
        return Some(page);
    }
    if dir.join(".newsmark").exists() {
        return None;
    }
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let pages: Vec<&PathBuf> = entries
        .iter()
        .filter(|p| is_page(p) && p.is_file())
        .collect();
    let [page] = pages.as_slice() else {
        return None;
    };
    let stem = page.file_stem()?.to_str()?;
    let has_files = entries.iter().any(|p| {
        p.is_dir()
            && p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(stem))
    });
    has_files.then(|| (*page).clone())
}

/// What browsers call a saved page's folder of resources (`story_files`, `story-Dateien`…), by
/// the language of the browser.
const RESOURCE_SUFFIXES: [&str; 13] = [
    "files",
    "dateien",
    "archivos",
    "fichiers",
    "file",
    "bestanden",
    "filer",
    "tiedostot",
    "pliki",
    "soubory",
    "arquivos",
    "файлы",
    "ファイル",
];

/// For a page's resource folder (`story_files/`, `story-Dateien/`…), the page beside it.
pub fn page_of_resources(dir: &Path) -> Option<PathBuf> {
    let name = dir.file_name()?.to_str()?;
    let (stem, suffix) = name.rsplit_once(['_', '-'])?;
    if !RESOURCE_SUFFIXES.contains(&suffix.to_lowercase().as_str()) {
        return None;
    }
    let parent = dir.parent()?;
    ["html", "htm", "xhtml"]
        .iter()
        .map(|ext| parent.join(format!("{stem}.{ext}")))
        .find(|page| page.is_file())
}

/// Reads a page (or Markdown file) and extracts its article.
pub fn extract_file(path: &Path) -> Result<Extracted, PageError> {
    let bytes = disk::read_regular(path, MAX_PAGE_BYTES, "web page")?;
    if is_markdown(path) {
        return markdown_bytes(&bytes, path);
    }
    extract_bytes(&bytes, path)
}

/// Extracts the article of page bytes; `path` names the page in messages.
pub fn extract_bytes(bytes: &[u8], path: &Path) -> Result<Extracted, PageError> {
    let page = checked_text(bytes, path)?;
    let (article, extractor) = match extract(&page.html) {
        Ok(article) => (article, EXTRACTOR),
        // A clipboard copy is what the user chose: all of its text is the article.
        Err(_) if page.html.contains(open::PASTED_MARK) => {
            (extract::whole(&page.html), CLIPBOARD_EXTRACTOR)
        }
        Err(why) => {
            return Err(PageError::NoArticle {
                path: path.to_owned(),
                why,
            });
        }
    };
    if article.text.trim().is_empty() {
        return Err(PageError::Empty(path.to_owned()));
    }
    Ok(Extracted {
        article,
        encoding: page.encoding,
        notices: page.notice.into_iter().collect(),
        sha256: sha256_hex(bytes),
        extractor,
        extractor_version: EXTRACTOR_VERSION,
    })
}

fn markdown_bytes(bytes: &[u8], path: &Path) -> Result<Extracted, PageError> {
    let decoded = crate::io::article::decode(bytes).map_err(|why| match why {
        DecodeError::Empty => PageError::Empty(path.to_owned()),
        why => PageError::NotText {
            path: path.to_owned(),
            why,
        },
    })?;
    let text = markdown::to_text(decoded.text.as_str());
    if text.trim().is_empty() {
        return Err(PageError::Empty(path.to_owned()));
    }
    let title = decoded
        .text
        .as_str()
        .lines()
        .find(|l| l.starts_with("# "))
        .map(markdown::to_text);
    Ok(Extracted {
        article: Article {
            meta: PageMeta {
                title,
                ..PageMeta::default()
            },
            text,
        },
        encoding: decoded.encoding.to_owned(),
        notices: decoded.notice().into_iter().collect(),
        sha256: sha256_hex(bytes),
        extractor: MARKDOWN_EXTRACTOR,
        extractor_version: env!("CARGO_PKG_VERSION"),
    })
}

/// The page decoded, or why it is not a page: empty, NUL bytes, or control characters.
fn checked_text(bytes: &[u8], path: &Path) -> Result<PageText, PageError> {
    let page = decode(bytes);
    if page.html.trim().is_empty() {
        return Err(PageError::Empty(path.to_owned()));
    }
    let not_text = |why| PageError::NotText {
        path: path.to_owned(),
        why,
    };
    if page.html.contains('\0') {
        return Err(not_text(DecodeError::Nul));
    }
    let control = page
        .html
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control > 0 && control * 100 > page.html.chars().count().max(1) {
        return Err(not_text(DecodeError::Control(control)));
    }
    let depth = guard::max_depth(&page.html);
    if depth > guard::MAX_DEPTH {
        return Err(PageError::TooDeep {
            path: path.to_owned(),
            depth,
        });
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_version_is_the_locked_one() {
        let lock = include_str!("../../../Cargo.lock");
        let want = format!("name = \"dom_smoothie\"\nversion = \"{EXTRACTOR_VERSION}\"");
        assert!(
            lock.contains(&want),
            "update EXTRACTOR_VERSION to Cargo.lock's dom_smoothie"
        );
    }

    #[test]
    fn page_names() {
        assert!(is_page(Path::new("a/Story.HTML")) && is_page(Path::new("s.xhtml")));
        assert!(!is_page(Path::new("s.txt")) && is_markdown(Path::new("notes.md")));
    }

    #[test]
    fn a_pages_resource_folder_is_known_by_the_browsers_names_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("story.html"), "<p>x</p>").unwrap();
        std::fs::write(d.join("2024.html"), "<p>x</p>").unwrap();
        for sub in ["story_files", "story-Dateien", "2024-news"] {
            std::fs::create_dir(d.join(sub)).unwrap();
        }
        assert_eq!(
            page_of_resources(&d.join("story_files")),
            Some(d.join("story.html"))
        );
        assert_eq!(
            page_of_resources(&d.join("story-Dateien")),
            Some(d.join("story.html"))
        );
        assert_eq!(page_of_resources(&d.join("2024-news")), None);
    }

    #[test]
    fn binary_and_empty_pages_are_refused() {
        let p = Path::new("x.html");
        assert!(matches!(
            extract_bytes(b"  \n", p),
            Err(PageError::Empty(_))
        ));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let e = extract_bytes(png, p).unwrap_err().to_string();
        assert!(e.contains("is not a web page"), "{e}");
    }
}
