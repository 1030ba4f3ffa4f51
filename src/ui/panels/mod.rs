//! The side panel and its tabs: they read the state and return actions, never change it.
pub(crate) mod annotation_editor;
pub(crate) mod claims_panel;
pub(crate) mod compare_panel;
pub(crate) mod project_panel;
pub(crate) mod quote_panel;
pub mod search;
pub mod side_panel;
pub mod speakers_panel;
pub mod stats_panel;
pub mod suggestions;
pub mod widgets;
