import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { accessible, consentInBrowser, openedURLs, openSession, shot, toWelcome } from './helpers';

// The dark theme (the system asks for it: prefers-color-scheme) over the main screens, each
// with no WCAG A/AA violation (colour contrast included), and the Help menu: About with its
// licences, Copy diagnostics. One serial session; it starts from the welcome screen whatever
// an earlier spec left signed in.
test.describe.configure({ mode: 'serial' });

let page: Page;
let context: BrowserContext;

test.beforeAll(async ({ browser }) => ({ context, page } = await openSession(browser, { colorScheme: 'dark' }, ['clipboard-read', 'clipboard-write'])));

test.afterAll(() => context.close());

test('the welcome screen is dark when the system is, and accessible', async () => {
  await toWelcome(page);
  // The page's own background is the dark one, not the light theme's.
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(22, 25, 29)');
  await accessible(page);
  await shot(page, 'theme-dark-welcome.png');
});

test('Help: About shows the version and the licences, each text folded; accessible', async () => {
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('button', { name: 'About Chat Members' }).click();
  const about = page.getByRole('alertdialog', { name: 'About Chat Members' });
  await expect(about).toContainText(/Version \d+\.\d+\.\d+/);
  await expect(about).toContainText('all rights reserved');
  const wails = about.locator('details').filter({ hasText: 'github.com/wailsapp/wails/v2' });
  await expect(wails.locator('summary')).toContainText('MIT');
  await expect(about.locator('details').filter({ hasText: /^svelte/ }).locator('summary')).toContainText('MIT');
  await expect(wails.locator('pre')).toBeHidden();
  await wails.locator('summary').click();
  await expect(wails.locator('pre')).toContainText('Permission is hereby granted');
  await accessible(page);
  await shot(page, 'theme-dark-about.png');
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toBeHidden();
  await expect(page.getByRole('button', { name: 'Help' })).toBeFocused();
});

test('Help: Copy diagnostics says Copied and copies no address', async () => {
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  await accessible(page);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^Chat Members \d+\.\d+\.\d+\n/);
  expect(text).toContain('Log file: ~/');
  expect(text).not.toContain('@');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'About Chat Members' })).toBeHidden();
});

test('the space list, add form, members and a dialog in the dark theme are accessible', async () => {
  const before = openedURLs().length;
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await consentInBrowser(context, before, 'admin@example.com');
  await expect(page.getByRole('heading', { name: 'Spaces' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Engineering/ })).toBeVisible();
  await accessible(page);
  await shot(page, 'theme-dark-spaces.png');

  await page.getByRole('searchbox', { name: 'Search spaces' }).fill('Marketing');
  await page.getByRole('radio', { name: /^Marketing/ }).check();
  await expect(page.getByRole('heading', { name: 'Add to Marketing' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Members of Marketing' })).toBeVisible();
  await page.getByRole('radio', { name: 'People or groups' }).check();
  await page.getByRole('combobox', { name: 'Names, email addresses or Google Groups' }).fill('jane doe@@example.com');
  await page.getByRole('button', { name: 'Add 1 person' }).click();
  await expect(page.getByRole('alert')).toContainText('1 entry is not an address');
  await accessible(page);
  await shot(page, 'theme-dark-members.png');

  await page.getByRole('button', { name: 'Change role of Camila Duarte' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Change the role of Camila Duarte?' });
  await expect(dialog).toBeVisible();
  await accessible(page);
  await shot(page, 'theme-dark-dialog.png');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
