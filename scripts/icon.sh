#!/usr/bin/env bash
# Renders the app icon from its source build/appicon.svg (rsvg-convert from librsvg2-bin,
# ImageMagick's convert):
#   build/appicon.png         1024x1024: Wails' source icon (macOS .icns, the Linux window icon)
#   build/linux/icon.png      256x256: the window's icon on Linux (embedded by main.go)
#   build/windows/icon.ico    16, 24, 32, 48, 64 and 256 px, each rendered from the SVG at its own
#                             size (sharper than scaling one bitmap down)
#   DIR/hicolor/NxN/apps/chat-members.png   with `scripts/icon.sh hicolor DIR` (the .deb's icons)
# The PNGs and the .ico are committed; run this after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
svg=build/appicon.svg
if [ "${1:-}" = hicolor ]; then
  dir=$2
  for s in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "$dir/hicolor/${s}x${s}/apps"
    rsvg-convert -w "$s" -h "$s" "$svg" -o "$dir/hicolor/${s}x${s}/apps/chat-members.png"
  done
  mkdir -p "$dir/hicolor/scalable/apps"
  cp "$svg" "$dir/hicolor/scalable/apps/chat-members.svg"
  exit 0
fi
rsvg-convert -w 1024 -h 1024 "$svg" -o build/appicon.png
rsvg-convert -w 256 -h 256 "$svg" -o build/linux/icon.png
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sizes=(16 24 32 48 64 256)
for s in "${sizes[@]}"; do rsvg-convert -w "$s" -h "$s" "$svg" -o "$tmp/$s.png"; done
convert $(for s in "${sizes[@]}"; do echo "$tmp/$s.png"; done) build/windows/icon.ico
echo "icon: build/appicon.png, build/linux/icon.png and build/windows/icon.ico rendered from $svg"
