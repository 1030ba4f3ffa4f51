#!/usr/bin/env bash
# Interoperability: export a session holding every kind and attribute and check the files with
# tools newsmark does not share code with — the W3C Web Annotation test-suite schemas
# (../shared/tools/w3c_check.py) and an independent brat parser from PyPI (bratly).
# Run from the repository root; exits non-zero on any mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."

pip install --quiet --disable-pip-version-check jsonschema 'bratly[io]' 2>&1 \
    | grep -v "Running pip as the 'root' user" || true

cargo build --quiet
bin="${CARGO_TARGET_DIR:-target}/debug/newsmark"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# A session with every kind and attribute, from the committed hand-written brat fixture.
"$bin" import --format brat tests/fixtures/nato.ann --article tests/fixtures/nato.txt \
    -o "$out/nato.ron"
"$bin" check "$out/nato.ron"

echo "== W3C Web Annotation"
"$bin" export "$out/nato.ron" --format w3c -o "$out/nato.json"
w3c="$(python3 ../shared/tools/w3c_check.py "$out/nato.json")" || true
echo "$w3c"
if ! grep -Eq '^[1-9][0-9]* passed, 0 failed$' <<<"$w3c"; then
    echo "interop: W3C export failed the Web Annotation checks" >&2
    exit 1
fi

echo "== brat standoff"
"$bin" export "$out/nato.ron" --format brat -o "$out/brat/nato.ann"
python3 .ci/brat_check.py "$out/brat/nato.ann" "$out/brat/nato.txt"

echo "== brat round trip"
"$bin" import --format brat "$out/brat/nato.ann" --article "$out/brat/nato.txt" \
    -o "$out/again.ron" >/dev/null
"$bin" export "$out/again.ron" --format brat -o "$out/again/nato.ann" 2>/dev/null
cmp "$out/brat/nato.ann" "$out/again/nato.ann"
cmp "$out/brat/nato.txt" "$out/again/nato.txt"
echo "export → import → export is byte-identical"
echo "interop: all checks passed"
