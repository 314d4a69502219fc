#!/usr/bin/python3
# make bench: exec -> first paint of a window under Xvfb, read from the screen itself (no hook in
# the app, so the app and the bare Wails window are measured the same way).
#   firstpaint.py RUNS APP BARE   on $DISPLAY (a fresh Xvfb: black until a window maps); runs each
#                                 binary RUNS times, interleaved, and prints the ratio of medians
# For each run: start the binary, grab the screen every few milliseconds, note when anything is
# drawn (the window's background: "mapped") and when the screen holds text, i.e. at least
# TEXT_PIXELS dark pixels ("painted": the page has laid out and drawn its words); stop the
# process. Also when the first text of any kind showed ("first text": a header, "Loading…"),
# to tell a slow page from a slow call. Prints the median of each and every run's figures as one JSON line.
import json, os, signal, statistics, subprocess, sys, time

import gi

gi.require_version("Gdk", "3.0")
from gi.repository import Gdk  # noqa: E402

FIRST_PIXELS = 150  # any text at all: a heading, "Loading…"
TEXT_PIXELS = 4000  # the welcome screen has ~25,000 dark pixels, its "Loading…" line under 1,000
DARK = bytes(1 if v < 110 else 0 for v in range(256))  # a red channel this dark is text
NOTHING = bytes(1 if v == 0 else 0 for v in range(256))


def grab(shot=None):
    root = Gdk.get_default_root_window()
    pb = Gdk.pixbuf_get_from_window(root, 0, 0, root.get_width(), root.get_height())
    px = pb.get_pixels()
    n, stride = pb.get_n_channels(), pb.get_rowstride()
    # every second row, every pixel's red channel
    if shot:
        pb.savev(shot, "png", [], [])
    reds = b"".join(px[y * stride : y * stride + pb.get_width() * n : n] for y in range(0, pb.get_height(), 2))
    return reds


def run(argv, timeout=60.0):
    start = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    mapped = painted = first = None
    try:
        while time.monotonic() - start < timeout:
            reds = grab()
            now = time.monotonic() - start
            if mapped is None and reds.translate(NOTHING).count(1) < len(reds):
                mapped = now
            dark = reds.translate(DARK).count(1) - reds.translate(NOTHING).count(1)
            if first is None and dark >= FIRST_PIXELS // 2:
                first = now
                if os.environ.get("FIRSTPAINT_FIRST"):  # the first text, to see what it was
                    grab(os.environ["FIRSTPAINT_FIRST"])
            if dark >= TEXT_PIXELS // 2:
                painted = now
                if os.environ.get("FIRSTPAINT_SHOT"):  # what the screen held at that moment
                    grab(os.environ["FIRSTPAINT_SHOT"])
                break
            if p.poll() is not None:
                raise SystemExit(f"firstpaint: {argv[0]} exited with {p.returncode}")
            time.sleep(0.004)
    finally:
        os.killpg(p.pid, signal.SIGTERM)
        p.wait()
        time.sleep(0.3)  # the screen is black again before the next run
    if painted is None:
        raise SystemExit(f"firstpaint: {argv[0]} showed no text within {timeout:.0f} s")
    return mapped, first, painted


def summary(path, figures):
    med = lambda k: round(statistics.median(f[k] for f in figures) * 1000)
    return {"binary": os.path.basename(path), "mapped_ms": med(0), "first_text_ms": med(1), "painted_ms": med(2),
            "runs_painted_ms": [round(f[2] * 1000) for f in figures]}


def main():
    runs, app, bare = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    # Interleaved, so that a busy moment of the machine weighs on both alike.
    fa, fb = [], []
    for _ in range(runs):
        fa.append(run([app]))
        fb.append(run([bare]))
    a, b = summary(app, fa), summary(bare, fb)
    print(json.dumps(a))
    print(json.dumps(b))
    print(f"start-up: exec to first paint of the welcome screen {a['painted_ms']} ms, of a bare Wails window "
          f"{b['painted_ms']} ms (medians of {runs}): ratio {a['painted_ms'] / b['painted_ms']:.2f}; "
          f"window mapped after {a['mapped_ms']} ms vs {b['mapped_ms']} ms")


if __name__ == "__main__":
    main()
