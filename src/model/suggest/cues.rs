//! Cue words and phrases ("said", "told", "according to") from a lexicon file.
//!
//! The lexicon is `assets/cues/en.txt`, built into the binary; its format is described at the
//! top of that file. [`Lexicon::parse`] reads any file in the same format, so another language
//! is one more file.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::tokens::Token;

/// The English lexicon as shipped.
pub const ENGLISH: &str = include_str!("../../../assets/cues/en.txt");

/// One form of a cue lemma.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueForm {
    /// The form's words in lower case (`["according", "to"]`).
    pub words: Vec<String>,
    /// The lemma it belongs to ("say").
    pub lemma: String,
    /// The cue takes a hearer before the content ("told reporters that …").
    pub recipient: bool,
    /// The source follows the cue ("according to officials").
    pub source_after: bool,
}

/// Cue forms indexed by their first word, longest first.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    by_first: HashMap<String, Vec<CueForm>>,
}

/// A cue found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueMatch {
    /// Token index of the first word.
    pub first: usize,
    /// Token index of the last word.
    pub last: usize,
    /// The lexicon entry.
    pub form: CueForm,
}

/// The shipped English lexicon, parsed once.
pub static EN: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(ENGLISH));

impl Lexicon {
    /// Reads a lexicon: `lemma [marks]: form, form` per line, `#` comments; bad lines are skipped.
    pub fn parse(text: &str) -> Self {
        let mut by_first: HashMap<String, Vec<CueForm>> = HashMap::new();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((head, forms)) = line.split_once(':') else {
                continue;
            };
            let lemma = head.split('[').next().unwrap_or(head).trim().to_lowercase();
            for form in forms.split(',') {
                let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                by_first.entry(first).or_default().push(CueForm {
                    words,
                    lemma: lemma.clone(),
                    recipient: head.contains("[recipient]"),
                    source_after: head.contains("[source-after]"),
                });
            }
        }
        for forms in by_first.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        Self { by_first }
    }

    /// The longest form starting at token `i`, if any.
    pub fn match_at(&self, toks: &[Token], i: usize) -> Option<CueMatch> {
        let first = toks.get(i).filter(|t| t.is_word())?;
        let forms = self.by_first.get(&first.lower)?;
        forms.iter().find_map(|f| {
            let fits = f.words.iter().enumerate().all(|(k, w)| {
                toks.get(i + k)
                    .is_some_and(|t| t.is_word() && t.lower == *w)
            });
            let last = i + f.words.len() - 1;
            // "said:" takes its colon.
            let colon = toks
                .get(last)
                .zip(toks.get(last + 1))
                .is_some_and(|(w, c)| c.is(':') && c.start == w.end);
            fits.then(|| CueMatch {
                first: i,
                last: if colon { last + 1 } else { last },
                form: f.clone(),
            })
        })
    }

    /// Every cue in `toks`, left to right, not overlapping.
    pub fn find_all(&self, toks: &[Token]) -> Vec<CueMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some(m) = self.match_at(toks, i) {
                i = m.last + 1;
                out.push(m);
            } else {
                i += 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn the_english_lexicon_finds_forms_and_phrases() {
        let chars: Vec<char> = "According to aides, she has said it and Told him."
            .chars()
            .collect();
        let toks = tokenize(&chars);
        let found: Vec<(String, bool)> = EN
            .find_all(&toks)
            .iter()
            .map(|m| {
                (
                    m.form.words.join(" "),
                    m.form.source_after || m.form.recipient,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("according to".to_owned(), true),
                ("has said".to_owned(), false),
                ("told".to_owned(), true)
            ]
        );
    }

    #[test]
    fn another_language_is_another_file() {
        let de = Lexicon::parse("# Deutsch\nsagen: sagte, sagt\nlaut [source-after]: laut\n");
        let chars: Vec<char> = "Laut Polizei sagte er".chars().collect();
        let toks = tokenize(&chars);
        let lemmas: Vec<String> = de
            .find_all(&toks)
            .into_iter()
            .map(|m| m.form.lemma)
            .collect();
        assert_eq!(lemmas, ["laut", "sagen"]);
    }
}
