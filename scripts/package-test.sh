#!/usr/bin/env bash
# The package checks (`make package-test`, part of `make test`), on what `make package` built:
#   .deb: unpacked with dpkg-deb -x into a fresh directory, its own /usr/bin/chat-members starts
#         under Xvfb to the welcome screen (read back with OCR, as scripts/window-test.sh does) and
#         its window carries the app's icon and the desktop entry's WM class; the files a desktop
#         needs are in it; Depends names GTK 3 and WebKitGTK 4.1; lintian reports no warning or
#         error (each remaining tag is overridden with its reason in build/linux/lintian-overrides);
#   Windows: the .exe is a PE32+ amd64 GUI executable with icon and version resources, the
#         installer a PE executable too, and 7z's listing of the installer holds the app (byte for
#         byte the .exe we built), the uninstaller and the WebView2 bootstrapper.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
deb=build/bin/chat-members_${version}-1_amd64.deb
exe=build/bin/chat-members.exe
installer=build/bin/chat-members-amd64-installer.exe
pkgtool=build/bin/package/pkgtool
out=build/screenshots
mkdir -p "$out"

passed=0
failed=0
pass() { echo "package: ok: $1"; passed=$((passed + 1)); }
fail() { echo "package: FAILED: $1"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

source scripts/fresh-user.sh
unpacked=$home/unpacked
dpkg-deb -x "$deb" "$unpacked"

has_files() {
  local f missing=0
  for f in usr/bin/chat-members usr/share/applications/chat-members.desktop \
    usr/share/icons/hicolor/16x16/apps/chat-members.png usr/share/icons/hicolor/48x48/apps/chat-members.png \
    usr/share/icons/hicolor/256x256/apps/chat-members.png usr/share/icons/hicolor/scalable/apps/chat-members.svg \
    usr/share/doc/chat-members/copyright usr/share/lintian/overrides/chat-members; do
    [ -f "$unpacked/$f" ] || { echo "package: the .deb has no /$f"; missing=1; }
  done
  [ -x "$unpacked/usr/bin/chat-members" ] || { echo "package: /usr/bin/chat-members is not executable"; missing=1; }
  grep -qx 'Icon=chat-members' "$unpacked/usr/share/applications/chat-members.desktop" || missing=1
  return $missing
}
check "the .deb holds the binary, desktop entry, icons, copyright and overrides" has_files

depends() {
  local d
  d=$(dpkg-deb -f "$deb" Depends)
  echo "package: Depends: $d"
  grep -qE '(^|, )libgtk-3-0($|,| )' <<<"$d" && grep -qE '(^|, )libwebkit2gtk-4.1-0($|,| )' <<<"$d"
}
check "the .deb depends on libgtk-3-0 and libwebkit2gtk-4.1-0" depends

run_lintian() {
  local report
  # --fail-on warning: an error or warning fails; info and pedantic tags are printed only.
  report=$(lintian --fail-on error,warning --info "$deb" 2>&1) || { echo "$report"; return 1; }
  [ -z "$report" ] || echo "$report"
  return 0
}
check "lintian reports no error or warning" run_lintian

# --- the unpacked binary under Xvfb ---------------------------------------------------------------
start_app "$out/package-app.log" "$unpacked/usr/bin/chat-members"
text=""
welcome() {
  local shot=$out/package-welcome.png
  for _ in $(seq 1 30); do
    kill -0 "$app_pid" 2>/dev/null || { echo "package: the unpacked app exited; its log:"; cat "$out/package-app.log"; return 1; }
    if DISPLAY=$disp import -window root "$shot" 2>/dev/null; then
      convert "$shot" -colorspace Gray -resize 200% "$home/ocr.png"
      text=$(tesseract "$home/ocr.png" - 2>/dev/null | tr '\n' ' ')
      if grep -qi "Chat Members" <<<"$text" && grep -qi "Try the demo workspace" <<<"$text"; then return 0; fi
    fi
    sleep 1
  done
  echo "package: last OCR: ${text:-<none>}"
  return 1
}
check "the unpacked .deb's binary starts to the welcome screen" welcome

window_props() {
  local w props
  # --onlyvisible: GTK's hidden client-leader window carries the name and class but no icon.
  w=$(DISPLAY=$disp xdotool search --onlyvisible --pid "$app_pid" --name "^Chat Members$" 2>/dev/null | head -n 1)
  [ -n "$w" ] || { echo "package: no window named Chat Members"; return 1; }
  props=$(DISPLAY=$disp xprop -id "$w" WM_CLASS _NET_WM_ICON 2>&1 | head -c 400)
  grep -q 'WM_CLASS(STRING) = "chat-members"' <<<"$props" || { echo "package: $props"; return 1; }
  grep -q '_NET_WM_ICON(CARDINAL) = ' <<<"$props" || { echo "package: the window has no icon: $props"; return 1; }
}
check "its window has the app's icon and the desktop entry's WM class" window_props
kill "$app_pid" 2>/dev/null || true

# --- Windows ---------------------------------------------------------------------------------------
check "chat-members.exe is a PE32+ amd64 GUI executable with icon and version" "$pkgtool" pecheck "$exe" amd64 gui
check "the installer is a PE executable with icon and version" "$pkgtool" pecheck "$installer" 386 gui

installer_lists() {
  local list
  list=$(7z l "$installer" 2>&1) || { echo "$list"; return 1; }
  grep -qE ' chat-members\.exe$' <<<"$list" && grep -qE ' uninstall\.exe$' <<<"$list" \
    && grep -q 'MicrosoftEdgeWebview2Setup.exe' <<<"$list" \
    || { echo "package: the installer's listing lacks a file:"; echo "$list" | tail -n 15; return 1; }
  # The app in it is the one we built, byte for byte.
  7z e -so "$installer" chat-members.exe 2>/dev/null | cmp -s - "$exe" \
    || { echo "package: the installer's chat-members.exe differs from $exe"; return 1; }
}
check "the installer lists chat-members.exe (the one built), its uninstaller and the WebView2 bootstrapper" installer_lists

echo "package: sizes: .deb $(du -k "$deb" | cut -f1) KiB, .exe $(du -k "$exe" | cut -f1) KiB, installer $(du -k "$installer" | cut -f1) KiB"
echo "package: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
