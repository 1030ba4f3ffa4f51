//! What actions do: the `impl NewsmarkApp` blocks [`crate::ui::app::NewsmarkApp::apply`] and
//! the command dispatcher call, one file per topic. Views never import these.
pub(crate) mod annotate;
pub(crate) mod compare;
pub(crate) mod files;
pub(crate) mod hands;
pub(crate) mod paste;
pub mod project;
pub(crate) mod quote_parts;
pub mod reading;
pub mod recovery;
pub mod review;
pub mod search;
pub mod suggestions;
pub(crate) mod training;
pub(crate) mod undo;
