//! Files: article decoding, session load/save, the open document.

pub mod article;
pub mod document;
pub mod migrate;
pub mod recovery;
pub mod session_file;
