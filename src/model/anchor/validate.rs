//! Sanity checks for annotations read from a file, before anything computes with their offsets.

use std::collections::HashSet;

use super::super::annotation::{Annotation, Kind, Span};

/// Problems that would make offsets unsafe to use against a text of `text_len` code points:
/// reversed spans, spans past the end, bad quote extra spans and duplicate ids. Empty when all
/// is well. [`reanchor`](super::reanchor) repairs all but the duplicate ids. A span whose text
/// differs from `exact` is not a problem here: that is a fuzzy match or an orphan to review.
pub fn validate(annotations: &[Annotation], text_len: usize) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for a in annotations {
        let id = a.id.0;
        if !ids.insert(a.id) {
            problems.push(format!("annotation {id}: the id is used twice"));
        }
        if a.start > a.end {
            problems.push(format!(
                "annotation {id}: start {} is after end {}",
                a.start, a.end
            ));
        }
        if a.end > text_len {
            problems.push(format!(
                "annotation {id}: end {} is past the end of the text ({text_len})",
                a.end
            ));
        }
        if let Kind::Quote(q) = &a.kind {
            for s in q.cue.iter().chain(&q.more) {
                if !span_fits(*s, text_len) {
                    problems.push(format!(
                        "annotation {id}: part {}..{} is not inside the text",
                        s.start, s.end
                    ));
                }
            }
        }
    }
    problems
}

fn span_fits(s: Span, text_len: usize) -> bool {
    s.start <= s.end && s.end <= text_len
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{AnnotationId, KindTag, Quote};

    #[test]
    fn reports_every_kind_of_bad_offset() {
        let a = Annotation {
            id: AnnotationId(1),
            start: 9,
            end: 3,
            exact: "abc".into(),
            prefix: String::new(),
            suffix: String::new(),
            kind: Kind::Quote(Quote {
                cue: Some(Span { start: 5, end: 50 }),
                ..Quote::default()
            }),
            note: String::new(),
            tags: Vec::new(),
        };
        let mut b = a.clone();
        b.start = 0;
        b.end = 3;
        b.kind = KindTag::Claim.with_speaker(None);
        let ok = validate(std::slice::from_ref(&b), 10);
        assert!(ok.is_empty(), "{ok:?}");
        b.id = AnnotationId(2);
        let problems = validate(&[a, b.clone(), b], 10);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("after end"));
        assert!(problems[1].contains("part 5..50"));
        assert!(problems[2].contains("used twice"));
    }
}
