//! Spans as brat can hold them: fragments between line breaks (see the parent module).

use super::is_line_break;
use crate::model::annotation::Span;
use crate::model::text::ArticleText;

/// The parts of `span` that hold no line break or tab, in order, empty ones dropped: brat reads
/// an `.ann` line by line (Python's `splitlines`), so no fragment may hold a line break, and its
/// parser requires the text field to be the fragments' texts joined by one space. In
/// `"ab\ncd"`, `0..5` gives `0..2` and `3..5`; `2..4` gives `3..4`.
pub(super) fn split_at_breaks(text: &ArticleText, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    let mut at = span.start;
    for c in text.slice(span.start..span.end).chars() {
        if is_fragment_break(c) {
            if at > start {
                out.push(Span::new(start, at));
            }
            start = at + 1;
        }
        at += 1;
    }
    if at > start {
        out.push(Span::new(start, at));
    }
    out
}

/// Joins fragments that brat itself split at line breaks back into one span: the reverse of
/// [`split_at_breaks`] for import (`0 2;3 5` over `"ab\ncd"` becomes `0 5`). For a kind that
/// keeps parts (`parts`, a quote) only a gap of exactly one line break is brat's split: a
/// paragraph break (`"\n\n"`) or a tab may be the annotator's gap between two parts, so those
/// stay apart. A kind of one span joins over any run of line breaks. Fragments with text
/// between them are never joined here.
pub(super) fn join_line_broken(text: &ArticleText, frags: Vec<Span>, parts: bool) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(frags.len());
    for f in frags {
        if let Some(last) = out.last_mut()
            && last.end < f.start
            && (!parts || last.end + 1 == f.start)
            && text.slice(last.end..f.start).chars().all(is_line_break)
        {
            last.end = f.end;
            continue;
        }
        out.push(f);
    }
    out
}

/// A character no exported fragment holds: a line break or a tab.
fn is_fragment_break(c: char) -> bool {
    is_line_break(c) || c == '\t'
}
