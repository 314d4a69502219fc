#!/usr/bin/env bash
# `make package`: the installers, built on this Debian machine into build/bin/:
#   chat-members_VERSION-1_amd64.deb      nfpm (pinned below): binary, desktop entry, icons, man page,
#                                         copyright
#   chat-members.exe                      the app for windows/amd64 (Wails' Windows backend needs no
#                                         cgo), with icon, manifest and version info as a .syso
#   chat-members-amd64-installer.exe      NSIS installer from Wails' template (makensis, Debian's nsis)
# The Makefile builds the frontend first.
# VERSION is wails.json's info.productVersion, the one place the version is written.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
NFPM=github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.45.2
GO=${GO:-go}
out=build/bin
stage=$out/package
version=$(sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
[ -n "$version" ] || { echo "package: no info.productVersion in wails.json" >&2; exit 1; }
export VERSION=$version
# Dates inside the packages come from the last commit, so a rebuild of the same commit is the same.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

rm -rf "$stage"
mkdir -p "$stage"
$GO build -C scripts/pkgtool -o "$PWD/$stage/pkgtool" .
pkgtool=$stage/pkgtool

# --- Debian package ------------------------------------------------------------------------------
echo "package: .deb $version"
# The Linux binary as `make build` makes it, hardened as Debian expects of a packaged binary
# (lintian): position-independent, with full RELRO.
$GO build -tags desktop,production,webkit2_41 -buildmode=pie -trimpath \
  -ldflags "-w -s -extldflags=-Wl,-z,relro,-z,now" -o "$stage/chat-members" .
gzip -9n -c build/linux/chat-members.1 > "$stage/chat-members.1.gz"
scripts/icon.sh hicolor "$stage/icons"
cat > "$stage/changelog.Debian" <<CHANGES
chat-members ($version-1) unstable; urgency=medium

  * Release $version, built from the repository with \`make package\`.

 -- Chat Members developers <chat-members@users.noreply.example.org>  $(date -u -R -d "@$SOURCE_DATE_EPOCH")
CHANGES
gzip -9n "$stage/changelog.Debian"
deb=$out/chat-members_${version}-1_amd64.deb
rm -f "$deb"
$GO run "$NFPM" package --config build/linux/nfpm.yaml --packager deb --target "$deb" >/dev/null
echo "package: $deb ($(du -k "$deb" | cut -f1) KiB)"

# --- Windows executable --------------------------------------------------------------------------
echo "package: Windows executable (windows/amd64)"
# The .syso sits beside main.go only for this build; its _windows_amd64 suffix keeps it out of
# every other build even while it is there.
syso=chat-members-res_windows_amd64.syso
trap 'rm -f "$syso"' EXIT
"$pkgtool" syso "$syso"
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $GO build -tags desktop,production -trimpath \
  -ldflags "-w -s -H windowsgui" -o "$out/chat-members.exe" .
rm -f "$syso"
echo "package: $out/chat-members.exe ($(du -k "$out/chat-members.exe" | cut -f1) KiB)"

# --- Windows installer ---------------------------------------------------------------------------
# As `wails build -nsis` does: resolve wails_tools.nsh from Wails' template with wails.json, put the
# WebView2 bootstrapper Wails ships beside it (the installer runs it when WebView2 is missing),
# and run makensis in build/windows/installer.
echo "package: Windows installer (NSIS)"
wails=$($GO list -m -f '{{.Dir}}' github.com/wailsapp/wails/v2)
inst=build/windows/installer
"$pkgtool" render "$wails/pkg/buildassets/build/windows/installer/wails_tools.nsh" "$inst/wails_tools.nsh"
mkdir -p "$inst/tmp"
cp "$wails/internal/webview2runtime/MicrosoftEdgeWebview2Setup.exe" "$inst/tmp/"
chmod u+w "$inst/tmp/MicrosoftEdgeWebview2Setup.exe"
(cd "$inst" && makensis -V2 -DARG_WAILS_AMD64_BINARY="$root/$out/chat-members.exe" project.nsi)
installer=$out/chat-members-amd64-installer.exe
echo "package: $installer ($(du -k "$installer" | cut -f1) KiB)"
