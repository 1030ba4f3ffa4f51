//! Files: article decoding, session load/save, the open document.

pub mod article;
pub mod document;
pub mod session_file;
