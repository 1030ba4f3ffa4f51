#!/usr/bin/env bash
# Interoperability: export a session holding every kind and attribute and check the files with
# tools newsmark does not share code with — the W3C Web Annotation Data Model's MUST
# requirements, as the W3C test suite lists them (.ci/w3c_check.py, plain Python), an
# independent brat parser from PyPI (bratly) and a strict reader following brat's own parser
# (.ci/brat_strict.py); Citron exports are loaded as Citron's reader loads them
# (.ci/citron_check.py). Everything it needs is in the repository or pinned on PyPI, so it runs
# from a plain clone. Exits non-zero on any mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# The PyPI tools go into a folder of their own (no root, no system site-packages, which Debian
# marks as externally managed), pinned so a new release cannot change what CI accepts; a failed
# install fails the run.
if ! python3 -m pip install --quiet --disable-pip-version-check --target "$out/py" \
    'bratly[io]==0.1.4' 'bratly-io-fs==0.1.4' 'pydantic==2.13.4'; then
    echo "interop: could not install the Python tools (python3 -m pip)" >&2
    exit 1
fi
export PYTHONPATH="$out/py${PYTHONPATH:+:$PYTHONPATH}"

cargo build --quiet
bin="${CARGO_TARGET_DIR:-target}/debug/newsmark"

# A session with every kind and attribute, from the committed hand-written brat fixture.
"$bin" import --format brat tests/fixtures/nato.ann --article tests/fixtures/nato.txt \
    -o "$out/nato.ron"
"$bin" check "$out/nato.ron"

echo "== W3C Web Annotation"
"$bin" export "$out/nato.ron" --format w3c -o "$out/nato.json"
w3c="$(python3 .ci/w3c_check.py "$out/nato.json")" || true
echo "$w3c"
if ! grep -Eq '^[1-9][0-9]* passed, 0 failed$' <<<"$w3c"; then
    echo "interop: W3C export failed the Web Annotation checks" >&2
    exit 1
fi

if grep -q 'file:' "$out/nato.json"; then
    echo "interop: the W3C export names the article by a local path" >&2
    exit 1
fi

echo "== W3C from other tools"
# Annotations as the Web Annotation model's examples and Hypothesis write them (no newsmark
# tags, comment bodies): read with --default-kind, written back as valid Web Annotation.
cat >"$out/foreign.json" <<'JSON'
[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno1",
  "type": "Annotation", "motivation": "commenting",
  "body": {"type": "TextualBody", "purpose": "commenting", "value": "Source?"},
  "target": {"source": "http://example.org/page1",
             "selector": {"type": "TextQuoteSelector", "exact": "Jens Stoltenberg"}}},
 {"id": "https://hypothes.is/a/2", "type": "Annotation",
  "body": [{"type": "TextualBody", "value": "Check this"}],
  "target": [{"source": "https://example.org/page1",
              "selector": [{"type": "TextPositionSelector", "start": 0, "end": 4}]}]}]
JSON
"$bin" import --format w3c "$out/foreign.json" --article tests/fixtures/nato.txt \
    --default-kind claim -o "$out/foreign.ron"
"$bin" export "$out/foreign.ron" --format w3c --article-url https://news.example/nato \
    -o "$out/foreign.out.json"
w3c="$(python3 .ci/w3c_check.py "$out/foreign.out.json")" || true
echo "$w3c"
if ! grep -Eq '^[1-9][0-9]* passed, 0 failed$' <<<"$w3c" \
    || ! grep -q '"value": "Source?"' "$out/foreign.out.json"; then
    echo "interop: foreign W3C annotations did not survive import and export" >&2
    exit 1
fi

echo "== brat standoff"
"$bin" export "$out/nato.ron" --format brat -o "$out/brat/nato.ann"
python3 .ci/brat_check.py "$out/brat/nato.ann" "$out/brat/nato.txt"
# brat's own rules (annotation.py) and the annotation.conf written beside the .ann.
python3 .ci/brat_strict.py "$out/brat/nato.ann" "$out/brat/nato.txt" "$out/brat/annotation.conf"

echo "== brat spans across line breaks"
# A quote, a claim and a cue that cross line breaks, written the old way (one span, the line
# break shown as a space); the export must write fragments brat can parse.
mkdir -p "$out/lines"
printf 'Jens Stoltenberg said:\n“We regret\nthat Russia\n\nwalks away,” he\nsaid.\n' \
    >"$out/lines/lines.txt"
printf 'T1\tMention 0 16\tJens Stoltenberg\nT2\tQuote 23 59\t“We regret that Russia  walks away,”\nT3\tClaim 34 45\tthat Russia\nT4\tCue 60 67\the said\nR1\tSaid Arg1:T2 Arg2:T4\nR2\tSource Arg1:T2 Arg2:T1\n' \
    >"$out/lines/in.ann"
"$bin" import --format brat "$out/lines/in.ann" --article "$out/lines/lines.txt" \
    -o "$out/lines.ron" >/dev/null
"$bin" export "$out/lines.ron" --format brat -o "$out/lines/out/lines.ann"
python3 .ci/brat_strict.py "$out/lines/out/lines.ann" "$out/lines/out/lines.txt" \
    "$out/lines/out/annotation.conf"
python3 .ci/brat_check.py "$out/lines/out/lines.ann" "$out/lines/out/lines.txt"
grep -q ';' "$out/lines/out/lines.ann" || { echo "interop: no fragments written" >&2; exit 1; }

echo "== Citron"
# Loaded as Citron's reader (citron/data.py) loads it; quotes without a cue are left out
# (listed, exit 1), which the fixture does not have.
"$bin" export "$out/nato.ron" --format citron -o "$out/nato.citron.json"
python3 .ci/citron_check.py "$out/nato.citron.json"
"$bin" export "$out/lines.ron" --format citron -o "$out/lines.citron.json"
python3 .ci/citron_check.py "$out/lines.citron.json"

echo "== brat round trip"
"$bin" import --format brat "$out/brat/nato.ann" --article "$out/brat/nato.txt" \
    -o "$out/again.ron" >/dev/null
"$bin" export "$out/again.ron" --format brat -o "$out/again/nato.ann" 2>/dev/null
cmp "$out/brat/nato.ann" "$out/again/nato.ann"
cmp "$out/brat/nato.txt" "$out/again/nato.txt"
echo "export → import → export is byte-identical"
echo "interop: all checks passed"
