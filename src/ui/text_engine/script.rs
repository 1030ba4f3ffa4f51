//! Which writing system a character belongs to, for choosing fonts and naming what is missing.
//!
//! Pure: no egui, no fonts. Emoji are a "script" of their own here (Unicode counts most of
//! them as Common), because they need fonts of their own.

use unicode_script::{Script, UnicodeScript};

/// A writing system that needs a font of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Writing {
    /// A Unicode script (never Common, Inherited or Unknown).
    Script(Script),
    /// Pictographic emoji.
    Emoji,
}

impl Writing {
    /// A name for messages ("Arabic", "Han", "Emoji").
    pub fn name(self) -> &'static str {
        match self {
            Self::Script(s) => s.full_name(),
            Self::Emoji => "Emoji",
        }
    }
}

/// The writing system of `c`, or `None` for characters any font has or that take the
/// script of their neighbours (spaces, punctuation, digits, combining marks).
///
/// ```text
/// 'a' → Latin, 'ب' → Arabic, '山' → Han, '😀' → Emoji, ' ' / '1' / '\u{301}' → None
/// ```
pub fn writing_of(c: char) -> Option<Writing> {
    if c.is_ascii() {
        return c
            .is_ascii_alphabetic()
            .then_some(Writing::Script(Script::Latin));
    }
    if is_emoji(c) {
        return Some(Writing::Emoji);
    }
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => None,
        s => Some(Writing::Script(s)),
    }
}

/// True for pictographic emoji (not for digits, `#` or `©`, which have text forms).
pub fn is_emoji(c: char) -> bool {
    matches!(u32::from(c),
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF)
}

/// True for scripts written without spaces between words that need a dictionary to find
/// them (Thai, Lao, Khmer, Myanmar): UAX #29 breaks between every letter there, so a run
/// of them counts as one word.
pub fn unspaced(c: char) -> bool {
    matches!(
        c.script(),
        Script::Thai | Script::Lao | Script::Khmer | Script::Myanmar
    )
}

/// The writing systems in `text`, each with the first character seen (in order of first
/// appearance). Cheap on ASCII.
pub fn writings_in(text: &str) -> Vec<(Writing, char)> {
    let mut out: Vec<(Writing, char)> = Vec::new();
    for c in text.chars() {
        if c.is_ascii() {
            continue;
        }
        if let Some(w) = writing_of(c)
            && !out.iter().any(|(seen, _)| *seen == w)
        {
            out.push((w, c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_common_characters() {
        assert_eq!(writing_of('a'), Some(Writing::Script(Script::Latin)));
        assert_eq!(writing_of('ب'), Some(Writing::Script(Script::Arabic)));
        assert_eq!(writing_of('א'), Some(Writing::Script(Script::Hebrew)));
        assert_eq!(writing_of('山'), Some(Writing::Script(Script::Han)));
        assert_eq!(writing_of('😀'), Some(Writing::Emoji));
        assert_eq!(writing_of(' '), None);
        assert_eq!(writing_of('\u{301}'), None);
        assert_eq!(Writing::Script(Script::Arabic).name(), "Arabic");
        let found: Vec<_> = writings_in("Noa (נועה) 山田 😀 נ")
            .into_iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(
            found,
            [
                Writing::Script(Script::Hebrew),
                Writing::Script(Script::Han),
                Writing::Emoji
            ]
        );
    }
}
