#!/usr/bin/env bash
# The real window: the production binary under Xvfb, as a brand-new user. Screens are read back
# with OCR, so each step passes only if the words a person would see are there:
#   1. the welcome screen shows;
#   2. clicking "Try the demo workspace" (found by OCR, not by fixed coordinates) opens the
#      sign-in page in "the system browser" ($BROWSER hands the URL to this script, which
#      answers the consent page as the person would), and the window then shows the signed-in
#      account and the space list;
#   3. bulk add from a pasted table: the "Several spaces" tab, "Paste a table", a table typed into
#      the text area key by key (two demo people not yet in Berlin Office and one bad address),
#      "Check the list": the preview counts "Ready: 2" and "Invalid: 1"; "Drop every row that
#      will not be sent", "Add 2 rows": the Progress view shows the job "Finished", "2 done".
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/screenshots
mkdir -p "$out"
source scripts/fresh-user.sh
start_app "$out/window-app.log" ./build/bin/chat-members

passed=0
failed=0
ocr_out=$out ocr_who=window ocr_log=$out/window-app.log
source scripts/lib/ocr.sh
pass() { echo "window: ok: $1"; passed=$((passed + 1)); }
fail() { echo "window: FAILED: $1"; failed=$((failed + 1)); }
finish() {
  echo "window: screenshots in $out"
  echo "window: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

if wait_for welcome "Chat Members" "Try the demo workspace" "Connect your Google Workspace"; then
  pass "the welcome screen shows"
else
  fail "the welcome screen shows"
  failed=$((failed + 1)); echo "window: FAILED: signs in on the demo workspace (not reached)"; finish
fi

# The centre of the word "Try" that starts "Try the demo".
read -r x y < <(word_at "$tsv" Try the demo) # $tsv: the OCR pass that found the words
signed=0
if [ -n "${x:-}" ]; then
  DISPLAY=$disp xdotool mousemove "$x" "$y" click 1
  for _ in $(seq 1 50); do [ -s "$E2E_URL_FILE" ] && break; sleep 0.2; done
  url=$(head -n 1 "$E2E_URL_FILE")
  if [ -n "$url" ]; then
    # The person's browser: load the consent page, choose the demo admin, press Allow; the
    # redirect goes to the app's loopback listener, whose page says "Signed in".
    base=${url%%/o/oauth2/*}
    rid=$(curl -s "$url" | sed -n 's/.*name="request_id" value="\([^"]*\)".*/\1/p' | head -n 1)
    page=$(curl -s -L -d "request_id=$rid&account=admin@example.com&action=allow" "$base/o/oauth2/approve")
    # "Sign out" (dark text on a button) shows only when signed in; the grey "Signed in as …"
    # beside it is read unreliably by OCR.
    if grep -q "Signed in" <<<"$page" && wait_for signed-in "Sign out" "Spaces" "Engineering" "All Hands"; then
      signed=1
    fi
  else
    echo "window: the click opened no sign-in page"
  fi
else
  echo "window: could not find the demo button on screen"
fi
if [ $signed -eq 1 ]; then pass "signs in on the demo workspace"; else fail "signs in on the demo workspace"; fi
bulk="adds two people from a pasted table, the bad row dropped"
if [ $signed -ne 1 ]; then fail "$bulk (not reached)"; finish; fi

# A table as a person would type it: email, space; the second row is not an address.
table=("elif.yilmaz@example.com,Berlin Office" "not-an-address,Berlin Office" "emma.johansson@example.com,Berlin Office")
ok=0
if click_on bulk-tab Several spaces && wait_for bulk "Add people to several spaces" "Paste a table" &&
  click_on bulk-mode Paste a table && click_on bulk-paste Cells copied from; then
  for line in "${table[@]}"; do
    DISPLAY=$disp xdotool type --delay 30 -- "$line"
    DISPLAY=$disp xdotool key Return
  done
  if wait_for bulk-typed "emma.johansson@example.com" && click_on bulk-typed Check the list &&
    wait_for bulk-preview "Ready: 2" "Invalid: 1" && click_on bulk-preview Drop every row &&
    scroll=1 click_on bulk-dropped Add 2 rows &&
    ocr_tries=90 wait_for bulk-progress "Finished" "2 done"; then
    ok=1
    sleep 3 && shoot bulk-finished
  fi
fi
if [ $ok -eq 1 ]; then pass "$bulk"; else fail "$bulk"; fi
finish
