//! Annotations as a screen reader meets them: each one is an AccessKit `Mark` over its text
//! (as ARIA annotations are), the text runs inside it as its children, and its description
//! says what it is: "quote by Marieke de Vries, cue said", "claim, verdict False", "mention of
//! Pieter Jansen". Marks nest as the annotations do; where two overlap without nesting, the
//! later one is cut into fragments, one inside and one after the other (as HTML must).

use egui::{Id, Rect};

use crate::model::annotation::{Annotation, Kind, Verdict};
use crate::model::session::Session;
use crate::model::text::ArticleText;

use super::super::highlight::{Layer, Part};

/// What is said for a speaker nobody named, as the margin shows it.
pub(in crate::ui::article_view) const UNKNOWN: &str = "unknown speaker";

/// Who a quote is by: its speaker, else the words of its source mention ("The group"), else
/// "unknown speaker".
pub(in crate::ui) fn quote_speaker(session: &Session, a: &Annotation) -> String {
    let Kind::Quote(q) = &a.kind else {
        return UNKNOWN.to_owned();
    };
    if let Some(s) = q.speaker.and_then(|id| session.speaker(id)) {
        return s.name.clone();
    }
    q.source_mentions
        .iter()
        .find_map(|id| session.annotation(*id))
        .map(|m| m.exact.trim().to_owned())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| UNKNOWN.to_owned())
}

/// What an annotation is, in words: "quote by Marieke de Vries, cue said", "claim, verdict
/// False", "claim, not checked", "mention of Pieter Jansen", "mention of unknown speaker".
pub(in crate::ui) fn describe(session: &Session, text: &ArticleText, a: &Annotation) -> String {
    match &a.kind {
        Kind::Quote(q) => {
            let who = quote_speaker(session, a);
            match q.cue {
                Some(c) => format!("quote by {who}, cue {}", text.slice(c.start..c.end)),
                None => format!("quote by {who}"),
            }
        }
        Kind::Claim(c) if c.verdict == Verdict::Unchecked => "claim, not checked".to_owned(),
        Kind::Claim(c) => format!("claim, verdict {}", c.verdict.label()),
        Kind::Mention(m) => {
            let who = m
                .speaker
                .and_then(|id| session.speaker(id))
                .map_or(UNKNOWN, |s| s.name.as_str());
            format!("mention of {who}")
        }
    }
}

/// A part of an annotation in words: the annotation's own description, or "cue of quote by …".
fn describe_part(session: &Session, text: &ArticleText, a: &Annotation, part: Part) -> String {
    match part {
        Part::Cue => format!("cue of quote by {}", quote_speaker(session, a)),
        Part::Main | Part::More => describe(session, text, a),
    }
}

/// A span of the index that is a mark: (start, end, which annotation part).
pub(super) type MarkSpan = (usize, usize, u32, Part);

/// The marks covering `start..end` (which no annotation boundary cuts), outermost first.
pub(super) fn covering(
    entries: &[crate::model::index::Entry<Layer>],
    start: usize,
    end: usize,
) -> Vec<MarkSpan> {
    let mut out: Vec<MarkSpan> = entries
        .iter()
        .filter(|e| e.start <= start && e.end >= end && e.start < e.end && start < end)
        .filter_map(|e| match e.value {
            Layer::Annotation(i, part) => Some((e.start, e.end, i, part)),
            _ => None,
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    out
}

/// A mark being filled.
struct Open {
    span: MarkSpan,
    id: Id,
    children: Vec<egui::accesskit::NodeId>,
    rect: Rect,
}

/// A finished mark, to be published.
pub(super) struct Closed {
    /// Its node's id.
    pub id: Id,
    /// The text runs and marks inside it, in text order.
    pub children: Vec<egui::accesskit::NodeId>,
    /// The union of its runs' rectangles.
    pub rect: Rect,
    /// Which annotation part it is.
    pub span: MarkSpan,
}

/// Builds the tree of marks while the runs are laid down in text order.
pub(super) struct Tree {
    base: Id,
    stack: Vec<Open>,
    /// The nodes directly inside the article.
    pub top: Vec<egui::accesskit::NodeId>,
    /// The marks finished so far.
    pub done: Vec<Closed>,
}

impl Tree {
    /// An empty tree under the article node `base`.
    pub fn new(base: Id) -> Self {
        Self {
            base,
            stack: Vec::new(),
            top: Vec::new(),
            done: Vec::new(),
        }
    }

    /// Opens and closes marks so that exactly `covering` (outermost first) is open for text
    /// starting at code point `at`.
    pub fn enter(&mut self, covering: &[MarkSpan], at: usize) {
        let keep = self
            .stack
            .iter()
            .zip(covering)
            .take_while(|(o, c)| o.span == **c)
            .count();
        while self.stack.len() > keep {
            self.close_one();
        }
        for &span in covering.iter().skip(keep) {
            self.stack.push(Open {
                span,
                id: self.base.with(("accesskit mark", span.2, span.3, at)),
                children: Vec::new(),
                rect: Rect::NOTHING,
            });
        }
    }

    /// Adds a node (a text run) to the innermost open mark, or to the article.
    pub fn add(&mut self, node: egui::accesskit::NodeId, rect: Rect) {
        match self.stack.last_mut() {
            Some(open) => {
                open.children.push(node);
                for o in &mut self.stack {
                    o.rect = o.rect.union(rect);
                }
            }
            None => self.top.push(node),
        }
    }

    fn close_one(&mut self) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        let node = open.id.accesskit_id();
        match self.stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => self.top.push(node),
        }
        self.done.push(Closed {
            id: open.id,
            children: open.children,
            rect: open.rect,
            span: open.span,
        });
    }

    /// Closes every open mark.
    pub fn finish(&mut self) {
        while !self.stack.is_empty() {
            self.close_one();
        }
    }
}

/// The description of mark `span` of `session`'s annotations.
pub(super) fn describe_span(session: &Session, text: &ArticleText, span: MarkSpan) -> String {
    session
        .annotations
        .get(span.2 as usize)
        .map(|a| describe_part(session, text, a, span.3))
        .unwrap_or_default()
}
