//! Files: article decoding, session load/save, the open document, interchange formats,
//! migrations, crash recovery and the lock of an open session.

pub mod article;
pub mod disk;
pub mod document;
pub mod formats;
pub mod learn;
pub mod lock;
pub mod migrate;
pub mod page;
pub mod places;
pub mod project;
pub mod project_search;
pub mod recovery;
pub mod sample;
pub mod session_file;
