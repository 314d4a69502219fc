# Sourced by the end-to-end and real-window tests: runs the app as a brand-new user on its own
# Xvfb display (none with NO_DISPLAY=1: the browser bridge needs none). Sets root, home (an empty
# HOME, removed afterwards), disp and E2E_URL_FILE (the URLs the app asked "the system browser"
# to open: $BROWSER is scripts/e2e-browser.sh), and stops the app and the display on exit,
# Ctrl+C or TERM.
#   start_app LOG BINARY [ARGS...]   starts it in the background (app_pid) in English, with
#                                    no session bus (the token store falls back to a file);
#                                    extra environment goes before the call: VAR=x start_app ...
root=$(pwd)
home=$(mktemp -d)
disp=""
if [ -z "${NO_DISPLAY:-}" ]; then disp=$("$root/scripts/xvfb.sh" start); fi
app_pid=""
export E2E_URL_FILE=$home/opened-urls
: > "$E2E_URL_FILE"

fresh_user_cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  if [ -n "$disp" ]; then "$root/scripts/xvfb.sh" stop "$disp"; fi
  rm -rf "$home"
}
trap fresh_user_cleanup EXIT
trap 'exit 130' INT TERM

start_app() {
  local log=$1; shift
  env -u WAYLAND_DISPLAY HOME="$home" XDG_CONFIG_HOME="$home/.config" LANG=en_US.UTF-8 LANGUAGE=en \
    DISPLAY="$disp" BROWSER="$root/scripts/e2e-browser.sh" "$@" >"$log" 2>&1 &
  app_pid=$!
}
