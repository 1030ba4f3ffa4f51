//! Article text: the normalized string and code-point <-> byte conversion.
//!
//! Every offset stored or exported by newsmark is a Unicode code point (`char`) index into the
//! normalized text, start inclusive, end exclusive. For `"a“b”😀"` the code points are
//! `a`=0, `“`=1, `b`=2, `”`=3, `😀`=4, so the span `1..4` is `“b”` although it covers bytes
//! `1..8`. Bytes only exist at the egui boundary; [`ArticleText::byte_of`] converts.

use std::ops::Range;

/// Converts line endings to `\n`: `"a\r\nb\rc"` becomes `"a\nb\nc"`.
///
/// Returns the normalized text and whether any `\r` was found.
pub fn normalize_line_endings(raw: &str) -> (String, bool) {
    if !raw.contains('\r') {
        return (raw.to_owned(), false);
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    (out, true)
}

/// The normalized article text with an index from code point to byte offset, built once.
#[derive(Clone, Debug, Default)]
pub struct ArticleText {
    text: String,
    /// Byte offset of every code point, plus one entry for the end of the text.
    char_bytes: Vec<u32>,
}

impl PartialEq for ArticleText {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl ArticleText {
    /// Wraps already normalized text (no `\r`, no BOM) and builds its index.
    pub fn new(text: String) -> Self {
        let mut char_bytes = Vec::with_capacity(text.len() + 1);
        char_bytes.extend(text.char_indices().map(|(b, _)| b as u32));
        char_bytes.push(text.len() as u32);
        Self { text, char_bytes }
    }

    /// Normalizes line endings and strips a leading BOM, then indexes the text.
    pub fn from_raw(raw: &str) -> Self {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        Self::new(normalize_line_endings(raw).0)
    }

    /// The whole normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of code points.
    pub fn len_chars(&self) -> usize {
        self.char_bytes.len() - 1
    }

    /// True if the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Byte offset of code point `char_index`, clamped to the end of the text.
    pub fn byte_of(&self, char_index: usize) -> usize {
        let last = self.char_bytes.len() - 1;
        self.char_bytes
            .get(char_index.min(last))
            .map_or(self.text.len(), |&b| b as usize)
    }

    /// Code point index of the character that contains byte `byte` (clamped to the end).
    pub fn char_of(&self, byte: usize) -> usize {
        match self.char_bytes.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte range for a code point range (both ends clamped).
    pub fn byte_range(&self, chars: Range<usize>) -> Range<usize> {
        self.byte_of(chars.start)..self.byte_of(chars.end.max(chars.start))
    }

    /// The text of a code point range, clamped to the text; `slice(1..4)` of `"a“b”😀"` is `“b”`.
    pub fn slice(&self, chars: Range<usize>) -> &str {
        let bytes = self.byte_range(chars);
        self.text.get(bytes).unwrap_or("")
    }

    /// Up to `n` code points ending at `at` (the text before a span).
    pub fn prefix_of(&self, at: usize, n: usize) -> &str {
        self.slice(at.saturating_sub(n)..at)
    }

    /// Up to `n` code points starting at `at` (the text after a span).
    pub fn suffix_of(&self, at: usize, n: usize) -> &str {
        self.slice(at..at.saturating_add(n))
    }

    /// Number of words (runs of non-whitespace).
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// True for a character that belongs to a word: a letter or digit in any script, or a
/// combining mark or joiner that continues one — so "élite" spelled with e + U+0301, a
/// pointed Hebrew word or a vowelled Arabic word is one word. `_` and punctuation are not.
/// The one definition used by selection snapping, name search and annotation.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            u32::from(c),
            0x0300..=0x036F
                | 0x0483..=0x0489
                | 0x0591..=0x05BD
                | 0x05BF
                | 0x05C1..=0x05C2
                | 0x05C4..=0x05C5
                | 0x05C7
                | 0x0610..=0x061A
                | 0x064B..=0x065F
                | 0x0670
                | 0x06D6..=0x06DC
                | 0x06DF..=0x06E4
                | 0x06E7..=0x06E8
                | 0x06EA..=0x06ED
                | 0x093C
                | 0x094D
                | 0x0E31
                | 0x0E34..=0x0E3A
                | 0x0E47..=0x0E4E
                | 0x1AB0..=0x1AFF
                | 0x1DC0..=0x1DFF
                | 0x200C..=0x200D
                | 0x20D0..=0x20FF
                | 0xFE00..=0xFE0F
                | 0xFE20..=0xFE2F
                | 0xE0100..=0xE01EF
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_characters_include_marks_not_underscores() {
        for c in [
            'a', 'é', '9', 'ש', 'ب', '山', '\u{301}', '\u{5b8}', '\u{64e}', '\u{94d}',
        ] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in ['_', ' ', '-', '“', '.', '😀'] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(
            normalize_line_endings("a\r\nb\rc\n"),
            ("a\nb\nc\n".into(), true)
        );
        assert_eq!(normalize_line_endings("a\nb"), ("a\nb".into(), false));
    }

    #[test]
    fn bom_is_stripped_and_offsets_count_code_points() {
        let t = ArticleText::from_raw("\u{feff}a“b”😀\r\nz");
        assert_eq!(t.as_str(), "a“b”😀\nz");
        assert_eq!(t.len_chars(), 7);
        assert_eq!(t.slice(1..4), "“b”");
        assert_eq!(t.slice(4..5), "😀");
        assert_eq!(t.byte_of(4), 1 + 3 + 1 + 3);
        assert_eq!(t.char_of(t.byte_of(5)), 5);
    }

    #[test]
    fn zwj_emoji_and_combining_marks_are_several_code_points() {
        // family: man ZWJ woman ZWJ girl = 5 code points; "é" as e + U+0301 = 2.
        let t = ArticleText::new("👨\u{200d}👩\u{200d}👧 cafe\u{301}!".into());
        assert_eq!(t.len_chars(), 5 + 1 + 5 + 1);
        assert_eq!(t.slice(0..5), "👨\u{200d}👩\u{200d}👧");
        assert_eq!(t.slice(6..11), "cafe\u{301}");
        assert_eq!(t.slice(11..12), "!");
    }

    #[test]
    fn out_of_range_is_clamped_not_a_panic() {
        let t = ArticleText::new("abc".into());
        assert_eq!(t.slice(2..99), "c");
        #[allow(
            clippy::reversed_empty_ranges,
            reason = "a reversed range must not panic"
        )]
        let reversed = 5..2;
        assert_eq!(t.slice(reversed), "");
        assert_eq!(t.byte_of(99), 3);
        assert_eq!(t.char_of(99), 3);
        assert_eq!(t.prefix_of(1, 32), "a");
        assert_eq!(t.suffix_of(1, 32), "bc");
    }
}
