//! Files: article decoding, session load/save, the open document, interchange formats.

pub mod article;
pub mod document;
pub mod formats;
pub mod session_file;
