import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { accessible, consentInBrowser, fullShot, navTab, openedURLs, openSession } from './helpers';

// The bulk input and the sync, in one serial session on the demo workspace: a CSV with good,
// bad and duplicate rows checked and trimmed, then run (the job view opens and the people are
// in the space); a sync planned, its warning confirmed, and run. Both screens in the light and
// dark themes with no WCAG A/AA violation, and reachable by keyboard.
// Named to run after demo.spec.ts (files run in name order): that spec must be the first to sign
// in (it reads the first URL the app opened); this one starts from whatever state it finds.
test.describe.configure({ mode: 'serial' });

let page: Page;
let context: BrowserContext;

test.beforeAll(async ({ browser }) => ({ context, page } = await openSession(browser)));

test.afterAll(() => context.close());

const tab = (name: string) => navTab(page, name);

/** The members of a space as the one-space view lists them, read afresh. */
async function membersOf(space: string, other: string): Promise<string> {
  await tab('One space').click();
  for (const name of [other, space]) {
    await page.getByRole('searchbox', { name: 'Search spaces' }).fill(name);
    await page.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
  }
  const list = page.getByRole('list', { name: `Members of ${space}` });
  await expect(list).toBeVisible();
  return (await list.textContent()) ?? '';
}

const CSV = [
  'email,space,role',
  'elif.yilmaz@example.com,Berlin Office,member', // 2 ready
  'not-an-address,Berlin Office,', // 3 invalid
  'ELIF.YILMAZ@example.com,Berlin Office,', // 4 duplicate of 2
  'benedikt.schmid@example.com,Berlin Office,', // 5 already a member
  'lena.fischer@example.net,Berlin Office,', // 6 outside the organisation
  'emma.johansson@example.com,Berlin Office,manager', // 7 ready
].join('\r\n');

test('sign in to the demo', async () => {
  await page.goto('/');
  const signOut = page.getByRole('button', { name: 'Sign out' });
  const demo = page.getByRole('button', { name: 'Try the demo workspace' });
  await expect(signOut.or(demo)).toBeVisible();
  if (await signOut.isVisible()) await signOut.click();
  const before = openedURLs().length;
  await demo.click();
  await consentInBrowser(context, before, 'admin@example.com');
  await expect(page.getByRole('heading', { name: 'Spaces' })).toBeVisible();
});

test('a CSV file: each row with its verdict, the counts at the top; accessible', async () => {
  await tab('Several spaces').click();
  await expect(page.getByRole('heading', { name: 'Add people to several spaces' })).toBeVisible();
  await page.getByRole('radio', { name: 'A CSV file' }).check();
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'berlin.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + CSV) });
  await expect(page.getByText('Chosen: berlin.csv')).toBeVisible();
  await page.getByRole('button', { name: 'Check the list' }).click();

  const counts = page.getByRole('list', { name: '6 rows' });
  await expect(counts).toBeVisible();
  for (const [v, n] of [['ready', 2], ['invalid', 1], ['duplicate', 1], ['already_member', 1], ['outside', 1]] as const) {
    await expect(counts.locator(`[data-verdict="${v}"]`)).toHaveAttribute('data-count', String(n));
  }
  const rows = page.getByRole('listbox', { name: 'Rows of the list' });
  await expect(rows.getByRole('option')).toHaveCount(6);
  const row = (n: number) => rows.getByRole('option').filter({ has: page.locator('.no', { hasText: new RegExp(`^${n}$`) }) });
  await expect(row(2)).toContainText('Ready');
  await expect(row(3)).toContainText('Invalid');
  await expect(row(4)).toContainText('Duplicate of row 2');
  await expect(row(5)).toContainText('Already a member');
  await expect(row(6)).toContainText('Outside the organisation');
  await expect(row(7)).toContainText('Ready');
  await expect(page.getByRole('button', { name: 'Add 2 rows' })).toBeEnabled();
  await accessible(page);
  await fullShot(page, 'bulk-preview.png');
});

