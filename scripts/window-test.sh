#!/usr/bin/env bash
# The real window: the production binary under Xvfb, as a brand-new user. Screens are read back
# with OCR, so each step passes only if the words a person would see are there:
#   1. the welcome screen shows;
#   2. clicking "Try the demo workspace" (found by OCR, not by fixed coordinates) opens the
#      sign-in page in "the system browser" ($BROWSER hands the URL to this script, which
#      answers the consent page as the person would), and the window then shows the signed-in
#      account and the space list.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/screenshots
mkdir -p "$out"
source scripts/fresh-user.sh
start_app "$out/window-app.log" ./build/bin/chat-members

passed=0
failed=0
text=""
# shoot NAME: screenshot into $out/NAME.png and its OCR (grey, doubled: reads white-on-blue
# buttons too) into $text and $out/NAME.tsv.
shoot() {
  DISPLAY=$disp import -window root "$out/$1.png" 2>/dev/null || return 1
  convert "$out/$1.png" -colorspace Gray -resize 200% "$home/ocr.png"
  tesseract "$home/ocr.png" - tsv 2>/dev/null > "$out/$1.tsv" || return 1
  text=$(awk -F'\t' 'NR>1 && $12!="" {printf "%s ", $12}' "$out/$1.tsv")
}
# wait_for NAME PHRASE...: screenshots until every phrase is on screen (30 tries).
wait_for() {
  local name=$1; shift
  for _ in $(seq 1 30); do
    kill -0 "$app_pid" 2>/dev/null || { echo "window: the app exited; its log:"; cat "$out/window-app.log"; return 1; }
    if shoot "$name"; then
      local ok=1
      for w in "$@"; do grep -qi -- "$w" <<<"$text" || ok=0; done
      [ $ok -eq 1 ] && return 0
    fi
    sleep 1
  done
  echo "window: waited for (${*}) on $name; last OCR: ${text:-<none>}"
  return 1
}
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

# The centre of the word "Try" that starts "Try the demo", halved back to screen pixels.
read -r x y < <(awk -F'\t' 'NR>1 && $12!="" {
    k=$3"."$4"."$5; n[k]++; w[k,n[k]]=$12; L[k,n[k]]=$7; T[k,n[k]]=$8; W[k,n[k]]=$9; H[k,n[k]]=$10 }
  END { for (k in n) for (i=1; i+2<=n[k]; i++)
    if (w[k,i]=="Try" && w[k,i+1]=="the" && w[k,i+2]=="demo") {
      printf "%d %d\n", (L[k,i]+W[k,i]/2)/2, (T[k,i]+H[k,i]/2)/2; exit } }' "$out/welcome.tsv")
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
finish
