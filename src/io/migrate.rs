//! Session format versions: reading an older file into today's [`Session`], and refusing input
//! that is nested too deeply to parse safely.
//!
//! Only version 1 exists today, and it is today's [`Session`]. The RON text is read with the
//! struct of *its* version and then lifted one version at a time. When version 2 arrives:
//! 1. copy today's `Session` (and the types it uses that change) into `migrate/v1.rs`, frozen;
//! 2. bump [`FORMAT_VERSION`] and change `Session`;
//! 3. add `fn v1_to_v2(old: v1::Session) -> Session` and the arm
//!    `1 => Ok(v1_to_v2(ron::from_str::<v1::Session>(ron_text)?))` in [`upgrade`].
//!
//! Typed structs are used rather than `ron::Value` because `ron::Value` forgets enum variant
//! names (`Quote(...)` and `Claim(...)` would read the same), so it cannot carry annotations.

use crate::model::session::{FORMAT_VERSION, Session};

/// Deepest bracket nesting accepted; a session written by newsmark nests about 7 deep.
pub const MAX_NESTING: usize = 64;

/// Oldest session format version this build can read.
pub const OLDEST_VERSION: u32 = 1;

/// Why a session text could not be brought to the current version.
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    /// The text does not fit the struct of its version.
    #[error(transparent)]
    Ron(#[from] ron::error::SpannedError),
    /// A version number no newsmark ever wrote (0) or newer than this build.
    #[error(
        "session format version {found} is not one this newsmark reads (versions {OLDEST_VERSION} to {FORMAT_VERSION})"
    )]
    Unknown {
        /// Version in the file.
        found: u32,
    },
}

/// Reads `ron_text`, whose `format_version` is `version`, into a current [`Session`]. The result
/// has `format_version` set to [`FORMAT_VERSION`].
pub fn upgrade(ron_text: &str, version: u32) -> Result<Session, MigrateError> {
    let mut session: Session = match version {
        FORMAT_VERSION => ron::from_str(ron_text)?,
        // Older versions get an arm here: `1 => v1_to_v2(ron::from_str(ron_text)?)`.
        found => return Err(MigrateError::Unknown { found }),
    };
    session.format_version = FORMAT_VERSION;
    Ok(session)
}

/// Deepest nesting of `(`, `[` and `{` outside strings, character literals and comments.
///
/// Cheap (one pass, no allocation) so it can run before the parser, whose recursion would
/// otherwise be the only guard against `((((…` bombs.
pub fn nesting_depth(ron_text: &str) -> usize {
    let mut depth: usize = 0;
    let mut deepest = 0;
    let mut chars = ron_text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '"' | '\'' => {
                // String or char literal: skip to the matching unescaped quote.
                while let Some(d) = chars.next() {
                    if d == '\\' {
                        chars.next();
                    } else if d == c {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'/') => {
                for d in chars.by_ref() {
                    if d == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for d in chars.by_ref() {
                    if prev == '*' && d == '/' {
                        break;
                    }
                    prev = d;
                }
            }
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_ignores_brackets_in_strings_chars_and_comments() {
        assert_eq!(nesting_depth("(a: [(b: 1)])"), 3);
        assert_eq!(nesting_depth(r#"(note: "((((\"(((", c: '(') // ((((("#), 1);
        assert_eq!(nesting_depth("( /* [[[[ */ )"), 1);
        assert_eq!(nesting_depth(&"(".repeat(10_000)), 10_000);
    }

    #[test]
    fn unknown_versions_are_named() {
        let e = upgrade("()", 0).unwrap_err().to_string();
        assert!(e.contains("version 0") && e.contains("1 to 1"), "{e}");
    }
}
