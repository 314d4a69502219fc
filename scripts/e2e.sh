#!/usr/bin/env bash
# End to end: the dev build (browser bridge, demo workspace, real Go backend and emulator) on
# Xvfb, driven by Playwright in Debian's Chromium. The consent page is clicked in the same browser:
# the app hands its sign-in URL to scripts/e2e-browser.sh through $BROWSER.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
disp=$(scripts/xvfb.sh start)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  "$root/scripts/xvfb.sh" stop "$disp"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export E2E_URL_FILE=$work/opened-urls
: > "$E2E_URL_FILE"
HOME=$work XDG_CONFIG_HOME=$work/.config LANG=en_US.UTF-8 LANGUAGE=en DISPLAY=$disp \
  BROWSER=$root/scripts/e2e-browser.sh assetdir=$root/frontend/dist devserver=127.0.0.1:$port \
  ./build/bin/chat-members-dev -demo >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$app_pid" 2>/dev/null || { echo "e2e: the app exited; its log:"; cat "$work/app.log"; exit 1; }
  sleep 0.2
done
echo "e2e: app bridge at http://127.0.0.1:$port"
mkdir -p build/screenshots
cd frontend
set +e
E2E_BASE_URL=http://127.0.0.1:$port E2E_SHOTS=$root/build/screenshots npx playwright test
rc=$?
set -e
if [ $rc -ne 0 ]; then echo "e2e: failed; the app's log:"; tail -50 "$work/app.log"; fi
exit $rc
