#!/usr/bin/env bash
# make bench: in the real window (the production binary under Xvfb, on the demo), how long a
# pasted table of ROWS rows (10,000) takes to show its preview after "Check the list" is clicked.
# The table is put on the clipboard (a python3-gi helper owns the selection) and pasted with
# Ctrl+V into "Cells copied from a spreadsheet". From the click, the screen is grabbed as fast as
# it can be (a frame every 0.4-0.5 s on 2 loaded cores) without OCR; every tenth frame is
# read to see whether the preview ("Ready:") is there yet, and once it is, the frames in between
# are read to find the first that shows it. The figure is that frame's time since the click, so
# it is late by at most one frame's interval. A benchmark, not a test: it prints its figure.
set -euo pipefail
cd "$(dirname "$0")/.."
for need in Xvfb import tesseract xdotool curl; do
  command -v "$need" >/dev/null || { echo "bench-paste: skipped (needs $need: make setup-test installs it)"; exit 0; }
done
/usr/bin/python3 -c 'import gi; gi.require_version("Gtk", "3.0"); from gi.repository import Gtk' 2>/dev/null ||
  { echo "bench-paste: skipped (needs /usr/bin/python3 with python3-gi)"; exit 0; }
rows=${ROWS:-10000}
source scripts/fresh-user.sh
shots=build/screenshots
mkdir -p "$shots"
start_app "$home/app.log" ./build/bin/chat-members
ocr_out=$shots ocr_prefix=bench-paste- ocr_who="bench: paste" ocr_log=$home/app.log ocr_tries=90
source scripts/lib/ocr.sh

# Signed in on the demo as window-test.sh does: the demo button found by OCR, the consent page
# answered with curl.
wait_for welcome "Try the demo workspace" || exit 1
read -r x y < <(word_at "$tsv" Try the demo)
DISPLAY=$disp xdotool mousemove "$x" "$y" click 1
for _ in $(seq 1 50); do [ -s "$E2E_URL_FILE" ] && break; sleep 0.2; done
url=$(head -n 1 "$E2E_URL_FILE")
base=${url%%/o/oauth2/*}
rid=$(curl -s "$url" | sed -n 's/.*name="request_id" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -L -d "request_id=$rid&account=admin@example.com&action=allow" "$base/o/oauth2/approve" >/dev/null
wait_for spaces "Engineering" "All Hands" || exit 1

# The table: new people (none of them in the directory yet) spread over five demo spaces, tab
# separated as a spreadsheet copies its cells.
table=$home/table.tsv
awk -v n="$rows" 'BEGIN {
  split("Berlin Office|Engineering|Marketing|Sales EMEA|Sales Americas", s, "|")
  for (i = 1; i <= n; i++) printf "new.hire%05d@example.com\t%s\n", i, s[(i % 5) + 1] }' > "$table"
DISPLAY=$disp /usr/bin/python3 - "$table" <<'EOF' &
# Owns the clipboard with the table until the script ends (no clipboard manager under Xvfb).
import sys, gi
gi.require_version("Gtk", "3.0")
from gi.repository import Gtk, Gdk
text = open(sys.argv[1]).read()
Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD).set_text(text, -1)
Gtk.main()
EOF
clip_pid=$!
trap 'kill $clip_pid 2>/dev/null || true; fresh_user_cleanup' EXIT
sleep 1

click_on tab Several spaces && wait_for bulk "Add people to several spaces" "Paste a table" &&
  click_on mode Paste a table && click_on paste Cells copied from || exit 1
DISPLAY=$disp xdotool key ctrl+v
wait_for pasted "new.hire" || exit 1
# Found before the click (the text area has its rows in by now); clicked with the clock started.
shoot before-check
read -r x y < <(word_at "$tsv" Check the list) || true
if [ -z "${x:-}" ]; then reread 6; read -r x y < <(word_at "$tsv" Check the list) || true; fi
[ -n "${x:-}" ] || { echo "bench: paste: no \"Check the list\" on screen"; exit 1; }

frames=$home/frames
mkdir -p "$frames"
DISPLAY=$disp xdotool mousemove "$x" "$y" click 1
t0=$(date +%s.%N)
# seen N: whether frame N shows the preview.
seen() {
  convert "$frames/$1.png" -colorspace Gray -resize 200% "$home/f.png"
  tesseract "$home/f.png" - 2>/dev/null | tr -d ' ' | grep -qi "Ready:"
}
n=0
found=""
while :; do
  n=$((n + 1))
  DISPLAY=$disp import -window root "$frames/$n.png" 2>/dev/null
  date +%s.%N > "$frames/$n.t"
  if [ $((n % 10)) -eq 0 ] && seen "$n"; then found=$n; break; fi
  if awk -v a="$t0" -v b="$(cat "$frames/$n.t")" 'BEGIN { exit !(b - a > 300) }'; then break; fi
done
if [ -z "$found" ]; then echo "bench: paste: no preview within 300 s of the click"; exit 1; fi
first=$found
for i in $(seq $((found - 9)) $((found - 1))); do
  [ "$i" -ge 1 ] && seen "$i" && { first=$i; break; }
done
cp "$frames/$first.png" "$shots/bench-paste-preview.png"
prev=$((first - 1))
awk -v a="$t0" -v b="$(cat "$frames/$first.t")" -v p="$( [ $prev -ge 1 ] && cat "$frames/$prev.t" || echo "$t0")" -v r="$rows" \
  'BEGIN { printf "paste: the preview of a pasted %d-row table showed %.1f s after \"Check the list\" (the frame before it, without it, at %.1f s)\n", r, b - a, p - a }'
