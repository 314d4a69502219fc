#!/usr/bin/env bash
# Opens Chat Members on the demo workspace. With a display: the real window. Without one
# (DISPLAY and WAYLAND_DISPLAY unset): the browser bridge, which serves the app on
# 127.0.0.1:$CHAT_MEMBERS_BRIDGE_PORT (34115) to a browser on this computer, demo workspace only,
# and prints that address once the page answers. Ctrl+C stops it quietly.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: opening Chat Members on the demo workspace"
  app=(./build/bin/chat-members -demo)
else
  echo "run: no display found, so the app is served to your browser instead of a window"
  app=(./build/bin/chat-members-bridge -addr "127.0.0.1:${CHAT_MEMBERS_BRIDGE_PORT:-34115}")
fi
# Not on a terminal: become the app, so that a TERM reaches it directly.
if [ ! -t 0 ]; then exec "${app[@]}"; fi
# On a terminal, run the app as its own foreground job: Ctrl+C then reaches only the app, which
# stops cleanly and exits 0, instead of also interrupting make ("make: *** ... Error 130").
set -m
rc=0
"${app[@]}" || rc=$?
# 130: the app itself was interrupted (a window closed by Ctrl+C): a normal way to stop.
if [ "$rc" -eq 130 ]; then rc=0; fi
exit "$rc"
