#!/usr/bin/env bash
# The Debian package as a user meets it: build it, install it with apt, open an article from the
# desktop entry's Exec line under Xvfb and check that a window opens on it, run
# `newsmark --version`, print the package size and start-up time, then remove the package and
# check that nothing it installed is left. As root or with sudo -n; needs xvfb, xdotool,
# desktop-file-utils and libfile-mimeinfo-perl (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo -n"; fi

fail() {
    echo "package: $*" >&2
    exit 1
}

work="$(mktemp -d)"
xvfb_pid=""
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# cargo-deb, once per machine (a fixed version: its output is what is checked here).
cargo_deb_version=3.8.0
if [ "$(cargo deb --version 2>/dev/null)" != "cargo-deb $cargo_deb_version" ]; then
    cargo install cargo-deb --locked --version "$cargo_deb_version" --quiet
fi

# A package left from an interrupted run would hide what this one installs.
if dpkg -s newsmark >/dev/null 2>&1; then
    echo "package: removing the newsmark package already installed"
    $sudo apt-get purge -y -qq newsmark >/dev/null
fi

# Build. The man pages and completions come from the clap definitions (package_docs).
bash packaging/build-deb.sh --quiet >"$work/deb-path"
deb="$(tail -n 1 "$work/deb-path")"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
[ "$deb" = "$PWD/target/debian/newsmark_${version}_amd64.deb" ] || fail "unexpected package path $deb"
echo "package: built $(basename "$deb")"

# What the package holds: every path, and which folders exist before it is installed.
dpkg-deb --fsys-tarfile "$deb" | tar -t | sed -e 's|^\./|/|' -e 's|/$||' | grep -v '^/\?$' >"$work/paths"
for expected in /usr/bin/newsmark /usr/share/applications/newsmark.desktop \
    /usr/share/mime/packages/newsmark.xml /usr/share/icons/hicolor/scalable/apps/newsmark.svg \
    /usr/share/icons/hicolor/48x48/apps/newsmark.png /usr/share/man/man1/newsmark.1.gz \
    /usr/share/man/man1/newsmark-export.1.gz /usr/share/bash-completion/completions/newsmark \
    /usr/share/zsh/vendor-completions/_newsmark /usr/share/fish/vendor_completions.d/newsmark.fish \
    /usr/share/doc/newsmark/copyright /usr/share/doc/newsmark/changelog.Debian.gz; do
    grep -qx "$expected" "$work/paths" || fail "the package lacks $expected"
done
while read -r p; do
    if [ -d "$p" ]; then echo "$p"; fi
done <"$work/paths" >"$work/dirs-before"
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/newsmark >"$work/newsmark"
if readelf -S "$work/newsmark" | grep -q '\.symtab'; then fail "the binary is not stripped"; fi

# Install as a user would; apt brings the libraries the window loads.
if ! $sudo apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1; then
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log" >&2; fail "apt could not install $deb"; }
fi
echo "package: installed"
desktop=/usr/share/applications/newsmark.desktop
desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $desktop"
zcat /usr/share/man/man1/newsmark.1.gz | grep -q '^\.TH newsmark 1' || fail "no man page"
bash -c 'source /usr/share/bash-completion/completions/newsmark && complete -p newsmark' \
    >/dev/null || fail "the bash completion defines nothing"
# The session type is known by content: a session is one, another RON file is not.
cp saves/nato_russia_2022-01-07.ron "$work/session.ron"
printf '(\n    name: "not a session",\n)\n' >"$work/other.ron"
[ "$(mimetype -b "$work/session.ron")" = application/x-newsmark-session ] ||
    fail "a session is $(mimetype -b "$work/session.ron")"
[ "$(mimetype -b "$work/other.ron")" != application/x-newsmark-session ] ||
    fail "any RON file is taken for a session"

# --version names the version and the commit.
said="$(newsmark --version)"
echo "package: newsmark --version: $said"
commit="$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
[ "$said" = "newsmark $version (commit $commit)" ] || fail "--version says \"$said\""

# The desktop entry's Exec line with an article, under Xvfb, with a home of its own.
exec_line="$(sed -n 's/^Exec=//p' "$desktop")"
article="$work/desktop-check.txt"
cp assets/nato_russia_2022-01-07.txt "$article"
read -ra exec_words <<<"$exec_line"
command=()
for w in "${exec_words[@]}"; do
    case "$w" in
    %F | %f | %U | %u) command+=("$article") ;;
    *) command+=("$w") ;;
    esac
done
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb_pid=$!
# A loaded machine can take seconds to bring Xvfb up: wait until it names its display.
for _ in $(seq 300); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start within 30 s"
display=":$(cat "$work/display")"
mkdir -p "$work/home"
(cd "$work" && exec env -u WAYLAND_DISPLAY -u XDG_DATA_HOME -u XDG_STATE_HOME -u XDG_CONFIG_HOME \
    DISPLAY="$display" HOME="$work/home" NEWSMARK_REPORT_FIRST_FRAME=1 "${command[@]}") \
    >"$work/app.log" 2>&1 &
app_pid=$!
echo "package: started ${command[*]} on $display"
window=""
for _ in $(seq 120); do
    window="$(DISPLAY="$display" xdotool search --onlyvisible --name 'desktop-check' 2>/dev/null | head -n 1 || true)"
    [ -n "$window" ] && grep -q "first frame shown" "$work/app.log" && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "newsmark exited"; }
    sleep 0.5
done
[ -n "$window" ] || { cat "$work/app.log" >&2; fail "no window opened on the article"; }
grep -q "first frame shown" "$work/app.log" || fail "the window painted no frame"
echo "package: window \"$(DISPLAY="$display" xdotool getwindowname "$window")\"" \
    "$(DISPLAY="$display" xwininfo -id "$window" | sed -n 's/.*Width: //p')x$(DISPLAY="$display" xwininfo -id "$window" | sed -n 's/.*Height: //p')"
grep "first frame shown" "$work/app.log" | sed 's/^/package: /'
kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
app_pid=""

# Size and start-up time, with the installed binary (printed, not judged).
DISPLAY="$display" cargo run --quiet --example package_bench -- --deb "$deb" --runs 5 |
    sed 's/^/package: /'

# Remove it: no file it installed is left, nor any folder that it brought.
$sudo apt-get purge -y -qq newsmark >/dev/null
left=0
while read -r p; do
    if grep -qx "$p" "$work/dirs-before"; then continue; fi
    if [ -e "$p" ] || [ -L "$p" ]; then
        # A folder another package also owns may stay.
        if [ -d "$p" ] && dpkg -S "$p" >/dev/null 2>&1; then continue; fi
        echo "package: left after removal: $p" >&2
        left=1
    fi
done <"$work/paths"
[ ! -e /usr/share/mime/application/x-newsmark-session.xml ] ||
    { echo "package: the MIME database still knows the session type" >&2; left=1; }
[ "$left" = 0 ] || fail "removing the package left files behind"
echo "package: removed; nothing it installed is left"
