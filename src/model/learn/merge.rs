//! The model's quotes merged with the rules': the rules' cues and sources as further
//! candidates for the linker, and the rules' spans and quotes where the model has none. Spans
//! are found through a sorted index, so merging stays linear in the length of the text.

use std::ops::Range;

use crate::model::annotation::Span;
use crate::model::suggest::{Doc, QuoteSuggestion, Suggestions};

use super::overlap::ByStart;
use super::{Tagged, gold};

/// Code-point spans, each with the index of what it belongs to.
type SpanIndex = ByStart<usize>;

fn indexed(spans: impl Iterator<Item = (Span, usize)>) -> SpanIndex {
    ByStart::new(spans.map(|(s, i)| (s.start..s.end, i)))
}

/// The lowest index with a span overlapping `s`.
fn first_overlapping(index: &SpanIndex, s: &Span) -> Option<usize> {
    index.overlapping(&(s.start..s.end)).map(|(_, i)| *i).min()
}

/// Adds the rules' cues and sources that no tagged span overlaps, as more candidates
/// for the linker (which reads the rules' links as evidence).
pub(super) fn add_rule_candidates(tagged: &mut Tagged, doc: &Doc, rules: &Suggestions) {
    let add = |list: &mut Vec<Range<usize>>, spans: &mut dyn Iterator<Item = Span>| {
        let index = indexed(
            list.iter()
                .enumerate()
                .filter_map(|(i, r)| doc.span_of(r.clone()).map(|s| (s, i))),
        );
        let new: Vec<Range<usize>> = spans
            .filter(|s| first_overlapping(&index, s).is_none())
            .map(|s| gold::tokens_of(doc, s))
            .filter(|r| !r.is_empty())
            .collect();
        list.extend(new);
        list.sort_by_key(|r| r.start);
        list.dedup();
    };
    add(
        &mut tagged.cues,
        &mut rules.quotes.iter().filter_map(|q| q.cue),
    );
    add(
        &mut tagged.sources,
        &mut rules.quotes.iter().filter_map(|q| q.source),
    );
}

/// The rules' precision with the model's recall: where both found a cue, the rules' span is
/// kept; a model quote without a source takes the source the rules found for the same cue;
/// and a rule quote whose cue and content the model did not touch is added.
pub(super) fn combine_with_rules(
    doc: &Doc,
    rules: &Suggestions,
    quotes: &mut Vec<(QuoteSuggestion, Option<Range<usize>>)>,
) {
    let cues = indexed(
        quotes
            .iter()
            .enumerate()
            .filter_map(|(i, (q, _))| q.cue.map(|c| (c, i))),
    );
    let contents = indexed(
        quotes
            .iter()
            .enumerate()
            .flat_map(|(i, (q, _))| q.content.iter().map(move |c| (*c, i))),
    );
    let mut extra = Vec::new();
    for r in &rules.quotes {
        let same_cue = r.cue.and_then(|c| first_overlapping(&cues, &c));
        let same_content = || {
            r.content
                .iter()
                .filter_map(|c| first_overlapping(&contents, c))
                .min()
        };
        if let Some((q, source)) = same_cue.and_then(|i| quotes.get_mut(i)) {
            // Where both found a cue, the rules' boundaries are the more precise.
            if let Some(rc) = r.cue {
                q.cue = Some(rc);
            }
            if q.source.is_none()
                && let Some(rs) = r.source
            {
                q.source = Some(rs);
                *source = Some(gold::tokens_of(doc, rs));
            }
            continue;
        }
        match same_content() {
            // A model content without a cue takes the rules' cue and source for it.
            Some(i) => {
                if let Some((q, source)) = quotes.get_mut(i)
                    && q.cue.is_none()
                {
                    q.cue = r.cue;
                    q.source = r.source;
                    *source = r.source.map(|s| gold::tokens_of(doc, s));
                }
            }
            None => {
                let source = r.source.map(|s| gold::tokens_of(doc, s));
                extra.push((r.clone(), source));
            }
        }
    }
    quotes.extend(extra);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::suggest::{cues::EN, suggest_in};

    #[test]
    fn the_rules_cues_and_sources_become_candidates_where_the_tagger_has_none() {
        let doc = Doc::new("Smith said the plan works. Jones said the plan fails.");
        let rules = suggest_in(&doc, &[], &EN);
        let words = |r: &Range<usize>| doc.span_of(r.clone()).map(|s| (s.start, s.end));
        // The tagger found the second cue only, with a span of its own ("said the").
        let mut tagged = Tagged {
            cues: std::iter::once(7..9).collect(),
            ..Tagged::default()
        };
        add_rule_candidates(&mut tagged, &doc, &rules);
        let cues: Vec<_> = tagged.cues.iter().filter_map(words).collect();
        let sources: Vec<_> = tagged.sources.iter().filter_map(words).collect();
        // The first "said" is added; the second is the tagger's, kept as it was.
        assert_eq!(cues, vec![(6, 10), (33, 41)]);
        assert_eq!(sources, vec![(0, 5), (27, 32)]);
    }

    #[test]
    fn the_lowest_index_among_the_overlapping_spans_is_found() {
        let index = indexed(
            [(0, 500), (10, 20), (30, 40), (600, 610)]
                .into_iter()
                .enumerate()
                .map(|(i, (a, b))| (Span::new(a, b), i)),
        );
        let first = |a, b| first_overlapping(&index, &Span::new(a, b));
        assert_eq!(first(450, 460), Some(0));
        assert_eq!(first(35, 36), Some(0));
        assert_eq!(first(15, 35), Some(0));
        assert_eq!(first(500, 600), None);
        assert_eq!(first(605, 700), Some(3));
    }
}
