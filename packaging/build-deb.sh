#!/usr/bin/env bash
# Builds target/debian/newsmark_VERSION-1_amd64.deb (needs cargo-deb: `cargo install cargo-deb
# --locked`). The man pages and shell completions are generated from the clap definitions
# first (examples/package_docs.rs), so they always describe the binary that is packaged.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=target/package-docs
rm -rf "$docs"
cargo run --quiet --example package_docs -- "$docs" >/dev/null
gzip -9n "$docs"/man/*.1
cargo deb "$@"
