// Several accounts: the account menu in the header (menu button pattern), switching, adding and
// signing out of one, and nothing of one account left on screen for the other.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { app, deferred, SPACES, status } from '../../test/fake';
import { reset } from '../../test/fake';
import type { Space, Status } from '../../lib/api/app';

const CAMILA = { id: 'cid.111', email: 'camila@demo.example', name: 'Camila Duarte', subject: '111', clientId: 'cid', projectId: 'demo', lastUsed: 1 };
const PRIYA = { id: 'cid.222', email: 'priya@demo.example', name: '', subject: '222', clientId: 'cid', projectId: 'demo', lastUsed: 2 };
const accounts = [CAMILA, PRIYA];

const asCamila = status({ mode: 'demo', signedIn: true, account: CAMILA.email, accountId: CAMILA.id, accounts });
const asPriya = status({ mode: 'demo', signedIn: true, account: PRIYA.email, accountId: PRIYA.id, accounts });
const PRIYA_SPACES: Space[] = [
  { name: 'spaces/PPP1', displayName: 'Finance & Procurement', type: 'SPACE', uri: 'https://chat.google.com/room/PPP1', externalUserAllowed: false },
];

function start(s: Status = asCamila) {
  reset(s);
  const user = userEvent.setup();
  render(App);
  return user;
}

const menuButton = () => screen.getByRole('button', { name: /Signed in as/ });

describe('account menu', { timeout: 30_000 }, () => {
  it('is a menu button: the active account checked, arrows move, Escape closes and the focus returns', async () => {
    const user = start();
    await screen.findByRole('radio', { name: /Marketing team/ });
    const button = menuButton();
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).toBeNull();

    button.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: /Signed in as camila@demo\.example/ });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const active = within(menu).getByRole('menuitemradio', { name: 'Camila Duarte (camila@demo.example)' });
    expect(active).toHaveAttribute('aria-checked', 'true');
    expect(active).toHaveFocus();
    const other = within(menu).getByRole('menuitemradio', { name: 'priya@demo.example' });
    expect(other).toHaveAttribute('aria-checked', 'false');
    await user.keyboard('{ArrowDown}');
    expect(other).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Add another account' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(within(menu).getByRole('menuitem', { name: 'Sign out of priya@demo.example' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(active).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(within(menu).getByRole('menuitem', { name: 'Sign out of priya@demo.example' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });

  it('switching clears the first account’s spaces and selection, loads the other’s, and drops a late answer for the first', async () => {
    const user = start();
    await user.click(await screen.findByRole('radio', { name: /Marketing team/ }));
    // A reload for camila is still on its way when she switches.
    const late = deferred<Space[]>();
    app.ListSpaces.mockReturnValueOnce(late.promise as never);
    await user.click(screen.getByRole('button', { name: 'Refresh spaces' }));

    app.SwitchAccount.mockResolvedValue(asPriya as never);
    app.ListSpaces.mockResolvedValue(PRIYA_SPACES as never);
    await user.click(menuButton());
    await user.click(screen.getByRole('menuitemradio', { name: 'priya@demo.example' }));
    expect(app.SwitchAccount).toHaveBeenCalledWith(PRIYA.id);
    expect(await screen.findByRole('radio', { name: /Finance & Procurement/ })).toBeVisible();
    expect(screen.getByText('Signed in as priya@demo.example')).toBeVisible();
    expect(screen.queryByRole('radio', { name: /Marketing team/ })).toBeNull();
    expect(menuButton()).toHaveFocus();

    late.resolve(SPACES);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('radio', { name: /Marketing team/ })).toBeNull();
    expect(screen.getByRole('radio', { name: /Finance & Procurement/ })).not.toBeChecked();
  });

  it('Add another account runs a sign-in in the browser; the added account becomes active', async () => {
    const user = start();
    await screen.findByRole('radio', { name: /Marketing team/ });
    const added = deferred<Status>();
    app.AddAccount.mockReturnValue(added.promise as never);
    await user.click(menuButton());
    await user.click(screen.getByRole('menuitem', { name: 'Add another account' }));
    expect(app.AddAccount).toHaveBeenCalledOnce();
    expect(await screen.findByRole('heading', { name: 'Finish signing in in your browser…' })).toBeVisible();
    app.ListSpaces.mockResolvedValue(PRIYA_SPACES as never);
    added.resolve(asPriya);
    expect(await screen.findByRole('radio', { name: /Finance & Procurement/ })).toBeVisible();
    expect(screen.getByText('Signed in as priya@demo.example')).toBeVisible();
  });

  it('in live mode, adds an account of another Cloud project: its client file is chosen, then a sign-in', async () => {
    const user = start(status({ ...asCamila, mode: 'live' }));
    await screen.findByRole('radio', { name: /Marketing team/ });
    await user.click(menuButton());
    await user.click(screen.getByRole('menuitem', { name: /another Cloud project/ }));
    expect(app.ChooseClientSecret).toHaveBeenCalledOnce();
    expect(app.SignIn).toHaveBeenCalled();
  });

  it('in the demo, offers no other project (the demo has one)', async () => {
    const user = start();
    await screen.findByRole('radio', { name: /Marketing team/ });
    await user.click(menuButton());
    expect(screen.queryByRole('menuitem', { name: /another Cloud project/ })).toBeNull();
  });

  it('signs out of another account without leaving the active one', async () => {
    const user = start();
    await screen.findByRole('radio', { name: /Marketing team/ });
    app.SignOutAccount.mockResolvedValue(status({ ...asCamila, accounts: [CAMILA] }) as never);
    await user.click(menuButton());
    await user.click(screen.getByRole('menuitem', { name: 'Sign out of priya@demo.example' }));
    expect(app.SignOutAccount).toHaveBeenCalledWith(PRIYA.id);
    await waitFor(() => expect(menuButton()).toHaveFocus());
    expect(screen.getByRole('radio', { name: /Marketing team/ })).toBeVisible();
    await user.click(menuButton());
    expect(screen.queryByRole('menuitemradio', { name: 'priya@demo.example' })).toBeNull();
    expect(app.ListSpaces).toHaveBeenCalledOnce();
  });
});
