// Adding a person (through the people-or-groups form: one entry reads as one outcome) or the
// app to the chosen space.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { app, deferred, demoSignedIn, emit, membership, refusedBy, rejection, reset, runtime } from '../../test/fake';
import type { AddOutcome, Membership, Role } from '../../lib/api/app';

async function chosen(space = /Marketing team/) {
  reset(demoSignedIn);
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('radio', { name: space }));
  return user;
}

const emailBox = () => screen.getByRole('combobox', { name: 'Names, email addresses or Google Groups' });
/** The Add button: "Add" with nothing typed, "Add 1 person" with one entry. */
const addButton = () => screen.getByRole('button', { name: /^Add( \d+ (person|people))?$/ });
/** The outcome of one entry: a region named by its outcome. */
const OUTCOME = /^(Added|Invited|Already a member|Already invited)$/;
const card = () => screen.getByRole('region', { name: OUTCOME });
const findCard = () => screen.findByRole('region', { name: OUTCOME });

/** outcome is Go's answer for one entry that made it in as m. */
function outcome(m: Membership, entry = m.email, role: Role = 'ROLE_MEMBER'): AddOutcome {
  return { entry, kind: 'person', requestedRole: role, membership: m, roleProblem: null, problem: null };
}

/** adds makes Members.Add answer every call with m for its one entry. */
function adds(m: Membership = membership()) {
  app.Add.mockImplementation((async (_s: string, entries: string[], role: Role) => [outcome(m, entries[0], role)]) as never);
}

/** pendingAdd makes the next Members.Add wait for the membership it is given. */
function pendingAdd() {
  const d = deferred<Membership>();
  app.Add.mockImplementationOnce((async (_s: string, entries: string[], role: Role) => [outcome(await d.promise, entries[0], role)]) as never);
  return d;
}

