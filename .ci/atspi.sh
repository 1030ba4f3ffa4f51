#!/usr/bin/env bash
# Screen reader check: the real window under Xvfb, on an accessibility bus (at-spi2), read the
# way Orca reads it, with pyatspi (.ci/atspi_check.py): no interactive element is unnamed, the
# whole article is text (its last paragraph too), annotations are marks that say what they are,
# and after a selection and Q the caret is still in the article. Needs xvfb, dbus,
# at-spi2-core, python3-pyatspi and xdotool (installed by .ci/run). Exits non-zero on a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

out="$(mktemp -d)"
pids=()
cleanup() {
    for p in "${pids[@]}"; do
        kill "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
    rm -rf "$out"
}
trap cleanup EXIT

cargo build --quiet
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$(pwd)/$target_dir" ;; esac
bin="$target_dir/debug/newsmark"
# An annotated session: the committed brat fixture (quotes with cues, claims, mentions).
"$bin" import --format brat tests/fixtures/nato.ann --article tests/fixtures/nato.txt \
    -o "$out/nato.ron" >/dev/null

display="${ATSPI_DISPLAY:-:97}"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY="$display"
# A loaded machine can take seconds to bring Xvfb up: wait until it answers (up to 30 s), so the
# app never starts before its display exists.
for _ in $(seq 300); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
if ! kill -0 "${pids[0]}" 2>/dev/null || ! xdpyinfo >/dev/null 2>&1; then
    echo "atspi: Xvfb did not answer on $display within 30 s (set ATSPI_DISPLAY to a free one)" >&2
    exit 1
fi

# pyatspi is Debian's, for the system Python (a pyenv or venv python3 would not see it).
py=/usr/bin/python3
[ -x "$py" ] || py=python3
export HOME="$out/home" NEWSMARK_BIN="$bin" NEWSMARK_SESSION="$out/nato.ron" \
    NEWSMARK_ARTICLE="$(pwd)/tests/fixtures/nato.txt" NO_AT_BRIDGE=0
mkdir -p "$HOME"
# A private session bus; the accessibility bus is started on demand, and switched on
# (org.a11y.Status.IsEnabled) before the app starts, as a desktop with a screen reader does.
dbus-run-session -- bash -c '
    set -euo pipefail
    gdbus call --session --dest org.a11y.Bus --object-path /org/a11y/bus \
        --method org.freedesktop.DBus.Properties.Set org.a11y.Status IsEnabled "<true>" >/dev/null
    "$0" .ci/atspi_check.py
' "$py"
