//! The words the window speaks in: the [`Action`]s views, panels and dialogs return during a
//! frame, and the types actions and state carry (tabs, fields, sort orders, answers to
//! questions). Everything below the shell imports these, never the shell itself;
//! [`crate::ui::app::NewsmarkApp::apply`] carries actions out after the frame.

use std::path::PathBuf;

use crate::io::formats::files::{ExportFormat, ImportFormat};
use crate::model::annotation::{AnnotationId, Span};
use crate::model::compare::Decision;
use crate::model::edit::Edit;
use crate::model::speaker::SpeakerId;
pub use crate::model::worklist::ClaimOrder;

use crate::ui::commands::UiCommand;

/// Which list the side panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideTab {
    /// Claims, quotes and mentions.
    Annotations,
    /// The speaker registry.
    Speakers,
    /// The claims to check, sorted by check-worthiness or verdict.
    Claims,
    /// Counts and charts.
    Stats,
    /// The project's document list and search.
    Project,
    /// Another annotator's session compared with this one, item by item.
    Compare,
}

/// Something the user asked for during a frame; applied after the panels are drawn.
#[derive(Debug)]
#[must_use]
pub enum Action {
    /// A command from the table.
    Command(UiCommand),
    /// A change to the session, recorded for undo.
    Edit {
        /// The change.
        edit: Box<Edit>,
        /// Undo menu text.
        label: String,
        /// Consecutive edits with the same key are one undo step.
        coalesce: Option<String>,
    },
    /// The text selected in the article changed (`None`: nothing selected).
    SetSelection(Option<Span>),
    /// Select an annotation (and scroll to it when `scroll`).
    Select(Option<AnnotationId>, bool),
    /// Select a speaker in the Speakers tab.
    SelectSpeaker(Option<SpeakerId>),
    /// Make a speaker the one new quotes and claims are attributed to.
    SetCurrentSpeaker(Option<SpeakerId>),
    /// Open a file (asks about unsaved changes first).
    Open(PathBuf),
    /// Make an article of what was copied, with the URL the user gave.
    CreatePasted(Clip, String),
    /// Open the built-in annotated sample.
    OpenSample,
    /// Open a folder of articles as a project.
    OpenProject(PathBuf),
    /// Open the project's article `n` (saving the one left).
    OpenInProject(usize),
    /// Sort the project's document list.
    SortProject(crate::ui::vocabulary::ProjectSort),
    /// Search every article of the project.
    SearchProject(String),
    /// Open the article of project search hit `n` at the match.
    OpenHit(usize),
    /// The Stats tab shows the whole project (`true`) or the open article.
    SetProjectStats(bool),
    /// Save to this file.
    SaveTo(PathBuf),
    /// Use the current text selection as the cue, a further part or the source of a quote.
    PartFromSelection(AnnotationId, crate::ui::vocabulary::QuotePart),
    /// The answer to "this cue (or source) is taken": share, move (`Some`) or cancel.
    AnswerSharing(Option<crate::model::attribution::Sharing>),
    /// The answer to "open this folder as a project?": the folder, or `None` to cancel.
    AnswerFolder(Option<PathBuf>),
    /// The answer to "this session is open elsewhere": open it read-only (`true`) or not.
    AnswerHeld(bool),
    /// Make this mention a source of this quote or claim (asking if another quote uses it).
    PickSource(AnnotationId, AnnotationId),
    /// Close the open quote: U, + and W attach to nothing until another quote is opened.
    CloseOpenQuote,
    /// Add a new speaker with this name.
    AddSpeaker(String),
    /// The annotator's name was given (`Some`) or the question declined (`None`).
    SetAnnotator(Option<String>),
    /// The answer to "who is this?" after M on an unknown name (`None`: cancel).
    AnswerMention(Option<crate::ui::vocabulary::MentionChoice>),
    /// Accept suggestion `n` of the list.
    AcceptSuggestion(usize),
    /// Reject suggestion `n` of the list.
    RejectSuggestion(usize),
    /// Forget every pending suggestion.
    DismissSuggestions,
    /// Sort the claims worklist.
    SortClaims(crate::ui::vocabulary::ClaimOrder),
    /// Accept every pending quote (`true`) or mention (`false`) suggestion.
    AcceptAllSuggestions(bool),
    /// Export the session to this file (held back for review if some annotations are not
    /// anchored).
    Export(ExportFormat, PathBuf),
    /// Export only the annotations anchored in the article, leaving the others out.
    ExportAnchored(ExportFormat, PathBuf),
    /// Replace the speakers and annotations by those imported from this file (one undo step).
    Import(ImportFormat, PathBuf),
    /// Start choosing where to export to.
    ChooseExport(ExportFormat),
    /// Start choosing a file to import.
    ChooseImport(ImportFormat),
    /// Change the search query.
    SetSearch(String),
    /// Change what the list and the highlights show.
    SetFilter(crate::model::filter::Filter),
    /// List every place the speaker's name or aliases occur and are not yet mentions.
    FindMentions(SpeakerId),
    /// Turn a listed candidate into a mention (index into the candidates).
    AcceptCandidate(usize),
    /// Turn every listed candidate into a mention.
    AcceptAllCandidates,
    /// Forget the listed candidates.
    ClearCandidates,
    /// Select a text range (a candidate) and bring it on screen.
    ShowSpan(Span),
    /// Show another side-panel tab.
    SetTab(SideTab),
    /// Change the text of the new-speaker or new-alias field.
    SetField(Field, String),
    /// The answer to "save the changes first?": save (`true`) or discard, then go on.
    Confirm(Pending, bool),
    /// Open this session with its article found at `article`.
    LocateArticle {
        /// The session whose article moved.
        session: PathBuf,
        /// Where the article is now.
        article: PathBuf,
    },
    /// The answer to "unsaved work found": restore it (`true`) or discard it.
    AnswerRecovery(bool),
    /// The answer to "the session changed on disk".
    DiskChanged(DiskChoice),
    /// This annotation was dealt with in the review window.
    Reviewed(AnnotationId),
    /// The review window was closed.
    CloseReview,
    /// Comparing with another annotator's session.
    Compare(crate::ui::vocabulary::CompareAction),
}

