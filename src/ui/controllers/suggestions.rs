//! Suggestions in the window: Annotate ▸ Suggest runs the offline finder, the suggestions are
//! listed and underlined in grey (never drawn like annotations), and each is accepted (A) as
//! ordinary annotations in one undo step or rejected (X). Suggestions live in the window only:
//! nothing is saved unless accepted, and a rejected one does not come back while the app runs
//! (in a project, not in a later run either: rejections are kept as training signal).
//! (The list is `panels/suggestions.rs`, the state `state/suggestions.rs`.)

use crate::model::edit::Edit;
use crate::model::suggest::session::{NOTE, add_to_session};
use crate::model::suggest::{Suggestions, suggest};
use crate::ui::app::NewsmarkApp;
use crate::ui::state::suggestions::*;

impl NewsmarkApp {
    /// Runs the finder on the open article and lists what is not annotated or rejected yet.
    pub(crate) fn suggest(&mut self) {
        if self.work.doc.is_none() {
            return;
        }
        // The project's model when it has one, else the rules.
        let (model, problem) = match self.project_model() {
            Ok(m) => (m, None),
            Err(e) => (None, Some(e)),
        };
        let rejected_before = self.rejected_here();
        let Some(doc) = &self.work.doc else { return };
        let found = match &model {
            Some(m) => m.suggest(doc.text.as_str(), &doc.session.speakers),
            None => suggest(doc.text.as_str(), &doc.session.speakers),
        };
        let taken: std::collections::HashSet<(usize, usize)> = doc
            .session
            .annotations
            .iter()
            .map(|a| (a.start, a.end))
            .collect();
        let fresh = |s: &Suggested| {
            let span = s.span();
            !taken.contains(&(span.start, span.end))
                && !self.ui.suggestions.rejected.contains(s)
                && !rejected_before.contains(&(span.start, span.end))
        };
        let mut pending: Vec<Suggested> = found
            .quotes
            .into_iter()
            .map(Suggested::Quote)
            .chain(found.mentions.into_iter().map(Suggested::Mention))
            .filter(|s| fresh(s))
            .collect();
        pending.sort_by_key(|s| (s.span().start, s.span().end));
        let by = match (&model, problem) {
            (Some(_), _) => " by the project's model".to_owned(),
            (None, Some(e)) => format!(" by the rules (the project's model is not used: {e})"),
            (None, None) => String::new(),
        };
        self.ui.status = format!(
            "{} suggestion(s){by}, underlined in grey: A accepts the first, X rejects it",
            pending.len()
        );
        self.ui.suggestions.pending = pending;
        self.ui.view.invalidate();
        if let Some(first) = self.ui.suggestions.pending.first() {
            self.ui.view.scroll_to_span = Some(first.span());
        }
    }

    /// Accepts suggestion `i` (or the first) as ordinary annotations: one undo step.
    pub(crate) fn accept_suggestion(&mut self, i: Option<usize>) {
        let i = i.unwrap_or(0);
        let (Some(doc), Some(s)) = (&self.work.doc, self.ui.suggestions.pending.get(i).cloned())
        else {
            self.ui.status = "No suggestion to accept: Annotate ▸ Suggest finds some".into();
            return;
        };
        let mut next = doc.session.clone();
        add_to_session(&mut next, &doc.text, &s.as_suggestions());
        // Accepted, it is the user's annotation: no "suggested" note.
        for a in next.annotations.iter_mut().filter(|a| a.note == NOTE) {
            a.note.clear();
        }
        let label = match &s {
            Suggested::Quote(_) => "accept suggested quote",
            Suggested::Mention(_) => "accept suggested mention",
        };
        if let Some(edit) = Edit::between(&doc.session, &next) {
            self.edit(edit, label.to_owned(), None);
        }
        let taken = self.ui.suggestions.pending.remove(i);
        self.record_accepted(vec![taken]);
        self.record_verdict(true, s.span().start, s.span().end);
        self.after_suggestion();
    }

    /// Accepts every pending quote (`quotes`) or every pending mention: one undo step.
    pub(crate) fn accept_all_suggestions(&mut self, quotes: bool) {
        let Some(doc) = &self.work.doc else { return };
        let (take, keep): (Vec<Suggested>, Vec<Suggested>) =
            std::mem::take(&mut self.ui.suggestions.pending)
                .into_iter()
                .partition(|s| matches!(s, Suggested::Quote(_)) == quotes);
        self.ui.suggestions.pending = keep;
        let mut found = Suggestions::default();
        for s in &take {
            match s {
                Suggested::Quote(q) => found.quotes.push(q.clone()),
                Suggested::Mention(m) => found.mentions.push(m.clone()),
            }
        }
        let mut next = doc.session.clone();
        add_to_session(&mut next, &doc.text, &found);
        for a in next.annotations.iter_mut().filter(|a| a.note == NOTE) {
            a.note.clear();
        }
        let what = if quotes { "quotes" } else { "mentions" };
        let edit = Edit::between(&doc.session, &next);
        for s in &take {
            self.record_verdict(true, s.span().start, s.span().end);
        }
        if let Some(edit) = edit {
            self.edit(
                edit,
                format!("accept {} suggested {what}", take.len()),
                None,
            );
        }
        self.record_accepted(take);
        self.after_suggestion();
    }

    /// Rejects suggestion `i` (or the first): it is not offered again in this run.
    pub(crate) fn reject_suggestion(&mut self, i: Option<usize>) {
        let i = i.unwrap_or(0);
        if i >= self.ui.suggestions.pending.len() {
            self.ui.status = "No suggestion to reject".into();
            return;
        }
        let s = self.ui.suggestions.pending.remove(i);
        self.record_verdict(false, s.span().start, s.span().end);
        self.ui.suggestions.rejected.push(s);
        self.ui.status = "Rejected the suggestion".into();
        self.after_suggestion();
    }

    /// Remembers what the accept just made took from the list, under the revision it made.
    fn record_accepted(&mut self, taken: Vec<Suggested>) {
        let revision = self.work.history.revision();
        self.ui.suggestions.accepted.push((revision, taken));
    }

    /// After undo or redo: an undone accept lists its suggestions again (as they were, in
    /// text order), a redone one takes them away again; returns how many came back.
    pub(crate) fn suggestions_follow_history(&mut self) -> usize {
        let history = &self.work.history;
        let state = &mut self.ui.suggestions;
        // Accepts that neither undo nor redo can reach any more are forgotten.
        state
            .accepted
            .retain(|(rev, _)| history.is_applied(*rev) || history.is_undone(*rev));
        let mut back = 0;
        for (rev, taken) in &state.accepted {
            if history.is_applied(*rev) {
                state.pending.retain(|s| !taken.contains(s));
            } else {
                for s in taken {
                    if !state.pending.contains(s) {
                        state.pending.push(s.clone());
                        back += 1;
                    }
                }
            }
        }
        state
            .pending
            .sort_by_key(|s| (s.span().start, s.span().end));
        if back > 0 {
            self.ui.view.invalidate();
        }
        back
    }

    fn after_suggestion(&mut self) {
        self.ui.view.invalidate();
        if let Some(first) = self.ui.suggestions.pending.first() {
            self.ui.view.scroll_to_span = Some(first.span());
        }
    }
}
