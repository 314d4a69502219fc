import { test, expect } from '@playwright/test';

// The real bridge binary answers only its own origin (backend/bridge has the full matrix; this
// checks the binary `make run` serves). Requests are sent as another site's page or a
// DNS-rebound name would send them; each must get 403 and call nothing.
const base = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:34115');
const own = base.origin;
const status = JSON.stringify({ name: 'main.Session.Status', args: [] });
const signIn = JSON.stringify({ name: 'main.Session.SignIn', args: [] });

test('the bridge answers its own page and its calls', async ({ request }) => {
  const page = await request.get('/');
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain('<script src="/_bridge/runtime.js"></script>');
  const call = await request.post('/_bridge/call', {
    headers: { Origin: own, 'Content-Type': 'application/json', 'X-Chat-Members-Bridge': '1' },
    data: status,
  });
  expect(call.status()).toBe(200);
  expect((await call.json()).result.mode).toBe('demo');
});

test('a page on another origin gets 403 for the page, a call and the events', async ({ request }) => {
  for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${Number(base.port) + 1}`]) {
    const headers = { Origin: origin };
    expect((await request.get('/', { headers })).status(), `page from ${origin}`).toBe(403);
    expect((await request.get('/_bridge/runtime.js', { headers })).status(), `runtime from ${origin}`).toBe(403);
    expect((await request.get('/_bridge/events', { headers })).status(), `events from ${origin}`).toBe(403);
    const call = await request.post('/_bridge/call', {
      headers: { ...headers, 'Content-Type': 'application/json', 'X-Chat-Members-Bridge': '1' },
      data: signIn,
    });
    expect(call.status(), `call from ${origin}`).toBe(403);
  }
});

test('a DNS-rebound name (foreign Host) gets 403', async ({ request }) => {
  const headers = { Host: `evil.example:${base.port}` };
  expect((await request.get('/', { headers })).status()).toBe(403);
  const call = await request.post('/_bridge/call', {
    headers: { ...headers, Origin: `http://evil.example:${base.port}`, 'X-Chat-Members-Bridge': '1' },
    data: signIn,
  });
  expect(call.status()).toBe(403);
});

test('a cross-site form post (no bridge header) gets 403', async ({ request }) => {
  const call = await request.post('/_bridge/call', {
    headers: { 'Content-Type': 'text/plain' },
    data: signIn,
  });
  expect(call.status()).toBe(403);
  // Nothing was called: the app is still where a new user starts.
  const st = await request.post('/_bridge/call', {
    headers: { Origin: own, 'X-Chat-Members-Bridge': '1' },
    data: status,
  });
  expect((await st.json()).result.signedIn).toBe(false);
});