test('the keyboard: a row chosen shows why; Delete drops it and focus goes to the next row', async () => {
  const rows = page.getByRole('listbox', { name: 'Rows of the list' });
  await rows.focus();
  // Focus arrives on the first row (row 2); the arrow moves to row 3 and chooses it.
  await page.keyboard.press('ArrowDown');
  await expect(rows.getByRole('option', { selected: true })).toContainText('not-an-address');
  await expect(page.getByRole('heading', { name: /^Row 3: not-an-address/ })).toBeVisible();
  await page.getByRole('button', { name: 'Check again' }).scrollIntoViewIfNeeded();
  await accessible(page);
  await fullShot(page, 'bulk-row.png');
  await rows.focus();
  await page.keyboard.press('Delete');
  await expect(rows.getByRole('option')).toHaveCount(5);
  await expect(rows).toBeFocused();
  // The row that took its place (row 4) is the chosen and the active one.
  await expect(rows.getByRole('option', { selected: true })).toContainText('Duplicate of row 2');
  const active = await rows.getAttribute('aria-activedescendant');
  expect(active).toBeTruthy();
  await expect(page.locator(`[id="${active}"]`)).toContainText('Duplicate of row 2');
  await expect(page.getByRole('list', { name: '5 rows' })).toBeVisible();
});

test('only problems, drop them all, run: the job view opens and the people are in the space', async () => {
  await page.getByRole('checkbox', { name: 'Show only rows that will not be sent' }).check();
  await expect(page.getByRole('listbox', { name: 'Rows of the list' }).getByRole('option')).toHaveCount(3);
  await page.getByRole('button', { name: 'Drop every row that will not be sent' }).click();
  await page.getByRole('checkbox', { name: 'Show only rows that will not be sent' }).uncheck();
  await expect(page.getByRole('listbox', { name: 'Rows of the list' }).getByRole('option')).toHaveCount(2);
  await page.getByRole('button', { name: 'Add 2 rows' }).click();
  await expect(tab('Progress')).toHaveAttribute('aria-current', 'page');

  await expect(async () => {
    const text = await membersOf('Berlin Office', 'Marketing');
    expect(text).toContain('Elif');
    expect(text).toContain('Emma');
  }).toPass({ timeout: 30_000 });
});

test('the bulk input survives switching views', async () => {
  await tab('Several spaces').click();
  await page.getByRole('radio', { name: 'Paste a table' }).check();
  await page.getByLabel('Cells copied from a spreadsheet').fill('kept@example.com\tBerlin Office');
  await tab('One space').click();
  await tab('Several spaces').click();
  await expect(page.getByLabel('Cells copied from a spreadsheet')).toHaveValue('kept@example.com\tBerlin Office');
});

test('spaces ticked × people typed', async () => {
  await page.getByRole('radio', { name: 'Tick spaces' }).check();
  await page.getByRole('searchbox', { name: 'Search spaces' }).fill('Sales');
  await page.getByRole('checkbox', { name: /^Sales EMEA/ }).check();
  await page.getByRole('checkbox', { name: /^Sales Americas/ }).check();
  await expect(page.getByText('2 spaces ticked')).toBeVisible();
  await page.getByRole('combobox', { name: 'Names, email addresses or Google Groups' }).fill('giulia.rossi@example.com, lars.nilsson@example.com');
  await page.getByRole('combobox', { name: 'Names, email addresses or Google Groups' }).press('Enter');
  await page.getByRole('button', { name: 'Check the list' }).click();
  await expect(page.getByRole('list', { name: '4 rows' })).toBeVisible();
  await accessible(page);
  await fullShot(page, 'bulk-spaces.png');
});

