//! What this build of newsmark is: its version and the commit it was built from (set by
//! `build.rs`; "unknown" when built outside a git checkout without `NEWSMARK_COMMIT`).

/// The package version, "0.1.0".
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The git commit the binary was built from, short hash, or "unknown".
pub const COMMIT: &str = env!("NEWSMARK_COMMIT");

/// What `newsmark --version` prints after the name: "0.1.0 (commit 1a2b3c4d5e6f)".
pub const LONG: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("NEWSMARK_COMMIT"),
    ")"
);

/// The licence the package is offered under, as an SPDX expression.
pub const LICENSE: &str = env!("CARGO_PKG_LICENSE");
