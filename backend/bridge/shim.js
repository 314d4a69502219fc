// The bridge's stand-in for the Wails runtime in an ordinary browser (served after the method
// table: window.__bridgeBound, window.__bridgeCallHeader). The generated bindings call
// window.go.<pkg>.<Type>.<Method>(...) and window.runtime.*; both behave as under Wails: a call
// resolves with the result or rejects with the Go error's text (a string, not an Error).
(() => {
  'use strict';
  const header = window.__bridgeCallHeader;

  async function call(name, args) {
    let res;
    try {
      res = await fetch('/_bridge/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [header]: '1' },
        body: JSON.stringify({ name, args }),
        credentials: 'omit',
      });
    } catch (e) {
      throw String((e && e.message) || e);
    }
    const text = await res.text();
    if (!res.ok) throw text || res.statusText;
    const msg = JSON.parse(text);
    if (msg.error) throw msg.error;
    return msg.result;
  }

  const go = {};
  for (const [pkg, types] of Object.entries(window.__bridgeBound)) {
    go[pkg] = {};
    for (const [type, methods] of Object.entries(types)) {
      go[pkg][type] = {};
      for (const m of methods) {
        const name = `${pkg}.${type}.${m}`;
        go[pkg][type][m] = (...args) => call(name, args);
      }
    }
  }
  window.go = go;

  // Events, with the semantics of Wails' runtime/desktop/events.js.
  const listeners = {};
  function notify(name, data) {
    const list = (listeners[name] || []).slice();
    const keep = [];
    for (const l of list) {
      l.callback.apply(null, data);
      if (l.left === -1) keep.push(l);
      else if (--l.left > 0) keep.push(l);
    }
    if (keep.length) listeners[name] = keep;
    else delete listeners[name];
  }
  function EventsOnMultiple(name, callback, maxCallbacks) {
    const l = { callback, left: maxCallbacks || -1 };
    (listeners[name] = listeners[name] || []).push(l);
    return () => {
      if (!listeners[name]) return;
      listeners[name] = listeners[name].filter((x) => x !== l);
      if (!listeners[name].length) delete listeners[name];
    };
  }
  function EventsOff(name, ...more) {
    for (const n of [name, ...more]) delete listeners[n];
  }

  const source = new EventSource('/_bridge/events');
  source.onmessage = (e) => {
    let msg;
    try {
      msg = JSON.parse(e.data);
    } catch {
      return;
    }
    notify(msg.name, msg.data || []);
  };

  window.runtime = {
    EventsOnMultiple,
    EventsOn: (name, cb) => EventsOnMultiple(name, cb, -1),
    EventsOnce: (name, cb) => EventsOnMultiple(name, cb, 1),
    EventsOff,
    EventsOffAll: () => EventsOff(...Object.keys(listeners)),
    // Page-local only: the app has no Go listeners.
    EventsEmit: (name, ...data) => notify(name, data),
    // The browser's own clipboard: the bridge may run where there is no display at all.
    ClipboardSetText: (text) => navigator.clipboard.writeText(text).then(() => true, () => false),
    ClipboardGetText: () => navigator.clipboard.readText(),
    BrowserOpenURL: (url) => {
      window.open(url, '_blank', 'noopener');
    },
    Environment: () => Promise.resolve({ buildType: 'bridge', platform: 'browser', arch: '' }),
    LogPrint: (m) => console.log(m),
    LogTrace: (m) => console.debug(m),
    LogDebug: (m) => console.debug(m),
    LogInfo: (m) => console.info(m),
    LogWarning: (m) => console.warn(m),
    LogError: (m) => console.error(m),
    LogFatal: (m) => console.error(m),
  };
})();
