import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { accessible, consentInBrowser as signInAt, openedURLs, openSession, shot } from './helpers';

// One new user's session on the demo workspace, step by step: the app keeps its state (signed
// in, memberships added) between the steps, as it would for a person.
test.describe.configure({ mode: 'serial' });

/** Every sign-in here also checks that the tab is Google's (the emulator's) consent page. */
const consentInBrowser = (context: BrowserContext, count: number, email: string, refused?: RegExp) =>
  signInAt(context, count, email, { title: true, refused });

let page: Page;
let context: BrowserContext;

test.beforeAll(async ({ browser }) => ({ context, page } = await openSession(browser)));

test.afterAll(() => context.close());

async function chooseSpace(name: string) {
  await page.getByRole('searchbox', { name: 'Search spaces' }).fill(name);
  await page.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
  await expect(page.getByRole('heading', { name: `Add to ${name}` })).toBeVisible();
}

/** addPerson adds one address through the people-or-groups form, the one way to add people. */
async function addPerson(email: string) {
  await page.getByRole('radio', { name: 'People or groups' }).check();
  await page.getByRole('combobox', { name: 'Names, email addresses or Google Groups' }).fill(email);
  await page.getByRole('button', { name: 'Add 1 person' }).click();
}

/** The outcome of one add (one entry, or the app's card): a region named by its outcome. */
const card = () => page.getByRole('region', { name: /^(Added|Invited|Already a member|Already invited)$/ });
/** The one-word outcome of the entry of a one-entry add. */
const badge = () => card().locator('.result-badge');
/** The value the app's membership card shows for a term ("Status", "Role", ...). */
const fact = (term: string) => card().locator(`dt:text-is("${term}") + dd`);

