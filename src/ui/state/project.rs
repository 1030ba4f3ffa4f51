//! The open project: its articles, the annotator, the list's filter, sort and search hits.
use crate::io::project::{Entry, ProjectState};
use crate::model::annotation::Span;
use crate::ui::vocabulary::ProjectSort;
use std::path::PathBuf;

/// Hits listed at most (the count says how many there were).
pub(crate) const MAX_HITS: usize = 500;

/// The project open in the window.
pub struct Project {
    /// The project folder.
    pub dir: PathBuf,
    /// The folder name of the annotator whose sessions are read and written.
    pub annotator: String,
    /// Done marks and the article open last.
    pub state: ProjectState,
    /// Every article, in path order.
    pub entries: Vec<Entry>,
    /// The entry open in the window (none when a file from elsewhere is open).
    pub current: Option<usize>,
}

impl Project {
    /// The sum of the annotator's sessions (`None` without any); speakers are matched by name.
    pub fn session_totals(&self) -> Option<crate::model::stats::Stats> {
        let mut sessions = self.entries.iter().filter_map(|e| e.stats.as_ref());
        let mut total = sessions.next()?.clone();
        let mut n = 1;
        for s in sessions {
            total.add(s);
            n += 1;
        }
        // Not the first session's article: the totals are of them all.
        total.article = format!("{n} sessions of {}", self.dir.display());
        Some(total)
    }
}

/// One match of a project-wide search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into the project's entries.
    pub entry: usize,
    /// Where in that article (code points).
    pub span: Span,
    /// The match with some text around it, on one line.
    pub context: String,
}

/// What the Project tab shows besides the project itself.
#[derive(Clone, Debug, Default)]
pub struct ProjectView {
    /// Only entries whose name or status contains this (case-insensitive).
    pub filter: String,
    /// The sort column.
    pub sort: ProjectSort,
    /// The project search's query, as typed.
    pub query: String,
    /// Its hits, and how many there were in all.
    pub hits: Vec<Hit>,
    /// All hits, including those not listed.
    pub hit_count: usize,
}

impl ProjectView {
    /// Entry indices in list order: filtered, then sorted.
    pub fn order(&self, entries: &[Entry]) -> Vec<usize> {
        let needle = self.filter.trim().to_lowercase();
        let mut order: Vec<usize> = (0..entries.len())
            .filter(|&i| {
                let e = &entries[i];
                needle.is_empty()
                    || e.name.to_lowercase().contains(&needle)
                    || e.status.label().contains(&needle)
            })
            .collect();
        match self.sort {
            ProjectSort::Name => {}
            ProjectSort::Words => order.sort_by_key(|&i| std::cmp::Reverse(entries[i].words)),
            ProjectSort::Annotations => {
                order.sort_by_key(|&i| std::cmp::Reverse(entries[i].annotations()));
            }
            ProjectSort::Status => order.sort_by_key(|&i| entries[i].status),
            ProjectSort::Edited => order.sort_by_key(|&i| std::cmp::Reverse(entries[i].edited)),
        }
        order
    }
}
