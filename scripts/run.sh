#!/usr/bin/env bash
# Opens Chat Members on the demo workspace. With a display: the real window. Without one
# (DISPLAY and WAYLAND_DISPLAY unset): the dev build on Xvfb with its browser bridge bound to
# 127.0.0.1, demo workspace only, and the address to open in a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: opening Chat Members on the demo workspace"
  exec ./build/bin/chat-members -demo
fi

port=${CHAT_MEMBERS_BRIDGE_PORT:-34115}
disp=$(scripts/xvfb.sh start)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  scripts/xvfb.sh stop "$disp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
echo "run: no display found; started a virtual one ($disp) for the app's window"
echo "run: open http://127.0.0.1:$port in your browser (demo workspace only; Ctrl+C to stop)"
# In the background so that Ctrl+C or a TERM reaches the traps at once and stops both.
DISPLAY=$disp assetdir=frontend/dist devserver=127.0.0.1:$port ./build/bin/chat-members-dev -demo &
app_pid=$!
wait "$app_pid"
