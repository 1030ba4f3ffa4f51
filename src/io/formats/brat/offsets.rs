//! Offset conventions of `.ann` files made by other tools. newsmark counts code points of the
//! normalized text (no BOM, LF line endings); some tools count the byte-order mark, or CR and
//! LF as two characters, when the original file had them. The convention is detected from the
//! span texts the file itself records, and offsets are converted — never guessed per line.

use crate::model::annotation::Span;
use crate::model::text::ArticleText;

/// How a file counts offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Convention {
    /// Code points of the normalized text (newsmark, brat on LF text).
    Normalized,
    /// The byte-order mark counts as one character.
    Bom,
    /// Every line break counts as two characters (CR LF).
    Crlf,
    /// Both.
    BomCrlf,
}

impl Convention {
    /// Words for the report.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Normalized => "code points of the text with LF line endings",
            Self::Bom => "the byte-order mark as a character",
            Self::Crlf => "CR LF line endings as two characters",
            Self::BomCrlf => "the byte-order mark and CR LF line endings as characters",
        }
    }
}

/// Converts offsets written under a convention into normalized code points.
pub struct Converter {
    convention: Convention,
    /// Code point positions of the `\n`s of the normalized text, ascending.
    newlines: Vec<usize>,
}

impl Converter {
    /// A converter for `text` under `convention`.
    pub fn new(text: &ArticleText, convention: Convention) -> Self {
        let newlines = if matches!(convention, Convention::Crlf | Convention::BomCrlf) {
            text.as_str()
                .chars()
                .enumerate()
                .filter(|(_, c)| *c == '\n')
                .map(|(i, _)| i)
                .collect()
        } else {
            Vec::new()
        };
        Self {
            convention,
            newlines,
        }
    }

    /// The normalized offset of a written one, or `None` when it cannot be one (before the
    /// BOM's end).
    pub fn convert(&self, written: usize) -> Option<usize> {
        let o = match self.convention {
            Convention::Normalized | Convention::Crlf => written,
            Convention::Bom | Convention::BomCrlf => written.checked_sub(1)?,
        };
        if self.newlines.is_empty() {
            return Some(o);
        }
        // Newline i sits at normalized p_i and at raw p_i + i (CR), p_i + i + 1 (LF): the
        // newlines wholly before raw offset o are those with p_i + i + 2 <= o (a monotone
        // condition, so a binary search finds how many).
        let (mut lo, mut hi) = (0, self.newlines.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let p = self.newlines.get(mid).copied().unwrap_or(usize::MAX);
            if p.saturating_add(mid + 2) <= o {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let before = lo;
        o.checked_sub(before)
    }

    /// Converts every fragment; `None` if one cannot be converted.
    pub fn spans(&self, frags: &[Span]) -> Option<Vec<Span>> {
        frags
            .iter()
            .map(|f| Some(Span::new(self.convert(f.start)?, self.convert(f.end)?)))
            .collect()
    }
}

/// The convention under which most of `written` — (fragments, the text the file records for
/// them) — match the article; the normalized one unless another matches strictly more. Only
/// conventions the original file could have used (it had a BOM / CRLF) are tried.
pub fn detect(
    text: &ArticleText,
    had_bom: bool,
    had_crlf: bool,
    written: &[(Vec<Span>, String)],
    matches: impl Fn(&ArticleText, &[Span], &str) -> bool,
) -> Convention {
    let mut candidates = vec![Convention::Normalized];
    if had_bom {
        candidates.push(Convention::Bom);
    }
    if had_crlf {
        candidates.push(Convention::Crlf);
    }
    if had_bom && had_crlf {
        candidates.push(Convention::BomCrlf);
    }
    let score = |c: Convention| {
        let conv = Converter::new(text, c);
        written
            .iter()
            .filter(|(frags, w)| {
                conv.spans(frags).is_some_and(|f| {
                    f.iter().all(|s| s.end <= text.len_chars()) && matches(text, &f, w)
                })
            })
            .count()
    };
    let base = score(Convention::Normalized);
    let mut best = (Convention::Normalized, base);
    for c in candidates.into_iter().skip(1) {
        let s = score(c);
        if s > best.1 {
            best = (c, s);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_bom_offsets_convert_to_code_points() {
        // Normalized "ab\ncd\nef": raw with CRLF is "ab\r\ncd\r\nef".
        let text = ArticleText::new("ab\ncd\nef".into());
        let crlf = Converter::new(&text, Convention::Crlf);
        // raw 4 = 'c' → 3; raw 8 = 'e' → 6; raw 2 (the CR) → 2.
        assert_eq!(
            [0, 2, 4, 6, 8, 10].map(|o| crlf.convert(o)),
            [Some(0), Some(2), Some(3), Some(5), Some(6), Some(8)]
        );
        let both = Converter::new(&text, Convention::BomCrlf);
        assert_eq!(both.convert(5), Some(3));
        assert_eq!(both.convert(0), None);
    }

    #[test]
    fn the_convention_that_explains_most_spans_wins() {
        let text = ArticleText::new("Intro\nTedros Adhanom Ghebreyesus told\n".into());
        let eq = |t: &ArticleText, f: &[Span], w: &str| {
            f.first().is_some_and(|s| t.slice(s.start..s.end) == w)
        };
        // INCEpTION-style: BOM and CR counted, so "Tedros" at normalized 6 is written at 8.
        let written = vec![(
            vec![Span::new(8, 34)],
            "Tedros Adhanom Ghebreyesus".to_owned(),
        )];
        assert_eq!(detect(&text, true, true, &written, eq), Convention::BomCrlf);
        assert_eq!(
            detect(&text, false, false, &written, eq),
            Convention::Normalized
        );
        let right = vec![(
            vec![Span::new(6, 32)],
            "Tedros Adhanom Ghebreyesus".to_owned(),
        )];
        assert_eq!(
            detect(&text, true, true, &right, eq),
            Convention::Normalized
        );
    }
}
