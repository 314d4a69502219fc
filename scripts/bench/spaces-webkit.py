"""The space-list benchmark in WebKitGTK 4.1, the engine of the app's Linux window: a GTK window
of the app's size (1100x760) on $DISPLAY (Xvfb) showing the bridge at $BENCH_URL, with
spaces-hook.js (or <argument>-hook.js: members, the member list) injected before the page's scripts. It presses "Try the demo workspace", answers
the consent page as admin@example.com (the URL the app handed to $BROWSER, in $E2E_URL_FILE),
and prints the hook's figures as "webkitgtk <name> <value>"."""
import os
import re
import sys
import time
import urllib.parse
import urllib.request

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
hook = open(os.path.join(HERE, (sys.argv[1] if len(sys.argv) > 1 else "spaces") + "-hook.js"), encoding="utf-8").read()
failed = []

content = WebKit2.UserContentManager()
content.add_script(WebKit2.UserScript(hook, WebKit2.UserContentInjectedFrames.TOP_FRAME,
                                      WebKit2.UserScriptInjectionTime.START, None, None))


def on_message(_manager, result):
    line = result.get_js_value().to_string()
    _, name, value = line.split(" ", 2)
    if name == "done":
        Gtk.main_quit()
    elif name == "error":
        print("webkitgtk: " + line, file=sys.stderr)
        failed.append(line)
        Gtk.main_quit()
    else:
        print(f"webkitgtk {name} {value}{'' if name.endswith('nodes') else ' ms'}", flush=True)


content.connect("script-message-received::bench", on_message)
content.register_script_message_handler("bench")
view = WebKit2.WebView.new_with_user_content_manager(content)
win = Gtk.Window()
win.set_default_size(1100, 760)
win.add(view)
win.show_all()

CLICK_DEMO = """(() => { const b = [...document.querySelectorAll('button')]
  .find((b) => b.textContent.trim() === 'Try the demo workspace');
  if (b) b.click(); return !!b; })()"""
step = {"clicked": False, "consented": False}


def consent(url):
    """The person at the browser: choose the demo admin on the consent page and press Allow."""
    base = url.split("/o/oauth2/")[0]
    page = urllib.request.urlopen(url, timeout=10).read().decode()
    rid = re.search(r'name="request_id" value="([^"]*)"', page).group(1)
    body = urllib.parse.urlencode({"request_id": rid, "account": "admin@example.com", "action": "allow"}).encode()
    urllib.request.urlopen(base + "/o/oauth2/approve", data=body, timeout=10).read()


def tick():
    if not step["clicked"]:
        view.evaluate_javascript(CLICK_DEMO, -1, None, None, None, on_clicked, None)
        return True
    if not step["consented"]:
        with open(os.environ["E2E_URL_FILE"], encoding="utf-8") as f:
            url = f.readline().strip()
        if url:
            step["consented"] = True
            consent(url)
    return not step["consented"]


def on_clicked(v, res, _data):
    try:
        step["clicked"] = v.evaluate_javascript_finish(res).to_boolean()
    except GLib.Error:
        pass


def give_up():
    failed.append("timed out after 120 s")
    print("webkitgtk: timed out after 120 s", file=sys.stderr)
    Gtk.main_quit()
    return False


view.load_uri(os.environ["BENCH_URL"])
GLib.timeout_add(200, tick)
GLib.timeout_add_seconds(120, give_up)
start = time.monotonic()
Gtk.main()
sys.exit(1 if failed else 0)
