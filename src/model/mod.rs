//! Pure data and rules: no egui, no file I/O, no clock.

pub mod agreement;
pub mod anchor;
pub mod annotation;
pub mod attribution;
pub mod compare;
pub mod edit;
pub mod filter;
pub mod history;
pub mod ids;
pub mod index;
pub mod learn;
pub mod quotation;
pub mod search;
pub mod session;
pub mod speaker;
pub mod stats;
pub mod suggest;
pub mod text;
pub mod worklist;
