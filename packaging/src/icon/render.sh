#!/usr/bin/env bash
# Renders rationale.svg to the icons jpackage takes: PNG (Linux) and ICO (Windows). Needs ImageMagick.
# The outputs are committed, so building the image needs no ImageMagick; run this after editing the SVG.
# (macOS wants an .icns: make it there with iconutil from rationale.png, see packaging/README.md.)
set -euo pipefail
cd "$(dirname "$0")"
convert -background none rationale.svg -depth 8 rationale.png
convert -background none rationale.svg -depth 8 -define icon:auto-resize=256,128,64,48,32,16 rationale.ico