test('sync: the plan grouped, its warning confirmed before it runs; accessible', async () => {
  await tab('Sync a space to a list').click();
  await expect(page.getByRole('heading', { name: 'Sync a space to a list' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search spaces' }).fill('New Joiners');
  await page.getByRole('radio', { name: /^New Joiners 2025/ }).check();
  await page.getByLabel('Cells copied from a spreadsheet').fill('fatima.alhassan@example.com');
  // Off by default: managers, apps and yourself are kept.
  for (const name of ['Owners and managers not on the list', 'Chat apps', 'Yourself']) {
    await expect(page.getByRole('checkbox', { name })).not.toBeChecked();
  }
  await page.getByRole('button', { name: 'Show the plan' }).click();
  await expect(page.getByRole('heading', { name: 'The plan for New Joiners 2025' })).toBeVisible();
  await expect(page.getByText('Added (1)')).toBeVisible();
  await expect(page.getByText('Kept (2)')).toBeVisible();
  await expect(page.getByText('Removed (0)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run the plan (1 change)' })).toBeEnabled();

  await page.getByRole('checkbox', { name: 'Owners and managers not on the list' }).check();
  await page.getByRole('button', { name: 'Show the plan' }).click();
  await expect(page.getByText('Removed (1)')).toBeVisible();
  const warning = page.getByRole('alert').filter({ hasText: 'Read this before you run the plan' });
  await expect(warning).toBeVisible();
  const run = page.getByRole('button', { name: 'Run the plan (2 changes)' });
  await expect(run).toBeDisabled();
  await run.scrollIntoViewIfNeeded();
  await accessible(page);
  await fullShot(page, 'sync-plan.png');
  await warning.getByRole('checkbox', { name: 'I have read the warnings and want to run this plan' }).check();
  await run.click();
  await expect(tab('Progress')).toHaveAttribute('aria-current', 'page');

  await expect(async () => {
    const text = await membersOf('New Joiners 2025', 'Marketing');
    expect(text).toContain('Fatima');
    expect(text).not.toContain('Priya');
  }).toPass({ timeout: 30_000 });
});

test("sync to a Google Group's members: its people and its nested group in the plan; accessible", async () => {
  await tab('Sync a space to a list').click();
  await page.getByRole('searchbox', { name: 'Search spaces' }).fill('Sustainability');
  await page.getByRole('radio', { name: /^Sustainability Working Group/ }).check();
  await page.getByRole('radio', { name: "A Google Group's members" }).check();
  await page.getByLabel("The Google Group's address").fill('engineering@example.com');
  // As by default (the test before ticked it): managers are kept.
  await page.getByRole('checkbox', { name: 'Owners and managers not on the list' }).uncheck();
  const before = openedURLs().length;
  await page.getByRole('button', { name: 'Show the plan' }).click();
  const heading = page.getByRole('heading', { name: 'The plan for Sustainability Working Group' });
  // The groups permission is asked the first time a group is read, unless granted earlier.
  await expect.poll(async () => openedURLs().length > before || (await heading.isVisible()), { timeout: 20_000 }).toBe(true);
  if (!(await heading.isVisible())) await consentInBrowser(context, before, 'admin@example.com');
  await expect(heading).toBeVisible();
  const added = page.locator('details.add');
  await expect(added.locator('summary')).toHaveText(/^Added \((\d+)\)$/);
  // The on-call group inside the engineering group is added as a group, named by its address.
  await expect(added.getByText('oncall@example.com', { exact: true })).toBeVisible();
  await expect(page.locator('details.remove summary')).not.toHaveText('Removed (0)');
  await expect(page.getByRole('button', { name: /^Run the plan \(\d+ changes\)$/ })).toBeVisible();
  await added.scrollIntoViewIfNeeded();
  await accessible(page);
  await fullShot(page, 'sync-group-plan.png');
  await page.getByRole('radio', { name: 'Paste a table' }).check();
});

test('both screens in the dark theme are accessible', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await tab('Several spaces').click();
  await page.getByRole('radio', { name: 'A CSV file' }).check();
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'berlin.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByRole('button', { name: 'Check the list' }).click();
  await expect(page.getByRole('listbox', { name: 'Rows of the list' })).toBeVisible();
  await page.getByRole('listbox', { name: 'Rows of the list' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await accessible(page);
  await fullShot(page, 'bulk-preview-dark.png');
  await tab('Sync a space to a list').click();
  await page.getByRole('searchbox', { name: 'Search spaces' }).fill('Berlin');
  await page.getByRole('radio', { name: /^Berlin Office/ }).check();
  await page.getByLabel('Cells copied from a spreadsheet').fill('priya.raman@example.com\nnot an address');
  await page.getByRole('button', { name: 'Show the plan' }).click();
  await expect(page.getByRole('heading', { name: 'The plan for Berlin Office' })).toBeVisible();
  await accessible(page);
  await fullShot(page, 'sync-plan-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
});
