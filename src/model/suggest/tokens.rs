//! Words, punctuation and line breaks with their code-point offsets.
//!
//! `Mr. Obama’s “plan”` gives the words `Mr`, `Obama’s`, `plan` and the punctuation `.`, `“`,
//! `”`; `''` (two apostrophes, a quotation mark in some newsrooms) is one token, read as `"`.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters and digits, with inner apostrophes, hyphens and dots (`U.S`, `don’t`).
    Word,
    /// One punctuation or symbol character; `''` is read as `"`.
    Punct(char),
    /// A line break (`\n`); the text has no other breaks after normalization.
    Break,
}

/// One token of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Word, punctuation or break.
    pub kind: TokKind,
    /// The word in lower case (empty for other tokens).
    pub lower: String,
    /// True when the word starts with an upper-case letter.
    pub cap: bool,
}

impl Token {
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    /// True for the punctuation character `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

/// True for characters that may join two parts of one word (`don’t`, `U.S`, `well-known`).
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‐' | '&')
}

/// Splits `chars` into tokens; whitespace other than `\n` separates and is dropped.
pub fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::with_capacity(chars.len() / 5);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '\n' {
            out.push(token(i, i + 1, TokKind::Break, chars));
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() {
            let start = i;
            i += 1;
            while let Some(&d) = chars.get(i) {
                let joins = is_joiner(d) && chars.get(i + 1).is_some_and(|e| e.is_alphanumeric());
                if d.is_alphanumeric() || joins {
                    i += if joins { 2 } else { 1 };
                } else {
                    break;
                }
            }
            out.push(token(start, i, TokKind::Word, chars));
        } else if c == '\'' && chars.get(i + 1) == Some(&'\'') {
            out.push(token(i, i + 2, TokKind::Punct('"'), chars));
            i += 2;
        } else {
            out.push(token(i, i + 1, TokKind::Punct(c), chars));
            i += 1;
        }
    }
    out
}

fn token(start: usize, end: usize, kind: TokKind, chars: &[char]) -> Token {
    let (lower, cap) = if kind == TokKind::Word {
        let word = chars.get(start..end).unwrap_or_default();
        let lower = word.iter().flat_map(|c| c.to_lowercase()).collect();
        (lower, word.first().is_some_and(|c| c.is_uppercase()))
    } else {
        (String::new(), false)
    };
    Token {
        start,
        end,
        kind,
        lower,
        cap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_marks_and_offsets_are_code_points() {
        let chars: Vec<char> = "😀 Mr. O’Neil’s ''U.S. plan'' said\nno".chars().collect();
        let toks = tokenize(&chars);
        let words: Vec<&str> = toks
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.lower.as_str())
            .collect();
        assert_eq!(words, ["mr", "o’neil’s", "u.s", "plan", "said", "no"]);
        assert_eq!((toks[0].start, toks[0].end), (0, 1));
        assert_eq!((toks[2].start, toks[2].kind), (4, TokKind::Punct('.')));
        assert!(toks[4].is('"') && toks[4].end - toks[4].start == 2);
        assert!(toks.iter().any(|t| t.kind == TokKind::Break));
    }
}
