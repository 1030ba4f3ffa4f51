//! What a fuzzy re-anchoring must not hide: the numbers and names that differ between the
//! text an annotation was made on and the text it was matched to. "40 million euros" matched
//! to "45 million euros" scores 0.99, yet a verdict on it no longer holds.

use super::super::annotation::{Annotation, AnnotationId, Kind, Verdict};
use super::super::text::ArticleText;
use super::report::{AnchorReport, Outcome};

/// A fuzzy match whose facts changed.
#[derive(Clone, Debug, PartialEq)]
pub struct FactChange {
    /// The annotation.
    pub id: AnnotationId,
    /// What changed, in words: "numbers were 40, now 45".
    pub what: String,
    /// The claim's verdict before it was reset to Unchecked, if it had one.
    pub verdict_was: Option<Verdict>,
}

/// The numbers in `text` ("40", "1,200", "3.5"), in order.
pub fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inner_sep = (c == ',' || c == '.')
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || inner_sep {
            current.push(c);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The capitalised words of `text` after its first word (names, mostly): "Rutte", "NATO".
pub fn names(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_owned)
        .collect()
}

/// What differs in facts between `old` and `new`: "numbers were 40, now 45", "names were
/// Rutte, now Schoof",
/// or `None` when numbers and names are the same.
pub fn changed(old: &str, new: &str) -> Option<String> {
    let mut parts = Vec::new();
    let (a, b) = (numbers(old), numbers(new));
    if a != b {
        parts.push(format!("numbers were {}, now {}", list(&a), list(&b)));
    }
    let (a, b) = (names(old), names(new));
    if a != b {
        parts.push(format!("names were {}, now {}", list(&a), list(&b)));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

/// After [`reanchor`](super::reanchor): each fuzzy match whose numbers or names changed
/// between the text it was made on (`exact`, which a fuzzy match keeps) and the text it now
/// covers. A claim among them with a verdict gets Unchecked, and the verdict it had is
/// returned so the user may keep it.
pub fn flag_changed_facts(
    text: &ArticleText,
    report: &AnchorReport,
    annotations: &mut [Annotation],
) -> Vec<FactChange> {
    // One pass over the outcomes, not a search of them per annotation (10k annotations).
    let fuzzy: std::collections::HashSet<AnnotationId> = report
        .outcomes
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Fuzzy { .. }))
        .map(|(id, _)| *id)
        .collect();
    let mut out = Vec::new();
    for a in annotations.iter_mut() {
        if !fuzzy.contains(&a.id) || a.end > text.len_chars() || a.start > a.end {
            continue;
        }
        let Some(what) = changed(&a.exact, text.slice(a.start..a.end)) else {
            continue;
        };
        let verdict_was = match &mut a.kind {
            Kind::Claim(c) if c.verdict != Verdict::Unchecked => {
                Some(std::mem::take(&mut c.verdict))
            }
            _ => None,
        };
        out.push(FactChange {
            id: a.id,
            what,
            verdict_was,
        });
    }
    out
}

/// Where an annotation that was not found used to be: right after its old `prefix` where that
/// context is still in the text (the occurrence nearest its old offset), else right before its
/// old `suffix`, else its old offset (within the text).
pub fn where_it_was(text: &ArticleText, a: &Annotation) -> usize {
    let len = text.len_chars();
    let old = a.start.min(len);
    let nearest = |needle: &str, shift: usize| -> Option<usize> {
        if needle.chars().count() < 8 {
            return None;
        }
        let s = text.as_str();
        s.match_indices(needle)
            .map(|(b, _)| text.char_of(b) + shift)
            .min_by_key(|p| p.abs_diff(old))
    };
    nearest(&a.prefix, a.prefix.chars().count())
        .or_else(|| nearest(&a.suffix, 0))
        .unwrap_or(old)
        .min(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_orphan_is_shown_where_its_context_still_is() {
        use crate::model::annotation::{KindTag, Span};
        use crate::model::session::make_annotation;
        let before = ArticleText::new("The port said the strike ends today. Nothing else.".into());
        let mut a = make_annotation(
            &before,
            AnnotationId(1),
            Span::new(14, 35),
            KindTag::Claim.with_speaker(None),
        );
        let after = ArticleText::new("Intro. The port said it is over. Nothing else.".into());
        a.start = 40;
        // "The port said " is still there: the orphan was right after it.
        assert_eq!(where_it_was(&after, &a), 21);
    }

    #[test]
    fn a_changed_figure_is_named_and_an_unchanged_one_is_not() {
        assert_eq!(
            changed("cost 40 million euros", "cost 45 million euros").as_deref(),
            Some("numbers were 40, now 45")
        );
        assert_eq!(
            changed("cost 40 million euros.", "cost 40 million euro"),
            None
        );
        assert_eq!(numbers("1,200 workers, 3.5% and 7."), ["1,200", "3.5", "7"]);
        assert_eq!(
            changed("said Rutte on Monday", "said Schoof on Monday").as_deref(),
            Some("names were Rutte, Monday, now Schoof, Monday")
        );
    }
}