describe('add form', () => {
  it('asks for a space first, then names it; people or groups is the default, with no separate single-person option', async () => {
    reset(demoSignedIn);
    const user = userEvent.setup();
    render(App);
    expect(await screen.findByText('Choose a space on the left to add someone to it.')).toBeVisible();
    await user.click(await screen.findByRole('radio', { name: /Marketing team/ }));
    expect(screen.getByRole('heading', { name: 'Add to Marketing team' })).toBeVisible();
    expect(screen.getByRole('radio', { name: 'People or groups' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'This Chat app' })).not.toBeChecked();
    expect(screen.queryByRole('radio', { name: 'A person' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('radio', { name: /^(People or groups|This Chat app)$/ })).toHaveLength(2);
  });

  it('adds a person and shows the outcome: joined, email, role, time, resource name, link', async () => {
    const user = await chosen();
    adds();
    await user.type(emailBox(), '  jane@demo.example ');
    await user.click(addButton());

    expect(app.Add).toHaveBeenCalledWith('spaces/AAA1', ['jane@demo.example'], 'ROLE_MEMBER', false);
    expect(app.Add).toHaveBeenCalledOnce();
    const c = await findCard();
    expect(within(c).getByText('Jane Doe is now in the space as Member.')).toBeVisible();
    expect(within(c).getByText('Added', { selector: '.result-badge' })).toBeVisible();
    expect(within(c).getByText('jane@demo.example')).toBeVisible();
    // The time and the resource name are for the curious: folded away under Details.
    expect(within(c).getByRole('heading', { name: 'Added' })).toBeVisible();
    expect(within(c).getByText(/March 5, 2026/)).toHaveAttribute('datetime', '2026-03-05T14:30:00Z');
    expect(within(c).getByText(/March 5, 2026/)).not.toBeVisible();
    expect(within(c).getByRole('textbox', { name: 'Resource name' })).not.toBeVisible();
    await user.click(within(c).getByText('Details'));
    expect(within(c).getByText(/March 5, 2026/)).toBeVisible();
    const resource = within(c).getByRole('textbox', { name: 'Resource name' });
    expect(resource).toBeVisible();
    expect(resource).toHaveValue('spaces/AAA1/members/111');
    expect(resource).toHaveAttribute('readonly');
    expect(within(c).getByRole('button', { name: 'Copy resource name' })).toBeVisible();
    // A success clears the field for the next person: no chip, nothing typed.
    expect(emailBox()).toHaveValue('');
    expect(screen.queryByRole('list', { name: /to add$/ })).not.toBeInTheDocument();

    await user.click(within(c).getByRole('link', { name: 'Open in Google Chat' }));
    expect(app.OpenInBrowser).toHaveBeenCalledWith('https://chat.google.com/room/AAA1');
  });

  it('explains an invitation that must be accepted', async () => {
    const user = await chosen();
    adds(membership({ state: 'INVITED', displayName: '', email: 'guest@partner.example' }));
    await user.type(emailBox(), 'guest@partner.example');
    await user.click(addButton());
    await findCard();
    // The heading says what happened, the badge is one word, the explanation a sentence below.
    expect(within(card()).getByRole('heading', { name: 'Invited' })).toBeVisible();
    expect(within(card()).getByText('Invited', { selector: '.result-badge' })).toBeVisible();
    expect(within(card()).getByText('guest@partner.example was invited as Member; they must accept.')).toBeVisible();
    expect(within(card()).getByText('They must accept the invitation before they can see the space.')).toBeVisible();
    expect(within(card()).getByText('Invited on', { selector: 'dt' })).toBeInTheDocument();
    expect(within(card()).queryByText(/^Added$/)).not.toBeInTheDocument();
  });

  it('shows someone already in the space as already a member, not as an error', async () => {
    const user = await chosen();
    adds(membership({ alreadyMember: true, role: 'ROLE_ASSISTANT_MANAGER', createTime: '2025-01-02T09:00:00Z' }));
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    await findCard();
    expect(within(card()).getByRole('heading', { name: 'Already a member' })).toBeVisible();
    expect(within(card()).getByText('Already there', { selector: '.result-badge' })).toBeVisible();
    expect(within(card()).getByText('Jane Doe was already in the space (Manager).')).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    ['ROLE_MEMBER', 'Member'],
    ['ROLE_ASSISTANT_MANAGER', 'Manager'],
    ['ROLE_MANAGER', 'Owner'],
  ] as const)('names the role %s in words: %s', async (role, words) => {
    const user = await chosen();
    adds(membership({ role }));
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    await findCard();
    expect(within(card()).getByText(`Jane Doe is now in the space as ${words}.`)).toBeVisible();
  });

  it('refuses inline what Go refuses, and makes no call', async () => {
    const user = await chosen();
    app.CheckPeople.mockImplementation(async (text: string) => ({
      leftOut: false,
      entries: [{ text, value: '', problem: { code: 'chat.invalid_email', message: 'x', params: { email: text } } }],
    }));
    await user.type(emailBox(), 'jane@example');
    await user.click(addButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('1 entry is not an address. Fix or remove it; nothing was sent.');
    expect(emailBox()).toHaveAttribute('aria-invalid', 'true');
    expect(emailBox()).toHaveAccessibleDescription(/1 entry is not an address/);
    // What was typed stays, as a chip that says what is wrong with it.
    const chip = within(screen.getByRole('list', { name: '1 entry to add' })).getByRole('listitem');
    expect(chip).toHaveTextContent('jane@example');
    expect(chip).toHaveTextContent('“jane@example” isn’t a valid email address.');
    expect(emailBox()).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Remove jane@example' }));
    await user.click(addButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('Type a name or an email address.');
    expect(app.Add).not.toHaveBeenCalled();
    expect(app.CheckPeople).toHaveBeenCalledWith('jane@example');
  });

  it('takes the refusal away as soon as the entry is edited', async () => {
    const user = await chosen();
    refusedBy('chat.invalid_email');
    await user.type(emailBox(), 'jane doe@@example');
    await user.click(addButton());
    expect(await screen.findByRole('alert')).toBeVisible();
    await user.type(emailBox(), '.com');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(emailBox()).toHaveAttribute('aria-invalid', 'false');
    expect(emailBox()).toHaveValue('.com');
  });

  it('is busy while adding, then shows a backend problem with its fix and details, keeping the entry', async () => {
    const user = await chosen();
    const pending = deferred<AddOutcome[]>();
    app.Add.mockReturnValue(pending.promise as never);
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());

    const busy = screen.getByRole('button', { name: 'Adding…' });
    expect(busy).toBeDisabled();
    await user.click(busy);
    expect(app.Add).toHaveBeenCalledOnce();

    pending.reject(
      rejection({
        code: 'chat.permission_denied',
        message: "You aren't allowed to add members to this space.",
        fix: 'Ask a manager.',
        detail: 'HTTP 403 PERMISSION_DENIED: The caller does not have permission',
      }),
    );
    const alert = await screen.findByRole('alert', { name: "Couldn't add" });
    expect(within(alert).getByText("You aren't allowed to add members to this space.")).toBeVisible();
    expect(
      within(alert).getByText('Ask a manager of the space to make you a manager, or to add the person for you.'),
    ).toBeVisible();
    const details = within(alert).getByText('Details');
    expect(within(alert).getByText(/HTTP 403 PERMISSION_DENIED/)).not.toBeVisible();
    await user.click(details);
    expect(within(alert).getByText(/HTTP 403 PERMISSION_DENIED/)).toBeVisible();
    expect(within(alert).getByText('Code: chat.permission_denied')).toBeVisible();

    expect(screen.getByRole('list', { name: '1 entry to add' })).toHaveTextContent('jane@demo.example');
    expect(addButton()).toBeEnabled();
    expect(screen.queryByRole('region', { name: OUTCOME })).not.toBeInTheDocument();
  });

  it('falls back to the English the backend sent for a code it does not know', async () => {
    const user = await chosen();
    app.Add.mockRejectedValue(
      rejection({ code: 'chat.brand_new', message: 'Something new happened.', fix: 'Do the new thing.' }),
    );
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    const alert = await screen.findByRole('alert', { name: "Couldn't add" });
    expect(within(alert).getByText('Something new happened.')).toBeVisible();
    expect(within(alert).getByText('Do the new thing.')).toBeVisible();
  });

  it('adds this Chat app', async () => {
    const user = await chosen();
    await user.click(screen.getByRole('radio', { name: 'This Chat app' }));
    expect(screen.queryByRole('combobox', { name: 'Names, email addresses or Google Groups' })).not.toBeInTheDocument();
    await user.click(addButton());
    expect(app.AddApp).toHaveBeenCalledWith('spaces/AAA1');
    expect(app.Add).not.toHaveBeenCalled();
    await findCard();
    expect(within(card()).getByText('This Chat app is now in Marketing team.')).toBeVisible();
  });

  it('offers only the app in a direct message', async () => {
    await chosen(/Direct message/);
    expect(screen.getByRole('heading', { name: 'Add to Direct message' })).toBeVisible();
    expect(screen.getByRole('radio', { name: 'People or groups' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'This Chat app' })).toBeChecked();
    expect(screen.getByText('Only this Chat app can be added to a direct message.')).toBeVisible();
  });

  it('keeps what is typed when another space is chosen, and clears the old result', async () => {
    const user = await chosen();
    adds();
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    await findCard();
    await user.type(emailBox(), 'bob@demo.example');
    await user.click(screen.getByRole('radio', { name: /Partners/ }));
    expect(screen.queryByRole('region', { name: OUTCOME })).not.toBeInTheDocument();
    expect(emailBox()).toHaveValue('bob@demo.example');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Add to Partners' })).toBeVisible());
  });

  it('shows the outcome in Russian with the time formatted for Russian', async () => {
    const user = await chosen();
    adds();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ru');
    await user.type(screen.getByRole('combobox', { name: 'Имена, адреса электронной почты или группы Google' }), 'jane@demo.example');
    await user.click(screen.getByRole('button', { name: 'Добавить 1 человека' }));
    const c = await screen.findByRole('region', { name: 'Добавлено' });
    expect(within(c).getByText('Jane Doe теперь в чате, роль: Участник.')).toBeVisible();
    await user.click(within(c).getByText('Подробности'));
    expect(within(c).getByText(/5 марта 2026/)).toBeVisible();
    expect(within(c).getByRole('link', { name: 'Открыть в Google Chat' })).toBeVisible();
  });

  it('announces the outcome: the sentence is a status message', async () => {
    const user = await chosen();
    adds();
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    await findCard();
    const summary = within(card()).getByText('Jane Doe is now in the space as Member.');
    expect(summary.closest('[role="status"]')).not.toBeNull();
  });
});

describe('add form while a request is running', () => {
  it('keeps the field usable, and keeps what was typed meanwhile', async () => {
    const user = await chosen();
    const pending = pendingAdd();
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    expect(screen.getByRole('button', { name: 'Adding…' })).toBeDisabled();
    expect(emailBox()).toBeEnabled();
    await user.type(emailBox(), 'bob@demo.example');

    pending.resolve(membership());
    await findCard();
    expect(emailBox()).toHaveValue('bob@demo.example');
  });

  it('still reports an add that finished after another space was chosen, naming its space', async () => {
    const user = await chosen();
    const first = pendingAdd();
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    await user.click(screen.getByRole('radio', { name: /Partners/ }));
    first.resolve(membership());
    const card = await findCard();
    expect(screen.getByRole('heading', { name: 'Add to Partners' })).toBeVisible();
    expect(within(card).getByText('These results are for Marketing team.')).toBeVisible();
    expect(within(card).getByText('Jane Doe is now in the space as Member.')).toBeVisible();

    const second = deferred<AddOutcome[]>();
    app.Add.mockReturnValueOnce(second.promise as never);
    await user.type(emailBox(), 'bob@demo.example');
    await user.click(addButton());
    await user.click(screen.getByRole('radio', { name: /Marketing team/ }));
    second.reject(rejection({ code: 'chat.permission_denied', message: 'No.', fix: 'Ask.' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: "Couldn't add to Partners" })).toBeVisible();
  });
});

describe('adding while the browser asks for one more permission', () => {
  const consentURL = 'http://127.0.0.1:43123/o/oauth2/auth?scope=chat.memberships.app&state=xyz';

  async function waitingForConsent() {
    const user = await chosen();
    const pending = deferred<Membership>();
    app.AddApp.mockReturnValue(pending.promise as never);
    app.CancelSignIn.mockImplementation(async () =>
      pending.reject(rejection({ code: 'auth.cancelled', message: 'Sign-in was cancelled.' })),
    );
    await user.click(screen.getByRole('radio', { name: 'This Chat app' }));
    await user.click(addButton());
    expect(screen.queryByRole('region', { name: 'Waiting for your permission in the browser' })).toBeNull();
    emit('auth:url', consentURL);
    const region = await screen.findByRole('region', { name: 'Waiting for your permission in the browser' });
    return { user, pending, region };
  }

  it('says so, with the link to copy and a way to cancel', async () => {
    const { user, pending, region } = await waitingForConsent();
    expect(
      within(region).getByText(
        'Chat Members needs one more permission: allow it in your browser, then come back to this window.',
      ),
    ).toBeVisible();
    const link = within(region).getByRole('textbox', { name: 'Permission link' });
    expect(link).toHaveValue(consentURL);
    await user.click(within(region).getByRole('button', { name: 'Copy' }));
    expect(runtime.ClipboardSetText).toHaveBeenCalledWith(consentURL);

    pending.resolve(membership({ memberType: 'BOT', displayName: '', email: '' }));
    expect(await findCard()).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Waiting for your permission in the browser' })).toBeNull();
  });

  it('cancels through CancelSignIn, and the cancellation is no error', async () => {
    const { user, region } = await waitingForConsent();
    await user.click(within(region).getByRole('button', { name: 'Cancel' }));
    expect(app.CancelSignIn).toHaveBeenCalledOnce();
    await waitFor(() => expect(addButton()).toBeEnabled());
    expect(screen.queryByRole('region', { name: 'Waiting for your permission in the browser' })).toBeNull();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'This Chat app' })).toBeChecked();
    expect(screen.getByRole('heading', { name: 'Add to Marketing team' })).toBeVisible();
  });

  it('ignores a sign-in link when no add is running', async () => {
    await chosen();
    emit('auth:url', consentURL);
    await Promise.resolve();
    expect(screen.queryByRole('textbox', { name: 'Permission link' })).toBeNull();
  });
});