/// Small text fields whose content lives in the app between frames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Name of a speaker to add.
    NewSpeaker,
    /// Alias to add to the selected speaker.
    NewAlias,
    /// The project list's filter.
    ProjectFilter,
    /// The project search's query.
    ProjectQuery,
    /// The sources of this claim, as typed.
    Sources(AnnotationId),
}

/// How the document list is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProjectSort {
    /// By path.
    #[default]
    Name,
    /// By number of words.
    Words,
    /// By number of annotations.
    Annotations,
    /// New, in progress, done.
    Status,
    /// Most recently edited first.
    Edited,
}

/// What the Compare tab asks for.
#[derive(Debug)]
pub enum CompareAction {
    /// Compare with the session in this file.
    Open(PathBuf),
    /// Select item `n` (and show it in the article).
    Select(usize),
    /// Decide item `n`.
    Decide(usize, Decision),
    /// Select the next item still to decide.
    NextOpen,
    /// Stop comparing.
    Close,
}

/// An action waiting for the user to decide about unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Open this file.
    Open(PathBuf),
    /// Close the window.
    Quit,
}

/// What the user answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionChoice {
    /// A new speaker named after the text.
    NewSpeaker,
    /// An alias of the current speaker.
    AliasOfCurrent,
    /// A mention of this known speaker (the text does not become an alias).
    MentionOf(SpeakerId),
    /// A mention linked to no speaker (a pronoun before anyone is named).
    Nobody,
}

/// Which part of a quote is being attached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuotePart {
    /// The attribution verb ("said").
    Cue,
    /// A further content part of a quote split around its cue.
    More,
    /// The source mention ("He", "the minister").
    Source,
}

impl QuotePart {
    /// How messages name it: "cue", "part", "source".
    pub fn noun(self) -> &'static str {
        match self {
            Self::Cue => "cue",
            Self::More => "part",
            Self::Source => "source",
        }
    }
}

/// The answer to "the session changed on disk since you opened it".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChoice {
    /// Open the file as it is now; the unsaved edits go to the recovery folder.
    Reload,
    /// Write the edits beside it as `NAME.mine.ron`, leaving the file as the other left it.
    SaveCopy,
    /// Write the edits over it, keeping the other version as `NAME.theirs.ron`.
    Overwrite,
    /// Do nothing now.
    Cancel,
}

/// What the clipboard held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clip {
    /// The copied content.
    pub content: String,
    /// True when `content` is HTML (the clipboard's `text/html` flavour).
    pub html: bool,
}
