#!/usr/bin/env bash
# End to end: the dev build (browser bridge, demo workspace, real Go backend and emulator) on
# Xvfb, driven by Playwright in Debian's Chromium. The consent page is clicked in the same browser:
# the app hands its sign-in URL to scripts/e2e-browser.sh through $BROWSER.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/fresh-user.sh
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# Wails' dev build reads its bridge settings from the environment.
assetdir=$root/frontend/dist devserver=127.0.0.1:$port start_app "$home/app.log" ./build/bin/chat-members-dev -demo
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$app_pid" 2>/dev/null || { echo "e2e: the app exited; its log:"; cat "$home/app.log"; exit 1; }
  sleep 0.2
done
echo "e2e: app bridge at http://127.0.0.1:$port"
mkdir -p build/screenshots
cd frontend
set +e
E2E_BASE_URL=http://127.0.0.1:$port E2E_SHOTS=$root/build/screenshots npx playwright test
rc=$?
set -e
if [ $rc -ne 0 ]; then echo "e2e: failed; the app's log:"; tail -50 "$home/app.log"; fi
exit $rc
