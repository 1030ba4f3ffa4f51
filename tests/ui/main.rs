//! The window, driven headless with egui_kittest.
//! One test binary for what used to be one per file (now `tests/ui/*.rs`), so the suite
//! links the app three times instead of once per file.

#[path = "../common/mod.rs"]
mod common;

#[path = "../cli_support/mod.rs"]
mod cli_support;

mod about;
mod accessibility;
mod annotator;
mod article_view;
mod attribution;
mod bad_input;
mod compare;
mod editors;
mod fine_print;
mod gold;
mod gui_export;
mod gui_workflow;
mod learning;
mod margin;
mod multiscript;
mod places;
mod project_window;
mod recovery_ui;
mod screen_reader;
mod search_typing;
mod sightless;
mod two_hands;
mod web_pages;
mod workflow;
