#!/usr/bin/env bash
# End to end: the browser bridge (real Go backend and emulator, demo workspace), driven by
# Playwright in Debian's Chromium. The consent page is clicked in the same browser: the app
# hands its sign-in URL to scripts/e2e-browser.sh through $BROWSER. No display is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
NO_DISPLAY=1 source scripts/fresh-user.sh
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# Exports land in the download folder (the bridge has no save dialog); the specs read them there.
downloads="$home/Downloads"
XDG_DOWNLOAD_DIR="$downloads" start_app "$home/app.log" ./build/bin/chat-members-bridge -addr "127.0.0.1:$port"
# The bridge prints its address once its page answers.
for _ in $(seq 1 100); do
  grep -q "is at http://127.0.0.1:$port" "$home/app.log" 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { echo "e2e: the app exited; its log:"; cat "$home/app.log"; exit 1; }
  sleep 0.2
done
echo "e2e: app bridge at http://127.0.0.1:$port"
mkdir -p build/screenshots
cd frontend
set +e
E2E_BASE_URL=http://127.0.0.1:$port E2E_SHOTS=$root/build/screenshots E2E_DOWNLOAD_DIR=$downloads \
  E2E_BRIDGE=$root/build/bin/chat-members-bridge E2E_BROWSER_SCRIPT=$root/scripts/e2e-browser.sh npx playwright test "$@"
rc=$?
set -e
if [ $rc -ne 0 ]; then
  echo "e2e: failed; the app's output:"; tail -50 "$home/app.log"
  # The structured log (backend/logfile) names each call and its problem code.
  log="$home/.local/state/chat-members/chat-members.log"
  [ -f "$log" ] && { echo "e2e: the app's structured log:"; tail -40 "$log"; }
fi
exit $rc
