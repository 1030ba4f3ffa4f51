//! Reading an article file: decoding, BOM and line-ending normalization, hashing.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::io::disk::{self, ReadError};
use crate::model::session::ArticleRef;
use crate::model::text::{ArticleText, normalize_line_endings};

/// Why an article could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The file could not be read (missing, not a regular file, too large).
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The file name cannot be stored in a session exactly.
    #[error("{} cannot be opened as an article: its name is not valid UTF-8, so a session could not find it again; rename the file or its folders", .0.display())]
    NameNotUtf8(PathBuf),
    /// The bytes are not text.
    #[error("{} is not a text article: {why}", .path.display())]
    NotText {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        why: DecodeError,
    },
}

/// Why bytes are not accepted as article text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No text at all.
    #[error("the file is empty")]
    Empty,
    /// NUL bytes: a binary file, or UTF-16 without a byte-order mark.
    #[error("it contains NUL bytes (a binary file?)")]
    Nul,
    /// Too many control characters to be prose.
    #[error("it contains {0} control characters (a binary file?)")]
    Control(usize),
}

/// Text decoded from an article file, with what was done to it.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The normalized text.
    pub text: ArticleText,
    /// "utf-8", "utf-16le", "utf-16be" or "windows-1252".
    pub encoding: &'static str,
    /// A byte-order mark was stripped.
    pub had_bom: bool,
    /// CR or CRLF line endings were turned into LF.
    pub had_crlf: bool,
}

impl Decoded {
    /// A sentence for the user when the text was not plain UTF-8 with LF line endings.
    pub fn notice(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.encoding == "windows-1252" {
            parts.push("not valid UTF-8: decoded as Windows-1252 (Latin-1)".to_owned());
        } else if self.encoding != "utf-8" {
            parts.push(format!("decoded as {}", self.encoding));
        }
        if self.had_bom {
            parts.push("byte-order mark removed".to_owned());
        }
        if self.had_crlf {
            parts.push("CRLF line endings shown as LF".to_owned());
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// Decodes article bytes: UTF-8 (BOM stripped), UTF-16 with a BOM, otherwise Windows-1252.
/// Refuses empty and binary input.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (raw, encoding, had_bom): (String, &'static str, bool) =
        if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
            let body = bytes.get(bom_len..).unwrap_or_default();
            let (text, _) = enc.decode_without_bom_handling(body);
            let name = match enc.name() {
                "UTF-16LE" => "utf-16le",
                "UTF-16BE" => "utf-16be",
                _ => "utf-8",
            };
            (text.into_owned(), name, true)
        } else if let Ok(s) = std::str::from_utf8(bytes) {
            (s.to_owned(), "utf-8", false)
        } else {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), "windows-1252", false)
        };
    if raw.contains('\0') {
        return Err(DecodeError::Nul);
    }
    let control = raw
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control > 0 && control * 100 > raw.chars().count().max(1) {
        return Err(DecodeError::Control(control));
    }
    if raw.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let (text, had_crlf) = normalize_line_endings(&raw);
    Ok(Decoded {
        text: ArticleText::new(text),
        encoding,
        had_bom,
        had_crlf,
    })
}

/// Lowercase hex SHA-256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// An article read from disk.
#[derive(Debug, Clone)]
pub struct LoadedArticle {
    /// The decoded text.
    pub decoded: Decoded,
    /// Reference for the session, with the path as given.
    pub reference: ArticleRef,
}

/// Reads and decodes an article file.
pub fn load(path: &Path) -> Result<LoadedArticle, ArticleError> {
    let name = path
        .to_str()
        .ok_or_else(|| ArticleError::NameNotUtf8(path.to_owned()))?;
    let bytes = disk::read_regular(path, disk::MAX_ARTICLE_BYTES, "article")?;
    let decoded = decode(&bytes).map_err(|why| ArticleError::NotText {
        path: path.to_owned(),
        why,
    })?;
    let reference = ArticleRef {
        path: name.to_owned(),
        sha256: sha256_hex(&bytes),
        chars: decoded.text.len_chars(),
        encoding: decoded.encoding.to_owned(),
        had_bom: decoded.had_bom,
        had_crlf: decoded.had_crlf,
    };
    Ok(LoadedArticle { decoded, reference })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let d = decode("\u{feff}“Hi,” 😀\r\nsaid e\u{301}.".as_bytes()).unwrap();
        assert_eq!(d.text.as_str(), "“Hi,” 😀\nsaid e\u{301}.");
        assert_eq!((d.encoding, d.had_bom, d.had_crlf), ("utf-8", true, true));
        assert!(d.notice().unwrap().contains("byte-order mark"));
    }

    #[test]
    fn latin1_falls_back_to_windows_1252_with_a_notice() {
        let d = decode(b"caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(d.text.as_str(), "café “quoted”");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.notice().unwrap().contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Né".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Né", "utf-16le"));
    }

    #[test]
    fn refuses_empty_nul_and_binary() {
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\r\n").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b"ab\0cd").unwrap_err(), DecodeError::Nul);
        let png = [0x89, b'P', b'N', b'G', 0x1a, 0x02, 0x03, 0x04, 0x05, 0x06];
        assert!(matches!(decode(&png), Err(DecodeError::Control(_))));
    }

    #[test]
    fn sha256_is_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
