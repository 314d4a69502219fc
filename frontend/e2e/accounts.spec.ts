import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { accessible, consentInBrowser, openedURLs, openSession, shot, urlFile } from './helpers';
import { writeFileSync } from 'node:fs';

// Several accounts in the demo: sign in as one demo person, add a second, switch between them
// (each sees their own spaces), sign out of one. Serial: the app keeps its state between steps.
// It runs before demo.spec.ts (files run in name order against the same app) and leaves the app
// as it found it: on the welcome screen, with no URL opened (demo.spec.ts counts from 0).
test.describe.configure({ mode: 'serial' });

const CAMILA = 'camila.duarte@example.com';
const PRIYA = 'priya.raman@example.com';

let page: Page;
let context: BrowserContext;

test.beforeAll(async ({ browser }) => ({ context, page } = await openSession(browser)));

test.afterAll(async () => {
  // Leave the app as a new user finds it, for the spec files after this one: the bridge's demo
  // chosen, nobody signed in, no URL opened. Signing out of the last account leaves the demo,
  // so the demo is chosen again and its sign-in cancelled.
  const signOut = page.getByRole('button', { name: 'Sign out', exact: true });
  while (await signOut.isVisible().catch(() => false)) {
    await signOut.click();
    await page.waitForTimeout(300);
  }
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Try the demo workspace' })).toBeVisible();
  if (urlFile) writeFileSync(urlFile, '');
  await context.close();
});

const menuButton = () => page.getByRole('banner').getByRole('button', { name: /^Signed in as/ });
const menu = () => page.getByRole('menu');
const spaceRadio = (name: string) => page.getByRole('radio', { name: new RegExp(`^${name}`) });

test('sign in to the demo as Camila: her spaces', async () => {
  await page.goto('/');
  const before = openedURLs().length;
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await consentInBrowser(context, before, CAMILA);
  await expect(menuButton()).toHaveText(`Signed in as ${CAMILA}`);
  await expect(spaceRadio('Marketing')).toBeVisible();
  await expect(spaceRadio('Engineering')).toHaveCount(0);
});

test('the account menu lists Camila as active and offers to add another account', async () => {
  await menuButton().click();
  await expect(menu()).toBeVisible();
  await expect(menu().getByRole('menuitemradio', { name: CAMILA })).toHaveAttribute('aria-checked', 'true');
  await expect(menu().getByRole('menuitemradio', { name: CAMILA })).toBeFocused();
  await accessible(page);
  // Escape closes it and the focus goes back to the button.
  await page.keyboard.press('Escape');
  await expect(menu()).toBeHidden();
  await expect(menuButton()).toBeFocused();
});

test('add Priya: a sign-in in the browser, then her spaces', async () => {
  const before = openedURLs().length;
  await menuButton().click();
  await menu().getByRole('menuitem', { name: 'Add another account' }).click();
  await expect(page.getByRole('heading', { name: /Finish signing in/ })).toBeVisible();
  await consentInBrowser(context, before, PRIYA);
  await expect(menuButton()).toHaveText(`Signed in as ${PRIYA}`);
  await expect(spaceRadio('Engineering')).toBeVisible();
  await menuButton().click();
  await expect(menu().getByRole('menuitemradio', { name: PRIYA })).toHaveAttribute('aria-checked', 'true');
  await expect(menu().getByRole('menuitemradio', { name: CAMILA })).toHaveAttribute('aria-checked', 'false');
  await accessible(page);
  await shot(page, 'e2e-accounts-menu.png');
  await page.keyboard.press('Escape');
});

test('switch to Camila and back, by keyboard, with no browser: each sees their own spaces', async () => {
  const opened = openedURLs().length;
  await spaceRadio('Engineering').check();
  await expect(page.getByRole('heading', { name: 'Add to Engineering' })).toBeVisible();
  await menuButton().focus();
  await page.keyboard.press('Enter');
  await expect(menu().getByRole('menuitemradio', { name: PRIYA })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu().getByRole('menuitemradio', { name: CAMILA })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menuButton()).toHaveText(`Signed in as ${CAMILA}`);
  await expect(menuButton()).toBeFocused();
  await expect(spaceRadio('Marketing')).toBeVisible();
  await expect(spaceRadio('Engineering')).toHaveCount(0);
  // Priya's chosen space and its form are gone with her.
  await expect(page.getByRole('heading', { name: 'Add to Engineering' })).toHaveCount(0);

  await menuButton().click();
  await menu().getByRole('menuitemradio', { name: PRIYA }).click();
  await expect(menuButton()).toHaveText(`Signed in as ${PRIYA}`);
  await expect(spaceRadio('Engineering')).toBeVisible();
  expect(openedURLs().length).toBe(opened);
  await accessible(page);
});

test('sign out of Camila while Priya stays signed in', async () => {
  await menuButton().click();
  await menu().getByRole('menuitem', { name: `Sign out of ${CAMILA}` }).click();
  await expect(menuButton()).toHaveText(`Signed in as ${PRIYA}`);
  await menuButton().click();
  await expect(menu().getByRole('menuitemradio', { name: CAMILA })).toHaveCount(0);
  await expect(menu().getByRole('menuitemradio', { name: PRIYA })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(spaceRadio('Engineering')).toBeVisible();
});
