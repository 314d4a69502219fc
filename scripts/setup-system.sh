#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the app and its tests need, only when something is missing.
# Uses sudo only when not root. Usage: scripts/setup-system.sh [run|test|package]
#   run:  what the window build needs (make run with a display; headless make run needs nothing:
#         the browser bridge is pure Go)
#   test: that, plus Xvfb for the real-window test and Chromium, ImageMagick, xdotool and OCR,
#         and what package needs (make test checks the installers)
#   package: what the window build needs, plus what make package uses: rsvg-convert (the
#         .deb's icons), makensis (the Windows installer), lintian, 7z (lists the installer)
set -euo pipefail
mode=${1:-test}
pkgs=(libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config xdg-utils)
if [ "$mode" = test ]; then
  pkgs+=(xvfb xauth chromium imagemagick xdotool tesseract-ocr tesseract-ocr-eng)
fi
if [ "$mode" = test ] || [ "$mode" = package ]; then
  pkgs+=(librsvg2-bin nsis lintian p7zip-full)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing system packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: system packages ready"
