#!/usr/bin/env bash
# Makes the hicolor PNG sizes from newsmark.svg (needs rsvg-convert: apt install librsvg2-bin).
# The PNGs are committed, so building the package does not need it; run this after changing
# the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256; do
    mkdir -p "png/${size}x${size}"
    rsvg-convert -w "$size" -h "$size" newsmark.svg -o "png/${size}x${size}/newsmark.png"
done
