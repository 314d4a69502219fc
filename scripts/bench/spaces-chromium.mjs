// The space-list benchmark in headless Chromium (Playwright, Debian's /usr/bin/chromium): opens
// the bridge at $BENCH_URL, signs in to the demo workspace as admin@example.com on the consent
// page (the app hands its URL to $BROWSER, which appends it to $E2E_URL_FILE), and prints the
// "BENCH <name> <value>" lines of the hook prefixed with "chromium". The hook is spaces-hook.js,
// or <argument>-hook.js (members: the member list).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(new URL('../../frontend/package.json', import.meta.url));
const { chromium } = require('@playwright/test');
const hook = readFileSync(new URL(`./${process.argv[2] ?? 'spaces'}-hook.js`, import.meta.url), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(hook);
  let done;
  const finished = new Promise((r) => (done = r));
  page.on('console', (m) => {
    const t = m.text();
    if (!t.startsWith('BENCH ')) return;
    const [, name, value] = t.split(' ');
    if (name === 'done') done();
    else if (name === 'error') {
      console.error(`chromium: ${t}`);
      done();
    } else console.log(`chromium ${name} ${value}${name.endsWith('nodes') ? '' : ' ms'}`);
  });
  await page.goto(process.env.BENCH_URL);
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  let url = '';
  for (let i = 0; i < 100 && !url; i++) {
    url = readFileSync(process.env.E2E_URL_FILE, 'utf8').split('\n')[0];
    if (!url) await new Promise((r) => setTimeout(r, 100));
  }
  if (!url) throw new Error('the app opened no sign-in page');
  // Answered over HTTP, not in a second tab: a tab in front would leave the app's page in the
  // background, where Chromium holds back its animation frames and the figures mean nothing.
  const form = await (await fetch(url)).text();
  const requestId = form.match(/name="request_id" value="([^"]*)"/)[1];
  const body = new URLSearchParams({ request_id: requestId, account: 'admin@example.com', action: 'allow' });
  const signedIn = await fetch(`${url.split('/o/oauth2/')[0]}/o/oauth2/approve`, { method: 'POST', body });
  if (!(await signedIn.text()).includes('Signed in')) throw new Error('the consent page did not sign in');
  await Promise.race([finished, new Promise((_, rej) => setTimeout(() => rej(new Error('timed out after 120 s')), 120_000).unref())]);
} finally {
  await browser.close();
}
