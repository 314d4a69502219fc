#!/usr/bin/env bash
# make bench: how long 10,000 spaces take to appear, and a cleared search to redraw them, and the
# same for 10,000 members of a space in its member list, in
# (a) headless Chromium and (b) WebKitGTK 4.1 (the engine of the Linux window) under Xvfb, both
# on the browser bridge (real Go backend and demo emulator). A benchmark, not a test: it prints
# one line per figure. scripts/bench/spaces-hook.js and members-hook.js say what is measured and
# how. Each list gets a fresh bridge, so one's load does not weigh on the other's figures.
#   BENCH_BRIDGE=path  another bridge binary (e.g. one built from older code, to compare)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BENCH_BRIDGE:-./build/bin/chat-members-bridge}
NO_DISPLAY=1 source scripts/fresh-user.sh

# run_bridge: a fresh bridge (fresh emulator, signed out) on a free port; sets url.
run_bridge() {
  [ -n "$app_pid" ] && { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; }
  : > "$E2E_URL_FILE"
  local port
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  start_app "$home/app.log" "$bin" -addr "127.0.0.1:$port"
  for _ in $(seq 1 100); do
    grep -q "is at http://127.0.0.1:$port" "$home/app.log" 2>/dev/null && break
    kill -0 "$app_pid" 2>/dev/null || { echo "bench: the bridge exited; its log:"; cat "$home/app.log"; exit 1; }
    sleep 0.2
  done
  url=http://127.0.0.1:$port/
}

for hook in spaces members; do
  run_bridge
  BENCH_URL=$url node scripts/bench/spaces-chromium.mjs $hook
done

if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import gi; gi.require_version("WebKit2", "4.1")' 2>/dev/null && command -v Xvfb >/dev/null; then
  disp=$(scripts/xvfb.sh start)
  for hook in spaces members; do
    run_bridge
    DISPLAY=$disp BENCH_URL=$url /usr/bin/python3 scripts/bench/spaces-webkit.py $hook
  done
else
  echo "webkitgtk: skipped (needs /usr/bin/python3 with python3-gi and gir1.2-webkit2-4.1, and Xvfb)"
fi
