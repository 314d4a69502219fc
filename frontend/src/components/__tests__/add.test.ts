// Adding a person or the app to the chosen space, and the membership card.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { app, deferred, demoSignedIn, emit, membership, refusedBy, rejection, reset, runtime } from '../../test/fake';
import type { Membership } from '../../lib/api/app';

async function chosen(space = /Marketing team/) {
  reset(demoSignedIn);
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('radio', { name: space }));
  return user;
}

const emailBox = () => screen.getByRole('textbox', { name: 'Email address' });
const addButton = () => screen.getByRole('button', { name: 'Add' });
/** The membership card: a region named by its outcome. */
const OUTCOME = /^(Added|Invited|Already a member|Already invited)$/;
const card = () => screen.getByRole('region', { name: OUTCOME });
const findCard = () => screen.findByRole('region', { name: OUTCOME });

describe('add form', () => {
  it('asks for a space first, then names it', async () => {
    reset(demoSignedIn);
    const user = userEvent.setup();
    render(App);
    expect(await screen.findByText('Choose a space on the left to add someone to it.')).toBeVisible();
    await user.click(await screen.findByRole('radio', { name: /Marketing team/ }));
    expect(screen.getByRole('heading', { name: 'Add to Marketing team' })).toBeVisible();
    expect(screen.getByRole('radio', { name: 'A person' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'This Chat app' })).not.toBeChecked();
  });

  it('adds a person and shows the card: joined, role, time, resource name, link', async () => {
    const user = await chosen();
    await user.type(emailBox(), '  jane@demo.example ');
    await user.click(addButton());

    expect(app.AddPerson).toHaveBeenCalledWith('spaces/AAA1', 'jane@demo.example');
    const c = await findCard();
    expect(within(c).getByText('Jane Doe is now in Marketing team.')).toBeVisible();
    expect(within(c).getByText('Joined')).toBeVisible();
    expect(within(c).getByText('jane@demo.example')).toBeVisible();
    expect(within(c).getByText('Member', { selector: 'dd' })).toBeVisible();
    expect(within(c).getByText(/March 5, 2026/)).toHaveAttribute('datetime', '2026-03-05T14:30:00Z');
    // The resource name is for the curious: folded away under Details.
    expect(within(c).getByRole('heading', { name: 'Added' })).toBeVisible();
    expect(within(c).getByRole('textbox', { name: 'Resource name' })).not.toBeVisible();
    await user.click(within(c).getByText('Details'));
    const resource = within(c).getByRole('textbox', { name: 'Resource name' });
    expect(resource).toBeVisible();
    expect(resource).toHaveValue('spaces/AAA1/members/111');
    expect(resource).toHaveAttribute('readonly');
    expect(within(c).getByRole('button', { name: 'Copy resource name' })).toBeVisible();
    // A success clears the field for the next person.
    expect(emailBox()).toHaveValue('');

    await user.click(within(c).getByRole('link', { name: 'Open in Google Chat' }));
    expect(app.OpenInBrowser).toHaveBeenCalledWith('https://chat.google.com/room/AAA1');
  });

  it('explains an invitation that must be accepted', async () => {
    const user = await chosen();
    app.AddPerson.mockResolvedValue(membership({ state: 'INVITED', displayName: '', email: 'guest@partner.example' }) as never);
    await user.type(emailBox(), 'guest@partner.example');
    await user.click(addButton());
    await findCard();
    // The heading says what happened, the badge is one word, the explanation a sentence below.
    expect(within(card()).getByRole('heading', { name: 'Invited' })).toBeVisible();
    expect(within(card()).getByText('Invited', { selector: '.state' })).toBeVisible();
    expect(within(card()).getByText('guest@partner.example was invited to Marketing team.')).toBeVisible();
    expect(within(card()).getByText('They must accept the invitation before they can see the space.')).toBeVisible();
    expect(within(card()).getByText('Invited on', { selector: 'dt' })).toBeVisible();
    expect(within(card()).queryByText(/^Added$/)).not.toBeInTheDocument();
  });

  it('shows someone already in the space as already a member, not as an error', async () => {
    const user = await chosen();
    app.AddPerson.mockResolvedValue(
      membership({ alreadyMember: true, role: 'ROLE_ASSISTANT_MANAGER', createTime: '2025-01-02T09:00:00Z' }) as never,
    );
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    await findCard();
    expect(within(card()).getByText('Already a member', { selector: '.state' })).toBeVisible();
    expect(within(card()).getByText('Jane Doe was already in Marketing team. Nothing was changed.')).toBeVisible();
    expect(within(card()).getByText('Manager')).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    ['ROLE_MEMBER', 'Member'],
    ['ROLE_ASSISTANT_MANAGER', 'Manager'],
    ['ROLE_MANAGER', 'Owner'],
  ] as const)('names the role %s in words: %s', async (role, words) => {
    const user = await chosen();
    app.AddPerson.mockResolvedValue(membership({ role }) as never);
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    await findCard();
    expect(within(card()).getByText(words, { selector: 'dd' })).toBeVisible();
  });

  it('refuses inline what Go refuses, and makes no call', async () => {
    const user = await chosen();
    refusedBy('chat.invalid_email');
    await user.type(emailBox(), 'jane@example');
    await user.click(addButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“jane@example” doesn’t look like an email address.',
    );
    expect(emailBox()).toHaveAttribute('aria-invalid', 'true');
    expect(emailBox()).toHaveAccessibleDescription(/doesn’t look like an email address/);
    expect(emailBox()).toHaveValue('jane@example');
    expect(emailBox()).toHaveFocus();

    await user.clear(emailBox());
    await user.click(addButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('Type an email address.');
    expect(app.AddPerson).not.toHaveBeenCalled();
    expect(app.CheckPeople).toHaveBeenCalledWith('jane@example');
  });

  it('takes the refusal away as soon as the address is edited', async () => {
    const user = await chosen();
    refusedBy('chat.invalid_email');
    await user.type(emailBox(), 'jane doe@@example');
    await user.click(addButton());
    expect(await screen.findByRole('alert')).toBeVisible();
    await user.type(emailBox(), '.com');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(emailBox()).toHaveAttribute('aria-invalid', 'false');
    expect(emailBox()).toHaveValue('jane doe@@example.com');
  });

  it('is busy while adding, then shows a backend problem with its fix and details, keeping the email', async () => {
    const user = await chosen();
    const pending = deferred<Membership>();
    app.AddPerson.mockReturnValue(pending.promise as never);
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());

    const busy = screen.getByRole('button', { name: 'Adding…' });
    expect(busy).toBeDisabled();
    await user.click(busy);
    expect(app.AddPerson).toHaveBeenCalledOnce();

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

    expect(emailBox()).toHaveValue('jane@demo.example');
    expect(addButton()).toBeEnabled();
    expect(screen.queryByRole('region', { name: OUTCOME })).not.toBeInTheDocument();
  });

  it('falls back to the English the backend sent for a code it does not know', async () => {
    const user = await chosen();
    app.AddPerson.mockRejectedValue(
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
    expect(screen.queryByRole('textbox', { name: 'Email address' })).not.toBeInTheDocument();
    await user.click(addButton());
    expect(app.AddApp).toHaveBeenCalledWith('spaces/AAA1');
    expect(app.AddPerson).not.toHaveBeenCalled();
    await findCard();
    expect(within(card()).getByText('This Chat app is now in Marketing team.')).toBeVisible();
  });

  it('offers only the app in a direct message', async () => {
    await chosen(/Direct message/);
    expect(screen.getByRole('heading', { name: 'Add to Direct message' })).toBeVisible();
    expect(screen.getByRole('radio', { name: 'A person' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'This Chat app' })).toBeChecked();
    expect(screen.getByText('Only this Chat app can be added to a direct message.')).toBeVisible();
  });

  it('keeps the typed email when another space is chosen, and clears the old result', async () => {
    const user = await chosen();
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    await findCard();
    await user.type(emailBox(), 'bob@demo.example');
    await user.click(screen.getByRole('radio', { name: /Partners/ }));
    expect(screen.queryByRole('region', { name: OUTCOME })).not.toBeInTheDocument();
    expect(emailBox()).toHaveValue('bob@demo.example');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Add to Partners' })).toBeVisible());
  });

  it('shows the card in Russian with the time formatted for Russian', async () => {
    const user = await chosen();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ru');
    await user.type(screen.getByRole('textbox', { name: 'Адрес электронной почты' }), 'jane@demo.example');
    await user.click(screen.getByRole('button', { name: 'Добавить' }));
    const c = await screen.findByRole('region', { name: 'Добавлено' });
    expect(within(c).getByText('Участвует в чате')).toBeVisible();
    expect(within(c).getByText(/5 марта 2026/)).toBeVisible();
    expect(within(c).getByRole('link', { name: 'Открыть в Google Chat' })).toBeVisible();
  });

  it('announces the outcome: the summary is a status message', async () => {
    const user = await chosen();
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    await findCard();
    const summary = within(card()).getByText('Jane Doe is now in Marketing team.');
    expect(summary.closest('[role="status"]')).not.toBeNull();
  });
});

describe('add form while a request is running', () => {
  it('keeps the email field usable, and keeps what was typed meanwhile', async () => {
    const user = await chosen();
    const pending = deferred<Membership>();
    app.AddPerson.mockReturnValue(pending.promise as never);
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    expect(screen.getByRole('button', { name: 'Adding…' })).toBeDisabled();
    expect(emailBox()).toBeEnabled();
    await user.clear(emailBox());
    await user.type(emailBox(), 'bob@demo.example');

    pending.resolve(membership());
    await findCard();
    expect(emailBox()).toHaveValue('bob@demo.example');
  });

  it('still reports an add that finished after another space was chosen, naming its space', async () => {
    const user = await chosen();
    const first = deferred<Membership>();
    app.AddPerson.mockReturnValueOnce(first.promise as never);
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    await user.click(screen.getByRole('radio', { name: /Partners/ }));
    first.resolve(membership());
    const card = await findCard();
    expect(screen.getByRole('heading', { name: 'Add to Partners' })).toBeVisible();
    expect(within(card).getByText('Jane Doe is now in Marketing team.')).toBeVisible();

    const second = deferred<Membership>();
    app.AddPerson.mockReturnValueOnce(second.promise as never);
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
  it('goes when a typed address is refused, so the card does not read as this attempt', async () => {
    const user = await chosen();
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    expect(await findCard()).toBeVisible();
    refusedBy('chat.invalid_email');
    await user.type(emailBox(), 'jane doe@@example');
    await user.click(addButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('doesn’t look like an email address');
    expect(screen.queryByRole('region', { name: OUTCOME })).not.toBeInTheDocument();
  });

  it('goes when a new add starts', async () => {
    const user = await chosen();
    await user.type(emailBox(), 'jane@demo.example');
    await user.click(addButton());
    expect(await findCard()).toBeVisible();
    const pending = deferred<Membership>();
    app.AddPerson.mockReturnValue(pending.promise as never);
    await user.type(emailBox(), 'bob@demo.example');
    await user.click(addButton());
    expect(screen.getByRole('button', { name: 'Adding…' })).toBeDisabled();
    expect(screen.queryByRole('region', { name: OUTCOME })).not.toBeInTheDocument();
    pending.resolve(membership({ displayName: 'Bob Stone', email: 'bob@demo.example' }));
    expect(within(await findCard()).getByText('Bob Stone is now in Marketing team.')).toBeVisible();
  });
});

describe('someone invited before', () => {
  it('reads as invited and not yet accepted, not as already a member', async () => {
    const user = await chosen();
    app.AddPerson.mockResolvedValue(
      membership({ state: 'INVITED', alreadyMember: true, displayName: '', email: 'guest@partner.example' }) as never,
    );
    await user.type(emailBox(), 'guest@partner.example');
    await user.click(addButton());
    const c = await findCard();
    expect(within(c).getByRole('heading', { name: 'Already invited' })).toBeVisible();
    expect(
      within(c).getByText('guest@partner.example is already invited to Marketing team but hasn’t accepted yet. Nothing was changed.'),
    ).toBeVisible();
    expect(within(c).getByText('Invited', { selector: '.state' })).toBeVisible();
    expect(within(c).queryByText('Already a member')).not.toBeInTheDocument();
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
