import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { join } from 'node:path';
import { accessible, allow as allowAs, fullShot, openConsent, openedURLs, openSession, shots, toWelcome } from './helpers';

// A new user is walked through the Google Cloud setup guide on the demo workspace: each setup
// failure the emulator can reproduce is switched on in turn (the guide's "Practise in the
// demo"), and the guide must lead to the step that explains it, with that step's console page.
// One serial session, as a person would go through it; it ends with nothing missing.
test.describe.configure({ mode: 'serial' });

const PROJECT = 'chat-members-demo';

let page: Page;
let context: BrowserContext;

test.beforeAll(async ({ browser }) => ({ context, page } = await openSession(browser)));

test.afterAll(() => context.close());

/**
 * Starts the demo with one setup step missing through the guide's practice form, and returns
 * the consent page Google (the emulator) shows in "the system browser" for the sign-in.
 */
async function practise(label: string): Promise<Page> {
  const before = openedURLs().length;
  await page.getByRole('combobox', { name: 'Missing step' }).selectOption({ label });
  await page.getByRole('button', { name: 'Start the demo with this step missing' }).click();
  await expect(page.getByRole('heading', { name: /Finish signing in/ })).toBeVisible();
  return openConsent(context, before);
}

/** Plays the person at the consent page: chooses the demo admin and allows access. */
const allow = (consent: Page) => allowAs(consent, 'admin@example.com', { title: true });

/** The guide's step by its heading: its toggle (a button inside the heading). */
const stepToggle = (heading: string) => page.getByRole('button', { name: new RegExp(`^${heading}`) });

/** The step's console link opens that very page in the system browser, through Go. */
async function opensInBrowser(link: ReturnType<Page['getByRole']>, href: string) {
  await expect(link).toHaveAttribute('href', href);
  const before = openedURLs().length;
  await link.click();
  await expect.poll(() => openedURLs().slice(before)).toEqual([href]);
}

test('a new user sees the guide on the welcome screen: every step with its console page', async () => {
  await toWelcome(page);
  const guide = page.getByRole('region', { name: 'Set up Google Cloud for your organisation' });
  await expect(guide).toBeVisible();
  const headings = await guide.getByRole('heading', { level: 4 }).allTextContents();
  expect(headings.map((h) => h.replace(/(Done|To do|Needs a change)$/, '').trim()).slice(0, 6)).toEqual([
    'Choose or create a Google Cloud project',
    'Switch on the Google Chat API',
    'Configure the Chat app',
    'Let your accounts in: the consent screen',
    'Create a Desktop app client and choose its file',
    'Sign in and stay signed in',
  ]);
  // A step opens by keyboard and shows its plain explanation and console link.
  const toggle = stepToggle('Configure the Chat app');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toBeFocused();
  await expect(guide.getByText(/give the Chat app a name, an avatar URL and a description/)).toBeVisible();
  await expect(guide.getByRole('link', { name: 'Open the Chat app configuration' })).toHaveAttribute(
    'href',
    /^https:\/\/console\.cloud\.google\.com\/apis\/api\/chat\.googleapis\.com\/hangouts-chat/,
  );
  await accessible(page);
  await fullShot(page, 'guide-welcome.png');
});

test('Chat API off: after sign-in the guide opens at "Switch on the Google Chat API" with Google\'s activation page', async () => {
  await allow(await practise('The Google Chat API is off'));
  await expect(page.getByRole('heading', { name: 'Finish setting up Google Cloud' })).toBeVisible();
  const toggle = stepToggle('Switch on the Google Chat API');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toContainText('Needs a change');
  await expect(toggle).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Step 2 needs a change: Switch on the Google Chat API.' })).toBeVisible();
  await opensInBrowser(
    page.getByRole('link', { name: 'Open Google Chat API in the Google Cloud console' }),
    'https://console.developers.google.com/apis/api/chat.googleapis.com/overview?project=000000000000',
  );
  await accessible(page);
  if (shots) await page.getByRole('region', { name: 'Finish setting up Google Cloud' }).screenshot({ path: join(shots, 'guide-api-disabled.png') });
  // Check again finds the same: the focus goes back to the step that still needs a change.
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
});

test('no Chat app: the guide opens at "Configure the Chat app" with the project\'s configuration page', async () => {
  await toWelcome(page);
  await allow(await practise('No Chat app configured'));
  const toggle = stepToggle('Configure the Chat app');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toContainText('Needs a change');
  await expect(toggle).toBeFocused();
  // The API answered (Google looked for the app), so that step is done.
  await expect(stepToggle('Switch on the Google Chat API')).toContainText('Done');
  await opensInBrowser(
    page.getByRole('link', { name: 'Open the Chat app configuration' }),
    `https://console.cloud.google.com/apis/api/chat.googleapis.com/hangouts-chat?project=${PROJECT}`,
  );
  await accessible(page);
});

// Google shows its own page and never comes back to the app: the waiting screen explains it.
for (const [label, googleSays, cause] of [
  ['Your account is not a test user', /has not completed the Google verification process/, /your account is not one of its test users/],
  ['An Internal app of another organisation', /can only be used within its organization/, /Internal to another organisation/],
  ['Your Workspace admin blocks the app', /admin needs to review/, /Ask them to trust Chat Members by its client ID/],
] as const) {
  test(`consent refused (${label}): the waiting screen leads to the consent screen step`, async () => {
    await toWelcome(page);
    const consent = await practise(label);
    await expect(consent.getByRole('heading', { name: googleSays })).toBeVisible();
    await consent.close();
    await page.getByText('Google showed “Access blocked” instead of asking for access?').click();
    await expect(page.getByRole('heading', { name: 'Let your accounts in: the consent screen' })).toBeVisible();
    await expect(page.getByText(cause)).toBeVisible();
    await opensInBrowser(
      page.getByRole('link', { name: 'Open Audience in Google Auth Platform' }),
      `https://console.cloud.google.com/auth/audience?project=${PROJECT}`,
    );
    await accessible(page);
    await fullShot(page, `guide-${label.split(' ').at(-1)}.png`);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: 'Add colleagues to Google Chat spaces' })).toBeVisible();
  });
}

test('Testing expired: the sign-in ends, the guide says why and how to stop it, and offers to sign in again', async () => {
  await toWelcome(page);
  await allow(await practise('Testing: the sign-in expired after 7 days'));
  // The guide's check asks Google for a new token: refused, so the app is signed out.
  await expect(page.getByRole('heading', { name: 'Add colleagues to Google Chat spaces' })).toBeVisible();
  const toggle = stepToggle('Sign in and stay signed in');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toContainText('Needs a change');
  await expect(toggle).toBeFocused();
  await expect(page.getByText(/make the app Internal, or publish it/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await opensInBrowser(
    page.getByRole('link', { name: 'Open Audience in Google Auth Platform' }),
    `https://console.cloud.google.com/auth/audience?project=${PROJECT}`,
  );
  await accessible(page);
  await fullShot(page, 'guide-expired.png');
});

test('after practising, "Try the demo workspace" is the plain demo again: no guide in the way', async () => {
  await toWelcome(page);
  const before = openedURLs().length;
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await allow(await openConsent(context, before));
  await expect(page.getByRole('heading', { name: 'Spaces' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Engineering/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Finish setting up Google Cloud' })).toHaveCount(0);
});
