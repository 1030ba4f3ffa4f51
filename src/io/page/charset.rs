//! Decoding a saved web page: a byte-order mark, then the `<meta charset>` the page declares,
//! then UTF-8, then Windows-1252 — and saying so when the declaration was wrong.

use encoding_rs::Encoding;

/// A page's text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageText {
    /// The decoded HTML.
    pub html: String,
    /// The encoding used, lowercase ("utf-8", "windows-1252", "shift_jis"…).
    pub encoding: String,
    /// A sentence for the user when the page was not read as it said it should be.
    pub notice: Option<String>,
}

/// How many bytes are searched for a `<meta charset>` (the HTML standard says 1024; saved
/// pages often put long comments, styles or scripts first).
const SNIFF_BYTES: usize = 32 * 1024;

/// Decodes page bytes. A declaration that does not fit the bytes (a page that says UTF-8 but
/// is not, or says Latin-1 but is valid UTF-8 with accents) is overruled with a notice.
pub fn decode(bytes: &[u8]) -> PageText {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(body);
        return PageText {
            html: text.into_owned(),
            encoding: enc.name().to_ascii_lowercase(),
            notice: None,
        };
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    // UTF-16 cannot be declared from inside a page that was read as ASCII: it means UTF-8.
    let declared = declared_charset(bytes).map(Encoding::output_encoding);
    match (declared, utf8) {
        (Some(enc), Some(s)) if enc == encoding_rs::UTF_8 => plain(s, None),
        (Some(enc), Some(s)) if s.is_ascii() => plain(s, Some(enc)),
        (Some(enc), Some(s)) => {
            // Valid UTF-8 with non-ASCII text is almost never another encoding by chance.
            let (_, had_errors) = enc.decode_without_bom_handling(bytes);
            let why = if had_errors {
                "its bytes are not"
            } else {
                "its bytes are valid UTF-8"
            };
            PageText {
                html: s.to_owned(),
                encoding: "utf-8".into(),
                notice: Some(format!(
                    "the page declares {} but {why}: read as UTF-8",
                    enc.name()
                )),
            }
        }
        (Some(enc), None) => {
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            if !had_errors {
                return PageText {
                    html: text.into_owned(),
                    encoding: enc.name().to_ascii_lowercase(),
                    notice: None,
                };
            }
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            PageText {
                html: text.into_owned(),
                encoding: "windows-1252".into(),
                notice: Some(format!(
                    "the page declares {} but its bytes are not: read as Windows-1252 \
                     (Latin-1); check accented letters",
                    enc.name()
                )),
            }
        }
        (None, Some(s)) => plain(s, None),
        (None, None) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            PageText {
                html: text.into_owned(),
                encoding: "windows-1252".into(),
                notice: Some(
                    "the page declares no encoding and is not valid UTF-8: read as \
                     Windows-1252 (Latin-1)"
                        .into(),
                ),
            }
        }
    }
}

fn plain(s: &str, declared: Option<&'static Encoding>) -> PageText {
    PageText {
        html: s.to_owned(),
        encoding: declared.map_or_else(|| "utf-8".into(), |e| e.name().to_ascii_lowercase()),
        notice: None,
    }
}

/// The encoding named by `<meta charset=…>` or `<meta http-equiv=Content-Type content="…;
/// charset=…">` near the start of the page, if encoding_rs knows it.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(SNIFF_BYTES)).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    // An XHTML page may name it in its XML declaration: `<?xml … encoding="ISO-8859-1"?>`.
    if lower.starts_with(b"<?xml")
        && let Some(end) = memchr::memmem::find(&lower, b"?>")
        && let Some(label) = lower
            .get(..end)
            .and_then(|decl| value_after(decl, b"encoding"))
        && let Some(enc) = Encoding::for_label(label)
    {
        return Some(enc);
    }
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(lower.get(from..)?, b"<meta") {
        let start = from + at;
        let end = lower
            .get(start..)
            .and_then(|rest| memchr::memchr(b'>', rest))
            .map_or(lower.len(), |e| start + e);
        let tag = lower.get(start..end).unwrap_or_default();
        if let Some(label) = charset_in(tag)
            && let Some(enc) = Encoding::for_label(label)
        {
            return Some(enc);
        }
        from = end;
    }
    None
}

/// The value after `charset=` in a tag, without quotes.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    value_after(tag, b"charset")
}

/// The value after `NAME=` in a tag, without quotes.
fn value_after<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let at = memchr::memmem::find(tag, name)?;
    let rest = tag.get(at + name.len()..)?;
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
        .unwrap_or(rest.len());
    rest.get(..len).filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_followed() {
        let (bytes, _, _) =
            encoding_rs::SHIFT_JIS.encode("<meta charset=\"Shift_JIS\"><p>日本語</p>");
        let t = decode(&bytes);
        assert_eq!(t.encoding, "shift_jis");
        assert!(t.html.contains("日本語"), "{}", t.html);
        assert_eq!(t.notice, None);
    }

    #[test]
    fn http_equiv_charset_is_followed() {
        let page =
            b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>caf\xe9";
        let t = decode(page);
        assert_eq!(
            (t.encoding.as_str(), t.html.ends_with("café")),
            ("windows-1252", true)
        );
    }

    #[test]
    fn a_wrong_declaration_is_overruled_and_said() {
        let t = decode("<meta charset=iso-8859-1><p>café</p>".as_bytes());
        assert_eq!(t.encoding, "utf-8");
        assert!(t.html.contains("café"));
        assert!(t.notice.unwrap().contains("declares windows-1252"));
        let t = decode(b"<meta charset=utf-8><p>caf\xe9</p>");
        assert_eq!(t.encoding, "windows-1252");
        assert!(t.html.contains("café"));
        assert!(
            t.notice
                .unwrap()
                .contains("declares UTF-8 but its bytes are not")
        );
    }

    #[test]
    fn an_xml_declaration_names_the_encoding() {
        let t = decode(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><p>caf\xe9</p>");
        assert_eq!((t.encoding.as_str(), t.notice), ("windows-1252", None));
        assert!(t.html.contains("café"));
    }

    #[test]
    fn no_declaration() {
        assert_eq!(decode("<p>ü</p>".as_bytes()).encoding, "utf-8");
        let t = decode(b"<p>\xfc</p>");
        assert_eq!(
            (t.html.as_str(), t.encoding.as_str()),
            ("<p>ü</p>", "windows-1252")
        );
        assert!(t.notice.is_some());
    }
}
