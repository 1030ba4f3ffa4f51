//! The article's own text engine (egui 0.37 has no bidi and no system fonts): system fonts
//! and fallback, shaping, bidi and line breaking through cosmic-text, hit-testing and
//! highlight rectangles in code points, and a glyph atlas painted as egui meshes.
//! Why this engine: docs/text-engine.md.

pub mod atlas;
pub mod bidi;
pub mod fonts;
pub mod script;
pub mod shaped;
