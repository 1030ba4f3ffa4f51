//! The window's state, in two parts besides the preferences: the work on the open article
//! (saved, undone, recovered) and what the window shows (selection, panels, dialogs, fields).

use crate::io::document::Document;
use crate::model::annotation::{AnnotationId, KindTag, Span};
use crate::model::history::History;
use crate::model::speaker::SpeakerId;

use crate::io::places::Places;
use crate::ui::article_view::ArticleView;
use crate::ui::dialogs::Dialogs;
use crate::ui::vocabulary::SideTab;

/// The work on the open article: what Save writes, Undo steps through and recovery keeps.
pub struct Work {
    /// The open article and its session.
    pub(crate) doc: Option<Document>,
    /// Undo and redo of every change to the session.
    pub(crate) history: History,
    /// The history version last saved (for counting the changes since).
    pub(crate) saved_version: u64,
    /// The history revision last saved: the session is unsaved exactly when its revision
    /// differs, so undoing back to the saved state reads as saved.
    pub(crate) saved_revision: u64,
    /// Where new sessions, recovery files and the sample article go.
    pub(crate) places: Places,
    /// Save asks where (the built-in sample, which has no file of its own yet).
    pub(crate) ask_where: bool,
    /// The folder of articles open as a project, if any.
    pub(crate) project: Option<crate::ui::state::project::Project>,
    /// The recovery file, a restore offer, and annotations re-anchoring left for review.
    pub(crate) recovery: crate::ui::state::recovery::RecoveryState,
}

impl Work {
    /// Nothing open yet; files of the window's own go to `places`.
    pub fn new(places: Places) -> Self {
        Self {
            doc: None,
            history: History::default(),
            saved_version: 0,
            saved_revision: 0,
            places,
            ask_where: false,
            project: None,
            recovery: crate::ui::state::recovery::RecoveryState::default(),
        }
    }

    /// True if the session has changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.doc.is_some() && self.history.revision() != self.saved_revision
    }
}

/// What the window shows and the user is in the middle of: nothing here is saved.
pub struct UiState {
    /// The last non-empty text selection, kept when focus moves elsewhere.
    pub(crate) selection: Option<Span>,
    /// The selected annotation.
    pub(crate) selected: Option<AnnotationId>,
    /// The speaker selected in the Speakers tab.
    pub(crate) selected_speaker: Option<SpeakerId>,
    /// The speaker new quotes and claims are attributed to.
    pub(crate) current_speaker: Option<SpeakerId>,
    /// Which list the side panel shows.
    pub(crate) side_tab: SideTab,
    /// The status bar's message.
    pub(crate) status: String,
    /// The article view's layout and scrolling.
    pub(crate) view: ArticleView,
    /// Open dialogs.
    pub(crate) dialogs: Dialogs,
    /// The open quote: the one made with Q or selected last. U, + and W attach the text
    /// selection to it (cue, part, source) even after a click elsewhere deselected it.
    pub(crate) open_quote: Option<AnnotationId>,
    /// How the Claims tab sorts.
    pub(crate) claim_order: crate::ui::vocabulary::ClaimOrder,
    /// Suggestions from the offline finder, waiting for accept or reject.
    pub(crate) suggestions: crate::ui::state::suggestions::SuggestionState,
    /// The text typed in the name bar.
    pub(crate) annotator_field: String,
    /// The new-speaker field.
    pub(crate) new_speaker_name: String,
    /// The new-alias field.
    pub(crate) new_alias: String,
    /// The sources of the claim being edited, as typed (with empty lines).
    pub(crate) sources_field: Option<(AnnotationId, String)>,
    /// The search bar.
    pub(crate) search: crate::ui::state::search::SearchState,
    /// What the list and the highlights show.
    pub(crate) filter: crate::model::filter::Filter,
    /// Sticky mode: the kind each new selection gets at once.
    pub(crate) sticky: Option<KindTag>,
    /// The selection sticky mode last looked at.
    pub(crate) sticky_seen: Option<Span>,
    /// The kind marked last (for sticky mode).
    pub(crate) last_kind: KindTag,
    /// Unmarked occurrences of a speaker's names, offered as mentions.
    pub(crate) candidates: Vec<(Span, SpeakerId)>,
    /// The Project tab's filter, sort and search.
    pub(crate) project: crate::ui::state::project::ProjectView,
    /// The Stats tab shows the whole project rather than the open article.
    pub(crate) project_stats: bool,
    /// The window title last sent.
    pub(crate) title: String,
    /// True once egui has been given the system-font fallback.
    pub(crate) fonts_installed: bool,
    /// Another annotator's session being compared with this one.
    pub(crate) compare: Option<crate::ui::state::compare::CompareState>,
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            selection: None,
            selected: None,
            selected_speaker: None,
            current_speaker: None,
            side_tab: SideTab::Annotations,
            status: String::new(),
            view: ArticleView::default(),
            dialogs: Dialogs::default(),
            open_quote: None,
            claim_order: crate::ui::vocabulary::ClaimOrder::default(),
            suggestions: crate::ui::state::suggestions::SuggestionState::default(),
            annotator_field: String::new(),
            new_speaker_name: String::new(),
            new_alias: String::new(),
            sources_field: None,
            search: crate::ui::state::search::SearchState::default(),
            filter: crate::model::filter::Filter::default(),
            sticky: None,
            sticky_seen: None,
            last_kind: KindTag::Claim,
            candidates: Vec::new(),
            project: crate::ui::state::project::ProjectView::default(),
            project_stats: false,
            title: String::new(),
            fonts_installed: false,
            compare: None,
        }
    }
}

pub mod compare;
pub mod hands;
pub mod project;
pub mod recovery;
pub mod review;
pub mod search;
pub mod suggestions;
