# Sourced after scripts/fresh-user.sh (which sets disp, home, app_pid): reads the screen back
# with OCR, so that a step passes only if the words a person would see are there. Set first:
#   ocr_out     folder for the screenshots and their OCR (NAME.png, NAME.tsv)
#   ocr_prefix  put before each NAME (default none)
#   ocr_who     the caller's name in messages ("window", "bench: memory")
#   ocr_log     the app's log, printed if the app exits while waited for
#   ocr_tries   screenshots wait_for takes, one a second (default 30)
# Sets text (the words last read) and tsv (the last OCR's file, tesseract's TSV).
text=""
tsv=""

# shoot NAME: screenshot into $ocr_out/NAME.png and its OCR (grey, doubled: reads white-on-blue
# buttons too) into $text and $ocr_out/NAME.tsv.
shoot() {
  local png=$ocr_out/${ocr_prefix:-}$1.png
  tsv=$ocr_out/${ocr_prefix:-}$1.tsv
  DISPLAY=$disp import -window root "$png" 2>/dev/null || return 1
  convert "$png" -colorspace Gray -resize 200% "$home/ocr.png"
  tesseract "$home/ocr.png" - tsv 2>/dev/null > "$tsv" || return 1
  text=$(awk -F'\t' 'NR>1 && $12!="" {printf "%s ", $12}' "$tsv")
}

# reread PSM: the last screenshot read again with tesseract's page segmentation mode PSM (6: one
# block of text; 4: one column) into $tsv (NAME.psmPSM.tsv), its words added to $text. The
# default layout analysis now and then leaves a region out (a button under a list), and another
# mode reads it.
reread() {
  tsv=${tsv%.tsv}; tsv=${tsv%.psm*}.psm$1.tsv
  tesseract "$home/ocr.png" - --psm "$1" tsv 2>/dev/null > "$tsv" || return 1
  text+=" $(awk -F'\t' 'NR>1 && $12!="" {printf "%s ", $12}' "$tsv")"
}

# has PHRASE...: whether every phrase is in $text (spaces aside: OCR runs tightly set words
# together, "Severalspaces").
has() {
  local w
  for w in "$@"; do grep -qiF -- "${w// /}" <<<"${text// /}" || return 1; done
}

# wait_for NAME PHRASE...: screenshots until every phrase is on screen (spaces aside); 1 (having said why) if
# the app exits or the tries run out.
wait_for() {
  local name=$1; shift
  for _ in $(seq 1 "${ocr_tries:-30}"); do
    kill -0 "$app_pid" 2>/dev/null || { echo "$ocr_who: the app exited; its log:"; cat "$ocr_log"; return 1; }
    if shoot "$name"; then
      has "$@" && return 0
      reread 6 && has "$@" && return 0
    fi
    sleep 1
  done
  echo "$ocr_who: waited for (${*}) on $name in vain; last OCR: ${text:-<none>}"
  return 1
}

# word_at TSV W1 [W2...]: the screen point (x y) at the centre of W1 where the words W1 W2 …
# follow each other on one line of the OCR in TSV (halved back from the doubled image), or at
# the centre of one word that is W1W2… run together (OCR reads tightly set words, such as
# tabs, as one); nothing if not.
word_at() {
  local f=$1; shift
  awk -F'\t' -v want="$*" 'BEGIN { m = split(want, a, " "); joined = ""; for (j=1; j<=m; j++) joined = joined a[j] }
    NR>1 && $12!="" {
      k=$3"."$4"."$5; n[k]++; w[k,n[k]]=$12; L[k,n[k]]=$7; T[k,n[k]]=$8; W[k,n[k]]=$9; H[k,n[k]]=$10 }
    END { for (k in n) for (i=1; i<=n[k]; i++) {
      ok = (m > 1 && w[k,i] == joined)
      if (!ok && i+m-1 <= n[k]) { ok=1; for (j=1; j<=m; j++) if (w[k,i+j-1]!=a[j]) { ok=0; break } }
      if (ok) { printf "%d %d\n", (L[k,i]+W[k,i]/2)/2, (T[k,i]+H[k,i]/2)/2; exit } } }' "$f"
}

# click_on NAME W1 [W2...]: screenshots (NAME) until the words W1 W2 … show on one line, then
# clicks the centre of W1; 1 (having said so) if they never show. With scroll=1, each miss
# turns the mouse wheel down over the window's content first, for what is below the fold.
click_on() {
  local name=$1; shift
  local x y
  for _ in $(seq 1 "${ocr_tries:-30}"); do
    kill -0 "$app_pid" 2>/dev/null || { echo "$ocr_who: the app exited; its log:"; cat "$ocr_log"; return 1; }
    if shoot "$name"; then
      for psm in default 6 4; do
        if [ $psm != default ]; then reread $psm || continue; fi
        read -r x y < <(word_at "$tsv" "$@") || true
        if [ -n "${x:-}" ]; then
          DISPLAY=$disp xdotool mousemove "$x" "$y" click 1
          return 0
        fi
      done
    fi
    if [ "${scroll:-0}" -eq 1 ]; then DISPLAY=$disp xdotool mousemove 550 500 click --repeat 5 --delay 50 5; fi
    sleep 1
  done
  echo "$ocr_who: never saw (${*}) to click on $name; last OCR: ${text:-<none>}"
  return 1
}
