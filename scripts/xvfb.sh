#!/usr/bin/env bash
# xvfb.sh start -> prints ":N" of a fresh Xvfb display; xvfb.sh stop :N -> stops it.
set -euo pipefail
case "${1:-}" in
start)
  for n in $(seq 90 140); do
    [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    for _ in $(seq 1 50); do
      if [ -e "/tmp/.X11-unix/X$n" ]; then echo ":$n"; exit 0; fi
      sleep 0.1
    done
    kill $! 2>/dev/null || true
  done
  echo "xvfb: could not start a virtual display" >&2
  exit 1
  ;;
stop)
  n=${2#:}
  if [ -f "/tmp/.X$n-lock" ]; then kill "$(tr -d ' ' < "/tmp/.X$n-lock")" 2>/dev/null || true; fi
  ;;
*) echo "usage: xvfb.sh start | stop :N" >&2; exit 2 ;;
esac
