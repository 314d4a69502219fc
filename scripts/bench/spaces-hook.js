// Injected before the app's own scripts by the space-list benchmark (scripts/bench-spaces.sh),
// in Chromium and in WebKitGTK alike. The demo workspace has about thirty spaces, and the app
// offers no way to give it 10,000, so the bound Spaces.ListSpaces still goes to Go and the
// emulator, and its answer is replaced by 10,000 spaces shaped like the emulator's
// GenerateDataset. Then it measures, in the page:
//   list  - from the moment the spaces reach the app to the second animation frame after the
//           list shows "10,000 spaces shown": the frame after the one that painted it;
//   list-work - the same to the moment the list is in the page and laid out (forced), before
//           painting: the app's own work, whatever the frame rate;
//   clear - from clearing a search that matched one space to the frame after 10,000 are back;
//   clear-work - the same to the list laid out (a separate clearing, measured the same way);
//   nodes - the elements in the document once the list is shown;
//   frame - an idle animation frame, for scale (each figure above includes at least two).
// Each figure goes out as one line "BENCH <name> <value>": to the webkit message handler
// "bench" when there is one (the WebKitGTK driver), else to the console (Playwright).
(() => {
  const N = 10000;
  const out = (line) => {
    const h = window.webkit && window.webkit.messageHandlers && window.webkit.messageHandlers.bench;
    if (h) h.postMessage(line);
    else console.log(line);
  };
  const frames = (n) => new Promise((r) => (n <= 0 ? r() : requestAnimationFrame(() => frames(n - 1).then(r))));
  const countText = () => (document.querySelector('.count') || {}).textContent || '';
  /** afterPaint resolves at the second frame after the list's count reads `want`. */
  async function afterPaint(want) {
    for (let i = 0; i < 600; i++) {
      await frames(1);
      if (countText().replace(/[^0-9]/g, '') === String(want)) {
        await frames(1);
        return;
      }
    }
    throw new Error(`the list never showed ${want} spaces (last: ${countText()})`);
  }
  /**
   * settled(want) resolves once the list's count reads `want` and the page is laid out: the
   * work before painting (script, style, layout), free of the frame rate, which under Xvfb is
   * about 10 frames a second in WebKitGTK (see "frame"). Call it before the change: a
   * MutationObserver sees the change as soon as the app's update has run, and the layout is
   * then forced.
   */
  function settled(want) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        mo.disconnect();
        reject(new Error(`the list never showed ${want} spaces (last: ${countText()})`));
      }, 120000);
      const mo = new MutationObserver(() => {
        if (countText().replace(/[^0-9]/g, '') !== String(want)) return;
        mo.disconnect();
        clearTimeout(timer);
        document.querySelector('.space-list').getBoundingClientRect();
        resolve(document.body.offsetHeight);
      });
      mo.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }
  const spaces = () =>
    Array.from({ length: N }, (_, i) => {
      const id = `AAAA${String(i).padStart(7, '0')}`;
      return {
        name: `spaces/${id}`,
        displayName: `Project ${String(i).padStart(5, '0')}`,
        type: 'SPACE',
        uri: `https://chat.google.com/room/${id}`,
        externalUserAllowed: i % 13 === 0,
      };
    });

  async function measure(t0, laidOut) {
    await laidOut;
    out(`BENCH list-work ${(performance.now() - t0).toFixed(1)}`);
    await afterPaint(N);
    out(`BENCH list ${(performance.now() - t0).toFixed(1)}`);
    out(`BENCH nodes ${document.getElementsByTagName('*').length}`);
    const box = document.querySelector('input[type=search]');
    const type = (v) => {
      box.value = v;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    };
    type('Project 09999');
    await afterPaint(1);
    let t1 = performance.now();
    const cleared = settled(N);
    type('');
    await cleared;
    out(`BENCH clear-work ${(performance.now() - t1).toFixed(1)}`);
    type('Project 09999');
    await afterPaint(1);
    t1 = performance.now();
    type('');
    await afterPaint(N);
    out(`BENCH clear ${(performance.now() - t1).toFixed(1)}`);
    // What one idle frame takes here: the figures above are at least two of them.
    await frames(2);
    const t2 = performance.now();
    await frames(10);
    out(`BENCH frame ${((performance.now() - t2) / 10).toFixed(1)}`);
    out('BENCH done 1');
  }

  let go;
  Object.defineProperty(window, 'go', {
    configurable: true,
    get: () => go,
    set(v) {
      go = v;
      // A binding renamed in app.go would otherwise leave the page blank and the driver waiting.
      const app = v.main && v.main.Spaces;
      if (!app || !app.ListSpaces) {
        setTimeout(() => out('BENCH error no binding main.Spaces.ListSpaces to hook'));
        return;
      }
      const listSpaces = app.ListSpaces;
      app.ListSpaces = async (...args) => {
        await listSpaces(...args);
        const list = spaces();
        const t0 = performance.now();
        measure(t0, settled(N)).catch((e) => out(`BENCH error ${String(e && e.message).replace(/\s+/g, ' ')}`));
        return list;
      };
    },
  });
})();