describe('the previous result', () => {
  it('goes when a typed address is refused, so the outcome does not read as this attempt', async () => {
    const user = await chosen();
    adds();
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    expect(await findCard()).toBeVisible();
    refusedBy('chat.invalid_email');
    await user.type(emailBox(), 'jane doe@@example');
    await user.click(addButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('1 entry is not an address');
    expect(screen.queryByRole('region', { name: OUTCOME })).not.toBeInTheDocument();
  });

  it('goes when a new add starts', async () => {
    const user = await chosen();
    adds();
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    expect(await findCard()).toBeVisible();
    const pending = pendingAdd();
    await user.type(emailBox(), 'bob@demo.example');
    await user.click(addButton());
    expect(screen.getByRole('button', { name: 'Adding…' })).toBeDisabled();
    expect(screen.queryByRole('region', { name: OUTCOME })).not.toBeInTheDocument();
    pending.resolve(membership({ displayName: 'Bob Stone', email: 'bob@demo.example' }));
    expect(within(await findCard()).getByText('Bob Stone is now in the space as Member.')).toBeVisible();
  });
});

describe('someone invited before', () => {
  it('reads as invited and not yet accepted, not as already a member', async () => {
    const user = await chosen();
    adds(membership({ state: 'INVITED', alreadyMember: true, displayName: '', email: 'guest@partner.example' }));
    await user.type(emailBox(), 'guest@partner.example');
    await user.click(addButton());
    const c = await findCard();
    expect(within(c).getByRole('heading', { name: 'Already invited' })).toBeVisible();
    expect(within(c).getByText('guest@partner.example was already invited and has not accepted yet.')).toBeVisible();
    expect(within(c).getByText('Already invited', { selector: '.result-badge' })).toBeVisible();
    expect(within(c).queryByText('Already a member')).not.toBeInTheDocument();
    expect(within(c).queryByText('Already there')).not.toBeInTheDocument();
  });
});

describe('focus and keys while waiting for a permission', () => {
  const consentURL = 'http://127.0.0.1:43123/o/oauth2/auth?scope=chat.memberships.app&state=xyz';

  async function waiting() {
    const user = await chosen();
    const pending = deferred<Membership>();
    app.AddApp.mockReturnValue(pending.promise as never);
    app.CancelSignIn.mockImplementation(async () =>
      pending.reject(rejection({ code: 'auth.cancelled', message: 'Sign-in was cancelled.' })),
    );
    await user.click(screen.getByRole('radio', { name: 'This Chat app' }));
    await user.click(addButton());
    emit('auth:url', consentURL);
    const region = await screen.findByRole('region', { name: 'Waiting for your permission in the browser' });
    return { user, pending, region };
  }

  it('moves the focus to the waiting panel, not to the page', async () => {
    const { region } = await waiting();
    await waitFor(() =>
      expect(within(region).getByRole('heading', { name: 'Waiting for your permission in the browser' })).toHaveFocus(),
    );
    expect(document.activeElement).not.toBe(document.body);
  });

  it('after Cancel, gives the focus back to the Add button', async () => {
    const { user, region } = await waiting();
    await user.click(within(region).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(addButton()).toHaveFocus());
  });

  it('Escape cancels the wait', async () => {
    const { user } = await waiting();
    await user.keyboard('{Escape}');
    expect(app.CancelSignIn).toHaveBeenCalledOnce();
    await waitFor(() => expect(addButton()).toHaveFocus());
    expect(screen.queryByRole('region', { name: 'Waiting for your permission in the browser' })).toBeNull();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('when the browser could not be opened, says so and puts the link first', async () => {
    const { region } = await waiting();
    expect(within(region).getByText(/allow it in your browser/)).toBeVisible();
    emit('auth:browser_failed', consentURL);
    const alert = await within(region).findByRole('alert');
    expect(alert).toHaveTextContent('Your browser could not be opened. Open this link in your browser:');
    expect(within(region).queryByText(/allow it in your browser/)).toBeNull();
    const link = within(region).getByRole('textbox', { name: 'Permission link' });
    expect(link).toHaveValue(consentURL);
    // The link and its Copy come right after the message, before anything else to do.
    const order = [alert, link, within(region).getByRole('button', { name: 'Copy' }), within(region).getByRole('button', { name: 'Cancel' })];
    for (let i = 1; i < order.length; i++) {
      expect(order[i - 1].compareDocumentPosition(order[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });
});
