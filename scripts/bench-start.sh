#!/usr/bin/env bash
# make bench: the real window's start and memory, under Xvfb, as a brand-new user.
#  1. exec -> first paint of the welcome screen, against a bare Wails window built the same way
#     (scripts/bench/bare: same tags, flags and window options, a static page); both read from
#     the screen by scripts/bench/firstpaint.py, interleaved runs, medians, the ratio.
#  2. memory: the app plus its WebKit processes (WebKitWebProcess, WebKitNetworkProcess: every
#     descendant of the app), summed PSS from /proc/*/smaps_rollup, on the demo once the space
#     list shows (signed in the way window-test.sh does: the demo button found by OCR, the
#     consent page answered with curl).
# A benchmark, not a test: it prints its figures. RUNS=n changes the number of start-ups (7).
set -euo pipefail
cd "$(dirname "$0")/.."
for need in Xvfb import tesseract xdotool curl; do
  command -v "$need" >/dev/null || { echo "bench-start: skipped (needs $need: make setup-test installs it)"; exit 0; }
done
/usr/bin/python3 -c 'import gi; gi.require_version("Gdk", "3.0"); from gi.repository import Gdk' 2>/dev/null ||
  { echo "bench-start: skipped (needs /usr/bin/python3 with python3-gi)"; exit 0; }
source scripts/fresh-user.sh
runs=${RUNS:-7}
appenv=(env -u WAYLAND_DISPLAY HOME="$home" XDG_CONFIG_HOME="$home/.config" LANG=en_US.UTF-8 LANGUAGE=en DISPLAY="$disp")

"${appenv[@]}" /usr/bin/python3 scripts/bench/firstpaint.py "$runs" ./build/bin/chat-members ./build/bin/bench-bare

# 2. Memory on the demo after the space list loads.
shots=build/screenshots
mkdir -p "$shots"
start_app "$home/app.log" ./build/bin/chat-members
ocr_out=$shots ocr_prefix=bench- ocr_who="bench: memory" ocr_log=$home/app.log ocr_tries=60
source scripts/lib/ocr.sh
wait_for welcome "Try the demo workspace" || exit 1
read -r x y < <(word_at "$tsv" Try the demo)
DISPLAY=$disp xdotool mousemove "$x" "$y" click 1
for _ in $(seq 1 50); do [ -s "$E2E_URL_FILE" ] && break; sleep 0.2; done
url=$(head -n 1 "$E2E_URL_FILE")
base=${url%%/o/oauth2/*}
rid=$(curl -s "$url" | sed -n 's/.*name="request_id" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -L -d "request_id=$rid&account=admin@example.com&action=allow" "$base/o/oauth2/approve" >/dev/null
wait_for spaces "Engineering" "All Hands" || exit 1
sleep 2 # let the list settle (its member counts, the idle web process)

# descendants PID: every process whose parent chain reaches PID.
descendants() {
  local p
  for p in $(ps -o pid= --ppid "$1"); do echo "$p"; descendants "$p"; done
}
total=0
for p in "$app_pid" $(descendants "$app_pid"); do
  [ -r "/proc/$p/smaps_rollup" ] || continue
  kb=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup")
  rss=$(awk '/^Rss:/ {print $2}' "/proc/$p/smaps_rollup")
  printf 'memory: %-22s pid %-7s PSS %6d KiB  RSS %6d KiB\n' "$(cat /proc/$p/comm)" "$p" "$kb" "$rss"
  total=$((total + kb))
done
echo "memory: the app and its WebKit processes on the demo after the space list loads: PSS $((total / 1024)) MiB in all"
