// What every e2e spec does the same way, kept in one place: where the bridge writes the URLs the
// app opens "in the system browser" (scripts/e2e-browser.sh appends them) and where screenshots
// go, playing the person at the consent page, the way back to the welcome screen, the demo
// sign-in, the axe-core check, the main navigation's tabs and a serial spec's browser context.
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file the bridge appends each URL the app asks the system browser to open to. */
export const urlFile = process.env.E2E_URL_FILE ?? '';
/** Where screenshots go; none are taken when unset. */
export const shots = process.env.E2E_SHOTS ?? '';

/** The URLs the app asked the system browser to open, oldest first (file: another app's list). */
export function openedURLs(file = urlFile): string[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

/** A serial spec's own browser context (options: the dark scheme, say; permissions granted
 * before the page opens) and its one page, which keeps the app's state from test to test. */
export async function openSession(browser: Browser, options: BrowserContextOptions = {}, permissions: string[] = []) {
  const context = await browser.newContext(options);
  if (permissions.length) await context.grantPermissions(permissions);
  const page = await context.newPage();
  return { context, page };
}

/** A screenshot of the window as it shows now, named name. */
export async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: join(shots, name) });
}

/** A screenshot of the whole page, scrolled parts included, named name. */
export async function fullShot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: join(shots, name), fullPage: true });
}

/** No WCAG 2.x A/AA violation on the screen as it is now (axe-core). */
export async function accessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found).toEqual([]);
}

/** A tab of the main navigation ("One space", "Several spaces", "History", ...). */
export const navTab = (page: Page, name: string) => page.getByRole('navigation', { name: 'What to do' }).getByRole('button', { name });

/** Waits for the app to open its (count+1)-th URL in "the system browser" and opens it in a new tab. */
export async function openConsent(context: BrowserContext, count: number, file = urlFile): Promise<Page> {
  await expect.poll(() => openedURLs(file).length).toBeGreaterThan(count);
  const consent = await context.newPage();
  await consent.goto(openedURLs(file)[count]);
  return consent;
}

export interface ConsentChecks {
  /** Also check the tab is Google's (the emulator's) sign-in page. */
  title?: boolean;
  /** The sign-in must fail, saying this; the tab must not say it worked. */
  refused?: RegExp;
}

/** Plays the person at the consent page: chooses the account, presses Allow, closes the tab
 * once it says the sign-in worked (or, with `refused`, that it failed, in those words). */
export async function allow(consent: Page, email: string, { title, refused }: ConsentChecks = {}) {
  if (title) await expect(consent).toHaveTitle(/Sign in - Google Accounts/);
  await consent.getByRole('radio', { name: new RegExp(email.replaceAll('.', '\\.')) }).check();
  await consent.getByRole('button', { name: 'Allow' }).click();
  if (refused) {
    await expect(consent.getByRole('heading', { name: 'Sign-in failed' })).toBeVisible();
    await expect(consent.getByText(refused)).toBeVisible();
    await expect(consent.getByText(/you can close this tab/i)).toHaveCount(0);
  } else {
    await expect(consent.getByText(/you can close this tab/i)).toBeVisible();
  }
  await consent.close();
}

/** openConsent then allow: the whole sign-in in "the system browser"; the URL it opened. */
export async function consentInBrowser(context: BrowserContext, count: number, email: string, checks: ConsentChecks & { file?: string } = {}) {
  const consent = await openConsent(context, count, checks.file);
  const url = openedURLs(checks.file)[count];
  await allow(consent, email, checks);
  return url;
}

/** Back to the welcome screen, signing out if an earlier spec or step left the demo signed in. */
export async function toWelcome(page: Page, base = '') {
  await page.goto(base + '/');
  const signOut = page.getByRole('button', { name: 'Sign out' });
  const welcome = page.getByRole('heading', { name: 'Add colleagues to Google Chat spaces' });
  await expect(signOut.or(welcome)).toBeVisible();
  if (await signOut.isVisible()) await signOut.click();
  await expect(welcome).toBeVisible();
}

/** signIn brings page to the signed-in demo from wherever it is, playing the person at the consent page. */
export async function signIn(page: Page, context: BrowserContext, file = urlFile, base = '') {
  await toWelcome(page, base);
  const before = openedURLs(file).length;
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await consentInBrowser(context, before, 'admin@example.com', { file });
  await expect(page.getByText('Signed in as admin@example.com')).toBeVisible();
}
