#!/usr/bin/env bash
# The real window: starts the production binary under Xvfb as a brand-new user, screenshots the
# screen and reads it back with OCR, passing only if the welcome screen's words are there.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/screenshots
mkdir -p "$out"
home=$(mktemp -d)
disp=$(scripts/xvfb.sh start)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  scripts/xvfb.sh stop "$disp"
  rm -rf "$home"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A fresh user: empty config, English, no session bus (the token store falls back to a file).
HOME=$home XDG_CONFIG_HOME=$home/.config LANG=en_US.UTF-8 LANGUAGE=en DISPLAY=$disp \
  ./build/bin/chat-members >"$out/window-app.log" 2>&1 &
app_pid=$!

want=("Chat Members" "demo workspace")
passed=0
for _ in $(seq 1 60); do
  sleep 1
  kill -0 "$app_pid" 2>/dev/null || { echo "window: the app exited early; its log:"; cat "$out/window-app.log"; break; }
  DISPLAY=$disp xdotool search --name "Chat Members" >/dev/null 2>&1 || continue
  DISPLAY=$disp import -window root "$out/window.png" 2>/dev/null || continue
  text=$(tesseract "$out/window.png" - 2>/dev/null | tr '\n' ' ')
  ok=1
  for w in "${want[@]}"; do
    grep -qi "$w" <<<"$text" || ok=0
  done
  if [ $ok -eq 1 ]; then passed=1; break; fi
done
if [ $passed -eq 1 ]; then
  echo "window: the welcome screen shows (${want[*]}); screenshot $out/window.png"
  echo "window: 1 passed, 0 failed"
else
  echo "window: the welcome screen did not show the expected text; last OCR: ${text:-<none>}"
  echo "window: 0 passed, 1 failed"
  exit 1
fi
