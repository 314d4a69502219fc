import { defineConfig } from '@playwright/test';

// End-to-end tests drive the browser bridge binary (real Go backend and emulator behind it)
// in Debian's Chromium; scripts/e2e.sh starts the app and sets E2E_BASE_URL. No test tool may
// download a browser on these machines, so Playwright uses /usr/bin/chromium.
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:34115',
    viewport: { width: 1100, height: 760 },
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