test('a new user opens the demo and signs in through the browser', async () => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Add colleagues to Google Chat spaces' })).toBeVisible();
  await accessible(page);
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  await expect(page.getByRole('heading', { name: /Finish signing in/ })).toBeVisible();
  await accessible(page);

  const url = await consentInBrowser(context, 0, 'admin@example.com');
  // RFC 8252: loopback redirect on 127.0.0.1, PKCE S256 and state, only the basic scopes.
  const q = new URL(url).searchParams;
  expect(q.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(q.get('code_challenge_method')).toBe('S256');
  expect(q.get('state')).toBeTruthy();
  expect(q.get('scope')).toContain('chat.memberships');
  expect(q.get('scope')).not.toContain('chat.memberships.app');

  await expect(page.getByText('Signed in as admin@example.com')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Spaces' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Engineering/ })).toBeVisible();
  await accessible(page);
});

test('the space list scrolls inside its card; the page does not scroll', async () => {
  const list = page.getByRole('radiogroup', { name: 'Choose a space' });
  await expect(list).toBeVisible();
  const m = await page.evaluate(() => {
    const list = document.querySelector('.space-list')!;
    const pane = document.querySelector('.panes > .spaces')!;
    const main = document.querySelector('main')!;
    const doc = document.scrollingElement!;
    return {
      listOverflows: list.scrollHeight > list.clientHeight,
      listBottom: list.getBoundingClientRect().bottom,
      paneBottom: pane.getBoundingClientRect().bottom,
      mainScrolls: main.scrollHeight > main.clientHeight,
      pageScrolls: doc.scrollHeight > doc.clientHeight,
      viewport: window.innerHeight,
    };
  });
  expect(m.listOverflows).toBe(true); // the demo has more spaces than fit: else this proves nothing
  expect(m.listBottom).toBeLessThanOrEqual(m.paneBottom);
  expect(m.paneBottom).toBeLessThanOrEqual(m.viewport);
  expect(m.mainScrolls).toBe(false);
  expect(m.pageScrolls).toBe(false);
  await shot(page, 'e2e-main.png');
});

test('group chats and direct messages are named by their other members', async () => {
  // Only the rows in view are drawn: show each kind on its own to bring them into view.
  const show = page.getByRole('combobox', { name: 'Show' });
  await show.selectOption('GROUP_CHAT');
  await expect(page.getByRole('radio', { name: /^Priya Raman, Chen Wei, Jonas Weber Group chat/ })).toBeVisible();
  await show.selectOption('DIRECT_MESSAGE');
  await expect(page.getByRole('radio', { name: /^Camila Duarte Direct message/ })).toBeVisible();
  await show.selectOption('all');
  await page.getByRole('searchbox', { name: 'Search spaces' }).fill('kwame');
  await expect(page.getByRole('radio', { name: /^Amara Okafor, Kwame Mensah Group chat/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search spaces' }).fill('');
});

test('picks a space, adds a person and sees them joined', async () => {
  await chooseSpace('Engineering');
  await addPerson('kwame.mensah@example.com');
  await expect(card().getByText('Kwame Mensah is now in the space as Member.')).toBeVisible();
  await expect(badge()).toHaveText('Added');
  await expect(card().getByText('kwame.mensah@example.com')).toBeVisible();
  await expect(card().getByRole('heading', { name: 'Added' })).toBeVisible();
  await expect(memberRow('Engineering', 'Kwame Mensah')).toHaveCount(1);
  await expect(card().getByRole('textbox', { name: 'Resource name' })).toBeHidden();
  await card().getByText('Details').click();
  await expect(card().getByRole('textbox', { name: 'Resource name' })).toHaveValue(
    /^spaces\/AAAAq3Tz9Ek\/members\/\d+$/,
  );
  // Clearing the search shows every space again; the chosen one stays chosen.
  await page.getByRole('searchbox', { name: 'Search spaces' }).fill('');
  await expect(page.getByRole('radio', { name: /^Engineering/ })).toBeChecked();
  await accessible(page);
  await shot(page, 'e2e-joined.png');
  // Refreshing the list keeps the chosen space and its result.
  await page.getByRole('button', { name: 'Refresh spaces' }).click();
  await expect(page.getByRole('button', { name: 'Refresh spaces' })).toBeEnabled();
  await expect(page.getByRole('radio', { name: /^Engineering/ })).toBeChecked();
  await expect(card().getByText('Kwame Mensah is now in the space as Member.')).toBeVisible();
});

test('a person with auto-accept off shows as invited', async () => {
  await addPerson('hiroshi.tanaka@example.com');
  await expect(card().getByRole('heading', { name: 'Invited' })).toBeVisible();
  await expect(badge()).toHaveText('Invited');
  await expect(card().getByText('They must accept the invitation before they can see the space.')).toBeVisible();
  await accessible(page);
  await expect(card()).toContainText('hiroshi.tanaka@example.com');
});

test('an existing member reads as already there', async () => {
  await addPerson('priya.raman@example.com');
  await expect(card().getByRole('heading', { name: 'Already a member' })).toBeVisible();
  await expect(badge()).toHaveText('Already there');
  await expect(card()).toContainText('priya.raman@example.com');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a malformed email is refused with no request sent', async () => {
  await page.evaluate(() => {
    const w = window as unknown as { go: { main: { Members: Record<string, (...a: unknown[]) => unknown> } }; addCalls: number };
    w.addCalls = 0;
    const real = w.go.main.Members.Add;
    w.go.main.Members.Add = (...args: unknown[]) => {
      w.addCalls++;
      return real(...args);
    };
  });
  await addPerson('jane doe@@example.com');
  await expect(page.getByRole('alert')).toContainText('1 entry is not an address');
  // The outcome of the previous add is gone: it would read as this attempt's.
  await expect(card()).toHaveCount(0);
  // What was typed stays, as a chip that says what is wrong with it.
  const chip = page.getByRole('list', { name: /to add$/ }).getByRole('listitem');
  await expect(chip).toHaveCount(1);
  await expect(chip).toContainText('jane doe@@example.com');
  await expect(chip).toContainText('isn’t a valid email address');
  expect(await page.evaluate(() => (window as unknown as { addCalls: number }).addCalls)).toBe(0);
  // Later steps start with no chips.
  await chip.getByRole('button', { name: 'Remove jane doe@@example.com' }).click();
  await expect(chip).toHaveCount(0);
});

test('another account on the extra permission page is refused; still signed in as the first', async () => {
  const before = openedURLs().length;
  await page.getByRole('radio', { name: 'This Chat app' }).check();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const waiting = page.getByRole('region', { name: 'Waiting for your permission in the browser' });
  await expect(waiting).toBeVisible();
  // The consent page offers every account of the organisation; the person picks another one.
  const wrong = /You chose priya\.raman@example\.com in the browser, but Chat Members is signed in as admin@example\.com/;
  const url = await consentInBrowser(context, before, 'priya.raman@example.com', wrong);
  expect(new URL(url).searchParams.get('login_hint')).toBe('admin@example.com');
  await expect(waiting).toBeHidden();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(wrong);
  await expect(alert).toContainText('Try again and choose admin@example.com');
  await expect(page.getByRole('banner').getByText('Signed in as admin@example.com')).toBeVisible();
  await shot(page, 'e2e-wrong-account.png');
  // The sign-in kept is the first account's: its spaces still list.
  await page.getByRole('button', { name: 'Refresh spaces' }).click();
  await expect(page.getByRole('button', { name: 'Refresh spaces' })).toBeEnabled();
  await expect(page.getByRole('radio', { name: /^Engineering/ })).toBeChecked();
  await expect(page.getByRole('banner').getByText('Signed in as admin@example.com')).toBeVisible();
});

test('adds the Chat app after allowing the one extra permission', async () => {
  const before = openedURLs().length;
  await page.getByRole('radio', { name: 'This Chat app' }).check();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const waiting = page.getByRole('region', { name: 'Waiting for your permission in the browser' });
  await expect(waiting).toBeVisible();
  await expect(waiting.getByRole('textbox', { name: 'Permission link' })).toHaveValue(/chat\.memberships\.app/);
  // The Add button is disabled while waiting: the focus goes to the waiting panel, not the page.
  await expect(waiting.getByRole('heading', { name: 'Waiting for your permission in the browser' })).toBeFocused();
  await accessible(page);
  const url = await consentInBrowser(context, before, 'admin@example.com');
  await expect(waiting).toBeHidden();
  expect(new URL(url).searchParams.get('scope')).toContain('chat.memberships.app');
  await expect(fact('Status')).toHaveText('Joined');
  await expect(fact('Member')).toContainText('Chat Members'); // the demo Chat app's display name
  await shot(page, 'e2e-app.png');
});

/** The member list of the chosen space, and one of its rows by a text in it. */
const memberList = (space: string) => page.getByRole('list', { name: `Members of ${space}` });
const memberRow = (space: string, text: string) => memberList(space).getByRole('listitem').filter({ hasText: text });

test('lists the members of a space: roles, invitations, the user’s own role, search', async () => {
  await chooseSpace('Marketing');
  const list = memberList('Marketing');
  await expect(list).toBeVisible();
  await expect(page.getByText(/^\d+ members · 2 invited$/)).toBeVisible();
  await expect(page.getByText('You are an owner')).toBeVisible();
  await expect(memberRow('Marketing', 'Alex Rivera')).toContainText('You');
  await expect(memberRow('Marketing', 'Giulia Rossi')).toContainText('Manager');
  await expect(memberRow('Marketing', 'Camila Duarte')).toContainText('Owner');
  await expect(memberRow('Marketing', 'Google Group')).toHaveCount(1);
  await expect(memberRow('Marketing', 'Chat app')).toHaveCount(1);
  await expect(memberRow('Marketing', 'Invited, not yet accepted')).toHaveCount(2);
  const search = page.getByRole('searchbox', { name: 'Search members' });
  await search.fill('valentina');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await search.fill('');
  await accessible(page);
  await shot(page, 'e2e-members.png');
});

test('changes a role after a confirmation that names the member and the space', async () => {
  await page.getByRole('button', { name: 'Change role of Giulia Rossi' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Change the role of Giulia Rossi?' });
  await expect(dialog).toContainText('In Marketing, Giulia Rossi is Manager now.');
  await dialog.getByRole('radio', { name: 'Member' }).check();
  await accessible(page);
  await dialog.getByRole('button', { name: 'Make Member' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Giulia Rossi is now Member in Marketing.', { exact: true }).first()).toBeVisible();
  await expect(memberRow('Marketing', 'Giulia Rossi')).toContainText('Member');
  await expect(memberRow('Marketing', 'Giulia Rossi')).not.toContainText('Manager');
  await expect(page.getByRole('button', { name: 'Change role of Giulia Rossi' })).toBeFocused();
});

test('removes someone after a confirmation', async () => {
  await page.getByRole('button', { name: 'Remove Valentina Costa' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove Valentina Costa from Marketing?' });
  await expect(dialog.getByRole('button', { name: 'Go back' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(memberRow('Marketing', 'Valentina Costa')).toHaveCount(0);
});

test('cancels an invitation after a confirmation', async () => {
  await page.getByRole('button', { name: /^Cancel invitation of/ }).first().click();
  const dialog = page.getByRole('alertdialog', { name: /^Cancel the invitation of .+ to Marketing\?$/ });
  await dialog.getByRole('button', { name: 'Cancel invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^\d+ members · 1 invited$/)).toBeVisible();
  await expect(memberRow('Marketing', 'Invited, not yet accepted')).toHaveCount(1);
  await accessible(page);
  await shot(page, 'e2e-members-after.png');
});

/** Plays a name into the people field and picks the colleague from the suggestions. */
async function pickColleague(name: string) {
  const box = page.getByRole('combobox', { name: 'Names, email addresses or Google Groups' });
  await box.fill(name);
  const option = page.getByRole('listbox', { name: 'Suggested colleagues' }).getByRole('option', { name: new RegExp(name) });
  await expect(option).toBeVisible();
  await box.press('Enter');
  await expect(page.getByRole('list', { name: /to add$/ }).getByText(new RegExp(name))).toBeVisible();
}

test('adds two people by name and a Google Group as managers, one result each', async () => {
  await chooseSpace('Engineering');
  await expect(memberRow('Engineering', 'Alex Rivera')).toHaveCount(1); // the list is there
  await expect(memberRow('Engineering', 'Amara Okafor')).toHaveCount(0);
  await page.getByRole('radio', { name: 'People or groups' }).check();
  const box = page.getByRole('combobox', { name: 'Names, email addresses or Google Groups' });
  // The first suggestion asks for the directory permission, once.
  const before = openedURLs().length;
  await box.fill('Amara');
  const waiting = page.getByRole('region', { name: 'Waiting for your permission in the browser' });
  await expect(waiting).toBeVisible();
  const url = await consentInBrowser(context, before, 'admin@example.com');
  expect(new URL(url).searchParams.get('scope')).toContain('directory.readonly');
  await expect(waiting).toBeHidden();
  await box.focus();
  await pickColleague('Amara Okafor');
  await pickColleague('Benedikt Schmid');
  expect(openedURLs().length).toBe(before + 1);
  await box.fill('engineering@example.com,');
  await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Manager' });
  await accessible(page);
  await page.getByRole('button', { name: 'Add 3 people' }).click();
  // The group is looked up in Cloud Identity: its permission is asked when first needed.
  await consentInBrowser(context, before + 1, 'admin@example.com');
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('status')).toHaveText('3 in the space, 0 not added.');
  const rows = results.getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Amara Okafor is now in the space as Manager.');
  await expect(rows.nth(1)).toContainText('Benedikt Schmid is now in the space as Manager.');
  await expect(rows.nth(2)).toContainText('engineering@example.com is now in the space: everyone in the group can see it.');
  await expect(rows.nth(2)).toContainText('engineering@example.com is a Google Group: groups have no role in a space');
  // The member list beside the form lists the space again: the new members are in it.
  await expect(memberRow('Engineering', 'Amara Okafor')).toContainText('Manager');
  await expect(memberRow('Engineering', 'Benedikt Schmid')).toContainText('Manager');
  await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeVisible();
  await accessible(page);
  await shot(page, 'e2e-add-people.png');
});

test('a malformed entry among people is refused with nothing sent', async () => {
  await page.evaluate(() => {
    const w = window as unknown as { go: { main: { Members: Record<string, (...a: unknown[]) => unknown> } }; addCalls: number };
    w.addCalls = 0;
    const real = w.go.main.Members.Add;
    w.go.main.Members.Add = (...args: unknown[]) => {
      w.addCalls++;
      return real(...args);
    };
  });
  const box = page.getByRole('combobox', { name: 'Names, email addresses or Google Groups' });
  await box.fill('olga.ivanova@example.com, jane doe@@example.com,');
  const chips = page.getByRole('list', { name: /to add$/ });
  await expect(chips.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Add 1 person' }).click();
  await expect(page.getByRole('alert').first()).toContainText('1 entry is not an address');
  await expect(chips.getByRole('listitem')).toHaveCount(2);
  expect(await page.evaluate(() => (window as unknown as { addCalls: number }).addCalls)).toBe(0);
  await accessible(page);
});

test('switches to administrator, finds a space the admin is not in and adds someone there', async () => {
  const before = openedURLs().length;
  const toggle = page.getByRole('switch', { name: 'Act as administrator' });
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  // One permission page for both administrator scopes, for the signed-in account.
  const url = await consentInBrowser(context, before, 'admin@example.com');
  const q = new URL(url).searchParams;
  expect(q.get('scope')).toContain('chat.admin.spaces.readonly');
  expect(q.get('scope')).toContain('chat.admin.memberships');
  expect(q.get('login_hint')).toBe('admin@example.com');
  await expect(toggle).toBeChecked();
  await expect(page.getByRole('banner').getByText('Administrator mode is on')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'All spaces in your organisation' })).toBeVisible();
  await accessible(page);

  // Google searches the organisation by name; the admin is not in Board Prep.
  await page.getByRole('searchbox', { name: 'Search the organisation by space name' }).fill('board');
  const board = page.getByRole('radio', { name: /^Board Prep \(Confidential\)/ });
  await expect(board).toBeVisible();
  await expect(page.getByText('1 of 1 space shown')).toBeVisible();
  await expect(page.locator('label.space', { has: board })).toContainText('You are not a member');
  await board.check();
  await expect(page.getByRole('heading', { name: 'Add to Board Prep (Confidential)' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'This Chat app' })).toHaveCount(0);
  await expect(page.getByText("Administrator mode adds people only: Google doesn't allow adding apps")).toBeVisible();

  // Someone from outside the organisation: the form says why before anything is sent. (The
  // people-or-groups form of an earlier step is still chosen: administrator mode keeps it.)
  await expect(page.getByRole('radio', { name: 'People or groups' })).toBeChecked();
  const box = page.getByRole('combobox', { name: 'Names, email addresses or Google Groups' });
  const chips = page.getByRole('list', { name: /to add$/ });
  // The chips of the malformed-entry step are still there (chips outlive a change of space).
  for (const left of ['olga.ivanova@example.com', 'jane doe@@example.com']) {
    await chips.getByRole('button', { name: `Remove ${left}` }).click();
  }
  await expect(chips).toHaveCount(0);
  await box.fill('lena.fischer@example.net');
  await expect(page.getByText(/lena\.fischer@example\.net is outside your organisation \(example\.com\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Add 1 person' }).click();
  const outside = page.getByRole('alert').filter({ hasText: 'lena.fischer@example.net is outside your organisation' });
  await expect(outside).toContainText('administrator access can only add people and groups of your organisation');
  await expect(card()).toHaveCount(0);
  await outside.getByRole('button', { name: 'Remove the outside entries' }).click();
  await expect(chips).toHaveCount(0);

  await box.fill('kwame.mensah@example.com');
  await page.getByRole('button', { name: 'Add 1 person' }).click();
  await expect(badge()).toHaveText('Added');
  await expect(card()).toContainText('kwame.mensah@example.com');
  await expect(page.getByRole('heading', { name: 'Add to Board Prep (Confidential)' })).toBeVisible();
  await expect(memberRow('Board Prep (Confidential)', 'Kwame Mensah')).toHaveCount(1);
  await accessible(page);
  await shot(page, 'e2e-admin.png');

  // The people-or-groups form follows the mode too: the organisation's domain is named, an
  // outside address refused before sending, and a group goes in with administrator access.
  await page.getByRole('radio', { name: 'People or groups' }).check();
  await expect(page.getByText('Administrator mode adds only people of your organisation (example.com).')).toBeVisible();
  await expect(chips).toHaveCount(0);
  await box.fill('lena.fischer@example.net, engineering@example.com,');
  await expect(chips.getByRole('listitem').filter({ hasText: 'engineering@example.com' })).toHaveCount(1);
  await expect(chips.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Add 2 people' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'lena.fischer@example.net is outside your organisation' });
  await expect(refusal).toContainText('nothing was sent');
  await refusal.getByRole('button', { name: 'Remove the outside entries' }).click();
  await expect(chips.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: 'Role' })).toBeVisible();
  await page.getByRole('button', { name: 'Add 1 person' }).click();
  // One entry: its outcome is the heading, its sentence the status.
  const results = page.getByRole('region', { name: 'Added' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('status')).toContainText('engineering@example.com is now in the space: everyone in the group can see it.');
  await expect(memberRow('Board Prep (Confidential)', 'Google Group')).toHaveCount(1);
  await accessible(page);

  // Off is immediate: the user's own spaces again, the app option back.
  const opened = openedURLs().length;
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(page.getByRole('heading', { name: 'Spaces', exact: true })).toBeVisible();
  // The user's own list keeps the search an earlier step typed ("Marketing"): clear it.
  await page.getByRole('searchbox', { name: 'Search spaces' }).fill('');
  await expect(page.getByRole('radio', { name: /^Engineering/ })).toBeVisible();
  expect(openedURLs().length).toBe(opened);
});

test('a non-admin who switches administrator mode on is told plainly, and it stays off', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  const signIn = openedURLs().length;
  await page.getByRole('button', { name: 'Try the demo workspace' }).click();
  // The demo's consent page offers every account of the organisation: this person is Camila.
  await consentInBrowser(context, signIn, 'camila.duarte@example.com');
  await expect(page.getByRole('banner').getByText('Signed in as camila.duarte@example.com')).toBeVisible();

  const before = openedURLs().length;
  const toggle = page.getByRole('switch', { name: 'Act as administrator' });
  await toggle.click();
  await consentInBrowser(context, before, 'camila.duarte@example.com');
  const alert = page.getByRole('alert').filter({ hasText: "Couldn't switch on administrator mode" });
  await expect(alert).toContainText("Your account doesn't have the Google Workspace administrator privilege for Chat.");
  await expect(toggle).not.toBeChecked();
  await expect(page.getByRole('banner').getByText('Administrator mode is on')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Spaces', exact: true })).toBeVisible();
  await accessible(page);
  await shot(page, 'e2e-not-admin.png');
});
